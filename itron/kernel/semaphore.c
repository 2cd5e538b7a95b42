/*
 * Unitron - semaphores (µITRON 4.0 4.4.1).
 */
#include "semaphore.h"

static void setup(SEMCB *p_semcb, const SEMINIB *p_seminib)
{
	queue_initialize(&p_semcb->wait_queue);
	p_semcb->p_seminib = p_seminib;
	p_semcb->semcnt = p_seminib->isemcnt;
}

void initialize_semaphore(void)
{
	ID semid;

	for (semid = TMIN_SEMID; semid <= tmax_ssemid; semid++)
		setup(get_semcb(semid), &seminib_table[semid - TMIN_SEMID]);
	for (; semid <= tmax_semid; semid++)
		get_semcb(semid)->p_seminib = NULL;
}

static ER check_packet(const T_CSEM *pk_csem)
{
	CHECK_RSATR((pk_csem->sematr & ~TA_TPRI) == 0U);
	CHECK_PAR(0U < pk_csem->maxsem && pk_csem->maxsem <= TMAX_MAXSEM &&
		  pk_csem->isemcnt <= pk_csem->maxsem);
	return E_OK;
}

static ER construct(ID semid, const T_CSEM *pk_csem)
{
	SEMINIB *p_inib = AINIB(sem, semid);

	p_inib->sematr = pk_csem->sematr;
	p_inib->isemcnt = pk_csem->isemcnt;
	p_inib->maxsem = pk_csem->maxsem;
	setup(get_semcb(semid), p_inib);
	return E_OK;
}

static ER destruct(SEMCB *p_semcb, BOOL *p_dspreq)
{
	wait_delete_all(&p_semcb->wait_queue, p_dspreq);
	p_semcb->p_seminib = NULL;
	return E_OK;
}

OBJECT_LIFE_CALLS(sem, SEM, get_semcb, p_seminib)

/* ini_sem: waiters released with E_DLT, the initial count back. */
static ER reinitialize(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	SEMCB *p_semcb = p_obj;

	(void)unused;
	if (p_semcb->p_seminib == NULL)
		return E_NOEXS;
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
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_SEMID(semid));
	CHECK_PAR(pk_rsem != NULL);
	p_semcb = get_semcb(semid);

	t_lock_cpu();
	if (p_semcb->p_seminib == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_rsem->wtskid = wait_queue_first_id(&p_semcb->wait_queue);
		pk_rsem->semcnt = p_semcb->semcnt;
	}
	t_unlock_cpu();
	return ercd;
}

/* Give a resource to the first waiter, or count it; for sig/isig_sem. */
static ER signal_semaphore(VP p_obj, VP_INT unused, BOOL *p_dspreq)
{
	SEMCB *p_semcb = p_obj;

	(void)unused;
	if (p_semcb->p_seminib == NULL)
		return E_NOEXS;
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
	if (p_semcb->p_seminib == NULL) {
		ercd = E_NOEXS;
	} else if (p_semcb->semcnt > 0U) {
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
	if (p_semcb->p_seminib == NULL) {
		ercd = E_NOEXS;
	} else if (p_semcb->semcnt > 0U) {
		p_semcb->semcnt--;
		ercd = E_OK;
	} else {
		wobj_make_wait_tmout((WOBJCB *)p_semcb, &winfo, TTW_SEM, tmout);
		ercd = wait_dispatch();
	}
	t_unlock_cpu();
	return ercd;
}
