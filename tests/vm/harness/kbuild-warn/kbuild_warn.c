// SPDX-License-Identifier: GPL-2.0
/*
 * kbuild_warn - compiles with a warning on purpose. tests/vm/harness.t
 * checks that tools/vm/kbuild.sh rejects it. Never loaded.
 */
#include <linux/init.h>
#include <linux/module.h>

static int __init kbuild_warn_init(void)
{
	int unused;	/* -Wunused-variable: the deliberate warning */

	return 0;
}

static void __exit kbuild_warn_exit(void)
{
}

module_init(kbuild_warn_init);
module_exit(kbuild_warn_exit);

MODULE_DESCRIPTION("Unitron VM harness self-test: a module with a warning");
MODULE_LICENSE("GPL");
