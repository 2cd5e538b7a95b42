/*
 * Unitron - the status of a µITRON system as text (status.h).
 */
#include "status.h"

#ifdef CFG_OBJECT_NAMES

/* Mailbox messages are counted this far, no further. */
#define MBX_COUNT_MAX	1000UL

/* ---- reading the system ----------------------------------------------- */

UINT status_task_state(const TCB *p_tcb)
{
	STAT tskstat = task_state(p_tcb);

	return tskstat == TTS_RUN ? TTS_RDY : tskstat;
}

/* ---- the snapshot ------------------------------------------------------ */

UINT status_objects(void)
{
	return (UINT)(tmax_semid + tmax_flgid + tmax_dtqid + tmax_mbxid +
		      tmax_mpfid + tmax_cycid + tmax_mtxid + tmax_mbfid +
		      tmax_mplid + tmax_porid + tmax_almid + tmax_pdqid);
}

/*
 * The last ID a snapshot shows: the static objects', as configured (the
 * const INIB tables); live, the reserved IDs' too, each object by its
 * control block's INIB (a created object has none in the tables; a
 * free ID's is NULL: not shown).
 */
static ID last_id(const struct ps_snap *s, ID tmax_id, ID tmax_sid)
{
	return s->live ? tmax_id : tmax_sid;
}

static void snap_task(struct ps_snap *s, ID id)
{
	const TCB *p_tcb = get_tcb(id);
	const TINIB *p_tinib = s->live ? p_tcb->p_tinib :
			       &tinib_table[INDEX_TSK(id)];
	struct ps_task *t = &s->task[INDEX_TSK(id)];

	if (p_tinib == NULL) {
		t->state = PS_NOTASK;
		return;
	}
	/* A dormant task: its initial priority, as both. */
	t->pri = EXT_TSKPRI(p_tinib->ipriority);
	t->bpri = t->pri;
	t->state = TTS_DMT;
	t->wreason = 0U;
	t->wobj = 0;
	t->tmout = -1;
	t->runcnt = 0U;
	if (!s->live)
		return;
	t->runcnt = p_tcb->runcnt;
	if (TSTAT_DORMANT(p_tcb->tstat))
		return;
	t->state = status_task_state(p_tcb);
	if (t->state == TTS_RDY && p_tcb == runtsk)
		t->state = TTS_RUN;
	t->pri = EXT_TSKPRI(p_tcb->priority);
	t->bpri = EXT_TSKPRI(p_tcb->bpriority);
	if (TSTAT_WAITING(p_tcb->tstat)) {
		t->wreason = p_tcb->p_winfo->wreason;
		t->wobj = wait_object_id(p_tcb->p_winfo);
		t->tmout = wait_lefttmo(p_tcb->p_winfo);
	}
}

/* Bounded by the number of tasks, whatever the queue holds. */
static struct ps_waiters copy_waiters(struct ps_snap *s, QUEUE *p_queue)
{
	struct ps_waiters w = { s->nwait, 0U };
	QUEUE *p_entry;

	for (p_entry = p_queue->p_next;
	     p_entry != p_queue && s->nwait < (UINT)tmax_tskid;
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
	o->val[0] = o->val[1] = o->val[2] = 0UL;
	o->wait[0].count = o->wait[1].count = 0U;
	return o;
}

static void snap_sems(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_SEMID; id <= last_id(s, tmax_semid, tmax_ssemid); id++) {
		SEMCB *p_semcb = get_semcb(id);
		const SEMINIB *p_inib = s->live ? p_semcb->p_seminib :
					&seminib_table[id - TMIN_SEMID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_SEM, id);
		o->val[0] = s->live ? p_semcb->semcnt : p_inib->isemcnt;
		o->val[1] = p_inib->maxsem;
		if (s->live)
			o->wait[0] = copy_waiters(s, &p_semcb->wait_queue);
	}
}

static void snap_flgs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_FLGID; id <= last_id(s, tmax_flgid, tmax_sflgid); id++) {
		FLGCB *p_flgcb = get_flgcb(id);
		const FLGINIB *p_inib = s->live ? p_flgcb->p_flginib :
					&flginib_table[id - TMIN_FLGID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_FLG, id);
		o->val[0] = s->live ? p_flgcb->flgptn : p_inib->iflgptn;
		if (s->live)
			o->wait[0] = copy_waiters(s, &p_flgcb->wait_queue);
	}
}

static void snap_dtqs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_DTQID; id <= last_id(s, tmax_dtqid, tmax_sdtqid); id++) {
		DTQCB *p_dtqcb = get_dtqcb(id);
		const DTQINIB *p_inib = s->live ? p_dtqcb->p_dtqinib :
					&dtqinib_table[id - TMIN_DTQID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_DTQ, id);
		o->val[1] = p_inib->dtqcnt;
		if (!s->live)
			continue;
		o->val[0] = p_dtqcb->count;
		o->wait[0] = copy_waiters(s, &p_dtqcb->swait_queue);
		o->wait[1] = copy_waiters(s, &p_dtqcb->rwait_queue);
	}
}

static void snap_pdqs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_PDQID; id <= last_id(s, tmax_pdqid, tmax_spdqid); id++) {
		PDQCB *p_pdqcb = get_pdqcb(id);
		const PDQINIB *p_inib = s->live ? p_pdqcb->p_pdqinib :
					&pdqinib_table[id - TMIN_PDQID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_PDQ, id);
		o->val[1] = p_inib->pdqcnt;
		if (!s->live)
			continue;
		o->val[0] = p_pdqcb->count;
		o->wait[0] = copy_waiters(s, &p_pdqcb->swait_queue);
		o->wait[1] = copy_waiters(s, &p_pdqcb->rwait_queue);
	}
}

static unsigned long count_msgs(const MBXCB *p_mbxcb)
{
	const T_MSG *p_msg;
	unsigned long n = 0UL;

	for (p_msg = p_mbxcb->p_head; p_msg != NULL && n < MBX_COUNT_MAX;
	     p_msg = p_msg->next)
		n++;
	return n;
}

static void snap_mbxs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_MBXID; id <= last_id(s, tmax_mbxid, tmax_smbxid); id++) {
		MBXCB *p_mbxcb = get_mbxcb(id);
		struct ps_obj *o;

		if (s->live && p_mbxcb->p_mbxinib == NULL)
			continue;
		o = add_obj(s, PS_MBX, id);
		if (!s->live)
			continue;
		o->val[0] = count_msgs(p_mbxcb);
		o->wait[0] = copy_waiters(s, &p_mbxcb->wait_queue);
	}
}

static void snap_mpfs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_MPFID; id <= last_id(s, tmax_mpfid, tmax_smpfid); id++) {
		MPFCB *p_mpfcb = get_mpfcb(id);
		const MPFINIB *p_inib = s->live ? p_mpfcb->p_mpfinib :
					&mpfinib_table[id - TMIN_MPFID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_MPF, id);
		o->val[0] = s->live ? p_mpfcb->fblkcnt : p_inib->blkcnt;
		o->val[1] = p_inib->blkcnt;
		o->val[2] = p_inib->blksz;
		if (s->live)
			o->wait[0] = copy_waiters(s, &p_mpfcb->wait_queue);
	}
}

/* ms until a time event fires, PS_NONE when it is not queued. */
static unsigned long time_to(const struct ps_snap *s, const TMEVTB *p_tmevtb)
{
	if (!s->live || !tmevtb_queued(p_tmevtb))
		return PS_NONE;
	return p_tmevtb->evttim > current_evttim ?
	       p_tmevtb->evttim - current_evttim : 0UL;
}

/* val[2]: ms until the next activation, PS_NONE when none is due. */
static void snap_cycs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_CYCID; id <= last_id(s, tmax_cycid, tmax_scycid); id++) {
		const CYCCB *p_cyccb = get_cyccb(id);
		const CYCINIB *p_inib = s->live ? p_cyccb->p_cycinib :
					&cycinib_table[id - TMIN_CYCID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_CYC, id);
		o->val[0] = s->live ? p_cyccb->cycsta
				    : (p_inib->cycatr & TA_STA) != 0U;
		o->val[1] = p_inib->cyctim;
		o->val[2] = time_to(s, &p_cyccb->tmevtb);
	}
}

/* val[0]: the locking task, 0 when unlocked. */
static void snap_mtxs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_MTXID; id <= last_id(s, tmax_mtxid, tmax_smtxid); id++) {
		MTXCB *p_mtxcb = get_mtxcb(id);
		struct ps_obj *o;

		if (s->live && p_mtxcb->p_mtxinib == NULL)
			continue;
		o = add_obj(s, PS_MTX, id);
		if (!s->live)
			continue;
		o->val[0] = p_mtxcb->p_loctsk != NULL ?
			    (unsigned long)TSKID(p_mtxcb->p_loctsk) : 0UL;
		o->wait[0] = copy_waiters(s, &p_mtxcb->wait_queue);
	}
}

static void snap_mbfs(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_MBFID; id <= last_id(s, tmax_mbfid, tmax_smbfid); id++) {
		MBFCB *p_mbfcb = get_mbfcb(id);
		const MBFINIB *p_inib = s->live ? p_mbfcb->p_mbfinib :
					&mbfinib_table[id - TMIN_MBFID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_MBF, id);
		o->val[1] = s->live ? p_mbfcb->fmbfsz : p_inib->mbfsz;
		o->val[2] = p_inib->mbfsz;
		if (!s->live)
			continue;
		o->val[0] = p_mbfcb->smsgcnt;
		o->wait[0] = copy_waiters(s, &p_mbfcb->swait_queue);
		o->wait[1] = copy_waiters(s, &p_mbfcb->rwait_queue);
	}
}

/* val[0]: free bytes in blocks; val[1]: the pool's size. */
static void snap_mpls(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_MPLID; id <= last_id(s, tmax_mplid, tmax_smplid); id++) {
		MPLCB *p_mplcb = get_mplcb(id);
		const MPLINIB *p_inib = s->live ? p_mplcb->p_mplinib :
					&mplinib_table[id - TMIN_MPLID];
		struct ps_obj *o;
		UINT largest;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_MPL, id);
		o->val[1] = p_inib->mplsz;
		o->val[0] = o->val[1];
		if (!s->live)
			continue;
		o->val[0] = mempvar_free(p_mplcb, &largest);
		o->wait[0] = copy_waiters(s, &p_mplcb->wait_queue);
	}
}

static void snap_pors(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_PORID; id <= last_id(s, tmax_porid, tmax_sporid); id++) {
		PORCB *p_porcb = get_porcb(id);
		const PORINIB *p_inib = s->live ? p_porcb->p_porinib :
					&porinib_table[id - TMIN_PORID];
		struct ps_obj *o;

		if (p_inib == NULL)
			continue;
		o = add_obj(s, PS_POR, id);
		o->val[0] = p_inib->maxcmsz;
		o->val[1] = p_inib->maxrmsz;
		if (!s->live)
			continue;
		o->wait[0] = copy_waiters(s, &p_porcb->cwait_queue);
		o->wait[1] = copy_waiters(s, &p_porcb->await_queue);
	}
}

/* val[2]: ms until the activation, PS_NONE when stopped. */
static void snap_alms(struct ps_snap *s)
{
	ID id;

	for (id = TMIN_ALMID; id <= last_id(s, tmax_almid, tmax_salmid); id++) {
		const ALMCB *p_almcb = get_almcb(id);
		struct ps_obj *o;

		if (s->live && p_almcb->p_alminib == NULL)
			continue;
		o = add_obj(s, PS_ALM, id);
		o->val[2] = time_to(s, &p_almcb->tmevtb);
	}
}

void status_take(struct ps_snap *s, BOOL live)
{
	ID id;

	s->live = live;
	s->now = live ? current_evttim : 0UL;
	s->nobj = 0U;
	s->nwait = 0U;
	for (id = TMIN_TSKID; id <= last_id(s, tmax_tskid, tmax_stskid); id++)
		snap_task(s, id);
	snap_sems(s);
	snap_flgs(s);
	snap_dtqs(s);
	snap_pdqs(s);
	snap_mbxs(s);
	snap_mpfs(s);
	snap_cycs(s);
	snap_mtxs(s);
	snap_mbfs(s);
	snap_mpls(s);
	snap_pors(s);
	snap_alms(s);
}

/* ---- the text ------------------------------------------------------------ */

struct out {
	FORMAT_PUTC	putc;
	void		*arg;
};

static void out(const struct out *o, const char *fmt, ...)
{
	__builtin_va_list ap;

	__builtin_va_start(ap, fmt);
	format_va(o->putc, o->arg, fmt, ap);
	__builtin_va_end(ap);
}

static UINT length(const char *s)
{
	UINT n = 0U;

	while (s[n] != '\0')
		n++;
	return n;
}

/* s, then blanks up to width (the formatter has no "%-*s"). */
static void out_left(const struct out *o, const char *s, UINT width)
{
	UINT n;

	out(o, "%s", s);
	for (n = length(s); n < width; n++)
		o->putc(' ', o->arg);
}

/* Formatting into a small buffer, always terminated. */
struct text {
	char	*buf;
	UINT	len;
	UINT	size;
};

static void text_putc(char c, void *arg)
{
	struct text *t = arg;

	if (t->len + 1U < t->size)
		t->buf[t->len++] = c;
	t->buf[t->len] = '\0';
}

static void format_to(char *buf, UINT size, const char *fmt, ...)
{
	struct text t = { buf, 0U, size };
	__builtin_va_list ap;

	buf[0] = '\0';
	__builtin_va_start(ap, fmt);
	format_va(text_putc, &t, fmt, ap);
	__builtin_va_end(ap);
}

static const char *state_name(UINT state)
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

static const char *wait_name(UINT wreason)
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
	case TTW_SPDQ:
		return "spdq";
	case TTW_RPDQ:
		return "rpdq";
	case TTW_MPF:
		return "mpf";
	case TTW_MTX:
		return "mtx";
	case TTW_SMBF:
		return "smbf";
	case TTW_RMBF:
		return "rmbf";
	case TTW_MPL:
		return "mpl";
	case TTW_CAL:
		return "cal";
	case TTW_ACP:
		return "acp";
	case TTW_RDV:
		return "rdv";
	default:
		return "-";
	}
}

/*
 * A configured name, "-" for an object with an explicit ID or a created
 * one (the table has the static IDs', 1 .. tmax_sid).
 */
static const char *name_of(const char *const *table, ID tmax_sid, ID id)
{
	return id <= tmax_sid && table[id - 1] != NULL ? table[id - 1] : "-";
}

/* The widest of the names, and at least width. */
static UINT names_width(const char *const *table, ID tmax_sid, UINT width)
{
	ID id;
	UINT n;

	for (id = 1; id <= tmax_sid; id++) {
		n = length(name_of(table, tmax_sid, id));
		if (n > width)
			width = n;
	}
	return width;
}

static void show_task(const struct out *o, ID id, const struct ps_task *t,
		      UINT width)
{
	char wait[16] = "-", tmout[16] = "-";

	if (t->wobj != 0)
		format_to(wait, sizeof(wait), "%s %d", wait_name(t->wreason),
			  t->wobj);
	else if (t->wreason != 0U)
		format_to(wait, sizeof(wait), "%s", wait_name(t->wreason));
	if (t->tmout >= 0)
		format_to(tmout, sizeof(tmout), "%d", t->tmout);
	out(o, "%4d  ", id);
	out_left(o, name_of(tskname_table, tmax_stskid, id), width);
	out(o, "  ");
	out_left(o, state_name(t->state), 17U);
	out(o, " %3u %4u  ", t->pri, t->bpri);
	out_left(o, wait, 8U);
	out(o, " %7s %8u\n", tmout, t->runcnt);
}

static void show_tasks(const struct out *o, const struct ps_snap *s)
{
	UINT width = names_width(tskname_table, tmax_stskid, 4U);
	ID id;

	out(o, "\n  ID  ");
	out_left(o, "NAME", width);
	out(o, "  STATE             PRI BPRI  WAIT       TMOUT     RUNS\n");
	for (id = TMIN_TSKID; id <= last_id(s, tmax_tskid, tmax_stskid); id++)
		if (s->task[INDEX_TSK(id)].state != PS_NOTASK)
			show_task(o, id, &s->task[INDEX_TSK(id)], width);
}

static void show_waiters(const struct out *o, const struct ps_snap *s,
			 const struct ps_waiters *w)
{
	UINT i;

	if (w->count == 0U)
		out(o, "-");
	for (i = 0U; i < w->count; i++)
		out(o, "%s%d", i != 0U ? " " : "", s->waiter[w->first + i]);
}

/* Each kind's name, its objects' names and its last static ID. */
static const struct {
	const char		*name;
	const char *const	*names;
	const ID		*p_tmax_sid;
} kinds[] = {
	[PS_SEM] = { "sem", semname_table, &tmax_ssemid },
	[PS_FLG] = { "flg", flgname_table, &tmax_sflgid },
	[PS_DTQ] = { "dtq", dtqname_table, &tmax_sdtqid },
	[PS_MBX] = { "mbx", mbxname_table, &tmax_smbxid },
	[PS_MPF] = { "mpf", mpfname_table, &tmax_smpfid },
	[PS_CYC] = { "cyc", cycname_table, &tmax_scycid },
	[PS_MTX] = { "mtx", mtxname_table, &tmax_smtxid },
	[PS_MBF] = { "mbf", mbfname_table, &tmax_smbfid },
	[PS_MPL] = { "mpl", mplname_table, &tmax_smplid },
	[PS_POR] = { "por", porname_table, &tmax_sporid },
	[PS_ALM] = { "alm", almname_table, &tmax_salmid },
	[PS_PDQ] = { "pdq", pdqname_table, &tmax_spdqid },
};

/* The widest name of an object, at least 4 ("NAME"). */
static UINT objs_width(void)
{
	UINT width = 4U;
	UINT k;

	for (k = 0U; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		width = names_width(kinds[k].names, *kinds[k].p_tmax_sid,
				    width);
	return width;
}

static void show_state(char *buf, UINT size, const struct ps_obj *o)
{
	switch (o->kind) {
	case PS_SEM:
		format_to(buf, size, "count %lu, max %lu", o->val[0],
			  o->val[1]);
		break;
	case PS_FLG:
		format_to(buf, size, "pattern 0x%08lx", o->val[0]);
		break;
	case PS_DTQ:
	case PS_PDQ:
		format_to(buf, size, "%lu of %lu queued", o->val[0], o->val[1]);
		break;
	case PS_MBX:
		format_to(buf, size, "%lu%s messages", o->val[0],
			  o->val[0] >= MBX_COUNT_MAX ? "+" : "");
		break;
	case PS_MPF:
		format_to(buf, size, "%lu of %lu free, %lu bytes", o->val[0],
			  o->val[1], o->val[2]);
		break;
	case PS_MTX:
		if (o->val[0] == 0UL)
			format_to(buf, size, "unlocked");
		else
			format_to(buf, size, "locked by %lu", o->val[0]);
		break;
	case PS_MBF:
		format_to(buf, size, "%lu messages, %lu of %lu bytes free",
			  o->val[0], o->val[1], o->val[2]);
		break;
	case PS_MPL:
		format_to(buf, size, "%lu of %lu bytes free", o->val[0],
			  o->val[1]);
		break;
	case PS_POR:
		format_to(buf, size, "messages %lu, replies %lu bytes",
			  o->val[0], o->val[1]);
		break;
	case PS_ALM:
		if (o->val[2] == PS_NONE)
			format_to(buf, size, "stopped");
		else
			format_to(buf, size, "started, in %lu ms", o->val[2]);
		break;
	case PS_CYC:
		if (o->val[2] == PS_NONE)
			format_to(buf, size, "%s, every %lu ms",
				  o->val[0] != 0UL ? "started" : "stopped",
				  o->val[1]);
		else
			format_to(buf, size, "%s, every %lu ms, next in %lu ms",
				  o->val[0] != 0UL ? "started" : "stopped",
				  o->val[1], o->val[2]);
		break;
	}
}

static void show_obj(const struct out *o, const struct ps_snap *s,
		     const struct ps_obj *p_obj, UINT width)
{
	char name[16], state[64];

	format_to(name, sizeof(name), "%s %d", kinds[p_obj->kind].name,
		  p_obj->id);
	show_state(state, sizeof(state), p_obj);
	out_left(o, name, 8U);
	out(o, " ");
	out_left(o, name_of(kinds[p_obj->kind].names,
			    *kinds[p_obj->kind].p_tmax_sid, p_obj->id), width);
	out(o, "  ");
	/* Nothing waits for a handler. */
	if (p_obj->kind == PS_CYC || p_obj->kind == PS_ALM) {
		out(o, "%s\n", state);
		return;
	}
	out_left(o, state, 32U);
	out(o, " ");
	if (p_obj->kind == PS_DTQ || p_obj->kind == PS_PDQ ||
	    p_obj->kind == PS_MBF || p_obj->kind == PS_POR) {
		out(o, p_obj->kind == PS_POR ? "call: " : "send: ");
		show_waiters(o, s, &p_obj->wait[0]);
		out(o, p_obj->kind == PS_POR ? " accept: " : " receive: ");
		show_waiters(o, s, &p_obj->wait[1]);
	} else {
		show_waiters(o, s, &p_obj->wait[0]);
	}
	out(o, "\n");
}

void status_write(const struct ps_snap *s, FORMAT_PUTC putc, void *arg)
{
	const struct out o = { putc, arg };
	UINT width = objs_width();
	UINT i;

	show_tasks(&o, s);
	if (s->nobj != 0U) {
		out(&o, "\nOBJECT   ");
		out_left(&o, "NAME", width);
		out(&o, "  STATE                            WAITING TASKS\n");
	}
	for (i = 0U; i < s->nobj; i++)
		show_obj(&o, s, &s->obj[i], width);
}

#endif /* CFG_OBJECT_NAMES */
