/*
 * Unitron - mailboxes (µITRON 4.0 4.4.4).
 */
#include "mailbox.h"

static void setup(MBXCB *p_mbxcb, const MBXINIB *p_mbxinib)
{
	queue_initialize(&p_mbxcb->wait_queue);
	p_mbxcb->p_mbxinib = p_mbxinib;
	p_mbxcb->p_head = NULL;
	p_mbxcb->p_last = NULL;
}

void initialize_mailbox(void)
{
	ID mbxid;

	for (mbxid = TMIN_MBXID; mbxid <= tmax_smbxid; mbxid++)
		setup(get_mbxcb(mbxid), &mbxinib_table[mbxid - TMIN_MBXID]);
	for (; mbxid <= tmax_mbxid; mbxid++)
		get_mbxcb(mbxid)->p_mbxinib = NULL;
}

/* mprihd: the kernel keeps one list; an area given is not used. */
static ER check_packet(const T_CMBX *pk_cmbx)
{
	CHECK_RSATR((pk_cmbx->mbxatr & ~(TA_TPRI | TA_MPRI)) == 0U);
	CHECK_PAR(TMIN_MPRI <= pk_cmbx->maxmpri &&
		  pk_cmbx->maxmpri <= TMAX_MPRI);
	return E_OK;
}

static ER construct(ID mbxid, const T_CMBX *pk_cmbx)
{
	MBXINIB *p_inib = AINIB(mbx, mbxid);

	p_inib->mbxatr = pk_cmbx->mbxatr;
	p_inib->maxmpri = pk_cmbx->maxmpri;
	setup(get_mbxcb(mbxid), p_inib);
	return E_OK;
}

static ER destruct(MBXCB *p_mbxcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_mbxcb->wait_queue, p_dspreq);
	p_mbxcb->p_mbxinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(mbx, MBX, get_mbxcb, p_mbxinib)

/* ini_mbx: waiters released with E_DLT, the messages forgotten. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	MBXCB *p_mbxcb = p_obj;

	(void)unused;
	if (p_mbxcb->p_mbxinib == NULL)
		return E_NOEXS;
	wait_delete_all(&p_mbxcb->wait_queue, p_dspreq);
	p_mbxcb->p_head = NULL;
	p_mbxcb->p_last = NULL;
	return E_OK;
}

ER ini_mbx(ID mbxid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MBXID(mbxid));
	return call_locked(reinitialize, get_mbxcb(mbxid), 0);
}

ER ref_mbx(ID mbxid, T_RMBX *pk_rmbx)
{
	MBXCB *p_mbxcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MBXID(mbxid));
	CHECK_PAR(pk_rmbx != NULL);
	p_mbxcb = get_mbxcb(mbxid);

	t_lock_cpu();
	if (p_mbxcb->p_mbxinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rmbx->wtskid = wait_queue_first_id(&p_mbxcb->wait_queue);
		pk_rmbx->pk_msg = p_mbxcb->p_head;
	}
	t_unlock_cpu();
	return ercd;
}

static BOOL mbx_prio(const MBXCB *p_mbxcb)
{
	return (p_mbxcb->p_mbxinib->mbxatr & TA_MPRI) != 0U;
}

static PRI msg_pri(T_MSG *p_msg)
{
	return ((T_MSG_PRI *)p_msg)->msgpri;
}

static void enqueue_msg(MBXCB *p_mbxcb, T_MSG *p_msg)
{
	T_MSG **pp_link = &p_mbxcb->p_head;

	if (mbx_prio(p_mbxcb)) {
		while (*pp_link != NULL && msg_pri(*pp_link) <= msg_pri(p_msg))
			pp_link = &(*pp_link)->next;
	} else if (p_mbxcb->p_head != NULL) {
		pp_link = &p_mbxcb->p_last->next;
	}
	p_msg->next = *pp_link;
	*pp_link = p_msg;
	if (p_msg->next == NULL)
		p_mbxcb->p_last = p_msg;
}

static T_MSG *dequeue_msg(MBXCB *p_mbxcb)
{
	T_MSG *p_msg = p_mbxcb->p_head;

	p_mbxcb->p_head = p_msg->next;
	if (p_mbxcb->p_head == NULL)
		p_mbxcb->p_last = NULL;
	return p_msg;
}

static ER send_message(VP p_obj, VP_INT msg, BOOL *p_dspreq)
{
	MBXCB *p_mbxcb = p_obj;
	T_MSG *pk_msg = (T_MSG *)msg;
	TCB *p_tcb;

	if (p_mbxcb->p_mbxinib == NULL)
		return E_NOEXS;
	if (mbx_prio(p_mbxcb) &&
	    !(TMIN_MPRI <= msg_pri(pk_msg) &&
	      msg_pri(pk_msg) <= p_mbxcb->p_mbxinib->maxmpri))
		return E_PAR;
	p_tcb = wait_queue_first(&p_mbxcb->wait_queue);
	if (p_tcb != NULL) {
		*((WINFO_MBX *)p_tcb->p_winfo)->ppk_msg = pk_msg;
		*p_dspreq = wait_release(p_tcb, E_OK);
	} else {
		enqueue_msg(p_mbxcb, pk_msg);
	}
	return E_OK;
}

ER snd_mbx(ID mbxid, T_MSG *pk_msg)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MBXID(mbxid));
	CHECK_PAR(pk_msg != NULL);
	return call_locked(send_message, get_mbxcb(mbxid), (VP_INT)pk_msg);
}

ER rcv_mbx(ID mbxid, T_MSG **ppk_msg)
{
	return trcv_mbx(mbxid, ppk_msg, TMO_FEVR);
}

static ER receive_message(ID mbxid, T_MSG **ppk_msg, TMO tmout)
{
	MBXCB *p_mbxcb;
	WINFO_MBX winfo;
	ER ercd;

	CHECK_ID(VALID_MBXID(mbxid));
	CHECK_PAR(ppk_msg != NULL);
	CHECK_TMOUT(tmout);
	p_mbxcb = get_mbxcb(mbxid);

	t_lock_cpu();
	if (!grd_open()) {
		ercd = E_RLWAI;
	} else if (p_mbxcb->p_mbxinib == NULL) {
		ercd = E_NOEXS;
	} else if (p_mbxcb->p_head != NULL) {
		*ppk_msg = dequeue_msg(p_mbxcb);
		ercd = E_OK;
	} else {
		ercd = E_TMOUT;
	}
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		winfo.ppk_msg = ppk_msg;
		wobj_make_wait_tmout((WOBJCB *)p_mbxcb, &winfo.winfo, TTW_MBX,
				     tmout);
		ercd = wait_dispatch();
	} else {
		grd_end(runtsk, ercd);
	}
	t_unlock_cpu();
	return ercd;
}

/* With dispatching disabled, only prcv_mbx polls (CHECK_DISPATCH). */
ER trcv_mbx(ID mbxid, T_MSG **ppk_msg, TMO tmout)
{
	CHECK_DISPATCH();
	return receive_message(mbxid, ppk_msg, tmout);
}

ER prcv_mbx(ID mbxid, T_MSG **ppk_msg)
{
	CHECK_TSKCTX_UNL();
	return receive_message(mbxid, ppk_msg, TMO_POL);
}
