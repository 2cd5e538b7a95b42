/*
 * Unitron - system state management (µITRON 4.0 4.7).
 */
#include "task.h"

ER rot_rdq(PRI tskpri)
{
	UINT pri;

	CHECK_TSKCTX_UNL();
	CHECK_PAR(tskpri == TPRI_SELF || VALID_TPRI(tskpri));
	pri = tskpri == TPRI_SELF ? runtsk->priority : INT_PRIORITY(tskpri);

	t_lock_cpu();
	dispatch_request(rotate_ready_queue(pri));
	t_unlock_cpu();
	return E_OK;
}

ER irot_rdq(PRI tskpri)
{
	CHECK_INTCTX_UNL();
	CHECK_PAR(VALID_TPRI(tskpri));

	i_lock_cpu();
	dispatch_request(rotate_ready_queue(INT_PRIORITY(tskpri)));
	i_unlock_cpu();
	return E_OK;
}

ER get_tid(ID *p_tskid)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(p_tskid != NULL);
	*p_tskid = TSKID(runtsk);
	return E_OK;
}

ER get_inf(VP_INT *p_exinf)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(p_exinf != NULL);
	*p_exinf = runtsk->p_tinib->exinf;
	return E_OK;
}

/* The running task's guard on its waiting calls (kernel.h). */
ER vxset_grd(T_VGRD *p_vgrd)
{
	CHECK_TSKCTX_UNL();
	runtsk->p_vgrd = p_vgrd;
	return E_OK;
}

ER iget_tid(ID *p_tskid)
{
	TCB *p_tcb = runtsk;

	CHECK_INTCTX_UNL();
	CHECK_PAR(p_tskid != NULL);
	*p_tskid = p_tcb == NULL ? TSK_NONE : TSKID(p_tcb);
	return E_OK;
}

ER loc_cpu(void)
{
	CHECK(!sense_context(), E_CTX);
	if (!port_sense_lock())
		t_lock_cpu();
	return E_OK;
}

ER iloc_cpu(void)
{
	CHECK(sense_context(), E_CTX);
	if (!port_sense_lock())
		i_lock_cpu();
	return E_OK;
}

/*
 * Leaving the CPU-locked state in task context also lets through any
 * interrupt that came in meanwhile; the port dispatches if one of them
 * readied a higher-priority task.
 */
ER unl_cpu(void)
{
	CHECK(!sense_context(), E_CTX);
	if (port_sense_lock())
		t_unlock_cpu();
	return E_OK;
}

ER iunl_cpu(void)
{
	CHECK(sense_context(), E_CTX);
	if (port_sense_lock())
		i_unlock_cpu();
	return E_OK;
}

ER dis_dsp(void)
{
	CHECK_TSKCTX_UNL();

	t_lock_cpu();
	disdsp = TRUE;
	set_enadsp();
	t_unlock_cpu();
	return E_OK;
}

ER ena_dsp(void)
{
	CHECK_TSKCTX_UNL();

	t_lock_cpu();
	disdsp = FALSE;
	set_enadsp();
	if (dispatch_needed())
		dispatch();
	t_unlock_cpu();
	return E_OK;
}

BOOL sns_ctx(void)
{
	return sense_context();
}

BOOL sns_loc(void)
{
	return port_sense_lock();
}

BOOL sns_dsp(void)
{
	return disdsp;
}

BOOL sns_ker(void)
{
	return !kerflg;
}

BOOL sns_dpn(void)
{
	return sense_context() || port_sense_lock() || !enadsp;
}

/* The state sns_ctx, sns_loc and sns_dsp sense, as one value. */
ER ref_sys(T_RSYS *pk_rsys)
{
	CHECK_PAR(pk_rsys != NULL);

	if (sense_context())
		pk_rsys->sysstat = TSS_INDP;
	else if (port_sense_lock())
		pk_rsys->sysstat = TSS_LOC;
	else
		pk_rsys->sysstat = enadsp ? TSS_TSK : TSS_DDSP;
	return E_OK;
}
