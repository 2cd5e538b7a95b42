/*
 * Conformance: cyclic handlers - sta_cyc stp_cyc, their error codes,
 * TA_STA, cycphs, TA_PHS (phase kept across stop and start) against no
 * TA_PHS (sta_cyc starts a new period), the period over many cycles and
 * the context a cyclic handler runs in.
 *
 * Activations are checked on the kernel's own clock: MAIN_TASK samples
 * the system time and a handler's activation count together, and each
 * sample must lie between the counts of the earliest and the latest
 * schedule the standard allows (one tick of rounding either way).  This
 * holds however late the host delivers ticks, as a kernel tick fires
 * every event due by then before any task runs.
 */
#include "tests.h"

typedef long	LTIM;		/* system time, signed for arithmetic */

#define NCYC	5
static volatile UINT	count[NCYC];	/* activations, by exinf */
static volatile BOOL	bad_exinf;
static volatile ER	sig_ercd = E_OK;	/* CYC_SIG's isig_sem */

/* What the first activation of CYC_STA saw. */
static volatile BOOL	ctx_checked;
static volatile BOOL	ctx_sns_ctx, ctx_sns_loc, ctx_sns_dpn;
static volatile ER	ctx_sta, ctx_stp;

void cyclic_handler(VP_INT exinf)
{
	if (exinf < 0 || exinf >= NCYC) {
		bad_exinf = TRUE;
		return;
	}
	if (exinf == 0 && !ctx_checked) {
		ctx_sns_ctx = sns_ctx();
		ctx_sns_loc = sns_loc();
		ctx_sns_dpn = sns_dpn();
		ctx_sta = sta_cyc(CYC_STP);
		ctx_stp = stp_cyc(CYC_STA);
		ctx_checked = TRUE;
	}
	if (exinf == 4) {
		ER ercd = isig_sem(SEM);

		if (ercd != E_OK && ercd != E_QOVR)
			sig_ercd = ercd;
	}
	count[exinf]++;
}

/* The system time with every activation count as of that time. */
static LTIM sample(UINT *counts)
{
	SYSTIM t1, t2;
	UINT i;

	do {
		(void)get_tim(&t1);
		for (i = 0; i < NCYC; i++)
			counts[i] = count[i];
		(void)get_tim(&t2);
	} while (t1 != t2);
	return (LTIM)t1;
}

static LTIM sample1(INT n, UINT *p_count)
{
	UINT counts[NCYC];
	LTIM t = sample(counts);

	*p_count = counts[n];
	return t;
}

/* How many of phs, phs + cyc, phs + 2 cyc, ... lie in (a, b]. */
static UINT between(LTIM phs, LTIM cyc, LTIM a, LTIM b)
{
	LTIM na, nb;

	if (b <= a)
		return 0;
	na = a < phs ? 0 : (a - phs) / cyc + 1;
	nb = b < phs ? 0 : (b - phs) / cyc + 1;
	return (UINT)(nb - na);
}

/*
 * What a handler's count may be: at least lo_base plus the activations
 * of the latest allowed schedule after lo_after, at most hi_base plus
 * those of the earliest one after hi_after.
 */
typedef struct {
	INT	n;		/* exinf */
	LTIM	cyc;
	UINT	lo_base, hi_base;
	LTIM	lo_phs, lo_after;
	LTIM	hi_phs, hi_after;
} SCHED;

/* A handler that must not run. */
#define STOPPED(n, c)	{ (n), 1, (c), (c), 0x7fffffffL, 0, 0x7fffffffL, 0 }

/*
 * Sample continuously until the system time reaches until; return the
 * number of samples out of bounds (the first is described).
 */
static UINT watch(const SCHED *scheds, UINT nsched, LTIM until)
{
	UINT counts[NCYC];
	UINT bad = 0, i;
	LTIM t;

	do {
		t = sample(counts);
		for (i = 0; i < nsched; i++) {
			const SCHED *s = &scheds[i];
			UINT lo = s->lo_base + between(s->lo_phs, s->cyc,
						       s->lo_after, t - 1);
			UINT hi = s->hi_base + between(s->hi_phs, s->cyc,
						       s->hi_after, t);
			UINT c = counts[s->n];

			if ((c < lo || c > hi) && bad++ == 0)
				syslog(LOG_EMERG, "# handler %d: %u activations"
				       " at %ld ms, expected %u..%u", s->n, c,
				       t, lo, hi);
		}
	} while (t < until);
	return bad;
}

/* Busy-wait until the system time modulo cyc lies in [lo, hi]. */
static void align(LTIM cyc, LTIM lo, LTIM hi)
{
	UINT c;
	LTIM t;

	do {
		t = sample1(0, &c);
	} while (t % cyc < lo || t % cyc > hi);
}

/* Handlers run from creation (system time 0) with TA_STA, on schedule. */
static void test_from_start(void)
{
	const SCHED scheds[] = {
		/* CYC_STA: 0, 10, 20, ... */
		{ 0, 10, 0, 0, 0, 0, 0, -1 },
		/* CYC_DLY: cycphs 45, then every 30 ms. */
		{ 3, 30, 0, 0, 45, 0, 45, -1 },
		STOPPED(1, 0),
		STOPPED(2, 0),
		STOPPED(4, 0),
	};

	tap_int(watch(scheds, 5, 110), 0,
		"TA_STA handlers run from the start, cycphs first");
	OK(count[0] >= 10);
	OK(count[3] >= 2);
	tap_ok(count[1] == 0 && count[2] == 0,
	       "handlers without TA_STA do not run");
	OK(!bad_exinf);

	tap_ok(ctx_checked && ctx_sns_ctx,
	       "cyclic handler runs in non-task context");
	OK(!ctx_sns_loc);
	OK(ctx_sns_dpn);
	ER_IS(ctx_sta, E_CTX);
	ER_IS(ctx_stp, E_CTX);
}

static void test_errors(void)
{
	ER e_sta, e_stp;

	ER_IS(sta_cyc(0), E_ID);
	ER_IS(sta_cyc(TNUM_CYCID + 1), E_ID);
	ER_IS(stp_cyc(0), E_ID);
	ER_IS(stp_cyc(-1), E_ID);
	loc_cpu();
	e_sta = sta_cyc(CYC_STP);
	e_stp = stp_cyc(CYC_STA);
	unl_cpu();
	ER_IS(e_sta, E_CTX);
	ER_IS(e_stp, E_CTX);
}

/* ref_cyc: the state and the time to the next activation. */
static void test_ref(void)
{
	T_RCYC rcyc = { 0xff, 12345 };
	ER ercd;

	ER_IS(ref_cyc(0, &rcyc), E_ID);
	ER_IS(ref_cyc(TNUM_CYCID + 1, &rcyc), E_ID);
	ER_IS(ref_cyc(CYC_STA, NULL), E_PAR);
	loc_cpu();
	ercd = ref_cyc(CYC_STA, &rcyc);
	unl_cpu();
	tap_ercd(ercd, E_CTX, "ref_cyc with the CPU locked");
	ER_IS(ref_cyc(CYC_STP, &rcyc), E_OK);
	tap_int(rcyc.cycstat, TCYC_STP, "ref_cyc: CYC_STP is stopped");
	tap_int(rcyc.lefttim, 0, "... no activation pending");
	ER_IS(ref_cyc(CYC_STA, &rcyc), E_OK);
	tap_int(rcyc.cycstat, TCYC_STA, "ref_cyc: TA_STA started");
	tap_ok(rcyc.lefttim <= 10, "... next activation within a period");
}

void swi_handler(void)
{
	tap_step(2);
	ER_IS(sta_cyc(CYC_STP), E_CTX);
	ER_IS(stp_cyc(CYC_STA), E_CTX);
}

/*
 * About ten periods, in system time and in real time.  Real time is
 * read on both sides of each sample, so the window it gives holds
 * however long the host keeps us from running between the reads.
 */
static void test_accuracy(void)
{
	UINT c0, c1;
	LTIM t0, t1;
	SYSUTIM u0a, u0b, u1a, u1b;
	long n, expect_t, min_u, max_u;

	(void)vxget_tim(&u0a);
	t0 = sample1(0, &c0);
	(void)vxget_tim(&u0b);
	(void)dly_tsk(100);
	(void)vxget_tim(&u1a);
	t1 = sample1(0, &c1);
	(void)vxget_tim(&u1b);
	n = (long)(c1 - c0);
	expect_t = (t1 - t0) / 10;
	min_u = (long)((u1a - u0b) / 10000U) - 1;
	max_u = (long)((u1b - u0a) / 10000U) + 1;
	OK(n >= 10);
	tap_ok(n >= expect_t - 1 && n <= expect_t + 1,
	       "10 ms period over 100 ms of system time");
	tap_ok(n >= min_u && n <= max_u,
	       "10 ms period over 100 ms of real time");
	if (n < min_u || n > max_u)
		syslog(LOG_EMERG, "# %ld activations in %lu..%lu us", n,
		       u1a - u0b, u1b - u0a);
}

/*
 * Start a handler and watch it until a time after the start.  Without
 * TA_PHS the first activation comes cyctim after sta_cyc; with TA_PHS
 * it stays on the grid phs + k * cyc laid from creation.
 */
static UINT start_and_watch(ID cycid, INT n, LTIM cyc, BOOL phs_kept,
			    LTIM phs, LTIM duration)
{
	UINT c0, c1;
	LTIM s0, s1;
	SCHED s;

	s0 = sample1(n, &c0);
	ER_IS(sta_cyc(cycid), E_OK);
	s1 = sample1(n, &c1);
	s.n = n;
	s.cyc = cyc;
	s.lo_base = c0;
	s.hi_base = c1;
	if (phs_kept) {
		s.lo_phs = phs;
		s.lo_after = s1;
		s.hi_phs = phs;
		s.hi_after = s0;
	} else {
		/*
		 * sta_cyc counts cyctim from real time: a tick due but not
		 * yet handled at the call (not in s1) moves the schedule by
		 * it.  One such tick is allowed.
		 */
		s.lo_phs = s1 + cyc + 2;
		s.lo_after = s1;
		s.hi_phs = s0 + cyc;
		s.hi_after = s0;
	}
	return watch(&s, 1, s0 + duration);
}

/* Busy-wait for the next activation of handler n. */
static void wait_activation(INT n)
{
	UINT c0, c;

	(void)sample1(n, &c0);
	do {
		(void)sample1(n, &c);
	} while (c == c0);
}

static void test_no_phs(void)
{
	UINT c;

	/* CYC_STP: no TA_STA, no TA_PHS, cyctim 20. */
	tap_int(start_and_watch(CYC_STP, 1, 20, FALSE, 0, 70), 0,
		"sta_cyc: first activation cyctim later, then each cyctim");
	ER_IS(stp_cyc(CYC_STP), E_OK);
	(void)sample1(1, &c);
	(void)dly_tsk(50);
	tap_int(count[1], c, "no activations while stopped");
	ER_IS(stp_cyc(CYC_STP), E_OK);

	tap_int(start_and_watch(CYC_STP, 1, 20, FALSE, 0, 30), 0,
		"sta_cyc again: a new period");

	/* Started: sta_cyc 5 ms after an activation starts a new period. */
	wait_activation(1);
	(void)dly_tsk(5);
	tap_int(start_and_watch(CYC_STP, 1, 20, FALSE, 0, 50), 0,
		"sta_cyc of a started handler restarts the period");
	ER_IS(stp_cyc(CYC_STP), E_OK);
}

static void test_phs(void)
{
	UINT c;

	/* CYC_PHS: TA_PHS, no TA_STA, cyctim 20, cycphs 5: 5, 25, 45... */
	INT_IS(count[2], 0);
	align(20, 10, 14);
	tap_int(start_and_watch(CYC_PHS, 2, 20, TRUE, 5, 50), 0,
		"TA_PHS: sta_cyc keeps the phase from creation");
	ER_IS(stp_cyc(CYC_PHS), E_OK);
	(void)sample1(2, &c);
	(void)dly_tsk(37);
	tap_int(count[2], c, "TA_PHS: no activations while stopped");

	align(20, 10, 14);
	tap_int(start_and_watch(CYC_PHS, 2, 20, TRUE, 5, 50), 0,
		"TA_PHS: phase kept across stp_cyc and sta_cyc");
	align(20, 10, 14);
	tap_int(start_and_watch(CYC_PHS, 2, 20, TRUE, 5, 50), 0,
		"TA_PHS: sta_cyc of a started handler keeps the phase");
	ER_IS(stp_cyc(CYC_PHS), E_OK);
}

/* A cyclic handler releases a waiting task (from the idle state). */
static void test_release(void)
{
	SYSUTIM u0, u1;

	(void)vxget_tim(&u0);
	ER_IS(sta_cyc(CYC_SIG), E_OK);
	ER_IS(twai_sem(SEM, 500), E_OK);
	(void)vxget_tim(&u1);
	tap_ok(u1 - u0 >= 15000, "waiter released by the first activation");
	ER_IS(twai_sem(SEM, 500), E_OK);
	ER_IS(stp_cyc(CYC_SIG), E_OK);
	(void)pol_sem(SEM);
	ER_IS(twai_sem(SEM, 40), E_TMOUT);
	ER_IS(sig_ercd, E_OK);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_from_start();
	test_errors();
	test_ref();
	tap_step(1);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	test_accuracy();
	test_no_phs();
	test_phs();
	test_release();
	tap_done();
}
