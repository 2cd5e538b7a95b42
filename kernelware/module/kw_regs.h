/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - struct pt_regs on the stack, for the .S files: the
 * general registers pushed below orig_ax (the hardware frame or its
 * stand-in already above), and popped back.
 */
#ifndef KW_REGS_H
#define KW_REGS_H

#ifdef __ASSEMBLY__
.macro PUSH_GPRS
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro POP_GPRS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

/* ... and return to the state the rest of pt_regs holds. */
.macro POP_GPRS_IRET
	POP_GPRS
	addq	$8, %rsp			/* orig_ax */
	iretq
.endm
#endif

#endif /* KW_REGS_H */
