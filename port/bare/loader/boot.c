// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the parked CPU in a freestanding 64-bit stub.
 *
 * A SIPI starts a CPU in real mode at a page below 1 MiB.  Linux 6.1
 * reserves the whole first MiB at boot, so no such page can be
 * allocated; the loader borrows Linux's own SMP trampoline page
 * (real_mode_header->trampoline_start) for the few microseconds the
 * CPU needs it: it saves what it overwrites and puts it back before
 * any CPU can be brought up through it again (cpus_read_lock() keeps
 * hotplug out meanwhile).  The page is read-only in the kernel's direct
 * map, so it is written through a mapping of its own (vmap).
 *
 * Everything else lies in one block of the loader's pages below 4 GiB
 * (the trampoline loads CR3 in 32-bit mode): identity page tables, the
 * stub with its stack, and the boot block the stub reports in.  A µITRON
 * image (image.c) lies in a block of its own, mapped high.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/realmode.h>

#include "owncore.h"
#include "owncore_abi.h"

/*
 * The loader's pages: one order-4 block, so one allocation.  PG_HI_*
 * map an image at OWN_IMAGE_BASE (the kernel code model's top 2 GiB).
 */
enum { PG_PML4, PG_PDPT, PG_PD, PG_STUB = PG_PD + 4, PG_BOOT, PG_HI_PDPT,
	PG_HI_PD, PG_COUNT };
#define PAGES_ORDER		4
#define IDENTITY_GBS		4	/* the identity map's reach */
#define ALIVE_TIMEOUT_MS	2000

static struct page *pages;
static unsigned long tramp_phys;	/* Linux's trampoline page */
static size_t tramp_size;		/* what the loader borrows of it */

static void *pg(int i)
{
	return page_address(pages) + i * PAGE_SIZE;
}

static u64 pg_phys(int i)
{
	return page_to_phys(pages) + i * PAGE_SIZE;
}

struct own_boot_block *own_boot_block(void)
{
	return pg(PG_BOOT);
}

/* The low 4 GiB mapped 1:1 in 2 MiB pages (caching as the MTRRs say). */
static void build_page_tables(void)
{
	u64 *pml4 = pg(PG_PML4), *pdpt = pg(PG_PDPT);
	int i, j;

	pml4[0] = pg_phys(PG_PDPT) | _PAGE_PRESENT | _PAGE_RW;
	for (i = 0; i < IDENTITY_GBS; i++) {
		u64 *pd = pg(PG_PD + i);

		pdpt[i] = pg_phys(PG_PD + i) | _PAGE_PRESENT | _PAGE_RW;
		for (j = 0; j < PTRS_PER_PMD; j++)
			pd[j] = ((u64)(i * PTRS_PER_PMD + j) << PMD_SHIFT) |
				_PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	}
}

/*
 * Map @size bytes at physical @phys (2 MiB aligned) at OWN_IMAGE_BASE,
 * in 2 MiB pages.
 */
void own_boot_map_image(u64 phys, size_t size)
{
	u64 *pml4 = pg(PG_PML4), *pdpt = pg(PG_HI_PDPT), *pd = pg(PG_HI_PD);
	unsigned long va = OWN_IMAGE_BASE;
	size_t off;

	pml4[pgd_index(va)] = pg_phys(PG_HI_PDPT) | _PAGE_PRESENT | _PAGE_RW;
	pdpt[pud_index(va)] = pg_phys(PG_HI_PD) | _PAGE_PRESENT | _PAGE_RW;
	for (off = 0; off < size; off += PMD_SIZE)
		pd[pmd_index(va + off)] = (phys + off) | _PAGE_PRESENT |
					  _PAGE_RW | _PAGE_PSE;
}

/* Where Linux's SMP trampoline is, and whether ours fits in its page. */
static int find_trampoline(void)
{
	struct real_mode_header **rmh;
	unsigned int level;
	pte_t *pte;
	unsigned long t;

	rmh = (void *)own_lookup_name("real_mode_header");
	if (!rmh || !*rmh) {
		pr_err("cannot find Linux's real-mode trampoline (real_mode_header)\n");
		return -ENOENT;
	}
	t = (*rmh)->trampoline_start;
	tramp_size = own_tramp_end - own_tramp_start;
	if (t >= SZ_1M || offset_in_page(t) || tramp_size > PAGE_SIZE) {
		pr_err("Linux's trampoline at %#lx cannot take a SIPI (%zu bytes to place)\n",
		       t, tramp_size);
		return -ENODEV;
	}
	tramp_phys = t;
	pte = lookup_address((unsigned long)__va(t), &level);
	pr_info("Linux's SMP trampoline at %#lx, %s in the direct map; %zu bytes borrowed\n",
		t, pte && pte_write(*pte) ? "writable" : "read-only",
		tramp_size);
	return 0;
}

int own_boot_init(void)
{
	size_t stub_size = own_stub_end - own_stub_start;
	int ret;

	BUILD_BUG_ON(PG_COUNT > 1 << PAGES_ORDER);
	BUILD_BUG_ON(offsetof(struct own_boot_block, alive) != OWN_BB_ALIVE);
	BUILD_BUG_ON(offsetof(struct own_boot_block, apicid) != OWN_BB_APICID);
	BUILD_BUG_ON(offsetof(struct own_boot_block, tsc) != OWN_BB_TSC);
	BUILD_BUG_ON(sizeof(struct own_boot_block) > PAGE_SIZE);
	BUILD_BUG_ON(offsetof(struct own_tramp_params, entry) != OWN_TP_ENTRY);
	BUILD_BUG_ON(offsetof(struct own_tramp_params, arg) != OWN_TP_ARG);
	BUILD_BUG_ON(offsetof(struct own_tramp_params, cr3) != OWN_TP_CR3);

	/* Its stack grows down from the end of its page towards it. */
	if (stub_size > OWN_STUB_PAGE / 2)
		return -E2BIG;
	ret = find_trampoline();
	if (ret)
		return ret;
	pages = alloc_pages(GFP_KERNEL | __GFP_DMA32 | __GFP_ZERO,
			    PAGES_ORDER);
	if (!pages)
		return -ENOMEM;
	build_page_tables();
	memcpy(pg(PG_STUB), own_stub_start, stub_size);
	return 0;
}

/* Only once the CPU is parked: it may be running on these pages. */
void own_boot_exit(void)
{
	__free_pages(pages, PAGES_ORDER);
}

static int wait_alive(void)
{
	struct own_boot_block *bb = own_boot_block();
	unsigned long deadline = jiffies + msecs_to_jiffies(ALIVE_TIMEOUT_MS);

	while (READ_ONCE(bb->alive) != OWN_ALIVE_MAGIC) {
		if (time_after(jiffies, deadline))
			return -ETIMEDOUT;
		usleep_range(20, 50);
	}
	/* The stub wrote alive last. */
	smp_rmb();
	return 0;
}

/*
 * Put the trampoline in the borrowed page, start the parked CPU there,
 * wait for the stub's alive, and give the page back to Linux.  On a
 * timeout the CPU is parked again first: it must not be left running
 * on a page Linux is about to use.
 */
static int start_through(u8 *tramp, u8 *saved, u32 apicid, u64 entry,
			 s64 *us)
{
	struct own_tramp_params p = {
		.entry	= entry,
		.arg	= pg_phys(PG_BOOT),
		.cr3	= pg_phys(PG_PML4),
	};
	ktime_t t0;
	int ret;

	cpus_read_lock();
	memcpy(saved, tramp, tramp_size);
	memcpy(tramp, own_tramp_start, tramp_size);
	memcpy(tramp + (own_tramp_params - own_tramp_start), &p, sizeof(p));
	/* The page and the boot block before the SIPI that reads them. */
	wmb();
	t0 = ktime_get();
	own_sipi(apicid, tramp_phys);
	ret = wait_alive();
	*us = ktime_us_delta(ktime_get(), t0);
	if (ret)
		own_park(apicid);
	memcpy(tramp, saved, tramp_size);
	cpus_read_unlock();
	return ret;
}

/*
 * The stub's entry (physical = virtual).  @mute (tests) enters the stub
 * past its alive, to try the loader's timeout.
 */
u64 own_boot_stub_entry(bool mute)
{
	return pg_phys(PG_STUB) + (mute ? own_stub_mute - own_stub_start : 0);
}

/*
 * Start the parked CPU @cpu at @entry, the stub's or an image's, with
 * the boot block: 0 once it said alive.
 */
int own_boot_start(unsigned int cpu, u32 apicid, u64 entry, u32 tsc_khz_arg,
		   const char *what)
{
	struct page *tp = pfn_to_page(tramp_phys >> PAGE_SHIFT);
	struct own_boot_block *bb = own_boot_block();
	u8 *saved = kmalloc(tramp_size, GFP_KERNEL);
	u8 *tramp = vmap(&tp, 1, VM_MAP, PAGE_KERNEL);
	s64 us = 0;
	int ret = -ENOMEM;

	memset(bb, 0, sizeof(*bb));
	bb->tsc_khz = tsc_khz_arg;
	bb->tick_us = OWN_TICK_US;
	bb->cpu = cpu;
	if (saved && tramp)
		ret = start_through(tramp, saved, apicid, entry, &us);
	if (tramp)
		vunmap(tramp);
	kfree(saved);
	if (ret == -ETIMEDOUT) {
		pr_err("CPU %u: no alive from the %s within %d ms; parked again\n",
		       cpu, what, ALIVE_TIMEOUT_MS);
	} else if (!ret) {
		pr_info("CPU %u alive in the %s after %lld us (alive word %#x, APIC ID %u)\n",
			cpu, what, us, bb->alive, bb->apicid);
		if (bb->apicid != apicid) {
			pr_err("the code runs on APIC ID %u, not %u\n",
			       bb->apicid, apicid);
			ret = -EIO;
		}
	}
	return ret;
}
