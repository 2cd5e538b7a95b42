/*
 * Unitron - the overrun handler (µITRON 4.0 4.6.4).
 *
 * sta_ovr gives a task a budget of processor time, in milliseconds; when
 * the task has used it up, the overrun handler (DEF_OVR) runs, once.
 * Processor time is counted by the tick: each isig_tim charges one tick
 * to the task running when it comes, and the handler runs at the tick
 * that uses the budget up.  So a budget is exact to a tick for a task
 * that runs on, and a task that runs between ticks is charged
 * statistically - the price of needing no clock read at every dispatch.
 * A task that ends (ext_tsk, ter_tsk) has its budget stopped.
 */
#include "overrun.h"

/* The handler now: DEF_OVR's, as def_ovr changes it. */
static void	(*ovrhdr)(ID tskid, VP_INT exinf);

void initialize_overrun(void)
{
	ovrhdr = ovrinib.ovrhdr;
}

void overrun_tick(void)
{
	TCB *p_tcb = runtsk;

	if (p_tcb == NULL || !p_tcb->ovrsta || ovrhdr == NULL)
		return;
	if (p_tcb->leftotm > tick_ms) {
		p_tcb->leftotm -= tick_ms;
		return;
	}
	p_tcb->leftotm = 0U;
	p_tcb->ovrsta = FALSE;
	i_unlock_cpu();
	ovrhdr(TSKID(p_tcb), p_tcb->p_tinib->exinf);
	if (!port_sense_lock())
		i_lock_cpu();
}

static ER start_overrun(VP p_obj, VP_INT ovrtim, BOOL *p_dspreq)
{
	TCB *p_tcb = p_obj;
	ER ercd = task_not_dormant(p_tcb);

	(void)p_dspreq;
	if (ercd != E_OK)
		return ercd;
	if (ovrhdr == NULL)
		return E_OBJ;
	p_tcb->leftotm = (OVRTIM)ovrtim;
	p_tcb->ovrsta = TRUE;
	return E_OK;
}

static ER stop_overrun(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	TCB *p_tcb = p_obj;

	(void)unused;
	(void)p_dspreq;
	if (!TASK_EXISTS(p_tcb))
		return E_NOEXS;
	p_tcb->ovrsta = FALSE;
	return E_OK;
}

ER sta_ovr(ID tskid, OVRTIM ovrtim)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(0U < ovrtim && ovrtim <= TMAX_OVRTIM);
	return call_locked(start_overrun, get_tcb_self(tskid),
			   (VP_INT)ovrtim);
}

ER ista_ovr(ID tskid, OVRTIM ovrtim)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	CHECK_PAR(0U < ovrtim && ovrtim <= TMAX_OVRTIM);
	return call_locked(start_overrun, get_tcb(tskid), (VP_INT)ovrtim);
}

ER stp_ovr(ID tskid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_OBJ(ovrhdr != NULL);
	return call_locked(stop_overrun, get_tcb_self(tskid), 0);
}

ER istp_ovr(ID tskid)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	CHECK_OBJ(ovrhdr != NULL);
	return call_locked(stop_overrun, get_tcb(tskid), 0);
}

ER ref_ovr(ID tskid, T_ROVR *pk_rovr)
{
	TCB *p_tcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(pk_rovr != NULL);
	CHECK_OBJ(ovrhdr != NULL);
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	if (!TASK_EXISTS(p_tcb)) {
		ercd = E_NOEXS;
	} else {
		pk_rovr->ovrstat = p_tcb->ovrsta ? TOVR_STA : TOVR_STP;
		pk_rovr->leftotm = p_tcb->ovrsta ? p_tcb->leftotm : 0U;
	}
	t_unlock_cpu();
	return ercd;
}

/* Define (pk_dovr) or undefine (NULL) the handler; undefining stops it. */
ER def_ovr(const T_DOVR *pk_dovr)
{
	UINT i;

	CHECK_TSKCTX_UNL();
	if (pk_dovr != NULL) {
		CHECK((pk_dovr->ovratr & ~TA_HLNG) == 0U, E_RSATR);
		CHECK_PAR(pk_dovr->ovrhdr != NULL);
	}

	t_lock_cpu();
	if (pk_dovr == NULL) {
		ovrhdr = NULL;
		for (i = 0; i < (UINT)(tmax_tskid - TMIN_TSKID + 1); i++)
			tcb_table[i].ovrsta = FALSE;
	} else {
		ovrhdr = (void (*)(ID, VP_INT))pk_dovr->ovrhdr;
	}
	t_unlock_cpu();
	return E_OK;
}
