// SPDX-License-Identifier: GPL-2.0
/*
 * smoke_hello - the smallest useful Unitron test module.
 *
 * Proves that an out-of-tree module built by tools/vm/kbuild.sh loads in the
 * QEMU guest, takes a parameter, exposes state to user space and unloads
 * cleanly. The guest script tests/vm/smoke/run.sh checks each of these.
 *
 *   /sys/module/smoke_hello/parameters/magic   the load-time parameter
 *   /sys/kernel/debug/smoke_hello/status       "magic=<n> reads=<n>\n"
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/seq_file.h>

static int magic = 7;
module_param(magic, int, 0444);
MODULE_PARM_DESC(magic, "value reported back through debugfs (default 7)");

static struct dentry *smoke_dir;
static atomic_t reads = ATOMIC_INIT(0);

static int status_show(struct seq_file *m, void *v)
{
	seq_printf(m, "magic=%d reads=%d\n", magic, atomic_inc_return(&reads));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(status);

static int __init smoke_hello_init(void)
{
	smoke_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("status", 0444, smoke_dir, NULL, &status_fops);
	pr_info("loaded, magic=%d\n", magic);
	return 0;
}

static void __exit smoke_hello_exit(void)
{
	debugfs_remove_recursive(smoke_dir);
	pr_info("unloaded after %d reads\n", atomic_read(&reads));
}

module_init(smoke_hello_init);
module_exit(smoke_hello_exit);

MODULE_DESCRIPTION("Unitron VM harness smoke test module");
MODULE_AUTHOR("Unitron project");
MODULE_LICENSE("GPL");
