/*
 * Unitron - fixed-size memory pools (µITRON 4.0 4.5.1).
 */
#include "mempfix.h"

/* Every block free, in address order. */
static void free_all_blocks(MPFCB *p_mpfcb)
{
	const MPFINIB *p_inib = p_mpfcb->p_mpfinib;
	UINT i;

	for (i = 0; i < p_inib->blkcnt; i++)
		p_inib->p_mpfmb[i].next =
			i + 1U < p_inib->blkcnt ? i + 1U : MPFMB_NULL;
	p_mpfcb->freelist = p_inib->blkcnt > 0U ? 0U : MPFMB_NULL;
	p_mpfcb->fblkcnt = p_inib->blkcnt;
}

static void setup(MPFCB *p_mpfcb, const MPFINIB *p_mpfinib)
{
	queue_initialize(&p_mpfcb->wait_queue);
	p_mpfcb->p_mpfinib = p_mpfinib;
	free_all_blocks(p_mpfcb);
}

void initialize_mempfix(void)
{
	ID mpfid;

	for (mpfid = TMIN_MPFID; mpfid <= tmax_smpfid; mpfid++)
		setup(get_mpfcb(mpfid), &mpfinib_table[mpfid - TMIN_MPFID]);
	for (; mpfid <= tmax_mpfid; mpfid++)
		get_mpfcb(mpfid)->p_mpfinib = NULL;
}

static ER check_packet(const T_CMPF *pk_cmpf)
{
	CHECK_RSATR((pk_cmpf->mpfatr & ~TA_TPRI) == 0U);
	CHECK_PAR(pk_cmpf->blkcnt > 0U && pk_cmpf->blkcnt < MPFMB_ALLOC &&
		  pk_cmpf->blksz > 0U);
	return E_OK;
}

/* The management area always comes from the kernel pool. */
static ER construct(ID mpfid, const T_CMPF *pk_cmpf)
{
	MPFINIB *p_inib = AINIB(mpf, mpfid);
	MPFMB *p_mpfmb = kernel_alloc((SIZE)pk_cmpf->blkcnt * sizeof(MPFMB));
	VP mpf = pk_cmpf->mpf;

	if (p_mpfmb == NULL)
		return E_NOMEM;
	p_inib->mpfatr = pk_cmpf->mpfatr;
	if (kernel_area(&mpf, TSZ_MPF(pk_cmpf->blkcnt, pk_cmpf->blksz),
			&p_inib->mpfatr) != E_OK) {
		kernel_free(p_mpfmb);
		return E_NOMEM;
	}
	p_inib->blkcnt = pk_cmpf->blkcnt;
	p_inib->blksz = ROUND_MPF_T(pk_cmpf->blksz);
	p_inib->mpf = mpf;
	p_inib->p_mpfmb = p_mpfmb;
	setup(get_mpfcb(mpfid), p_inib);
	return E_OK;
}

static ER destruct(MPFCB *p_mpfcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_mpfcb->wait_queue, p_dspreq);
	kernel_area_free(p_mpfcb->p_mpfinib->mpf, p_mpfcb->p_mpfinib->mpfatr);
	kernel_free(p_mpfcb->p_mpfinib->p_mpfmb);
	p_mpfcb->p_mpfinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(mpf, MPF, get_mpfcb, p_mpfinib)

/* ini_mpf: waiters released with E_DLT, every block free again. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	MPFCB *p_mpfcb = p_obj;

	(void)unused;
	if (p_mpfcb->p_mpfinib == NULL)
		return E_NOEXS;
	wait_delete_all(&p_mpfcb->wait_queue, p_dspreq);
	free_all_blocks(p_mpfcb);
	return E_OK;
}

ER ini_mpf(ID mpfid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MPFID(mpfid));
	return call_locked(reinitialize, get_mpfcb(mpfid), 0);
}

ER ref_mpf(ID mpfid, T_RMPF *pk_rmpf)
{
	MPFCB *p_mpfcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MPFID(mpfid));
	CHECK_PAR(pk_rmpf != NULL);
	p_mpfcb = get_mpfcb(mpfid);

	t_lock_cpu();
	if (p_mpfcb->p_mpfinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rmpf->wtskid = wait_queue_first_id(&p_mpfcb->wait_queue);
		pk_rmpf->fblkcnt = p_mpfcb->fblkcnt;
	}
	t_unlock_cpu();
	return ercd;
}

static VP take_block(MPFCB *p_mpfcb)
{
	const MPFINIB *p_inib = p_mpfcb->p_mpfinib;
	UINT index = p_mpfcb->freelist;

	p_mpfcb->freelist = p_inib->p_mpfmb[index].next;
	p_inib->p_mpfmb[index].next = MPFMB_ALLOC;
	p_mpfcb->fblkcnt--;
	return (char *)p_inib->mpf + p_inib->blksz * index;
}

/* Index of blk if it is an allocated block of this pool, else ~0U. */
static UINT block_index(const MPFCB *p_mpfcb, VP blk)
{
	const MPFINIB *p_inib = p_mpfcb->p_mpfinib;
	__UINTPTR_TYPE__ addr = (__UINTPTR_TYPE__)blk;
	__UINTPTR_TYPE__ base = (__UINTPTR_TYPE__)p_inib->mpf;
	UINT index;

	if (addr < base || (addr - base) % p_inib->blksz != 0U ||
	    (addr - base) / p_inib->blksz >= p_inib->blkcnt)
		return ~0U;
	index = (UINT)((addr - base) / p_inib->blksz);
	if (p_inib->p_mpfmb[index].next != MPFMB_ALLOC)
		return ~0U;
	return index;
}

ER get_mpf(ID mpfid, VP *p_blk)
{
	return tget_mpf(mpfid, p_blk, TMO_FEVR);
}

static ER get_block(ID mpfid, VP *p_blk, TMO tmout)
{
	MPFCB *p_mpfcb;
	WINFO_MPF winfo;
	ER ercd;

	CHECK_ID(VALID_MPFID(mpfid));
	CHECK_PAR(p_blk != NULL);
	CHECK_TMOUT(tmout);
	p_mpfcb = get_mpfcb(mpfid);

	t_lock_cpu();
	if (!grd_open()) {
		ercd = E_RLWAI;
	} else if (p_mpfcb->p_mpfinib == NULL) {
		ercd = E_NOEXS;
	} else if (p_mpfcb->fblkcnt > 0U) {
		*p_blk = take_block(p_mpfcb);
		ercd = E_OK;
	} else {
		ercd = E_TMOUT;
	}
	if (ercd == E_TMOUT && tmout != TMO_POL) {
		wobj_make_wait_tmout((WOBJCB *)p_mpfcb, &winfo.winfo, TTW_MPF,
				     tmout);
		ercd = wait_dispatch();
		if (ercd == E_OK)
			*p_blk = winfo.blk;
	} else {
		grd_end(runtsk, ercd);
	}
	t_unlock_cpu();
	return ercd;
}

/* With dispatching disabled, only pget_mpf polls (CHECK_DISPATCH). */
ER tget_mpf(ID mpfid, VP *p_blk, TMO tmout)
{
	CHECK_DISPATCH();
	return get_block(mpfid, p_blk, tmout);
}

ER pget_mpf(ID mpfid, VP *p_blk)
{
	CHECK_TSKCTX_UNL();
	return get_block(mpfid, p_blk, TMO_POL);
}

/* A released block goes straight to the first waiter, if any. */
ER rel_mpf(ID mpfid, VP blk)
{
	MPFCB *p_mpfcb;
	const MPFINIB *p_inib;
	TCB *p_tcb;
	UINT index;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MPFID(mpfid));
	p_mpfcb = get_mpfcb(mpfid);

	t_lock_cpu();
	p_inib = p_mpfcb->p_mpfinib;
	if (p_inib == NULL) {
		ercd = E_NOEXS;
	} else if ((index = block_index(p_mpfcb, blk)) == ~0U) {
		ercd = E_PAR;
	} else if ((p_tcb = wait_queue_first(&p_mpfcb->wait_queue)) != NULL) {
		((WINFO_MPF *)p_tcb->p_winfo)->blk = blk;
		dispatch_request(wait_release(p_tcb, E_OK));
	} else {
		p_inib->p_mpfmb[index].next = p_mpfcb->freelist;
		p_mpfcb->freelist = index;
		p_mpfcb->fblkcnt++;
	}
	t_unlock_cpu();
	return ercd;
}
