/*
 * Unitron - referring to a task's state (µITRON 4.0 4.1, 4.3): ref_tsk,
 * ref_tex, and what they and the ports' status views read.
 */
#include "kernel_int.h"

STAT task_state(const TCB *p_tcb)
{
	switch (p_tcb->tstat) {
	case TS_DORMANT:
		return TTS_DMT;
	case TS_RUNNABLE:
		return p_tcb == runtsk ? TTS_RUN : TTS_RDY;
	case TS_WAITING:
		return TTS_WAI;
	case TS_SUSPENDED:
		return TTS_SUS;
	default:
		return TTS_WAS;
	}
}

/* An object's ID from its control block's place in its table. */
#define OBJ_ID(type, table, tmin, p_obj) \
	((ID)((const type *)(p_obj) - (table)) + (tmin))

ID wait_object_id(const WINFO *p_winfo)
{
	const void *p_obj = p_winfo->p_wobjcb;

	switch (p_winfo->wreason) {
	case TTW_SEM:
		return OBJ_ID(SEMCB, semcb_table, TMIN_SEMID, p_obj);
	case TTW_FLG:
		return OBJ_ID(FLGCB, flgcb_table, TMIN_FLGID, p_obj);
	case TTW_SDTQ:
	case TTW_RDTQ:
		return OBJ_ID(DTQCB, dtqcb_table, TMIN_DTQID, p_obj);
	case TTW_SPDQ:
	case TTW_RPDQ:
		return OBJ_ID(PDQCB, pdqcb_table, TMIN_PDQID, p_obj);
	case TTW_MBX:
		return OBJ_ID(MBXCB, mbxcb_table, TMIN_MBXID, p_obj);
	case TTW_MTX:
		return OBJ_ID(MTXCB, mtxcb_table, TMIN_MTXID, p_obj);
	case TTW_SMBF:
	case TTW_RMBF:
		return OBJ_ID(MBFCB, mbfcb_table, TMIN_MBFID, p_obj);
	case TTW_CAL:
	case TTW_ACP:
		return OBJ_ID(PORCB, porcb_table, TMIN_PORID, p_obj);
	case TTW_MPF:
		return OBJ_ID(MPFCB, mpfcb_table, TMIN_MPFID, p_obj);
	case TTW_MPL:
		return OBJ_ID(MPLCB, mplcb_table, TMIN_MPLID, p_obj);
	default:
		return 0;	/* slp_tsk, dly_tsk */
	}
}

TMO wait_lefttmo(const WINFO *p_winfo)
{
	if (p_winfo->p_tmevtb == NULL || !tmevtb_queued(p_winfo->p_tmevtb))
		return TMO_FEVR;
	return (TMO)tmevtb_lefttim(p_winfo->p_tmevtb);
}

ER ref_tsk(ID tskid, T_RTSK *pk_rtsk)
{
	TCB *p_tcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(pk_rtsk != NULL);
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	if (!TASK_EXISTS(p_tcb)) {
		ercd = E_NOEXS;
		goto out;
	}
	pk_rtsk->tskstat = task_state(p_tcb);
	pk_rtsk->tskpri = EXT_TSKPRI(p_tcb->priority);
	pk_rtsk->tskbpri = EXT_TSKPRI(p_tcb->bpriority);
	pk_rtsk->tskwait = 0U;
	pk_rtsk->wobjid = 0;
	pk_rtsk->lefttmo = 0;
	if (TSTAT_WAITING(p_tcb->tstat)) {
		pk_rtsk->tskwait = p_tcb->p_winfo->wreason;
		pk_rtsk->wobjid = wait_object_id(p_tcb->p_winfo);
		pk_rtsk->lefttmo = wait_lefttmo(p_tcb->p_winfo);
	}
	pk_rtsk->actcnt = p_tcb->actque;
	pk_rtsk->wupcnt = p_tcb->wupque;
	pk_rtsk->suscnt = TSTAT_SUSPENDED(p_tcb->tstat) ? 1U : 0U;
out:
	t_unlock_cpu();
	return ercd;
}

ER ref_tst(ID tskid, T_RTST *pk_rtst)
{
	TCB *p_tcb;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(pk_rtst != NULL);
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	if (!TASK_EXISTS(p_tcb)) {
		ercd = E_NOEXS;
	} else {
		pk_rtst->tskstat = task_state(p_tcb);
		pk_rtst->tskwait = TSTAT_WAITING(p_tcb->tstat) ?
				   p_tcb->p_winfo->wreason : 0U;
	}
	t_unlock_cpu();
	return ercd;
}

ER ref_tex(ID tskid, T_RTEX *pk_rtex)
{
	TCB *p_tcb;
	ER ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(tskid == TSK_SELF || VALID_TSKID(tskid));
	CHECK_PAR(pk_rtex != NULL);
	p_tcb = get_tcb_self(tskid);

	t_lock_cpu();
	ercd = task_with_texrtn(p_tcb);
	if (ercd == E_OK) {
		pk_rtex->texstat = p_tcb->enatex ? TTEX_ENA : TTEX_DIS;
		pk_rtex->pndptn = p_tcb->texptn;
	}
	t_unlock_cpu();
	return ercd;
}
