/*
 * Unitron - tasks: control blocks, the ready queue and the scheduler.
 */
#ifndef UNITRON_TASK_H
#define UNITRON_TASK_H

#include "kernel_impl.h"
#include "time_event.h"

/* Task states (internal).  Waiting and suspended can be combined. */
#define TS_DORMANT	0x00U
#define TS_RUNNABLE	0x01U
#define TS_WAITING	0x02U
#define TS_SUSPENDED	0x04U

#define TSTAT_DORMANT(tstat)	((tstat) == TS_DORMANT)
#define TSTAT_RUNNABLE(tstat)	(((tstat) & TS_RUNNABLE) != 0U)
#define TSTAT_WAITING(tstat)	(((tstat) & TS_WAITING) != 0U)
#define TSTAT_SUSPENDED(tstat)	(((tstat) & TS_SUSPENDED) != 0U)

struct wait_object_control_block;

/*
 * What a waiting task waits for.  Lives on the waiting task's stack for
 * the duration of the wait; object-specific waits extend it (WINFO_FLG,
 * WINFO_DTQ, ...) with WINFO as the first member.
 */
typedef struct waiting_information {
	ER		wercd;		/* result given when released */
	UINT		wreason;	/* TTW_* */
	QUEUE		*p_wait_queue;	/* queue the task is on, or NULL */
	BOOL		prio_order;	/* that queue is priority-ordered */
	struct wait_object_control_block *p_wobjcb; /* object, or NULL */
	TMEVTB		*p_tmevtb;	/* timeout event, or NULL */
} WINFO;

/* Task initialization block: from CRE_TSK and DEF_TEX. */
typedef struct task_initialization_block {
	ATR		tskatr;
	VP_INT		exinf;
	void		(*task)(VP_INT exinf);
	UINT		ipriority;	/* internal initial priority */
	SIZE		stksz;
	VP		stk;
	ATR		texatr;
	void		(*texrtn)(TEXPTN texptn, VP_INT exinf);
} TINIB;

typedef struct task_control_block {
	QUEUE		task_queue;	/* ready queue or wait queue link */
	const TINIB	*p_tinib;
	UINT		tstat;
	UINT		priority;	/* internal current priority */
	UINT		bpriority;	/* internal base priority */
	QUEUE		mutex_queue;	/* the mutexes it locks */
	VP_INT		stacd;		/* its parameter: exinf, or sta_tsk's */
	UINT		actque;		/* queued activation requests */
	UINT		wupque;		/* queued wakeup requests */
	BOOL		enatex;		/* task exceptions enabled */
	TEXPTN		texptn;		/* pending exception pattern */
	void		(*texrtn)(TEXPTN texptn, VP_INT exinf);	/* def_tex */
	BOOL		ovrsta;		/* sta_ovr: the budget runs */
	OVRTIM		leftotm;	/* the budget left, ms */
	WINFO		*p_winfo;	/* while waiting */
	TMEVTB		tmevtb;		/* timeout of the current wait */
	UINT		runcnt;		/* times dispatched (statistics) */
	T_VGRD		*p_vgrd;	/* vxset_grd(), or NULL */
	CTXB		tskctxb;	/* port: saved context */
} TCB;

extern TCB	*runtsk;	/* the task in the RUNNING state, or NULL */
extern TCB	*schedtsk;	/* the task that should run, or NULL */

/* From the configuration (kernel_cfg.c). */
extern const ID		tmax_tskid;
extern const TINIB	tinib_table[];
extern TCB		tcb_table[];

#define TMIN_TSKID	1
#define VALID_TSKID(id)	(TMIN_TSKID <= (id) && (id) <= tmax_tskid)
#define INDEX_TSK(id)	((UINT)((id) - TMIN_TSKID))
#define get_tcb(id)	(&tcb_table[INDEX_TSK(id)])
#define get_tcb_self(id) ((id) == TSK_SELF ? runtsk : get_tcb(id))
#define TSKID(p_tcb)	((ID)(((p_tcb) - tcb_table) + TMIN_TSKID))

/* A reserved ID (AID_TSK) holds a task while it has an INIB. */
extern const ID		tmax_stskid;
extern TINIB		atinib_table[];
#define TASK_EXISTS(p_tcb)	((p_tcb)->p_tinib != NULL)

/*
 * What a call on a task that must not be dormant says first: E_NOEXS
 * for a free ID, E_OBJ for a dormant task, else E_OK.  CPU locked.
 */
static inline ER task_not_dormant(const TCB *p_tcb)
{
	if (!TASK_EXISTS(p_tcb))
		return E_NOEXS;
	return TSTAT_DORMANT(p_tcb->tstat) ? E_OBJ : E_OK;
}

/* The same, and E_OBJ without a task exception routine (ras_tex, ref_tex). */
static inline ER task_with_texrtn(const TCB *p_tcb)
{
	ER ercd = task_not_dormant(p_tcb);

	return ercd == E_OK && p_tcb->texrtn == NULL ? E_OBJ : ercd;
}

/*
 * Scheduler primitives.  All run with the CPU locked.  Those that can
 * change schedtsk return TRUE when the caller must dispatch (task
 * context) or set reqflg (handler context): see dispatch_request().
 */
/* A dormant task of p_tinib, or no task for NULL (a free reserved ID). */
void	task_setup(TCB *p_tcb, const TINIB *p_tinib);

BOOL	make_runnable(TCB *p_tcb);
void	make_non_runnable(TCB *p_tcb);
BOOL	make_active(TCB *p_tcb);
void	make_dormant(TCB *p_tcb);
BOOL	change_priority(TCB *p_tcb, UINT newpri);
BOOL	mutex_change_priority(TCB *p_tcb, UINT newpri);
BOOL	rotate_ready_queue(UINT pri);
void	call_texrtn(void);
/*
 * The running task has an exception pattern pending, exceptions enabled
 * and no interrupt priority mask (TOPPERS/ASP holds the routine while
 * one is set): call_texrtn() is due.
 */
BOOL	texrtn_due(void);
void	dispatch(void);
void	return_to_task(void);
void	task_start(void);

/* The port is switching to p_tcb: it becomes the running task. */
static inline void set_runtsk(TCB *p_tcb)
{
	runtsk = p_tcb;
	p_tcb->runcnt++;
}

/* TRUE when the scheduler wants another task than the running one. */
static inline BOOL dispatch_needed(void)
{
	return enadsp && schedtsk != runtsk;
}

/*
 * Act on a scheduler primitive's result: dispatch at once in task
 * context, or leave a request for the handler's exit.
 */
static inline void dispatch_request(BOOL needed)
{
	if (!needed)
		return;
	if (sense_context())
		reqflg = TRUE;
	else
		dispatch();
}

#endif /* UNITRON_TASK_H */
