/*
 * libkw - entering and leaving kernel mode where the caller stands.
 *
 * long kw_enter_here(int fd, unsigned long cmd)
 *	Builds the caller's state at its return (callee-saved registers,
 *	stack pointer, return address, rax 0) as a struct kw_regs on the
 *	stack and hands it to ioctl(fd, cmd = KW_IOC_ENTER).  On success
 *	the caller goes on in ring 0 and the ioctl "returns" only in user
 *	mode, where kernel mode ended; this code then never runs again.
 *	Returns -errno if the ioctl failed.
 *
 * long kw_leave_here(void)
 *	The system call that ends kernel mode: in ring 0 the caller goes
 *	on in user mode, with 0.
 */
#define KW_NR_USER_MODE	0x6b770001
#define KW_NR_KCALL	0x6b770002
#define NR_IOCTL	16
#define REGS_SIZE	168	/* struct kw_regs */

	.text
	.globl	kw_enter_here
	.hidden	kw_enter_here
	.type	kw_enter_here, @function
kw_enter_here:
	subq	$REGS_SIZE, %rsp
	movq	%r15, 0(%rsp)
	movq	%r14, 8(%rsp)
	movq	%r13, 16(%rsp)
	movq	%r12, 24(%rsp)
	movq	%rbp, 32(%rsp)
	movq	%rbx, 40(%rsp)
	movq	$0, 80(%rsp)			/* rax */
	movq	REGS_SIZE(%rsp), %rax		/* the return address */
	movq	%rax, 128(%rsp)			/* rip */
	leaq	REGS_SIZE + 8(%rsp), %rax
	movq	%rax, 152(%rsp)			/* rsp after the return */
	pushfq
	popq	%rax
	movq	%rax, 144(%rsp)			/* eflags */
	movq	%rsp, %rdx
	movl	$NR_IOCTL, %eax
	syscall
	addq	$REGS_SIZE, %rsp
	ret
	.size	kw_enter_here, . - kw_enter_here

	.globl	kw_leave_here
	.hidden	kw_leave_here
	.type	kw_leave_here, @function
kw_leave_here:
	movl	$KW_NR_USER_MODE, %eax
	syscall
	ret
	.size	kw_leave_here, . - kw_leave_here

/*
 * long kw_kcall_here(void *fn, long a1, long a2, long a3, long a4, long a5)
 *	In ring 0: KW_NR_KCALL with fn and its arguments in the syscall
 *	registers, which are the C ones but r10 for rcx.
 */
	.globl	kw_kcall_here
	.hidden	kw_kcall_here
	.type	kw_kcall_here, @function
kw_kcall_here:
	movq	%rcx, %r10
	movl	$KW_NR_KCALL, %eax
	syscall
	ret
	.size	kw_kcall_here, . - kw_kcall_here

	.section .note.GNU-stack, "", @progbits
