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
#include <linux/task_work.h>
#include <linux/uaccess.h>
#include <asm/cpufeature.h>
#include <asm/fpu/api.h>
#include <asm/special_insns.h>

#include "kernelware.h"
#include "kernelware_int.h"
#include "kw_reentry.h"

static_assert(KW_IOC_RESUME == KW_IOC_RESUME_NR);
static_assert(KW_IOC_RESUME_SYSCALL == KW_IOC_RESUME_SYSCALL_NR);


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

/*
 * The program's state where kernel mode ended, kept for its re-entry
 * code (KW_IOC_RESUME), which has none of its own: the same code serves
 * every thread, and the kernelware page's, a program with no TLS.
 */
static void save_state(struct kw_task *kt, const struct pt_regs *regs)
{
	set_user_regs(&kt->saved, regs);
	kt->saved_valid = true;
}

static void restore_rax(struct callback_head *work)
{
	struct kw_task *kt = container_of(work, struct kw_task, rax_work);

	current_pt_regs()->ax = kt->rax;
	module_put(THIS_MODULE);
}

/*
 * The device call returns an int (the ioctl syscall cuts it), which is
 * the program's rax when it goes on in user mode: task work puts all of
 * rax back on the way there, before a signal frame saves it (TWA_SIGNAL:
 * get_signal() runs task work first).
 */
static void keep_rax(struct kw_task *kt, unsigned long rax)
{
	if ((long)(int)rax == (long)rax)
		return;
	kt->rax = rax;
	__module_get(THIS_MODULE);
	init_task_work(&kt->rax_work, restore_rax);
	if (task_work_add(current, &kt->rax_work, TWA_SIGNAL))
		module_put(THIS_MODULE);	/* exiting: no user mode */
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

static bool is_restart(unsigned long ax)
{
	return ax >= -ERESTART_RESTARTBLOCK && ax <= -ERESTARTSYS;
}

/*
 * End kernel mode from below the floor: kw_enter or kw_enter_regs
 * returns.  Code entered with KW_IOC_ENTER goes on in user mode from
 * regs: through its re-entry code if resume (and it has one), else
 * where it stands; they become the device call's return context.
 * orig_ax is the system call the code was in, or -1: a signal delivered
 * on the way out restarts that syscall (at the re-entry code's syscall
 * instruction), or fails it with EINTR, as for user code; the ioctl's
 * result carries the restart code.  why is a KW_LEFT_*.
 */
void kw_end(struct pt_regs *regs, bool resume, unsigned int why)
{
	struct kw_task *kt = kw_task(current);
	struct pt_regs *user = current_pt_regs();
	long detail = why == KW_LEFT_FAULT ? kt->vector : 0;

	local_irq_enable();
	if (kt->mode == KW_MODE_CALL)
		leave(kt, regs ? regs->ax : 0, why, detail, false);
	set_user_regs(user, regs);
	if (resume && kt->resume) {
		save_state(kt, regs);
		user->ip = kt->resume;
		user->cx = 0;
		user->ax = is_restart(regs->ax) ? regs->ax : 0;
		leave(kt, user->ax, why, detail, false);
	}
	keep_rax(kt, regs->ax);
	leave(kt, regs->ax, why, detail, true);
}

/*
 * End kernel mode to make system call regs->orig_ax from user mode: at
 * the re-entry code's syscall instruction (then back to kernel mode with
 * its result), or at the program's own if it has none.
 */
void kw_end_syscall(struct pt_regs *regs)
{
	struct kw_task *kt = kw_task(current);
	struct pt_regs *user = current_pt_regs();
	long nr = regs->orig_ax;
	bool stays = true;

	local_irq_enable();
	set_user_regs(user, regs);
	user->ax = nr;
	user->orig_ax = -1;
	if (kt->resume) {
		save_state(kt, regs);
		user->ip = kt->resume - 2;
		stays = false;
	} else {
		user->ip -= 2;		/* the program's syscall, 0f 05 */
	}
	leave(kt, nr, KW_LEFT_SYSCALL, nr, stays);
}

/*
 * A new thread, or a vfork child, of code in kernel mode.  The kernel
 * builds the child's frame from current_pt_regs() (copy_thread()), the
 * device call's until kernel mode ends: it becomes the program's state
 * after its syscall, as a syscall from user mode leaves it.  The caller
 * stays in kernel mode; the child enters it through the re-entry code
 * (kw_start_child()), or starts in user mode if there is none.
 */
long kw_clone(struct pt_regs *regs, sys_call_ptr_t syscall)
{
	struct kw_task *kt = kw_task(current);
	struct pt_regs *user = current_pt_regs();
	long ret;

	set_user_regs(user, regs);
	user->cx = user->ip;
	user->r11 = user->flags;
	kt->cloning = true;
	ret = syscall(regs);
	kt->cloning = false;
	return ret;
}

/*
 * A task made by a task that has re-entry code: the child of a fork
 * made in user mode (bounced) comes back to kernel mode with the state
 * its parent left, but on its own stack; a thread or vfork child made
 * in kernel mode (cloning) starts at the re-entry code, with its own
 * registers as its state.  Called before the child runs.
 */
void kw_start_child(struct kw_task *pk, struct kw_task *ck,
		    struct pt_regs *child)
{
	ck->resume = pk->resume;
	if (pk->cloning && pk->resume) {
		ck->saved = *child;
		ck->saved_valid = true;
		child->ip = ck->resume;
		child->cx = 0;
	} else if (pk->saved_valid) {
		ck->saved = pk->saved;
		ck->saved.sp = child->sp;	/* clone's new stack, if any */
		ck->saved_valid = true;
	}
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

/* Ring 0 from regs until kernel mode ends: then the device call returns. */
static long enter_context(struct pt_regs *regs, unsigned long resume)
{
	struct kw_task *kt;
	long ax;

	regs->cs = __KERNEL_CS;
	regs->ss = __KERNEL_DS;
	regs->flags = (regs->flags & KW_USER_FLAGS) | X86_EFLAGS_IF |
		      X86_EFLAGS_IOPL | X86_EFLAGS_FIXED;
	kt = begin(KW_MODE_CONTEXT);
	if (!kt)
		return -EBUSY;
	kt->resume = resume;
	kt->saved_valid = false;
	load_user_fpu();
	ax = kw_enter_regs(regs, kt);
	end(kt);
	return ax;
}

/* Returns in user mode, where kernel mode ended (see kernelware.h). */
static long kw_enter_context(struct kw_enter __user *uenter)
{
	struct kw_enter enter;
	struct pt_regs regs;

	BUILD_BUG_ON(sizeof(struct kw_regs) != sizeof(struct pt_regs));
	if (copy_from_user(&enter, uenter, sizeof(enter)))
		return -EFAULT;
	memcpy(&regs, &enter.regs, sizeof(regs));
	if (!user_range(regs.ip, 1) || !user_range(regs.sp - 8, 8) ||
	    (enter.resume && !user_range(enter.resume - 2, 2)))
		return -EINVAL;
	return enter_context(&regs, enter.resume);
}

/*
 * The re-entry code: back to kernel mode from the state kept where it
 * ended.  rax, the program's rax now, replaces the kept one after a
 * syscall the re-entry code made for it, or when the kept one was a
 * restart code that signal handling resolved.
 */
static long kw_resume_context(unsigned long rax, bool after_syscall)
{
	struct kw_task *kt = kw_task(current);
	struct pt_regs regs;

	if (!kw_claimed(kt) || !kt->saved_valid || !kt->resume)
		return -EINVAL;
	regs = kt->saved;
	if (after_syscall || is_restart(regs.ax))
		regs.ax = rax;
	return enter_context(&regs, kt->resume);
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
	case KW_IOC_RESUME:
		return kw_resume_context(arg, false);
	case KW_IOC_RESUME_SYSCALL:
		return kw_resume_context(arg, true);
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
