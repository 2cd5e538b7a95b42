/*
 * Unitron - priority data queues (TOPPERS/ASP 1.x): data queues whose
 * data carry a priority (1 is the highest) and come out in priority
 * order, in FIFO order within one priority.  As with data queues, a
 * waiting receiver takes a datum at once, a zero-capacity queue makes
 * sender and receiver meet, and a sender waits when the queue is full.
 */
#include "pridataq.h"

/* Every entry free, the queue empty. */
static void empty_queue(PDQCB *p_pdqcb)
{
	const PDQINIB *p_inib = p_pdqcb->p_pdqinib;
	UINT i;

	p_pdqcb->count = 0U;
	p_pdqcb->p_head = NULL;
	p_pdqcb->p_free = NULL;
	for (i = p_inib->pdqcnt; i > 0U; i--) {
		p_inib->p_pdqmb[i - 1U].p_next = p_pdqcb->p_free;
		p_pdqcb->p_free = &p_inib->p_pdqmb[i - 1U];
	}
}

static void setup(PDQCB *p_pdqcb, const PDQINIB *p_pdqinib)
{
	queue_initialize(&p_pdqcb->swait_queue);
	queue_initialize(&p_pdqcb->rwait_queue);
	p_pdqcb->p_pdqinib = p_pdqinib;
	empty_queue(p_pdqcb);
}

void initialize_pridataq(void)
{
	ID pdqid;

	for (pdqid = TMIN_PDQID; pdqid <= tmax_spdqid; pdqid++)
		setup(get_pdqcb(pdqid), &pdqinib_table[pdqid - TMIN_PDQID]);
	for (; pdqid <= tmax_pdqid; pdqid++)
		get_pdqcb(pdqid)->p_pdqinib = NULL;
}

_Static_assert(sizeof(PDQMB) == TSZ_PDQMB(1), "TSZ_PDQMB is PDQMB's size");

static ER check_packet(const T_CPDQ *pk_cpdq)
{
	CHECK_RSATR((pk_cpdq->pdqatr & ~TA_TPRI) == 0U);
	CHECK_PAR(TMIN_DPRI <= pk_cpdq->maxdpri &&
		  pk_cpdq->maxdpri <= TMAX_DPRI);
	return E_OK;
}

static ER construct(ID pdqid, const T_CPDQ *pk_cpdq)
{
	PDQINIB *p_inib = AINIB(pdq, pdqid);
	VP p_pdqmb = pk_cpdq->pdqmb;

	p_inib->pdqatr = pk_cpdq->pdqatr;
	if (kernel_area(&p_pdqmb, TSZ_PDQMB(pk_cpdq->pdqcnt),
			&p_inib->pdqatr) != E_OK)
		return E_NOMEM;
	p_inib->pdqcnt = pk_cpdq->pdqcnt;
	p_inib->maxdpri = pk_cpdq->maxdpri;
	p_inib->p_pdqmb = p_pdqmb;
	setup(get_pdqcb(pdqid), p_inib);
	return E_OK;
}

static ER destruct(PDQCB *p_pdqcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_pdqcb->swait_queue, p_dspreq);
	wait_delete_all(&p_pdqcb->rwait_queue, p_dspreq);
	kernel_area_free(p_pdqcb->p_pdqinib->p_pdqmb,
			 p_pdqcb->p_pdqinib->pdqatr);
	p_pdqcb->p_pdqinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(pdq, PDQ, get_pdqcb, p_pdqinib)

/* Into the list after the data of the same or higher priority. */
static BOOL enqueue(PDQCB *p_pdqcb, VP_INT data, PRI datapri)
{
	PDQMB *p_entry = p_pdqcb->p_free, **pp = &p_pdqcb->p_head;

	if (p_entry == NULL)
		return FALSE;
	p_pdqcb->p_free = p_entry->p_next;
	while (*pp != NULL && (*pp)->datapri <= datapri)
		pp = &(*pp)->p_next;
	p_entry->data = data;
	p_entry->datapri = datapri;
	p_entry->p_next = *pp;
	*pp = p_entry;
	p_pdqcb->count++;
	return TRUE;
}

static void dequeue(PDQCB *p_pdqcb, VP_INT *p_data, PRI *p_datapri)
{
	PDQMB *p_entry = p_pdqcb->p_head;

	p_pdqcb->p_head = p_entry->p_next;
	p_entry->p_next = p_pdqcb->p_free;
	p_pdqcb->p_free = p_entry;
	p_pdqcb->count--;
	*p_data = p_entry->data;
	*p_datapri = p_entry->datapri;
}

/* Send without waiting: E_TMOUT when neither a receiver nor room. */
static ER send_data(PDQCB *p_pdqcb, VP_INT data, PRI datapri,
		    BOOL *p_dspreq)
{
	TCB *p_tcb;

	if (p_pdqcb->p_pdqinib == NULL)
		return E_NOEXS;
	if (datapri > p_pdqcb->p_pdqinib->maxdpri)
		return E_PAR;
	p_tcb = wait_queue_first(&p_pdqcb->rwait_queue);
	if (p_tcb != NULL) {
		WINFO_PDQ *p_winfo = (WINFO_PDQ *)p_tcb->p_winfo;

		p_winfo->data = data;
		p_winfo->datapri = datapri;
		if (wait_release(p_tcb, E_OK))
			*p_dspreq = TRUE;
		return E_OK;
	}
	return enqueue(p_pdqcb, data, datapri) ? E_OK : E_TMOUT;
}

/*
 * Receive without waiting.  A waiting sender's datum moves into the
 * freed entry (or, with zero capacity, straight to the receiver).
 */
static ER receive_data(PDQCB *p_pdqcb, VP_INT *p_data, PRI *p_datapri,
		       BOOL *p_dspreq)
{
	TCB *p_tcb;
	WINFO_PDQ *p_winfo;

	if (p_pdqcb->p_pdqinib == NULL)
		return E_NOEXS;
	p_tcb = wait_queue_first(&p_pdqcb->swait_queue);
	if (p_pdqcb->count > 0U) {
		dequeue(p_pdqcb, p_data, p_datapri);
		if (p_tcb == NULL)
			return E_OK;
		p_winfo = (WINFO_PDQ *)p_tcb->p_winfo;
		(void)enqueue(p_pdqcb, p_winfo->data, p_winfo->datapri);
	} else if (p_tcb != NULL) {
		p_winfo = (WINFO_PDQ *)p_tcb->p_winfo;
		*p_data = p_winfo->data;
		*p_datapri = p_winfo->datapri;
	} else {
		return E_TMOUT;
	}
	if (wait_release(p_tcb, E_OK))
		*p_dspreq = TRUE;
	return E_OK;
}

static ER send_or_wait(ID pdqid, VP_INT data, PRI datapri, TMO tmout)
{
	PDQCB *p_pdqcb;
	WINFO_PDQ winfo;
	BOOL dspreq = FALSE;
	ER ercd;

	CHECK_ID(VALID_PDQID(pdqid));
	CHECK_PAR(TMIN_DPRI <= datapri);	/* maxdpri: in send_data */
	p_pdqcb = get_pdqcb(pdqid);
	CHECK_TMOUT(tmout);

	t_lock_cpu();
	ercd = send_data(p_pdqcb, data, datapri, &dspreq);
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		winfo.data = data;
		winfo.datapri = datapri;
		wobj_make_wait_tmout((WOBJCB *)p_pdqcb, &winfo.winfo, TTW_SPDQ,
				     tmout);
		ercd = wait_dispatch();
	} else {
		dispatch_request(dspreq);
	}
	t_unlock_cpu();
	return ercd;
}

ER snd_pdq(ID pdqid, VP_INT data, PRI datapri)
{
	return tsnd_pdq(pdqid, data, datapri, TMO_FEVR);
}

ER psnd_pdq(ID pdqid, VP_INT data, PRI datapri)
{
	CHECK_TSKCTX_UNL();
	return send_or_wait(pdqid, data, datapri, TMO_POL);
}

/* With dispatching disabled, only psnd_pdq polls (CHECK_DISPATCH). */
ER tsnd_pdq(ID pdqid, VP_INT data, PRI datapri, TMO tmout)
{
	CHECK_DISPATCH();
	return send_or_wait(pdqid, data, datapri, tmout);
}

ER ipsnd_pdq(ID pdqid, VP_INT data, PRI datapri)
{
	PDQCB *p_pdqcb;
	BOOL dspreq = FALSE;
	ER ercd;

	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_PDQID(pdqid));
	CHECK_PAR(TMIN_DPRI <= datapri);	/* maxdpri: in send_data */
	p_pdqcb = get_pdqcb(pdqid);

	i_lock_cpu();
	ercd = send_data(p_pdqcb, data, datapri, &dspreq);
	dispatch_request(dspreq);
	i_unlock_cpu();
	return ercd;
}

static ER receive_or_wait(ID pdqid, VP_INT *p_data, PRI *p_datapri,
			  TMO tmout)
{
	PDQCB *p_pdqcb;
	WINFO_PDQ winfo;
	BOOL dspreq = FALSE;
	ER ercd;

	CHECK_ID(VALID_PDQID(pdqid));
	CHECK_PAR(p_data != NULL && p_datapri != NULL);
	CHECK_TMOUT(tmout);
	p_pdqcb = get_pdqcb(pdqid);

	t_lock_cpu();
	ercd = receive_data(p_pdqcb, p_data, p_datapri, &dspreq);
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		wobj_make_wait_queue((WOBJCB *)p_pdqcb, &p_pdqcb->rwait_queue,
				     FALSE, &winfo.winfo, TTW_RPDQ, tmout);
		ercd = wait_dispatch();
		if (ercd == E_OK) {
			*p_data = winfo.data;
			*p_datapri = winfo.datapri;
		}
	} else {
		dispatch_request(dspreq);
	}
	t_unlock_cpu();
	return ercd;
}

ER rcv_pdq(ID pdqid, VP_INT *p_data, PRI *p_datapri)
{
	return trcv_pdq(pdqid, p_data, p_datapri, TMO_FEVR);
}

ER prcv_pdq(ID pdqid, VP_INT *p_data, PRI *p_datapri)
{
	CHECK_TSKCTX_UNL();
	return receive_or_wait(pdqid, p_data, p_datapri, TMO_POL);
}

/* With dispatching disabled, only prcv_pdq polls (CHECK_DISPATCH). */
ER trcv_pdq(ID pdqid, VP_INT *p_data, PRI *p_datapri, TMO tmout)
{
	CHECK_DISPATCH();
	return receive_or_wait(pdqid, p_data, p_datapri, tmout);
}

/* ini_pdq: waiters released with E_DLT, the queue emptied. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	PDQCB *p_pdqcb = p_obj;

	(void)unused;
	if (p_pdqcb->p_pdqinib == NULL)
		return E_NOEXS;
	wait_delete_all(&p_pdqcb->swait_queue, p_dspreq);
	wait_delete_all(&p_pdqcb->rwait_queue, p_dspreq);
	empty_queue(p_pdqcb);
	return E_OK;
}

ER ini_pdq(ID pdqid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_PDQID(pdqid));
	return call_locked(reinitialize, get_pdqcb(pdqid), 0);
}

ER ref_pdq(ID pdqid, T_RPDQ *pk_rpdq)
{
	PDQCB *p_pdqcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_PDQID(pdqid));
	CHECK_PAR(pk_rpdq != NULL);
	p_pdqcb = get_pdqcb(pdqid);

	t_lock_cpu();
	if (p_pdqcb->p_pdqinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rpdq->stskid = wait_queue_first_id(&p_pdqcb->swait_queue);
		pk_rpdq->rtskid = wait_queue_first_id(&p_pdqcb->rwait_queue);
		pk_rpdq->spdqcnt = p_pdqcb->count;
	}
	t_unlock_cpu();
	return ercd;
}
