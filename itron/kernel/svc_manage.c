/*
 * Unitron - extended service calls (µITRON 4.0 4.10): the routines
 * DEF_SVC and def_svc define, called by function code through cal_svc
 * from any context.  An extended service routine takes six VP_INT
 * parameters; a call that passes fewer gives 0 for the rest (the
 * cal_svc macro in kernel.h).
 *
 * def_svc's definitions, of new codes or over DEF_SVC's, are kept in a
 * table of TNUM_DEF_SVC entries; an entry with no routine undefines its
 * code.
 */
#include "kernel_int.h"

typedef ER_UINT	(*SVCRTN)(VP_INT, VP_INT, VP_INT, VP_INT, VP_INT, VP_INT);

#define TNUM_DEF_SVC	16

static struct {
	FN	fncd;		/* 0: a free entry */
	SVCRTN	svcrtn;		/* NULL: fncd undefined */
} defined_svc[TNUM_DEF_SVC];

void initialize_svc(void)
{
	UINT i;

	for (i = 0; i < TNUM_DEF_SVC; i++)
		defined_svc[i].fncd = 0;
}

/* The routine for fncd, or NULL.  With the CPU locked. */
static SVCRTN find_svc(FN fncd)
{
	UINT i;

	for (i = 0; i < TNUM_DEF_SVC; i++)
		if (defined_svc[i].fncd == fncd)
			return defined_svc[i].svcrtn;
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
	SVCRTN svcrtn = NULL;
	INT slot = -1;
	UINT i;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_PAR(fncd > 0);
	if (pk_dsvc != NULL) {
		CHECK((pk_dsvc->svcatr & ~TA_HLNG) == 0U, E_RSATR);
		CHECK_PAR(pk_dsvc->svcrtn != NULL);
		svcrtn = (SVCRTN)pk_dsvc->svcrtn;
	}

	t_lock_cpu();
	for (i = 0; i < TNUM_DEF_SVC; i++) {
		if (defined_svc[i].fncd == fncd) {
			slot = (INT)i;
			break;
		}
		if (slot < 0 && defined_svc[i].fncd == 0)
			slot = (INT)i;
	}
	if (slot < 0) {
		ercd = E_NOMEM;
	} else {
		defined_svc[slot].fncd = fncd;
		defined_svc[slot].svcrtn = svcrtn;
	}
	t_unlock_cpu();
	return ercd;
}
