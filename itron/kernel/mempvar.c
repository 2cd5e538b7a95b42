/*
 * Unitron - variable-size memory pools (µITRON 4.0 4.9.2).
 *
 * First fit over a free list in address order.  Waiting tasks are
 * served in their queue's order: while the first one's request cannot
 * be met, a smaller one behind it waits too (the spec's rule, which
 * keeps a large request from starving).
 */
#include "mempvar.h"

#define MPL_INUSE	0x6d706c55U	/* "mplU" */

/* A block's mark: its address and the pool's generation, so that a
 * block from before an ini_mpl is no block any more. */
static __UINTPTR_TYPE__ inuse_mark(const MPLCB *p_mplcb, const MPLBLK *p_blk)
{
	return MPL_INUSE ^ (__UINTPTR_TYPE__)p_blk ^
	       ((__UINTPTR_TYPE__)p_mplcb->gen << 4);
}

/* Every byte of the pool free, as one block. */
static void free_all(MPLCB *p_mplcb)
{
	const MPLINIB *p_inib = p_mplcb->p_mplinib;
	__UINTPTR_TYPE__ start = ((__UINTPTR_TYPE__)p_inib->mpl +
				  MPL_ALIGN - 1U) & ~(__UINTPTR_TYPE__)
				 (MPL_ALIGN - 1U);
	__UINTPTR_TYPE__ end = ((__UINTPTR_TYPE__)p_inib->mpl +
				p_inib->mplsz) & ~(__UINTPTR_TYPE__)
			       (MPL_ALIGN - 1U);

	p_mplcb->gen++;
	p_mplcb->start = (char *)start;
	p_mplcb->end = (char *)(end > start ? end : start);
	p_mplcb->freelist = NULL;
	if (end >= start + MPL_HEADER + MPL_ALIGN) {
		p_mplcb->freelist = (MPLBLK *)start;
		p_mplcb->freelist->size = end - start;
		p_mplcb->freelist->u.next = NULL;
	}
}

/* The kernel pool (DEF_MPK) is a pool no task waits on. */
static MPLINIB kernel_pool_inib;
static MPLCB kernel_pool;

static void setup(MPLCB *p_mplcb, const MPLINIB *p_mplinib)
{
	queue_initialize(&p_mplcb->wait_queue);
	p_mplcb->p_mplinib = p_mplinib;
	free_all(p_mplcb);
}

void initialize_mempvar(void)
{
	ID mplid;

	for (mplid = TMIN_MPLID; mplid <= tmax_mplid; mplid++) {
		MPLCB *p_mplcb = get_mplcb(mplid);

		p_mplcb->gen = 0U;
		if (mplid <= tmax_smplid)
			setup(p_mplcb, &mplinib_table[mplid - TMIN_MPLID]);
		else
			p_mplcb->p_mplinib = NULL;
	}
	kernel_pool_inib.mplsz = kmmsz;
	kernel_pool_inib.mpl = kmm;
	kernel_pool.gen = 0U;
	setup(&kernel_pool, &kernel_pool_inib);
}

/* A block of blksz bytes, first fit; NULL when none is big enough. */
static VP take(MPLCB *p_mplcb, SIZE blksz)
{
	SIZE need = MPL_HEADER + MPL_ROUND(blksz);
	MPLBLK **pp = &p_mplcb->freelist;
	MPLBLK *p_blk;

	for (; (p_blk = *pp) != NULL; pp = &p_blk->u.next) {
		if (p_blk->size < need)
			continue;
		if (p_blk->size - need >= MPL_HEADER + MPL_ALIGN) {
			MPLBLK *p_rest = (MPLBLK *)((char *)p_blk + need);

			p_rest->size = p_blk->size - need;
			p_rest->u.next = p_blk->u.next;
			*pp = p_rest;
			p_blk->size = need;
		} else {
			*pp = p_blk->u.next;
		}
		p_blk->u.mark = inuse_mark(p_mplcb, p_blk);
		return (char *)p_blk + MPL_HEADER;
	}
	return NULL;
}

/* The header of blk if it is a block of this pool in use, else NULL. */
static MPLBLK *block_of(const MPLCB *p_mplcb, VP blk)
{
	char *p = (char *)blk - MPL_HEADER;
	MPLBLK *p_blk = (MPLBLK *)p;

	if ((char *)blk < p_mplcb->start + MPL_HEADER ||
	    (char *)blk >= p_mplcb->end ||
	    ((__UINTPTR_TYPE__)blk & (MPL_ALIGN - 1U)) != 0U ||
	    p_blk->u.mark != inuse_mark(p_mplcb, p_blk) ||
	    p_blk->size > (SIZE)(p_mplcb->end - p))
		return NULL;
	return p_blk;
}

/* Back on the free list, merged with the free blocks beside it. */
static void give_back(MPLCB *p_mplcb, MPLBLK *p_blk)
{
	MPLBLK **pp = &p_mplcb->freelist;
	MPLBLK *p_prev = NULL;

	while (*pp != NULL && *pp < p_blk) {
		p_prev = *pp;
		pp = &(*pp)->u.next;
	}
	p_blk->u.next = *pp;
	*pp = p_blk;
	if (p_blk->u.next != NULL &&
	    (char *)p_blk + p_blk->size == (char *)p_blk->u.next) {
		p_blk->size += p_blk->u.next->size;
		p_blk->u.next = p_blk->u.next->u.next;
	}
	if (p_prev != NULL && (char *)p_prev + p_prev->size == (char *)p_blk) {
		p_prev->size += p_blk->size;
		p_prev->u.next = p_blk->u.next;
	}
}

/* Serve the waiting tasks from the first while their requests fit. */
static void serve_waiters(MPLCB *p_mplcb, BOOL *p_dspreq)
{
	TCB *p_tcb;

	while ((p_tcb = wait_queue_first(&p_mplcb->wait_queue)) != NULL) {
		WINFO_MPL *p_winfo = (WINFO_MPL *)p_tcb->p_winfo;
		VP blk = take(p_mplcb, p_winfo->blksz);

		if (blk == NULL)
			break;
		p_winfo->blk = blk;
		wait_leave_queue(p_tcb);
		if (wait_release(p_tcb, E_OK))
			*p_dspreq = TRUE;
	}
}

void mempvar_waiters_changed(MPLCB *p_mplcb)
{
	BOOL dspreq = FALSE;

	serve_waiters(p_mplcb, &dspreq);
}

/* A request the whole pool cannot meet would block all behind it. */
static BOOL fits_pool(const MPLCB *p_mplcb, SIZE blksz)
{
	return blksz <= p_mplcb->p_mplinib->mplsz &&
	       MPL_HEADER + MPL_ROUND(blksz) <=
	       (SIZE)(p_mplcb->end - p_mplcb->start);
}

static ER get_block(ID mplid, SIZE blksz, VP *p_blk, TMO tmout)
{
	MPLCB *p_mplcb;
	WINFO_MPL winfo;
	VP blk = NULL;
	ER ercd;

	CHECK_ID(VALID_MPLID(mplid));
	CHECK_PAR(blksz > 0U && p_blk != NULL);
	CHECK_TMOUT(tmout);
	p_mplcb = get_mplcb(mplid);

	t_lock_cpu();
	if (p_mplcb->p_mplinib == NULL) {
		ercd = E_NOEXS;
	} else if (!fits_pool(p_mplcb, blksz)) {
		ercd = E_PAR;
	} else if (queue_empty(&p_mplcb->wait_queue) &&
		   (blk = take(p_mplcb, blksz)) != NULL) {
		*p_blk = blk;
		ercd = E_OK;
	} else if (tmout == TMO_POL) {
		ercd = E_TMOUT;
	} else {
		winfo.blksz = blksz;
		wobj_make_wait_tmout((WOBJCB *)p_mplcb, &winfo.winfo, TTW_MPL,
				     tmout);
		ercd = wait_dispatch();
		if (ercd == E_OK)
			*p_blk = winfo.blk;
	}
	t_unlock_cpu();
	return ercd;
}

ER get_mpl(ID mplid, UINT blksz, VP *p_blk)
{
	return tget_mpl(mplid, blksz, p_blk, TMO_FEVR);
}

ER pget_mpl(ID mplid, UINT blksz, VP *p_blk)
{
	CHECK_TSKCTX_UNL();
	return get_block(mplid, blksz, p_blk, TMO_POL);
}

/* With dispatching disabled, only pget_mpl polls (CHECK_DISPATCH). */
ER tget_mpl(ID mplid, UINT blksz, VP *p_blk, TMO tmout)
{
	CHECK_DISPATCH();
	return get_block(mplid, blksz, p_blk, tmout);
}

ER rel_mpl(ID mplid, VP blk)
{
	MPLCB *p_mplcb;
	MPLBLK *p_blk;
	BOOL dspreq = FALSE;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MPLID(mplid));
	p_mplcb = get_mplcb(mplid);

	t_lock_cpu();
	if (p_mplcb->p_mplinib == NULL) {
		ercd = E_NOEXS;
	} else if ((p_blk = block_of(p_mplcb, blk)) == NULL) {
		ercd = E_PAR;
	} else {
		give_back(p_mplcb, p_blk);
		serve_waiters(p_mplcb, &dspreq);
		dispatch_request(dspreq);
	}
	t_unlock_cpu();
	return ercd;
}

/* ini_mpl: waiters released with E_DLT, every byte free again. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	MPLCB *p_mplcb = p_obj;

	(void)unused;
	if (p_mplcb->p_mplinib == NULL)
		return E_NOEXS;
	wait_delete_all(&p_mplcb->wait_queue, p_dspreq);
	free_all(p_mplcb);
	return E_OK;
}

ER ini_mpl(ID mplid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MPLID(mplid));
	return call_locked(reinitialize, get_mplcb(mplid), 0);
}

SIZE mempvar_free(const MPLCB *p_mplcb, UINT *p_largest)
{
	const MPLBLK *p_blk;
	SIZE total = 0U;

	*p_largest = 0U;
	for (p_blk = p_mplcb->freelist; p_blk != NULL; p_blk = p_blk->u.next) {
		SIZE usable = p_blk->size - MPL_HEADER;

		total += usable;
		if (usable > *p_largest)
			*p_largest = (UINT)usable;
	}
	return total;
}

ER ref_mpl(ID mplid, T_RMPL *pk_rmpl)
{
	MPLCB *p_mplcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_MPLID(mplid));
	CHECK_PAR(pk_rmpl != NULL);
	p_mplcb = get_mplcb(mplid);

	t_lock_cpu();
	if (p_mplcb->p_mplinib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rmpl->wtskid = wait_queue_first_id(&p_mplcb->wait_queue);
		pk_rmpl->fmplsz = mempvar_free(p_mplcb, &pk_rmpl->fblksz);
	}
	t_unlock_cpu();
	return ercd;
}

VP kernel_alloc(SIZE size)
{
	if (size == 0U || !fits_pool(&kernel_pool, size))
		return NULL;
	return take(&kernel_pool, size);
}

void kernel_free(VP blk)
{
	MPLBLK *p_blk = block_of(&kernel_pool, blk);

	if (p_blk != NULL)
		give_back(&kernel_pool, p_blk);
}

ER kernel_area(VP *p_area, SIZE size, ATR *p_atr)
{
	if (*p_area != NULL || size == 0U)
		return E_OK;
	if ((*p_area = kernel_alloc(size)) == NULL)
		return E_NOMEM;
	*p_atr |= TA_MEMALLOC;
	return E_OK;
}

void kernel_area_free(VP area, ATR atr)
{
	if ((atr & TA_MEMALLOC) != 0U)
		kernel_free(area);
}

static ER check_packet(const T_CMPL *pk_cmpl)
{
	CHECK_RSATR((pk_cmpl->mplatr & ~TA_TPRI) == 0U);
	CHECK_PAR(pk_cmpl->mplsz > 0U);
	return E_OK;
}

static ER construct(ID mplid, const T_CMPL *pk_cmpl)
{
	MPLINIB *p_inib = AINIB(mpl, mplid);
	VP mpl = pk_cmpl->mpl;

	p_inib->mplatr = pk_cmpl->mplatr;
	if (kernel_area(&mpl, pk_cmpl->mplsz, &p_inib->mplatr) != E_OK)
		return E_NOMEM;
	p_inib->mplsz = pk_cmpl->mplsz;
	p_inib->mpl = mpl;
	setup(get_mplcb(mplid), p_inib);
	return E_OK;
}

static ER destruct(MPLCB *p_mplcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_mplcb->wait_queue, p_dspreq);
	kernel_area_free(p_mplcb->p_mplinib->mpl, p_mplcb->p_mplinib->mplatr);
	p_mplcb->p_mplinib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(mpl, MPL, get_mplcb, p_mplinib)
