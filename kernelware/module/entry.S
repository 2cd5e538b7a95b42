/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - entering user code in ring 0.
 *
 * long kw_enter(long (*fn)(long), long arg, unsigned long stack_top,
 *		 unsigned long *floor)
 *
 * Calls fn(arg) on the given user stack and returns its result.  The
 * callee-saved registers hold the kernel's state across the call: the
 * user code, compiled for the SysV ABI, preserves them.  *floor is set
 * to this kernel stack pointer, 16-byte aligned: interrupts from the
 * user code put their frames below it (idt.S).  Interrupts are off while
 * the stack pointer is the user's and the code is this kernel code.
 */
#include <linux/linkage.h>

	.text
SYM_FUNC_START(kw_enter)
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rax
	andq	$-16, %rax
	movq	%rax, (%rcx)
	movq	%rdi, %rax
	movq	%rsi, %rdi
	cli
	movq	%rdx, %rsp
	sti				/* on after the call: in user code */
	call	*%rax
	cli
	leaq	-40(%rbp), %rsp
	sti
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	RET
SYM_FUNC_END(kw_enter)
