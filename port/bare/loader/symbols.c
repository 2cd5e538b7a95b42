// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel symbols by name, as kernelware/module/symbols.c finds them:
 * kallsyms_lookup_name() is not exported since Linux 5.7, but a kprobe
 * registered on it (disabled: no kernel text is patched) gives its
 * address.  The loader needs it once, for real_mode_header.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kprobes.h>

#include "owncore.h"

unsigned long own_lookup_name(const char *name)
{
	struct kprobe kp = {
		.symbol_name	= "kallsyms_lookup_name",
		.flags		= KPROBE_FLAG_DISABLED,
	};
	unsigned long (*lookup)(const char *name);
	int err = register_kprobe(&kp);

	if (err) {
		pr_err("cannot resolve kallsyms_lookup_name (kprobes: %d)\n",
		       err);
		return 0;
	}
	lookup = (void *)kp.addr;
	unregister_kprobe(&kp);
	return lookup(name);
}
