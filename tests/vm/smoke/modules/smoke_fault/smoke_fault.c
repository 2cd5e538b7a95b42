// SPDX-License-Identifier: GPL-2.0
/*
 * smoke_fault - misbehaves on purpose, to prove that the VM harness notices.
 *
 * Loaded only by the harness self-test (tests/vm/harness.t), never by the
 * normal smoke run. The "action" parameter selects the fault done at load:
 *
 *   warn   WARN_ON() fires, the module still loads (default)
 *   oops   NULL pointer write: Oops, insmod is killed
 *   panic  panic(): the guest dies
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bug.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

static char *action = "warn";
module_param(action, charp, 0444);
MODULE_PARM_DESC(action, "fault to trigger at load: warn, oops or panic");

/* volatile: the compiler must not see that this is NULL */
static int *volatile smoke_null;

static int __init smoke_fault_init(void)
{
	pr_info("deliberate fault: %s\n", action);

	if (WARN_ON(!strcmp(action, "warn")))
		return 0;
	if (!strcmp(action, "oops")) {
		*smoke_null = 1;
		return 0;
	}
	if (!strcmp(action, "panic"))
		panic("smoke_fault: deliberate panic");

	pr_err("unknown action '%s'\n", action);
	return -EINVAL;
}

static void __exit smoke_fault_exit(void)
{
	pr_info("unloaded\n");
}

module_init(smoke_fault_init);
module_exit(smoke_fault_exit);

MODULE_DESCRIPTION("Unitron VM harness self-test: deliberate kernel faults");
MODULE_AUTHOR("Unitron project");
MODULE_LICENSE("GPL");
