/*
 * Unitron - cyclic handlers (µITRON 4.0 4.6.2).
 *
 * Activations are scheduled at absolute times, each one cycle after the
 * previous, so the period does not drift with handler run time.  With
 * TA_PHS the activation times keep running while the handler is stopped,
 * so restarting it keeps its phase; without TA_PHS, sta_cyc starts a new
 * period from the time it is called.
 */
#include "cyclic.h"
#include "task.h"

static void call_cychdr(VP arg);

static void schedule(CYCCB *p_cyccb, EVTTIM evttim)
{
	tmevtb_enqueue_evttim(&p_cyccb->tmevtb, evttim, call_cychdr, p_cyccb);
}

/* The first activation comes cycphs after creation. */
static void setup(CYCCB *p_cyccb, const CYCINIB *p_inib)
{
	p_cyccb->p_cycinib = p_inib;
	p_cyccb->cycsta = (p_inib->cycatr & TA_STA) != 0U;
	p_cyccb->tmevtb.index = 0U;
	if ((p_inib->cycatr & (TA_STA | TA_PHS)) == 0U)
		return;
	if (kerflg)
		tmevtb_enqueue(&p_cyccb->tmevtb, p_inib->cycphs, call_cychdr,
			       p_cyccb);
	else
		schedule(p_cyccb, current_evttim + p_inib->cycphs);
}

void initialize_cyclic(void)
{
	ID cycid;

	for (cycid = TMIN_CYCID; cycid <= tmax_scycid; cycid++)
		setup(get_cyccb(cycid), &cycinib_table[cycid - TMIN_CYCID]);
	for (; cycid <= tmax_cycid; cycid++)
		get_cyccb(cycid)->p_cycinib = NULL;
}

static ER check_packet(const T_CCYC *pk_ccyc)
{
	CHECK_RSATR((pk_ccyc->cycatr & ~(TA_STA | TA_PHS)) == 0U);
	CHECK_PAR(pk_ccyc->cychdr != NULL);
	CHECK_PAR(0U < pk_ccyc->cyctim && pk_ccyc->cyctim <= TMAX_RELTIM);
	CHECK_PAR(pk_ccyc->cycphs <= TMAX_RELTIM);
	return E_OK;
}

static ER construct(ID cycid, const T_CCYC *pk_ccyc)
{
	CYCINIB *p_inib = AINIB(cyc, cycid);

	p_inib->cycatr = pk_ccyc->cycatr;
	p_inib->exinf = pk_ccyc->exinf;
	p_inib->cychdr = (void (*)(VP_INT))pk_ccyc->cychdr;
	p_inib->cyctim = pk_ccyc->cyctim;
	p_inib->cycphs = pk_ccyc->cycphs;
	setup(get_cyccb(cycid), p_inib);
	return E_OK;
}

static ER destruct(CYCCB *p_cyccb, BOOL *p_dspreq)
{
	(void)p_dspreq;
	if (tmevtb_queued(&p_cyccb->tmevtb))
		tmevtb_dequeue(&p_cyccb->tmevtb);
	p_cyccb->p_cycinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(cyc, CYC, get_cyccb, p_cycinib)

/* Time event callback: schedule the next activation, run the handler. */
static void call_cychdr(VP arg)
{
	CYCCB *p_cyccb = (CYCCB *)arg;
	const CYCINIB *p_inib = p_cyccb->p_cycinib;

	schedule(p_cyccb, p_cyccb->tmevtb.evttim + p_inib->cyctim);
	if (!p_cyccb->cycsta)
		return;
	LOG_CYC_ENTER(p_cyccb);
	call_time_handler(p_inib->cychdr, p_inib->exinf);
	LOG_CYC_LEAVE(p_cyccb);
}

/* With TA_PHS the activations already run: only start calling. */
static ER start_cyclic(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	CYCCB *p_cyccb = p_obj;

	(void)unused;
	(void)p_dspreq;
	if (p_cyccb->p_cycinib == NULL)
		return E_NOEXS;
	if ((p_cyccb->p_cycinib->cycatr & TA_PHS) == 0U) {
		if (tmevtb_queued(&p_cyccb->tmevtb))
			tmevtb_dequeue(&p_cyccb->tmevtb);
		tmevtb_enqueue(&p_cyccb->tmevtb, p_cyccb->p_cycinib->cyctim,
			       call_cychdr, p_cyccb);
	}
	p_cyccb->cycsta = TRUE;
	return E_OK;
}

ER sta_cyc(ID cycid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_CYCID(cycid));
	return call_locked(start_cyclic, get_cyccb(cycid), 0);
}

static ER stop_cyclic(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	CYCCB *p_cyccb = p_obj;

	(void)unused;
	(void)p_dspreq;
	if (p_cyccb->p_cycinib == NULL)
		return E_NOEXS;
	p_cyccb->cycsta = FALSE;
	if ((p_cyccb->p_cycinib->cycatr & TA_PHS) == 0U &&
	    tmevtb_queued(&p_cyccb->tmevtb))
		tmevtb_dequeue(&p_cyccb->tmevtb);
	return E_OK;
}

ER stp_cyc(ID cycid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_CYCID(cycid));
	return call_locked(stop_cyclic, get_cyccb(cycid), 0);
}

ER ref_cyc(ID cycid, T_RCYC *pk_rcyc)
{
	CYCCB *p_cyccb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_CYCID(cycid));
	CHECK_PAR(pk_rcyc != NULL);
	p_cyccb = get_cyccb(cycid);

	t_lock_cpu();
	if (p_cyccb->p_cycinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rcyc->cycstat = p_cyccb->cycsta ? TCYC_STA : TCYC_STP;
		/* A stopped TA_PHS handler's activations go on: its next. */
		pk_rcyc->lefttim = tmevtb_queued(&p_cyccb->tmevtb) ?
				   tmevtb_lefttim(&p_cyccb->tmevtb) : 0U;
	}
	t_unlock_cpu();
	return ercd;
}
