// SPDX-License-Identifier: GPL-2.0
/*
 * The image's status file, /sys/kernel/debug/unitron-unitron_core/ps
 * (root only), named like the linux port's so that `unitronctl ps`
 * finds it: a header from the loader, then the tables the image writes
 * on request (struct own_status, port/bare/status.c).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "owncore.h"
#include "owncore_abi.h"

/* The image answers from a handler: at once, unless it cannot. */
#define ANSWER_MS	500

static struct own_status *status;	/* in the image */
static u32 image_apicid;
static const char *image_path;
static struct dentry *status_dir;
static DEFINE_MUTEX(status_lock);	/* one request at a time */

/* A copy of the text, for the file's life. */
struct answer {
	u64	now;
	u32	len;
	u32	lost;
	char	text[];
};

/* Ask the image for its text: the copy, or NULL if it gave none. */
static struct answer *ask_image(void)
{
	unsigned long end = jiffies + msecs_to_jiffies(ANSWER_MS);
	struct answer *a = NULL;
	u32 request;

	mutex_lock(&status_lock);
	request = READ_ONCE(status->request) + 1;
	smp_store_release(&status->request, request);
	own_send_ipi(image_apicid, OWN_PS_VECTOR);
	while (smp_load_acquire(&status->done) != request &&
	       time_before(jiffies, end))
		usleep_range(100, 200);
	if (READ_ONCE(status->done) == request) {
		u32 len = min_t(u32, READ_ONCE(status->len), OWN_STATUS_TEXT);

		a = kmalloc(struct_size(a, text, len), GFP_KERNEL);
		if (a) {
			a->now = status->now;
			a->len = len;
			a->lost = status->lost;
			memcpy(a->text, status->text, len);
		}
	}
	mutex_unlock(&status_lock);
	return a;
}

static const char *image_state(void)
{
	static const char * const names[] = {
		"booting", "running", "stopped by a CPU exception", "stopped",
		"not started (the port failed)",
	};
	u32 st = READ_ONCE(own_boot_block()->state);

	if (st == OWN_STATE_RUNNING && own_log_hung())
		return "hung";
	return st < ARRAY_SIZE(names) ? names[st] : "?";
}

static int ps_show(struct seq_file *m, void *unused)
{
	const struct answer *a = m->private;

	if (!a) {
		seq_printf(m, "%s: %s on CPU %u, a core of its own (image %s): no status from it\n",
			   KBUILD_MODNAME, image_state(),
			   READ_ONCE(own_boot_block()->cpu), image_path);
		return 0;
	}
	seq_printf(m, "%s: running on CPU %u, a core of its own (image %s), time %llu ms\n",
		   KBUILD_MODNAME, READ_ONCE(own_boot_block()->cpu),
		   image_path, a->now);
	seq_write(m, a->text, a->len);
	if (a->lost)
		seq_printf(m, "... %u more bytes that did not fit\n", a->lost);
	return 0;
}

static int ps_open(struct inode *inode, struct file *file)
{
	struct answer *a = NULL;
	int err;

	if (READ_ONCE(own_boot_block()->state) == OWN_STATE_RUNNING &&
	    !own_log_hung())
		a = ask_image();
	err = single_open(file, ps_show, a);
	if (err)
		kfree(a);
	return err;
}

static int ps_release(struct inode *inode, struct file *file)
{
	kfree(((struct seq_file *)file->private_data)->private);
	return single_release(inode, file);
}

static const struct file_operations ps_fops = {
	.owner		= THIS_MODULE,
	.open		= ps_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= ps_release,
};

/* Once the image runs.  Errors are not fatal: no status file then. */
void own_status_init(u64 status_addr, u32 apicid, const char *image)
{
	status = own_image_ptr(status_addr, sizeof(*status));
	if (!status) {
		pr_warn("the image's status area is outside it: no status file\n");
		return;
	}
	image_apicid = apicid;
	image_path = image;
	status_dir = debugfs_create_dir("unitron-" KBUILD_MODNAME, NULL);
	debugfs_create_file("ps", 0400, status_dir, NULL, &ps_fops);
}

/* Before the image is stopped: no request reaches it after. */
void own_status_exit(void)
{
	debugfs_remove(status_dir);
	status_dir = NULL;
	status = NULL;
}
