// SPDX-License-Identifier: GPL-2.0
/*
 * Kernelware - keeping the CPU state the module set up.
 *
 * Two things rewrite a CPU's syscall entry (MSR_LSTAR) behind the
 * module's back: resume from suspend to RAM (syscall_init() on the boot
 * CPU; the others come back through CPU hotplug), and KVM, which saves
 * LSTAR when it creates its first VM and writes that value back
 * whenever a vCPU thread returns to user space.  A ring-0 syscall on a
 * CPU with Linux's entry would run swapgs from ring 0.  So the module
 * puts its entry back on resume, and does not share the machine with
 * KVM: it refuses to load beside it and stops it from loading.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/string.h>
#include <linux/syscore_ops.h>

#include "kernelware_int.h"

static bool is_kvm(const char *name)
{
	return !strcmp(name, "kvm_intel") || !strcmp(name, "kvm_amd");
}

static int refuse_kvm(struct notifier_block *nb, unsigned long state,
		      void *data)
{
	struct module *mod = data;

	if (state != MODULE_STATE_COMING || !is_kvm(mod->name))
		return NOTIFY_DONE;
	pr_err("%s refused: KVM rewrites the syscall entry kernelware uses (unload kernelware first)\n",
	       mod->name);
	return notifier_from_errno(-EBUSY);
}

static struct notifier_block kvm_nb = {
	.notifier_call = refuse_kvm,
};

/* On the boot CPU, interrupts off, after syscall_init(). */
static void restore_entry(void)
{
	kw_syscall_cpu_start();
}

static struct syscore_ops resume_ops = {
	.resume = restore_entry,
};

/* The notifier first: a KVM load after the check meets it. */
int kw_guard_init(void)
{
	int err = register_module_notifier(&kvm_nb);

	if (err)
		return err;
	if (kw_lookup_name("vmx_vcpu_run") || kw_lookup_name("svm_vcpu_run")) {
		pr_err("KVM is loaded: it rewrites the syscall entry kernelware uses (unload kvm_intel/kvm_amd first)\n");
		unregister_module_notifier(&kvm_nb);
		return -EBUSY;
	}
	register_syscore_ops(&resume_ops);
	return 0;
}

void kw_guard_exit(void)
{
	unregister_syscore_ops(&resume_ops);
	unregister_module_notifier(&kvm_nb);
}
