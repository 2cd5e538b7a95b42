/*
 * Unitron - extended service calls (µITRON 4.0 4.10): the routines
 * DEF_SVC defines, called by function code through cal_svc from any
 * context.  An extended service routine takes six VP_INT parameters; a
 * call that passes fewer gives 0 for the rest (the cal_svc macro in
 * kernel.h).
 */
#include "kernel_int.h"

ER_UINT vcal_svc(FN fncd, VP_INT par1, VP_INT par2, VP_INT par3,
		 VP_INT par4, VP_INT par5, VP_INT par6, ...)
{
	UINT i;

	CHECK(fncd > 0, E_RSFN);
	for (i = 0; i < tnum_svc; i++)
		if (svcinib_table[i].fncd == fncd)
			return svcinib_table[i].svcrtn(par1, par2, par3, par4,
						       par5, par6);
	return E_RSFN;
}
