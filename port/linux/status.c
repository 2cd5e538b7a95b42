// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - the status file, /sys/kernel/debug/unitron-
 * <module>/ps (root only): every task and kernel object of the µITRON
 * system, with its name in the .cfg (kernel_cfg.c's name tables), its
 * state and its waiting tasks in queue order.
 *
 * The system changes its state only on its own CPU with interrupts off
 * there (CPU lock, handlers).  So a function that an IPI runs on that
 * CPU sees a consistent state: it copies it into plain structs
 * (systask/status.c, shared with the own-core port), and the file is
 * formatted from the copy afterwards, in process context.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

#include "status.h"
#include "linux_port.h"

/* A snapshot and the system's state when it was taken. */
struct snapshot {
	struct ps_snap		ps;
	enum unitron_sys_state	sys;
};

static void show_system(struct seq_file *m, const struct snapshot *snap)
{
	static const char * const sys_name[] = {
		[UNITRON_NOT_STARTED] = "not started (as configured)",
		[UNITRON_RUNNING] = "running",
		[UNITRON_STOPPED] = "stopped",
	};

	const char *model = unitron_preempt_lacking();

	seq_printf(m, "%s: %s on CPU %u, time %lu ms\n", KBUILD_MODNAME,
		   sys_name[snap->sys], unitron_cpu, snap->ps.now);
	if (model)
		seq_printf(m, "no real-time guarantee: Linux is not fully preemptible (preempt=%s); boot with preempt=full\n",
			   model);
}

/* status_write()'s output, into the file. */
static void seq_putc_to(char c, void *arg)
{
	seq_putc(arg, c);
}

static int ps_show(struct seq_file *m, void *unused)
{
	const struct snapshot *snap = m->private;

	show_system(m, snap);
	status_write(&snap->ps, seq_putc_to, m);
	return 0;
}

/* On the µITRON CPU, by IPI: nothing changes the system meanwhile. */
static void take_snapshot(void *arg)
{
	struct snapshot *snap = arg;

	snap->sys = unitron_sys_state();
	status_take(&snap->ps, snap->sys != UNITRON_NOT_STARTED);
}

/* ---- the file -------------------------------------------------------- */

static void snap_free(struct snapshot *snap)
{
	kfree(snap->ps.task);
	kfree(snap->ps.obj);
	kfree(snap->ps.waiter);
	kfree(snap);
}

static struct snapshot *snap_alloc(void)
{
	struct snapshot *snap = kzalloc(sizeof(*snap), GFP_KERNEL);
	struct ps_snap *s;

	if (!snap)
		return NULL;
	s = &snap->ps;
	s->task = kcalloc(tmax_tskid, sizeof(*s->task), GFP_KERNEL);
	s->obj = kcalloc(status_objects(), sizeof(*s->obj), GFP_KERNEL);
	s->waiter = kcalloc(tmax_tskid, sizeof(*s->waiter), GFP_KERNEL);
	if (!s->task || !s->obj || !s->waiter) {
		snap_free(snap);
		return NULL;
	}
	return snap;
}

static int ps_open(struct inode *inode, struct file *file)
{
	struct snapshot *snap = snap_alloc();
	int err;

	if (!snap)
		return -ENOMEM;
	err = smp_call_function_single(unitron_cpu, take_snapshot, snap, 1);
	if (!err)
		err = single_open(file, ps_show, snap);
	if (err)
		snap_free(snap);
	return err;
}

static int ps_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	snap_free(m->private);
	return single_release(inode, file);
}

static const struct file_operations ps_fops = {
	.owner		= THIS_MODULE,
	.open		= ps_open,
	.read		= seq_read,
	.llseek		= seq_lseek,
	.release	= ps_release,
};

static struct dentry *status_dir;

/* Errors are not fatal: the system runs without its status file. */
void unitron_status_init(void)
{
	status_dir = debugfs_create_dir("unitron-" KBUILD_MODNAME, NULL);
	debugfs_create_file("ps", 0400, status_dir, NULL, &ps_fops);
}

void unitron_status_exit(void)
{
	debugfs_remove(status_dir);
}
