/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unitron linux port - stack switching between µITRON tasks (x86-64).
 *
 * unitron_switch(from, to) saves the callee-saved registers on the
 * current stack, records the stack pointer and a resume address in
 * *from, and continues at *to.  A new task's context is {stack top,
 * task_start}.  Not objtool-validated (see the Kbuild file): it moves
 * the stack pointer between stacks on purpose.
 */
#include <linux/linkage.h>
#include <asm/ibt.h>
#include <asm/nospec-branch.h>

	.text

SYM_FUNC_START(unitron_switch)
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
	movq	8(%rsi), %rax
	ANNOTATE_RETPOLINE_SAFE
	jmp	*%rax
.Lresume:
	ENDBR
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	RET
SYM_FUNC_END(unitron_switch)

/* unitron_jump(to): continue at to, abandoning the current context. */
SYM_FUNC_START(unitron_jump)
	movq	0(%rdi), %rsp
	movq	8(%rdi), %rax
	ANNOTATE_RETPOLINE_SAFE
	jmp	*%rax
SYM_FUNC_END(unitron_jump)

/*
 * A µITRON handler redirected an interrupted task here (by its iret
 * frame), with interrupts off: save what the interrupted code may hold
 * live (caller-saved registers, flags), dispatch, and return to where it
 * was interrupted with interrupts on again.
 */
SYM_CODE_START(unitron_preempt_entry)
	/*
	 * The return address slot, by lea: a sub would change the flags
	 * before pushfq saves them, and the task may have been interrupted
	 * between a compare and its conditional jump.
	 */
	leaq	-8(%rsp), %rsp
	pushfq
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbp
	movq	%rsp, %rbp
	andq	$-16, %rsp
	call	unitron_preempted
	movq	%rax, 88(%rbp)		/* the interrupted address */
	movq	%rbp, %rsp
	popq	%rbp
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	popfq
	sti
	RET
SYM_CODE_END(unitron_preempt_entry)

/* The system is being stopped: abandon the interrupted task. */
SYM_CODE_START(unitron_stop_entry)
	andq	$-16, %rsp
	call	unitron_stopped
	ud2
SYM_CODE_END(unitron_stop_entry)
