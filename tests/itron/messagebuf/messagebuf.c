/*
 * Conformance: message buffers - snd_mbf psnd_mbf tsnd_mbf rcv_mbf
 * prcv_mbf trcv_mbf ref_mbf, their error codes, message order and
 * contents (across the end of the ring), blocked senders (TA_TFIFO and
 * TA_TPRI order, no overtaking by a shorter message, the next sender let
 * in when the first one gives up), FIFO receivers, zero-size buffers and
 * messages longer than the buffer, timeouts, rel_wai and ter_tsk.
 */
#include "tests.h"

/* What a waiter task does when activated. */
enum { OP_SND, OP_TSND, OP_RCV, OP_TRCV };

/*
 * A sender's message: op_len bytes of its exinf digit.  A receiver
 * records 10 * length + first digit, or -1; its bytes must all agree.
 */
static volatile UINT	op_len;
static volatile BOOL	torn;

static void fill(UB *msg, UINT len, UINT digit)
{
	UINT i;

	for (i = 0; i < len; i++)
		msg[i] = (UB)('0' + digit);
}

/* 10 * len + digit for a well-formed message of len bytes, else -1. */
static VP_INT summary(const UB *msg, ER_UINT len)
{
	ER_UINT i;

	if (len <= 0)
		return -1;
	for (i = 1; i < len; i++)
		if (msg[i] != msg[0])
			torn = TRUE;
	return (VP_INT)(10 * len + (msg[0] - '0'));
}

void act_task(VP_INT exinf)
{
	UB msg[64];
	UINT len = op_len;
	ER_UINT ercd;
	VP_INT val = -1;

	switch (op) {
	case OP_SND:
		fill(msg, len, (UINT)exinf);
		ercd = snd_mbf(op_id, msg, len);
		break;
	case OP_TSND:
		fill(msg, len, (UINT)exinf);
		ercd = tsnd_mbf(op_id, msg, len, op_tmout);
		break;
	case OP_RCV:
		ercd = rcv_mbf(op_id, msg);
		val = summary(msg, ercd);
		break;
	default:
		ercd = trcv_mbf(op_id, msg, op_tmout);
		val = summary(msg, ercd);
		break;
	}
	record((INT)exinf, ercd > 0 ? E_OK : ercd, val);
}

static void send_as(ID tskid, INT how, ID mbfid, UINT len, TMO tmout)
{
	op_len = len;
	start(tskid, how, mbfid, tmout);
}

/* Send len bytes of digit by polling. */
static ER put(ID mbfid, UINT len, UINT digit)
{
	UB msg[64];

	fill(msg, len, digit);
	return psnd_mbf(mbfid, msg, len);
}

/* Receive one message by polling: its summary, or -1. */
static VP_INT take(ID mbfid)
{
	UB msg[64];

	return summary(msg, prcv_mbf(mbfid, msg));
}

static T_RMBF state(ID mbfid)
{
	T_RMBF rmbf = { -1, -1, 999, 999 };

	(void)ref_mbf(mbfid, &rmbf);
	return rmbf;
}

static void test_errors(void)
{
	UB msg[64];

	ER_IS(snd_mbf(0, msg, 1), E_ID);
	ER_IS(psnd_mbf(TNUM_MBFID + 1, msg, 1), E_ID);
	ER_IS(tsnd_mbf(-1, msg, 1, 10), E_ID);
	ER_IS(rcv_mbf(0, msg), E_ID);
	ER_IS(prcv_mbf(TNUM_MBFID + 1, msg), E_ID);
	ER_IS(trcv_mbf(0, msg, 10), E_ID);
	ER_IS(ref_mbf(0, NULL), E_ID);
	ER_IS(psnd_mbf(MBF_FIFO, msg, 0), E_PAR);
	ER_IS(psnd_mbf(MBF_FIFO, msg, 17), E_PAR);
	ER_IS(snd_mbf(MBF_ZERO, msg, 9), E_PAR);
	ER_IS(psnd_mbf(MBF_FIFO, NULL, 4), E_PAR);
	ER_IS(tsnd_mbf(MBF_FIFO, msg, 4, -100), E_PAR);
	ER_IS(rcv_mbf(MBF_FIFO, NULL), E_PAR);
	ER_IS(prcv_mbf(MBF_FIFO, NULL), E_PAR);
	ER_IS(trcv_mbf(MBF_FIFO, msg, TMO_NBLK), E_PAR);
	ER_IS(ref_mbf(MBF_FIFO, NULL), E_PAR);
}

static void test_context(void)
{
	UB msg[64];
	ER_UINT e[7];

	fill(msg, 4, 5);
	loc_cpu();
	e[0] = snd_mbf(MBF_FIFO, msg, 4);
	e[1] = psnd_mbf(MBF_FIFO, msg, 4);
	e[2] = prcv_mbf(MBF_FIFO, msg);
	e[3] = trcv_mbf(MBF_FIFO, msg, 10);
	e[4] = ref_mbf(MBF_FIFO, NULL);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	ER_IS(e[3], E_CTX);
	ER_IS(e[4], E_CTX);

	/* Calls that may wait are refused even when they would not. */
	dis_dsp();
	e[0] = snd_mbf(MBF_FIFO, msg, 4);
	e[1] = tsnd_mbf(MBF_FIFO, msg, 4, 10);
	e[2] = tsnd_mbf(MBF_FIFO, msg, 4, TMO_POL);
	e[3] = psnd_mbf(MBF_FIFO, msg, 4);
	e[4] = rcv_mbf(MBF_FIFO, msg);
	e[5] = trcv_mbf(MBF_FIFO, msg, TMO_POL);
	e[6] = prcv_mbf(MBF_FIFO, msg);
	ena_dsp();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	tap_ercd(e[2], E_CTX, "tsnd_mbf(TMO_POL) with dispatching disabled");
	ER_IS(e[3], E_OK);
	ER_IS(e[4], E_CTX);
	tap_ercd(e[5], E_CTX, "trcv_mbf(TMO_POL) with dispatching disabled");
	tap_int(e[6], 4, "prcv_mbf polls with dispatching disabled");
}

static void test_order(void)
{
	T_RMBF r;
	UINT i, n, bad = 0;

	r = state(MBF_FIFO);
	INT_IS(r.smsgcnt, 0);
	tap_int(r.fmbfsz, TSZ_MBF(2, 8), "fmbfsz: all free at first");
	INT_IS(r.stskid, TSK_NONE);
	INT_IS(r.rtskid, TSK_NONE);
	ER_IS(put(MBF_FIFO, 8, 1), E_OK);
	ER_IS(put(MBF_FIFO, 3, 2), E_OK);
	r = state(MBF_FIFO);
	tap_int(r.smsgcnt, 2, "ref_mbf: smsgcnt");
	tap_int(r.fmbfsz, TSZ_MBF(2, 8) - TSZ_MBF(1, 8) - TSZ_MBF(1, 3),
		"ref_mbf: fmbfsz counts each length");
	tap_ercd(put(MBF_FIFO, 5, 3), E_TMOUT, "no room: psnd_mbf times out");
	ER_IS(put(MBF_FIFO, 1, 4), E_OK);
	tap_int(state(MBF_FIFO).fmbfsz, 0, "a message that fits exactly");
	ER_IS(put(MBF_FIFO, 1, 5), E_TMOUT);
	INT_IS(take(MBF_FIFO), 81);
	INT_IS(take(MBF_FIFO), 32);
	INT_IS(take(MBF_FIFO), 14);
	INT_IS(take(MBF_FIFO), -1);
	tap_int(state(MBF_FIFO).fmbfsz, TSZ_MBF(2, 8), "all free again");

	/* Every length at every offset: the ring wraps inside messages. */
	for (i = 0; i < 200; i++) {
		UINT len = 1 + i % 11, len2 = 1 + (i * 7) % 5;

		if (put(MBF_FIFO, len, i % 10) != E_OK ||
		    put(MBF_FIFO, len2, (i + 1) % 10) != E_OK ||
		    take(MBF_FIFO) != (VP_INT)(10 * len + i % 10) ||
		    take(MBF_FIFO) != (VP_INT)(10 * len2 + (i + 1) % 10))
			bad++;
	}
	tap_int(bad, 0, "200 rounds across the end of the ring intact");
	OK(!torn);
	for (n = 0; put(MBF_FIFO, 1, n % 10) == E_OK; n++)
		;
	tap_int(n, TSZ_MBF(2, 8) / TSZ_MBF(1, 1), "one-byte messages fill it");
	for (i = 0; i < n; i++)
		if (take(MBF_FIFO) != (VP_INT)(10 + i % 10))
			bad++;
	tap_int(bad, 0, "... and come out in order");
}

static void test_receivers(void)
{
	SYSTIM t0, dt;
	UB msg[64];

	/* A waiting receiver gets the message at once and preempts. */
	rec_reset();
	start(TASK2, OP_RCV, MBF_FIFO, TMO_FEVR);
	tap_int(state(MBF_FIFO).rtskid, TASK2, "ref_mbf: rtskid");
	ER_IS(put(MBF_FIFO, 16, 7), E_OK);
	tap_int(nrec, 1, "psnd_mbf: released receiver preempts at once");
	tap_int(rec_val[0], 167, "... with the whole message");
	INT_IS(take(MBF_FIFO), -1);

	/* Receivers wait in FIFO order, even on a TA_TPRI buffer. */
	rec_reset();
	start(TASK1, OP_RCV, MBF_TPRI, TMO_FEVR);
	start(TASK3, OP_TRCV, MBF_TPRI, 1000);
	ER_IS(put(MBF_TPRI, 2, 1), E_OK);
	ER_IS(put(MBF_TPRI, 3, 2), E_OK);
	tap_int(rec_order(), 13, "receivers are served in FIFO order");
	INT_IS(rec_val[0], 21);
	INT_IS(rec_val[1], 32);

	t0 = now();
	ER_IS(trcv_mbf(MBF_FIFO, msg, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);

	rec_reset();
	start(TASK2, OP_TRCV, MBF_FIFO, 20);
	(void)dly_tsk(50);
	ER_IS(rec_ercd[0], E_TMOUT);
	start(TASK2, OP_RCV, MBF_FIFO, TMO_FEVR);
	ER_IS(rel_wai(TASK2), E_OK);
	ER_IS(rec_ercd[1], E_RLWAI);
	start(TASK2, OP_RCV, MBF_FIFO, TMO_FEVR);
	ER_IS(ter_tsk(TASK2), E_OK);
	tap_int(state(MBF_FIFO).rtskid, TSK_NONE, "ter_tsk: receiver gone");
	ER_IS(put(MBF_FIFO, 1, 1), E_OK);
	tap_int(take(MBF_FIFO), 11, "... and the message is kept");
}

static void test_senders(void)
{
	T_RMBF r;

	/* Full: senders wait, and get in in arrival order. */
	(void)put(MBF_FIFO, 8, 0);
	(void)put(MBF_FIFO, 8, 0);
	rec_reset();
	send_as(TASK1, OP_SND, MBF_FIFO, 8, TMO_FEVR);
	send_as(TASK3, OP_SND, MBF_FIFO, 4, TMO_FEVR);
	send_as(TASK2, OP_TSND, MBF_FIFO, 2, 1000);
	tap_int(nrec, 0, "senders block on a full buffer");
	tap_int(state(MBF_FIFO).stskid, TASK1, "ref_mbf: stskid");
	INT_IS(take(MBF_FIFO), 80);
	tap_int(rec_order(), 1, "receiving releases the first sender at once");
	INT_IS(take(MBF_FIFO), 80);
	tap_int(rec_order(), 13, "a second sender fits, the third not yet");
	INT_IS(take(MBF_FIFO), 81);
	tap_int(rec_order(), 132, "TA_TFIFO: senders in arrival order");
	INT_IS(take(MBF_FIFO), 43);
	INT_IS(take(MBF_FIFO), 22);
	INT_IS(take(MBF_FIFO), -1);

	/* A short message does not overtake a waiting long one. */
	(void)put(MBF_FIFO, 8, 0);
	(void)put(MBF_FIFO, 2, 0);
	rec_reset();
	send_as(TASK1, OP_SND, MBF_FIFO, 16, TMO_FEVR);
	tap_ercd(put(MBF_FIFO, 1, 9), E_TMOUT,
		 "psnd_mbf: no room while a sender waits, though it fits");
	INT_IS(take(MBF_FIFO), 80);
	INT_IS(nrec, 0);
	INT_IS(take(MBF_FIFO), 20);
	INT_IS(nrec, 1);
	INT_IS(take(MBF_FIFO), 161);

	/* TA_TPRI: highest priority first. */
	(void)put(MBF_TPRI, 8, 0);
	(void)put(MBF_TPRI, 8, 0);
	rec_reset();
	send_as(TASK1, OP_SND, MBF_TPRI, 8, TMO_FEVR);
	send_as(TASK3, OP_SND, MBF_TPRI, 8, TMO_FEVR);
	send_as(TASK2, OP_SND, MBF_TPRI, 8, TMO_FEVR);
	INT_IS(take(MBF_TPRI), 80);
	INT_IS(take(MBF_TPRI), 80);
	tap_int(rec_order(), 32, "TA_TPRI: senders in priority order");
	INT_IS(take(MBF_TPRI), 83);
	INT_IS(take(MBF_TPRI), 82);
	INT_IS(take(MBF_TPRI), 81);
	INT_IS(rec_order(), 321);

	/* chg_pri re-sorts the senders, and a new first one may fit. */
	(void)put(MBF_TPRI, 8, 0);
	(void)put(MBF_TPRI, 1, 0);
	rec_reset();
	send_as(TASK3, OP_SND, MBF_TPRI, 16, TMO_FEVR);
	send_as(TASK1, OP_SND, MBF_TPRI, 2, TMO_FEVR);
	INT_IS(nrec, 0);
	ER_IS(chg_pri(TASK1, HIGH_PRI - 2), E_OK);
	tap_int(rec_order(), 1, "TA_TPRI: chg_pri puts a sender first, "
		"its message goes in");
	INT_IS(take(MBF_TPRI), 80);
	INT_IS(take(MBF_TPRI), 10);
	INT_IS(nrec, 1);
	INT_IS(take(MBF_TPRI), 21);
	INT_IS(rec_order(), 13);
	INT_IS(take(MBF_TPRI), 163);

	/* The first sender gives up: the next one's message goes in. */
	(void)put(MBF_FIFO, 12, 0);
	rec_reset();
	send_as(TASK2, OP_TSND, MBF_FIFO, 16, 20);
	send_as(TASK1, OP_SND, MBF_FIFO, 4, TMO_FEVR);
	send_as(TASK3, OP_SND, MBF_FIFO, 16, TMO_FEVR);
	INT_IS(nrec, 0);
	(void)dly_tsk(50);
	tap_int(rec_order(), 21, "first sender timed out: the next got in");
	ER_IS(rec_ercd[0], E_TMOUT);
	ER_IS(rec_ercd[1], E_OK);
	r = state(MBF_FIFO);
	tap_int(r.stskid, TASK3, "... the one after still waits");
	INT_IS(r.smsgcnt, 2);
	ER_IS(ter_tsk(TASK3), E_OK);
	INT_IS(state(MBF_FIFO).stskid, TSK_NONE);
	INT_IS(take(MBF_FIFO), 120);
	INT_IS(take(MBF_FIFO), 41);
	tap_int(take(MBF_FIFO), -1, "ter_tsk: the sender's message is gone");

	(void)put(MBF_FIFO, 12, 0);
	rec_reset();
	send_as(TASK2, OP_SND, MBF_FIFO, 16, TMO_FEVR);
	send_as(TASK1, OP_SND, MBF_FIFO, 2, TMO_FEVR);
	ER_IS(rel_wai(TASK2), E_OK);
	tap_int(rec_order(), 21, "first sender released: the next got in");
	ER_IS(rec_ercd[0], E_RLWAI);
	ER_IS(rec_ercd[1], E_OK);
	INT_IS(take(MBF_FIFO), 120);
	INT_IS(take(MBF_FIFO), 21);

	(void)put(MBF_FIFO, 12, 0);
	rec_reset();
	send_as(TASK2, OP_SND, MBF_FIFO, 16, TMO_FEVR);
	send_as(TASK1, OP_SND, MBF_FIFO, 2, TMO_FEVR);
	ER_IS(ter_tsk(TASK2), E_OK);
	tap_int(rec_order(), 1, "first sender ended: the next got in");
	INT_IS(take(MBF_FIFO), 120);
	INT_IS(take(MBF_FIFO), 21);
	INT_IS(take(MBF_FIFO), -1);
	OK(!torn);
}

static void test_zero(void)
{
	UB msg[64];
	SYSTIM t0, dt;

	tap_int(state(MBF_ZERO).fmbfsz, 0, "zero-size: no room");
	ER_IS(put(MBF_ZERO, 1, 1), E_TMOUT);
	INT_IS(take(MBF_ZERO), -1);
	t0 = now();
	ER_IS(tsnd_mbf(MBF_ZERO, msg, 1, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);

	rec_reset();
	start(TASK2, OP_RCV, MBF_ZERO, TMO_FEVR);
	ER_IS(put(MBF_ZERO, 8, 7), E_OK);
	tap_int(nrec, 1, "zero-size: a waiting receiver takes it at once");
	INT_IS(rec_val[0], 87);

	rec_reset();
	send_as(TASK1, OP_SND, MBF_ZERO, 3, TMO_FEVR);
	send_as(TASK3, OP_TSND, MBF_ZERO, 5, 1000);
	tap_int(nrec, 0, "zero-size: senders wait for a receiver");
	tap_int(rcv_mbf(MBF_ZERO, msg), 3, "rcv_mbf takes the first sender's");
	tap_int(trcv_mbf(MBF_ZERO, msg, 100), 5, "... then the next one's");
	INT_IS(msg[0], '3');
	tap_int(rec_order(), 13, "zero-size: senders in arrival order");

	/* Longer than the whole buffer: only ever handed over. */
	rec_reset();
	send_as(TASK1, OP_SND, MBF_SMALL, 64, TMO_FEVR);
	send_as(TASK3, OP_SND, MBF_SMALL, 8, TMO_FEVR);
	INT_IS(nrec, 0);
	tap_int(take(MBF_SMALL), 641, "a message longer than the buffer "
		"goes straight to the receiver");
	/* Both released: TASK3, the higher, runs (and records) first. */
	tap_int(rec_order(), 31, "... and the next sender's fits in after");
	INT_IS(take(MBF_SMALL), 83);
	OK(!torn);
}

static volatile ER	sw_ercd[3];

void swi_handler(void)
{
	UB msg[8];

	sw_ercd[0] = psnd_mbf(MBF_FIFO, msg, 1);
	sw_ercd[1] = prcv_mbf(MBF_FIFO, msg);
	sw_ercd[2] = ref_mbf(MBF_FIFO, NULL);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_context();
	test_order();
	test_receivers();
	test_senders();
	test_zero();
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_ercd(sw_ercd[0], E_CTX, "psnd_mbf from a handler");
	tap_ercd(sw_ercd[1], E_CTX, "prcv_mbf from a handler");
	tap_ercd(sw_ercd[2], E_CTX, "ref_mbf from a handler");
	tap_done();
}
