/*
 * Conformance: extended service calls - DEF_SVC, def_svc, cal_svc with
 * no to six parameters, the routine's result (a value or an error
 * code), the contexts it is called from, and E_RSFN for codes without a
 * routine.
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

static volatile ER_UINT	sw_ercd[3];

void swi_handler(void)
{
	sw_ercd[0] = cal_svc(SVC_CONTEXT, 0);
	sw_ercd[1] = cal_svc(1, 4, 2);
	sw_ercd[2] = def_svc(9, NULL);
}

static void test_def_svc(void)
{
	T_DSVC sum = { TA_HLNG, (FP)svc_sum };
	T_DSVC ctx = { TA_HLNG, (FP)svc_context };
	T_DSVC bad = { TA_ACT, (FP)svc_sum };
	T_DSVC none = { TA_HLNG, NULL };
	UINT n;
	ER ercd;

	tap_ercd(def_svc(0, &sum), E_PAR, "def_svc(0): E_PAR");
	ER_IS(def_svc(-1, &sum), E_PAR);
	tap_ercd(def_svc(2, &bad), E_RSATR, "def_svc: a bad attribute");
	ER_IS(def_svc(2, &none), E_PAR);
	ER_IS(def_svc(2, &sum), E_OK);
	tap_int(cal_svc(2, 1, 2), 21, "def_svc defines a new code");
	ER_IS(def_svc(1, &ctx), E_OK);
	tap_int(cal_svc(1, 0), 1, "... or redefines DEF_SVC's");
	ER_IS(def_svc(1, NULL), E_OK);
	tap_ercd(cal_svc(1), E_RSFN, "def_svc(NULL) undefines DEF_SVC's");
	ER_IS(def_svc(2, NULL), E_OK);
	ER_IS(cal_svc(2), E_RSFN);
	ER_IS(def_svc(1, &sum), E_OK);
	INT_IS(cal_svc(1, 3), 3);
	for (n = 0; n < 20 && def_svc(100 + (FN)n, &sum) == E_OK; n++)
		;
	tap_int(n, 14, "room for 16 definitions (2 in use): then E_NOMEM");
	ER_IS(def_svc(100, NULL), E_OK);
	tap_ercd(def_svc(200, &sum), E_NOMEM, "an undefined code keeps its "
		 "entry");
	loc_cpu();
	ercd = def_svc(3, &sum);
	unl_cpu();
	ER_IS(ercd, E_CTX);
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
	tap_ercd(sw_ercd[2], E_CTX, "def_svc from a handler");
	test_def_svc();
	tap_done();
}
