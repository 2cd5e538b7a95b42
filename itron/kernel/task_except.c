/*
 * Unitron - task exception handling (µITRON 4.0 4.3).
 *
 * A raised pattern accumulates in texptn; the routine runs when the task
 * runs with exceptions enabled: at once for the invoking task, otherwise
 * when the task is next dispatched or a handler returns to it.
 */
#include "task.h"

static ER raise_texptn(TCB *p_tcb, TEXPTN rasptn)
{
	ER ercd = task_with_texrtn(p_tcb);

	if (ercd != E_OK)
		return ercd;
	p_tcb->texptn |= rasptn;
	return E_OK;
}

ER ras_tex(ID tskid, TEXPTN rasptn)
{
	TCB *p_tcb;
	ER ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(rasptn != 0U);
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	ercd = raise_texptn(p_tcb, rasptn);
	if (ercd == E_OK && p_tcb == runtsk && texrtn_due())
		call_texrtn();
	t_unlock_cpu();
	return ercd;
}

ER iras_tex(ID tskid, TEXPTN rasptn)
{
	TCB *p_tcb;
	ER ercd;

	CHECK_INTCTX_UNL();
	CHECK_ID(VALID_TSKID(tskid));
	CHECK_PAR(rasptn != 0U);

	i_lock_cpu();
	p_tcb = get_tcb(tskid);
	ercd = raise_texptn(p_tcb, rasptn);
	/* The routine starts as the handler returns to the task. */
	if (ercd == E_OK && p_tcb == runtsk && p_tcb->enatex)
		reqflg = TRUE;
	i_unlock_cpu();
	return ercd;
}

ER dis_tex(void)
{
	CHECK_TSKCTX_UNL();
	CHECK_OBJ(runtsk->texrtn != NULL);

	t_lock_cpu();
	runtsk->enatex = FALSE;
	t_unlock_cpu();
	return E_OK;
}

ER ena_tex(void)
{
	CHECK_TSKCTX_UNL();
	CHECK_OBJ(runtsk->texrtn != NULL);

	t_lock_cpu();
	runtsk->enatex = TRUE;
	if (texrtn_due())
		call_texrtn();
	t_unlock_cpu();
	return E_OK;
}

/* TRUE when exceptions are disabled for the running task, or none runs. */
BOOL sns_tex(void)
{
	TCB *p_tcb = runtsk;

	return p_tcb == NULL || !p_tcb->enatex;
}

/*
 * Define (pk_dtex) or undefine (NULL) a task's exception routine.  An
 * undefined routine takes the pending pattern with it, and exceptions
 * are disabled.
 */
ER def_tex(ID tskid, const T_DTEX *pk_dtex)
{
	TCB *p_tcb;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	if (pk_dtex != NULL) {
		CHECK((pk_dtex->texatr & ~TA_HLNG) == 0U, E_RSATR);
		CHECK_PAR(pk_dtex->texrtn != NULL);
	}
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	if (!TASK_EXISTS(p_tcb)) {
		t_unlock_cpu();
		return E_NOEXS;
	}
	if (pk_dtex == NULL) {
		p_tcb->texrtn = NULL;
		p_tcb->texptn = 0U;
		p_tcb->enatex = FALSE;
	} else {
		p_tcb->texrtn = (void (*)(TEXPTN, VP_INT))pk_dtex->texrtn;
	}
	t_unlock_cpu();
	return E_OK;
}
