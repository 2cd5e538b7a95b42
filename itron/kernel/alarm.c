/*
 * Unitron - alarm handlers (µITRON 4.0 4.6.3).
 *
 * An alarm handler runs once, almtim after sta_alm, and is stopped when
 * it starts running: it may start itself again.  Starting a started
 * handler sets a new activation time.
 */
#include "alarm.h"

static void setup(ALMCB *p_almcb, const ALMINIB *p_alminib)
{
	p_almcb->p_alminib = p_alminib;
	p_almcb->tmevtb.index = 0U;
}

void initialize_alarm(void)
{
	ID almid;

	for (almid = TMIN_ALMID; almid <= tmax_salmid; almid++)
		setup(get_almcb(almid), &alminib_table[almid - TMIN_ALMID]);
	for (; almid <= tmax_almid; almid++)
		get_almcb(almid)->p_alminib = NULL;
}

static ER check_packet(const T_CALM *pk_calm)
{
	CHECK_RSATR(pk_calm->almatr == TA_HLNG);
	CHECK_PAR(pk_calm->almhdr != NULL);
	return E_OK;
}

static ER construct(ID almid, const T_CALM *pk_calm)
{
	ALMINIB *p_inib = AINIB(alm, almid);

	p_inib->almatr = pk_calm->almatr;
	p_inib->exinf = pk_calm->exinf;
	p_inib->almhdr = (void (*)(VP_INT))pk_calm->almhdr;
	setup(get_almcb(almid), p_inib);
	return E_OK;
}

static ER destruct(ALMCB *p_almcb, BOOL *p_dspreq)
{
	(void)p_dspreq;
	if (tmevtb_queued(&p_almcb->tmevtb))
		tmevtb_dequeue(&p_almcb->tmevtb);
	p_almcb->p_alminib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(alm, ALM, get_almcb, p_alminib)

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
	if (p_almcb->p_alminib == NULL)
		return E_NOEXS;
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
	if (p_almcb->p_alminib == NULL)
		return E_NOEXS;
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
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_ALMID(almid));
	CHECK_PAR(pk_ralm != NULL);
	p_almcb = get_almcb(almid);

	t_lock_cpu();
	if (p_almcb->p_alminib == NULL) {
		ercd = E_NOEXS;
	} else if (tmevtb_queued(&p_almcb->tmevtb)) {
		pk_ralm->almstat = TALM_STA;
		pk_ralm->lefttim = tmevtb_lefttim(&p_almcb->tmevtb);
	} else {
		pk_ralm->almstat = TALM_STP;
		pk_ralm->lefttim = 0U;
	}
	t_unlock_cpu();
	return ercd;
}
