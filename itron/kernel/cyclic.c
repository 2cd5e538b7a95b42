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

void initialize_cyclic(void)
{
	ID cycid;

	for (cycid = TMIN_CYCID; cycid <= tmax_cycid; cycid++) {
		CYCCB *p_cyccb = get_cyccb(cycid);
		const CYCINIB *p_inib = &cycinib_table[cycid - TMIN_CYCID];

		p_cyccb->p_cycinib = p_inib;
		p_cyccb->cycsta = (p_inib->cycatr & TA_STA) != 0U;
		p_cyccb->tmevtb.index = 0U;
		if ((p_inib->cycatr & (TA_STA | TA_PHS)) != 0U)
			schedule(p_cyccb, current_evttim + p_inib->cycphs);
	}
}

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

ER sta_cyc(ID cycid)
{
	CYCCB *p_cyccb;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_CYCID(cycid));
	p_cyccb = get_cyccb(cycid);

	t_lock_cpu();
	/* With TA_PHS the activations already run: only start calling. */
	if ((p_cyccb->p_cycinib->cycatr & TA_PHS) == 0U) {
		if (tmevtb_queued(&p_cyccb->tmevtb))
			tmevtb_dequeue(&p_cyccb->tmevtb);
		tmevtb_enqueue(&p_cyccb->tmevtb, p_cyccb->p_cycinib->cyctim,
			       call_cychdr, p_cyccb);
	}
	p_cyccb->cycsta = TRUE;
	t_unlock_cpu();
	return E_OK;
}

ER stp_cyc(ID cycid)
{
	CYCCB *p_cyccb;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_CYCID(cycid));
	p_cyccb = get_cyccb(cycid);

	t_lock_cpu();
	p_cyccb->cycsta = FALSE;
	if ((p_cyccb->p_cycinib->cycatr & TA_PHS) == 0U &&
	    tmevtb_queued(&p_cyccb->tmevtb))
		tmevtb_dequeue(&p_cyccb->tmevtb);
	t_unlock_cpu();
	return E_OK;
}

ER ref_cyc(ID cycid, T_RCYC *pk_rcyc)
{
	CYCCB *p_cyccb;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_CYCID(cycid));
	CHECK_PAR(pk_rcyc != NULL);
	p_cyccb = get_cyccb(cycid);

	t_lock_cpu();
	pk_rcyc->cycstat = p_cyccb->cycsta ? TCYC_STA : TCYC_STP;
	/* A stopped TA_PHS handler's activations go on: its next one. */
	pk_rcyc->lefttim = tmevtb_queued(&p_cyccb->tmevtb) ?
			   tmevtb_lefttim(&p_cyccb->tmevtb) : 0U;
	t_unlock_cpu();
	return E_OK;
}
