/*
 * Conformance: starting and ending the kernel - ATT_INI routines run in
 * order, in non-task context, before any task; TA_ACT tasks start in
 * priority order (FIFO among equals); VATT_TER routines run at ext_ker in
 * the reverse order.  The last termination routine prints the plan.
 */
#include "tests.h"

static volatile UINT	ini_done;	/* initialization routines run */
static volatile UINT	tasks_run;	/* tasks started */

/* ATT_INI, exinf 1, 2, 3 in the order of the .cfg. */
void ini_routine(VP_INT exinf)
{
	ID tskid = -1;

	tap_step((UINT)exinf);
	INT_IS(ini_done, exinf - 1);
	INT_IS(tasks_run, 0);
	OK(sns_ctx());
	OK(sns_dpn());
	/* Non-task context: task-context calls fail, i-calls work. */
	ER_IS(act_tsk(ACT_TASK), E_CTX);
	ER_IS(get_tid(&tskid), E_CTX);
	if (exinf == 2) {
		ER_IS(iget_tid(&tskid), E_OK);
		INT_IS(tskid, TSK_NONE);
		/* Objects exist already: initialization routines may use
		 * them.  ACT_TASK starts with the others. */
		ER_IS(isig_sem(SEM1), E_OK);
		ER_IS(iact_tsk(ACT_TASK), E_OK);
	}
	ini_done++;
	/* Returning with the CPU locked does not stop the kernel. */
	if (exinf == 3)
		ER_IS(iloc_cpu(), E_OK);
}

/* HIGH_PRI, TA_ACT, defined last: runs first. */
void high_task(VP_INT exinf)
{
	tap_step(4);
	tasks_run++;
	INT_IS(ini_done, 3);
	INT_IS(exinf, 42);
	OK(!sns_ctx());
}

/* HIGH_PRI + 1, activated by an initialization routine. */
void act_task(VP_INT exinf)
{
	(void)exinf;
	tap_step(5);
	tasks_run++;
}

/* MID_PRI, TA_ACT, defined before MAIN_TASK: runs before it. */
void mid_task(VP_INT exinf)
{
	(void)exinf;
	tap_step(6);
	tasks_run++;
}

/* LOW_PRI, TA_ACT, defined first: runs last. */
void low_task(VP_INT exinf)
{
	(void)exinf;
	tap_step(8);
	tasks_run++;
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	tap_step(7);
	tasks_run++;
	ER_IS(pol_sem(SEM1), E_OK);	/* signalled by ini_routine */
	ER_IS(pol_sem(SEM1), E_TMOUT);
	ER_IS(dly_tsk(10), E_OK);	/* LOW_TASK runs */
	tap_step(9);
	INT_IS(tasks_run, 5);
	/* Ends the system: the termination routines print the rest. */
	(void)ext_ker();
	tap_ok(FALSE, "ext_ker() returned");
	tap_done();
}

/* VATT_TER, exinf 1, 2, 3 in the order of the .cfg: run 3, 2, 1. */
void ter_routine(VP_INT exinf)
{
	tap_step(13U - (UINT)exinf);
	INT_IS(tasks_run, 5);
	if (exinf == 1)
		tap_plan();
}
