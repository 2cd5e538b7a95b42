/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - system calls from ring-0 code become function calls.
 *
 * The module points each CPU's SYSCALL entry (MSR_LSTAR) here.  A user
 * process's syscall goes straight on to Linux's entry_SYSCALL_64.  A
 * syscall instruction executed by kernelware code (ring 0, the kernel's
 * GS base, IOPL 3 in its flags: kw_enter sets it, and user mode cannot)
 * builds a pt_regs on the task's kernel stack below the kernelware floor
 * and calls kw_do_syscall(), then returns to the instruction after the
 * syscall as sysret would: rcx the return address, r11 the flags.
 */
#include <linux/linkage.h>
#include <asm/percpu.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>

#include "kw_regs.h"
#include "kw_task.h"


	.text
SYM_CODE_START(kw_syscall_entry)
	testl	$X86_EFLAGS_IOPL, %r11d
	jnz	kw_syscall_kernelware
	jmp	*kw_linux_lstar(%rip)
SYM_CODE_END(kw_syscall_entry)

/*
 * Interrupts off (SYSCALL masked IF), still on the user's stack.  libkw's
 * kw_syscall() comes here directly, by name, with the registers as
 * SYSCALL leaves them: a system call as a plain jump.
 */
SYM_CODE_START(kw_syscall_kernelware)
	cld				/* kw_syscall() comes without FMASK */
	movq	%rsp, PER_CPU_VAR(kw_user_rsp)
	movq	PER_CPU_VAR(current_task), %rsp
	addq	kw_task_stack_off(%rip), %rsp
	movq	(%rsp), %rsp
	movq	KW_TASK_BASE + KW_TASK_FLOOR(%rsp), %rsp
	pushq	$__USER_DS			/* pt_regs->ss */
	pushq	PER_CPU_VAR(kw_user_rsp)	/* pt_regs->sp */
	pushq	%r11				/* pt_regs->flags */
	pushq	$__USER_CS			/* pt_regs->cs */
	pushq	%rcx				/* pt_regs->ip */
	pushq	%rax				/* pt_regs->orig_ax */
	PUSH_GPRS
	movq	%rsp, %rdi
	sti
	call	kw_do_syscall
	cli
	POP_GPRS
	/* orig_ax, ip, cs, flags, sp, ss left: back as sysret would. */
	movq	8(%rsp), %rcx
	movq	24(%rsp), %r11
	pushq	%r11
	andq	$~X86_EFLAGS_IF, (%rsp)
	popfq
	movq	32(%rsp), %rsp
	testl	$X86_EFLAGS_IF, %r11d
	jz	1f
	sti				/* on after the jump: in user code */
1:	jmp	*%rcx
SYM_CODE_END(kw_syscall_kernelware)
