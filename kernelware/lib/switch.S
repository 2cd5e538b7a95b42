/*
 * libkw - entering and leaving kernel mode where the caller stands.
 *
 * long kw_enter_here(int fd, unsigned long cmd, struct kw_enter *e)
 *	Stores the caller's state at its return (callee-saved registers,
 *	stack pointer, return address, rax 0) in e->regs and hands e to
 *	ioctl(fd, cmd = KW_IOC_ENTER).  On success the caller goes on in
 *	ring 0 and this code never runs again; returns -errno if the ioctl
 *	failed.
 *
 * long kw_leave_here(void)
 *	The system call that ends kernel mode: in ring 0 the caller goes
 *	on in user mode, with 0.
 */
#define KW_NR_USER_MODE	0x6b770001
#define KW_NR_KCALL	0x6b770002
#include "kw_reentry.h"

	.text
	.globl	kw_enter_here
	.hidden	kw_enter_here
	.type	kw_enter_here, @function
kw_enter_here:
	movq	%r15, 0(%rdx)
	movq	%r14, 8(%rdx)
	movq	%r13, 16(%rdx)
	movq	%r12, 24(%rdx)
	movq	%rbp, 32(%rdx)
	movq	%rbx, 40(%rdx)
	movq	$0, KW_RAX(%rdx)
	movq	(%rsp), %rax			/* the return address */
	movq	%rax, KW_RIP(%rdx)
	leaq	8(%rsp), %rax
	movq	%rax, KW_RSP(%rdx)		/* rsp after the return */
	pushfq
	popq	%rax
	movq	%rax, KW_EFLAGS(%rdx)
	movl	$KW_NR_IOCTL, %eax
	syscall
	ret
	.size	kw_enter_here, . - kw_enter_here

.macro libkw_failed
	andq	$-16, %rsp
	call	kw_resume_failed
	ud2
.endm

/* The re-entry code (kw_reentry.h), for every thread of the program. */
	.globl	kw_resume
	.hidden	kw_resume
	syscall				/* a bounced or restarted syscall */
kw_resume:
	KW_RESUME kw_resume, kw_fd(%rip), libkw_failed

	.globl	kw_leave_here
	.hidden	kw_leave_here
	.type	kw_leave_here, @function
kw_leave_here:
	movl	$KW_NR_USER_MODE, %eax
	syscall
	ret
	.size	kw_leave_here, . - kw_leave_here

/*
 * long kw_kcall_here(void *fn, long a1, long a2, long a3, long a4, long a5,
 *		      long a6)
 *	In ring 0: KW_NR_KCALL with fn and five arguments in the syscall
 *	registers, which are the C ones but r10 for rcx; the sixth stays
 *	on the stack, above the return address, where the module reads it.
 */
	.globl	kw_kcall_here
	.hidden	kw_kcall_here
	.type	kw_kcall_here, @function
kw_kcall_here:
	movq	%rcx, %r10			/* a6 stays at 8(%rsp) */
	movl	$KW_NR_KCALL, %eax
	syscall
	ret
	.size	kw_kcall_here, . - kw_kcall_here

/*
 * long kw_syscall_here(long nr, long a1, long a2, long a3, long a4,
 *			long a5, long a6)
 *	In ring 0: the system call without a syscall instruction, by a jump
 *	to the module's entry with the registers SYSCALL would have set
 *	(rcx the return address, r11 the flags, interrupts off).  A call
 *	that must run in user mode without re-entry code is made at the
 *	syscall instruction just before the return address.
 */
	.globl	kw_syscall_here
	.hidden	kw_syscall_here
	.type	kw_syscall_here, @function
kw_syscall_here:
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9
	pushfq
	popq	%r11
	cli
	leaq	1f(%rip), %rcx
	jmp	*kw_fast_entry(%rip)
	syscall
1:	ret
	.size	kw_syscall_here, . - kw_syscall_here

/*
 * _kw_start: an entry point (gcc -e _kw_start ... -lkw) that puts a
 * dynamically linked program in kernel mode before its own _start, so
 * before its constructors and main().  The stack and rdx (the dynamic
 * linker's exit function) are handed to _start as they came.
 */
	.globl	_kw_start
	.type	_kw_start, @function
_kw_start:
	movq	%rsp, %rbx
	movq	%rdx, %r12
	andq	$-16, %rsp
	call	kw_start_kernel_mode
	movq	%rbx, %rsp
	movq	%r12, %rdx
	jmp	_start
	.size	_kw_start, . - _kw_start

	.section .note.GNU-stack, "", @progbits
