// SPDX-License-Identifier: GPL-2.0
/*
 * Kernelware - run a program's code in ring 0, in its own process.
 *
 * /dev/kernelware (root only) calls a function of the calling process in
 * kernel mode on that process's own stack.  The CPU must let ring 0 run
 * user pages (no SMEP) and touch them (no SMAP), and user pages must be
 * mapped while in the kernel (no page-table isolation): the module
 * refuses to load otherwise, naming the boot parameters.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/ptrace.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <asm/cpufeature.h>
#include <asm/fpu/api.h>
#include <asm/special_insns.h>

#include "kernelware.h"
#include "kernelware_int.h"


#define KW_BOOT_PARAMS	"clearcpuid=smep,smap nopti"

static int check_cpu(void)
{
	unsigned long cr4 = native_read_cr4();

	if (cr4 & (X86_CR4_SMEP | X86_CR4_SMAP)) {
		pr_err("SMEP/SMAP are on: boot with %s\n", KW_BOOT_PARAMS);
		return -EPERM;
	}
	if (boot_cpu_has(X86_FEATURE_PTI)) {
		pr_err("page-table isolation is on: boot with %s\n",
		       KW_BOOT_PARAMS);
		return -EPERM;
	}
	return 0;
}

static bool user_range(unsigned long addr, unsigned long size)
{
	return addr && access_ok((void __user *)addr, size);
}

/* Flags user code may set: not IOPL, IF, TF or the system flags. */
#define KW_USER_FLAGS	(X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | \
			 X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_DF | \
			 X86_EFLAGS_OF | X86_EFLAGS_AC | X86_EFLAGS_ID)

static void end(struct kw_task *kt)
{
	kt->active = false;
	module_put(THIS_MODULE);
}

/*
 * Ring-0 user code finds the process's FPU state in the registers, as
 * user code would: load it if a context switch or kernel FPU use left
 * it saved.  Interrupts stay off until the code runs.
 */
static void load_user_fpu(void)
{
	local_irq_disable();
	if (test_thread_flag(TIF_NEED_FPU_LOAD))
		switch_fpu_return();
}

/* NULL if the task is in kernel mode already (a call from there). */
static struct kw_task *begin(unsigned int mode)
{
	struct kw_task *kt = kw_task(current);

	if (kt->active)
		return NULL;
	/* Module text is on this stack until kernel mode ends. */
	__module_get(THIS_MODULE);
	kw_claim(kt);
	kt->stats.entries++;
	kt->stats.flags &= ~KW_STAT_ENDED_IN_USER;
	kt->mode = mode;
	kt->syscalls = 0;
	kt->interrupted = false;
	kt->active = true;
	return kt;
}

static void set_user_regs(struct pt_regs *user, const struct pt_regs *regs)
{
	*user = *regs;
	user->cs = __USER_CS;
	user->ss = __USER_DS;
	user->flags = (regs->flags & KW_USER_FLAGS) | X86_EFLAGS_IF |
		      X86_EFLAGS_FIXED;
}

/* The program's state for libkw's user code; false if there is none. */
static bool save_state(struct kw_task *kt, const struct pt_regs *regs)
{
	struct pt_regs saved;

	if (!kt->resume)
		return false;
	set_user_regs(&saved, regs);
	return !copy_to_user((void __user *)kt->self, &saved, sizeof(saved));
}

/*
 * Kernel mode ends why (KW_LEFT_*), and the thread goes back at once
 * through its re-entry code, or stays in user mode.
 */
static void leave(struct kw_task *kt, long ax, unsigned int why,
		  long detail, bool stays)
{
	kt->stats.left[why]++;
	kt->stats.last_left = why;
	kt->stats.last_detail = detail;
	if (stays) {
		kt->stats.stayed++;
		kt->stats.flags |= KW_STAT_ENDED_IN_USER;
	}
	kt->interrupted = true;
	kw_leave_to(ax, kt->frame);
}

/* The ioctl's result: a restart code survives the int on its way. */
static long ioctl_result(const struct pt_regs *regs)
{
	return regs->ax >= -ERESTART_RESTARTBLOCK && regs->ax <= -ERESTARTSYS ?
	       regs->ax : 0;
}

/*
 * End kernel mode from below the floor: kw_enter or kw_enter_regs
 * returns.  Code entered with KW_IOC_ENTER goes on in user mode from
 * regs, through its re-entry code if resume (and it has one), else
 * directly: they become the device call's return context.  orig_ax is
 * the system call the code was in, or -1: a signal delivered on the way
 * out restarts that syscall (at the re-entry code's syscall
 * instruction, or the program's), or fails it with EINTR, as for user
 * code.  why is a KW_LEFT_*.
 */
void kw_end(struct pt_regs *regs, bool resume, unsigned int why)
{
	struct kw_task *kt = kw_task(current);
	struct pt_regs *user = current_pt_regs();
	long detail = why == KW_LEFT_FAULT ? kt->vector : 0;
	bool stays = true;

	local_irq_enable();
	if (kt->mode == KW_MODE_CALL)
		leave(kt, regs ? regs->ax : 0, why, detail, false);
	set_user_regs(user, regs);
	if (save_state(kt, regs)) {
		user->ip = resume ? kt->resume : kt->cont;
		user->cx = 0;
		user->ax = ioctl_result(regs);
		stays = !resume;
	}
	leave(kt, user->ax, why, detail, stays);
}

/*
 * End kernel mode to make system call regs->orig_ax from user mode: at
 * the re-entry code's syscall instruction if resume (then back to
 * kernel mode with its result), or at the program's own.
 */
void kw_end_syscall(struct pt_regs *regs, bool resume)
{
	struct kw_task *kt = kw_task(current);
	struct pt_regs *user = current_pt_regs();
	long nr = regs->orig_ax;
	bool stays = true;

	local_irq_enable();
	set_user_regs(user, regs);
	user->ax = nr;
	user->orig_ax = -1;
	if (resume && save_state(kt, regs)) {
		user->ip = kt->resume - 2;
		stays = false;
	} else {
		user->ip -= 2;		/* the program's syscall, 0f 05 */
	}
	leave(kt, nr, KW_LEFT_SYSCALL, nr, stays);
}

static long kw_call(struct kw_call __user *ucall)
{
	struct kw_task *kt;
	struct kw_call call;

	if (copy_from_user(&call, ucall, sizeof(call)))
		return -EFAULT;
	if (!user_range(call.fn, 1) || !user_range(call.stack_top - 8, 8) ||
	    call.stack_top % 16)
		return -EINVAL;
	/* The call pushes its return address there: present, writable. */
	if (put_user(0UL, (unsigned long __user *)call.stack_top - 1))
		return -EFAULT;
	kt = begin(KW_MODE_CALL);
	if (!kt)
		return -EBUSY;
	load_user_fpu();
	call.result = kw_enter((long (*)(long))call.fn, call.arg,
			       call.stack_top, kt);
	end(kt);
	call.syscalls = kt->syscalls;
	if (kt->interrupted)
		return -EINTR;
	return copy_to_user(ucall, &call, sizeof(call)) ? -EFAULT : 0;
}

/* Returns in user mode, where kernel mode ended (see kernelware.h). */
static long kw_enter_context(struct kw_enter __user *uenter)
{
	struct kw_enter enter;
	struct pt_regs regs;
	struct kw_task *kt;
	long ax;

	BUILD_BUG_ON(sizeof(struct kw_regs) != sizeof(struct pt_regs));
	if (copy_from_user(&enter, uenter, sizeof(enter)))
		return -EFAULT;
	memcpy(&regs, &enter.regs, sizeof(regs));
	if (!user_range(regs.ip, 1) || !user_range(regs.sp - 8, 8) ||
	    (enter.resume && (!user_range(enter.resume - 2, 2) ||
			      !user_range(enter.cont, 1) ||
			      !user_range(enter.self, sizeof(enter)))))
		return -EINVAL;
	regs.cs = __KERNEL_CS;
	regs.ss = __KERNEL_DS;
	regs.flags = (regs.flags & KW_USER_FLAGS) | X86_EFLAGS_IF |
		     X86_EFLAGS_IOPL | X86_EFLAGS_FIXED;
	kt = begin(KW_MODE_CONTEXT);
	if (!kt)
		return -EBUSY;
	kt->resume = enter.resume;
	kt->cont = enter.cont;
	kt->self = enter.self;
	load_user_fpu();
	ax = kw_enter_regs(&regs, kt);
	end(kt);
	return ax;
}

static long kw_symbol(struct kw_symbol __user *usym)
{
	struct kw_symbol sym;

	if (copy_from_user(&sym, usym, sizeof(sym)))
		return -EFAULT;
	sym.name[sizeof(sym.name) - 1] = '\0';
	sym.addr = kw_lookup_name(sym.name);
	if (!sym.addr)
		return -ENOENT;
	return put_user(sym.addr, &usym->addr);
}

/*
 * Code run through the device has ring 0: only CAP_SYS_ADMIN opens it.
 * The open file is the authority after that, so a program that drops
 * its privileges later keeps its kernel mode.
 */
static int kw_open(struct inode *inode, struct file *file)
{
	file->private_data = NULL;	/* misc_open's: a session goes here */
	return capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
}

static int kw_release(struct inode *inode, struct file *file)
{
	kw_stats_release(file);
	return 0;
}

static long kw_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case KW_IOC_CALL:
		return kw_call((struct kw_call __user *)arg);
	case KW_IOC_ENTER:
		return kw_enter_context((struct kw_enter __user *)arg);
	case KW_IOC_SYMBOL:
		return kw_symbol((struct kw_symbol __user *)arg);
	case KW_IOC_EXEC:
		return kw_exec_mark(arg);
	case KW_IOC_STATS:
		return kw_stats_start(file);
	case KW_IOC_STATS_READ:
		return kw_stats_read(file, (struct kw_stats_read __user *)arg);
	default:
		return -ENOTTY;
	}
}

const struct file_operations kw_fops = {
	.owner		= THIS_MODULE,
	.open		= kw_open,
	.release	= kw_release,
	.unlocked_ioctl	= kw_ioctl,
	.llseek		= noop_llseek,
};

static struct miscdevice kw_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "kernelware",
	.fops	= &kw_fops,
	.mode	= 0600,
};

static int __init kw_init(void)
{
	int err = check_cpu();

	if (err)
		return err;
	err = kw_symbols_init();
	if (err)
		return err;
	err = kw_syscall_init();
	if (err)
		return err;
	err = kw_guard_init();
	if (err)
		return err;
	err = kw_idt_install();
	if (err)
		goto guard_exit;
	err = kw_exec_init();
	if (err)
		goto idt_remove;
	err = misc_register(&kw_dev);
	if (err)
		goto exec_exit;
	return 0;

exec_exit:
	kw_exec_exit();
idt_remove:
	kw_idt_remove();
guard_exit:
	kw_guard_exit();
	return err;
}

static void __exit kw_exit(void)
{
	misc_deregister(&kw_dev);
	kw_exec_exit();
	kw_idt_remove();
	kw_guard_exit();
}

module_init(kw_init);
module_exit(kw_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernelware: run a program's code in kernel mode");
