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
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <asm/cpufeature.h>
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

static long kw_call(struct kw_call __user *ucall)
{
	struct kw_task *kt = kw_task(current);
	struct kw_call call;

	if (copy_from_user(&call, ucall, sizeof(call)))
		return -EFAULT;
	if (!user_range(call.fn, 1) || !user_range(call.stack_top - 8, 8) ||
	    call.stack_top % 16)
		return -EINVAL;
	/* The call pushes its return address there: present, writable. */
	if (put_user(0UL, (unsigned long __user *)call.stack_top - 1))
		return -EFAULT;
	kt->syscalls = 0;
	kt->interrupted = false;
	call.result = kw_enter((long (*)(long))call.fn, call.arg,
			       call.stack_top, kt);
	call.syscalls = kt->syscalls;
	if (kt->interrupted)
		return -EINTR;
	return copy_to_user(ucall, &call, sizeof(call)) ? -EFAULT : 0;
}

static long kw_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	switch (cmd) {
	case KW_IOC_CALL:
		return kw_call((struct kw_call __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations kw_fops = {
	.owner		= THIS_MODULE,
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
	err = kw_idt_install();
	if (err)
		return err;
	err = misc_register(&kw_dev);
	if (err)
		kw_idt_remove();
	return err;
}

static void __exit kw_exit(void)
{
	misc_deregister(&kw_dev);
	kw_idt_remove();
}

module_init(kw_init);
module_exit(kw_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernelware: run a program's code in kernel mode");
