// SPDX-License-Identifier: GPL-2.0
/*
 * Kernelware - kernel symbols by name, at run time.
 *
 * kallsyms_lookup_name() is not exported since Linux 5.7; a kprobe
 * registered on it, disabled so that no kernel text is patched, still
 * resolves its address.  Addresses come from the running kernel, so
 * they hold under KASLR.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kprobes.h>

#include "kernelware_int.h"

static unsigned long (*lookup_name)(const char *name);

int kw_symbols_init(void)
{
	struct kprobe kp = {
		.symbol_name	= "kallsyms_lookup_name",
		.flags		= KPROBE_FLAG_DISABLED,
	};
	int err = register_kprobe(&kp);

	if (err) {
		pr_err("cannot resolve kallsyms_lookup_name (kprobes: %d)\n",
		       err);
		return err;
	}
	lookup_name = (void *)kp.addr;
	unregister_kprobe(&kp);
	return 0;
}

unsigned long kw_lookup_name(const char *name)
{
	return lookup_name(name);
}
