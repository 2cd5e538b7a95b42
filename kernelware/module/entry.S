/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - entering user code in ring 0.
 *
 * long kw_enter(long (*fn)(long), long arg, unsigned long stack_top)
 *
 * Calls fn(arg) on the given user stack and returns its result.  The
 * callee-saved registers hold the kernel's state across the call: the
 * user code, compiled for the SysV ABI, preserves them.
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
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsp
	call	*%rax
	leaq	-40(%rbp), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	RET
SYM_FUNC_END(kw_enter)
