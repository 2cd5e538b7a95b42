/*
 * Unitron - CPU exception handlers and the state they may sense.
 */
#include "exception.h"
#include "task.h"

/* def_exc's definitions, over DEF_EXC's for the same number. */
static RTDEF	defined_exc[TNUM_RTDEF];

void initialize_exception(void)
{
	rtdef_clear(defined_exc);
}

static void (*exception_handler(EXCNO excno))(VP p_excinf)
{
	const RTDEF *p_def = rtdef_find(defined_exc, excno);
	UINT i;

	if (p_def != NULL)
		return (void (*)(VP))p_def->rtn;
	for (i = 0; i < tnum_excno; i++)
		if (excinib_table[i].excno == excno)
			return excinib_table[i].exchdr;
	return NULL;
}

BOOL exception_handle(EXCNO excno, VP p_excinf)
{
	void (*exchdr)(VP p_excinf) = exception_handler(excno);

	if (exchdr == NULL)
		return FALSE;
	exchdr(p_excinf);
	return TRUE;
}

ER def_exc(EXCNO excno, const T_DEXC *pk_dexc)
{
	CHECK_TSKCTX_UNL();
	if (pk_dexc != NULL) {
		CHECK_RSATR((pk_dexc->excatr & ~TA_HLNG) == 0U);
		CHECK_PAR(pk_dexc->exchdr != NULL);
	}
	return rtdef_define(defined_exc, excno, port_define_exc,
			    pk_dexc != NULL ? pk_dexc->exchdr : NULL);
}

/* Whether the exception happened in non-task context. */
BOOL vxsns_ctx(VP p_excinf)
{
	return !kerflg || port_exc_sense_context(p_excinf);
}

/* Whether the exception happened with the CPU locked. */
BOOL vxsns_loc(VP p_excinf)
{
	return port_exc_sense_lock(p_excinf);
}

BOOL vxsns_dsp(VP p_excinf)
{
	(void)p_excinf;
	return disdsp;
}

BOOL vxsns_dpn(VP p_excinf)
{
	return vxsns_ctx(p_excinf) || vxsns_loc(p_excinf) || !enadsp;
}

BOOL vxsns_tex(VP p_excinf)
{
	(void)p_excinf;
	return sns_tex();
}

BOOL xsns_dpn(VP p_excinf)
{
	return vxsns_dpn(p_excinf);
}

/*
 * Whether the handler may not raise a task exception to the interrupted
 * task: it did not run one (non-task context, CPU locked), has them
 * disabled, or runs under an interrupt priority mask (TOPPERS/ASP).
 */
BOOL xsns_xpn(VP p_excinf)
{
	return vxsns_ctx(p_excinf) || vxsns_loc(p_excinf) ||
	       vxsns_tex(p_excinf) || intpri_mask != TIPM_ENAALL;
}
