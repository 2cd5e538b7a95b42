/*
 * Conformance: variable-size memory pools - get_mpl pget_mpl tget_mpl
 * rel_mpl ref_mpl ini_mpl, their error codes (a pointer that is not a
 * block, released twice, from the wrong pool), blocks that do not
 * overlap and merge again when released, waiting tasks served in queue
 * order (TA_TFIFO, TA_TPRI, a small request not overtaking a large one,
 * the next one served when the first gives up), timeouts, rel_wai,
 * ter_tsk and ini_mpl.
 */
#include "tests.h"

/* The size each waiter asks for. */
static volatile UINT	op_size;

void act_task(VP_INT exinf)
{
	VP blk = NULL;
	ER ercd;

	ercd = op_tmout == TMO_FEVR ? get_mpl(op_id, op_size, &blk) :
	       tget_mpl(op_id, op_size, &blk, op_tmout);
	record((INT)exinf, ercd, (VP_INT)blk);
	/* The block is the waiter's to keep: the main task frees it. */
}

static void ask(ID tskid, ID mplid, UINT size, TMO tmout)
{
	op_size = size;
	start(tskid, 0, mplid, tmout);
}

static UINT largest(ID mplid)
{
	T_RMPL r = { -1, 0, 0 };

	(void)ref_mpl(mplid, &r);
	return r.fblksz;
}

static ID state_wtskid(ID mplid)
{
	T_RMPL r = { -1, 0, 0 };

	(void)ref_mpl(mplid, &r);
	return r.wtskid;
}

static volatile ER	sw_ercd[3];

void swi_handler(void)
{
	VP blk;

	sw_ercd[0] = pget_mpl(MPL_FIFO, 8, &blk);
	sw_ercd[1] = rel_mpl(MPL_FIFO, &blk);
	sw_ercd[2] = ref_mpl(MPL_FIFO, NULL);
}

static void test_errors(void)
{
	VP blk = NULL;
	T_RMPL r;
	ER e[5];

	ER_IS(get_mpl(0, 8, &blk), E_ID);
	ER_IS(pget_mpl(TNUM_MPLID + 1, 8, &blk), E_ID);
	ER_IS(tget_mpl(-1, 8, &blk, 10), E_ID);
	ER_IS(rel_mpl(0, blk), E_ID);
	ER_IS(ref_mpl(0, &r), E_ID);
	ER_IS(ini_mpl(0), E_ID);
	tap_ercd(pget_mpl(MPL_FIFO, 0, &blk), E_PAR, "blksz 0: E_PAR");
	tap_ercd(pget_mpl(MPL_FIFO, TSZ_MPL(4, 64) + 1, &blk), E_PAR,
		 "blksz beyond the pool: E_PAR");
	tap_ercd(tget_mpl(MPL_FIFO, TSZ_MPL(4, 64), &blk, 10), E_PAR,
		 "blksz the whole pool cannot meet (headers): E_PAR, no wait");
	ER_IS(pget_mpl(MPL_FIFO, 8, NULL), E_PAR);
	ER_IS(tget_mpl(MPL_FIFO, 8, &blk, -100), E_PAR);
	ER_IS(ref_mpl(MPL_FIFO, NULL), E_PAR);
	tap_ercd(rel_mpl(MPL_FIFO, NULL), E_PAR, "rel_mpl(NULL): E_PAR");
	tap_ercd(rel_mpl(MPL_FIFO, &r), E_PAR, "rel_mpl of a stack address");

	ER_IS(pget_mpl(MPL_FIFO, 64, &blk), E_OK);
	tap_ercd(rel_mpl(MPL_FIFO, (char *)blk + 16), E_PAR,
		 "rel_mpl inside a block: E_PAR");
	tap_ercd(rel_mpl(MPL_TPRI, blk), E_PAR, "rel_mpl to another pool");
	ER_IS(rel_mpl(MPL_FIFO, blk), E_OK);
	tap_ercd(rel_mpl(MPL_FIFO, blk), E_PAR, "a block released twice");

	loc_cpu();
	e[0] = pget_mpl(MPL_FIFO, 8, &blk);
	e[1] = rel_mpl(MPL_FIFO, blk);
	e[2] = ref_mpl(MPL_FIFO, &r);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	dis_dsp();
	e[0] = get_mpl(MPL_FIFO, 8, &blk);
	e[1] = tget_mpl(MPL_FIFO, 8, &blk, TMO_POL);
	e[2] = pget_mpl(MPL_FIFO, 8, &blk);
	e[3] = rel_mpl(MPL_FIFO, blk);
	ena_dsp();
	ER_IS(e[0], E_CTX);
	tap_ercd(e[1], E_CTX, "tget_mpl(TMO_POL) with dispatching disabled");
	tap_ercd(e[2], E_OK, "pget_mpl polls with dispatching disabled");
	ER_IS(e[3], E_OK);

	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_ercd(sw_ercd[0], E_CTX, "pget_mpl from a handler");
	tap_ercd(sw_ercd[1], E_CTX, "rel_mpl from a handler");
	tap_ercd(sw_ercd[2], E_CTX, "ref_mpl from a handler");
}

/* The blocks lie apart, each is aligned, and holds what was written. */
static void test_blocks(void)
{
	UINT whole = largest(MPL_FIFO), i, j, bad = 0;
	UB *blk[4];
	T_RMPL r;

	tap_ok(whole >= 4 * 64, "ref_mpl: the free pool is one block");
	for (i = 0; i < 4; i++) {
		ER_IS(pget_mpl(MPL_FIFO, 64, (VP *)&blk[i]), E_OK);
		for (j = 0; j < 64; j++)
			blk[i][j] = (UB)(i * 64 + j);
	}
	tap_ercd(pget_mpl(MPL_FIFO, 64, (VP *)&blk[3]) == E_OK ? E_SYS :
		 E_TMOUT, E_TMOUT, "TSZ_MPL(4, 64): four blocks, no fifth");
	for (i = 0; i < 4; i++) {
		if (((__UINTPTR_TYPE__)blk[i] & (2 * sizeof(VP) - 1)) != 0)
			bad++;
		for (j = 0; j < 64; j++)
			if (blk[i][j] != (UB)(i * 64 + j))
				bad++;
	}
	tap_int(bad, 0, "aligned, apart, intact");
	ER_IS(ref_mpl(MPL_FIFO, &r), E_OK);
	tap_ok(r.fmplsz < 64, "ref_mpl: fmplsz what is left");
	ER_IS(rel_mpl(MPL_FIFO, blk[1]), E_OK);
	ER_IS(rel_mpl(MPL_FIFO, blk[3]), E_OK);
	ER_IS(ref_mpl(MPL_FIFO, &r), E_OK);
	tap_ok(r.fblksz >= 64 && r.fblksz < 2 * 64,
	       "two blocks apart: the largest is one");
	ER_IS(rel_mpl(MPL_FIFO, blk[2]), E_OK);
	tap_ok(largest(MPL_FIFO) >= 3 * 64, "a freed neighbour merges");
	ER_IS(rel_mpl(MPL_FIFO, blk[0]), E_OK);
	tap_int(largest(MPL_FIFO), whole, "all freed: one block again");

	/* Many sizes, in and out of order: nothing overlaps or leaks. */
	for (i = 0; i < 300; i++) {
		UINT a = 1 + (i * 37) % 120, b = 1 + (i * 11) % 90;
		UB *p, *q;

		if (pget_mpl(MPL_FIFO, a, (VP *)&p) != E_OK ||
		    pget_mpl(MPL_FIFO, b, (VP *)&q) != E_OK) {
			bad++;
			break;
		}
		for (j = 0; j < a; j++)
			p[j] = 0xa5;
		for (j = 0; j < b; j++)
			q[j] = 0x5a;
		for (j = 0; j < a; j++)
			bad += p[j] != 0xa5;
		if (rel_mpl(MPL_FIFO, i % 2 ? p : q) != E_OK ||
		    rel_mpl(MPL_FIFO, i % 2 ? q : p) != E_OK)
			bad++;
	}
	tap_int(bad, 0, "300 rounds of two sizes: apart, and all freed");
	tap_int(largest(MPL_FIFO), whole, "... one block again");

	/* Blocks from before ini_mpl are no blocks any more. */
	ER_IS(pget_mpl(MPL_FIFO, 64, (VP *)&blk[0]), E_OK);
	ER_IS(pget_mpl(MPL_FIFO, 64, (VP *)&blk[1]), E_OK);
	ER_IS(ini_mpl(MPL_FIFO), E_OK);
	ER_IS(pget_mpl(MPL_FIFO, 200, (VP *)&blk[2]), E_OK);
	tap_ercd(rel_mpl(MPL_FIFO, blk[1]), E_PAR,
		 "a block from before ini_mpl: E_PAR");
	ER_IS(rel_mpl(MPL_FIFO, blk[2]), E_OK);
	tap_int(largest(MPL_FIFO), whole, "... and the pool is whole");
}

static VP take(UINT size)
{
	VP blk = NULL;

	return pget_mpl(MPL_FIFO, size, &blk) == E_OK ? blk : NULL;
}

static void test_waiters(void)
{
	VP full[4];
	UINT i;
	SYSTIM t0, dt;

	for (i = 0; i < 4; i++)
		full[i] = take(64);
	t0 = now();
	tap_ercd(tget_mpl(MPL_FIFO, 16, &full[0], 20), E_TMOUT,
		 "tget_mpl: times out");
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);

	/* TA_TFIFO: in arrival order. */
	rec_reset();
	ask(TASK1, MPL_FIFO, 64, TMO_FEVR);
	ask(TASK3, MPL_FIFO, 32, 1000);
	tap_int(state_wtskid(MPL_FIFO), TASK1, "ref_mpl: wtskid");
	ER_IS(rel_mpl(MPL_FIFO, full[0]), E_OK);
	tap_int(rec_order(), 1, "rel_mpl serves the first waiter");
	ER_IS(rel_mpl(MPL_FIFO, full[1]), E_OK);
	tap_int(rec_order(), 13, "... then the next");
	ER_IS(rec_ercd[1], E_OK);
	full[0] = (VP)rec_val[0];
	full[1] = (VP)rec_val[1];

	/* A small request waits behind a large one. */
	rec_reset();
	ask(TASK1, MPL_FIFO, 200, 30);
	ask(TASK3, MPL_FIFO, 16, TMO_FEVR);
	ER_IS(rel_mpl(MPL_FIFO, full[1]), E_OK);
	tap_int(nrec, 0, "a small request does not overtake a large one");
	tap_int(largest(MPL_FIFO) >= 16, 1, "... though it would fit");
	(void)dly_tsk(60);
	tap_int(nrec, 2, "the large one timed out: the small one served");
	tap_int(rec_order(), 31, "... (both released at that tick)");
	ER_IS(rec_ercd[0], E_OK);
	ER_IS(rec_ercd[1], E_TMOUT);
	full[1] = (VP)rec_val[0];

	/* rel_wai and ter_tsk of the first let the next one in. */
	rec_reset();
	ask(TASK1, MPL_FIFO, 300, TMO_FEVR);
	ask(TASK3, MPL_FIFO, 8, TMO_FEVR);
	ER_IS(rel_wai(TASK1), E_OK);
	/* Both released: TASK3, the higher, runs (and records) first. */
	tap_int(rec_order(), 31, "first released: the next served");
	ER_IS(rec_ercd[0], E_OK);
	ER_IS(rec_ercd[1], E_RLWAI);
	ER_IS(rel_mpl(MPL_FIFO, (VP)rec_val[0]), E_OK);
	rec_reset();
	ask(TASK2, MPL_FIFO, 300, TMO_FEVR);
	ask(TASK3, MPL_FIFO, 8, TMO_FEVR);
	ER_IS(ter_tsk(TASK2), E_OK);
	tap_int(rec_order(), 3, "first ended: the next served");
	ER_IS(rel_mpl(MPL_FIFO, (VP)rec_val[0]), E_OK);

	/* ini_mpl: E_DLT to the waiters, all free. */
	rec_reset();
	ask(TASK1, MPL_FIFO, 300, TMO_FEVR);
	ask(TASK3, MPL_FIFO, 300, TMO_FEVR);
	ER_IS(ini_mpl(MPL_FIFO), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_mpl: waiters get E_DLT");
	tap_ok(largest(MPL_FIFO) >= 4 * 64, "... and all is free");

	/* TA_TPRI: by priority. */
	full[0] = NULL;
	ER_IS(pget_mpl(MPL_TPRI, 64, &full[0]), E_OK);
	rec_reset();
	ask(TASK1, MPL_TPRI, 8, TMO_FEVR);
	ask(TASK3, MPL_TPRI, 8, TMO_FEVR);
	ask(TASK2, MPL_TPRI, 8, TMO_FEVR);
	ER_IS(rel_mpl(MPL_TPRI, full[0]), E_OK);
	tap_int(rec_order(), 321, "TA_TPRI: by priority");
	ER_IS(ini_mpl(MPL_TPRI), E_OK);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_blocks();
	test_waiters();
	tap_done();
}
