// SPDX-License-Identifier: GPL-2.0
/*
 * Kernelware - the IDT (and syscall entry) every CPU uses while the
 * module is loaded.
 *
 * A copy of Linux's IDT in which each gate that had no IST stack points
 * to a stub of idt.S on IST stack 7, which Linux leaves unused; gates
 * with their own IST (NMI, double fault, debug, machine check) stay as
 * they are.  The stubs move the frame where it belongs and jump to
 * Linux's own entry, so Linux handles every vector as before.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/gfp.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/desc.h>
#include <asm/page_64_types.h>
#include <asm/processor.h>
#include <asm/trapnr.h>

#include "kernelware_int.h"

#define KW_IST		7		/* IST stacks 1..7: Linux uses 1..5 */
#define KW_IST_SIZE	(KW_IST_LEVEL * KW_IST_LEVELS)
static_assert(KW_IST_SIZE <= PAGE_SIZE);

extern const char kw_vector_stubs[];

unsigned long kw_orig_entry[IDT_ENTRIES];
unsigned long kw_df_entry;		/* Linux's #DF entry */
DEFINE_PER_CPU(unsigned long, kw_df_stack);	/* ... and its stack */
unsigned long kw_task_stack_off = offsetof(struct task_struct, stack);
DEFINE_PER_CPU(unsigned long, kw_entry_sp0);
static DEFINE_PER_CPU(unsigned long, kw_ist_page);

static struct desc_ptr linux_idt;
static struct desc_ptr kw_idt;
static gate_desc *kw_table;
static enum cpuhp_state kw_cpuhp;

/* The stack top of IST 7 level n in page: its slot pointer above. */
static unsigned long ist_top(unsigned long page, unsigned int n)
{
	return page + KW_IST_SIZE - KW_IST_META - n * KW_IST_LEVEL;
}

static void set_gate_offset(gate_desc *g, unsigned long addr)
{
	g->offset_low = (u16)addr;
	g->offset_middle = (u16)(addr >> 16);
	g->offset_high = (u32)(addr >> 32);
}

static int build_table(void)
{
	const gate_desc *linux_table = (const gate_desc *)linux_idt.address;
	unsigned int v;

	kw_table = (gate_desc *)get_zeroed_page(GFP_KERNEL);
	if (!kw_table)
		return -ENOMEM;
	memcpy(kw_table, linux_table, IDT_ENTRIES * sizeof(gate_desc));
	kw_df_entry = gate_offset(&linux_table[X86_TRAP_DF]);
	for (v = 0; v < IDT_ENTRIES; v++) {
		gate_desc *g = &kw_table[v];

		if (!g->bits.p || g->bits.ist)
			continue;
		kw_orig_entry[v] = gate_offset(g);
		set_gate_offset(g, (unsigned long)kw_vector_stubs + 16 * v);
		g->bits.ist = KW_IST;
	}
	kw_idt.address = (unsigned long)kw_table;
	kw_idt.size = linux_idt.size;
	return 0;
}

/*
 * On each CPU, interrupts off: its IST 7 stack, the new IDT, the
 * syscall entry.
 */
static void load_kw_idt(void *unused)
{
	struct tss_struct *tss = this_cpu_ptr(&cpu_tss_rw);

	this_cpu_write(kw_entry_sp0, tss->x86_tss.sp0);
	this_cpu_write(kw_df_stack, tss->x86_tss.ist[IST_INDEX_DF]);
	tss->x86_tss.ist[KW_IST - 1] = ist_top(this_cpu_read(kw_ist_page), 0);
	load_idt(&kw_idt);
	kw_syscall_cpu_start();
}

static void load_linux_idt(void *unused)
{
	kw_syscall_cpu_stop();
	load_idt(&linux_idt);
	this_cpu_ptr(&cpu_tss_rw)->x86_tss.ist[KW_IST - 1] = 0;
}

static int alloc_ist(unsigned int cpu)
{
	unsigned long page = per_cpu(kw_ist_page, cpu);
	unsigned int n;

	if (page)
		return 0;
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	for (n = 0; n < KW_IST_LEVELS; n++)
		*(u64 **)ist_top(page, n) =
			&per_cpu(cpu_tss_rw, cpu).x86_tss.ist[KW_IST - 1];
	per_cpu(kw_ist_page, cpu) = page;
	return 0;
}

/* A CPU comes online: it loaded Linux's IDT; give it ours. */
static int kw_cpu_online(unsigned int cpu)
{
	unsigned long flags;
	int err = alloc_ist(cpu);

	if (err)
		return err;
	local_irq_save(flags);
	load_kw_idt(NULL);
	local_irq_restore(flags);
	return 0;
}

static void free_ist(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		free_page(per_cpu(kw_ist_page, cpu));
		per_cpu(kw_ist_page, cpu) = 0;
	}
}

int kw_idt_install(void)
{
	int err;

	store_idt(&linux_idt);
	if (linux_idt.size + 1 != IDT_ENTRIES * sizeof(gate_desc))
		return -ENODEV;
	err = build_table();
	if (err)
		return err;
	/* Runs kw_cpu_online() on every online CPU, then on new ones. */
	err = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "kernelware:idt",
				kw_cpu_online, NULL);
	if (err < 0) {
		on_each_cpu(load_linux_idt, NULL, 1);
		free_ist();
		free_page((unsigned long)kw_table);
		return err;
	}
	kw_cpuhp = err;
	return 0;
}

/*
 * No CPU runs a stub or the syscall entry after this: each ran
 * load_linux_idt() with interrupts off, so any it was in had finished.
 */
void kw_idt_remove(void)
{
	cpus_read_lock();
	cpuhp_remove_state_nocalls_cpuslocked(kw_cpuhp);
	on_each_cpu(load_linux_idt, NULL, 1);
	cpus_read_unlock();
	free_ist();
	free_page((unsigned long)kw_table);
}
