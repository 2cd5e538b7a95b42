/*
 * Unitron - putting tasks into the WAITING state and releasing them.
 */
#ifndef UNITRON_WAIT_H
#define UNITRON_WAIT_H

#include "task.h"

/*
 * Every object a task can wait on starts with a wait queue and a pointer
 * to its initialization block, whose first member is the attribute.
 */
typedef struct wait_object_initialization_block {
	ATR		wobjatr;
} WOBJINIB;

typedef struct wait_object_control_block {
	QUEUE		wait_queue;
	const WOBJINIB	*p_wobjinib;
} WOBJCB;

/*
 * Make the running task wait.  The task leaves the ready queue, and, when
 * tmout is not TMO_FEVR, a timeout releases it with E_TMOUT.  The caller
 * then calls wait_dispatch(), which returns the release code.
 */
void	make_wait_tmout(WINFO *p_winfo, UINT wreason, TMO tmout);

/* As make_wait_tmout(), and queue the task on p_wobjcb's wait queue. */
void	wobj_make_wait_tmout(WOBJCB *p_wobjcb, WINFO *p_winfo, UINT wreason,
			     TMO tmout);
/* As wobj_make_wait_tmout(), on an explicit queue of the object. */
void	wobj_make_wait_queue(WOBJCB *p_wobjcb, QUEUE *p_queue, BOOL prio,
			     WINFO *p_winfo, UINT wreason, TMO tmout);

/*
 * A task that already waits goes on waiting, for something else: off
 * its queue (wait_leave_queue), without its timeout (wait_stop_timeout),
 * onto an object's wait queue (wait_enter_queue).  Rendezvous.
 */
void	wait_stop_timeout(TCB *p_tcb);
void	wait_enter_queue(TCB *p_tcb, WOBJCB *p_wobjcb);

/* Dispatch away from a task just made waiting; returns its wercd. */
ER	wait_dispatch(void);

/*
 * Release a waiting task with the given result: it leaves its wait queue
 * and timeout, and becomes runnable unless suspended.  Returns TRUE when a
 * dispatch is needed.
 */
BOOL	wait_release(TCB *p_tcb, ER wercd);

/*
 * Take a waiting task off its object's wait queue before the object
 * releases it having served it, so that wait_cancel() does not take it
 * for a waiter that gave up.
 */
void	wait_leave_queue(TCB *p_tcb);

/* End a wait without making the task runnable (ter_tsk). */
void	wait_cancel(TCB *p_tcb);

/* Release every task on a wait queue with E_DLT (ini_*). */
void	wait_delete_all(QUEUE *p_queue, BOOL *p_dspreq);

/* Release the first task on a wait queue with E_OK; NULL when empty. */
TCB	*wait_release_first(QUEUE *p_queue, BOOL *p_dspreq);

/*
 * A waiting task's priority changed: re-sort it, and tell its object
 * (a mutex's locker inherits, a message buffer's next sender may fit).
 */
void	wait_change_priority(TCB *p_tcb);

/* The first waiting task on a queue, or NULL. */
static inline TCB *wait_queue_first(QUEUE *p_queue)
{
	if (queue_empty(p_queue))
		return NULL;
	return container_of_queue(p_queue->p_next, TCB, task_queue);
}

/* The ID of the first waiting task, or TSK_NONE (ref_*). */
static inline ID wait_queue_first_id(QUEUE *p_queue)
{
	TCB *p_tcb = wait_queue_first(p_queue);

	return p_tcb != NULL ? TSKID(p_tcb) : TSK_NONE;
}

/*
 * The running task's guard (vxset_grd) lets its call go on; a guarded
 * call that ends records its result.  With the CPU locked.
 */
static inline BOOL grd_open(void)
{
	return runtsk->p_vgrd == NULL || runtsk->p_vgrd->state == TGRD_OPEN;
}

static inline void grd_end(TCB *p_tcb, ER ercd)
{
	T_VGRD *p_vgrd = p_tcb->p_vgrd;

	if (p_vgrd != NULL && p_vgrd->state == TGRD_OPEN) {
		p_vgrd->ercd = ercd;
		p_vgrd->state = TGRD_ENDED;
	}
}

/* TRUE if the object's wait queue is priority-ordered. */
#define WOBJ_PRIO(p_wobjcb) \
	((((const WOBJCB *)(p_wobjcb))->p_wobjinib->wobjatr & TA_TPRI) != 0U)

#endif /* UNITRON_WAIT_H */
