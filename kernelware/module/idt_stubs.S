/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - interrupt and exception entry stubs.
 *
 * Kernelware code runs in ring 0 on its own user stack.  An interrupt
 * there would push its frame onto that stack, into the 128-byte red
 * zone below its stack pointer that x86-64 code may use, and onto a page
 * that may be absent (a double fault).  So every vector that had no IST
 * stack of its own enters here on an IST stack, and the stub moves the
 * hardware frame to where it belongs before it jumps to Linux's handler:
 *
 *   from user mode:       the top of the entry stack (TSS.sp0), as the
 *                         CPU itself would;
 *   from kernel code:     below the interrupted stack pointer, as the
 *                         CPU would;
 *   from kernelware:      the task's kernel stack, below what the
 *                         kernelware entry left there (the task's
 *                         kernelware floor), never the user stack.
 *
 * Linux's handler then runs exactly as if the CPU had pushed that frame.
 * Interrupt gates: the stubs run with interrupts off.  From user mode
 * the GS base is the user's: per-CPU data is read between two swapgs (an
 * NMI or machine check in between finds GS by its MSR, as always).
 */
#include <linux/linkage.h>
#include <asm/percpu.h>

#define KW_SLOT_FLOOR	8	/* see kernelware.h: kw_floor() */

/* Vectors whose exception pushes an error code. */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
		      (v) == 21 || (v) == 29 || (v) == 30)

	.text

/*
 * On the IST stack: rdx, rcx, rax saved, the vector, [error code], then
 * the hardware frame rip, cs, rflags, rsp, ss.
 */
.macro KW_VEC_COMMON name, err
SYM_CODE_START_LOCAL(\name)
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	.set	RIP, 32 + 8 * \err
	testb	$3, RIP + 8(%rsp)		/* cs */
	jnz	3f
	movq	RIP(%rsp), %rcx
	testq	%rcx, %rcx
	js	2f				/* kernel text */
	/* Kernelware: the task's kernel stack, below its floor. */
	movq	PER_CPU_VAR(current_task), %rdx
	movq	kw_task_stack_off(%rip), %rcx
	movq	(%rdx, %rcx), %rdx
	movq	KW_SLOT_FLOOR(%rdx), %rdx
	jmp	4f
2:	movq	RIP + 24(%rsp), %rdx		/* interrupted rsp */
	andq	$-16, %rdx
	jmp	4f
3:	swapgs					/* the user's GS base is live */
	movq	PER_CPU_VAR(kw_entry_sp0), %rdx
	swapgs
4:	/* Copy [error code,] rip, cs, rflags, rsp, ss to below rdx. */
	subq	$(8 * (5 + \err)), %rdx
	.set	W, 0
	.rept	5 + \err
	movq	32 + W(%rsp), %rax
	movq	%rax, W(%rdx)
	.set	W, W + 8
	.endr
	/* Below the frame: Linux's entry, and the saved registers. */
	movq	24(%rsp), %rax
	movq	kw_orig_entry(, %rax, 8), %rax
	movq	%rax, -8(%rdx)
	movq	16(%rsp), %rax
	movq	%rax, -16(%rdx)
	movq	8(%rsp), %rax
	movq	%rax, -24(%rdx)
	movq	(%rsp), %rax
	movq	%rax, -32(%rdx)
	leaq	-32(%rdx), %rsp
	popq	%rdx
	popq	%rcx
	popq	%rax
	ret
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
