/*
 * Unitron - CPU exception handlers and the state they may sense.
 */
#include "exception.h"
#include "task.h"

BOOL exception_handle(EXCNO excno, VP p_excinf)
{
	UINT i;

	for (i = 0; i < tnum_excno; i++) {
		if (excinib_table[i].excno == excno) {
			excinib_table[i].exchdr(p_excinf);
			return TRUE;
		}
	}
	return FALSE;
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
