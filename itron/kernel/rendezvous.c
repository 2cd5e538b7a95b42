/*
 * Unitron - rendezvous (µITRON 4.0 4.5.4).
 *
 * A caller and an acceptor meet at a port when their patterns share a
 * bit; the call message goes to the acceptor, and the caller waits, with
 * no timeout, until the acceptor replies (rpl_rdv) or forwards the
 * rendezvous to another port (fwd_por).  A rendezvous number names the
 * caller (its task ID, low 16 bits) and the rendezvous (a count, high
 * bits), so a reply to a rendezvous that has ended - the caller released
 * or ended meanwhile - finds no match and gets E_OBJ.  (The count wraps
 * after 65536 rendezvous: a number kept that long after its rendezvous
 * ended could match the same task's newest.)
 */
#include "rendezvous.h"

static UINT	rdvseq;

static void setup(PORCB *p_porcb, const PORINIB *p_porinib)
{
	queue_initialize(&p_porcb->cwait_queue);
	queue_initialize(&p_porcb->await_queue);
	p_porcb->p_porinib = p_porinib;
}

void initialize_rendezvous(void)
{
	ID porid;

	rdvseq = 0U;
	for (porid = TMIN_PORID; porid <= tmax_sporid; porid++)
		setup(get_porcb(porid), &porinib_table[porid - TMIN_PORID]);
	for (; porid <= tmax_porid; porid++)
		get_porcb(porid)->p_porinib = NULL;
}

static ER check_packet(const T_CPOR *pk_cpor)
{
	CHECK_RSATR((pk_cpor->poratr & ~TA_TPRI) == 0U);
	return E_OK;
}

static ER construct(ID porid, const T_CPOR *pk_cpor)
{
	PORINIB *p_inib = AINIB(por, porid);

	p_inib->poratr = pk_cpor->poratr;
	p_inib->maxcmsz = pk_cpor->maxcmsz;
	p_inib->maxrmsz = pk_cpor->maxrmsz;
	setup(get_porcb(porid), p_inib);
	return E_OK;
}

/* Rendezvous in progress go on: their callers left the port. */
static ER destruct(PORCB *p_porcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_porcb->cwait_queue, p_dspreq);
	wait_delete_all(&p_porcb->await_queue, p_dspreq);
	p_porcb->p_porinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(por, POR, get_porcb, p_porinib)

static RDVNO new_rdvno(const TCB *p_tcb)
{
	rdvseq++;
	return (RDVNO)((rdvseq << 16) | (UINT)TSKID(p_tcb));
}

/* The caller in rendezvous rdvno, or NULL if it is not (any more). */
static TCB *rendezvous_caller(RDVNO rdvno)
{
	ID tskid = (ID)(rdvno & 0xffffU);
	TCB *p_tcb;

	if (!VALID_TSKID(tskid))
		return NULL;
	p_tcb = get_tcb(tskid);
	if (!TSTAT_WAITING(p_tcb->tstat) ||
	    p_tcb->p_winfo->wreason != TTW_RDV ||
	    ((WINFO_CAL *)p_tcb->p_winfo)->rdvno != rdvno)
		return NULL;
	return p_tcb;
}

/* The first task on queue whose pattern shares a bit with ptn. */
static TCB *first_matching(QUEUE *p_queue, BOOL callers, RDVPTN ptn)
{
	QUEUE *p_entry;

	for (p_entry = p_queue->p_next; p_entry != p_queue;
	     p_entry = p_entry->p_next) {
		TCB *p_tcb = container_of_queue(p_entry, TCB, task_queue);
		RDVPTN other = callers ?
			       ((WINFO_CAL *)p_tcb->p_winfo)->calptn :
			       ((WINFO_ACP *)p_tcb->p_winfo)->acpptn;

		if ((other & ptn) != 0U)
			return p_tcb;
	}
	return NULL;
}

/*
 * The rendezvous starts: the call message goes to the acceptor, the
 * caller (waiting or not yet) is numbered, and the acceptor waiting for
 * it is released with the message's length.
 */
static void meet_acceptor(TCB *p_acp, WINFO_CAL *p_cal, TCB *p_caller,
			  const PORCB *p_porcb, BOOL *p_dspreq)
{
	WINFO_ACP *p_winfo = (WINFO_ACP *)p_acp->p_winfo;

	p_cal->rdvno = new_rdvno(p_caller);
	p_cal->maxrmsz = p_porcb->p_porinib->maxrmsz;
	copy_bytes(p_winfo->msg, p_cal->msg, p_cal->cmsgsz);
	*p_winfo->p_rdvno = p_cal->rdvno;
	if (wait_release(p_acp, (ER)p_cal->cmsgsz))
		*p_dspreq = TRUE;
}

static ER_UINT call_or_wait(ID porid, RDVPTN calptn, VP msg, UINT cmsgsz,
			    TMO tmout)
{
	PORCB *p_porcb;
	WINFO_CAL winfo;
	TCB *p_acp;
	BOOL dspreq = FALSE;
	ER_UINT ercd;

	CHECK_ID(VALID_PORID(porid));
	CHECK_PAR(calptn != 0U);
	CHECK_PAR(msg != NULL);
	CHECK_TMOUT(tmout);
	p_porcb = get_porcb(porid);

	winfo.calptn = calptn;
	winfo.msg = msg;
	winfo.cmsgsz = cmsgsz;
	t_lock_cpu();
	if (p_porcb->p_porinib == NULL) {
		ercd = E_NOEXS;
	} else if (cmsgsz > p_porcb->p_porinib->maxcmsz) {
		ercd = E_PAR;
	} else if ((p_acp = first_matching(&p_porcb->await_queue, FALSE,
					   calptn)) != NULL) {
		meet_acceptor(p_acp, &winfo, runtsk, p_porcb, &dspreq);
		make_wait_tmout(&winfo.winfo, TTW_RDV, TMO_FEVR);
		ercd = wait_dispatch();
	} else if (tmout == TMO_POL) {
		ercd = E_TMOUT;
	} else {
		wobj_make_wait_tmout((WOBJCB *)p_porcb, &winfo.winfo, TTW_CAL,
				     tmout);
		ercd = wait_dispatch();
	}
	t_unlock_cpu();
	return ercd;
}

ER_UINT cal_por(ID porid, RDVPTN calptn, VP msg, UINT cmsgsz)
{
	return tcal_por(porid, calptn, msg, cmsgsz, TMO_FEVR);
}

/*
 * tmout bounds the wait for an acceptor; the rendezvous itself has no
 * timeout.  A call always waits, even with TMO_POL when an acceptor is
 * there: with dispatching disabled, E_CTX.
 */
ER_UINT tcal_por(ID porid, RDVPTN calptn, VP msg, UINT cmsgsz, TMO tmout)
{
	CHECK_DISPATCH();
	return call_or_wait(porid, calptn, msg, cmsgsz, tmout);
}

/*
 * A waiting caller is accepted: off the port's queue and its timeout, it
 * now waits for the rendezvous to end.
 */
static void accept_caller(TCB *p_caller, const PORCB *p_porcb)
{
	WINFO_CAL *p_winfo = (WINFO_CAL *)p_caller->p_winfo;

	wait_leave_queue(p_caller);
	wait_stop_timeout(p_caller);
	p_winfo->winfo.wreason = TTW_RDV;
	p_winfo->winfo.p_wobjcb = NULL;
	p_winfo->rdvno = new_rdvno(p_caller);
	p_winfo->maxrmsz = p_porcb->p_porinib->maxrmsz;
}

static ER_UINT accept_or_wait(ID porid, RDVPTN acpptn, RDVNO *p_rdvno,
			      VP msg, TMO tmout)
{
	PORCB *p_porcb;
	WINFO_ACP winfo;
	TCB *p_caller;
	ER_UINT ercd;

	CHECK_ID(VALID_PORID(porid));
	CHECK_PAR(acpptn != 0U);
	CHECK_PAR(p_rdvno != NULL && msg != NULL);
	CHECK_TMOUT(tmout);
	p_porcb = get_porcb(porid);

	t_lock_cpu();
	if (p_porcb->p_porinib == NULL) {
		ercd = E_NOEXS;
	} else if ((p_caller = first_matching(&p_porcb->cwait_queue, TRUE,
					      acpptn)) != NULL) {
		WINFO_CAL *p_cal = (WINFO_CAL *)p_caller->p_winfo;

		accept_caller(p_caller, p_porcb);
		copy_bytes(msg, p_cal->msg, p_cal->cmsgsz);
		*p_rdvno = p_cal->rdvno;
		ercd = (ER_UINT)p_cal->cmsgsz;
	} else if (tmout == TMO_POL) {
		ercd = E_TMOUT;
	} else {
		winfo.acpptn = acpptn;
		winfo.p_rdvno = p_rdvno;
		winfo.msg = msg;
		wobj_make_wait_queue((WOBJCB *)p_porcb, &p_porcb->await_queue,
				     FALSE, &winfo.winfo, TTW_ACP, tmout);
		ercd = wait_dispatch();
	}
	t_unlock_cpu();
	return ercd;
}

ER_UINT acp_por(ID porid, RDVPTN acpptn, RDVNO *p_rdvno, VP msg)
{
	return tacp_por(porid, acpptn, p_rdvno, msg, TMO_FEVR);
}

ER_UINT pacp_por(ID porid, RDVPTN acpptn, RDVNO *p_rdvno, VP msg)
{
	CHECK_TSKCTX_UNL();
	return accept_or_wait(porid, acpptn, p_rdvno, msg, TMO_POL);
}

ER_UINT tacp_por(ID porid, RDVPTN acpptn, RDVNO *p_rdvno, VP msg,
		 TMO tmout)
{
	CHECK_DISPATCH();
	return accept_or_wait(porid, acpptn, p_rdvno, msg, tmout);
}

/*
 * The caller of rendezvous rdvno calls port porid again, with calptn and
 * a new message, as if it had called it, except that it waits without a
 * timeout.  Its reply may not be longer than its first port's allowed.
 */
ER fwd_por(ID porid, RDVPTN calptn, RDVNO rdvno, VP msg, UINT cmsgsz)
{
	PORCB *p_porcb;
	TCB *p_caller, *p_acp;
	WINFO_CAL *p_cal;
	BOOL dspreq = FALSE;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_PORID(porid));
	CHECK_PAR(calptn != 0U);
	CHECK_PAR(msg != NULL || cmsgsz == 0U);
	p_porcb = get_porcb(porid);

	t_lock_cpu();
	p_caller = rendezvous_caller(rdvno);
	if (p_porcb->p_porinib == NULL) {
		ercd = E_NOEXS;
		goto out;
	}
	if (cmsgsz > p_porcb->p_porinib->maxcmsz) {
		ercd = E_PAR;
		goto out;
	}
	if (p_caller == NULL) {
		ercd = E_OBJ;
		goto out;
	}
	p_cal = (WINFO_CAL *)p_caller->p_winfo;
	if (cmsgsz > p_cal->maxrmsz) {
		ercd = E_PAR;		/* the caller's buffer may not hold it */
		goto out;
	}
	if (p_porcb->p_porinib->maxrmsz > p_cal->maxrmsz) {
		ercd = E_ILUSE;
		goto out;
	}
	copy_bytes(p_cal->msg, msg, cmsgsz);
	p_cal->calptn = calptn;
	p_cal->cmsgsz = cmsgsz;
	p_acp = first_matching(&p_porcb->await_queue, FALSE, calptn);
	if (p_acp != NULL) {
		meet_acceptor(p_acp, p_cal, p_caller, p_porcb, &dspreq);
	} else {
		p_cal->winfo.wreason = TTW_CAL;
		wait_enter_queue(p_caller, (WOBJCB *)p_porcb);
	}
	dispatch_request(dspreq);
out:
	t_unlock_cpu();
	return ercd;
}

ER rpl_rdv(RDVNO rdvno, VP msg, UINT rmsgsz)
{
	TCB *p_caller;
	WINFO_CAL *p_cal;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_PAR(msg != NULL || rmsgsz == 0U);

	t_lock_cpu();
	p_caller = rendezvous_caller(rdvno);
	if (p_caller == NULL) {
		ercd = E_OBJ;
	} else if (rmsgsz > (p_cal = (WINFO_CAL *)p_caller->p_winfo)->maxrmsz) {
		ercd = E_PAR;
	} else {
		copy_bytes(p_cal->msg, msg, rmsgsz);
		dispatch_request(wait_release(p_caller, (ER)rmsgsz));
	}
	t_unlock_cpu();
	return ercd;
}

ER ref_por(ID porid, T_RPOR *pk_rpor)
{
	PORCB *p_porcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_PORID(porid));
	CHECK_PAR(pk_rpor != NULL);
	p_porcb = get_porcb(porid);

	t_lock_cpu();
	if (p_porcb->p_porinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rpor->ctskid = wait_queue_first_id(&p_porcb->cwait_queue);
		pk_rpor->atskid = wait_queue_first_id(&p_porcb->await_queue);
	}
	t_unlock_cpu();
	return ercd;
}

ER ref_rdv(RDVNO rdvno, T_RRDV *pk_rrdv)
{
	TCB *p_caller;

	CHECK_TSKCTX_UNL();
	CHECK_PAR(pk_rrdv != NULL);

	t_lock_cpu();
	p_caller = rendezvous_caller(rdvno);
	pk_rrdv->wtskid = p_caller != NULL ? TSKID(p_caller) : TSK_NONE;
	t_unlock_cpu();
	return E_OK;
}
