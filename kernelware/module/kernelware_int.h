/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - internals shared by the module's files.
 */
#ifndef KERNELWARE_INT_H
#define KERNELWARE_INT_H

#include <linux/sched.h>
#include <linux/sched/task_stack.h>

/* idt.c */
int kw_idt_install(void);
void kw_idt_remove(void);

/*
 * The task's kernelware floor: the kernel stack pointer below which
 * interrupts from kernelware code put their frames.  Kept in the word
 * above the stack-end canary, at the bottom of the task's kernel stack;
 * the entry stubs (idt.S) read it there.
 */
static inline unsigned long *kw_floor(struct task_struct *p)
{
	return end_of_stack(p) + 1;
}

#endif /* KERNELWARE_INT_H */
