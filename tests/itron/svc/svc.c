/*
 * Conformance: extended service calls - DEF_SVC, cal_svc with no to six
 * parameters, the routine's result (a value or an error code), the
 * contexts it is called from, and E_RSFN for codes without a routine.
 */
#include "tests.h"
#include "svc.h"

ER_UINT svc_sum(VP_INT p1, VP_INT p2, VP_INT p3, VP_INT p4, VP_INT p5,
		VP_INT p6)
{
	return (ER_UINT)(p1 + 10 * p2 + 100 * p3 + 1000 * p4 + 10000 * p5 +
			 100000 * p6);
}

/* 1 in a task, 2 in a handler; E_PAR if asked (p1). */
ER_UINT svc_context(VP_INT p1, VP_INT p2, VP_INT p3, VP_INT p4, VP_INT p5,
		    VP_INT p6)
{
	(void)p2; (void)p3; (void)p4; (void)p5; (void)p6;
	if (p1 != 0)
		return E_PAR;
	return sns_ctx() ? 2 : 1;
}

static volatile ER_UINT	sw_ercd[2];

void swi_handler(void)
{
	sw_ercd[0] = cal_svc(SVC_CONTEXT, 0);
	sw_ercd[1] = cal_svc(1, 4, 2);
}

void main_task(VP_INT exinf)
{
	ER_UINT e;

	(void)exinf;
	tap_int(cal_svc(1), 0, "cal_svc with no parameter: zeros");
	tap_int(cal_svc(1, 7), 7, "one parameter");
	tap_int(cal_svc(1, 1, 2, 3), 321, "three parameters, in order");
	tap_int(cal_svc(1, 1, 2, 3, 4, 5, 6), 654321, "six parameters");
	tap_int(cal_svc(SVC_CONTEXT, 0), 1, "a routine called in a task");
	tap_ercd(cal_svc(SVC_CONTEXT, 1), E_PAR, "its error code is returned");
	tap_ercd(cal_svc(2), E_RSFN, "a code without a routine: E_RSFN");
	tap_ercd(cal_svc(0), E_RSFN, "code 0: E_RSFN");
	tap_ercd(cal_svc(-3), E_RSFN, "a negative code: E_RSFN");
	loc_cpu();
	e = cal_svc(1, 9);
	unl_cpu();
	tap_int(e, 9, "callable with the CPU locked");
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_int(sw_ercd[0], 2, "... and from a handler");
	INT_IS(sw_ercd[1], 24);
	tap_done();
}
