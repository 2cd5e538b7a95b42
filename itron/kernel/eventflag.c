/*
 * Unitron - eventflags (µITRON 4.0 4.4.2).
 */
#include "eventflag.h"

static void setup(FLGCB *p_flgcb, const FLGINIB *p_flginib)
{
	queue_initialize(&p_flgcb->wait_queue);
	p_flgcb->p_flginib = p_flginib;
	p_flgcb->flgptn = p_flginib->iflgptn;
}

void initialize_eventflag(void)
{
	ID flgid;

	for (flgid = TMIN_FLGID; flgid <= tmax_sflgid; flgid++)
		setup(get_flgcb(flgid), &flginib_table[flgid - TMIN_FLGID]);
	for (; flgid <= tmax_flgid; flgid++)
		get_flgcb(flgid)->p_flginib = NULL;
}

static ER check_packet(const T_CFLG *pk_cflg)
{
	CHECK_RSATR((pk_cflg->flgatr & ~(TA_TPRI | TA_WMUL | TA_CLR)) == 0U);
	return E_OK;
}

static ER construct(ID flgid, const T_CFLG *pk_cflg)
{
	FLGINIB *p_inib = AINIB(flg, flgid);

	p_inib->flgatr = pk_cflg->flgatr;
	p_inib->iflgptn = pk_cflg->iflgptn;
	setup(get_flgcb(flgid), p_inib);
	return E_OK;
}

static ER destruct(FLGCB *p_flgcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_flgcb->wait_queue, p_dspreq);
	p_flgcb->p_flginib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(flg, FLG, get_flgcb, p_flginib)

/* ini_flg: waiters released with E_DLT, the initial pattern back. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	FLGCB *p_flgcb = p_obj;

	(void)unused;
	if (p_flgcb->p_flginib == NULL)
		return E_NOEXS;
	wait_delete_all(&p_flgcb->wait_queue, p_dspreq);
	p_flgcb->flgptn = p_flgcb->p_flginib->iflgptn;
	return E_OK;
}

ER ini_flg(ID flgid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_FLGID(flgid));
	return call_locked(reinitialize, get_flgcb(flgid), 0);
}

ER ref_flg(ID flgid, T_RFLG *pk_rflg)
{
	FLGCB *p_flgcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_FLGID(flgid));
	CHECK_PAR(pk_rflg != NULL);
	p_flgcb = get_flgcb(flgid);

	t_lock_cpu();
	if (p_flgcb->p_flginib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rflg->wtskid = wait_queue_first_id(&p_flgcb->wait_queue);
		pk_rflg->flgptn = p_flgcb->flgptn;
	}
	t_unlock_cpu();
	return ercd;
}

/*
 * If the pattern satisfies the wait condition, record it, clear it for
 * TA_CLR and return TRUE.
 */
static BOOL check_flg_cond(FLGCB *p_flgcb, FLGPTN waiptn, MODE wfmode,
			   FLGPTN *p_flgptn)
{
	FLGPTN flgptn = p_flgcb->flgptn;
	BOOL met = (wfmode & TWF_ORW) != 0U ? (flgptn & waiptn) != 0U
					    : (flgptn & waiptn) == waiptn;

	if (!met)
		return FALSE;
	*p_flgptn = flgptn;
	if ((p_flgcb->p_flginib->flgatr & TA_CLR) != 0U)
		p_flgcb->flgptn = 0U;
	return TRUE;
}

/* Set bits and release every waiter whose condition now holds. */
static ER set_flgptn(VP p_obj, VP_INT setptn, BOOL *p_dspreq)
{
	FLGCB *p_flgcb = p_obj;
	QUEUE *p_entry = p_flgcb->wait_queue.p_next;

	if (p_flgcb->p_flginib == NULL)
		return E_NOEXS;
	p_flgcb->flgptn |= (FLGPTN)setptn;
	while (p_entry != &p_flgcb->wait_queue && p_flgcb->flgptn != 0U) {
		TCB *p_tcb = container_of_queue(p_entry, TCB, task_queue);
		WINFO_FLG *p_winfo = (WINFO_FLG *)p_tcb->p_winfo;

		p_entry = p_entry->p_next;
		if (check_flg_cond(p_flgcb, p_winfo->waiptn, p_winfo->wfmode,
				   &p_winfo->flgptn) &&
		    wait_release(p_tcb, E_OK))
			*p_dspreq = TRUE;
	}
	return E_OK;
}

ER set_flg(ID flgid, FLGPTN setptn)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_FLGID(flgid));
	return call_locked(set_flgptn, get_flgcb(flgid), (VP_INT)setptn);
}

ER iset_flg(ID flgid, FLGPTN setptn)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_FLGID(flgid));
	return call_locked(set_flgptn, get_flgcb(flgid), (VP_INT)setptn);
}

static ER clear_flgptn(VP p_obj, VP_INT clrptn, BOOL *p_dspreq)
{
	FLGCB *p_flgcb = p_obj;

	(void)p_dspreq;
	if (p_flgcb->p_flginib == NULL)
		return E_NOEXS;
	p_flgcb->flgptn &= (FLGPTN)clrptn;
	return E_OK;
}

ER clr_flg(ID flgid, FLGPTN clrptn)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_FLGID(flgid));
	return call_locked(clear_flgptn, get_flgcb(flgid), (VP_INT)clrptn);
}

ER wai_flg(ID flgid, FLGPTN waiptn, MODE wfmode, FLGPTN *p_flgptn)
{
	return twai_flg(flgid, waiptn, wfmode, p_flgptn, TMO_FEVR);
}

static ER wait_flag(ID flgid, FLGPTN waiptn, MODE wfmode, FLGPTN *p_flgptn,
	    TMO tmout)
{
	FLGCB *p_flgcb;
	WINFO_FLG winfo;
	ER ercd;

	CHECK_ID(VALID_FLGID(flgid));
	CHECK_PAR(waiptn != 0U);
	CHECK_PAR(wfmode == TWF_ANDW || wfmode == TWF_ORW);
	CHECK_PAR(p_flgptn != NULL);
	CHECK_TMOUT(tmout);
	p_flgcb = get_flgcb(flgid);

	t_lock_cpu();
	if (p_flgcb->p_flginib == NULL) {
		ercd = E_NOEXS;
	} else if ((p_flgcb->p_flginib->flgatr & TA_WMUL) == 0U &&
	    !queue_empty(&p_flgcb->wait_queue)) {
		ercd = E_ILUSE;
	} else if (check_flg_cond(p_flgcb, waiptn, wfmode, p_flgptn)) {
		ercd = E_OK;
	} else if (tmout == TMO_POL) {
		ercd = E_TMOUT;
	} else {
		winfo.waiptn = waiptn;
		winfo.wfmode = wfmode;
		wobj_make_wait_tmout((WOBJCB *)p_flgcb, &winfo.winfo, TTW_FLG,
				     tmout);
		ercd = wait_dispatch();
		if (ercd == E_OK)
			*p_flgptn = winfo.flgptn;
	}
	t_unlock_cpu();
	return ercd;
}

/* With dispatching disabled, only pol_flg polls (CHECK_DISPATCH). */
ER twai_flg(ID flgid, FLGPTN waiptn, MODE wfmode, FLGPTN *p_flgptn,
	    TMO tmout)
{
	CHECK_DISPATCH();
	return wait_flag(flgid, waiptn, wfmode, p_flgptn, tmout);
}

ER pol_flg(ID flgid, FLGPTN waiptn, MODE wfmode, FLGPTN *p_flgptn)
{
	CHECK_TSKCTX_UNL();
	return wait_flag(flgid, waiptn, wfmode, p_flgptn, TMO_POL);
}
