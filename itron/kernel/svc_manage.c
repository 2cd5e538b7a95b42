/*
 * Unitron - extended service calls (µITRON 4.0 4.10): the routines
 * DEF_SVC and def_svc define, called by function code through cal_svc
 * from any context.  An extended service routine takes six VP_INT
 * parameters; a call that passes fewer gives 0 for the rest (the
 * cal_svc macro in kernel.h).
 *
 * def_svc's definitions, of new codes or over DEF_SVC's, are kept in a
 * table of TNUM_RTDEF entries (definition.c).
 */
#include "kernel_int.h"

typedef ER_UINT	(*SVCRTN)(VP_INT, VP_INT, VP_INT, VP_INT, VP_INT, VP_INT);

static RTDEF	defined_svc[TNUM_RTDEF];

void initialize_svc(void)
{
	rtdef_clear(defined_svc);
}

/* The routine for fncd, or NULL.  With the CPU locked. */
static SVCRTN find_svc(FN fncd)
{
	const RTDEF *p_def = rtdef_find(defined_svc, (UINT)fncd);
	UINT i;

	if (p_def != NULL)
		return (SVCRTN)p_def->rtn;
	for (i = 0; i < tnum_svc; i++)
		if (svcinib_table[i].fncd == fncd)
			return svcinib_table[i].svcrtn;
	return NULL;
}

ER_UINT vcal_svc(FN fncd, VP_INT par1, VP_INT par2, VP_INT par3,
		 VP_INT par4, VP_INT par5, VP_INT par6, ...)
{
	BOOL locked = port_sense_lock();
	SVCRTN svcrtn;

	CHECK(fncd > 0, E_RSFN);
	if (!locked)
		i_lock_cpu();
	svcrtn = find_svc(fncd);
	if (!locked)
		i_unlock_cpu();
	if (svcrtn == NULL)
		return E_RSFN;
	return svcrtn(par1, par2, par3, par4, par5, par6);
}

/* Define (pk_dsvc) or undefine (NULL) the routine of function code fncd. */
ER def_svc(FN fncd, const T_DSVC *pk_dsvc)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(fncd > 0);
	if (pk_dsvc != NULL) {
		CHECK_RSATR((pk_dsvc->svcatr & ~TA_HLNG) == 0U);
		CHECK_PAR(pk_dsvc->svcrtn != NULL);
	}
	return rtdef_define(defined_svc, (UINT)fncd, NULL,
			    pk_dsvc != NULL ? pk_dsvc->svcrtn : NULL);
}
