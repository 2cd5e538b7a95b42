/*
 * Unitron - task scheduling: the ready queue and the state transitions
 * every service call builds on.
 *
 * The ready queue is one FIFO per priority plus a bitmap of non-empty
 * priorities, so finding the highest-priority task is one
 * count-trailing-zeros: O(1) whatever the number of tasks.  The running
 * task stays at the head of its priority's queue.
 */
#include "task.h"
#include "wait.h"
#include "mutex.h"
#include "interrupt.h"

TCB	*runtsk;
TCB	*schedtsk;
BOOL	kerflg;
BOOL	enadsp;
BOOL	disdsp;
PRI	intpri_mask;
BOOL	reqflg;

static QUEUE	ready_queue[TNUM_TPRI];
static UINT	ready_bitmap;

_Static_assert(TNUM_TPRI <= sizeof(UINT) * 8, "ready bitmap too small");

static void bitmap_set(UINT pri)
{
	ready_bitmap |= 1U << pri;
}

static void bitmap_clear(UINT pri)
{
	ready_bitmap &= ~(1U << pri);
}

static TCB *search_schedtsk(void)
{
	UINT pri;

	if (ready_bitmap == 0U)
		return NULL;
	pri = (UINT)__builtin_ctz(ready_bitmap);
	return container_of_queue(ready_queue[pri].p_next, TCB, task_queue);
}

void initialize_task(void)
{
	UINT i;

	runtsk = NULL;
	schedtsk = NULL;
	disdsp = FALSE;
	intpri_mask = TIPM_ENAALL;
	set_enadsp();
	reqflg = FALSE;
	ready_bitmap = 0U;
	for (i = 0; i < TNUM_TPRI; i++)
		queue_initialize(&ready_queue[i]);

	for (i = 0; i < (UINT)(tmax_stskid - TMIN_TSKID + 1); i++) {
		task_setup(&tcb_table[i], &tinib_table[i]);
		if ((tinib_table[i].tskatr & TA_ACT) != 0U)
			(void)make_active(&tcb_table[i]);
	}
	for (; i < (UINT)(tmax_tskid - TMIN_TSKID + 1); i++)
		task_setup(&tcb_table[i], NULL);
}

void task_setup(TCB *p_tcb, const TINIB *p_tinib)
{
	p_tcb->p_tinib = p_tinib;
	p_tcb->tstat = TS_DORMANT;
	p_tcb->actque = 0U;
	p_tcb->runcnt = 0U;
	p_tcb->tmevtb.index = 0U;
	p_tcb->ovrsta = FALSE;
	p_tcb->texrtn = p_tinib != NULL ? p_tinib->texrtn : NULL;
	queue_initialize(&p_tcb->mutex_queue);
}

static void ready_insert(TCB *p_tcb, BOOL at_head)
{
	QUEUE *p_queue = &ready_queue[p_tcb->priority];

	queue_insert_prev(at_head ? p_queue->p_next : p_queue,
			  &p_tcb->task_queue);
	bitmap_set(p_tcb->priority);
}

/* Enter the ready queue at the tail of its priority. */
BOOL make_runnable(TCB *p_tcb)
{
	UINT pri = p_tcb->priority;

	p_tcb->tstat = TS_RUNNABLE;
	ready_insert(p_tcb, FALSE);

	if (schedtsk == NULL || pri < schedtsk->priority) {
		schedtsk = p_tcb;
		return enadsp;
	}
	return FALSE;
}

/* Leave the ready queue (to wait, be suspended or go dormant). */
void make_non_runnable(TCB *p_tcb)
{
	UINT pri = p_tcb->priority;
	QUEUE *p_queue = &ready_queue[pri];

	queue_delete(&p_tcb->task_queue);
	if (queue_empty(p_queue))
		bitmap_clear(pri);
	if (schedtsk == p_tcb)
		schedtsk = search_schedtsk();
}

/* DORMANT -> READY, with the state a freshly started task has. */
BOOL make_active(TCB *p_tcb)
{
	const TINIB *p_tinib = p_tcb->p_tinib;

	p_tcb->priority = p_tinib->ipriority;
	p_tcb->bpriority = p_tinib->ipriority;
	p_tcb->stacd = p_tinib->exinf;
	queue_initialize(&p_tcb->mutex_queue);
	p_tcb->wupque = 0U;
	p_tcb->enatex = FALSE;
	p_tcb->texptn = 0U;
	p_tcb->p_winfo = NULL;
	p_tcb->p_vgrd = NULL;
	port_activate_context(p_tcb);
	return make_runnable(p_tcb);
}

/* Any state -> DORMANT.  The caller has ended any wait. */
void make_dormant(TCB *p_tcb)
{
	if (TSTAT_RUNNABLE(p_tcb->tstat))
		make_non_runnable(p_tcb);
	p_tcb->tstat = TS_DORMANT;
	p_tcb->ovrsta = FALSE;
}

/*
 * Change the current priority.  A runnable task goes to the tail of its
 * new priority, or to its head; a waiting task is re-sorted in a
 * priority-ordered wait queue, and the locker of a mutex it waits for
 * inherits the change.
 */
static BOOL set_priority(TCB *p_tcb, UINT newpri, BOOL at_head)
{
	if (TSTAT_RUNNABLE(p_tcb->tstat)) {
		make_non_runnable(p_tcb);
		p_tcb->priority = newpri;
		ready_insert(p_tcb, at_head);
		/* The running task may have dropped below another one. */
		schedtsk = search_schedtsk();
	} else {
		p_tcb->priority = newpri;
		if (TSTAT_WAITING(p_tcb->tstat))
			wait_change_priority(p_tcb);
	}
	return dispatch_needed();
}

/* chg_pri (µITRON 4.0 4.1): at the tail of the new priority. */
BOOL change_priority(TCB *p_tcb, UINT newpri)
{
	return set_priority(p_tcb, newpri, FALSE);
}

/* A mutex raised the task (to the tail) or lowered it (to the head). */
BOOL mutex_change_priority(TCB *p_tcb, UINT newpri)
{
	return set_priority(p_tcb, newpri, newpri > p_tcb->priority);
}

/* Move the first task of a priority to that priority's tail. */
BOOL rotate_ready_queue(UINT pri)
{
	QUEUE *p_queue = &ready_queue[pri];
	QUEUE *p_entry;

	if (queue_empty(p_queue) || p_queue->p_next->p_next == p_queue)
		return FALSE;
	p_entry = queue_delete_next(p_queue);
	queue_insert_prev(p_queue, p_entry);
	schedtsk = search_schedtsk();
	return dispatch_needed();
}

/*
 * Run the running task's exception routine while exceptions are enabled
 * and a pattern is pending.  Called with the CPU locked in task context;
 * returns with it locked.  The routine runs with exceptions disabled and
 * the CPU unlocked; whatever lock, dispatch or interrupt priority mask
 * state it leaves is undone (µITRON 4.0 4.3, TOPPERS/ASP).
 */
void call_texrtn(void)
{
	TCB *p_tcb = runtsk;
	BOOL saved_disdsp = disdsp;
	PRI saved_intpri_mask = intpri_mask;
	TEXPTN texptn;

	do {
		texptn = p_tcb->texptn;
		p_tcb->texptn = 0U;
		p_tcb->enatex = FALSE;
		t_unlock_cpu();
		p_tcb->texrtn(texptn, p_tcb->p_tinib->exinf);
		if (!port_sense_lock())
			t_lock_cpu();
		disdsp = saved_disdsp;
		intpri_mask = saved_intpri_mask;
		set_enadsp();
		interrupt_raise_released();	/* the routine's mask held */
	} while (p_tcb->texptn != 0U);
	p_tcb->enatex = TRUE;
	if (dispatch_needed())
		dispatch();
}

BOOL texrtn_due(void)
{
	return runtsk != NULL && runtsk->enatex && runtsk->texptn != 0U &&
	       intpri_mask == TIPM_ENAALL;
}

/*
 * Switch to schedtsk and, once this task runs again, deliver any task
 * exception raised meanwhile.  Task context, CPU locked.
 */
void dispatch(void)
{
	port_dispatch();
	if (texrtn_due())
		call_texrtn();
}

ER call_locked(LOCKED_OP op, VP p_obj, VP_INT arg)
{
	BOOL dspreq = FALSE;
	ER ercd;

	t_lock_cpu();
	ercd = op(p_obj, arg, &dspreq);
	dispatch_request(dspreq);
	t_unlock_cpu();
	return ercd;
}

/* The port calls this before a handler returns to the interrupted task. */
void return_to_task(void)
{
	if (reqflg) {
		reqflg = FALSE;
		if (dispatch_needed()) {
			dispatch();
			return;
		}
	}
	if (texrtn_due())
		call_texrtn();
}

/*
 * First code of every task, entered with the CPU locked.  Returning from
 * the task body is ext_tsk() (µITRON 4.0 4.1).
 */
void task_start(void)
{
	t_unlock_cpu();
	runtsk->p_tinib->task(runtsk->stacd);
	(void)ext_tsk();
	for (;;)
		;
}
