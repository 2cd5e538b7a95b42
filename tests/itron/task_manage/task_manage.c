/*
 * Conformance: task management - act_tsk iact_tsk can_act ext_tsk
 * ter_tsk chg_pri get_pri, their error codes and their effect on
 * scheduling order.
 */
#include "tests.h"

static volatile INT	high_runs;
static volatile INT	low_runs;
static volatile VP_INT	high_exinf;

void high_task(VP_INT exinf)
{
	high_exinf = exinf;
	high_runs++;
}

void low_task(VP_INT exinf)
{
	(void)exinf;
	low_runs++;
	tap_step(3);
	/* Returning from the task body is ext_tsk(). */
}

/* TA_ACT: running before MAIN_TASK could activate it (lower priority). */
static volatile BOOL	act_task_ran;

void act_task(VP_INT exinf)
{
	(void)exinf;
	act_task_ran = TRUE;
	(void)slp_tsk();
}

/* Handler context: task-context calls fail, i-calls work. */
void swi_handler(void)
{
	ER_IS(act_tsk(HIGH_TASK), E_CTX);
	ER_IS(can_act(HIGH_TASK), E_CTX);
	ER_IS(ter_tsk(LOW_TASK), E_CTX);
	ER_IS(chg_pri(LOW_TASK, HIGH_PRI), E_CTX);
	ER_IS(iact_tsk(TSK_SELF), E_ID);
	ER_IS(iact_tsk(0x7fff), E_ID);
	ER_IS(iact_tsk(HIGH_TASK), E_OK);
	ER_IS(iact_tsk(HIGH_TASK), E_OK);
	ER_IS(iact_tsk(HIGH_TASK), E_QOVR);
}

static void test_errors(void)
{
	PRI pri;

	ER_IS(act_tsk(-1), E_ID);
	ER_IS(act_tsk(TNUM_TSKID + 1), E_ID);
	ER_IS(iact_tsk(HIGH_TASK), E_CTX);
	ER_IS(can_act(TNUM_TSKID + 1), E_ID);
	ER_IS(ter_tsk(TSK_SELF), E_ILUSE);
	ER_IS(ter_tsk(MAIN_TASK), E_ILUSE);
	ER_IS(ter_tsk(HIGH_TASK), E_OBJ);
	ER_IS(ter_tsk(0x7fff), E_ID);
	ER_IS(chg_pri(HIGH_TASK, MID_PRI), E_OBJ);
	ER_IS(chg_pri(TSK_SELF, -1), E_PAR);
	ER_IS(chg_pri(TSK_SELF, TMAX_TPRI + 1), E_PAR);
	ER_IS(chg_pri(0x7fff, MID_PRI), E_ID);
	ER_IS(get_pri(HIGH_TASK, &pri), E_OBJ);
	ER_IS(get_pri(TSK_SELF, NULL), E_PAR);
	ER_IS(get_pri(-3, &pri), E_ID);
}

static void test_activation(void)
{
	/* A higher-priority task runs at once and ends. */
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	INT_IS(high_runs, 1);
	INT_IS(high_exinf, 7);

	/* A lower-priority one waits for us; requests queue up to 1. */
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(act_tsk(LOW_TASK), E_QOVR);
	INT_IS(low_runs, 0);
	INT_IS(can_act(LOW_TASK), 1);
	INT_IS(can_act(LOW_TASK), 0);

	/* Lowering ourselves below it lets it run. */
	tap_step(2);
	ER_IS(chg_pri(TSK_SELF, LOW_PRI + 1), E_OK);
	tap_step(4);
	INT_IS(low_runs, 1);
	ER_IS(chg_pri(TSK_SELF, TPRI_INI), E_OK);
}

static void test_priority(void)
{
	PRI pri;

	ER_IS(get_pri(TSK_SELF, &pri), E_OK);
	INT_IS(pri, MID_PRI);
	ER_IS(get_pri(ACT_TASK, &pri), E_OK);
	INT_IS(pri, LOW_PRI);
	ER_IS(chg_pri(ACT_TASK, HIGH_PRI), E_OK);
	ER_IS(get_pri(ACT_TASK, &pri), E_OK);
	INT_IS(pri, HIGH_PRI);
	ER_IS(chg_pri(ACT_TASK, TPRI_INI), E_OK);
	ER_IS(get_pri(ACT_TASK, &pri), E_OK);
	INT_IS(pri, LOW_PRI);
}

static void test_termination(void)
{
	PRI pri;

	/* ACT_TASK sleeps; terminating it makes it dormant. */
	ER_IS(ter_tsk(ACT_TASK), E_OK);
	ER_IS(get_pri(ACT_TASK, &pri), E_OBJ);
	ER_IS(ter_tsk(ACT_TASK), E_OBJ);
	/* A queued activation restarts a terminated task at once. */
	act_task_ran = FALSE;
	ER_IS(act_tsk(ACT_TASK), E_OK);
	ER_IS(act_tsk(ACT_TASK), E_OK);
	ER_IS(ter_tsk(ACT_TASK), E_OK);
	ER_IS(get_pri(ACT_TASK, &pri), E_OK);
	INT_IS(can_act(ACT_TASK), 0);
	ER_IS(ter_tsk(ACT_TASK), E_OK);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	/* ACT_TASK (TA_ACT, lower priority) has not run yet. */
	OK(!act_task_ran);
	tap_step(1);
	test_errors();
	test_activation();
	test_priority();

	/* From a handler: iact_tsk readies HIGH_TASK, which preempts us
	 * as soon as the handler returns. */
	high_runs = 0;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(high_runs, 2);

	/* Let ACT_TASK run (and go to sleep) before terminating it. */
	ER_IS(chg_pri(TSK_SELF, LOW_PRI + 1), E_OK);
	OK(act_task_ran);
	ER_IS(chg_pri(TSK_SELF, TPRI_INI), E_OK);
	test_termination();
	tap_done();
}
