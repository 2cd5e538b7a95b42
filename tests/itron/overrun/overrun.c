/*
 * Conformance: the overrun handler - DEF_OVR, sta_ovr ista_ovr stp_ovr
 * istp_ovr ref_ovr def_ovr, their error codes, the handler's arguments and
 * context, a budget used only while the task runs (a sleeping task is
 * not charged), a stopped budget and one stopped by the task's end.
 */
#include "tests.h"

static volatile UINT	ovr_count;
static volatile ID	ovr_tskid;
static volatile VP_INT	ovr_exinf;
static volatile BOOL	ovr_ctx;
static volatile ER	ovr_sta, ovr_ista;
static volatile BOOL	spinning, stop_spin;
static volatile SYSTIM	spin_start, spin_end;

void overrun_handler(ID tskid, VP_INT exinf)
{
	ovr_count++;
	ovr_tskid = tskid;
	ovr_exinf = exinf;
	ovr_ctx = sns_ctx();
	ovr_sta = sta_ovr(tskid, 10);
	ovr_ista = ista_ovr(0, 10);
	stop_spin = TRUE;
}

/* SPIN_TASK: uses the processor until its overrun handler says stop. */
void low_task(VP_INT exinf)
{
	(void)exinf;
	stop_spin = FALSE;
	spinning = TRUE;
	while (!stop_spin)
		;
	spinning = FALSE;
}

/* TASK1: sleeps with a budget running. */
void act_task(VP_INT exinf)
{
	(void)exinf;
	(void)sta_ovr(TSK_SELF, 20);
	(void)dly_tsk(100);
}

static volatile ER	sw_ercd[4];

void swi_handler(void)
{
	T_ROVR r;

	sw_ercd[0] = sta_ovr(TASK1, 10);
	sw_ercd[1] = ista_ovr(TASK1, 50);
	sw_ercd[2] = istp_ovr(TASK1);
	sw_ercd[3] = ref_ovr(TASK1, &r);
}

static T_ROVR state(ID tskid)
{
	T_ROVR r = { 0xff, 12345 };

	(void)ref_ovr(tskid, &r);
	return r;
}

static void test_errors(void)
{
	T_ROVR r;
	ER e[3];

	ER_IS(sta_ovr(-1, 10), E_ID);
	ER_IS(sta_ovr(TNUM_TSKID + 1, 10), E_ID);
	ER_IS(stp_ovr(-1), E_ID);
	ER_IS(ref_ovr(TNUM_TSKID + 1, &r), E_ID);
	tap_ercd(sta_ovr(TSK_SELF, 0), E_PAR, "sta_ovr(0): E_PAR");
	ER_IS(sta_ovr(TSK_SELF, TMAX_OVRTIM + 1), E_PAR);
	ER_IS(ref_ovr(TSK_SELF, NULL), E_PAR);
	tap_ercd(sta_ovr(SPIN_TASK, 10), E_OBJ, "sta_ovr: a dormant task");
	ER_IS(ista_ovr(TSK_SELF, 10), E_CTX);
	ER_IS(istp_ovr(MAIN_TASK), E_CTX);
	loc_cpu();
	e[0] = sta_ovr(TSK_SELF, 10);
	e[1] = stp_ovr(TSK_SELF);
	e[2] = ref_ovr(TSK_SELF, &r);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);

	ER_IS(ras_int(INTNO_SWI1), E_OK);
	ER_IS(sw_ercd[0], E_CTX);
	tap_ercd(sw_ercd[1], E_OBJ, "ista_ovr: a dormant task");
	ER_IS(sw_ercd[2], E_OK);
	ER_IS(sw_ercd[3], E_CTX);
}

static void test_state(void)
{
	T_ROVR r;

	r = state(TSK_SELF);
	tap_int(r.ovrstat, TOVR_STP, "not started at first");
	INT_IS(r.leftotm, 0);
	ER_IS(sta_ovr(TSK_SELF, 100000), E_OK);
	r = state(TSK_SELF);
	tap_int(r.ovrstat, TOVR_STA, "sta_ovr starts it");
	tap_ok(r.leftotm <= 100000 && r.leftotm > 90000, "leftotm: the budget");
	ER_IS(stp_ovr(TSK_SELF), E_OK);
	tap_int(state(TSK_SELF).ovrstat, TOVR_STP, "stp_ovr stops it");
	ER_IS(stp_ovr(TSK_SELF), E_OK);
}

static void test_overrun(void)
{
	SYSTIM t0, t1;
	UINT waited;

	/* A spinning task overruns; its handler sees who and stops it. */
	ER_IS(act_tsk(SPIN_TASK), E_OK);
	ER_IS(sta_ovr(SPIN_TASK, 30), E_OK);
	(void)get_tim(&t0);
	for (waited = 0; ovr_count == 0 && waited < 5000; waited++)
		(void)dly_tsk(1);
	(void)get_tim(&t1);
	tap_int(ovr_count, 1, "the overrun handler ran once");
	tap_int(ovr_tskid, SPIN_TASK, "... with the task's ID");
	tap_int(ovr_exinf, 7, "... and its exinf");
	tap_ok(ovr_ctx, "... in non-task context");
	ER_IS(ovr_sta, E_CTX);
	ER_IS(ovr_ista, E_ID);
	tap_ok(t1 - t0 >= 30, "not before the task used its budget");
	(void)dly_tsk(20);
	tap_ok(!spinning, "the task stopped when told");
	tap_int(state(SPIN_TASK).ovrstat, TOVR_STP, "stopped once it ran");

	/* A task that sleeps uses no processor time. */
	ovr_count = 0;
	ER_IS(act_tsk(TASK1), E_OK);
	(void)dly_tsk(60);
	tap_int(ovr_count, 0, "a sleeping task does not overrun");
	tap_int(state(TASK1).ovrstat, TOVR_STA, "... its budget still runs");
	ER_IS(ter_tsk(TASK1), E_OK);
	tap_int(state(TASK1).ovrstat, TOVR_STP, "ter_tsk stops the budget");

	/* A stopped budget does not fire. */
	ER_IS(act_tsk(SPIN_TASK), E_OK);
	ER_IS(sta_ovr(SPIN_TASK, 10), E_OK);
	ER_IS(stp_ovr(SPIN_TASK), E_OK);
	(void)dly_tsk(40);
	tap_int(ovr_count, 0, "stp_ovr: no overrun");
	tap_ok(spinning, "... the task still spins");
	ER_IS(ter_tsk(SPIN_TASK), E_OK);
}

static void test_def_ovr(void)
{
	T_DOVR dovr = { TA_HLNG, (FP)overrun_handler };
	T_DOVR bad = { TA_ACT, (FP)overrun_handler };
	T_DOVR none = { TA_HLNG, NULL };

	tap_ercd(def_ovr(&bad), E_RSATR, "def_ovr: a bad attribute");
	ER_IS(def_ovr(&none), E_PAR);
	ER_IS(sta_ovr(TSK_SELF, 100000), E_OK);
	ER_IS(def_ovr(NULL), E_OK);
	tap_ercd(sta_ovr(TSK_SELF, 10), E_OBJ, "def_ovr(NULL): no handler, "
		 "E_OBJ");
	ER_IS(ref_ovr(TSK_SELF, &(T_ROVR){ 0, 0 }), E_OBJ);
	ER_IS(def_ovr(&dovr), E_OK);
	tap_int(state(TSK_SELF).ovrstat, TOVR_STP, "... and the budgets "
		"stopped");
	ER_IS(sta_ovr(TSK_SELF, 10), E_OK);
	ER_IS(stp_ovr(TSK_SELF), E_OK);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_state();
	test_overrun();
	test_def_ovr();
	tap_done();
}
