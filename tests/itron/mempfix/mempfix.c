/*
 * Conformance: fixed-size memory pools - get_mpf pget_mpf tget_mpf
 * rel_mpf, their error codes, the blocks handed out (distinct, aligned,
 * usable, within a pool of TSZ_MPF bytes), exhaustion, timeouts, blocks
 * released to waiters (TA_TFIFO, TA_TPRI, re-sorting on chg_pri) and
 * releases of blocks that are not allocated ones.
 */
#include "tests.h"

typedef __UINTPTR_TYPE__ UPTR;

/* What a waiter task does when activated: get_mpf or tget_mpf. */
enum { OP_GET, OP_TGET };

/* The block the i-th returned waiter got. */
#define rec_blk(i)	((VP)rec_val[i])

void act_task(VP_INT exinf)
{
	VP blk = NULL;
	ER ercd;

	if (op == OP_GET)
		ercd = get_mpf(op_id, &blk);
	else
		ercd = tget_mpf(op_id, &blk, op_tmout);
	record((INT)exinf, ercd, (VP_INT)blk);
}

/* Take every block of a pool by polling; returns how many. */
static UINT take_all(ID mpfid, VP *blks, UINT max)
{
	UINT n = 0;

	while (n < max && pget_mpf(mpfid, &blks[n]) == E_OK)
		n++;
	return n;
}

static UINT release_all(ID mpfid, VP *blks, UINT n)
{
	UINT i, ok = 0;

	for (i = 0; i < n; i++)
		if (rel_mpf(mpfid, blks[i]) == E_OK)
			ok++;
	return ok;
}

/*
 * n blocks of blksz bytes: aligned for any pointer, pairwise at least
 * blksz apart, all within TSZ_MPF(n, blksz) bytes, and each usable in
 * full without touching another.
 */
static void check_blocks(VP *blks, UINT n, SIZE blksz, SIZE poolsz)
{
	UPTR lo = ~(UPTR)0, hi = 0;
	BOOL aligned = TRUE, apart = TRUE, intact = TRUE;
	UINT i, j;
	SIZE k;

	for (i = 0; i < n; i++) {
		UPTR a = (UPTR)blks[i];

		if (a % sizeof(VP) != 0U)
			aligned = FALSE;
		if (a < lo)
			lo = a;
		if (a > hi)
			hi = a;
		for (j = 0; j < i; j++) {
			UPTR b = (UPTR)blks[j];

			if ((a > b ? a - b : b - a) < blksz)
				apart = FALSE;
		}
	}
	tap_ok(aligned, "blocks are pointer-aligned");
	tap_ok(apart, "blocks do not overlap");
	tap_ok(hi + blksz - lo <= poolsz, "blocks lie within TSZ_MPF bytes");

	for (i = 0; i < n; i++)
		for (k = 0; k < blksz; k++)
			((volatile UB *)blks[i])[k] = (UB)(0x40 + i);
	for (i = 0; i < n; i++)
		for (k = 0; k < blksz; k++)
			if (((volatile UB *)blks[i])[k] != (UB)(0x40 + i))
				intact = FALSE;
	tap_ok(intact, "every byte of every block is usable");
}

static void test_errors(void)
{
	VP blk;

	ER_IS(get_mpf(0, &blk), E_ID);
	ER_IS(pget_mpf(TNUM_MPFID + 1, &blk), E_ID);
	ER_IS(tget_mpf(-1, &blk, 10), E_ID);
	ER_IS(rel_mpf(0, &blk), E_ID);
	ER_IS(rel_mpf(TNUM_MPFID + 1, &blk), E_ID);
	ER_IS(get_mpf(MPF_FIFO, NULL), E_PAR);
	ER_IS(pget_mpf(MPF_FIFO, NULL), E_PAR);
	ER_IS(tget_mpf(MPF_FIFO, NULL, 10), E_PAR);
	ER_IS(tget_mpf(MPF_FIFO, &blk, TMO_NBLK), E_PAR);
	ER_IS(tget_mpf(MPF_FIFO, &blk, -100), E_PAR);
}

static void test_context(void)
{
	ER e[5];
	VP blk = NULL, blk2 = NULL;

	ER_IS(pget_mpf(MPF_ODD, &blk), E_OK);
	loc_cpu();
	e[0] = get_mpf(MPF_ODD, &blk2);
	e[1] = pget_mpf(MPF_ODD, &blk2);
	e[2] = tget_mpf(MPF_ODD, &blk2, 10);
	e[3] = rel_mpf(MPF_ODD, blk);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	ER_IS(e[3], E_CTX);

	/* Calls that may wait are refused even with blocks free. */
	dis_dsp();
	e[0] = get_mpf(MPF_ODD, &blk2);
	e[1] = tget_mpf(MPF_ODD, &blk2, 10);
	e[2] = pget_mpf(MPF_ODD, &blk2);
	e[3] = rel_mpf(MPF_ODD, blk);
	e[4] = tget_mpf(MPF_ODD, &blk, TMO_POL);
	ena_dsp();
	tap_ercd(e[4], E_CTX, "tget_mpf(TMO_POL) with dispatching disabled: E_CTX, as in TOPPERS");
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_OK);
	ER_IS(e[3], E_OK);
	ER_IS(rel_mpf(MPF_ODD, blk2), E_OK);
}

static void test_blocks(void)
{
	VP blks[5], odd[4], blk;
	UB local;
	SYSTIM t0, dt;

	tap_int(take_all(MPF_FIFO, blks, 5), 4, "pget_mpf hands out blkcnt blocks");
	check_blocks(blks, 4, 24, TSZ_MPF(4, 24));
	ER_IS(pget_mpf(MPF_FIFO, &blk), E_TMOUT);
	ER_IS(tget_mpf(MPF_FIFO, &blk, TMO_POL), E_TMOUT);
	t0 = now();
	ER_IS(tget_mpf(MPF_FIFO, &blk, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);

	/* Blocks of an odd size are rounded up, still aligned. */
	tap_int(take_all(MPF_ODD, odd, 4), 3, "pget_mpf: 3 blocks of 13 bytes");
	check_blocks(odd, 3, 13, TSZ_MPF(3, 13));

	/* Releasing anything but an allocated block of this pool. */
	ER_IS(rel_mpf(MPF_FIFO, NULL), E_PAR);
	ER_IS(rel_mpf(MPF_FIFO, &local), E_PAR);
	ER_IS(rel_mpf(MPF_FIFO, (UB *)blks[1] + 1), E_PAR);
	ER_IS(rel_mpf(MPF_FIFO, (UB *)blks[1] + sizeof(VP)), E_PAR);
	ER_IS(rel_mpf(MPF_FIFO, odd[0]), E_PAR);
	ER_IS(rel_mpf(MPF_ODD, blks[0]), E_PAR);
	ER_IS(rel_mpf(MPF_FIFO, blks[2]), E_OK);
	ER_IS(rel_mpf(MPF_FIFO, blks[2]), E_PAR);
	tap_int(release_all(MPF_FIFO, blks, 4), 3, "the other blocks release");
	ER_IS(rel_mpf(MPF_FIFO, blks[3]), E_PAR);
	tap_int(release_all(MPF_ODD, odd, 3), 3, "odd-size blocks release");

	/* Nothing went astray: the pool is whole again. */
	tap_int(take_all(MPF_FIFO, blks, 5), 4, "all blocks come back");
	tap_int(release_all(MPF_FIFO, blks, 4), 4, "and release again");

	/* get_mpf does not wait while a block is free. */
	ER_IS(get_mpf(MPF_TPRI, &blk), E_OK);
	ER_IS(rel_mpf(MPF_TPRI, blk), E_OK);
	ER_IS(tget_mpf(MPF_TPRI, &blk, 100), E_OK);
	ER_IS(rel_mpf(MPF_TPRI, blk), E_OK);
}

static void test_waiters(void)
{
	VP blks[4], blk, held;

	/* A released block goes straight to the waiter, which preempts. */
	ER_IS(pget_mpf(MPF_TPRI, &held), E_OK);
	rec_reset();
	start(TASK2, OP_GET, MPF_TPRI, TMO_FEVR);
	INT_IS(nrec, 0);
	/* A bad release is refused, not handed to the waiter. */
	ER_IS(rel_mpf(MPF_TPRI, (UB *)held + 1), E_PAR);
	ER_IS(rel_mpf(MPF_TPRI, &blk), E_PAR);
	tap_int(nrec, 0, "bad releases do not wake the waiter");
	ER_IS(rel_mpf(MPF_TPRI, held), E_OK);
	tap_int(nrec, 1, "released higher-priority waiter preempts at once");
	ER_IS(rec_ercd[0], E_OK);
	tap_ok(rec_blk(0) == held, "the waiter got the released block");
	ER_IS(pget_mpf(MPF_TPRI, &blk), E_TMOUT);

	/* TA_TPRI: highest priority first; each gets the block in turn. */
	rec_reset();
	start(TASK1, OP_GET, MPF_TPRI, TMO_FEVR);
	start(TASK3, OP_GET, MPF_TPRI, TMO_FEVR);
	start(TASK2, OP_TGET, MPF_TPRI, 1000);
	(void)rel_mpf(MPF_TPRI, held);
	(void)rel_mpf(MPF_TPRI, rec_blk(0));
	(void)rel_mpf(MPF_TPRI, rec_blk(1));
	tap_int(rec_order(), 321, "TA_TPRI: waiters in priority order");
	OK(rec_blk(0) == held && rec_blk(1) == held && rec_blk(2) == held);

	/* chg_pri re-sorts: 3, 2, 1 becomes 1, 2, 3. */
	rec_reset();
	start(TASK1, OP_GET, MPF_TPRI, TMO_FEVR);
	start(TASK2, OP_GET, MPF_TPRI, TMO_FEVR);
	start(TASK3, OP_GET, MPF_TPRI, TMO_FEVR);
	ER_IS(chg_pri(TASK1, HIGH_PRI - 2), E_OK);
	ER_IS(chg_pri(TASK3, HIGH_PRI + 1), E_OK);
	(void)rel_mpf(MPF_TPRI, held);
	(void)rel_mpf(MPF_TPRI, held);
	(void)rel_mpf(MPF_TPRI, held);
	tap_int(rec_order(), 123, "TA_TPRI: chg_pri re-sorts waiters");

	/* Timed out or released waiters leave the queue. */
	rec_reset();
	start(TASK2, OP_TGET, MPF_TPRI, 20);
	(void)dly_tsk(50);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_TMOUT);
	start(TASK3, OP_GET, MPF_TPRI, TMO_FEVR);
	ER_IS(rel_wai(TASK3), E_OK);
	INT_IS(nrec, 2);
	ER_IS(rec_ercd[1], E_RLWAI);
	ER_IS(rel_mpf(MPF_TPRI, held), E_OK);
	tap_int(nrec, 2, "no waiter left to take the block");
	ER_IS(pget_mpf(MPF_TPRI, &blk), E_OK);
	ER_IS(rel_mpf(MPF_TPRI, blk), E_OK);

	/* TA_TFIFO: arrival order, each gets the block released. */
	(void)take_all(MPF_FIFO, blks, 4);
	rec_reset();
	start(TASK1, OP_GET, MPF_FIFO, TMO_FEVR);
	start(TASK3, OP_GET, MPF_FIFO, TMO_FEVR);
	start(TASK2, OP_GET, MPF_FIFO, TMO_FEVR);
	(void)rel_mpf(MPF_FIFO, blks[0]);
	(void)rel_mpf(MPF_FIFO, blks[1]);
	(void)rel_mpf(MPF_FIFO, blks[2]);
	tap_int(rec_order(), 132, "TA_TFIFO: waiters in arrival order");
	OK(rec_blk(0) == blks[0] && rec_blk(1) == blks[1] &&
	   rec_blk(2) == blks[2]);
	blks[0] = rec_blk(0);
	blks[1] = rec_blk(1);
	blks[2] = rec_blk(2);
	tap_int(release_all(MPF_FIFO, blks, 4), 4, "handed-over blocks release");
}

void swi_handler(void)
{
	VP blk;

	tap_step(2);
	ER_IS(get_mpf(MPF_FIFO, &blk), E_CTX);
	ER_IS(pget_mpf(MPF_FIFO, &blk), E_CTX);
	ER_IS(tget_mpf(MPF_FIFO, &blk, 10), E_CTX);
	ER_IS(rel_mpf(MPF_FIFO, &blk), E_CTX);
}

void main_task(VP_INT exinf)
{
	VP blks[5];

	(void)exinf;
	test_errors();
	test_context();
	test_blocks();
	test_waiters();
	tap_step(1);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	tap_int(take_all(MPF_FIFO, blks, 5), 4, "pool whole at the end");
	tap_done();
}
