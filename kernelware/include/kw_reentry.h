/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Kernelware - the user-mode code that goes back to kernel mode, or on
 * in user mode, from the state the module left in a struct kw_enter
 * (kernelware.h).  One body for libkw (state in TLS) and the kernelware
 * page (module/page.S, state beside the code): each says how its code
 * finds the state, the device and the command.
 */
#ifndef KW_REENTRY_H
#define KW_REENTRY_H

#if defined(__ASSEMBLY__) || defined(__ASSEMBLER__)
/* struct kw_regs */
#define KW_RAX		80
#define KW_RCX		88
#define KW_RIP		128
#define KW_EFLAGS	144
#define KW_RSP		152
#define KW_NR_IOCTL	16

/*
 * The re-entry code (struct kw_enter's resume), after the syscall
 * instruction at resume - 2.  rax becomes the program's rax after that
 * syscall (rcx is then \resume), or when the saved rax was a restart
 * code that a signal handler resolved; else the saved rax (a full 64
 * bits) stands.  No stack use: the program's red zone is below rsp.
 * state REG: REG = the struct kw_enter; device: edi = the device's fd,
 * rsi = KW_IOC_ENTER; failed: what runs if the ioctl returns.
 */
.macro KW_RESUME resume, state, device, failed
	\state	%rdx
	leaq	\resume(%rip), %rdi
	cmpq	%rdi, %rcx
	je	1f
	movq	KW_RAX(%rdx), %rdi
	addq	$516, %rdi			/* -ERESTART_RESTARTBLOCK */
	cmpq	$4, %rdi			/* ... to -ERESTARTSYS */
	ja	2f
1:	movq	%rax, KW_RAX(%rdx)
2:	\device
	movl	$KW_NR_IOCTL, %eax
	syscall
	\failed
.endm

/*
 * The user-mode continuation (struct kw_enter's cont): on from the
 * state, all of it, in user mode.  Below the red zone, the flags and
 * rip to pop: popfq, then ret $128 gives rsp back.
 */
.macro KW_CONTINUE state
	\state	%rax
	subq	$144, %rsp
	movq	KW_EFLAGS(%rax), %rcx
	movq	%rcx, (%rsp)
	movq	KW_RIP(%rax), %rcx
	movq	%rcx, 8(%rsp)
	movq	0(%rax), %r15
	movq	8(%rax), %r14
	movq	16(%rax), %r13
	movq	24(%rax), %r12
	movq	32(%rax), %rbp
	movq	40(%rax), %rbx
	movq	48(%rax), %r11
	movq	56(%rax), %r10
	movq	64(%rax), %r9
	movq	72(%rax), %r8
	movq	KW_RCX(%rax), %rcx
	movq	96(%rax), %rdx
	movq	104(%rax), %rsi
	movq	112(%rax), %rdi
	movq	KW_RAX(%rax), %rax
	popfq
	ret	$128
.endm
#endif

#endif /* KW_REENTRY_H */
