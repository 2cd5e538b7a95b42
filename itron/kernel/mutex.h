/*
 * Unitron - mutexes, with priority inheritance and priority ceiling.
 */
#ifndef UNITRON_MUTEX_H
#define UNITRON_MUTEX_H

#include "wait.h"

typedef struct mutex_initialization_block {
	ATR		mtxatr;
	PRI		ceilpri;	/* TA_CEILING: the ceiling, as given */
} MTXINIB;

typedef struct mutex_control_block {
	QUEUE		wait_queue;
	const MTXINIB	*p_mtxinib;
	TCB		*p_loctsk;	/* the task that locks it, or NULL */
	QUEUE		mutex_queue;	/* in p_loctsk's mutexes */
} MTXCB;

extern const ID		tmax_mtxid;
extern const ID		tmax_smtxid;
extern const MTXINIB	mtxinib_table[];
extern MTXINIB		amtxinib_table[];
extern MTXCB		mtxcb_table[];

#define TMIN_MTXID	1
#define VALID_MTXID(id)	(TMIN_MTXID <= (id) && (id) <= tmax_mtxid)
#define get_mtxcb(id)	(&mtxcb_table[(id) - TMIN_MTXID])

/*
 * The scheduler's side, CPU locked.  A task's current priority is the
 * highest of its base priority, the ceilings of the TA_CEILING mutexes
 * it locks and the priorities of the tasks waiting for its TA_INHERIT
 * mutexes: mutex_current_priority().
 */
UINT	mutex_current_priority(const TCB *p_tcb, UINT bpriority);
/* FALSE if base priority bpriority is above a ceiling the task uses. */
BOOL	mutex_ceiling_allows(const TCB *p_tcb, UINT bpriority);
/* p_tcb waits for a mutex and its priority changed: its locker's too. */
void	mutex_waiter_changed(TCB *p_tcb);
/* Unlock every mutex p_tcb locks (it ends). */
void	mutex_release_all(TCB *p_tcb);

#endif /* UNITRON_MUTEX_H */
