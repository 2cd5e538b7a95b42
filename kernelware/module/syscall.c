// SPDX-License-Identifier: GPL-2.0
/*
 * Kernelware - system calls of ring-0 code as function calls.
 *
 * syscall_entry.S sends a syscall instruction executed by kernelware
 * code here, on the task's kernel stack; the call goes straight to the
 * kernel's implementation in sys_call_table.  Then, as on a return to
 * user mode: rescheduling, signals (kw_prepare_resume()).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>
#include <asm/msr.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#include "kernelware.h"

#include "kernelware_int.h"

extern const char kw_syscall_entry[];

unsigned long kw_linux_lstar;
DEFINE_PER_CPU(unsigned long, kw_user_rsp);
static const sys_call_ptr_t *syscall_table;
static int (*text_address)(unsigned long addr);	/* kernel_text_address */
static DEFINE_PER_CPU(unsigned long, calls_made);

/* /sys/module/kernelware/parameters/syscalls: calls made as functions. */
static int get_syscalls(char *buf, const struct kernel_param *kp)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(calls_made, cpu);
	return sysfs_emit(buf, "%lu\n", sum);
}

static const struct kernel_param_ops syscalls_ops = {
	.get = get_syscalls,
};
module_param_cb(syscalls, &syscalls_ops, NULL, 0444);
MODULE_PARM_DESC(syscalls, "system calls made as function calls so far");

/*
 * These copy or replace the user context (current_pt_regs()), which is
 * the device call's, not the kernelware code's: they are made in user
 * mode (kw_end_syscall()), but for a thread or a vfork child, made in
 * kernel mode once kw_clone() has made that context the program's.
 * exit and exit_group end the task, which must first leave the module's
 * code and drop its reference.  All are refused in a KW_IOC_CALL
 * function.
 */
static bool needs_user_mode(unsigned long nr)
{
	switch (nr) {
	case __NR_exit:
	case __NR_exit_group:
	case __NR_fork:
	case __NR_vfork:
	case __NR_clone:
	case __NR_clone3:
	case __NR_execve:
	case __NR_execveat:
	case __NR_rt_sigreturn:
		return true;
	default:
		return false;
	}
}

/*
 * Whether the call makes a thread or a vfork child, sharing the memory:
 * made in kernel mode (kw_clone()), so that the caller stays there and
 * the child starts at the re-entry code with its own registers.
 */
static bool shares_memory(struct pt_regs *regs)
{
	u64 flags;

	switch (regs->orig_ax) {
	case __NR_vfork:
		return true;
	case __NR_clone:
		return regs->di & CLONE_VM;
	case __NR_clone3:	/* struct clone_args starts with the flags */
		return !get_user(flags, (u64 __user *)regs->di) &&
		       (flags & CLONE_VM);
	default:
		return false;
	}
}

typedef long (*kfunc_t)(long, long, long, long, long, long);

/*
 * KW_NR_KCALL: a kernel function with up to six arguments, the sixth on
 * the caller's stack above its return address (libkw's kw_kcall_here).
 */
static long kcall(struct pt_regs *regs)
{
	kfunc_t fn = (kfunc_t)regs->di;
	long a6;

	if (!text_address(regs->di))
		return -EFAULT;
	if (get_user(a6, (long __user *)(regs->sp + 8)))
		return -EFAULT;
	return fn(regs->si, regs->dx, regs->r10, regs->r8, regs->r9, a6);
}

__visible void kw_do_syscall(struct pt_regs *regs)
{
	struct kw_task *kt = kw_task(current);
	unsigned long nr = regs->orig_ax;

	kt->syscalls++;
	kt->stats.calls++;
	this_cpu_inc(calls_made);
	if (nr < NR_syscalls && !needs_user_mode(nr)) {
		regs->ax = syscall_table[nr](regs);
	} else if (nr == KW_NR_KCALL) {
		regs->ax = kcall(regs);
		regs->orig_ax = -1;	/* a function's result: no restart */
	} else if (kt->mode == KW_MODE_CALL) {
		regs->ax = -ENOSYS;
	} else if (nr == KW_NR_USER_MODE) {
		regs->ax = 0;
		kw_end(regs, false, KW_LEFT_REQUEST);
	} else if (shares_memory(regs)) {
		regs->ax = kw_clone(regs, syscall_table[nr]);
	} else {
		kw_end_syscall(regs);
	}
	local_irq_disable();
	kw_prepare_resume(regs);
}

/* On each CPU with interrupts off, with its IDT (idt.c). */
void kw_syscall_cpu_start(void)
{
	wrmsrl(MSR_LSTAR, (unsigned long)kw_syscall_entry);
}

void kw_syscall_cpu_stop(void)
{
	wrmsrl(MSR_LSTAR, kw_linux_lstar);
}

int kw_syscall_init(void)
{
	syscall_table = (const sys_call_ptr_t *)kw_lookup_name("sys_call_table");
	text_address = (void *)kw_lookup_name("kernel_text_address");
	if (!syscall_table || !text_address) {
		pr_err("sys_call_table or kernel_text_address not found\n");
		return -ENOENT;
	}
	rdmsrl(MSR_LSTAR, kw_linux_lstar);
	return 0;
}
