/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Code the loader copies and starts on the CPU it took; the kernel never
 * runs it in place, so it lives in .rodata (no objtool, no relocations:
 * every address is computed at run time from where the code landed).
 *
 * The trampoline goes to the page a SIPI starts a CPU at (below 1 MiB):
 * real mode -> 32-bit protected mode -> 64-bit long mode on the loader's
 * identity page tables, then a jump to the stub with the boot block in
 * %rdi.  The stub, on its own page, loads its own GDT, reports in the
 * boot block and halts for good.
 */
#include <asm/msr-index.h>
#include <asm/processor-flags.h>

#include "owncore_abi.h"

	.section .rodata, "a"

/* ---------------------------------------------------------------- */
	.balign	16
	.globl	own_tramp_start, own_tramp_params, own_tramp_end
	.code16
own_tramp_start:
.Lt:
	/* SIPI: real mode, CS = page >> 4, IP = 0. */
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	movzwl	%ax, %esi
	shll	$4, %esi		/* %esi: the page's linear address */
	/* The GDT's and the far jumps' addresses depend on the page. */
	leal	(.Lt_gdt - .Lt)(%esi), %eax
	movl	%eax, (.Lt_gdtr + 2 - .Lt)
	leal	(.Lt_pm - .Lt)(%esi), %eax
	movl	%eax, (.Lt_pm_jmp - .Lt)
	leal	(.Lt_lm - .Lt)(%esi), %eax
	movl	%eax, (.Lt_lm_jmp - .Lt)
	lgdtl	(.Lt_gdtr - .Lt)
	/* Protected mode, and caches on: INIT leaves CR0.CD and NW set. */
	movl	$(X86_CR0_PE | X86_CR0_MP | X86_CR0_ET | X86_CR0_NE), %eax
	movl	%eax, %cr0
	ljmpl	*(.Lt_pm_jmp - .Lt)

	.code32
.Lt_pm:
	movl	$OWN_TR_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	movl	$X86_CR4_PAE, %eax
	movl	%eax, %cr4
	movl	(.Lt_cr3 - .Lt)(%esi), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$X86_CR0_PG, %eax
	movl	%eax, %cr0		/* long mode, still 32-bit code */
	ljmpl	*(.Lt_lm_jmp - .Lt)(%esi)

	.code64
.Lt_lm:
	movl	%esi, %esi		/* upper halves undefined after the switch */
	movq	(.Lt_arg - .Lt)(%rsi), %rdi
	jmpq	*(.Lt_entry - .Lt)(%rsi)

	.balign	8
.Lt_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* OWN_TR_CS32: 32-bit code, flat */
	.quad	0x00cf92000000ffff	/* OWN_TR_DS: data, flat */
	.quad	0x00af9a000000ffff	/* OWN_TR_CS64: 64-bit code */
.Lt_gdt_end:
.Lt_gdtr:
	.word	.Lt_gdt_end - .Lt_gdt - 1
	.long	0			/* base, set at run time */
.Lt_pm_jmp:
	.long	0			/* offset, set at run time */
	.word	OWN_TR_CS32
.Lt_lm_jmp:
	.long	0			/* offset, set at run time */
	.word	OWN_TR_CS64

	.balign	8
own_tramp_params:			/* struct own_tramp_params */
.Lt_entry:
	.quad	0
.Lt_arg:
	.quad	0
.Lt_cr3:
	.long	0
	.long	0
own_tramp_end:

	.if	.Lt_entry - own_tramp_params != OWN_TP_ENTRY
	.error	"OWN_TP_ENTRY"
	.endif
	.if	.Lt_arg - own_tramp_params != OWN_TP_ARG
	.error	"OWN_TP_ARG"
	.endif
	.if	.Lt_cr3 - own_tramp_params != OWN_TP_CR3
	.error	"OWN_TP_CR3"
	.endif

/* ---------------------------------------------------------------- */
	.balign	16
	.globl	own_stub_start, own_stub_mute, own_stub_end
	.code64
own_stub_start:
.Ls:
	/* %rdi: the boot block.  A stack at the end of the stub's page. */
	leaq	.Ls(%rip), %rsp
	addq	$OWN_STUB_PAGE, %rsp
	/* Its own GDT, so that nothing depends on the trampoline's page,
	 * which the loader gives back to Linux once the stub is alive.
	 */
	leaq	.Ls_gdt(%rip), %rax
	movq	%rax, .Ls_gdtr + 2(%rip)
	lgdt	.Ls_gdtr(%rip)
	pushq	$OWN_STUB_CS
	leaq	.Ls_cs(%rip), %rax
	pushq	%rax
	lretq
.Ls_cs:
	movl	$OWN_STUB_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	/* Which CPU this is: the initial APIC ID, CPUID 1, EBX[31:24]. */
	movl	$1, %eax
	cpuid
	shrl	$24, %ebx
	movl	%ebx, OWN_BB_APICID(%rdi)
	rdtsc
	movl	%eax, OWN_BB_TSC(%rdi)
	movl	%edx, OWN_BB_TSC + 4(%rdi)
	/* Last: stores are seen in order, so the rest is there with it. */
	movl	$OWN_ALIVE_MAGIC, OWN_BB_ALIVE(%rdi)
own_stub_mute:				/* test entry: halts, never alive */
.Ls_halt:
	cli
	hlt
	jmp	.Ls_halt

	.balign	8
.Ls_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* OWN_STUB_CS: 64-bit code */
	.quad	0x00cf92000000ffff	/* OWN_STUB_DS: data */
.Ls_gdt_end:
.Ls_gdtr:
	.word	.Ls_gdt_end - .Ls_gdt - 1
	.quad	0			/* base, set at run time */
own_stub_end:
