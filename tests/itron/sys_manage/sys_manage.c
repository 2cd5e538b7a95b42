/*
 * Conformance: system state management - rot_rdq irot_rdq get_tid
 * iget_tid loc_cpu unl_cpu iloc_cpu iunl_cpu dis_dsp ena_dsp and the
 * four sns_ calls in every state: task, CPU locked, dispatching
 * disabled, both, handler, idle.
 */
#include "tests.h"

/* The four senses at once: ctx, loc, dsp, dpn as bits 3..0. */
#define SNS_CTX		0x8U
#define SNS_LOC		0x4U
#define SNS_DSP		0x2U
#define SNS_DPN		0x1U

static UINT senses(void)
{
	return (sns_ctx() ? SNS_CTX : 0U) | (sns_loc() ? SNS_LOC : 0U) |
	       (sns_dsp() ? SNS_DSP : 0U) | (sns_dpn() ? SNS_DPN : 0U);
}

/* Order in which tasks ran: each appends its exinf. */
static volatile INT	order[8];
static volatile UINT	norder;

static void note_run(VP_INT exinf)
{
	if (norder < sizeof(order) / sizeof(order[0]))
		order[norder++] = (INT)exinf;
}

/* MID_TASK1/2 (MID_PRI) and LOW_TASK1/2/3 (LOW_PRI). */
void mid_task(VP_INT exinf)
{
	ID tskid;

	note_run(exinf);
	ER_IS(get_tid(&tskid), E_OK);
	INT_IS(tskid, exinf == 1 ? MID_TASK1 : MID_TASK2);
}

void low_task(VP_INT exinf)
{
	note_run(exinf);
}

/* HIGH_TASK: leaves the state the test asks for, then ends. */
enum { HIGH_PLAIN, HIGH_DIS_DSP, HIGH_LOC_CPU };
static volatile UINT	high_mode;
static volatile UINT	high_runs;

void high_task(VP_INT exinf)
{
	ID tskid;

	(void)exinf;
	high_runs++;
	ER_IS(get_tid(&tskid), E_OK);
	INT_IS(tskid, HIGH_TASK);
	switch (high_mode) {
	case HIGH_DIS_DSP:
		ER_IS(dis_dsp(), E_OK);
		break;
	case HIGH_LOC_CPU:
		ER_IS(loc_cpu(), E_OK);
		break;
	}
	/* Ending the task ends both states (ext_tsk). */
}

/* The software interrupt, in the mode the task asks for. */
enum { SWI_CALLS, SWI_LOCKED_EXIT, SWI_ROTATE, SWI_SENSE };
static volatile UINT	swi_mode;
static volatile UINT	swi_senses;

void swi_handler(void)
{
	ID tskid;

	switch (swi_mode) {
	case SWI_CALLS:
		INT_IS(senses(), SNS_CTX | SNS_DPN);
		ER_IS(rot_rdq(MID_PRI), E_CTX);
		ER_IS(rot_rdq(TPRI_SELF), E_CTX);
		ER_IS(get_tid(&tskid), E_CTX);
		ER_IS(loc_cpu(), E_CTX);
		ER_IS(unl_cpu(), E_CTX);
		ER_IS(dis_dsp(), E_CTX);
		ER_IS(ena_dsp(), E_CTX);
		ER_IS(irot_rdq(TPRI_SELF), E_PAR);
		ER_IS(irot_rdq(TMAX_TPRI + 1), E_PAR);
		ER_IS(irot_rdq(-1), E_PAR);
		ER_IS(irot_rdq(LOW_PRI), E_OK);	/* empty: no-op */
		tskid = -1;
		ER_IS(iget_tid(&tskid), E_OK);
		INT_IS(tskid, MAIN_TASK);	/* the interrupted task */
		ER_IS(iunl_cpu(), E_OK);		/* not locked: no-op */
		ER_IS(iloc_cpu(), E_OK);
		INT_IS(senses(), SNS_CTX | SNS_LOC | SNS_DPN);
		ER_IS(iloc_cpu(), E_OK);		/* locked: no-op */
		ER_IS(iget_tid(&tskid), E_CTX);
		ER_IS(irot_rdq(LOW_PRI), E_CTX);
		ER_IS(iunl_cpu(), E_OK);
		INT_IS(senses(), SNS_CTX | SNS_DPN);
		break;
	case SWI_LOCKED_EXIT:
		/* Returning with the CPU locked: the kernel unlocks. */
		ER_IS(iloc_cpu(), E_OK);
		break;
	case SWI_ROTATE:
		/* MAIN_TASK goes behind MID_TASK1 when we return. */
		ER_IS(irot_rdq(MID_PRI), E_OK);
		tap_step(9);
		break;
	case SWI_SENSE:
		swi_senses = senses();
		break;
	}
}

/* Cyclic handler: runs while every task waits. */
static volatile ID	idle_tid = -1;
static volatile UINT	idle_senses;
static volatile UINT	cyc_runs;

void cyclic_handler(VP_INT exinf)
{
	ID tskid = -1;

	(void)exinf;
	if (cyc_runs++ > 0U)
		return;
	(void)iget_tid(&tskid);
	idle_tid = tskid;
	idle_senses = senses();
	(void)iwup_tsk(MAIN_TASK);
}

static void test_senses(void)
{
	ID tskid = -1;

	/* Task context. */
	INT_IS(senses(), 0);
	ER_IS(get_tid(&tskid), E_OK);
	INT_IS(tskid, MAIN_TASK);
	ER_IS(iget_tid(&tskid), E_CTX);
	ER_IS(iloc_cpu(), E_CTX);
	ER_IS(iunl_cpu(), E_CTX);
	ER_IS(irot_rdq(MID_PRI), E_CTX);
	ER_IS(unl_cpu(), E_OK);			/* not locked: no-op */
	ER_IS(ena_dsp(), E_OK);			/* not disabled: no-op */
	INT_IS(senses(), 0);

	/* CPU locked. */
	ER_IS(loc_cpu(), E_OK);
	INT_IS(senses(), SNS_LOC | SNS_DPN);
	ER_IS(loc_cpu(), E_OK);			/* nests to one level */
	ER_IS(get_tid(&tskid), E_CTX);
	ER_IS(rot_rdq(TPRI_SELF), E_CTX);
	ER_IS(dis_dsp(), E_CTX);
	ER_IS(ena_dsp(), E_CTX);
	ER_IS(iloc_cpu(), E_CTX);
	ER_IS(iunl_cpu(), E_CTX);
	ER_IS(unl_cpu(), E_OK);
	INT_IS(senses(), 0);

	/* Dispatching disabled. */
	ER_IS(dis_dsp(), E_OK);
	INT_IS(senses(), SNS_DSP | SNS_DPN);
	ER_IS(dis_dsp(), E_OK);
	ER_IS(get_tid(&tskid), E_OK);
	ER_IS(dly_tsk(1), E_CTX);
	ER_IS(slp_tsk(), E_CTX);

	/* Both; unlocking leaves dispatching disabled. */
	ER_IS(loc_cpu(), E_OK);
	INT_IS(senses(), SNS_LOC | SNS_DSP | SNS_DPN);
	ER_IS(unl_cpu(), E_OK);
	INT_IS(senses(), SNS_DSP | SNS_DPN);
	ER_IS(ena_dsp(), E_OK);
	INT_IS(senses(), 0);

	/* Handler context, with the task in each state. */
	swi_mode = SWI_CALLS;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(senses(), 0);
	swi_mode = SWI_SENSE;
	ER_IS(dis_dsp(), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(swi_senses, SNS_CTX | SNS_DSP | SNS_DPN);
	ER_IS(ena_dsp(), E_OK);
	swi_senses = 0U;
	ER_IS(loc_cpu(), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* held until unl_cpu */
	INT_IS(swi_senses, 0);
	ER_IS(unl_cpu(), E_OK);
	INT_IS(swi_senses, SNS_CTX | SNS_DPN);

	/* A handler that returns with the CPU locked is unlocked for. */
	swi_mode = SWI_LOCKED_EXIT;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(senses(), 0);
	ER_IS(get_tid(&tskid), E_OK);
}

static void test_dispatch(void)
{
	/* A higher-priority task readied meanwhile runs at ena_dsp. */
	high_mode = HIGH_PLAIN;
	ER_IS(dis_dsp(), E_OK);
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	INT_IS(high_runs, 0);
	ER_IS(loc_cpu(), E_OK);
	ER_IS(unl_cpu(), E_OK);			/* not at unl_cpu */
	INT_IS(high_runs, 0);
	ER_IS(ena_dsp(), E_OK);
	INT_IS(high_runs, 1);

	/* ext_tsk ends the task's dispatch-disabled and locked states. */
	high_mode = HIGH_DIS_DSP;
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	INT_IS(high_runs, 2);
	INT_IS(senses(), 0);
	high_mode = HIGH_LOC_CPU;
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	INT_IS(high_runs, 3);
	INT_IS(senses(), 0);
}

static void test_rotate(void)
{
	ER_IS(rot_rdq(-1), E_PAR);
	ER_IS(rot_rdq(TMAX_TPRI + 1), E_PAR);
	ER_IS(rot_rdq(TPRI_SELF), E_OK);		/* alone: no-op */
	ER_IS(rot_rdq(MID_PRI), E_OK);
	ER_IS(rot_rdq(HIGH_PRI), E_OK);		/* empty */

	/* Our own priority: we go behind MID_TASK1 and MID_TASK2. */
	norder = 0U;
	ER_IS(act_tsk(MID_TASK1), E_OK);
	ER_IS(act_tsk(MID_TASK2), E_OK);
	INT_IS(norder, 0);
	tap_step(1);
	ER_IS(rot_rdq(TPRI_SELF), E_OK);
	tap_step(2);
	INT_IS(norder, 2);
	INT_IS(order[0], 1);
	INT_IS(order[1], 2);

	/* By number, and with dispatching disabled: at ena_dsp. */
	norder = 0U;
	ER_IS(act_tsk(MID_TASK2), E_OK);
	ER_IS(dis_dsp(), E_OK);
	ER_IS(rot_rdq(MID_PRI), E_OK);
	tap_step(3);
	INT_IS(norder, 0);
	ER_IS(ena_dsp(), E_OK);
	tap_step(4);
	INT_IS(norder, 1);

	/* A lower priority: their order changes, ours does not. */
	norder = 0U;
	ER_IS(act_tsk(LOW_TASK1), E_OK);
	ER_IS(act_tsk(LOW_TASK2), E_OK);
	ER_IS(act_tsk(LOW_TASK3), E_OK);
	ER_IS(rot_rdq(LOW_PRI), E_OK);		/* 2 3 1 */
	ER_IS(rot_rdq(LOW_PRI), E_OK);		/* 3 1 2 */
	tap_step(5);
	INT_IS(norder, 0);
	ER_IS(dly_tsk(20), E_OK);
	tap_step(6);
	INT_IS(norder, 3);
	INT_IS(order[0], 3);
	INT_IS(order[1], 1);
	INT_IS(order[2], 2);

	/* From a handler: we are preempted as it returns. */
	norder = 0U;
	ER_IS(act_tsk(MID_TASK1), E_OK);
	tap_step(7);
	swi_mode = SWI_ROTATE;
	tap_step(8);
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 9 in the handler */
	tap_step(10);
	INT_IS(norder, 1);
	INT_IS(order[0], 1);
}

/* iget_tid in a handler while no task runs: TSK_NONE. */
static void test_idle(void)
{
	ER_IS(sta_cyc(CYC1), E_OK);
	ER_IS(slp_tsk(), E_OK);			/* woken by the handler */
	ER_IS(stp_cyc(CYC1), E_OK);
	INT_IS(idle_tid, TSK_NONE);
	INT_IS(idle_senses, SNS_CTX | SNS_DPN);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_senses();
	test_dispatch();
	test_rotate();
	test_idle();
	tap_done();
}
