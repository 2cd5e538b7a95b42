/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the loader and the code it starts on the CPU share: the layout
 * of the trampoline's parameters and of the boot block.  Included from
 * C and from trampoline.S.
 */
#ifndef UNITRON_OWNCORE_ABI_H
#define UNITRON_OWNCORE_ABI_H

/* The stub writes this to the boot block's alive word: "LIVE". */
#define OWN_ALIVE_MAGIC		0x4556494c

/* Boot block offsets (struct own_boot_block). */
#define OWN_BB_ALIVE		0
#define OWN_BB_APICID		4
#define OWN_BB_TSC		8

/* Trampoline parameter offsets (struct own_tramp_params). */
#define OWN_TP_ENTRY		0
#define OWN_TP_ARG		8
#define OWN_TP_CR3		16

/* Selectors of the trampoline's GDT and of the stub's own. */
#define OWN_TR_CS32		0x08
#define OWN_TR_DS		0x10
#define OWN_TR_CS64		0x18
#define OWN_STUB_CS		0x08
#define OWN_STUB_DS		0x10

/* The stub's page: code from its start, the stack from its end down. */
#define OWN_STUB_PAGE		4096

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* Shared memory the stub reports in, at a physical address < 4 GiB. */
struct own_boot_block {
	u32 alive;	/* OWN_ALIVE_MAGIC once the stub runs */
	u32 apicid;	/* the stub's initial APIC ID (CPUID 1) */
	u64 tsc;	/* its TSC when it wrote alive */
};

/* Filled in by the loader in its copy of the trampoline. */
struct own_tramp_params {
	u64 entry;	/* physical = virtual address of the stub */
	u64 arg;	/* handed over in %rdi: the boot block */
	u32 cr3;	/* identity page tables, below 4 GiB */
	u32 pad;
};

/* trampoline.S: copied, never run in place (they live in .rodata). */
extern const u8 own_tramp_start[], own_tramp_params[], own_tramp_end[];
extern const u8 own_stub_start[], own_stub_mute[], own_stub_end[];
#endif

#endif
