/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - interrupt and exception entry stubs.
 *
 * Kernelware code runs in ring 0 on its own user stack.  An interrupt
 * there would push its frame onto that stack, into the 128-byte red
 * zone below its stack pointer that x86-64 code may use, and onto a page
 * that may be absent (a double fault).  So every vector that had no IST
 * stack of its own enters here on an IST stack, and the stub moves the
 * hardware frame where it belongs:
 *
 *   from user mode:       the top of the entry stack (TSS.sp0), as the
 *                         CPU itself would, then Linux's entry;
 *   from kernel code:     below the interrupted stack pointer, as the
 *                         CPU would, then Linux's entry; but if that is
 *                         a user stack (a kernel function that
 *                         kernelware code called directly), the task's
 *                         kernel stack below its kernelware floor, and
 *                         if it is the espfix stack, Linux's #DF entry
 *                         (what the CPU would have done);
 *   from kernelware:      the task's kernel stack below its kernelware
 *                         floor, never the user stack.  An interrupt
 *                         goes to Linux's entry, with its return
 *                         redirected to kw_resume (the kernelware state
 *                         is checked before the code resumes); an
 *                         exception goes to kw_do_exception().
 *
 * Interrupt gates: the stubs run with interrupts off; an NMI, machine
 * check or debug exception (IST stacks of their own) whose handler takes
 * an IST 7 exception nests on the next IST 7 level (kw_task.h).  From user mode
 * the GS base is the user's: per-CPU data is read between two swapgs (an
 * NMI or machine check in between finds GS by its MSR, as always).
 */
#include <linux/linkage.h>
#include <asm/percpu.h>
#include <asm/pgtable_64_types.h>
#include <asm/processor-flags.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>
#include <asm/trapnr.h>

#include "kw_regs.h"
#include "kw_task.h"

/* Vectors whose exception pushes an error code. */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
		      (v) == 21 || (v) == 29 || (v) == 30)

	.text

/*
 * On the IST stack: rdx, rcx, rax saved, the vector, [error code], then
 * the hardware frame rip, cs, rflags, rsp, ss.  rdx becomes where the
 * frame goes, rcx where to go next.
 */
.macro KW_VEC_COMMON name, err
SYM_CODE_START_LOCAL(\name)
	.if	\err
	/*
	 * A software int n of an error-code vector, executed by kernelware
	 * in ring 0, pushes no error code: rip, then cs where the error code
	 * would have put rip.  A hardware frame has cs there, never flags
	 * with IF set.  In user mode that int n is a #GP: it is made again
	 * there (as int $0x80 is).
	 */
	cmpq	$__KERNEL_CS, 16(%rsp)
	jne	1f
	testl	$X86_EFLAGS_FIXED, 24(%rsp)
	jz	1f
	testl	$X86_EFLAGS_IF, 24(%rsp)
	jz	1f
	cmpq	$0, 8(%rsp)
	js	1f				/* kernel code: Linux's way */
	movq	$IA32_SYSCALL_VECTOR, (%rsp)
	jmp	kw_vec_noerr
1:
	.endif
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	.set	VEC, 24
	.set	RIP, 32 + 8 * \err
	.set	META, RIP + 40			/* above the hardware frame */
	movq	META(%rsp), %rax
	subq	$KW_IST_LEVEL, (%rax)		/* nested entries go below */
	testb	$3, RIP + 8(%rsp)		/* cs */
	jnz	3f
	movq	RIP(%rsp), %rax
	testq	%rax, %rax
	jns	5f				/* user text: kernelware */
	movq	RIP + 24(%rsp), %rdx		/* kernel code: its rsp */
	testq	%rdx, %rdx
	jns	8f				/* ... on a user stack */
	.if	\err
	movq	%rdx, %rax
	sarq	$P4D_SHIFT, %rax
	cmpq	$ESPFIX_PGD_ENTRY, %rax
	je	9f				/* ... on the espfix stack */
	.endif
	andq	$-16, %rdx
	jmp	4f
8:	/* A kernel function kernelware called directly: its floor. */
	KW_TASK	%rcx, %rdx
	movq	KW_TASK_FLOOR(%rcx), %rdx
	.if	\err
	/* Unless kernelware jumped to a wild kernel address. */
	cmpq	$X86_TRAP_PF, VEC(%rsp)
	jne	4f
	movq	%cr2, %rax
	cmpq	RIP(%rsp), %rax
	jne	4f
	movq	VEC(%rsp), %rax
	jmp	7f
	.endif
	jmp	4f
3:	swapgs					/* the user's GS base is live */
	movq	PER_CPU_VAR(kw_entry_sp0), %rdx
	swapgs
4:	movq	VEC(%rsp), %rax
	movq	kw_orig_entry(, %rax, 8), %rcx
6:	/* Copy [error code,] rip, cs, rflags, rsp, ss to below rdx. */
	subq	$(8 * (5 + \err)), %rdx
	.set	W, 0
	.rept	5 + \err
	movq	32 + W(%rsp), %rax
	movq	%rax, W(%rdx)
	.set	W, W + 8
	.endr
	/* Below the frame: where to go, and the saved registers. */
	movq	%rcx, -8(%rdx)
	movq	16(%rsp), %rax
	movq	%rax, -16(%rdx)
	movq	8(%rsp), %rax
	movq	%rax, -24(%rdx)
	movq	(%rsp), %rax
	movq	%rax, -32(%rdx)
	movq	META(%rsp), %rax		/* done with this IST stack */
	addq	$KW_IST_LEVEL, (%rax)
	leaq	-32(%rdx), %rsp
	popq	%rdx
	popq	%rcx
	popq	%rax
	ret

5:	/* Kernelware: rcx its struct kw_task, rdx its floor. */
	KW_TASK	%rcx, %rdx
	movq	KW_TASK_FLOOR(%rcx), %rdx
	movq	VEC(%rsp), %rax
	cmpq	$32, %rax
	jb	7f
	cmpq	$IA32_SYSCALL_VECTOR, %rax	/* int $0x80: never hardware */
	je	7f
	/* An interrupt: Linux's entry, then back through kw_resume. */
	movq	RIP(%rsp), %rax
	movq	%rax, KW_TASK_RESUME_IP(%rcx)
	movq	RIP + 16(%rsp), %rax
	movq	%rax, KW_TASK_RESUME_FLAGS(%rcx)
	movq	RIP + 24(%rsp), %rax
	movq	%rax, KW_TASK_RESUME_SP(%rcx)
	leaq	kw_resume(%rip), %rax
	movq	%rax, RIP(%rsp)
	andq	$~X86_EFLAGS_IF, RIP + 16(%rsp)
	movq	%rdx, RIP + 24(%rsp)
	movq	VEC(%rsp), %rax
	movq	kw_orig_entry(, %rax, 8), %rcx
	jmp	6b
7:	/* An exception: kernelware's own handler. */
	movq	%rax, KW_TASK_VECTOR(%rcx)
	leaq	kw_exception_\err(%rip), %rcx
	jmp	6b
	.if	\err
9:	/*
	 * An IRET to user mode failed on the read-only espfix stack (a
	 * 16-bit stack segment).  The CPU would have taken a double fault
	 * pushing this frame there; Linux's #DF handler turns that into
	 * the user's #GP.  So: that handler, on its stack.  The IRET was
	 * to user mode: the GS base is the user's already.
	 */
	swapgs
	movq	PER_CPU_VAR(kw_df_stack), %rdx
	swapgs
	movq	kw_df_entry(%rip), %rcx
	jmp	6b
	.endif
SYM_CODE_END(\name)
.endm

KW_VEC_COMMON kw_vec_noerr, 0
KW_VEC_COMMON kw_vec_err, 1

/* kw_vector_stubs + 16 * v: vector v's entry. */
	.balign	16
SYM_CODE_START(kw_vector_stubs)
	.set	V, 0
	.rept	256
	.balign	16
	pushq	$V
	.if	HAS_ERROR(V)
	jmp	kw_vec_err
	.else
	jmp	kw_vec_noerr
	.endif
	.set	V, V + 1
	.endr
SYM_CODE_END(kw_vector_stubs)

/*
 * An exception in kernelware code, on the task's kernel stack with
 * interrupts off: kw_do_exception() resolves it and the code retries the
 * instruction, or it ends the kernelware call with a signal.
 */
SYM_CODE_START_LOCAL(kw_exception_0)
	pushq	$-1				/* no error code */
SYM_INNER_LABEL(kw_exception_1, SYM_L_LOCAL)
	cld					/* the code's DF is in the frame */
	PUSH_GPRS
	movq	%rsp, %rdi
	call	kw_do_exception
	POP_GPRS_IRET
SYM_CODE_END(kw_exception_0)

/*
 * Linux handled an interrupt of kernelware code and returns here, on the
 * task's kernel stack with interrupts off.  kw_resume_check() fills in
 * the frame to resume the code (it may end the call instead).
 */
SYM_CODE_START(kw_resume)
	cld
	subq	$40, %rsp			/* ip, cs, flags, sp, ss */
	pushq	$-1				/* orig_ax */
	PUSH_GPRS
	movq	%rsp, %rdi
	call	kw_resume_check
	POP_GPRS_IRET
SYM_CODE_END(kw_resume)
