/*
 * Conformance: data queues - snd_dtq psnd_dtq ipsnd_dtq tsnd_dtq fsnd_dtq
 * ifsnd_dtq rcv_dtq prcv_dtq trcv_dtq, their error codes, FIFO data
 * order, forced sends, blocked senders and receivers (TA_TPRI sender
 * order, FIFO receivers), zero-capacity queues, timeouts and preemption
 * by a released waiter, from a task and from a handler.
 */
#include "tests.h"

/* What a waiter task does when activated; it sends 100 + its exinf. */
enum { OP_SND, OP_TSND, OP_RCV, OP_TRCV };

/* The datum each waiter got (-1: none); the name shows in test points. */
#define rec_data	rec_val

void act_task(VP_INT exinf)
{
	VP_INT data = -1;
	ER ercd;

	switch (op) {
	case OP_SND:
		ercd = snd_dtq(op_id, 100 + exinf);
		break;
	case OP_TSND:
		ercd = tsnd_dtq(op_id, 100 + exinf, op_tmout);
		break;
	case OP_RCV:
		ercd = rcv_dtq(op_id, &data);
		break;
	default:
		ercd = trcv_dtq(op_id, &data, op_tmout);
		break;
	}
	record((INT)exinf, ercd, data);
}

/* Empty a queue by polling; its contents as digits (data 0..9). */
static INT drain(ID dtqid)
{
	VP_INT data;
	INT v = 0;

	while (prcv_dtq(dtqid, &data) == E_OK)
		v = v * 10 + (INT)data;
	return v;
}

/* Receive one datum by polling; -1 if none. */
static VP_INT take(ID dtqid)
{
	VP_INT data;

	return prcv_dtq(dtqid, &data) == E_OK ? data : -1;
}

static void test_errors(void)
{
	VP_INT d;

	ER_IS(snd_dtq(0, 1), E_ID);
	ER_IS(psnd_dtq(TNUM_DTQID + 1, 1), E_ID);
	ER_IS(tsnd_dtq(0, 1, 10), E_ID);
	ER_IS(fsnd_dtq(-1, 1), E_ID);
	ER_IS(rcv_dtq(0, &d), E_ID);
	ER_IS(prcv_dtq(TNUM_DTQID + 1, &d), E_ID);
	ER_IS(trcv_dtq(0, &d, 10), E_ID);
	ER_IS(rcv_dtq(DTQ_FIFO, NULL), E_PAR);
	ER_IS(prcv_dtq(DTQ_FIFO, NULL), E_PAR);
	ER_IS(trcv_dtq(DTQ_FIFO, NULL, 10), E_PAR);
	ER_IS(tsnd_dtq(DTQ_FIFO, 1, TMO_NBLK), E_PAR);
	ER_IS(trcv_dtq(DTQ_FIFO, &d, -100), E_PAR);
	ER_IS(ipsnd_dtq(DTQ_FIFO, 1), E_CTX);
	ER_IS(ifsnd_dtq(DTQ_FIFO, 1), E_CTX);
}

static void test_context(void)
{
	ER e[7];
	VP_INT d = 0;

	loc_cpu();
	e[0] = snd_dtq(DTQ_FIFO, 1);
	e[1] = psnd_dtq(DTQ_FIFO, 1);
	e[2] = tsnd_dtq(DTQ_FIFO, 1, 10);
	e[3] = fsnd_dtq(DTQ_FIFO, 1);
	e[4] = rcv_dtq(DTQ_FIFO, &d);
	e[5] = prcv_dtq(DTQ_FIFO, &d);
	e[6] = trcv_dtq(DTQ_FIFO, &d, 10);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	ER_IS(e[3], E_CTX);
	ER_IS(e[4], E_CTX);
	ER_IS(e[5], E_CTX);
	ER_IS(e[6], E_CTX);

	/* Calls that may wait are refused even when they would not. */
	dis_dsp();
	e[0] = snd_dtq(DTQ_FIFO, 1);
	e[1] = tsnd_dtq(DTQ_FIFO, 1, 10);
	e[2] = psnd_dtq(DTQ_FIFO, 5);
	e[3] = rcv_dtq(DTQ_FIFO, &d);
	e[4] = trcv_dtq(DTQ_FIFO, &d, 10);
	e[5] = prcv_dtq(DTQ_FIFO, &d);
	e[6] = tsnd_dtq(DTQ_FIFO, 6, TMO_POL);
	ena_dsp();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_OK);
	ER_IS(e[3], E_CTX);
	ER_IS(e[4], E_CTX);
	ER_IS(e[5], E_OK);
	INT_IS(d, 5);
	tap_ercd(e[6], E_CTX, "tsnd_dtq(TMO_POL) with dispatching disabled: E_CTX, as in TOPPERS");
	dis_dsp();
	e[0] = trcv_dtq(DTQ_FIFO, &d, TMO_POL);
	ena_dsp();
	tap_ercd(e[0], E_CTX, "... trcv_dtq(TMO_POL) too");
}

static void test_fifo(void)
{
	VP_INT d;
	UINT n;
	SYSTIM t0, dt;

	for (n = 0; n < 4 && psnd_dtq(DTQ_FIFO, n + 1) == E_OK; n++)
		;
	tap_int(n, 3, "psnd_dtq fills dtqcnt entries");
	ER_IS(psnd_dtq(DTQ_FIFO, 4), E_TMOUT);
	ER_IS(tsnd_dtq(DTQ_FIFO, 4, TMO_POL), E_TMOUT);
	tap_int(drain(DTQ_FIFO), 123, "data come out in FIFO order");
	ER_IS(prcv_dtq(DTQ_FIFO, &d), E_TMOUT);
	ER_IS(trcv_dtq(DTQ_FIFO, &d, TMO_POL), E_TMOUT);

	/* With room or data, the waiting calls do not wait. */
	ER_IS(snd_dtq(DTQ_FIFO, 8), E_OK);
	ER_IS(tsnd_dtq(DTQ_FIFO, 9, 100), E_OK);
	ER_IS(rcv_dtq(DTQ_FIFO, &d), E_OK);
	INT_IS(d, 8);
	ER_IS(trcv_dtq(DTQ_FIFO, &d, 100), E_OK);
	INT_IS(d, 9);

	/* fsnd_dtq drops the oldest entry of a full queue. */
	(void)psnd_dtq(DTQ_FIFO, 1);
	(void)psnd_dtq(DTQ_FIFO, 2);
	ER_IS(fsnd_dtq(DTQ_FIFO, 3), E_OK);
	ER_IS(fsnd_dtq(DTQ_FIFO, 4), E_OK);
	ER_IS(fsnd_dtq(DTQ_FIFO, 5), E_OK);
	tap_int(drain(DTQ_FIFO), 345, "fsnd_dtq drops the oldest");

	/* Timeouts. */
	(void)psnd_dtq(DTQ_FIFO, 1);
	(void)psnd_dtq(DTQ_FIFO, 2);
	(void)psnd_dtq(DTQ_FIFO, 3);
	t0 = now();
	ER_IS(tsnd_dtq(DTQ_FIFO, 9, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);
	tap_int(drain(DTQ_FIFO), 123, "timed-out send left no data");
	t0 = now();
	ER_IS(trcv_dtq(DTQ_FIFO, &d, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);
}

static void test_receivers(void)
{
	/* A waiting receiver gets the data straight away and preempts. */
	rec_reset();
	start(TASK2, OP_RCV, DTQ_FIFO, TMO_FEVR);
	INT_IS(nrec, 0);
	ER_IS(psnd_dtq(DTQ_FIFO, 42), E_OK);
	tap_int(nrec, 1, "psnd_dtq: released receiver preempts at once");
	INT_IS(rec_data[0], 42);
	INT_IS(take(DTQ_FIFO), -1);

	rec_reset();
	start(TASK2, OP_TRCV, DTQ_FIFO, 1000);
	ER_IS(fsnd_dtq(DTQ_FIFO, 43), E_OK);
	tap_int(nrec, 1, "fsnd_dtq: released receiver preempts at once");
	ER_IS(rec_ercd[0], E_OK);
	INT_IS(rec_data[0], 43);

	rec_reset();
	start(TASK2, OP_TRCV, DTQ_FIFO, TMO_FEVR);
	ER_IS(snd_dtq(DTQ_FIFO, 44), E_OK);
	INT_IS(rec_data[0], 44);

	/* Receivers wait in FIFO order, even on a TA_TPRI queue. */
	rec_reset();
	start(TASK1, OP_RCV, DTQ_TPRI, TMO_FEVR);
	start(TASK3, OP_RCV, DTQ_TPRI, TMO_FEVR);
	(void)psnd_dtq(DTQ_TPRI, 1);
	(void)psnd_dtq(DTQ_TPRI, 2);
	tap_int(rec_order(), 13, "receivers are served in FIFO order");
	INT_IS(rec_data[0], 1);
	INT_IS(rec_data[1], 2);

	/* A receiver that timed out is gone: data are queued. */
	rec_reset();
	start(TASK2, OP_TRCV, DTQ_FIFO, 20);
	(void)dly_tsk(50);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_TMOUT);
	ER_IS(psnd_dtq(DTQ_FIFO, 7), E_OK);
	INT_IS(take(DTQ_FIFO), 7);

	rec_reset();
	start(TASK2, OP_RCV, DTQ_FIFO, TMO_FEVR);
	ER_IS(rel_wai(TASK2), E_OK);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_RLWAI);
}

static void test_senders(void)
{
	/* Full TA_TFIFO queue: senders wait and get in in arrival order. */
	(void)psnd_dtq(DTQ_FIFO, 1);
	(void)psnd_dtq(DTQ_FIFO, 2);
	(void)psnd_dtq(DTQ_FIFO, 3);
	rec_reset();
	start(TASK1, OP_SND, DTQ_FIFO, TMO_FEVR);
	start(TASK3, OP_SND, DTQ_FIFO, TMO_FEVR);
	start(TASK2, OP_TSND, DTQ_FIFO, 1000);
	tap_int(nrec, 0, "senders block on a full queue");
	INT_IS(take(DTQ_FIFO), 1);
	tap_int(rec_order(), 1, "receiving releases the first sender at once");
	INT_IS(take(DTQ_FIFO), 2);
	INT_IS(take(DTQ_FIFO), 3);
	tap_int(rec_order(), 132, "TA_TFIFO: senders in arrival order");
	INT_IS(take(DTQ_FIFO), 101);
	INT_IS(take(DTQ_FIFO), 103);
	INT_IS(take(DTQ_FIFO), 102);
	INT_IS(take(DTQ_FIFO), -1);

	/* TA_TPRI: highest priority first. */
	(void)psnd_dtq(DTQ_TPRI, 0);
	rec_reset();
	start(TASK1, OP_SND, DTQ_TPRI, TMO_FEVR);
	start(TASK3, OP_SND, DTQ_TPRI, TMO_FEVR);
	start(TASK2, OP_SND, DTQ_TPRI, TMO_FEVR);
	INT_IS(take(DTQ_TPRI), 0);
	INT_IS(take(DTQ_TPRI), 103);
	INT_IS(take(DTQ_TPRI), 102);
	INT_IS(take(DTQ_TPRI), 101);
	tap_int(rec_order(), 321, "TA_TPRI: senders in priority order");

	/* chg_pri re-sorts the senders: 3, 2, 1 becomes 1, 2, 3. */
	(void)psnd_dtq(DTQ_TPRI, 0);
	rec_reset();
	start(TASK1, OP_SND, DTQ_TPRI, TMO_FEVR);
	start(TASK2, OP_SND, DTQ_TPRI, TMO_FEVR);
	start(TASK3, OP_SND, DTQ_TPRI, TMO_FEVR);
	ER_IS(chg_pri(TASK1, HIGH_PRI - 2), E_OK);
	ER_IS(chg_pri(TASK3, HIGH_PRI + 1), E_OK);
	(void)take(DTQ_TPRI);
	(void)take(DTQ_TPRI);
	(void)take(DTQ_TPRI);
	INT_IS(take(DTQ_TPRI), 103);
	tap_int(rec_order(), 123, "TA_TPRI: chg_pri re-sorts senders");

	/* A sender that timed out or was released left no data. */
	(void)psnd_dtq(DTQ_TPRI, 0);
	rec_reset();
	start(TASK2, OP_TSND, DTQ_TPRI, 20);
	(void)dly_tsk(50);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_TMOUT);
	start(TASK3, OP_SND, DTQ_TPRI, TMO_FEVR);
	ER_IS(rel_wai(TASK3), E_OK);
	INT_IS(nrec, 2);
	ER_IS(rec_ercd[1], E_RLWAI);
	INT_IS(take(DTQ_TPRI), 0);
	INT_IS(take(DTQ_TPRI), -1);
}

static void test_zero(void)
{
	VP_INT d;
	SYSTIM t0, dt;

	ER_IS(psnd_dtq(DTQ_ZERO, 1), E_TMOUT);
	ER_IS(prcv_dtq(DTQ_ZERO, &d), E_TMOUT);
	ER_IS(fsnd_dtq(DTQ_ZERO, 1), E_ILUSE);
	t0 = now();
	ER_IS(tsnd_dtq(DTQ_ZERO, 1, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);
	ER_IS(trcv_dtq(DTQ_ZERO, &d, 20), E_TMOUT);

	/* A waiting receiver takes the data directly. */
	rec_reset();
	start(TASK2, OP_RCV, DTQ_ZERO, TMO_FEVR);
	INT_IS(nrec, 0);
	ER_IS(psnd_dtq(DTQ_ZERO, 7), E_OK);
	tap_int(nrec, 1, "zero capacity: receiver gets the data at once");
	INT_IS(rec_data[0], 7);
	ER_IS(prcv_dtq(DTQ_ZERO, &d), E_TMOUT);

	/* A sender waits until someone receives. */
	rec_reset();
	start(TASK2, OP_SND, DTQ_ZERO, TMO_FEVR);
	tap_int(nrec, 0, "zero capacity: sender waits for a receiver");
	ER_IS(prcv_dtq(DTQ_ZERO, &d), E_OK);
	INT_IS(d, 102);
	tap_int(nrec, 1, "zero capacity: receiving releases the sender");
	ER_IS(rec_ercd[0], E_OK);

	rec_reset();
	start(TASK1, OP_SND, DTQ_ZERO, TMO_FEVR);
	start(TASK3, OP_TSND, DTQ_ZERO, 1000);
	ER_IS(rcv_dtq(DTQ_ZERO, &d), E_OK);
	INT_IS(d, 101);
	ER_IS(trcv_dtq(DTQ_ZERO, &d, 1000), E_OK);
	INT_IS(d, 103);
	tap_int(rec_order(), 13, "zero capacity: senders in arrival order");
	ER_IS(prcv_dtq(DTQ_ZERO, &d), E_TMOUT);
}

static volatile INT	hphase;

void swi_handler(void)
{
	VP_INT d;
	ER ercd;
	UINT n;

	switch (hphase) {
	case 1:
		tap_step(2);
		ER_IS(ipsnd_dtq(0, 1), E_ID);
		ER_IS(ifsnd_dtq(TNUM_DTQID + 1, 1), E_ID);
		ER_IS(snd_dtq(DTQ_FIFO, 1), E_CTX);
		ER_IS(psnd_dtq(DTQ_FIFO, 1), E_CTX);
		ER_IS(tsnd_dtq(DTQ_FIFO, 1, 10), E_CTX);
		ER_IS(fsnd_dtq(DTQ_FIFO, 1), E_CTX);
		ER_IS(rcv_dtq(DTQ_FIFO, &d), E_CTX);
		ER_IS(prcv_dtq(DTQ_FIFO, &d), E_CTX);
		ER_IS(trcv_dtq(DTQ_FIFO, &d, 10), E_CTX);
		iloc_cpu();
		ercd = ipsnd_dtq(DTQ_FIFO, 1);
		iunl_cpu();
		ER_IS(ercd, E_CTX);
		ER_IS(ipsnd_dtq(DTQ_FIFO, 55), E_OK);
		tap_int(nrec, 0, "released receiver does not run inside handler");
		break;
	case 2:
		for (n = 0; n < 4 && ipsnd_dtq(DTQ_FIFO, n + 1) == E_OK; n++)
			;
		INT_IS(n, 3);
		ER_IS(ipsnd_dtq(DTQ_FIFO, 4), E_TMOUT);
		ER_IS(ifsnd_dtq(DTQ_FIFO, 5), E_OK);
		ER_IS(ifsnd_dtq(DTQ_ZERO, 1), E_ILUSE);
		ER_IS(ipsnd_dtq(DTQ_ZERO, 1), E_TMOUT);
		break;
	case 3:
		ER_IS(ifsnd_dtq(DTQ_FIFO, 66), E_OK);
		break;
	case 4:
		ER_IS(ipsnd_dtq(DTQ_ZERO, 77), E_OK);
		break;
	}
}

static void test_handler(void)
{
	rec_reset();
	start(TASK2, OP_RCV, DTQ_FIFO, TMO_FEVR);
	tap_step(1);
	hphase = 1;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	tap_int(nrec, 1, "released receiver ran at handler return");
	ER_IS(rec_ercd[0], E_OK);
	INT_IS(rec_data[0], 55);

	hphase = 2;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_int(drain(DTQ_FIFO), 235, "ipsnd_dtq/ifsnd_dtq data in order");

	rec_reset();
	start(TASK2, OP_TRCV, DTQ_FIFO, 1000);
	hphase = 3;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_int(nrec, 1, "ifsnd_dtq: receiver ran at handler return");
	INT_IS(rec_data[0], 66);

	rec_reset();
	start(TASK2, OP_RCV, DTQ_ZERO, TMO_FEVR);
	hphase = 4;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_int(nrec, 1, "ipsnd_dtq: zero-capacity receiver ran at return");
	INT_IS(rec_data[0], 77);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_context();
	test_fifo();
	test_receivers();
	test_senders();
	test_zero();
	test_handler();
	tap_done();
}
