/*
 * Unitron - the WAITING state, wait queues and wait timeouts.
 */
#include "wait.h"
#include "mutex.h"
#include "messagebuf.h"
#include "mempvar.h"

/* Timeout of a wait: release the task with E_TMOUT (dly_tsk: E_OK). */
static void wait_tmout(VP arg)
{
	TCB *p_tcb = (TCB *)arg;
	ER wercd = p_tcb->p_winfo->wreason == TTW_DLY ? E_OK : E_TMOUT;

	if (wait_release(p_tcb, wercd))
		reqflg = TRUE;
}

void make_wait_tmout(WINFO *p_winfo, UINT wreason, TMO tmout)
{
	TCB *p_tcb = runtsk;

	make_non_runnable(p_tcb);
	p_tcb->tstat = TS_WAITING;
	p_tcb->p_winfo = p_winfo;
	p_winfo->wercd = E_OK;
	p_winfo->wreason = wreason;
	p_winfo->p_wait_queue = NULL;
	p_winfo->prio_order = FALSE;
	p_winfo->p_wobjcb = NULL;
	p_winfo->p_tmevtb = NULL;
	if (tmout != TMO_FEVR) {
		p_winfo->p_tmevtb = &p_tcb->tmevtb;
		tmevtb_enqueue(&p_tcb->tmevtb, (RELTIM)tmout, wait_tmout, p_tcb);
	}
}

/* Insert in priority order, FIFO among equal priorities. */
static void queue_insert_tpri(QUEUE *p_queue, TCB *p_tcb)
{
	QUEUE *p_entry;

	for (p_entry = p_queue->p_next; p_entry != p_queue;
	     p_entry = p_entry->p_next) {
		TCB *p_other = container_of_queue(p_entry, TCB, task_queue);

		if (p_tcb->priority < p_other->priority)
			break;
	}
	queue_insert_prev(p_entry, &p_tcb->task_queue);
}

static void wait_queue_insert(WINFO *p_winfo, TCB *p_tcb)
{
	if (p_winfo->prio_order)
		queue_insert_tpri(p_winfo->p_wait_queue, p_tcb);
	else
		queue_insert_prev(p_winfo->p_wait_queue, &p_tcb->task_queue);
}

static void enter_queue(TCB *p_tcb, WOBJCB *p_wobjcb, QUEUE *p_queue,
			BOOL prio)
{
	WINFO *p_winfo = p_tcb->p_winfo;

	p_winfo->p_wobjcb = p_wobjcb;
	p_winfo->p_wait_queue = p_queue;
	p_winfo->prio_order = prio;
	wait_queue_insert(p_winfo, p_tcb);
}

void wobj_make_wait_queue(WOBJCB *p_wobjcb, QUEUE *p_queue, BOOL prio,
			  WINFO *p_winfo, UINT wreason, TMO tmout)
{
	make_wait_tmout(p_winfo, wreason, tmout);
	enter_queue(runtsk, p_wobjcb, p_queue, prio);
}

void wait_enter_queue(TCB *p_tcb, WOBJCB *p_wobjcb)
{
	enter_queue(p_tcb, p_wobjcb, &p_wobjcb->wait_queue,
		    WOBJ_PRIO(p_wobjcb));
}

void wait_stop_timeout(TCB *p_tcb)
{
	WINFO *p_winfo = p_tcb->p_winfo;

	if (p_winfo->p_tmevtb != NULL && tmevtb_queued(p_winfo->p_tmevtb))
		tmevtb_dequeue(p_winfo->p_tmevtb);
	p_winfo->p_tmevtb = NULL;
}

void wobj_make_wait_tmout(WOBJCB *p_wobjcb, WINFO *p_winfo, UINT wreason,
			  TMO tmout)
{
	wobj_make_wait_queue(p_wobjcb, &p_wobjcb->wait_queue,
			     WOBJ_PRIO(p_wobjcb), p_winfo, wreason, tmout);
}

ER wait_dispatch(void)
{
	TCB *p_tcb = runtsk;
	WINFO *p_winfo = p_tcb->p_winfo;

	LOG_WAI_ENTER(p_tcb);
	dispatch();
	LOG_WAI_LEAVE(p_tcb, p_winfo);
	return p_winfo->wercd;
}

/*
 * The first task waiting on a message buffer to send, or on a variable-
 * size pool, left or may have: the objects that serve their queue in
 * order may now serve the next one.
 */
static void wobj_first_changed(const WINFO *p_winfo)
{
	if (p_winfo->wreason == TTW_SMBF)
		messagebuf_senders_changed((MBFCB *)p_winfo->p_wobjcb);
	else if (p_winfo->wreason == TTW_MPL)
		mempvar_waiters_changed((MPLCB *)p_winfo->p_wobjcb);
}

void wait_leave_queue(TCB *p_tcb)
{
	queue_delete(&p_tcb->task_queue);
	p_tcb->p_winfo->p_wait_queue = NULL;
}

void wait_cancel(TCB *p_tcb)
{
	WINFO *p_winfo = p_tcb->p_winfo;
	BOOL was_first = FALSE;

	if (p_winfo->p_wait_queue != NULL) {
		was_first = p_winfo->p_wait_queue->p_next == &p_tcb->task_queue;
		queue_delete(&p_tcb->task_queue);
		/* Off it for good: priority changes below must not re-sort it. */
		p_winfo->p_wait_queue = NULL;
	}
	/* Not queued any more when this is the timeout firing. */
	if (p_winfo->p_tmevtb != NULL && tmevtb_queued(p_winfo->p_tmevtb))
		tmevtb_dequeue(p_winfo->p_tmevtb);
	/* Its mutex's locker may have inherited its priority. */
	if (p_winfo->wreason == TTW_MTX)
		mutex_waiter_changed(p_tcb);
	p_tcb->p_winfo = NULL;
	/* The next one may be served where this one could not. */
	if (was_first)
		wobj_first_changed(p_winfo);
}

BOOL wait_release(TCB *p_tcb, ER wercd)
{
	p_tcb->p_winfo->wercd = wercd;
	grd_end(p_tcb, wercd);
	wait_cancel(p_tcb);
	if (TSTAT_SUSPENDED(p_tcb->tstat))
		p_tcb->tstat = TS_SUSPENDED;
	else
		(void)make_runnable(p_tcb);
	return dispatch_needed();
}

void wait_delete_all(QUEUE *p_queue, BOOL *p_dspreq)
{
	TCB *p_tcb;

	while ((p_tcb = wait_queue_first(p_queue)) != NULL) {
		wait_leave_queue(p_tcb);
		if (wait_release(p_tcb, E_DLT))
			*p_dspreq = TRUE;
	}
}

TCB *wait_release_first(QUEUE *p_queue, BOOL *p_dspreq)
{
	TCB *p_tcb = wait_queue_first(p_queue);

	if (p_tcb != NULL && wait_release(p_tcb, E_OK))
		*p_dspreq = TRUE;
	return p_tcb;
}

void wait_change_priority(TCB *p_tcb)
{
	WINFO *p_winfo = p_tcb->p_winfo;

	if (p_winfo == NULL)		/* its wait is ending (wait_cancel) */
		return;
	if (p_winfo->p_wait_queue != NULL && p_winfo->prio_order) {
		queue_delete(&p_tcb->task_queue);
		queue_insert_tpri(p_winfo->p_wait_queue, p_tcb);
	}
	if (p_winfo->wreason == TTW_MTX)
		mutex_waiter_changed(p_tcb);
	else if (p_winfo->prio_order)
		wobj_first_changed(p_winfo);
}
