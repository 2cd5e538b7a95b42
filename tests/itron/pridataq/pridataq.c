/*
 * Conformance: priority data queues (TOPPERS/ASP) - snd_pdq psnd_pdq
 * ipsnd_pdq tsnd_pdq rcv_pdq prcv_pdq trcv_pdq ini_pdq ref_pdq, their
 * error codes, data in priority order (FIFO within one), blocked senders
 * (TA_TPRI), FIFO receivers, zero capacity, timeouts, from a handler.
 */
#include "tests.h"

enum { OP_SND, OP_RCV };

/* A sender sends 100 + exinf at priority op_pri; a receiver records
 * 100 * datum + priority. */
static volatile PRI	op_pri;

void act_task(VP_INT exinf)
{
	VP_INT data = -1;
	PRI pri = 0;
	ER ercd;

	if (op == OP_SND) {
		ercd = tsnd_pdq(op_id, 100 + exinf, op_pri, op_tmout);
	} else {
		ercd = trcv_pdq(op_id, &data, &pri, op_tmout);
		data = data * 100 + pri;
	}
	record((INT)exinf, ercd, data);
}

static void send_as(ID tskid, ID pdqid, PRI pri, TMO tmout)
{
	op_pri = pri;
	start(tskid, OP_SND, pdqid, tmout);
}

/* 100 * datum + priority of one datum by polling, -1 if none. */
static VP_INT take(ID pdqid)
{
	VP_INT data;
	PRI pri;

	return prcv_pdq(pdqid, &data, &pri) == E_OK ? data * 100 + pri : -1;
}

static volatile ER	sw_ercd[4];

void swi_handler(void)
{
	VP_INT data;
	PRI pri;

	sw_ercd[0] = ipsnd_pdq(PDQ_FIFO, 7, 1);
	sw_ercd[1] = ipsnd_pdq(PDQ_FIFO, 7, 5);
	sw_ercd[2] = psnd_pdq(PDQ_FIFO, 7, 1);
	sw_ercd[3] = prcv_pdq(PDQ_FIFO, &data, &pri);
}

static void test_errors(void)
{
	VP_INT d;
	PRI p;
	T_RPDQ r;
	ER e[4];

	ER_IS(snd_pdq(0, 1, 1), E_ID);
	ER_IS(psnd_pdq(TNUM_PDQID + 1, 1, 1), E_ID);
	ER_IS(rcv_pdq(0, &d, &p), E_ID);
	ER_IS(ref_pdq(0, &r), E_ID);
	ER_IS(ini_pdq(TNUM_PDQID + 1), E_ID);
	tap_ercd(psnd_pdq(PDQ_FIFO, 1, 0), E_PAR, "datapri 0: E_PAR");
	tap_ercd(psnd_pdq(PDQ_FIFO, 1, 5), E_PAR, "datapri above maxdpri");
	ER_IS(prcv_pdq(PDQ_FIFO, NULL, &p), E_PAR);
	ER_IS(prcv_pdq(PDQ_FIFO, &d, NULL), E_PAR);
	ER_IS(tsnd_pdq(PDQ_FIFO, 1, 1, -100), E_PAR);
	ER_IS(ref_pdq(PDQ_FIFO, NULL), E_PAR);
	ER_IS(ipsnd_pdq(PDQ_FIFO, 1, 1), E_CTX);
	loc_cpu();
	e[0] = psnd_pdq(PDQ_FIFO, 1, 1);
	e[1] = prcv_pdq(PDQ_FIFO, &d, &p);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	dis_dsp();
	e[0] = tsnd_pdq(PDQ_FIFO, 1, 1, TMO_POL);
	e[1] = psnd_pdq(PDQ_FIFO, 3, 1);
	e[2] = trcv_pdq(PDQ_FIFO, &d, &p, TMO_POL);
	e[3] = prcv_pdq(PDQ_FIFO, &d, &p);
	ena_dsp();
	tap_ercd(e[0], E_CTX, "tsnd_pdq(TMO_POL) with dispatching disabled");
	ER_IS(e[1], E_OK);
	ER_IS(e[2], E_CTX);
	tap_ercd(e[3], E_OK, "prcv_pdq polls with dispatching disabled");
}

static void test_order(void)
{
	T_RPDQ r;

	ER_IS(psnd_pdq(PDQ_FIFO, 1, 3), E_OK);
	ER_IS(psnd_pdq(PDQ_FIFO, 2, 1), E_OK);
	ER_IS(psnd_pdq(PDQ_FIFO, 3, 3), E_OK);
	tap_ercd(psnd_pdq(PDQ_FIFO, 4, 1), E_TMOUT, "full: E_TMOUT");
	ER_IS(ref_pdq(PDQ_FIFO, &r), E_OK);
	tap_int(r.spdqcnt, 3, "ref_pdq: spdqcnt");
	tap_int(take(PDQ_FIFO), 201, "the highest priority first");
	tap_int(take(PDQ_FIFO), 103, "... then FIFO within a priority");
	INT_IS(take(PDQ_FIFO), 303);
	INT_IS(take(PDQ_FIFO), -1);
}

static void test_waiters(void)
{
	VP_INT d;
	PRI p;
	SYSTIM t0, dt;

	/* A waiting receiver gets the datum and preempts. */
	rec_reset();
	start(TASK2, OP_RCV, PDQ_FIFO, TMO_FEVR);
	ER_IS(psnd_pdq(PDQ_FIFO, 9, 4), E_OK);
	tap_int(nrec, 1, "a waiting receiver gets it at once");
	INT_IS(rec_val[0], 904);

	/* Senders on a full TA_TPRI queue: by task priority. */
	ER_IS(psnd_pdq(PDQ_TPRI, 5, 16), E_OK);
	rec_reset();
	send_as(TASK1, PDQ_TPRI, 1, TMO_FEVR);
	send_as(TASK3, PDQ_TPRI, 9, TMO_FEVR);
	INT_IS(nrec, 0);
	tap_int(take(PDQ_TPRI), 516, "the queued datum first");
	tap_int(rec_order(), 3, "then the highest task sends, whatever its "
		"datum's priority");
	INT_IS(take(PDQ_TPRI), 10309);
	INT_IS(take(PDQ_TPRI), 10101);
	INT_IS(rec_order(), 31);

	t0 = now();
	ER_IS(trcv_pdq(PDQ_FIFO, &d, &p, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);

	/* Zero capacity: sender and receiver meet. */
	ER_IS(psnd_pdq(PDQ_ZERO, 1, 1), E_TMOUT);
	rec_reset();
	send_as(TASK2, PDQ_ZERO, 2, TMO_FEVR);
	tap_int(take(PDQ_ZERO), 10202, "zero capacity: from the sender");
	INT_IS(nrec, 1);

	/* ini_pdq: waiters E_DLT, emptied. */
	ER_IS(psnd_pdq(PDQ_TPRI, 5, 1), E_OK);
	rec_reset();
	send_as(TASK2, PDQ_TPRI, 1, TMO_FEVR);
	send_as(TASK3, PDQ_TPRI, 1, TMO_FEVR);
	ER_IS(ini_pdq(PDQ_TPRI), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_pdq: senders get E_DLT");
	tap_int(take(PDQ_TPRI), -1, "... and the queue is empty");
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_order();
	test_waiters();
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	ER_IS(sw_ercd[0], E_OK);
	tap_ercd(sw_ercd[1], E_PAR, "ipsnd_pdq: datapri above maxdpri");
	ER_IS(sw_ercd[2], E_CTX);
	ER_IS(sw_ercd[3], E_CTX);
	tap_int(take(PDQ_FIFO), 701, "ipsnd_pdq's datum");
	tap_done();
}
