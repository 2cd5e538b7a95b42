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

#include <asm/msr.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

#include "kernelware_int.h"

extern const char kw_syscall_entry[];

unsigned long kw_linux_lstar;
DEFINE_PER_CPU(unsigned long, kw_user_rsp);
static const sys_call_ptr_t *syscall_table;

/*
 * These need a real return to user mode: they copy or replace the user
 * context (current_pt_regs()), which is the device call's, not the
 * kernelware code's.  Refused until kernelware bounces them through
 * user mode.
 */
static bool needs_user_mode(unsigned long nr)
{
	switch (nr) {
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

__visible void kw_do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;

	kw_task(current)->syscalls++;
	if (nr < NR_syscalls && !needs_user_mode(nr))
		regs->ax = syscall_table[nr](regs);
	else
		regs->ax = -ENOSYS;
	local_irq_disable();
	kw_prepare_resume();
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
	if (!syscall_table) {
		pr_err("sys_call_table not found\n");
		return -ENOENT;
	}
	rdmsrl(MSR_LSTAR, kw_linux_lstar);
	return 0;
}
