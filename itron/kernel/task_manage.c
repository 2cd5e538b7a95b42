/*
 * Unitron - task management functions (µITRON 4.0 4.1).
 */
#include "task.h"
#include "wait.h"
#include "mutex.h"
#include "interrupt.h"

/* Activate or queue an activation; shared by act_tsk and iact_tsk. */
static ER activate(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	TCB *p_tcb = p_obj;

	(void)unused;
	if (!TASK_EXISTS(p_tcb))
		return E_NOEXS;
	if (TSTAT_DORMANT(p_tcb->tstat)) {
		*p_dspreq = make_active(p_tcb);
		return E_OK;
	}
	if (p_tcb->actque < TMAX_ACTCNT) {
		p_tcb->actque++;
		return E_OK;
	}
	return E_QOVR;
}

ER act_tsk(ID tskid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	return call_locked(activate, get_tcb_self(tskid), 0);
}

ER iact_tsk(ID tskid)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	return call_locked(activate, get_tcb(tskid), 0);
}

static ER check_packet(const T_CTSK *pk_ctsk)
{
	CHECK_RSATR((pk_ctsk->tskatr & ~TA_ACT) == 0U);
	CHECK_PAR(pk_ctsk->task != NULL);
	CHECK_PAR(VALID_TPRI(pk_ctsk->itskpri));
	CHECK_PAR(pk_ctsk->stksz > 0U);
	return E_OK;
}

/* A task created with TA_ACT runs at once if it has the priority. */
static ER construct(ID tskid, const T_CTSK *pk_ctsk)
{
	TINIB *p_inib = &atinib_table[tskid - tmax_stskid - 1];
	TCB *p_tcb = get_tcb(tskid);
	VP stk = pk_ctsk->stk;

	p_inib->tskatr = pk_ctsk->tskatr;
	/* With the port's margin, as STACK_AREA gives configured stacks. */
	p_inib->stksz = pk_ctsk->stksz + (stk == NULL ? PORT_STACK_MARGIN : 0U);
	if (kernel_area(&stk, p_inib->stksz, &p_inib->tskatr) != E_OK)
		return E_NOMEM;
	p_inib->exinf = pk_ctsk->exinf;
	p_inib->task = (void (*)(VP_INT))pk_ctsk->task;
	p_inib->ipriority = INT_PRIORITY(pk_ctsk->itskpri);
	p_inib->stk = stk;
	p_inib->texatr = TA_NULL;
	p_inib->texrtn = NULL;
	task_setup(p_tcb, p_inib);
	if ((pk_ctsk->tskatr & TA_ACT) != 0U)
		dispatch_request(make_active(p_tcb));
	return E_OK;
}

/* Only a dormant task goes: it waits for nothing and locks nothing. */
static ER destruct(TCB *p_tcb, BOOL *p_dspreq)
{
	(void)p_dspreq;
	if (!TSTAT_DORMANT(p_tcb->tstat))
		return E_OBJ;
	kernel_area_free(p_tcb->p_tinib->stk, p_tcb->p_tinib->tskatr);
	task_setup(p_tcb, NULL);
	return E_OK;
}

OBJECT_LIFE_CALLS(tsk, TSK, get_tcb, p_tinib)

ER_UINT can_act(ID tskid)
{
	TCB *p_tcb;
	ER_UINT count = E_NOEXS;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	if (TASK_EXISTS(p_tcb)) {
		count = (ER_UINT)p_tcb->actque;
		p_tcb->actque = 0U;
	}
	t_unlock_cpu();
	return count;
}

/*
 * End the invoking task, and delete it for exd_tsk.  Permitted with the
 * CPU locked or dispatching disabled: both are released (µITRON 4.0
 * 4.1).  A queued activation starts a task that stays at once.  A
 * deleted task's stack goes back to the pool while it still runs on it:
 * nothing allocates before the dispatch, and freeing writes only block
 * headers, below the stack.
 */
static ER end_task(BOOL delete)
{
	TCB *p_tcb;

	if (!port_sense_lock())
		t_lock_cpu();
	disdsp = FALSE;
	intpri_mask = TIPM_ENAALL;
	set_enadsp();
	interrupt_raise_released();	/* what the task's mask held */
	p_tcb = runtsk;
	mutex_release_all(p_tcb);
	make_dormant(p_tcb);
	if (delete) {
		(void)destruct(p_tcb, NULL);
	} else if (p_tcb->actque > 0U) {
		p_tcb->actque--;
		(void)make_active(p_tcb);
	}
	port_exit_and_dispatch();
	return E_SYS;
}

ER ext_tsk(void)
{
	CHECK(!sense_context(), E_CTX);
	return end_task(FALSE);
}

ER exd_tsk(void)
{
	CHECK(!sense_context(), E_CTX);
	CHECK_OBJ(TSKID(runtsk) > tmax_stskid);	/* static tasks stay */
	return end_task(TRUE);
}

/* sta_tsk: activation requests are not queued. */
static ER start_task(VP p_obj, VP_INT stacd, BOOL *p_dspreq)
{
	TCB *p_tcb = p_obj;

	if (!TASK_EXISTS(p_tcb))
		return E_NOEXS;
	if (!TSTAT_DORMANT(p_tcb->tstat))
		return E_OBJ;
	*p_dspreq = make_active(p_tcb);
	p_tcb->stacd = stacd;
	return E_OK;
}

ER sta_tsk(ID tskid, VP_INT stacd)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	return call_locked(start_task, get_tcb(tskid), stacd);
}

ER ter_tsk(ID tskid)
{
	TCB *p_tcb;
	ER ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	p_tcb = get_tcb_self(tskid);
	CHECK_ILUSE(p_tcb != runtsk);

	t_lock_cpu();
	ercd = task_not_dormant(p_tcb);
	if (ercd != E_OK) {
		t_unlock_cpu();
		return ercd;
	}
	if (TSTAT_WAITING(p_tcb->tstat))
		wait_cancel(p_tcb);
	mutex_release_all(p_tcb);
	make_dormant(p_tcb);
	if (p_tcb->actque > 0U) {
		p_tcb->actque--;
		(void)make_active(p_tcb);
	}
	dispatch_request(dispatch_needed());	/* its mutexes' new lockers */
	t_unlock_cpu();
	return E_OK;
}

/*
 * chg_pri's change, CPU locked: the base priority, and the current one
 * as the task's mutexes allow.  A task that locks no mutex goes to the
 * tail of its priority even when it does not change.
 */
static ER change_base_priority(TCB *p_tcb, UINT newbase)
{
	UINT newpri;

	if (!mutex_ceiling_allows(p_tcb, newbase))
		return E_ILUSE;
	p_tcb->bpriority = newbase;
	newpri = mutex_current_priority(p_tcb, newbase);
	if (newpri != p_tcb->priority || queue_empty(&p_tcb->mutex_queue))
		dispatch_request(change_priority(p_tcb, newpri));
	return E_OK;
}

ER chg_pri(ID tskid, PRI tskpri)
{
	TCB *p_tcb;
	ER ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(tskpri == TPRI_INI || VALID_TPRI(tskpri));
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	ercd = task_not_dormant(p_tcb);
	if (ercd == E_OK) {
		ercd = change_base_priority(p_tcb, tskpri == TPRI_INI ?
					    p_tcb->p_tinib->ipriority :
					    INT_PRIORITY(tskpri));
	}
	t_unlock_cpu();
	return ercd;
}

ER get_pri(ID tskid, PRI *p_tskpri)
{
	TCB *p_tcb;
	ER ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(p_tskpri != NULL);
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	ercd = task_not_dormant(p_tcb);
	if (ercd == E_OK)
		*p_tskpri = EXT_TSKPRI(p_tcb->priority);
	t_unlock_cpu();
	return ercd;
}
