/*
 * Conformance: interrupt management (TOPPERS/ASP) - CFG_INT with and
 * without TA_ENAINT, dis_int and ena_int, the interrupt priority mask
 * (chg_ipm, get_ipm) by priority, an interrupt held while disabled or
 * masked running once when let through, dispatching and the task
 * exception routine held while the mask is set, and the mask undone by
 * ext_tsk and after a task exception routine; their error codes.
 */
#include "tests.h"

#define SWI1_PRI	(-2)
#define SWI2_PRI	(-4)

static volatile UINT	swi1_runs, swi2_runs;
static volatile ER	h_ercd[4];
static volatile BOOL	high_ran;
static volatile INT	high_mode;
static volatile UINT	high_saw_swi1;	/* swi1_runs when HIGH_TASK ran */

void swi_handler(void)
{
	PRI ipm;

	swi1_runs++;
	h_ercd[0] = chg_ipm(TIPM_ENAALL);
	h_ercd[1] = get_ipm(&ipm);
	h_ercd[2] = dis_int(INTNO_SWI2);
	h_ercd[3] = ena_int(INTNO_SWI2);
}

void swi2_handler(void)
{
	swi2_runs++;
}

void high_task(VP_INT exinf)
{
	(void)exinf;
	high_ran = TRUE;
	high_saw_swi1 = swi1_runs;
	if (high_mode == 1) {
		/* ext_tsk undoes what the task left, and runs what it held. */
		(void)chg_ipm(SWI1_PRI);
		(void)ras_int(INTNO_SWI1);
		(void)ext_tsk();
	}
}

static volatile PRI	tex_ipm = 99;
static volatile UINT	tex_runs;

void tex_routine(TEXPTN texptn, VP_INT exinf)
{
	PRI ipm;

	(void)texptn;
	(void)exinf;
	tex_runs++;
	(void)get_ipm(&ipm);
	tex_ipm = ipm;
	(void)chg_ipm(-3);	/* undone when the routine returns ... */
	(void)ras_int(INTNO_SWI1);	/* ... which lets this through */
}

static void test_errors(void)
{
	PRI ipm = 99;
	ER e[3];

	ER_IS(chg_ipm(TMIN_INTPRI - 1), E_PAR);
	ER_IS(chg_ipm(1), E_PAR);
	ER_IS(get_ipm(NULL), E_PAR);
	ER_IS(get_ipm(&ipm), E_OK);
	tap_int(ipm, TIPM_ENAALL, "the mask is TIPM_ENAALL at start");
	tap_ercd(dis_int(12345), E_OBJ, "dis_int: no CFG_INT for it");
	tap_ercd(ena_int(12345), E_OBJ, "ena_int: no CFG_INT for it");
	loc_cpu();
	e[0] = chg_ipm(-1);
	e[1] = get_ipm(&ipm);
	e[2] = dis_int(INTNO_SWI1);
	unl_cpu();
	tap_ercd(e[0], E_CTX, "chg_ipm with the CPU locked");
	tap_ercd(e[1], E_CTX, "get_ipm with the CPU locked");
	tap_ercd(e[2], E_OK, "dis_int with the CPU locked: allowed");
	ER_IS(ena_int(INTNO_SWI1), E_OK);

	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(swi1_runs, 1);
	tap_ercd(h_ercd[0], E_CTX, "chg_ipm from a handler");
	tap_ercd(h_ercd[1], E_CTX, "get_ipm from a handler");
	tap_ercd(h_ercd[2], E_CTX, "dis_int from a handler");
	tap_ercd(h_ercd[3], E_CTX, "ena_int from a handler");
	swi1_runs = 0;
}

static void test_enable(void)
{
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	tap_int(swi2_runs, 0, "without TA_ENAINT: disabled at start, held");
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	ER_IS(ena_int(INTNO_SWI2), E_OK);
	tap_int(swi2_runs, 1, "ena_int: the held interrupt runs, once");
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	tap_int(swi2_runs, 2, "enabled: it runs at once");

	ER_IS(dis_int(INTNO_SWI1), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_int(swi1_runs, 0, "dis_int: held");
	ER_IS(dis_int(INTNO_SWI1), E_OK);
	ER_IS(ena_int(INTNO_SWI1), E_OK);
	tap_int(swi1_runs, 1, "ena_int: runs");
	ER_IS(ena_int(INTNO_SWI1), E_OK);
	INT_IS(swi1_runs, 1);
}

static void test_mask(void)
{
	PRI ipm = 99;
	ER e[3];

	ER_IS(chg_ipm(SWI1_PRI), E_OK);
	ER_IS(get_ipm(&ipm), E_OK);
	tap_int(ipm, SWI1_PRI, "get_ipm: what chg_ipm set");
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	tap_int(swi1_runs, 1, "mask -2: an interrupt of priority -2 is held");
	tap_int(swi2_runs, 3, "... one of priority -4 runs");
	tap_ok(sns_dpn(), "sns_dpn: dispatching pending under a mask");
	tap_ok(!sns_dsp(), "sns_dsp: dispatching itself not disabled");
	e[0] = tslp_tsk(10);
	e[1] = dly_tsk(1);
	ER_IS(e[0], E_CTX);
	tap_ercd(e[1], E_CTX, "waiting under a mask: E_CTX, as in ASP");
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	tap_ok(!high_ran, "a higher task made ready does not run yet");

	ER_IS(chg_ipm(SWI2_PRI), E_OK);
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	tap_int(swi2_runs, 3, "mask -4: priority -4 held too");
	INT_IS(swi1_runs, 1);

	ER_IS(chg_ipm(TIPM_ENAALL), E_OK);
	tap_int(swi1_runs, 2, "TIPM_ENAALL: the held interrupts run");
	INT_IS(swi2_runs, 4);
	tap_ok(high_ran, "... and the higher task, at once");
	OK(!sns_dpn());

	/* dis_int and the mask together: held until both let it through. */
	ER_IS(dis_int(INTNO_SWI2), E_OK);
	ER_IS(chg_ipm(-1), E_OK);
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	ER_IS(chg_ipm(TIPM_ENAALL), E_OK);
	tap_int(swi2_runs, 4, "disabled: unmasking does not run it");
	ER_IS(ena_int(INTNO_SWI2), E_OK);
	tap_int(swi2_runs, 5, "enabled: it runs");

	/* Lowering the mask: the held interrupt before a higher task. */
	swi1_runs = 0;
	high_ran = FALSE;
	high_mode = 0;
	ER_IS(chg_ipm(TMIN_INTPRI), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	ER_IS(chg_ipm(TIPM_ENAALL), E_OK);
	OK(high_ran);
	tap_int(high_saw_swi1, 1, "chg_ipm: the held interrupt runs before "
		"the task it lets run");
}

static void test_task_end(void)
{
	PRI ipm = 99;

	high_ran = FALSE;
	high_mode = 1;
	swi1_runs = 0;
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	OK(high_ran);
	tap_int(swi1_runs, 1, "ext_tsk: what the task's mask held runs");
	ER_IS(get_ipm(&ipm), E_OK);
	tap_int(ipm, TIPM_ENAALL, "ext_tsk sets the mask back to TIPM_ENAALL");

	ER_IS(chg_ipm(-1), E_OK);
	ER_IS(ena_tex(), E_OK);
	ER_IS(ras_tex(TSK_SELF, 1), E_OK);
	tap_int(tex_runs, 0, "under a mask the exception routine waits");
	ER_IS(chg_ipm(TIPM_ENAALL), E_OK);
	tap_int(tex_runs, 1, "... and runs when the mask is TIPM_ENAALL");
	tap_int(swi1_runs, 2, "what the routine's mask held runs when it "
		"returns");
	INT_IS(tex_ipm, TIPM_ENAALL);
	ER_IS(get_ipm(&ipm), E_OK);
	tap_int(ipm, TIPM_ENAALL, "... what it changed is undone");
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_enable();
	test_mask();
	test_task_end();
	tap_done();
}
