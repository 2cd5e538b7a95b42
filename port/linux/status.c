// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - the status file, /sys/kernel/debug/unitron-
 * <module>/ps (root only): every task and kernel object of the µITRON
 * system, with its name in the .cfg (kernel_cfg.c's name tables), its
 * state and its waiting tasks in queue order.
 *
 * The system changes its state only on its own CPU with interrupts off
 * there (CPU lock, handlers).  So a function that an IPI runs on that
 * CPU sees a consistent state: it copies it into plain structs, and the
 * file is formatted from the copy afterwards, in process context.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

#include "kernel_int.h"
#include "linux_port.h"

/* Mailbox messages are counted this far, no further. */
#define MBX_COUNT_MAX	1000UL

struct ps_task {
	unsigned int	state;		/* TTS_* */
	unsigned int	pri;		/* current priority */
	unsigned int	bpri;		/* base priority */
	unsigned int	wreason;	/* TTW_*, 0: not waiting */
	int		wobj;		/* object waited for, 0: none */
	int		tmout;		/* ms until the timeout, -1: none */
	unsigned int	runcnt;
};

/* Waiting task IDs: waiter[first] .. waiter[first + count - 1]. */
struct ps_waiters {
	unsigned int	first;
	unsigned int	count;
};

enum ps_kind { PS_SEM, PS_FLG, PS_DTQ, PS_MBX, PS_MPF, PS_CYC };

struct ps_obj {
	enum ps_kind	kind;
	int		id;
	unsigned long	val[3];		/* as show_state() prints them */
	struct ps_waiters wait[2];	/* a data queue's senders, receivers */
};

struct ps_snap {
	enum unitron_sys_state sys;
	unsigned long	now;		/* µITRON time, ms */
	unsigned int	nobj;
	unsigned int	nwait;
	struct ps_task	*task;		/* tmax_tskid */
	struct ps_obj	*obj;		/* every object */
	int		*waiter;	/* a task waits on one queue at most */
};

/* ---- shared with trace.c -------------------------------------------- */

/* A task's state, TTS_*; a runnable task is READY here. */
unsigned int unitron_task_state(const TCB *p_tcb)
{
	switch (p_tcb->tstat) {
	case TS_DORMANT:
		return TTS_DMT;
	case TS_RUNNABLE:
		return TTS_RDY;
	case TS_WAITING:
		return TTS_WAI;
	case TS_SUSPENDED:
		return TTS_SUS;
	default:
		return TTS_WAS;
	}
}

/* The ID of the object a wait is on, 0 for slp_tsk and dly_tsk. */
int unitron_wait_object(const WINFO *p_winfo)
{
	const void *p_obj = p_winfo->p_wobjcb;

	switch (p_winfo->wreason) {
	case TTW_SEM:
		return (const SEMCB *)p_obj - semcb_table + TMIN_SEMID;
	case TTW_FLG:
		return (const FLGCB *)p_obj - flgcb_table + TMIN_FLGID;
	case TTW_SDTQ:
	case TTW_RDTQ:
		return (const DTQCB *)p_obj - dtqcb_table + TMIN_DTQID;
	case TTW_MBX:
		return (const MBXCB *)p_obj - mbxcb_table + TMIN_MBXID;
	case TTW_MPF:
		return (const MPFCB *)p_obj - mpfcb_table + TMIN_MPFID;
	default:
		return 0;
	}
}

/* Milliseconds until the wait times out, -1 without a timeout. */
int unitron_wait_tmout(const WINFO *p_winfo)
{
	EVTTIM evttim;

	if (!p_winfo->p_tmevtb)
		return -1;
	evttim = p_winfo->p_tmevtb->evttim;
	return evttim > current_evttim ? (int)(evttim - current_evttim) : 0;
}

/* ---- the snapshot, on the µITRON CPU --------------------------------- */

static void snap_task(struct ps_snap *s, ID id)
{
	const TCB *p_tcb = get_tcb(id);
	struct ps_task *t = &s->task[INDEX_TSK(id)];

	/* No mutexes in the Standard Profile: base = current priority. */
	t->pri = EXT_TSKPRI(tinib_table[INDEX_TSK(id)].ipriority);
	t->bpri = t->pri;
	t->state = TTS_DMT;
	t->tmout = -1;
	if (s->sys == UNITRON_NOT_STARTED)
		return;
	t->runcnt = p_tcb->runcnt;
	if (TSTAT_DORMANT(p_tcb->tstat))
		return;
	t->state = unitron_task_state(p_tcb);
	if (t->state == TTS_RDY && p_tcb == runtsk)
		t->state = TTS_RUN;
	t->pri = EXT_TSKPRI(p_tcb->priority);
	t->bpri = t->pri;
	if (TSTAT_WAITING(p_tcb->tstat)) {
		t->wreason = p_tcb->p_winfo->wreason;
		t->wobj = unitron_wait_object(p_tcb->p_winfo);
		t->tmout = unitron_wait_tmout(p_tcb->p_winfo);
	}
}

/* Bounded by the number of tasks, whatever the queue holds. */
static struct ps_waiters copy_waiters(struct ps_snap *s, QUEUE *p_queue)
{
	struct ps_waiters w = { .first = s->nwait };
	QUEUE *p_entry;

	for (p_entry = p_queue->p_next;
	     p_entry != p_queue && s->nwait < (unsigned int)tmax_tskid;
	     p_entry = p_entry->p_next)
		s->waiter[s->nwait++] =
			TSKID(container_of_queue(p_entry, TCB, task_queue));
	w.count = s->nwait - w.first;
	return w;
}

static struct ps_obj *add_obj(struct ps_snap *s, enum ps_kind kind, ID id)
{
	struct ps_obj *o = &s->obj[s->nobj++];

	o->kind = kind;
	o->id = id;
	return o;
}

static void snap_sems(struct ps_snap *s, bool live)
{
	ID id;

	for (id = TMIN_SEMID; id <= tmax_semid; id++) {
		const SEMINIB *p_inib = &seminib_table[id - TMIN_SEMID];
		SEMCB *p_semcb = get_semcb(id);
		struct ps_obj *o = add_obj(s, PS_SEM, id);

		o->val[0] = live ? p_semcb->semcnt : p_inib->isemcnt;
		o->val[1] = p_inib->maxsem;
		if (live)
			o->wait[0] = copy_waiters(s, &p_semcb->wait_queue);
	}
}

static void snap_flgs(struct ps_snap *s, bool live)
{
	ID id;

	for (id = TMIN_FLGID; id <= tmax_flgid; id++) {
		FLGCB *p_flgcb = get_flgcb(id);
		struct ps_obj *o = add_obj(s, PS_FLG, id);

		o->val[0] = live ? p_flgcb->flgptn
				 : flginib_table[id - TMIN_FLGID].iflgptn;
		if (live)
			o->wait[0] = copy_waiters(s, &p_flgcb->wait_queue);
	}
}

static void snap_dtqs(struct ps_snap *s, bool live)
{
	ID id;

	for (id = TMIN_DTQID; id <= tmax_dtqid; id++) {
		DTQCB *p_dtqcb = get_dtqcb(id);
		struct ps_obj *o = add_obj(s, PS_DTQ, id);

		o->val[1] = dtqinib_table[id - TMIN_DTQID].dtqcnt;
		if (!live)
			continue;
		o->val[0] = p_dtqcb->count;
		o->wait[0] = copy_waiters(s, &p_dtqcb->swait_queue);
		o->wait[1] = copy_waiters(s, &p_dtqcb->rwait_queue);
	}
}

static unsigned long count_msgs(const MBXCB *p_mbxcb)
{
	const T_MSG *p_msg;
	unsigned long n = 0;

	for (p_msg = p_mbxcb->p_head; p_msg && n < MBX_COUNT_MAX;
	     p_msg = p_msg->next)
		n++;
	return n;
}

static void snap_mbxs(struct ps_snap *s, bool live)
{
	ID id;

	for (id = TMIN_MBXID; id <= tmax_mbxid; id++) {
		MBXCB *p_mbxcb = get_mbxcb(id);
		struct ps_obj *o = add_obj(s, PS_MBX, id);

		if (!live)
			continue;
		o->val[0] = count_msgs(p_mbxcb);
		o->wait[0] = copy_waiters(s, &p_mbxcb->wait_queue);
	}
}

static void snap_mpfs(struct ps_snap *s, bool live)
{
	ID id;

	for (id = TMIN_MPFID; id <= tmax_mpfid; id++) {
		const MPFINIB *p_inib = &mpfinib_table[id - TMIN_MPFID];
		MPFCB *p_mpfcb = get_mpfcb(id);
		struct ps_obj *o = add_obj(s, PS_MPF, id);

		o->val[0] = live ? p_mpfcb->fblkcnt : p_inib->blkcnt;
		o->val[1] = p_inib->blkcnt;
		o->val[2] = p_inib->blksz;
		if (live)
			o->wait[0] = copy_waiters(s, &p_mpfcb->wait_queue);
	}
}

/* val[2]: ms until the next activation, ULONG_MAX when none is due. */
static void snap_cycs(struct ps_snap *s, bool live)
{
	ID id;

	for (id = TMIN_CYCID; id <= tmax_cycid; id++) {
		const CYCINIB *p_inib = &cycinib_table[id - TMIN_CYCID];
		const CYCCB *p_cyccb = get_cyccb(id);
		struct ps_obj *o = add_obj(s, PS_CYC, id);

		o->val[0] = live ? p_cyccb->cycsta
				 : (p_inib->cycatr & TA_STA) != 0U;
		o->val[1] = p_inib->cyctim;
		o->val[2] = ULONG_MAX;
		if (live && tmevtb_queued(&p_cyccb->tmevtb))
			o->val[2] = p_cyccb->tmevtb.evttim > current_evttim ?
				    p_cyccb->tmevtb.evttim - current_evttim : 0;
	}
}

static void take_snapshot(void *arg)
{
	struct ps_snap *s = arg;
	bool live;
	ID id;

	s->sys = unitron_sys_state();
	live = s->sys != UNITRON_NOT_STARTED;
	s->now = live ? current_evttim : 0;
	for (id = TMIN_TSKID; id <= tmax_tskid; id++)
		snap_task(s, id);
	snap_sems(s, live);
	snap_flgs(s, live);
	snap_dtqs(s, live);
	snap_mbxs(s, live);
	snap_mpfs(s, live);
	snap_cycs(s, live);
}

/* ---- formatting, in process context ---------------------------------- */

static const char *state_name(unsigned int state)
{
	switch (state) {
	case TTS_RUN:
		return "RUNNING";
	case TTS_RDY:
		return "READY";
	case TTS_WAI:
		return "WAITING";
	case TTS_SUS:
		return "SUSPENDED";
	case TTS_WAS:
		return "WAITING-SUSPENDED";
	default:
		return "DORMANT";
	}
}

static const char *wait_name(unsigned int wreason)
{
	switch (wreason) {
	case TTW_SLP:
		return "slp";
	case TTW_DLY:
		return "dly";
	case TTW_SEM:
		return "sem";
	case TTW_FLG:
		return "flg";
	case TTW_SDTQ:
		return "sdtq";
	case TTW_RDTQ:
		return "rdtq";
	case TTW_MBX:
		return "mbx";
	case TTW_MPF:
		return "mpf";
	default:
		return "-";
	}
}

static void show_system(struct seq_file *m, const struct ps_snap *s)
{
	static const char * const sys_name[] = {
		[UNITRON_NOT_STARTED] = "not started (as configured)",
		[UNITRON_RUNNING] = "running",
		[UNITRON_STOPPED] = "stopped",
	};

	const char *model = unitron_preempt_lacking();

	seq_printf(m, "%s: %s on CPU %u, time %lu ms\n", KBUILD_MODNAME,
		   sys_name[s->sys], unitron_cpu, s->now);
	if (model)
		seq_printf(m, "no real-time guarantee: Linux is not fully preemptible (preempt=%s); boot with preempt=full\n",
			   model);
}

/* A configured name, "-" for an object with an explicit ID. */
static const char *name_of(const char *const *table, ID id)
{
	return table[id - 1] ? table[id - 1] : "-";
}

/* The widest of the names, and at least that of the heading "NAME". */
static int names_width(const char *const *table, ID tmax, int width)
{
	ID id;

	for (id = 1; id <= tmax; id++)
		width = max_t(int, width, strlen(name_of(table, id)));
	return width;
}

static void show_task(struct seq_file *m, ID id, const struct ps_task *t,
		      int width)
{
	char wait[16] = "-", tmout[16] = "-";

	if (t->wobj)
		snprintf(wait, sizeof(wait), "%s %d", wait_name(t->wreason),
			 t->wobj);
	else if (t->wreason)
		strscpy(wait, wait_name(t->wreason), sizeof(wait));
	if (t->tmout >= 0)
		snprintf(tmout, sizeof(tmout), "%d", t->tmout);
	seq_printf(m, "%4d  %-*s  %-17s %3u %4u  %-8s %7s %8u\n", id, width,
		   name_of(tskname_table, id), state_name(t->state), t->pri,
		   t->bpri, wait, tmout, t->runcnt);
}

static void show_tasks(struct seq_file *m, const struct ps_snap *s)
{
	int width = names_width(tskname_table, tmax_tskid, 4);
	ID id;

	seq_printf(m, "\n  ID  %-*s  STATE             PRI BPRI  WAIT       TMOUT     RUNS\n",
		   width, "NAME");
	for (id = TMIN_TSKID; id <= tmax_tskid; id++)
		show_task(m, id, &s->task[INDEX_TSK(id)], width);
}

static void show_waiters(struct seq_file *m, const struct ps_snap *s,
			 const struct ps_waiters *w)
{
	unsigned int i;

	if (!w->count)
		seq_puts(m, "-");
	for (i = 0; i < w->count; i++)
		seq_printf(m, "%s%d", i ? " " : "", s->waiter[w->first + i]);
}

static const char * const kind_name[] = {
	[PS_SEM] = "sem", [PS_FLG] = "flg", [PS_DTQ] = "dtq",
	[PS_MBX] = "mbx", [PS_MPF] = "mpf", [PS_CYC] = "cyc",
};

static const char *const *const kind_names[] = {
	[PS_SEM] = semname_table, [PS_FLG] = flgname_table,
	[PS_DTQ] = dtqname_table, [PS_MBX] = mbxname_table,
	[PS_MPF] = mpfname_table, [PS_CYC] = cycname_table,
};

/* The widest name of an object, at least 4 ("NAME"). */
static int objs_width(void)
{
	int width = names_width(semname_table, tmax_semid, 4);

	width = names_width(flgname_table, tmax_flgid, width);
	width = names_width(dtqname_table, tmax_dtqid, width);
	width = names_width(mbxname_table, tmax_mbxid, width);
	width = names_width(mpfname_table, tmax_mpfid, width);
	return names_width(cycname_table, tmax_cycid, width);
}

static void show_state(char *buf, size_t size, const struct ps_obj *o)
{
	switch (o->kind) {
	case PS_SEM:
		snprintf(buf, size, "count %lu, max %lu", o->val[0], o->val[1]);
		break;
	case PS_FLG:
		snprintf(buf, size, "pattern %#010lx", o->val[0]);
		break;
	case PS_DTQ:
		snprintf(buf, size, "%lu of %lu queued", o->val[0], o->val[1]);
		break;
	case PS_MBX:
		snprintf(buf, size, "%lu%s messages", o->val[0],
			 o->val[0] >= MBX_COUNT_MAX ? "+" : "");
		break;
	case PS_MPF:
		snprintf(buf, size, "%lu of %lu free, %lu bytes", o->val[0],
			 o->val[1], o->val[2]);
		break;
	case PS_CYC:
		snprintf(buf, size, "%s, every %lu ms",
			 o->val[0] ? "started" : "stopped", o->val[1]);
		if (o->val[2] != ULONG_MAX)
			snprintf(buf + strlen(buf), size - strlen(buf),
				 ", next in %lu ms", o->val[2]);
		break;
	}
}

static void show_obj(struct seq_file *m, const struct ps_snap *s,
		     const struct ps_obj *o, int width)
{
	char name[16], state[64] = "";

	snprintf(name, sizeof(name), "%s %d", kind_name[o->kind], o->id);
	show_state(state, sizeof(state), o);
	seq_printf(m, "%-8s %-*s  ", name, width,
		   name_of(kind_names[o->kind], o->id));
	if (o->kind == PS_CYC) {	/* nothing waits for a handler */
		seq_printf(m, "%s\n", state);
		return;
	}
	seq_printf(m, "%-32s ", state);
	if (o->kind == PS_DTQ) {
		seq_puts(m, "send: ");
		show_waiters(m, s, &o->wait[0]);
		seq_puts(m, " receive: ");
		show_waiters(m, s, &o->wait[1]);
	} else {
		show_waiters(m, s, &o->wait[0]);
	}
	seq_puts(m, "\n");
}

static int ps_show(struct seq_file *m, void *unused)
{
	const struct ps_snap *s = m->private;
	int width = objs_width();
	unsigned int i;

	show_system(m, s);
	show_tasks(m, s);
	if (s->nobj)
		seq_printf(m, "\nOBJECT   %-*s  STATE                            WAITING TASKS\n",
			   width, "NAME");
	for (i = 0; i < s->nobj; i++)
		show_obj(m, s, &s->obj[i], width);
	return 0;
}

/* ---- the file -------------------------------------------------------- */

static void snap_free(struct ps_snap *s)
{
	kfree(s->task);
	kfree(s->obj);
	kfree(s->waiter);
	kfree(s);
}

static struct ps_snap *snap_alloc(void)
{
	unsigned int nobj = tmax_semid + tmax_flgid + tmax_dtqid +
			    tmax_mbxid + tmax_mpfid + tmax_cycid;
	struct ps_snap *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->task = kcalloc(tmax_tskid, sizeof(*s->task), GFP_KERNEL);
	s->obj = kcalloc(nobj, sizeof(*s->obj), GFP_KERNEL);
	s->waiter = kcalloc(tmax_tskid, sizeof(*s->waiter), GFP_KERNEL);
	if (!s->task || !s->obj || !s->waiter) {
		snap_free(s);
		return NULL;
	}
	return s;
}

static int ps_open(struct inode *inode, struct file *file)
{
	struct ps_snap *s = snap_alloc();
	int err;

	if (!s)
		return -ENOMEM;
	err = smp_call_function_single(unitron_cpu, take_snapshot, s, 1);
	if (!err)
		err = single_open(file, ps_show, s);
	if (err)
		snap_free(s);
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
