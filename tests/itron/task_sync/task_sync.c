/*
 * Conformance: task-dependent synchronization - slp_tsk tslp_tsk wup_tsk
 * iwup_tsk can_wup rel_wai irel_wai sus_tsk rsm_tsk frsm_tsk dly_tsk,
 * their error codes, wakeup queueing, the WAITING-SUSPENDED state and
 * the order in which tasks run.
 */
#include "tests.h"

/* What the software interrupt handler does this time. */
enum {
	SWI_CALLS,		/* handler-context error codes */
	SWI_IREL,		/* irel_wai(HIGH_TASK) */
	SWI_IWUP		/* iwup_tsk(HIGH_TASK), queueing */
};

static volatile UINT	swi_mode;
static volatile UINT	swi_runs;

void swi_handler(void)
{
	swi_runs++;
	switch (swi_mode) {
	case SWI_CALLS:
		/* Task-context calls fail here. */
		ER_IS(slp_tsk(), E_CTX);
		ER_IS(tslp_tsk(10), E_CTX);
		ER_IS(dly_tsk(10), E_CTX);
		ER_IS(wup_tsk(MAIN_TASK), E_CTX);
		ER_IS(can_wup(MAIN_TASK), E_CTX);
		ER_IS(rel_wai(MAIN_TASK), E_CTX);
		ER_IS(sus_tsk(MAIN_TASK), E_CTX);
		ER_IS(rsm_tsk(MAIN_TASK), E_CTX);
		ER_IS(frsm_tsk(MAIN_TASK), E_CTX);
		/* i-calls: bad IDs, bad states. */
		ER_IS(iwup_tsk(TSK_SELF), E_ID);
		ER_IS(iwup_tsk(TNUM_TSKID + 1), E_ID);
		ER_IS(iwup_tsk(HIGH_TASK), E_OBJ);
		ER_IS(irel_wai(TSK_SELF), E_ID);
		ER_IS(irel_wai(-1), E_ID);
		ER_IS(irel_wai(HIGH_TASK), E_OBJ);
		ER_IS(irel_wai(MAIN_TASK), E_OBJ);
		/* The interrupted task is running, not sleeping: queued. */
		ER_IS(iwup_tsk(MAIN_TASK), E_OK);
		ER_IS(iwup_tsk(MAIN_TASK), E_QOVR);
		/* Not with the CPU locked. */
		ER_IS(iloc_cpu(), E_OK);
		ER_IS(iwup_tsk(MAIN_TASK), E_CTX);
		ER_IS(irel_wai(MAIN_TASK), E_CTX);
		ER_IS(iunl_cpu(), E_OK);
		break;
	case SWI_IREL:
		ER_IS(irel_wai(HIGH_TASK), E_OK);
		/* Released, not waiting any more. */
		ER_IS(irel_wai(HIGH_TASK), E_OBJ);
		/* HIGH_TASK runs when the handler returns, not before. */
		tap_step(17);
		break;
	case SWI_IWUP:
		ER_IS(iwup_tsk(HIGH_TASK), E_OK);
		/* Now ready: one more wakeup queues, the next overflows. */
		ER_IS(iwup_tsk(HIGH_TASK), E_OK);
		ER_IS(iwup_tsk(HIGH_TASK), E_QOVR);
		tap_step(20);
		break;
	}
}

/*
 * HIGH_TASK's and LOW_TASK's checkpoints interleave with MAIN_TASK's (see
 * test_sleep_wakeup and test_suspend): each comment says what ends the
 * wait just made.
 */
static volatile INT	low_runs;

void high_task(VP_INT exinf)
{
	(void)exinf;
	tap_step(2);
	ER_IS(slp_tsk(), E_OK);			/* wup_tsk */
	tap_step(4);
	ER_IS(tslp_tsk(TMO_FEVR), E_OK);		/* wup_tsk */
	tap_step(6);
	ER_IS(tslp_tsk(5000), E_OK);		/* wup_tsk, before timeout */
	tap_step(8);
	ER_IS(slp_tsk(), E_RLWAI);		/* rel_wai */
	tap_step(10);
	ER_IS(dly_tsk(5000), E_RLWAI);		/* rel_wai (wup queues) */
	tap_step(13);
	INT_IS(can_wup(TSK_SELF), 1);
	ER_IS(wai_sem(SEM1), E_RLWAI);		/* rel_wai */
	tap_step(15);
	ER_IS(slp_tsk(), E_RLWAI);		/* irel_wai in a handler */
	tap_step(18);
	ER_IS(slp_tsk(), E_OK);			/* iwup_tsk in handler */
	tap_step(21);
	/* The handler queued one more wakeup: no wait at all. */
	ER_IS(slp_tsk(), E_OK);
	tap_step(22);

	ER_IS(slp_tsk(), E_OK);			/* woken, suspended */
	tap_step(25);
	ER_IS(slp_tsk(), E_RLWAI);		/* rel_wai while suspended */
	tap_step(28);
	ER_IS(slp_tsk(), E_OK);			/* resumed, then woken */
	tap_step(31);
	ER_IS(tslp_tsk(20), E_TMOUT);		/* expires, suspended */
	tap_step(34);
	ER_IS(slp_tsk(), E_OK);			/* suspended as ready */
	tap_step(37);
	ER_IS(dis_dsp(), E_OK);
	ER_IS(sus_tsk(TSK_SELF), E_CTX);
	ER_IS(sus_tsk(HIGH_TASK), E_CTX);
	ER_IS(ena_dsp(), E_OK);
	ER_IS(sus_tsk(TSK_SELF), E_OK);
	tap_step(39);
}

void low_task(VP_INT exinf)
{
	(void)exinf;
	low_runs++;
	tap_step(42);
	ER_IS(sus_tsk(TSK_SELF), E_OK);
	tap_step(45);
}

/* Bad IDs, parameters and states; no other task is active yet. */
static void test_errors(void)
{
	ER_IS(tslp_tsk(-2), E_PAR);
	ER_IS(tslp_tsk(-100), E_PAR);
	ER_IS(dly_tsk((RELTIM)TMAX_RELTIM + 1U), E_PAR);
	ER_IS(wup_tsk(-1), E_ID);
	ER_IS(wup_tsk(TNUM_TSKID + 1), E_ID);
	ER_IS(wup_tsk(HIGH_TASK), E_OBJ);
	ER_IS(iwup_tsk(HIGH_TASK), E_CTX);
	ER_IS(can_wup(TNUM_TSKID + 1), E_ID);
	ER_IS(can_wup(HIGH_TASK), E_OBJ);
	ER_IS(rel_wai(TSK_SELF), E_ID);
	ER_IS(rel_wai(TNUM_TSKID + 1), E_ID);
	ER_IS(rel_wai(MAIN_TASK), E_OBJ);
	ER_IS(rel_wai(HIGH_TASK), E_OBJ);
	ER_IS(irel_wai(HIGH_TASK), E_CTX);
	ER_IS(sus_tsk(-1), E_ID);
	ER_IS(sus_tsk(TNUM_TSKID + 1), E_ID);
	ER_IS(sus_tsk(HIGH_TASK), E_OBJ);
	ER_IS(rsm_tsk(TSK_SELF), E_ID);
	ER_IS(rsm_tsk(TNUM_TSKID + 1), E_ID);
	ER_IS(rsm_tsk(MAIN_TASK), E_OBJ);
	ER_IS(rsm_tsk(HIGH_TASK), E_OBJ);
	ER_IS(frsm_tsk(TSK_SELF), E_ID);
	ER_IS(frsm_tsk(MAIN_TASK), E_OBJ);
}

/* Waiting calls with the CPU locked or dispatching disabled. */
static void test_context(void)
{
	ER_IS(loc_cpu(), E_OK);
	ER_IS(slp_tsk(), E_CTX);
	ER_IS(tslp_tsk(10), E_CTX);
	ER_IS(dly_tsk(10), E_CTX);
	ER_IS(wup_tsk(TSK_SELF), E_CTX);
	ER_IS(can_wup(TSK_SELF), E_CTX);
	ER_IS(rel_wai(HIGH_TASK), E_CTX);
	ER_IS(sus_tsk(HIGH_TASK), E_CTX);
	ER_IS(rsm_tsk(HIGH_TASK), E_CTX);
	ER_IS(unl_cpu(), E_OK);

	ER_IS(dis_dsp(), E_OK);
	ER_IS(slp_tsk(), E_CTX);
	ER_IS(tslp_tsk(10), E_CTX);
	ER_IS(dly_tsk(10), E_CTX);
	ER_IS(sus_tsk(TSK_SELF), E_CTX);
	ER_IS(sus_tsk(MAIN_TASK), E_CTX);
	/* Calls that cannot make us wait still work. */
	ER_IS(wup_tsk(TSK_SELF), E_OK);
	INT_IS(can_wup(TSK_SELF), 1);
	ER_IS(ena_dsp(), E_OK);
}

/* Wakeup requests on oneself: queueing, E_QOVR, polling. */
static void test_queueing(void)
{
	INT_IS(can_wup(TSK_SELF), 0);
	ER_IS(tslp_tsk(TMO_POL), E_TMOUT);
	ER_IS(wup_tsk(TSK_SELF), E_OK);
	ER_IS(wup_tsk(MAIN_TASK), E_QOVR);
	ER_IS(slp_tsk(), E_OK);			/* takes the wakeup */
	ER_IS(tslp_tsk(TMO_POL), E_TMOUT);
	ER_IS(wup_tsk(TSK_SELF), E_OK);
	ER_IS(tslp_tsk(TMO_POL), E_OK);
	ER_IS(wup_tsk(TSK_SELF), E_OK);
	ER_IS(tslp_tsk(1000), E_OK);
	ER_IS(wup_tsk(TSK_SELF), E_OK);
	INT_IS(can_wup(MAIN_TASK), 1);
	INT_IS(can_wup(TSK_SELF), 0);
	ER_IS(tslp_tsk(TMO_POL), E_TMOUT);
}

/*
 * Timeouts and delays last at least the time asked for: in system time,
 * and in performance time (finer than a tick, so that one expiring a
 * tick early is seen).
 */
static void test_time(void)
{
	SYSTIM t0, t1;
	SYSUTIM u0, u1;

	ER_IS(get_tim(&t0), E_OK);
	ER_IS(vxget_tim(&u0), E_OK);
	ER_IS(tslp_tsk(30), E_TMOUT);
	ER_IS(vxget_tim(&u1), E_OK);
	ER_IS(get_tim(&t1), E_OK);
	OK(t1 - t0 >= 30U);
	OK(t1 - t0 < 1000U);
	OK(u1 - u0 >= 30000U);

	ER_IS(get_tim(&t0), E_OK);
	ER_IS(vxget_tim(&u0), E_OK);
	ER_IS(dly_tsk(30), E_OK);
	ER_IS(vxget_tim(&u1), E_OK);
	ER_IS(get_tim(&t1), E_OK);
	OK(t1 - t0 >= 30U);
	OK(t1 - t0 < 1000U);
	OK(u1 - u0 >= 30000U);

	ER_IS(dly_tsk(0), E_OK);
	/* A queued wakeup does not end a delay. */
	ER_IS(wup_tsk(TSK_SELF), E_OK);
	ER_IS(get_tim(&t0), E_OK);
	ER_IS(dly_tsk(20), E_OK);
	ER_IS(get_tim(&t1), E_OK);
	OK(t1 - t0 >= 20U);
	INT_IS(can_wup(TSK_SELF), 1);
}

/* From a handler, with HIGH_TASK dormant. */
static void test_handler(void)
{
	swi_mode = SWI_CALLS;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(swi_runs, 1);
	/* The handler's iwup_tsk(MAIN_TASK) was queued. */
	INT_IS(can_wup(TSK_SELF), 1);
}

/* Sleeping and waking up, interleaved with HIGH_TASK. */
static void test_sleep_wakeup(void)
{
	tap_step(1);
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* runs, sleeps */
	tap_step(3);
	INT_IS(can_wup(HIGH_TASK), 0);
	ER_IS(wup_tsk(HIGH_TASK), E_OK);		/* preempts us at once */
	tap_step(5);
	ER_IS(wup_tsk(HIGH_TASK), E_OK);
	tap_step(7);
	ER_IS(wup_tsk(HIGH_TASK), E_OK);
	tap_step(9);
	ER_IS(rel_wai(HIGH_TASK), E_OK);
	tap_step(11);
	/* HIGH_TASK is delayed: wakeups queue and do not release it. */
	ER_IS(wup_tsk(HIGH_TASK), E_OK);
	ER_IS(wup_tsk(HIGH_TASK), E_QOVR);
	tap_step(12);
	ER_IS(rel_wai(HIGH_TASK), E_OK);		/* ends the delay */
	tap_step(14);
	ER_IS(rel_wai(HIGH_TASK), E_OK);		/* ends wai_sem */
	tap_step(16);
	swi_mode = SWI_IREL;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 17 in the handler, then 18 */
	tap_step(19);
	swi_mode = SWI_IWUP;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 20 in the handler, then 21 */
	INT_IS(swi_runs, 3);
}

/* Suspension: of a waiting task, of a ready one, of oneself. */
static void test_suspend(void)
{
	/* Waiting -> waiting-suspended; the wait ends, it stays suspended. */
	tap_step(23);
	ER_IS(sus_tsk(HIGH_TASK), E_OK);
	ER_IS(sus_tsk(HIGH_TASK), E_QOVR);
	ER_IS(wup_tsk(HIGH_TASK), E_OK);
	tap_step(24);
	ER_IS(rsm_tsk(HIGH_TASK), E_OK);		/* runs now */

	/* Released from its wait while suspended: E_RLWAI on resumption. */
	tap_step(26);
	ER_IS(sus_tsk(HIGH_TASK), E_OK);
	ER_IS(rel_wai(HIGH_TASK), E_OK);
	ER_IS(rel_wai(HIGH_TASK), E_OBJ);	/* suspended, not waiting */
	ER_IS(sus_tsk(HIGH_TASK), E_QOVR);
	tap_step(27);
	ER_IS(frsm_tsk(HIGH_TASK), E_OK);

	/* Resumed while still waiting: back to plain waiting. */
	tap_step(29);
	ER_IS(sus_tsk(HIGH_TASK), E_OK);
	ER_IS(rsm_tsk(HIGH_TASK), E_OK);
	ER_IS(rsm_tsk(HIGH_TASK), E_OBJ);
	tap_step(30);
	ER_IS(wup_tsk(HIGH_TASK), E_OK);

	/* Its timeout expires while suspended: it must not run. */
	tap_step(32);
	ER_IS(sus_tsk(HIGH_TASK), E_OK);
	ER_IS(dly_tsk(60), E_OK);
	tap_step(33);
	ER_IS(rsm_tsk(HIGH_TASK), E_OK);

	/* Suspended while ready (dispatching disabled). */
	tap_step(35);
	ER_IS(dis_dsp(), E_OK);
	ER_IS(wup_tsk(HIGH_TASK), E_OK);
	ER_IS(sus_tsk(HIGH_TASK), E_OK);
	ER_IS(ena_dsp(), E_OK);
	tap_step(36);
	ER_IS(rsm_tsk(HIGH_TASK), E_OK);

	/* It suspended itself. */
	tap_step(38);
	ER_IS(rsm_tsk(HIGH_TASK), E_OK);		/* runs to its end */
	ER_IS(wup_tsk(HIGH_TASK), E_OBJ);

	/* A ready lower-priority task, suspended: it does not run. */
	tap_step(40);
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(sus_tsk(LOW_TASK), E_OK);
	ER_IS(sus_tsk(LOW_TASK), E_QOVR);
	ER_IS(dly_tsk(20), E_OK);
	INT_IS(low_runs, 0);
	tap_step(41);
	ER_IS(rsm_tsk(LOW_TASK), E_OK);
	INT_IS(low_runs, 0);			/* lower: waits for us */
	ER_IS(dly_tsk(20), E_OK);		/* it suspends itself */
	tap_step(43);
	INT_IS(low_runs, 1);
	ER_IS(frsm_tsk(LOW_TASK), E_OK);
	ER_IS(frsm_tsk(LOW_TASK), E_OBJ);
	tap_step(44);
	ER_IS(dly_tsk(20), E_OK);		/* it ends */
	tap_step(46);
	ER_IS(sus_tsk(LOW_TASK), E_OBJ);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_context();
	test_queueing();
	test_time();
	test_handler();
	test_sleep_wakeup();
	test_suspend();
	tap_done();
}
