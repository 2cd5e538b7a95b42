/*
 * Unitron posix port - context switch for x86-64 (System V ABI).
 *
 * posix_switch(from, to) saves the callee-saved registers and the x87/SSE
 * control words on the current stack, records the stack pointer and a
 * resume address in *from, and continues at to.  Caller-saved registers
 * need no saving: posix_switch is an ordinary call.  A new task's context
 * is {stack top, task_start}, so "continuing" there starts it.
 */
	.text

	.globl	posix_switch
	.type	posix_switch, @function
posix_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, 0(%rdi)
	leaq	1f(%rip), %rax
	movq	%rax, 8(%rdi)
	movq	0(%rsi), %rsp
	jmpq	*8(%rsi)
1:	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	posix_switch, .-posix_switch

	/* posix_jump(to): continue at to, abandoning the current context. */
	.globl	posix_jump
	.type	posix_jump, @function
posix_jump:
	movq	0(%rdi), %rsp
	jmpq	*8(%rdi)
	.size	posix_jump, .-posix_jump

	.section .note.GNU-stack, "", @progbits
