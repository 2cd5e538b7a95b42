/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - entering user code in ring 0, and leaving it.
 *
 * long kw_enter(long (*fn)(long), long arg, unsigned long stack_top,
 *		 struct kw_task *kt)
 *
 * Calls fn(arg) on the given user stack and returns its result.  The
 * callee-saved registers hold the kernel's state across the call: the
 * user code, compiled for the SysV ABI, preserves them.  kt->floor is
 * this kernel stack pointer, 16-byte aligned: interrupts and syscalls
 * from the user code work below it.  IOPL 3 in the flags marks
 * kernelware code for the syscall entry.  Interrupts are off while the
 * stack pointer is the user's and the code is this kernel code.
 *
 * void kw_leave_to(long ret, unsigned long frame): from below the floor,
 * make kw_enter (or kw_enter_regs) return ret at once, dropping the
 * frames in between (none may hold a lock).
 */
#include <linux/linkage.h>
#include <asm/percpu.h>
#include <asm/processor-flags.h>

#include "kw_regs.h"
#include "kw_task.h"

/*
 * Save the kernel's callee-saved registers under a frame that
 * kw_leave_to() can return from, and set the floor below them in the
 * struct kw_task at \kt.
 */
.macro KW_PROLOGUE kt
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rax
	andq	$-16, %rax
	movq	%rax, KW_TASK_FLOOR(\kt)
	movq	%rbp, KW_TASK_FRAME(\kt)
.endm

	.text
SYM_FUNC_START(kw_enter)
	KW_PROLOGUE %rcx
	movq	%rdi, %rax
	movq	%rsi, %rdi
	pushfq
	orq	$X86_EFLAGS_IOPL, (%rsp)
	popfq
	cli
	movq	%rdx, %rsp
	sti				/* on after the call: in user code */
	call	*%rax
	cli
	KW_TASK	%rcx, %rdx			/* fn may not have kept rbp */
	movq	KW_TASK_FRAME(%rcx), %rbp
.Lreturn:
	leaq	-40(%rbp), %rsp
	/* Plain kernel flags again: no IOPL, DF, TF, AC from the code. */
	pushq	$(X86_EFLAGS_FIXED | X86_EFLAGS_IF)
	popfq
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	RET
SYM_FUNC_END(kw_enter)

/*
 * long kw_enter_regs(struct pt_regs *regs, struct kw_task *kt)
 *
 * Continues in ring 0 from *regs (kernel cs and ss, IOPL 3 set) and
 * returns only through kw_leave_to().
 */
SYM_FUNC_START(kw_enter_regs)
	KW_PROLOGUE %rsi
	cli			/* rsp goes above the frame just saved */
	movq	%rdi, %rsp
	POP_GPRS_IRET
SYM_FUNC_END(kw_enter_regs)

SYM_FUNC_START(kw_leave_to)
	movq	%rdi, %rax
	movq	%rsi, %rbp
	jmp	.Lreturn
SYM_FUNC_END(kw_leave_to)
