/*
 * Conformance: alarm handlers - sta_alm ista_alm stp_alm istp_alm
 * ref_alm, their error codes, one activation per start, restarting a
 * started handler, stopping it before it runs, starting it from its own
 * handler and from another handler, the context it runs in, and the
 * activation time on the kernel's own clock.
 *
 * Times are checked as in the cyclic test: MAIN_TASK samples the system
 * time and the activation counts together, so a late host tick cannot
 * make a correct kernel fail.
 */
#include "tests.h"

#define NALM		4
#define RESTARTS	3
static volatile UINT	count[NALM];	/* activations, by exinf */
static volatile BOOL	bad_exinf;

/* What ALM1's first activation saw. */
static volatile BOOL	ctx_checked;
static volatile BOOL	ctx_sns_ctx, ctx_sns_loc, ctx_sns_dpn;
static volatile ER	ctx_sta, ctx_ista_id, ctx_ista_par, ctx_ref;
static volatile ER	ctx_istp;

void alarm_handler(VP_INT exinf)
{
	T_RALM ralm;

	if (exinf < 0 || exinf >= NALM) {
		bad_exinf = TRUE;
		return;
	}
	count[exinf]++;
	switch (exinf) {
	case 0:
		if (ctx_checked)
			break;
		ctx_sns_ctx = sns_ctx();
		ctx_sns_loc = sns_loc();
		ctx_sns_dpn = sns_dpn();
		ctx_sta = sta_alm(ALM2, 10);
		ctx_ista_id = ista_alm(0, 10);
		ctx_ista_par = ista_alm(ALM2, TMAX_RELTIM + 1);
		ctx_ref = ref_alm(ALM1, &ralm);
		/* ALM2 was started by MAIN_TASK: stop it from here. */
		ctx_istp = istp_alm(ALM2);
		ctx_checked = TRUE;
		break;
	case 2:
		if (count[2] < RESTARTS)
			(void)ista_alm(ALM_SELF, 5);
		break;
	case 3:
		(void)iwup_tsk(TASK1);
		break;
	}
}

static volatile BOOL	task1_woke;

void act_task(VP_INT exinf)
{
	(void)exinf;
	if (slp_tsk() == E_OK)
		task1_woke = TRUE;
}

static ER	sw_sta, sw_stp, sw_ista, sw_istp;

void swi_handler(void)
{
	sw_sta = sta_alm(ALM1, 10);
	sw_stp = stp_alm(ALM1);
	sw_ista = ista_alm(ALM2, 10);
	sw_istp = istp_alm(ALM2);
}

static STAT alarm_state(ID almid, RELTIM *p_lefttim)
{
	T_RALM ralm;

	ralm.almstat = 0xffU;
	if (ref_alm(almid, &ralm) != E_OK)
		return 0xffU;
	*p_lefttim = ralm.lefttim;
	return ralm.almstat;
}

/* The system time and activation count n as of that time. */
static SYSTIM sample(UINT n, UINT *p_count)
{
	SYSTIM t1, t2;

	do {
		(void)get_tim(&t1);
		*p_count = count[n];
		(void)get_tim(&t2);
	} while (t1 != t2);
	return t1;
}

/*
 * Start alarm almid (counter n) almtim from now and watch it: it must
 * not run before almtim has passed on the system clock, must run once,
 * and soon.  Returns the activations seen.
 */
static UINT watch(ID almid, UINT n, RELTIM almtim, const char *what)
{
	SYSTIM t0, t, fired_at = 0;
	UINT c, before = count[n], early = 0, tries;

	(void)get_tim(&t0);
	(void)sta_alm(almid, almtim);
	for (tries = 0; tries < 2000; tries++) {
		t = sample(n, &c);
		if (c != before) {
			fired_at = t;
			break;
		}
		(void)dly_tsk(1);
	}
	for (tries = 0; tries < 2000 && count[n] == before; tries++)
		;
	if (fired_at != 0 && fired_at < t0 + almtim + 1)
		early++;
	tap_ok(fired_at != 0 && early == 0, what);
	tap_ok(fired_at != 0 && fired_at <= t0 + almtim + 200,
	       "... and within 200 ms of its time");
	(void)dly_tsk(almtim + 20);
	return count[n] - before;
}

static void test_errors(void)
{
	T_RALM ralm;

	ER_IS(sta_alm(0, 10), E_ID);
	ER_IS(sta_alm(TNUM_ALMID + 1, 10), E_ID);
	ER_IS(stp_alm(0), E_ID);
	ER_IS(stp_alm(TNUM_ALMID + 1), E_ID);
	ER_IS(ref_alm(0, &ralm), E_ID);
	ER_IS(ref_alm(TNUM_ALMID + 1, &ralm), E_ID);
	ER_IS(ref_alm(ALM1, NULL), E_PAR);
	ER_IS(sta_alm(ALM1, TMAX_RELTIM + 1), E_PAR);
	ER_IS(ista_alm(ALM1, 10), E_CTX);
	ER_IS(istp_alm(ALM1), E_CTX);

	loc_cpu();
	ctx_sta = sta_alm(ALM1, 10);
	ctx_istp = stp_alm(ALM1);
	ctx_ref = ref_alm(ALM1, &ralm);
	unl_cpu();
	tap_ercd(ctx_sta, E_CTX, "sta_alm with the CPU locked");
	tap_ercd(ctx_istp, E_CTX, "stp_alm with the CPU locked");
	tap_ercd(ctx_ref, E_CTX, "ref_alm with the CPU locked");

	/* Dispatching disabled is no obstacle: nothing waits. */
	dis_dsp();
	ctx_sta = sta_alm(ALM2, 1000);
	ctx_istp = stp_alm(ALM2);
	ena_dsp();
	ER_IS(ctx_sta, E_OK);
	ER_IS(ctx_istp, E_OK);
}

static void test_state(void)
{
	RELTIM left = 12345;

	tap_int(alarm_state(ALM1, &left), TALM_STP, "not started at first");
	INT_IS(left, 0);
	ER_IS(stp_alm(ALM1), E_OK);
	ER_IS(sta_alm(ALM1, 100), E_OK);
	tap_int(alarm_state(ALM1, &left), TALM_STA, "sta_alm starts it");
	tap_ok(left <= 100 && left >= 90, "lefttim: the time to its call");
	ER_IS(stp_alm(ALM1), E_OK);
	tap_int(alarm_state(ALM1, &left), TALM_STP, "stp_alm stops it");
	INT_IS(left, 0);
	(void)dly_tsk(120);
	tap_int(count[0], 0, "a stopped alarm handler is not called");
}

static void test_run(void)
{
	RELTIM left;

	ER_IS(sta_alm(ALM2, 60), E_OK);
	tap_int(watch(ALM1, 0, 30, "sta_alm(30): called after 30 ms"), 1,
		"... once");
	OK(ctx_checked);
	tap_ok(ctx_sns_ctx, "runs in non-task context");
	tap_ok(!ctx_sns_loc, "with the CPU unlocked");
	ER_IS(ctx_sta, E_CTX);
	ER_IS(ctx_ista_id, E_ID);
	ER_IS(ctx_ista_par, E_PAR);
	tap_ercd(ctx_ref, E_CTX, "ref_alm from a handler");
	tap_ercd(ctx_istp, E_OK, "istp_alm from a handler");
	tap_int(count[1], 0, "... stopped the other alarm");
	tap_int(alarm_state(ALM1, &left), TALM_STP,
		"stopped once it has run");
	OK(!bad_exinf);

	/* Zero: at the next tick. */
	tap_int(watch(ALM2, 1, 0, "sta_alm(0): called at the next tick"), 1,
		"... once");

	/* Restarting a started alarm sets a new time. */
	ER_IS(sta_alm(ALM2, 1000), E_OK);
	tap_int(watch(ALM2, 1, 20, "sta_alm again: the new time counts"), 1,
		"... once, not at the old time");
	(void)dly_tsk(20);
	tap_int(alarm_state(ALM2, &left), TALM_STP, "stopped after it ran");

	/* An alarm handler restarting itself with ista_alm. */
	ER_IS(sta_alm(ALM_SELF, 5), E_OK);
	(void)dly_tsk(100);
	tap_int(count[2], RESTARTS, "ista_alm from its own handler");
	tap_int(alarm_state(ALM_SELF, &left), TALM_STP,
		"... stopped when it no longer restarts");

	/* A task woken from the handler runs when the handler returns. */
	ER_IS(act_tsk(TASK1), E_OK);
	ER_IS(sta_alm(ALM_WUP, 10), E_OK);
	(void)dly_tsk(50);
	tap_ok(task1_woke, "iwup_tsk from an alarm handler");
}

static void test_handler(void)
{
	(void)stp_alm(ALM1);
	(void)stp_alm(ALM2);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_ercd(sw_sta, E_CTX, "sta_alm from an interrupt handler");
	tap_ercd(sw_stp, E_CTX, "stp_alm from an interrupt handler");
	tap_ercd(sw_ista, E_OK, "ista_alm from an interrupt handler");
	tap_ercd(sw_istp, E_OK, "istp_alm from an interrupt handler");
	(void)dly_tsk(30);
	tap_int(count[1], 2, "... and it was stopped");
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_state();
	test_run();
	test_handler();
	tap_done();
}
