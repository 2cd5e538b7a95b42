/*
 * Unitron - alarm handlers (µITRON 4.0 4.6.3).
 *
 * An alarm handler runs once, almtim after sta_alm, and is stopped when
 * it starts running: it may start itself again.  Starting a started
 * handler sets a new activation time.
 */
#include "alarm.h"

void initialize_alarm(void)
{
	ID almid;

	for (almid = TMIN_ALMID; almid <= tmax_almid; almid++) {
		ALMCB *p_almcb = get_almcb(almid);

		p_almcb->p_alminib = &alminib_table[almid - TMIN_ALMID];
		p_almcb->tmevtb.index = 0U;
	}
}

/* Time event callback: the event is already off the heap (stopped). */
static void call_almhdr(VP arg)
{
	const ALMINIB *p_inib = ((ALMCB *)arg)->p_alminib;

	LOG_ALM_ENTER((ALMCB *)arg);
	call_time_handler(p_inib->almhdr, p_inib->exinf);
	LOG_ALM_LEAVE((ALMCB *)arg);
}

static ER start_alarm(VP p_obj, VP_INT almtim, BOOL *p_dspreq)
{
	ALMCB *p_almcb = p_obj;

	(void)p_dspreq;
	if (tmevtb_queued(&p_almcb->tmevtb))
		tmevtb_dequeue(&p_almcb->tmevtb);
	tmevtb_enqueue(&p_almcb->tmevtb, (RELTIM)almtim, call_almhdr, p_almcb);
	return E_OK;
}

static ER stop_alarm(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	ALMCB *p_almcb = p_obj;

	(void)unused;
	(void)p_dspreq;
	if (tmevtb_queued(&p_almcb->tmevtb))
		tmevtb_dequeue(&p_almcb->tmevtb);
	return E_OK;
}

ER sta_alm(ID almid, RELTIM almtim)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_ALMID(almid));
	CHECK_PAR(almtim <= TMAX_RELTIM);
	return call_locked(start_alarm, get_almcb(almid), (VP_INT)almtim);
}

ER ista_alm(ID almid, RELTIM almtim)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_ALMID(almid));
	CHECK_PAR(almtim <= TMAX_RELTIM);
	return call_locked(start_alarm, get_almcb(almid), (VP_INT)almtim);
}

ER stp_alm(ID almid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_ALMID(almid));
	return call_locked(stop_alarm, get_almcb(almid), 0);
}

ER istp_alm(ID almid)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_ALMID(almid));
	return call_locked(stop_alarm, get_almcb(almid), 0);
}

ER ref_alm(ID almid, T_RALM *pk_ralm)
{
	ALMCB *p_almcb;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_ALMID(almid));
	CHECK_PAR(pk_ralm != NULL);
	p_almcb = get_almcb(almid);

	t_lock_cpu();
	if (tmevtb_queued(&p_almcb->tmevtb)) {
		pk_ralm->almstat = TALM_STA;
		pk_ralm->lefttim = tmevtb_lefttim(&p_almcb->tmevtb);
	} else {
		pk_ralm->almstat = TALM_STP;
		pk_ralm->lefttim = 0U;
	}
	t_unlock_cpu();
	return E_OK;
}
