/*
 * Conformance: semaphores - sig_sem isig_sem wai_sem pol_sem twai_sem,
 * their error codes, counting up to maxsem, timeouts, wait-queue order
 * (TA_TFIFO, TA_TPRI, re-sorting on chg_pri) and preemption by a
 * released waiter, from a task and from a handler.
 */
#include "tests.h"

/* What a waiter task does when activated: wai_sem or twai_sem. */
enum { OP_WAI, OP_TWAI };

void act_task(VP_INT exinf)
{
	ER ercd;

	if (op == OP_WAI)
		ercd = wai_sem(op_id);
	else
		ercd = twai_sem(op_id, op_tmout);
	record((INT)exinf, ercd, 0);
}

static void test_errors(void)
{
	ER_IS(sig_sem(0), E_ID);
	ER_IS(sig_sem(TNUM_SEMID + 1), E_ID);
	ER_IS(wai_sem(-1), E_ID);
	ER_IS(pol_sem(0), E_ID);
	ER_IS(twai_sem(TNUM_SEMID + 1, 10), E_ID);
	ER_IS(twai_sem(SEM_FIFO, TMO_NBLK), E_PAR);
	ER_IS(twai_sem(SEM_FIFO, -100), E_PAR);
	ER_IS(isig_sem(SEM_FIFO), E_CTX);
}

/* Waiting calls need dispatching; the CPU-locked state forbids all. */
static void test_context(void)
{
	ER e_wai, e_twai, e_tpol, e_pol, e_sig;

	loc_cpu();
	e_wai = wai_sem(SEM_INIT);
	e_twai = twai_sem(SEM_INIT, 10);
	e_pol = pol_sem(SEM_INIT);
	e_sig = sig_sem(SEM_FIFO);
	unl_cpu();
	ER_IS(e_wai, E_CTX);
	ER_IS(e_twai, E_CTX);
	ER_IS(e_pol, E_CTX);
	ER_IS(e_sig, E_CTX);

	/* Even with a resource available, a call that may wait is refused. */
	dis_dsp();
	e_wai = wai_sem(SEM_INIT);
	e_twai = twai_sem(SEM_INIT, 10);
	e_tpol = twai_sem(SEM_INIT, TMO_POL);
	e_pol = pol_sem(SEM_INIT);
	e_sig = sig_sem(SEM_INIT);
	ena_dsp();
	ER_IS(e_wai, E_CTX);
	ER_IS(e_twai, E_CTX);
	tap_ercd(e_tpol, E_CTX, "twai_sem(TMO_POL) with dispatching disabled: E_CTX, as in TOPPERS");
	ER_IS(e_pol, E_OK);
	ER_IS(e_sig, E_OK);
}

static void test_counting(void)
{
	UINT n;

	/* isemcnt 2. */
	ER_IS(pol_sem(SEM_INIT), E_OK);
	ER_IS(pol_sem(SEM_INIT), E_OK);
	ER_IS(pol_sem(SEM_INIT), E_TMOUT);
	ER_IS(twai_sem(SEM_INIT, TMO_POL), E_TMOUT);

	/* isemcnt 0, maxsem 3. */
	ER_IS(pol_sem(SEM_FIFO), E_TMOUT);
	for (n = 0; n < 3 && sig_sem(SEM_FIFO) == E_OK; n++)
		;
	INT_IS(n, 3);
	ER_IS(sig_sem(SEM_FIFO), E_QOVR);
	for (n = 0; pol_sem(SEM_FIFO) == E_OK; n++)
		;
	INT_IS(n, 3);

	/* isemcnt = maxsem = TMAX_MAXSEM. */
	ER_IS(sig_sem(SEM_MAX), E_QOVR);
	ER_IS(pol_sem(SEM_MAX), E_OK);
	ER_IS(sig_sem(SEM_MAX), E_OK);
	ER_IS(sig_sem(SEM_MAX), E_QOVR);
}

static void test_timeout(void)
{
	SYSTIM t0 = now(), dt;

	ER_IS(twai_sem(SEM_FIFO, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20);
	OK(dt < 1000);

	/* Available: no wait. */
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	ER_IS(twai_sem(SEM_FIFO, 20), E_OK);
	ER_IS(sig_sem(SEM_TPRI), E_OK);
	ER_IS(wai_sem(SEM_TPRI), E_OK);
	ER_IS(pol_sem(SEM_TPRI), E_TMOUT);
}

static void test_wait_release(void)
{
	/* A higher-priority waiter runs as soon as it gets the resource. */
	rec_reset();
	start(TASK2, OP_WAI, SEM_FIFO, TMO_FEVR);
	INT_IS(nrec, 0);
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	tap_int(nrec, 1, "released higher-priority waiter preempts at once");
	ER_IS(rec_ercd[0], E_OK);
	ER_IS(pol_sem(SEM_FIFO), E_TMOUT);

	/* A lower-priority one gets it, but runs only when we let it. */
	rec_reset();
	start(LOW_TASK, OP_WAI, SEM_FIFO, TMO_FEVR);
	yield_to_lower();
	INT_IS(nrec, 0);
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	tap_int(nrec, 0, "released lower-priority waiter does not preempt");
	ER_IS(pol_sem(SEM_FIFO), E_TMOUT);
	yield_to_lower();
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_OK);

	/* twai_sem satisfied before its timeout. */
	rec_reset();
	start(TASK2, OP_TWAI, SEM_FIFO, 1000);
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_OK);

	/* A waiter timing out leaves the queue: a signal is then counted. */
	rec_reset();
	start(TASK2, OP_TWAI, SEM_FIFO, 20);
	(void)dly_tsk(50);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_TMOUT);
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	ER_IS(pol_sem(SEM_FIFO), E_OK);
}

static void test_order(void)
{
	/* TASK1 (lowest), TASK3 (highest), TASK2 queue up in this order. */
	rec_reset();
	start(TASK1, OP_WAI, SEM_FIFO, TMO_FEVR);
	start(TASK3, OP_TWAI, SEM_FIFO, TMO_FEVR);
	start(TASK2, OP_TWAI, SEM_FIFO, 1000);
	INT_IS(nrec, 0);
	(void)sig_sem(SEM_FIFO);
	(void)sig_sem(SEM_FIFO);
	(void)sig_sem(SEM_FIFO);
	tap_int(rec_order(), 132, "TA_TFIFO: released in arrival order");
	OK(rec_all(E_OK));

	rec_reset();
	start(TASK1, OP_WAI, SEM_TPRI, TMO_FEVR);
	start(TASK3, OP_TWAI, SEM_TPRI, TMO_FEVR);
	start(TASK2, OP_TWAI, SEM_TPRI, 1000);
	INT_IS(nrec, 0);
	(void)sig_sem(SEM_TPRI);
	(void)sig_sem(SEM_TPRI);
	(void)sig_sem(SEM_TPRI);
	tap_int(rec_order(), 321, "TA_TPRI: released in priority order");
	OK(rec_all(E_OK));
}

static void test_chg_pri(void)
{
	/* TA_TPRI queue 3, 2, 1; raise TASK1 to the top, drop TASK3 last. */
	rec_reset();
	start(TASK1, OP_WAI, SEM_TPRI, TMO_FEVR);
	start(TASK2, OP_WAI, SEM_TPRI, TMO_FEVR);
	start(TASK3, OP_WAI, SEM_TPRI, TMO_FEVR);
	ER_IS(chg_pri(TASK1, HIGH_PRI - 2), E_OK);
	ER_IS(chg_pri(TASK3, HIGH_PRI + 1), E_OK);
	(void)sig_sem(SEM_TPRI);
	(void)sig_sem(SEM_TPRI);
	(void)sig_sem(SEM_TPRI);
	tap_int(rec_order(), 123, "TA_TPRI: chg_pri re-sorts waiters");

	/* A waiter moved to an equal priority goes behind the others. */
	rec_reset();
	start(TASK3, OP_WAI, SEM_TPRI, TMO_FEVR);
	start(TASK2, OP_WAI, SEM_TPRI, TMO_FEVR);
	ER_IS(chg_pri(TASK3, HIGH_PRI), E_OK);
	(void)sig_sem(SEM_TPRI);
	(void)sig_sem(SEM_TPRI);
	tap_int(rec_order(), 23, "TA_TPRI: FIFO among equal priorities");

	/* A TA_TFIFO queue ignores priority changes. */
	rec_reset();
	start(TASK1, OP_WAI, SEM_FIFO, TMO_FEVR);
	start(TASK3, OP_WAI, SEM_FIFO, TMO_FEVR);
	ER_IS(chg_pri(TASK3, HIGH_PRI - 2), E_OK);
	(void)sig_sem(SEM_FIFO);
	(void)sig_sem(SEM_FIFO);
	tap_int(rec_order(), 13, "TA_TFIFO: chg_pri keeps arrival order");
}

static void test_rel_wai(void)
{
	rec_reset();
	start(TASK2, OP_WAI, SEM_FIFO, TMO_FEVR);
	ER_IS(rel_wai(TASK2), E_OK);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_RLWAI);
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	ER_IS(pol_sem(SEM_FIFO), E_OK);

	/* A released timed wait does not time out later. */
	rec_reset();
	start(TASK2, OP_TWAI, SEM_FIFO, 100);
	ER_IS(rel_wai(TASK2), E_OK);
	(void)dly_tsk(150);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_RLWAI);

	/* A terminated waiter leaves the queue and its timeout. */
	rec_reset();
	start(TASK1, OP_TWAI, SEM_FIFO, 100);
	start(TASK2, OP_WAI, SEM_FIFO, TMO_FEVR);
	ER_IS(ter_tsk(TASK1), E_OK);
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	tap_int(rec_order(), 2, "terminated waiter skipped");
	(void)dly_tsk(150);
	INT_IS(nrec, 1);
	ER_IS(pol_sem(SEM_FIFO), E_TMOUT);

	/* A suspended waiter gets the resource, and runs once resumed. */
	rec_reset();
	start(TASK2, OP_WAI, SEM_FIFO, TMO_FEVR);
	ER_IS(sus_tsk(TASK2), E_OK);
	ER_IS(sig_sem(SEM_FIFO), E_OK);
	tap_int(nrec, 0, "suspended waiter released but not run");
	ER_IS(pol_sem(SEM_FIFO), E_TMOUT);
	ER_IS(rsm_tsk(TASK2), E_OK);
	tap_int(nrec, 1, "released waiter runs at rsm_tsk");
	ER_IS(rec_ercd[0], E_OK);
}

static volatile INT	hphase;

void swi_handler(void)
{
	ER ercd;
	UINT n;

	switch (hphase) {
	case 1:
		tap_step(2);
		ER_IS(isig_sem(0), E_ID);
		ER_IS(isig_sem(TNUM_SEMID + 1), E_ID);
		ER_IS(sig_sem(SEM_FIFO), E_CTX);
		ER_IS(wai_sem(SEM_INIT), E_CTX);
		ER_IS(pol_sem(SEM_INIT), E_CTX);
		ER_IS(twai_sem(SEM_INIT, 10), E_CTX);
		ER_IS(twai_sem(SEM_INIT, TMO_POL), E_CTX);
		iloc_cpu();
		ercd = isig_sem(SEM_FIFO);
		iunl_cpu();
		ER_IS(ercd, E_CTX);
		/* TASK2 waits: it gets the resource, and runs at our return. */
		ER_IS(isig_sem(SEM_FIFO), E_OK);
		tap_int(nrec, 0, "released waiter does not run inside handler");
		break;
	case 2:
		for (n = 0; n < 3 && isig_sem(SEM_FIFO) == E_OK; n++)
			;
		INT_IS(n, 3);
		ER_IS(isig_sem(SEM_FIFO), E_QOVR);
		break;
	case 3:
		ER_IS(isig_sem(SEM_FIFO), E_OK);
		break;
	}
}

static void test_handler(void)
{
	UINT n;

	rec_reset();
	start(TASK2, OP_WAI, SEM_FIFO, TMO_FEVR);
	tap_step(1);
	hphase = 1;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	tap_int(nrec, 1, "released waiter ran at handler return");
	ER_IS(rec_ercd[0], E_OK);
	ER_IS(pol_sem(SEM_FIFO), E_TMOUT);

	hphase = 2;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	for (n = 0; pol_sem(SEM_FIFO) == E_OK; n++)
		;
	INT_IS(n, 3);

	/* Dispatching disabled: the released waiter runs at ena_dsp. */
	rec_reset();
	start(TASK2, OP_WAI, SEM_FIFO, TMO_FEVR);
	hphase = 3;
	dis_dsp();
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_int(nrec, 0, "dispatching disabled: waiter released, not run");
	ena_dsp();
	tap_int(nrec, 1, "released waiter ran at ena_dsp");

	/* CPU locked: the handler runs at unl_cpu, the waiter right after. */
	rec_reset();
	start(TASK2, OP_TWAI, SEM_FIFO, 1000);
	loc_cpu();
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	n = nrec;
	unl_cpu();
	tap_int(n, 0, "CPU locked: handler and waiter held back");
	tap_int(nrec, 1, "released waiter ran at unl_cpu");
	ER_IS(rec_ercd[0], E_OK);
	ER_IS(pol_sem(SEM_FIFO), E_TMOUT);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_context();
	test_counting();
	test_timeout();
	test_wait_release();
	test_order();
	test_chg_pri();
	test_rel_wai();
	test_handler();
	tap_done();
}
