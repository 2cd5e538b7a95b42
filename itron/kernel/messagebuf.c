/*
 * Unitron - message buffers (µITRON 4.0 4.5.3), including zero-size
 * buffers where sender and receiver meet directly.
 *
 * Messages keep their order: a sender waits while others wait before it,
 * even when its message would fit, and the first waiting sender's message
 * goes into the ring as soon as there is room for it.
 */
#include "messagebuf.h"

static void empty_ring(MBFCB *p_mbfcb)
{
	p_mbfcb->fmbfsz = p_mbfcb->p_mbfinib->mbfsz;
	p_mbfcb->head = 0U;
	p_mbfcb->tail = 0U;
	p_mbfcb->smsgcnt = 0U;
}

static void setup(MBFCB *p_mbfcb, const MBFINIB *p_mbfinib)
{
	queue_initialize(&p_mbfcb->swait_queue);
	queue_initialize(&p_mbfcb->rwait_queue);
	p_mbfcb->p_mbfinib = p_mbfinib;
	empty_ring(p_mbfcb);
}

void initialize_messagebuf(void)
{
	ID mbfid;

	for (mbfid = TMIN_MBFID; mbfid <= tmax_smbfid; mbfid++)
		setup(get_mbfcb(mbfid), &mbfinib_table[mbfid - TMIN_MBFID]);
	for (; mbfid <= tmax_mbfid; mbfid++)
		get_mbfcb(mbfid)->p_mbfinib = NULL;
}

static ER check_packet(const T_CMBF *pk_cmbf)
{
	CHECK_RSATR((pk_cmbf->mbfatr & ~TA_TPRI) == 0U);
	CHECK_PAR(pk_cmbf->maxmsz > 0U);
	return E_OK;
}

static ER construct(ID mbfid, const T_CMBF *pk_cmbf)
{
	MBFINIB *p_inib = AINIB(mbf, mbfid);
	VP mbf = pk_cmbf->mbf;

	p_inib->mbfatr = pk_cmbf->mbfatr;
	if (kernel_area(&mbf, pk_cmbf->mbfsz, &p_inib->mbfatr) != E_OK)
		return E_NOMEM;
	p_inib->maxmsz = pk_cmbf->maxmsz;
	p_inib->mbfsz = pk_cmbf->mbfsz;
	p_inib->mbfmb = mbf;
	setup(get_mbfcb(mbfid), p_inib);
	return E_OK;
}

static ER destruct(MBFCB *p_mbfcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_mbfcb->swait_queue, p_dspreq);
	wait_delete_all(&p_mbfcb->rwait_queue, p_dspreq);
	kernel_area_free(p_mbfcb->p_mbfinib->mbfmb,
			 p_mbfcb->p_mbfinib->mbfatr);
	p_mbfcb->p_mbfinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(mbf, MBF, get_mbfcb, p_mbfinib)

/* ini_mbf: waiters released with E_DLT, the messages forgotten. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	MBFCB *p_mbfcb = p_obj;

	(void)unused;
	if (p_mbfcb->p_mbfinib == NULL)
		return E_NOEXS;
	wait_delete_all(&p_mbfcb->swait_queue, p_dspreq);
	wait_delete_all(&p_mbfcb->rwait_queue, p_dspreq);
	empty_ring(p_mbfcb);
	return E_OK;
}

ER ini_mbf(ID mbfid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MBFID(mbfid));
	return call_locked(reinitialize, get_mbfcb(mbfid), 0);
}

/* Copy n bytes in at the tail, wrapping at the end of the ring. */
static void ring_write(MBFCB *p_mbfcb, const UB *src, SIZE n)
{
	const MBFINIB *p_inib = p_mbfcb->p_mbfinib;
	SIZE first = p_inib->mbfsz - p_mbfcb->tail;

	if (first > n)
		first = n;
	copy_bytes(p_inib->mbfmb + p_mbfcb->tail, src, first);
	copy_bytes(p_inib->mbfmb, src + first, n - first);
	p_mbfcb->tail = (p_mbfcb->tail + n) % p_inib->mbfsz;
}

/* Copy n bytes out from the head. */
static void ring_read(MBFCB *p_mbfcb, UB *dst, SIZE n)
{
	const MBFINIB *p_inib = p_mbfcb->p_mbfinib;
	SIZE first = p_inib->mbfsz - p_mbfcb->head;

	if (first > n)
		first = n;
	copy_bytes(dst, p_inib->mbfmb + p_mbfcb->head, first);
	copy_bytes(dst + first, p_inib->mbfmb, n - first);
	p_mbfcb->head = (p_mbfcb->head + n) % p_inib->mbfsz;
}

static BOOL ring_store(MBFCB *p_mbfcb, const UB *msg, UINT msgsz)
{
	if (p_mbfcb->fmbfsz < sizeof(UINT) + (SIZE)msgsz)
		return FALSE;
	ring_write(p_mbfcb, (const UB *)&msgsz, sizeof(UINT));
	ring_write(p_mbfcb, msg, msgsz);
	p_mbfcb->fmbfsz -= sizeof(UINT) + (SIZE)msgsz;
	p_mbfcb->smsgcnt++;
	return TRUE;
}

static UINT ring_fetch(MBFCB *p_mbfcb, UB *msg)
{
	UINT msgsz;

	ring_read(p_mbfcb, (UB *)&msgsz, sizeof(UINT));
	ring_read(p_mbfcb, msg, msgsz);
	p_mbfcb->fmbfsz += sizeof(UINT) + (SIZE)msgsz;
	p_mbfcb->smsgcnt--;
	return msgsz;
}

/* The object served a waiting sender: it leaves with E_OK. */
static void release_sender(TCB *p_tcb, BOOL *p_dspreq)
{
	wait_leave_queue(p_tcb);
	if (wait_release(p_tcb, E_OK))
		*p_dspreq = TRUE;
}

/* Move the waiting senders' messages into the ring while they fit. */
static void accept_senders(MBFCB *p_mbfcb, BOOL *p_dspreq)
{
	TCB *p_tcb;

	while ((p_tcb = wait_queue_first(&p_mbfcb->swait_queue)) != NULL) {
		WINFO_MBF *p_winfo = (WINFO_MBF *)p_tcb->p_winfo;

		if (!ring_store(p_mbfcb, p_winfo->msg, p_winfo->msgsz))
			break;
		release_sender(p_tcb, p_dspreq);
	}
}

void messagebuf_senders_changed(MBFCB *p_mbfcb)
{
	BOOL dspreq = FALSE;

	accept_senders(p_mbfcb, &dspreq);
}

/* Send without waiting: E_TMOUT when neither a receiver nor room. */
static ER send_message(MBFCB *p_mbfcb, VP msg, UINT msgsz, BOOL *p_dspreq)
{
	TCB *p_tcb;

	if (p_mbfcb->p_mbfinib == NULL)
		return E_NOEXS;
	if (msgsz > p_mbfcb->p_mbfinib->maxmsz)
		return E_PAR;
	p_tcb = wait_queue_first(&p_mbfcb->rwait_queue);
	if (p_tcb != NULL) {
		copy_bytes(((WINFO_MBF *)p_tcb->p_winfo)->msg, msg, msgsz);
		if (wait_release(p_tcb, (ER)msgsz))
			*p_dspreq = TRUE;
		return E_OK;
	}
	if (queue_empty(&p_mbfcb->swait_queue) &&
	    ring_store(p_mbfcb, msg, msgsz))
		return E_OK;
	return E_TMOUT;
}

/*
 * Receive without waiting: from the ring, or, when it is empty, straight
 * from the first sender (a zero-size buffer, or a message that could not
 * fit).  Either way the waiting senders then fill the room made.
 */
static ER_UINT receive_message(MBFCB *p_mbfcb, VP msg, BOOL *p_dspreq)
{
	TCB *p_tcb;
	ER_UINT msgsz;

	if (p_mbfcb->p_mbfinib == NULL)
		return E_NOEXS;
	p_tcb = wait_queue_first(&p_mbfcb->swait_queue);
	if (p_mbfcb->smsgcnt > 0U) {
		msgsz = (ER_UINT)ring_fetch(p_mbfcb, msg);
	} else if (p_tcb != NULL) {
		WINFO_MBF *p_winfo = (WINFO_MBF *)p_tcb->p_winfo;

		copy_bytes(msg, p_winfo->msg, p_winfo->msgsz);
		msgsz = (ER_UINT)p_winfo->msgsz;
		release_sender(p_tcb, p_dspreq);
	} else {
		return E_TMOUT;
	}
	accept_senders(p_mbfcb, p_dspreq);
	return msgsz;
}

static ER send_or_wait(ID mbfid, VP msg, UINT msgsz, TMO tmout)
{
	MBFCB *p_mbfcb;
	WINFO_MBF winfo;
	BOOL dspreq = FALSE;
	ER ercd;

	CHECK_ID(VALID_MBFID(mbfid));
	CHECK_PAR(msgsz > 0U);		/* maxmsz: in send_message */
	CHECK_PAR(msg != NULL);
	CHECK_TMOUT(tmout);
	p_mbfcb = get_mbfcb(mbfid);

	t_lock_cpu();
	ercd = send_message(p_mbfcb, msg, msgsz, &dspreq);
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		winfo.msg = msg;
		winfo.msgsz = msgsz;
		wobj_make_wait_tmout((WOBJCB *)p_mbfcb, &winfo.winfo, TTW_SMBF,
				     tmout);
		ercd = wait_dispatch();
	} else {
		dispatch_request(dspreq);
	}
	t_unlock_cpu();
	return ercd;
}

ER snd_mbf(ID mbfid, VP msg, UINT msgsz)
{
	return tsnd_mbf(mbfid, msg, msgsz, TMO_FEVR);
}

ER psnd_mbf(ID mbfid, VP msg, UINT msgsz)
{
	CHECK_TSKCTX_UNL();
	return send_or_wait(mbfid, msg, msgsz, TMO_POL);
}

ER tsnd_mbf(ID mbfid, VP msg, UINT msgsz, TMO tmout)
{
	CHECK_DISPATCH();
	return send_or_wait(mbfid, msg, msgsz, tmout);
}

static ER_UINT receive_or_wait(ID mbfid, VP msg, TMO tmout)
{
	MBFCB *p_mbfcb;
	WINFO_MBF winfo;
	BOOL dspreq = FALSE;
	ER_UINT ercd;

	CHECK_ID(VALID_MBFID(mbfid));
	CHECK_PAR(msg != NULL);
	CHECK_TMOUT(tmout);
	p_mbfcb = get_mbfcb(mbfid);

	t_lock_cpu();
	ercd = receive_message(p_mbfcb, msg, &dspreq);
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		winfo.msg = msg;
		wobj_make_wait_queue((WOBJCB *)p_mbfcb, &p_mbfcb->rwait_queue,
				     FALSE, &winfo.winfo, TTW_RMBF, tmout);
		ercd = wait_dispatch();
	} else {
		dispatch_request(dspreq);
	}
	t_unlock_cpu();
	return ercd;
}

ER_UINT rcv_mbf(ID mbfid, VP msg)
{
	return trcv_mbf(mbfid, msg, TMO_FEVR);
}

ER_UINT prcv_mbf(ID mbfid, VP msg)
{
	CHECK_TSKCTX_UNL();
	return receive_or_wait(mbfid, msg, TMO_POL);
}

ER_UINT trcv_mbf(ID mbfid, VP msg, TMO tmout)
{
	CHECK_DISPATCH();
	return receive_or_wait(mbfid, msg, tmout);
}

ER ref_mbf(ID mbfid, T_RMBF *pk_rmbf)
{
	MBFCB *p_mbfcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MBFID(mbfid));
	CHECK_PAR(pk_rmbf != NULL);
	p_mbfcb = get_mbfcb(mbfid);

	t_lock_cpu();
	if (p_mbfcb->p_mbfinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rmbf->stskid = wait_queue_first_id(&p_mbfcb->swait_queue);
		pk_rmbf->rtskid = wait_queue_first_id(&p_mbfcb->rwait_queue);
		pk_rmbf->smsgcnt = p_mbfcb->smsgcnt;
		pk_rmbf->fmbfsz = p_mbfcb->fmbfsz;
	}
	t_unlock_cpu();
	return ercd;
}
