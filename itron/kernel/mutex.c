/*
 * Unitron - mutexes (µITRON 4.0 4.5.1): TA_TFIFO and TA_TPRI wait
 * queues, priority inheritance (TA_INHERIT, transitive through chains of
 * locked mutexes) and priority ceiling (TA_CEILING).
 *
 * A task's current priority follows the mutexes it locks at every
 * change, the spec's strict rule: a lock, an unlock, a waiter that
 * arrives, leaves (timeout, rel_wai, ter_tsk) or changes priority, and
 * chg_pri of the task itself.  A task that a mutex lowers goes to the
 * head of its new priority's ready queue, as in TOPPERS/ASP: it was
 * running, and no task of that priority waited for it.  A task that
 * ends unlocks its mutexes.
 */
#include "mutex.h"

#define MTXATR(p_mtxcb)		((p_mtxcb)->p_mtxinib->mtxatr)
#define MTX_INHERIT(p_mtxcb)	(MTXATR(p_mtxcb) == TA_INHERIT)
#define MTX_CEILING(p_mtxcb)	(MTXATR(p_mtxcb) == TA_CEILING)
#define MTX_CEILPRI(p_mtxcb)	INT_PRIORITY((p_mtxcb)->p_mtxinib->ceilpri)

static void setup(MTXCB *p_mtxcb, const MTXINIB *p_mtxinib)
{
	queue_initialize(&p_mtxcb->wait_queue);
	p_mtxcb->p_mtxinib = p_mtxinib;
	p_mtxcb->p_loctsk = NULL;
}

void initialize_mutex(void)
{
	ID mtxid;

	for (mtxid = TMIN_MTXID; mtxid <= tmax_smtxid; mtxid++)
		setup(get_mtxcb(mtxid), &mtxinib_table[mtxid - TMIN_MTXID]);
	for (; mtxid <= tmax_mtxid; mtxid++)
		get_mtxcb(mtxid)->p_mtxinib = NULL;
}

static MTXCB *mutex_of(const QUEUE *p_entry)
{
	return container_of_queue(p_entry, MTXCB, mutex_queue);
}

/* The priority a locked mutex gives its locker; TNUM_TPRI: none. */
static UINT mutex_gives(MTXCB *p_mtxcb)
{
	TCB *p_first;

	if (MTX_CEILING(p_mtxcb))
		return MTX_CEILPRI(p_mtxcb);
	p_first = wait_queue_first(&p_mtxcb->wait_queue);
	if (MTX_INHERIT(p_mtxcb) && p_first != NULL)
		return p_first->priority;
	return TNUM_TPRI;
}

UINT mutex_current_priority(const TCB *p_tcb, UINT bpriority)
{
	const QUEUE *p_entry;
	UINT pri = bpriority;

	for (p_entry = p_tcb->mutex_queue.p_next;
	     p_entry != &p_tcb->mutex_queue; p_entry = p_entry->p_next) {
		UINT given = mutex_gives(mutex_of(p_entry));

		if (given < pri)
			pri = given;
	}
	return pri;
}

/* The mutex p_tcb waits for, or NULL. */
static MTXCB *awaited_mutex(const TCB *p_tcb)
{
	if (!TSTAT_WAITING(p_tcb->tstat) ||
	    p_tcb->p_winfo->wreason != TTW_MTX)
		return NULL;
	return (MTXCB *)p_tcb->p_winfo->p_wobjcb;
}

static BOOL ceiling_allows(MTXCB *p_mtxcb, UINT bpriority)
{
	return !MTX_CEILING(p_mtxcb) || bpriority >= MTX_CEILPRI(p_mtxcb);
}

BOOL mutex_ceiling_allows(const TCB *p_tcb, UINT bpriority)
{
	const QUEUE *p_entry;
	MTXCB *p_awaited = awaited_mutex(p_tcb);

	if (p_awaited != NULL && !ceiling_allows(p_awaited, bpriority))
		return FALSE;
	for (p_entry = p_tcb->mutex_queue.p_next;
	     p_entry != &p_tcb->mutex_queue; p_entry = p_entry->p_next)
		if (!ceiling_allows(mutex_of(p_entry), bpriority))
			return FALSE;
	return TRUE;
}

/* Give p_tcb the current priority its base and its mutexes call for. */
static void update_priority(TCB *p_tcb)
{
	UINT newpri = mutex_current_priority(p_tcb, p_tcb->bpriority);

	if (newpri != p_tcb->priority)
		(void)mutex_change_priority(p_tcb, newpri);
}

void mutex_waiter_changed(TCB *p_tcb)
{
	MTXCB *p_mtxcb = (MTXCB *)p_tcb->p_winfo->p_wobjcb;

	if (MTX_INHERIT(p_mtxcb) && p_mtxcb->p_loctsk != NULL)
		update_priority(p_mtxcb->p_loctsk);
}

static void lock(MTXCB *p_mtxcb, TCB *p_tcb)
{
	p_mtxcb->p_loctsk = p_tcb;
	queue_insert_prev(&p_tcb->mutex_queue, &p_mtxcb->mutex_queue);
	update_priority(p_tcb);
}

/*
 * p_mtxcb leaves its locker's mutexes and goes to its first waiter,
 * released with E_OK, or stays unlocked.  The old locker's priority is
 * the caller's to update.
 */
static void unlock(MTXCB *p_mtxcb)
{
	TCB *p_tcb = wait_queue_first(&p_mtxcb->wait_queue);

	queue_delete(&p_mtxcb->mutex_queue);
	p_mtxcb->p_loctsk = NULL;
	if (p_tcb != NULL) {
		(void)wait_release(p_tcb, E_OK);
		lock(p_mtxcb, p_tcb);
	}
}

void mutex_release_all(TCB *p_tcb)
{
	while (!queue_empty(&p_tcb->mutex_queue))
		unlock(mutex_of(p_tcb->mutex_queue.p_next));
}

/* tloc_mtx and ploc_mtx once the caller's context is checked. */
static ER lock_or_wait(ID mtxid, TMO tmout)
{
	MTXCB *p_mtxcb;
	WINFO winfo;
	ER ercd;

	CHECK_ID(VALID_MTXID(mtxid));
	CHECK_TMOUT(tmout);
	p_mtxcb = get_mtxcb(mtxid);

	t_lock_cpu();
	if (p_mtxcb->p_mtxinib == NULL) {
		ercd = E_NOEXS;
	} else if (!ceiling_allows(p_mtxcb, runtsk->bpriority) ||
	    p_mtxcb->p_loctsk == runtsk) {
		ercd = E_ILUSE;
	} else if (p_mtxcb->p_loctsk == NULL) {
		lock(p_mtxcb, runtsk);
		ercd = E_OK;
	} else if (tmout == TMO_POL) {
		ercd = E_TMOUT;
	} else {
		wobj_make_wait_queue((WOBJCB *)p_mtxcb, &p_mtxcb->wait_queue,
				     MTXATR(p_mtxcb) != TA_TFIFO, &winfo,
				     TTW_MTX, tmout);
		mutex_waiter_changed(runtsk);
		ercd = wait_dispatch();
	}
	t_unlock_cpu();
	return ercd;
}

static ER check_packet(const T_CMTX *pk_cmtx)
{
	CHECK_RSATR(pk_cmtx->mtxatr <= TA_CEILING);
	CHECK_PAR(pk_cmtx->mtxatr != TA_CEILING ||
		  VALID_TPRI(pk_cmtx->ceilpri));
	return E_OK;
}

static ER construct(ID mtxid, const T_CMTX *pk_cmtx)
{
	MTXINIB *p_inib = AINIB(mtx, mtxid);

	p_inib->mtxatr = pk_cmtx->mtxatr;
	p_inib->ceilpri = pk_cmtx->ceilpri;
	setup(get_mtxcb(mtxid), p_inib);
	return E_OK;
}

/* A locked mutex leaves its locker, whose priority follows. */
static ER destruct(MTXCB *p_mtxcb, BOOL *p_dspreq)
{
	TCB *p_loctsk = p_mtxcb->p_loctsk;

	wait_delete_all(&p_mtxcb->wait_queue, p_dspreq);
	if (p_loctsk != NULL) {
		queue_delete(&p_mtxcb->mutex_queue);
		p_mtxcb->p_loctsk = NULL;
		update_priority(p_loctsk);
	}
	p_mtxcb->p_mtxinib = NULL;
	if (dispatch_needed())
		*p_dspreq = TRUE;
	return E_OK;
}

OBJECT_LIFE_CALLS(mtx, MTX, get_mtxcb, p_mtxinib)

ER loc_mtx(ID mtxid)
{
	return tloc_mtx(mtxid, TMO_FEVR);
}

/* With dispatching disabled, only ploc_mtx polls (CHECK_DISPATCH). */
ER tloc_mtx(ID mtxid, TMO tmout)
{
	CHECK_DISPATCH();
	return lock_or_wait(mtxid, tmout);
}

ER ploc_mtx(ID mtxid)
{
	CHECK_TSKCTX_UNL();
	return lock_or_wait(mtxid, TMO_POL);
}

ER unl_mtx(ID mtxid)
{
	MTXCB *p_mtxcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MTXID(mtxid));
	p_mtxcb = get_mtxcb(mtxid);

	t_lock_cpu();
	if (p_mtxcb->p_mtxinib == NULL) {
		ercd = E_NOEXS;
	} else if (p_mtxcb->p_loctsk != runtsk) {
		ercd = E_ILUSE;
	} else {
		unlock(p_mtxcb);
		update_priority(runtsk);
		dispatch_request(dispatch_needed());
	}
	t_unlock_cpu();
	return ercd;
}

ER ref_mtx(ID mtxid, T_RMTX *pk_rmtx)
{
	MTXCB *p_mtxcb;
	TCB *p_first;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MTXID(mtxid));
	CHECK_PAR(pk_rmtx != NULL);
	p_mtxcb = get_mtxcb(mtxid);

	t_lock_cpu();
	if (p_mtxcb->p_mtxinib == NULL) {
		ercd = E_NOEXS;
	} else {
		p_first = wait_queue_first(&p_mtxcb->wait_queue);
		pk_rmtx->htskid = p_mtxcb->p_loctsk != NULL ?
				  TSKID(p_mtxcb->p_loctsk) : TSK_NONE;
		pk_rmtx->wtskid = p_first != NULL ? TSKID(p_first) : TSK_NONE;
	}
	t_unlock_cpu();
	return ercd;
}
