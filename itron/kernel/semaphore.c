/*
 * Unitron - semaphores (µITRON 4.0 4.4.1).
 */
#include "semaphore.h"

void initialize_semaphore(void)
{
	ID semid;

	for (semid = TMIN_SEMID; semid <= tmax_semid; semid++) {
		SEMCB *p_semcb = get_semcb(semid);

		queue_initialize(&p_semcb->wait_queue);
		p_semcb->p_seminib = &seminib_table[semid - TMIN_SEMID];
		p_semcb->semcnt = p_semcb->p_seminib->isemcnt;
	}
}

/* ini_sem: waiters released with E_DLT, the initial count back. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	SEMCB *p_semcb = p_obj;

	(void)unused;
	wait_delete_all(&p_semcb->wait_queue, p_dspreq);
	p_semcb->semcnt = p_semcb->p_seminib->isemcnt;
	return E_OK;
}

ER ini_sem(ID semid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_SEMID(semid));
	return call_locked(reinitialize, get_semcb(semid), 0);
}

ER ref_sem(ID semid, T_RSEM *pk_rsem)
{
	SEMCB *p_semcb;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_SEMID(semid));
	CHECK_PAR(pk_rsem != NULL);
	p_semcb = get_semcb(semid);

	t_lock_cpu();
	pk_rsem->wtskid = wait_queue_first_id(&p_semcb->wait_queue);
	pk_rsem->semcnt = p_semcb->semcnt;
	t_unlock_cpu();
	return E_OK;
}

/* Give a resource to the first waiter, or count it; for sig/isig_sem. */
static ER signal_semaphore(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	SEMCB *p_semcb = p_obj;

	(void)unused;
	if (wait_release_first(&p_semcb->wait_queue, p_dspreq) != NULL)
		return E_OK;
	if (p_semcb->semcnt < p_semcb->p_seminib->maxsem) {
		p_semcb->semcnt++;
		return E_OK;
	}
	return E_QOVR;
}

ER sig_sem(ID semid)
{
	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_SEMID(semid));
	return call_locked(signal_semaphore, get_semcb(semid), 0);
}

ER isig_sem(ID semid)
{
	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_SEMID(semid));
	return call_locked(signal_semaphore, get_semcb(semid), 0);
}

ER wai_sem(ID semid)
{
	return twai_sem(semid, TMO_FEVR);
}

ER pol_sem(ID semid)
{
	SEMCB *p_semcb;
	ER ercd = E_TMOUT;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_SEMID(semid));
	p_semcb = get_semcb(semid);

	t_lock_cpu();
	if (p_semcb->semcnt > 0U) {
		p_semcb->semcnt--;
		ercd = E_OK;
	}
	t_unlock_cpu();
	return ercd;
}

ER twai_sem(ID semid, TMO tmout)
{
	SEMCB *p_semcb;
	WINFO winfo;
	ER ercd;

	CHECK_DISPATCH();	/* TMO_POL too: only pol_sem polls there */
	if (tmout == TMO_POL)
		return pol_sem(semid);
	CHECK_ID(VALID_SEMID(semid));
	CHECK_TMOUT(tmout);
	p_semcb = get_semcb(semid);

	t_lock_cpu();
	if (p_semcb->semcnt > 0U) {
		p_semcb->semcnt--;
		ercd = E_OK;
	} else {
		wobj_make_wait_tmout((WOBJCB *)p_semcb, &winfo, TTW_SEM, tmout);
		ercd = wait_dispatch();
	}
	t_unlock_cpu();
	return ercd;
}
