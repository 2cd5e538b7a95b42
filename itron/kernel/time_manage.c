/*
 * Unitron - system time management (µITRON 4.0 4.6.1).
 *
 * set_tim moves only the reported time: timeouts and cyclic handlers run
 * on the kernel's own monotonic count (current_evttim).
 */
#include "task.h"

ER set_tim(const SYSTIM *p_systim)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(p_systim != NULL);

	t_lock_cpu();
	systim_offset = *p_systim - current_evttim;
	t_unlock_cpu();
	return E_OK;
}

ER get_tim(SYSTIM *p_systim)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(p_systim != NULL);

	t_lock_cpu();
	*p_systim = current_evttim + systim_offset;
	t_unlock_cpu();
	return E_OK;
}

/*
 * Microsecond performance time from the port's clock, from any context:
 * TOPPERS/JSP's vxget_tim and TOPPERS/ASP's get_utm.
 */
ER vxget_tim(SYSUTIM *p_sysutim)
{
	CHECK_PAR(p_sysutim != NULL);
	port_get_utim(p_sysutim);
	return E_OK;
}

ER get_utm(SYSUTM *p_sysutm)
{
	return vxget_tim(p_sysutm);
}
