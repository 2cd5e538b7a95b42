/*
 * Unitron - data queues (µITRON 4.0 4.4.3), including zero-capacity
 * queues where sender and receiver meet directly.
 */
#include "dataqueue.h"

static void setup(DTQCB *p_dtqcb, const DTQINIB *p_dtqinib)
{
	queue_initialize(&p_dtqcb->swait_queue);
	queue_initialize(&p_dtqcb->rwait_queue);
	p_dtqcb->p_dtqinib = p_dtqinib;
	p_dtqcb->count = 0U;
	p_dtqcb->head = 0U;
}

void initialize_dataqueue(void)
{
	ID dtqid;

	for (dtqid = TMIN_DTQID; dtqid <= tmax_sdtqid; dtqid++)
		setup(get_dtqcb(dtqid), &dtqinib_table[dtqid - TMIN_DTQID]);
	for (; dtqid <= tmax_dtqid; dtqid++)
		get_dtqcb(dtqid)->p_dtqinib = NULL;
}

static ER check_packet(const T_CDTQ *pk_cdtq)
{
	CHECK_RSATR((pk_cdtq->dtqatr & ~TA_TPRI) == 0U);
	return E_OK;
}

static ER construct(ID dtqid, const T_CDTQ *pk_cdtq)
{
	DTQINIB *p_inib = AINIB(dtq, dtqid);
	VP dtq = pk_cdtq->dtq;

	p_inib->dtqatr = pk_cdtq->dtqatr;
	if (kernel_area(&dtq, TSZ_DTQ(pk_cdtq->dtqcnt), &p_inib->dtqatr) !=
	    E_OK)
		return E_NOMEM;
	p_inib->dtqcnt = pk_cdtq->dtqcnt;
	p_inib->p_dtqmb = dtq;
	setup(get_dtqcb(dtqid), p_inib);
	return E_OK;
}

static ER destruct(DTQCB *p_dtqcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_dtqcb->swait_queue, p_dspreq);
	wait_delete_all(&p_dtqcb->rwait_queue, p_dspreq);
	kernel_area_free(p_dtqcb->p_dtqinib->p_dtqmb,
			 p_dtqcb->p_dtqinib->dtqatr);
	p_dtqcb->p_dtqinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(dtq, DTQ, get_dtqcb, p_dtqinib)

/* ini_dtq: waiters released with E_DLT, the queue emptied. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	DTQCB *p_dtqcb = p_obj;

	(void)unused;
	if (p_dtqcb->p_dtqinib == NULL)
		return E_NOEXS;
	wait_delete_all(&p_dtqcb->swait_queue, p_dspreq);
	wait_delete_all(&p_dtqcb->rwait_queue, p_dspreq);
	p_dtqcb->count = 0U;
	p_dtqcb->head = 0U;
	return E_OK;
}

ER ini_dtq(ID dtqid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_DTQID(dtqid));
	return call_locked(reinitialize, get_dtqcb(dtqid), 0);
}

ER ref_dtq(ID dtqid, T_RDTQ *pk_rdtq)
{
	DTQCB *p_dtqcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_DTQID(dtqid));
	CHECK_PAR(pk_rdtq != NULL);
	p_dtqcb = get_dtqcb(dtqid);

	t_lock_cpu();
	if (p_dtqcb->p_dtqinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rdtq->stskid = wait_queue_first_id(&p_dtqcb->swait_queue);
		pk_rdtq->rtskid = wait_queue_first_id(&p_dtqcb->rwait_queue);
		pk_rdtq->sdtqcnt = p_dtqcb->count;
	}
	t_unlock_cpu();
	return ercd;
}

static void ring_put(DTQCB *p_dtqcb, VP_INT data)
{
	const DTQINIB *p_inib = p_dtqcb->p_dtqinib;
	UINT tail = (p_dtqcb->head + p_dtqcb->count) % p_inib->dtqcnt;

	p_inib->p_dtqmb[tail] = data;
	p_dtqcb->count++;
}

static VP_INT ring_get(DTQCB *p_dtqcb)
{
	const DTQINIB *p_inib = p_dtqcb->p_dtqinib;
	VP_INT data = p_inib->p_dtqmb[p_dtqcb->head];

	p_dtqcb->head = (p_dtqcb->head + 1U) % p_inib->dtqcnt;
	p_dtqcb->count--;
	return data;
}

/* Hand data straight to the first waiting receiver, if any. */
static BOOL pass_to_receiver(DTQCB *p_dtqcb, VP_INT data, BOOL *p_dspreq)
{
	TCB *p_tcb = wait_queue_first(&p_dtqcb->rwait_queue);

	if (p_tcb == NULL)
		return FALSE;
	*((WINFO_DTQ *)p_tcb->p_winfo)->p_data = data;
	if (wait_release(p_tcb, E_OK))
		*p_dspreq = TRUE;
	return TRUE;
}

/* Send without waiting: E_TMOUT when neither a receiver nor room. */
static ER send_data(VP p_obj, VP_INT data, BOOL *p_dspreq)
{
	DTQCB *p_dtqcb = p_obj;

	if (p_dtqcb->p_dtqinib == NULL)
		return E_NOEXS;
	if (pass_to_receiver(p_dtqcb, data, p_dspreq))
		return E_OK;
	if (p_dtqcb->count < p_dtqcb->p_dtqinib->dtqcnt) {
		ring_put(p_dtqcb, data);
		return E_OK;
	}
	return E_TMOUT;
}

/* Forced send: the oldest entry is dropped when full. */
static ER force_send_data(VP p_obj, VP_INT data, BOOL *p_dspreq)
{
	DTQCB *p_dtqcb = p_obj;

	if (p_dtqcb->p_dtqinib == NULL)
		return E_NOEXS;
	if (p_dtqcb->p_dtqinib->dtqcnt == 0U)
		return E_ILUSE;
	if (pass_to_receiver(p_dtqcb, data, p_dspreq))
		return E_OK;
	if (p_dtqcb->count == p_dtqcb->p_dtqinib->dtqcnt)
		(void)ring_get(p_dtqcb);
	ring_put(p_dtqcb, data);
	return E_OK;
}

/*
 * Receive without waiting.  A waiting sender's data moves into the freed
 * slot (or, on a zero-capacity queue, straight to the receiver).
 */
static ER receive_data(DTQCB *p_dtqcb, VP_INT *p_data, BOOL *p_dspreq)
{
	TCB *p_tcb;

	if (p_dtqcb->p_dtqinib == NULL)
		return E_NOEXS;
	p_tcb = wait_queue_first(&p_dtqcb->swait_queue);
	if (p_dtqcb->count > 0U) {
		*p_data = ring_get(p_dtqcb);
		if (p_tcb != NULL)
			ring_put(p_dtqcb, ((WINFO_DTQ *)p_tcb->p_winfo)->data);
	} else if (p_tcb != NULL) {
		*p_data = ((WINFO_DTQ *)p_tcb->p_winfo)->data;
	} else {
		return E_TMOUT;
	}
	if (p_tcb != NULL && wait_release(p_tcb, E_OK))
		*p_dspreq = TRUE;
	return E_OK;
}

ER snd_dtq(ID dtqid, VP_INT data)
{
	return tsnd_dtq(dtqid, data, TMO_FEVR);
}

ER ipsnd_dtq(ID dtqid, VP_INT data)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_DTQID(dtqid));
	return call_locked(send_data, get_dtqcb(dtqid), data);
}

static ER send_or_wait(ID dtqid, VP_INT data, TMO tmout)
{
	DTQCB *p_dtqcb;
	WINFO_DTQ winfo;
	BOOL dspreq = FALSE;
	ER ercd;

	CHECK_ID(VALID_DTQID(dtqid));
	CHECK_TMOUT(tmout);
	p_dtqcb = get_dtqcb(dtqid);

	t_lock_cpu();
	ercd = grd_open() ? send_data(p_dtqcb, data, &dspreq) : E_RLWAI;
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		winfo.data = data;
		wobj_make_wait_tmout((WOBJCB *)p_dtqcb, &winfo.winfo, TTW_SDTQ,
				     tmout);
		ercd = wait_dispatch();
	} else {
		grd_end(runtsk, ercd);
		dispatch_request(dspreq);
	}
	t_unlock_cpu();
	return ercd;
}

/* With dispatching disabled, only psnd_dtq polls (CHECK_DISPATCH). */
ER tsnd_dtq(ID dtqid, VP_INT data, TMO tmout)
{
	CHECK_DISPATCH();
	return send_or_wait(dtqid, data, tmout);
}

ER psnd_dtq(ID dtqid, VP_INT data)
{
	CHECK_TSKCTX_UNL();
	return send_or_wait(dtqid, data, TMO_POL);
}

ER fsnd_dtq(ID dtqid, VP_INT data)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_DTQID(dtqid));
	return call_locked(force_send_data, get_dtqcb(dtqid), data);
}

ER ifsnd_dtq(ID dtqid, VP_INT data)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_DTQID(dtqid));
	return call_locked(force_send_data, get_dtqcb(dtqid), data);
}

ER rcv_dtq(ID dtqid, VP_INT *p_data)
{
	return trcv_dtq(dtqid, p_data, TMO_FEVR);
}

static ER receive_or_wait(ID dtqid, VP_INT *p_data, TMO tmout)
{
	DTQCB *p_dtqcb;
	WINFO_DTQ winfo;
	BOOL dspreq = FALSE;
	ER ercd;

	CHECK_ID(VALID_DTQID(dtqid));
	CHECK_PAR(p_data != NULL);
	CHECK_TMOUT(tmout);
	p_dtqcb = get_dtqcb(dtqid);

	t_lock_cpu();
	ercd = grd_open() ? receive_data(p_dtqcb, p_data, &dspreq) : E_RLWAI;
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		winfo.p_data = p_data;
		wobj_make_wait_queue((WOBJCB *)p_dtqcb, &p_dtqcb->rwait_queue,
				     FALSE, &winfo.winfo, TTW_RDTQ, tmout);
		ercd = wait_dispatch();
	} else {
		grd_end(runtsk, ercd);
		dispatch_request(dspreq);
	}
	t_unlock_cpu();
	return ercd;
}

/* With dispatching disabled, only prcv_dtq polls (CHECK_DISPATCH). */
ER trcv_dtq(ID dtqid, VP_INT *p_data, TMO tmout)
{
	CHECK_DISPATCH();
	return receive_or_wait(dtqid, p_data, tmout);
}

ER prcv_dtq(ID dtqid, VP_INT *p_data)
{
	CHECK_TSKCTX_UNL();
	return receive_or_wait(dtqid, p_data, TMO_POL);
}
