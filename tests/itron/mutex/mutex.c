/*
 * Conformance: mutexes - loc_mtx ploc_mtx tloc_mtx unl_mtx ref_mtx,
 * their error codes, wait-queue order (TA_TFIFO, TA_TPRI), priority
 * inheritance (TA_INHERIT: direct, transitive, undone on unlock, on the
 * waiter's timeout, rel_wai and priority change), priority ceiling
 * (TA_CEILING, and chg_pri against it), the mutexes of a task that
 * ends (ext_tsk, ter_tsk) passing to their waiters, and where a task
 * that unl_mtx lowers goes in the ready queue.
 *
 * Three worker tasks (priorities 9, 6, 3, all above MAIN_TASK's 10)
 * follow scripts of steps; each finished step is logged as the worker's
 * number and a letter for its result, so a scenario's whole order of
 * events is one string: "1k3k" is worker 1 then worker 3, both E_OK.
 */
#include "tests.h"

enum { END, LOCK, TLOCK, PLOCK, UNLOCK, SLEEP };

struct step {
	INT	op;
	ID	mtxid;
	TMO	tmout;
};

static const struct step *volatile script[4];
static volatile char	events[64];
static volatile UINT	nevents;

static char letter(ER ercd)
{
	switch (ercd) {
	case E_OK:	return 'k';
	case E_TMOUT:	return 't';
	case E_RLWAI:	return 'r';
	case E_ILUSE:	return 'i';
	default:	return '?';
	}
}

static void log_step(INT who, ER ercd)
{
	if (nevents + 2U < sizeof(events)) {
		events[nevents++] = (char)('0' + who);
		events[nevents++] = letter(ercd);
		events[nevents] = '\0';
	}
}

static ER do_step(const struct step *s)
{
	switch (s->op) {
	case LOCK:	return loc_mtx(s->mtxid);
	case TLOCK:	return tloc_mtx(s->mtxid, s->tmout);
	case PLOCK:	return ploc_mtx(s->mtxid);
	case UNLOCK:	return unl_mtx(s->mtxid);
	default:	return slp_tsk();
	}
}

/* A worker: its script's steps, each logged; returning is ext_tsk. */
void act_task(VP_INT exinf)
{
	INT who = (INT)exinf;
	const struct step *s;

	for (s = script[who]; s->op != END; s++)
		log_step(who, do_step(s));
}

static const ID worker[4] = { 0, TASK1, TASK2, TASK3 };

static void run(INT who, const struct step *steps)
{
	script[who] = steps;
	(void)act_tsk(worker[who]);
}

static void events_are(const char *expected, const char *name)
{
	UINT i;
	BOOL same = TRUE;

	for (i = 0; expected[i] != '\0' || i < nevents; i++)
		if (i >= nevents || events[i] != expected[i]) {
			same = FALSE;
			break;
		}
	if (!tap_ok(same, name)) {
		tap_diag("events, then the expected ones:");
		tap_diag((const char *)events);
		tap_diag(expected);
	}
	nevents = 0U;
	events[0] = '\0';
}

static PRI pri_of(INT who)
{
	PRI pri = 0;

	(void)get_pri(worker[who], &pri);
	return pri;
}

static ID locker(ID mtxid)
{
	T_RMTX rmtx;

	return ref_mtx(mtxid, &rmtx) == E_OK ? rmtx.htskid : -1;
}

static ID first_waiter(ID mtxid)
{
	T_RMTX rmtx;

	return ref_mtx(mtxid, &rmtx) == E_OK ? rmtx.wtskid : -1;
}

/* Scripts. */
static const struct step lock_sleep_unlock[] = {
	{ LOCK, MTX_INH, 0 }, { SLEEP, 0, 0 }, { UNLOCK, MTX_INH, 0 },
	{ END, 0, 0 } };
static const struct step lock_unlock[] = {
	{ LOCK, MTX_INH, 0 }, { UNLOCK, MTX_INH, 0 }, { END, 0, 0 } };

void swi_handler(void)
{
	ER_IS(loc_mtx(MTX_FIFO), E_CTX);
	ER_IS(ploc_mtx(MTX_FIFO), E_CTX);
	ER_IS(unl_mtx(MTX_FIFO), E_CTX);
	ER_IS(ref_mtx(MTX_FIFO, NULL), E_CTX);
}

static void test_errors(void)
{
	T_RMTX rmtx;

	ER_IS(loc_mtx(0), E_ID);
	ER_IS(loc_mtx(TNUM_MTXID + 1), E_ID);
	ER_IS(ploc_mtx(-1), E_ID);
	ER_IS(unl_mtx(TNUM_MTXID + 1), E_ID);
	ER_IS(ref_mtx(0, &rmtx), E_ID);
	ER_IS(tloc_mtx(MTX_FIFO, -2), E_PAR);
	ER_IS(ref_mtx(MTX_FIFO, NULL), E_PAR);
	ER_IS(unl_mtx(MTX_FIFO), E_ILUSE);
	ER_IS(loc_mtx(MTX_FIFO), E_OK);
	ER_IS(loc_mtx(MTX_FIFO), E_ILUSE);
	ER_IS(ploc_mtx(MTX_FIFO), E_ILUSE);
	INT_IS(locker(MTX_FIFO), MAIN_TASK);
	INT_IS(first_waiter(MTX_FIFO), TSK_NONE);
	ER_IS(unl_mtx(MTX_FIFO), E_OK);
	INT_IS(locker(MTX_FIFO), TSK_NONE);
	ER_IS(unl_mtx(MTX_FIFO), E_ILUSE);
}

/* Waiting calls need dispatching; the CPU-locked state forbids all. */
static void test_context(void)
{
	ER e[5];

	dis_dsp();
	e[0] = loc_mtx(MTX_FIFO);
	e[1] = tloc_mtx(MTX_FIFO, TMO_POL);
	e[2] = ploc_mtx(MTX_FIFO);
	e[3] = unl_mtx(MTX_FIFO);
	ena_dsp();
	ER_IS(e[0], E_CTX);
	tap_ercd(e[1], E_CTX, "tloc_mtx(TMO_POL) with dispatching disabled: E_CTX");
	ER_IS(e[2], E_OK);
	ER_IS(e[3], E_OK);
	loc_cpu();
	e[0] = ploc_mtx(MTX_FIFO);
	e[1] = unl_mtx(MTX_FIFO);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
}

/* Waiters get the mutex in FIFO or priority order; a poll fails. */
static void test_order(ID mtxid, const char *expected, const char *name)
{
	struct step wait_unlock[] = {
		{ LOCK, mtxid, 0 }, { UNLOCK, mtxid, 0 }, { END, 0, 0 } };

	ER_IS(loc_mtx(mtxid), E_OK);
	run(1, wait_unlock);
	run(3, wait_unlock);
	run(2, wait_unlock);
	ER_IS(ploc_mtx(mtxid), E_ILUSE);
	INT_IS(first_waiter(mtxid), mtxid == MTX_FIFO ? TASK1 : TASK3);
	ER_IS(unl_mtx(mtxid), E_OK);
	events_are(expected, name);
	INT_IS(locker(mtxid), TSK_NONE);
}

static void test_polling(void)
{
	static const struct step poll[] = {
		{ PLOCK, MTX_INH, 0 }, { TLOCK, MTX_INH, 20 }, { END, 0, 0 } };

	run(1, lock_sleep_unlock);
	run(3, poll);
	ER_IS(dly_tsk(50), E_OK);
	events_are("1k3t3t", "ploc_mtx of a locked mutex: E_TMOUT; "
		   "tloc_mtx times out");
	ER_IS(wup_tsk(TASK1), E_OK);
	events_are("1k1k", "... and the locker unlocks");
}

static void test_inherit(void)
{
	run(1, lock_sleep_unlock);
	INT_IS(pri_of(1), 9);
	run(3, lock_unlock);
	INT_IS(pri_of(1), 3);
	INT_IS(first_waiter(MTX_INH), TASK3);
	ER_IS(wup_tsk(TASK1), E_OK);
	/* Unlocking hands over to TASK3, which preempts TASK1 at once. */
	events_are("1k1k3k3k1k",
		   "TA_INHERIT: the locker runs at its waiter's priority, "
		   "the waiter gets the mutex at unl_mtx");
}

static void test_transitive(void)
{
	static const struct step t2[] = {
		{ LOCK, MTX_INH2, 0 }, { LOCK, MTX_INH, 0 },
		{ UNLOCK, MTX_INH, 0 }, { UNLOCK, MTX_INH2, 0 },
		{ END, 0, 0 } };
	static const struct step t3[] = {
		{ LOCK, MTX_INH2, 0 }, { UNLOCK, MTX_INH2, 0 },
		{ END, 0, 0 } };

	run(1, lock_sleep_unlock);
	run(2, t2);
	INT_IS(pri_of(1), 6);
	run(3, t3);
	tap_int(pri_of(2), 3, "TASK2 inherits TASK3's priority");
	tap_int(pri_of(1), 3, "... and TASK1, whose mutex TASK2 waits for");
	ER_IS(wup_tsk(TASK1), E_OK);
	events_are("1k2k1k2k2k3k3k2k1k",
		   "transitive inheritance unwinds as the mutexes pass");
}

/* A waiter that stops waiting takes its priority with it. */
static void test_waiter_leaves(void)
{
	static const struct step t3[] = {
		{ TLOCK, MTX_INH, 30 }, { END, 0, 0 } };
	static const struct step t2[] = {
		{ LOCK, MTX_INH, 0 }, { END, 0, 0 } };

	run(1, lock_sleep_unlock);
	run(3, t3);
	INT_IS(pri_of(1), 3);
	ER_IS(dly_tsk(60), E_OK);
	events_are("1k3t", "tloc_mtx times out");
	tap_int(pri_of(1), 9, "... and the locker is back to its base priority");

	run(2, t2);
	INT_IS(pri_of(1), 6);
	ER_IS(chg_pri(TASK2, 4), E_OK);
	tap_int(pri_of(1), 4, "a waiter raised by chg_pri raises the locker");
	ER_IS(chg_pri(TASK2, 8), E_OK);
	tap_int(pri_of(1), 8, "... and lowered, lowers it");
	ER_IS(rel_wai(TASK2), E_OK);
	tap_int(pri_of(1), 9, "rel_wai of the waiter: the base priority again");
	ER_IS(wup_tsk(TASK1), E_OK);
	events_are("2r1k1k", "... the waiter got E_RLWAI");
	ER_IS(chg_pri(TASK2, TPRI_INI), E_OBJ);	/* dormant again */
}

/*
 * A deadlock of two inheriting mutexes, undone by timeouts: TASK1 holds
 * MTX_INH and waits for MTX_INH2, which TASK2 holds while it waits for
 * MTX_INH.  The waiter that times out leaves the queue for good, though
 * its priority changes again on the way out (it still locks a mutex its
 * partner waits for).
 */
static void test_deadlock_timeout(void)
{
	static const struct step t1[] = {
		{ LOCK, MTX_INH, 0 }, { SLEEP, 0, 0 }, { LOCK, MTX_INH2, 0 },
		{ UNLOCK, MTX_INH2, 0 }, { UNLOCK, MTX_INH, 0 },
		{ END, 0, 0 } };
	static const struct step t2[] = {
		{ LOCK, MTX_INH2, 0 }, { SLEEP, 0, 0 }, { TLOCK, MTX_INH, 100 },
		{ UNLOCK, MTX_INH2, 0 }, { END, 0, 0 } };
	static const struct step t3[] = {
		{ TLOCK, MTX_INH2, 50 }, { END, 0, 0 } };

	run(1, t1);
	run(2, t2);
	run(3, t3);
	ER_IS(wup_tsk(TASK2), E_OK);
	ER_IS(wup_tsk(TASK1), E_OK);
	tap_int(pri_of(1), 3, "a deadlock: both tasks at the waiter's priority");
	ER_IS(dly_tsk(200), E_OK);
	/* The sleeps log too: 2k and 1k when woken. */
	events_are("1k2k2k1k3t2t2k1k1k1k", "the timeouts undo the deadlock");
	tap_int(first_waiter(MTX_INH), TSK_NONE,
		"the task that timed out is off the mutex's queue");
	INT_IS(locker(MTX_INH), TSK_NONE);
	INT_IS(locker(MTX_INH2), TSK_NONE);
}

/* A task that ends hands its mutexes to their waiters. */
static void test_end(void)
{
	static const struct step lock_sleep[] = {
		{ LOCK, MTX_INH, 0 }, { SLEEP, 0, 0 }, { END, 0, 0 } };

	run(1, lock_sleep);
	run(3, lock_unlock);
	ER_IS(ter_tsk(TASK1), E_OK);
	events_are("1k3k3k", "ter_tsk of the locker: its waiter gets the mutex");
	INT_IS(locker(MTX_INH), TSK_NONE);

	run(1, lock_sleep);
	run(3, lock_unlock);
	ER_IS(wup_tsk(TASK1), E_OK);	/* TASK1 ends holding the mutex */
	events_are("1k1k3k3k", "ext_tsk of the locker: its waiter gets the mutex");
	INT_IS(locker(MTX_INH), TSK_NONE);
}

static void test_ceiling(void)
{
	static const struct step ceil[] = {
		{ LOCK, MTX_CEIL, 0 }, { SLEEP, 0, 0 }, { UNLOCK, MTX_CEIL, 0 },
		{ SLEEP, 0, 0 }, { END, 0, 0 } };
	static const struct step above[] = {
		{ LOCK, MTX_CEIL, 0 }, { END, 0, 0 } };

	run(1, ceil);
	tap_int(pri_of(1), 4, "TA_CEILING: the locker runs at the ceiling");
	INT_IS(locker(MTX_CEIL), TASK1);
	run(3, above);
	events_are("1k3i", "a task above the ceiling cannot lock it (E_ILUSE)");
	ER_IS(chg_pri(TASK1, 2), E_ILUSE);
	ER_IS(chg_pri(TASK1, 8), E_OK);
	tap_int(pri_of(1), 4, "chg_pri of the locker below the ceiling: "
		"still at the ceiling");
	ER_IS(wup_tsk(TASK1), E_OK);
	tap_int(pri_of(1), 8, "unl_mtx: the new base priority");
	ER_IS(chg_pri(TASK1, 2), E_OK);
	ER_IS(ter_tsk(TASK1), E_OK);
	events_are("1k1k", "... the locker slept and unlocked");
}

/*
 * A task that unl_mtx lowers goes on before the tasks already ready at
 * its new priority (TOPPERS/ASP's rule): at the head of that priority.
 */
static void test_lowered_first(void)
{
	static const struct step ceil[] = {
		{ LOCK, MTX_CEIL, 0 }, { SLEEP, 0, 0 }, { UNLOCK, MTX_CEIL, 0 },
		{ END, 0, 0 } };
	static const struct step t2[] = {
		{ PLOCK, MTX_FIFO, 0 }, { UNLOCK, MTX_FIFO, 0 }, { END, 0, 0 } };

	run(1, ceil);
	dis_dsp();
	ER_IS(wup_tsk(TASK1), E_OK);
	run(2, t2);
	ER_IS(chg_pri(TASK2, 9), E_OK);	/* ready at TASK1's base */
	ena_dsp();
	events_are("1k1k1k2k2k", "a task lowered by unl_mtx goes on first "
		   "at its new priority");
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_context();
	test_order(MTX_FIFO, "1k3k3k2k2k1k",
		   "TA_TFIFO: waiters in order of arrival");
	test_order(MTX_TPRI, "3k3k2k2k1k1k", "TA_TPRI: waiters by priority");
	test_polling();
	test_inherit();
	test_transitive();
	test_waiter_leaves();
	test_deadlock_timeout();
	test_end();
	test_ceiling();
	test_lowered_first();
	tap_done();
}
