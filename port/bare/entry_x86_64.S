/*
 * Unitron bare port - the image's entry, interrupt and exception entry,
 * and stack switching between µITRON tasks (x86-64).
 */
	.text

/*
 * The loader's trampoline jumps here in 64-bit mode on the loader's page
 * tables, interrupts off, %rdi = the boot block (identity-mapped).
 */
	.globl	_start
_start:
	cli
	cld
	leaq	bare_boot_stack_top(%rip), %rsp
	call	bare_start
1:	hlt
	jmp	1b

/*
 * One 16-byte stub per vector: it pushes an error code where the CPU
 * pushes none, so that every frame looks alike, then the vector.
 */
	.balign	16
	.globl	bare_vectors
bare_vectors:
	vector = 0
	.rept	256
0:
	.if	!(vector == 8 || (vector >= 10 && vector <= 14) || \
		  vector == 17 || vector == 21 || vector == 29 || vector == 30)
	pushq	$0
	.endif
	pushq	$vector
	jmp	common_entry
	.fill	0b + 16 - ., 1, 0xcc
	vector = vector + 1
	.endr

/*
 * Every register saved, so that a handler may dispatch from here: the
 * frame stays on the interrupted task's stack until the task runs again.
 */
common_entry:
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	movq	%rsp, %rbx
	andq	$-16, %rsp		/* the ABI's alignment for the call */
	call	bare_trap
	movq	%rbx, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	addq	$16, %rsp		/* vector, error code */
	iretq

/*
 * bare_switch(from, to): save the callee-saved registers on the current
 * stack, record it and a resume address in *from, continue at *to.  A
 * new task's context is {stack top, task_start}.
 */
	.globl	bare_switch
bare_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, 0(%rdi)
	leaq	.Lresume(%rip), %rax
	movq	%rax, 8(%rdi)
	movq	0(%rsi), %rsp
	jmpq	*8(%rsi)
.Lresume:
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

/* bare_jump(to): continue at *to, abandoning the current context. */
	.globl	bare_jump
bare_jump:
	movq	0(%rdi), %rsp
	jmpq	*8(%rdi)

	.bss
	.balign	16
	.space	8192
bare_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
