/*
 * Conformance: system time - set_tim get_tim isig_tim vxget_tim, and the
 * timeouts every waiting call takes: never shorter than asked, on the
 * kernel's own clock (set_tim does not move them), firing in expiry
 * order, and cancelled when the wait ends otherwise.
 */
#include "tests.h"

typedef ER (*TIMED_CALL)(TMO tmout);

static ER call_dly(TMO tmout)
{
	/* dly_tsk ends with E_OK; report it as a timeout like the others. */
	ER ercd = dly_tsk((RELTIM)tmout);

	return ercd == E_OK ? E_TMOUT : ercd;
}

static ER call_slp(TMO tmout)
{
	return tslp_tsk(tmout);
}

static ER call_sem(TMO tmout)
{
	return twai_sem(SEM, tmout);
}

static ER call_flg(TMO tmout)
{
	FLGPTN p;

	return twai_flg(FLG, 0x01, TWF_ORW, &p, tmout);
}

static ER call_dtq(TMO tmout)
{
	VP_INT d;

	return trcv_dtq(DTQ, &d, tmout);
}

static ER call_mbx(TMO tmout)
{
	T_MSG *p_msg;

	return trcv_mbx(MBX, &p_msg, tmout);
}

static VP	mpf_blk;	/* MPF's only block, held by MAIN_TASK */

static ER call_mpf(TMO tmout)
{
	VP blk;

	return tget_mpf(MPF, &blk, tmout);
}

static SYSUTIM unow(void)
{
	SYSUTIM u;

	(void)vxget_tim(&u);
	return u;
}

/* When (µs) each waiter returned. */
#define rec_utim	rec_val

/* A waiter waits on SEM for op_tmout. */
void act_task(VP_INT exinf)
{
	ER ercd = twai_sem(op_id, op_tmout);

	record((INT)exinf, ercd, (VP_INT)unow());
}

/*
 * Start waiter tskid with a timeout.  The waiters are above MAIN_TASK, so
 * each takes op_tmout as it is activated.
 */
static void start_waiter(ID tskid, TMO tmout)
{
	start(tskid, 0, SEM, tmout);
}

static void test_errors(void)
{
	SYSTIM t = 0;
	SYSUTIM u = 0;
	ER e[4];

	ER_IS(get_tim(NULL), E_PAR);
	ER_IS(set_tim(NULL), E_PAR);
	ER_IS(vxget_tim(NULL), E_PAR);
	ER_IS(isig_tim(), E_CTX);

	loc_cpu();
	e[0] = get_tim(&t);
	e[1] = set_tim(&t);
	e[2] = isig_tim();
	e[3] = vxget_tim(&u);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	ER_IS(e[3], E_OK);
}

/*
 * One try at "get_tim advances at the rate of real time" over a 50 ms
 * delay.  Real time is read on both sides of each get_tim; the host (or
 * QEMU) may still stop us between a tick and its count, so the caller
 * allows a few tries: a clock that runs at the wrong rate fails them all.
 */
static BOOL clock_try(void)
{
	SYSTIM t0, t1, dt;
	SYSUTIM u0, u1, ua, ub, du;

	(void)vxget_tim(&u0);
	t0 = now();
	(void)vxget_tim(&ua);
	if (dly_tsk(50) != E_OK)
		return FALSE;
	(void)vxget_tim(&ub);
	t1 = now();
	(void)vxget_tim(&u1);
	dt = t1 - t0;
	du = (u1 - u0) / 1000U;
	if (dt >= 50 && du < 1000 && dt <= du + 1 &&
	    dt + 2 >= (ub - ua) / 1000U)
		return TRUE;
	syslog(LOG_EMERG, "# get_tim %ld ms, real time %ld..%ld ms", (long)dt,
	       (long)((ub - ua) / 1000U), (long)du);
	return FALSE;
}

static BOOL follows_real_time(void)
{
	int try;

	for (try = 0; try < 5; try++)
		if (clock_try())
			return TRUE;
	return FALSE;
}

static void test_clock(void)
{
	SYSTIM t0, t1;
	SYSUTIM u0, prev;
	BOOL mono = TRUE;
	UINT i;

	/* The system time starts at 0 when the kernel starts. */
	t0 = now();
	OK(t0 < 1000);

	u0 = unow();
	prev = u0;
	for (i = 0; i < 10000; i++) {
		SYSUTIM u = unow();

		if (u < prev)
			mono = FALSE;
		prev = u;
	}
	tap_ok(mono, "vxget_tim is monotonic");

	mono = TRUE;
	t0 = now();
	for (i = 0; i < 10000; i++) {
		t1 = now();
		if (t1 < t0)
			mono = FALSE;
		t0 = t1;
	}
	tap_ok(mono, "get_tim is monotonic");

	tap_ok(follows_real_time(), "get_tim follows real time");
}

static void test_set_tim(void)
{
	SYSTIM t;
	SYSUTIM u0, du;

	t = 1000000;
	ER_IS(set_tim(&t), E_OK);
	t = now();
	OK(t >= 1000000 && t < 1000000 + 1000);

	/* Time goes on from there; delays are not shortened. */
	u0 = unow();
	ER_IS(dly_tsk(20), E_OK);
	du = unow() - u0;
	OK(now() >= 1000000 + 20);
	tap_ok(du >= 20000 && du < 1000000, "dly_tsk after set_tim forward");

	t = 5000;
	ER_IS(set_tim(&t), E_OK);
	t = now();
	OK(t >= 5000 && t < 5000 + 1000);
	u0 = unow();
	ER_IS(dly_tsk(20), E_OK);
	du = unow() - u0;
	tap_ok(du >= 20000 && du < 1000000, "dly_tsk after set_tim back");
	OK(now() >= 5000 + 20);

	/* A pending timeout, with the clock set forward, then back. */
	rec_reset();
	u0 = unow();
	start_waiter(TASK2, 40);
	t = now() + 3600000;
	ER_IS(set_tim(&t), E_OK);
	(void)dly_tsk(10);
	t = 0;
	ER_IS(set_tim(&t), E_OK);
	(void)dly_tsk(100);
	tap_int(nrec, 1, "timeout fired after set_tim forward and back");
	ER_IS(rec_ercd[0], E_TMOUT);
	du = (SYSUTIM)rec_utim[0] - u0;
	tap_ok(du >= 40000 && du < 1000000,
	       "set_tim moved neither end of the timeout");
}

/*
 * A timed-out call took at least its timeout, in system time and in
 * real time.
 */
static void check_timeouts(TIMED_CALL call, const char *name)
{
	static const TMO tmouts[] = { 1, 3, 10, 25 };
	BOOL pass = TRUE;
	UINT i;

	for (i = 0; i < sizeof(tmouts) / sizeof(tmouts[0]); i++) {
		TMO tmout = tmouts[i];
		SYSTIM t0 = now();
		SYSUTIM u0 = unow();
		ER ercd = call(tmout);
		SYSUTIM du = unow() - u0;
		SYSTIM dt = now() - t0;

		if (ercd != E_TMOUT || dt < (SYSTIM)tmout ||
		    du < (SYSUTIM)tmout * 1000U) {
			syslog(LOG_EMERG, "# %s(%d): %s after %lu ms, %lu us",
			       name, tmout, itron_strerror(ercd), dt, du);
			pass = FALSE;
		}
	}
	tap_ok(pass, name);
}

/*
 * A poll returns at once: within one tick, so at least one of a few
 * tries sees no tick go by (a poll that waited would span at least one).
 */
static void check_poll(TIMED_CALL call, const char *name)
{
	BOOL timed_out = TRUE;
	SYSTIM min_dt = ~(SYSTIM)0;
	UINT i;

	for (i = 0; i < 5; i++) {
		SYSTIM t0 = now(), dt;

		if (call(TMO_POL) != E_TMOUT)
			timed_out = FALSE;
		dt = now() - t0;
		if (dt < min_dt)
			min_dt = dt;
	}
	tap_ok(timed_out && min_dt == 0, name);
}

static void test_timeouts(void)
{
	ER_IS(pget_mpf(MPF, &mpf_blk), E_OK);
	check_timeouts(call_dly, "dly_tsk lasts at least dlytim");
	check_timeouts(call_slp, "tslp_tsk times out no earlier than tmout");
	check_timeouts(call_sem, "twai_sem times out no earlier than tmout");
	check_timeouts(call_flg, "twai_flg times out no earlier than tmout");
	check_timeouts(call_dtq, "trcv_dtq times out no earlier than tmout");
	check_timeouts(call_mbx, "trcv_mbx times out no earlier than tmout");
	check_timeouts(call_mpf, "tget_mpf times out no earlier than tmout");
	check_poll(call_slp, "tslp_tsk(TMO_POL) returns E_TMOUT at once");
	check_poll(call_sem, "twai_sem(TMO_POL) returns E_TMOUT at once");
	check_poll(call_flg, "twai_flg(TMO_POL) returns E_TMOUT at once");
	check_poll(call_dtq, "trcv_dtq(TMO_POL) returns E_TMOUT at once");
	check_poll(call_mbx, "trcv_mbx(TMO_POL) returns E_TMOUT at once");
	check_poll(call_mpf, "tget_mpf(TMO_POL) returns E_TMOUT at once");
	ER_IS(dly_tsk(0), E_OK);
	ER_IS(rel_mpf(MPF, mpf_blk), E_OK);
}

static const ID	waiters[] = { TASK1, TASK2, TASK3, TASK4, TASK5, TASK6,
			      TASK7 };
static ER	cancel_ercd[2];

/*
 * Start waiters 1..n, in that order, with the given timeouts; run
 * cancel; wait until every timeout is over; return the release order.
 * A busy host may stall the start-up long enough to reorder the expiry
 * times: then the run is repeated.
 */
static INT run_timeouts(const TMO *tmouts, UINT n, void (*cancel)(void))
{
	UINT attempt, i;
	SYSTIM t0, t1;

	for (attempt = 0; attempt < 5; attempt++) {
		rec_reset();
		cancel_ercd[0] = cancel_ercd[1] = E_OK;
		t0 = now();
		for (i = 0; i < n; i++)
			start_waiter(waiters[i], tmouts[i]);
		if (cancel != NULL)
			cancel();
		t1 = now();
		(void)dly_tsk(60);
		if (t1 - t0 <= 1)
			break;
		tap_diag("start-up took more than a tick: again");
	}
	return rec_order();
}

static void cancel_2_then_1(void)
{
	cancel_ercd[0] = rel_wai(TASK2);
	cancel_ercd[1] = sig_sem(SEM);
}

static void cancel_4(void)
{
	cancel_ercd[0] = rel_wai(TASK4);
}

static void test_order(void)
{
	static const TMO three[] = { 30, 10, 20 };
	static const TMO seven[] = { 4, 20, 8, 24, 28, 32, 12 };

	/* Timeouts fire in expiry order, whatever the order they began. */
	tap_int(run_timeouts(three, 3, NULL), 231,
		"timeouts fire in expiry order");
	OK(rec_ercd[0] == E_TMOUT && rec_ercd[1] == E_TMOUT &&
	   rec_ercd[2] == E_TMOUT);

	/* A wait ended early takes its timeout out; the others still fire. */
	tap_int(run_timeouts(three, 3, cancel_2_then_1), 213,
		"ended waits leave no timeout behind");
	ER_IS(cancel_ercd[0], E_OK);
	ER_IS(cancel_ercd[1], E_OK);
	ER_IS(rec_ercd[0], E_RLWAI);
	ER_IS(rec_ercd[1], E_OK);
	ER_IS(rec_ercd[2], E_TMOUT);
	(void)dly_tsk(20);
	INT_IS(nrec, 3);

	/*
	 * Seven pending timeouts, then one taken out from the middle: the
	 * event that fills its place must move up as well as down.
	 */
	tap_int(run_timeouts(seven, 7, cancel_4), 4137256,
		"many timeouts, one cancelled: in order");
	ER_IS(cancel_ercd[0], E_OK);
}

void swi_handler(void)
{
	SYSTIM t;
	SYSUTIM u;

	tap_step(2);
	ER_IS(get_tim(&t), E_CTX);
	ER_IS(set_tim(&t), E_CTX);
	ER_IS(dly_tsk(10), E_CTX);
	ER_IS(vxget_tim(&u), E_OK);
	ER_IS(isig_tim(), E_OK);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_clock();
	test_set_tim();
	test_timeouts();
	test_order();
	tap_step(1);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	tap_done();
}
