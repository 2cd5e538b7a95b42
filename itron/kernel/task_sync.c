/*
 * Unitron - task-dependent synchronization (µITRON 4.0 4.2).
 */
#include "task.h"
#include "wait.h"

ER slp_tsk(void)
{
	return tslp_tsk(TMO_FEVR);
}

ER tslp_tsk(TMO tmout)
{
	WINFO winfo;
	ER ercd;

	CHECK_DISPATCH();
	CHECK_TMOUT(tmout);

	t_lock_cpu();
	if (runtsk->wupque > 0U) {
		runtsk->wupque--;
		ercd = E_OK;
	} else if (tmout == TMO_POL) {
		ercd = E_TMOUT;
	} else {
		make_wait_tmout(&winfo, TTW_SLP, tmout);
		ercd = wait_dispatch();
	}
	t_unlock_cpu();
	return ercd;
}

/* Wake a sleeping task or queue the wakeup; for wup_tsk and iwup_tsk. */
static ER wakeup(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	TCB *p_tcb = p_obj;
	ER ercd = task_not_dormant(p_tcb);

	(void)unused;
	if (ercd != E_OK)
		return ercd;
	if (TSTAT_WAITING(p_tcb->tstat) &&
	    p_tcb->p_winfo->wreason == TTW_SLP) {
		*p_dspreq = wait_release(p_tcb, E_OK);
		return E_OK;
	}
	if (p_tcb->wupque < TMAX_WUPCNT) {
		p_tcb->wupque++;
		return E_OK;
	}
	return E_QOVR;
}

ER wup_tsk(ID tskid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	return call_locked(wakeup, get_tcb_self(tskid), 0);
}

ER iwup_tsk(ID tskid)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	return call_locked(wakeup, get_tcb(tskid), 0);
}

ER_UINT can_wup(ID tskid)
{
	TCB *p_tcb;
	ER_UINT ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	ercd = task_not_dormant(p_tcb);
	if (ercd == E_OK) {
		ercd = (ER_UINT)p_tcb->wupque;
		p_tcb->wupque = 0U;
	}
	t_unlock_cpu();
	return ercd;
}

/* Forcibly end a wait with E_RLWAI; for rel_wai and irel_wai. */
static ER release_wait(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	TCB *p_tcb = p_obj;

	(void)unused;
	if (!TASK_EXISTS(p_tcb))
		return E_NOEXS;
	if (!TSTAT_WAITING(p_tcb->tstat))
		return E_OBJ;
	*p_dspreq = wait_release(p_tcb, E_RLWAI);
	return E_OK;
}

ER rel_wai(ID tskid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	return call_locked(release_wait, get_tcb(tskid), 0);
}

ER irel_wai(ID tskid)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	return call_locked(release_wait, get_tcb(tskid), 0);
}

/* A task that exists and is not dormant enters SUSPENDED. */
static ER suspend(TCB *p_tcb)
{
	if (TSTAT_SUSPENDED(p_tcb->tstat))
		return E_QOVR;
	if (TSTAT_RUNNABLE(p_tcb->tstat)) {
		make_non_runnable(p_tcb);
		p_tcb->tstat = TS_SUSPENDED;
		if (p_tcb == runtsk)
			dispatch();
	} else {
		p_tcb->tstat |= TS_SUSPENDED;
	}
	return E_OK;
}

ER sus_tsk(ID tskid)
{
	TCB *p_tcb;
	ER ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	p_tcb = get_tcb_self(tskid);
	/* Suspending oneself means waiting: dispatching must be enabled. */
	CHECK(p_tcb != runtsk || enadsp, E_CTX);

	t_lock_cpu();
	ercd = task_not_dormant(p_tcb);
	if (ercd == E_OK)
		ercd = suspend(p_tcb);
	t_unlock_cpu();
	return ercd;
}

/* Leave the SUSPENDED state; rsm_tsk and frsm_tsk are the same with a
 * suspend nesting limit of 1. */
ER rsm_tsk(ID tskid)
{
	TCB *p_tcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	p_tcb = get_tcb(tskid);

	t_lock_cpu();
	if (!TASK_EXISTS(p_tcb)) {
		ercd = E_NOEXS;
	} else if (!TSTAT_SUSPENDED(p_tcb->tstat)) {
		ercd = E_OBJ;
	} else if (TSTAT_WAITING(p_tcb->tstat)) {
		p_tcb->tstat = TS_WAITING;
	} else {
		dispatch_request(make_runnable(p_tcb));
	}
	t_unlock_cpu();
	return ercd;
}

ER frsm_tsk(ID tskid)
{
	return rsm_tsk(tskid);
}

ER dly_tsk(RELTIM dlytim)
{
	WINFO winfo;
	ER ercd;

	CHECK_DISPATCH();
	CHECK_PAR(dlytim <= TMAX_RELTIM);

	t_lock_cpu();
	make_wait_tmout(&winfo, TTW_DLY, (TMO)dlytim);
	ercd = wait_dispatch();
	t_unlock_cpu();
	return ercd;
}
