/*
 * Conformance: mailboxes - snd_mbx rcv_mbx prcv_mbx trcv_mbx, their
 * error codes, message order (TA_MFIFO, TA_MPRI: by priority, FIFO
 * within one), receiver order (TA_TFIFO, TA_TPRI, re-sorting on
 * chg_pri), timeouts and preemption by a released receiver.
 */
#include "tests.h"

static T_MSG_PRI	msg[10];

/* A message's number, or -1. */
static INT idx(T_MSG *p_msg)
{
	T_MSG_PRI *p = (T_MSG_PRI *)p_msg;

	if (p < &msg[0] || p >= &msg[10])
		return -1;
	return (INT)(p - msg);
}

static ER snd(ID mbxid, INT i, PRI pri)
{
	msg[i].msgpri = pri;
	return snd_mbx(mbxid, &msg[i].msgque);
}

/* Receive one message by polling: its number, or -1 if none. */
static INT take(ID mbxid)
{
	T_MSG *p_msg;

	return prcv_mbx(mbxid, &p_msg) == E_OK ? idx(p_msg) : -1;
}

/* Empty a mailbox by polling; its messages' numbers as digits. */
static INT drain(ID mbxid)
{
	T_MSG *p_msg;
	INT v = 0;

	while (prcv_mbx(mbxid, &p_msg) == E_OK)
		v = v * 10 + idx(p_msg);
	return v;
}

/* What a receiver task does when activated: rcv_mbx or trcv_mbx. */
enum { OP_RCV, OP_TRCV };

/* Which message each receiver got; the name shows in test points. */
#define rec_msg		rec_val

void act_task(VP_INT exinf)
{
	T_MSG *p_msg = NULL;
	ER ercd;

	if (op == OP_RCV)
		ercd = rcv_mbx(op_id, &p_msg);
	else
		ercd = trcv_mbx(op_id, &p_msg, op_tmout);
	record((INT)exinf, ercd, idx(p_msg));
}

static void test_errors(void)
{
	T_MSG *p_msg;

	ER_IS(snd_mbx(0, &msg[0].msgque), E_ID);
	ER_IS(snd_mbx(TNUM_MBXID + 1, &msg[0].msgque), E_ID);
	ER_IS(rcv_mbx(0, &p_msg), E_ID);
	ER_IS(prcv_mbx(TNUM_MBXID + 1, &p_msg), E_ID);
	ER_IS(trcv_mbx(-1, &p_msg, 10), E_ID);
	ER_IS(snd_mbx(MBX_FIFO, NULL), E_PAR);
	ER_IS(rcv_mbx(MBX_FIFO, NULL), E_PAR);
	ER_IS(prcv_mbx(MBX_FIFO, NULL), E_PAR);
	ER_IS(trcv_mbx(MBX_FIFO, NULL, 10), E_PAR);
	ER_IS(trcv_mbx(MBX_FIFO, &p_msg, TMO_NBLK), E_PAR);
	ER_IS(trcv_mbx(MBX_FIFO, &p_msg, -100), E_PAR);
	/* TA_MPRI: message priority must be within 1..maxmpri (5). */
	ER_IS(snd(MBX_MPRI, 0, 0), E_PAR);
	ER_IS(snd(MBX_MPRI, 0, 6), E_PAR);
	ER_IS(snd(MBX_MPRI, 0, -1), E_PAR);
	ER_IS(snd(MBX_MPRI, 0, TMAX_MPRI), E_PAR);
	tap_int(take(MBX_MPRI), -1, "refused messages were not queued");
}

static void test_context(void)
{
	ER e[4];
	T_MSG *p_msg = NULL;

	loc_cpu();
	e[0] = snd(MBX_FIFO, 1, 1);
	e[1] = rcv_mbx(MBX_FIFO, &p_msg);
	e[2] = prcv_mbx(MBX_FIFO, &p_msg);
	e[3] = trcv_mbx(MBX_FIFO, &p_msg, 10);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	ER_IS(e[3], E_CTX);

	/* Calls that may wait are refused even with a message there. */
	dis_dsp();
	e[0] = snd(MBX_FIFO, 1, 1);
	e[1] = rcv_mbx(MBX_FIFO, &p_msg);
	e[2] = trcv_mbx(MBX_FIFO, &p_msg, 10);
	e[3] = prcv_mbx(MBX_FIFO, &p_msg);
	ena_dsp();
	ER_IS(e[0], E_OK);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	ER_IS(e[3], E_OK);
	INT_IS(idx(p_msg), 1);
	dis_dsp();
	e[0] = trcv_mbx(MBX_FIFO, &p_msg, TMO_POL);
	ena_dsp();
	tap_ercd(e[0], E_CTX, "trcv_mbx(TMO_POL) with dispatching disabled: E_CTX, as in TOPPERS");
}

static void test_order(void)
{
	T_MSG *p_msg;
	SYSTIM t0, dt;

	/* TA_MFIFO: arrival order; the priority is not even looked at. */
	ER_IS(snd(MBX_FIFO, 1, 3), E_OK);
	ER_IS(snd(MBX_FIFO, 2, 1), E_OK);
	ER_IS(snd(MBX_FIFO, 3, 2), E_OK);
	ER_IS(snd(MBX_FIFO, 4, 0), E_OK);
	tap_int(drain(MBX_FIFO), 1234, "TA_MFIFO: messages in arrival order");
	ER_IS(prcv_mbx(MBX_FIFO, &p_msg), E_TMOUT);

	/* TA_MPRI: by priority, FIFO within a priority. */
	ER_IS(snd(MBX_MPRI, 1, 3), E_OK);
	ER_IS(snd(MBX_MPRI, 2, 1), E_OK);
	ER_IS(snd(MBX_MPRI, 3, 3), E_OK);
	ER_IS(snd(MBX_MPRI, 4, 2), E_OK);
	ER_IS(snd(MBX_MPRI, 5, 1), E_OK);
	ER_IS(snd(MBX_MPRI, 6, 5), E_OK);
	tap_int(drain(MBX_MPRI), 254136, "TA_MPRI: messages in priority order");

	/* Sending and receiving interleaved. */
	(void)snd(MBX_FIFO, 1, 1);
	INT_IS(take(MBX_FIFO), 1);
	(void)snd(MBX_FIFO, 2, 1);
	(void)snd(MBX_FIFO, 3, 1);
	INT_IS(take(MBX_FIFO), 2);
	(void)snd(MBX_FIFO, 4, 1);
	INT_IS(drain(MBX_FIFO), 34);
	(void)snd(MBX_MPRI, 1, 2);
	INT_IS(take(MBX_MPRI), 1);
	(void)snd(MBX_MPRI, 2, 5);
	(void)snd(MBX_MPRI, 3, 1);
	(void)snd(MBX_MPRI, 4, 5);
	INT_IS(drain(MBX_MPRI), 324);

	/* Timeouts; a message present means no wait. */
	t0 = now();
	ER_IS(trcv_mbx(MBX_FIFO, &p_msg, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);
	ER_IS(trcv_mbx(MBX_FIFO, &p_msg, TMO_POL), E_TMOUT);
	(void)snd(MBX_FIFO, 5, 1);
	ER_IS(trcv_mbx(MBX_FIFO, &p_msg, 20), E_OK);
	INT_IS(idx(p_msg), 5);
	(void)snd(MBX_FIFO, 6, 1);
	ER_IS(rcv_mbx(MBX_FIFO, &p_msg), E_OK);
	INT_IS(idx(p_msg), 6);
}

static void test_receivers(void)
{
	/* A waiting receiver gets the message at once and preempts. */
	rec_reset();
	start(TASK2, OP_RCV, MBX_FIFO, TMO_FEVR);
	INT_IS(nrec, 0);
	ER_IS(snd(MBX_FIFO, 1, 1), E_OK);
	tap_int(nrec, 1, "released higher-priority receiver preempts at once");
	ER_IS(rec_ercd[0], E_OK);
	INT_IS(rec_msg[0], 1);
	INT_IS(take(MBX_FIFO), -1);

	/* A lower-priority receiver gets it too, but runs later. */
	rec_reset();
	start(LOW_TASK, OP_RCV, MBX_FIFO, TMO_FEVR);
	yield_to_lower();
	ER_IS(snd(MBX_FIFO, 2, 1), E_OK);
	tap_int(nrec, 0, "released lower-priority receiver does not preempt");
	INT_IS(take(MBX_FIFO), -1);
	yield_to_lower();
	INT_IS(nrec, 1);
	INT_IS(rec_msg[0], 2);

	/* TA_MPRI mailbox, timed receive; a bad priority wakes nobody. */
	rec_reset();
	start(TASK2, OP_TRCV, MBX_MPRI, 1000);
	ER_IS(snd(MBX_MPRI, 3, 0), E_PAR);
	ER_IS(snd(MBX_MPRI, 3, 6), E_PAR);
	tap_int(nrec, 0, "refused message not handed to the receiver");
	ER_IS(snd(MBX_MPRI, 3, 4), E_OK);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_OK);
	INT_IS(rec_msg[0], 3);

	/* TA_TFIFO receivers: arrival order. */
	rec_reset();
	start(TASK1, OP_RCV, MBX_FIFO, TMO_FEVR);
	start(TASK3, OP_RCV, MBX_FIFO, TMO_FEVR);
	start(TASK2, OP_TRCV, MBX_FIFO, TMO_FEVR);
	INT_IS(nrec, 0);
	(void)snd(MBX_FIFO, 1, 1);
	(void)snd(MBX_FIFO, 2, 1);
	(void)snd(MBX_FIFO, 3, 1);
	tap_int(rec_order(), 132, "TA_TFIFO: receivers in arrival order");
	OK(rec_msg[0] == 1 && rec_msg[1] == 2 && rec_msg[2] == 3);

	/* TA_TPRI receivers: priority order. */
	rec_reset();
	start(TASK1, OP_RCV, MBX_TPRI, TMO_FEVR);
	start(TASK3, OP_RCV, MBX_TPRI, TMO_FEVR);
	start(TASK2, OP_RCV, MBX_TPRI, TMO_FEVR);
	(void)snd(MBX_TPRI, 1, 1);
	(void)snd(MBX_TPRI, 2, 1);
	(void)snd(MBX_TPRI, 3, 1);
	tap_int(rec_order(), 321, "TA_TPRI: receivers in priority order");
	OK(rec_msg[0] == 1 && rec_msg[1] == 2 && rec_msg[2] == 3);

	/* chg_pri re-sorts: 3, 2, 1 becomes 1, 2, 3. */
	rec_reset();
	start(TASK1, OP_RCV, MBX_TPRI, TMO_FEVR);
	start(TASK2, OP_RCV, MBX_TPRI, TMO_FEVR);
	start(TASK3, OP_RCV, MBX_TPRI, TMO_FEVR);
	ER_IS(chg_pri(TASK1, HIGH_PRI - 2), E_OK);
	ER_IS(chg_pri(TASK3, HIGH_PRI + 1), E_OK);
	(void)snd(MBX_TPRI, 1, 1);
	(void)snd(MBX_TPRI, 2, 1);
	(void)snd(MBX_TPRI, 3, 1);
	tap_int(rec_order(), 123, "TA_TPRI: chg_pri re-sorts receivers");

	/* Timed out or released receivers leave the queue. */
	rec_reset();
	start(TASK2, OP_TRCV, MBX_FIFO, 20);
	(void)dly_tsk(50);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_TMOUT);
	INT_IS(rec_msg[0], -1);
	start(TASK3, OP_RCV, MBX_FIFO, TMO_FEVR);
	ER_IS(rel_wai(TASK3), E_OK);
	INT_IS(nrec, 2);
	ER_IS(rec_ercd[1], E_RLWAI);
	ER_IS(snd(MBX_FIFO, 7, 1), E_OK);
	tap_int(take(MBX_FIFO), 7, "message queued once nobody waits");
}

void swi_handler(void)
{
	T_MSG *p_msg;

	tap_step(2);
	ER_IS(snd(MBX_FIFO, 1, 1), E_CTX);
	ER_IS(rcv_mbx(MBX_FIFO, &p_msg), E_CTX);
	ER_IS(prcv_mbx(MBX_FIFO, &p_msg), E_CTX);
	ER_IS(trcv_mbx(MBX_FIFO, &p_msg, 10), E_CTX);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_context();
	test_order();
	test_receivers();
	tap_step(1);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	tap_int(take(MBX_FIFO), -1, "handler queued nothing");
	tap_done();
}
