/*
 * Conformance: eventflags - set_flg iset_flg clr_flg wai_flg pol_flg
 * twai_flg, their error codes, TWF_ANDW/TWF_ORW, TA_WSGL/TA_WMUL,
 * TA_CLR, the pattern returned, timeouts, wait-queue order and
 * preemption by a released waiter, from a task and from a handler.
 */
#include "tests.h"

/* What each waiter task (by exinf) does when activated. */
enum { OP_WAI, OP_TWAI };
static volatile FLGPTN	op_waiptn[4];
static volatile MODE	op_wfmode[4];

/* The pattern each waiter got; the name shows in test points. */
#define rec_ptn		rec_val

void act_task(VP_INT exinf)
{
	FLGPTN ptn = 0xdeadU;
	ER ercd;

	if (op == OP_WAI)
		ercd = wai_flg(op_id, op_waiptn[exinf], op_wfmode[exinf],
			       &ptn);
	else
		ercd = twai_flg(op_id, op_waiptn[exinf], op_wfmode[exinf],
				&ptn, op_tmout);
	record((INT)exinf, ercd, (VP_INT)ptn);
}

/* Activate waiter tskid (exinf n) waiting for waiptn/wfmode on flgid. */
static void wait_on(ID tskid, INT n, INT how, ID flgid, FLGPTN waiptn,
		    MODE wfmode, TMO tmout)
{
	op_waiptn[n] = waiptn;
	op_wfmode[n] = wfmode;
	start(tskid, how, flgid, tmout);
}

static void test_errors(void)
{
	FLGPTN p;

	ER_IS(set_flg(0, 1), E_ID);
	ER_IS(set_flg(TNUM_FLGID + 1, 1), E_ID);
	ER_IS(clr_flg(0, 0), E_ID);
	ER_IS(wai_flg(-1, 1, TWF_ORW, &p), E_ID);
	ER_IS(pol_flg(TNUM_FLGID + 1, 1, TWF_ORW, &p), E_ID);
	ER_IS(twai_flg(0, 1, TWF_ORW, &p, 10), E_ID);
	/* waiptn 0 */
	ER_IS(wai_flg(FLG_MUL, 0, TWF_ORW, &p), E_PAR);
	ER_IS(pol_flg(FLG_MUL, 0, TWF_ANDW, &p), E_PAR);
	ER_IS(twai_flg(FLG_MUL, 0, TWF_ORW, &p, 10), E_PAR);
	/* bad wfmode */
	ER_IS(wai_flg(FLG_MUL, 1, 2, &p), E_PAR);
	ER_IS(pol_flg(FLG_MUL, 1, 0x10, &p), E_PAR);
	/* no place for the pattern */
	ER_IS(pol_flg(FLG_MUL, 1, TWF_ORW, NULL), E_PAR);
	ER_IS(wai_flg(FLG_MUL, 1, TWF_ORW, NULL), E_PAR);
	/* bad timeouts */
	ER_IS(twai_flg(FLG_MUL, 1, TWF_ORW, &p, TMO_NBLK), E_PAR);
	ER_IS(twai_flg(FLG_MUL, 1, TWF_ORW, &p, -100), E_PAR);
	ER_IS(iset_flg(FLG_MUL, 1), E_CTX);
}

static void test_context(void)
{
	ER e_wai, e_twai, e_tpol, e_pol, e_set, e_clr;
	FLGPTN p;

	loc_cpu();
	e_wai = wai_flg(FLG_INIT, 1, TWF_ORW, &p);
	e_twai = twai_flg(FLG_INIT, 1, TWF_ORW, &p, 10);
	e_pol = pol_flg(FLG_INIT, 1, TWF_ORW, &p);
	e_set = set_flg(FLG_MUL, 1);
	e_clr = clr_flg(FLG_INIT, 0);
	unl_cpu();
	ER_IS(e_wai, E_CTX);
	ER_IS(e_twai, E_CTX);
	ER_IS(e_pol, E_CTX);
	ER_IS(e_set, E_CTX);
	ER_IS(e_clr, E_CTX);

	/* Even when satisfied, a call that may wait is refused. */
	dis_dsp();
	e_wai = wai_flg(FLG_INIT, 1, TWF_ORW, &p);
	e_twai = twai_flg(FLG_INIT, 1, TWF_ORW, &p, 10);
	e_tpol = twai_flg(FLG_INIT, 1, TWF_ORW, &p, TMO_POL);
	e_pol = pol_flg(FLG_INIT, 1, TWF_ORW, &p);
	e_set = set_flg(FLG_INIT, 0);
	e_clr = clr_flg(FLG_INIT, ~(FLGPTN)0);
	ena_dsp();
	ER_IS(e_wai, E_CTX);
	ER_IS(e_twai, E_CTX);
	tap_ercd(e_tpol, E_CTX, "twai_flg(TMO_POL) with dispatching disabled: E_CTX, as in TOPPERS");
	ER_IS(e_pol, E_OK);
	ER_IS(e_set, E_OK);
	ER_IS(e_clr, E_OK);
}

static void test_pattern(void)
{
	FLGPTN p;
	SYSTIM t0, dt;

	/* iflgptn 0x0f; the whole pattern is returned. */
	ER_IS(pol_flg(FLG_INIT, 0x03, TWF_ANDW, &p), E_OK);
	INT_IS(p, 0x0f);
	ER_IS(pol_flg(FLG_INIT, 0x30, TWF_ORW, &p), E_TMOUT);
	ER_IS(pol_flg(FLG_INIT, 0x1f, TWF_ANDW, &p), E_TMOUT);
	ER_IS(twai_flg(FLG_INIT, 0x11, TWF_ORW, &p, TMO_POL), E_OK);
	INT_IS(p, 0x0f);

	/* clr_flg ANDs, set_flg ORs. */
	ER_IS(clr_flg(FLG_INIT, 0x0c), E_OK);
	ER_IS(pol_flg(FLG_INIT, 0x0c, TWF_ANDW, &p), E_OK);
	INT_IS(p, 0x0c);
	ER_IS(pol_flg(FLG_INIT, 0x03, TWF_ORW, &p), E_TMOUT);
	ER_IS(set_flg(FLG_INIT, 0x30), E_OK);
	ER_IS(pol_flg(FLG_INIT, 0x31, TWF_ORW, &p), E_OK);
	INT_IS(p, 0x3c);
	ER_IS(pol_flg(FLG_INIT, 0x31, TWF_ANDW, &p), E_TMOUT);
	ER_IS(clr_flg(FLG_INIT, 0), E_OK);
	ER_IS(pol_flg(FLG_INIT, ~(FLGPTN)0, TWF_ORW, &p), E_TMOUT);
	ER_IS(set_flg(FLG_INIT, 0x80000000U), E_OK);
	ER_IS(pol_flg(FLG_INIT, 0x80000000U, TWF_ANDW, &p), E_OK);
	OK(p == 0x80000000U);

	/* TA_CLR: a satisfied poll clears every bit, a failed one none. */
	ER_IS(pol_flg(FLG_CLR_SGL, 0x02, TWF_ORW, &p), E_TMOUT);
	ER_IS(pol_flg(FLG_CLR_SGL, 0x04, TWF_ORW, &p), E_OK);
	INT_IS(p, 0x05);
	ER_IS(pol_flg(FLG_CLR_SGL, 0x01, TWF_ORW, &p), E_TMOUT);

	t0 = now();
	ER_IS(twai_flg(FLG_CLR_SGL, 0x01, TWF_ORW, &p, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20);
	OK(dt < 1000);
}

static void test_waiting(void)
{
	FLGPTN p;

	/* TWF_ANDW: released only when every bit is set. */
	rec_reset();
	wait_on(TASK2, 2, OP_WAI, FLG_MUL, 0x03, TWF_ANDW, TMO_FEVR);
	ER_IS(set_flg(FLG_MUL, 0x01), E_OK);
	tap_int(nrec, 0, "TWF_ANDW: one bit of two does not release");
	ER_IS(set_flg(FLG_MUL, 0x02), E_OK);
	tap_int(nrec, 1, "TWF_ANDW: released waiter preempts at once");
	ER_IS(rec_ercd[0], E_OK);
	INT_IS(rec_ptn[0], 0x03);
	/* No TA_CLR: the bits stay. */
	ER_IS(pol_flg(FLG_MUL, 0x03, TWF_ANDW, &p), E_OK);
	ER_IS(clr_flg(FLG_MUL, 0), E_OK);

	/* TWF_ORW: any one bit; the pattern at release is returned. */
	rec_reset();
	wait_on(TASK2, 2, OP_TWAI, FLG_MUL, 0x06, TWF_ORW, 1000);
	ER_IS(set_flg(FLG_MUL, 0x10), E_OK);
	tap_int(nrec, 0, "TWF_ORW: another bit does not release");
	ER_IS(set_flg(FLG_MUL, 0x04), E_OK);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_OK);
	INT_IS(rec_ptn[0], 0x14);
	ER_IS(clr_flg(FLG_MUL, 0), E_OK);

	/* Timing out leaves the queue: a TA_WSGL flag takes a new waiter. */
	rec_reset();
	wait_on(TASK2, 2, OP_TWAI, FLG_SGL, 0x01, TWF_ORW, 20);
	(void)dly_tsk(50);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_TMOUT);
	wait_on(TASK1, 1, OP_WAI, FLG_SGL, 0x01, TWF_ORW, TMO_FEVR);
	INT_IS(nrec, 1);
	ER_IS(set_flg(FLG_SGL, 0x01), E_OK);
	INT_IS(nrec, 2);
	ER_IS(rec_ercd[1], E_OK);
	ER_IS(clr_flg(FLG_SGL, 0), E_OK);

	/* rel_wai */
	rec_reset();
	wait_on(TASK2, 2, OP_WAI, FLG_MUL, 0x01, TWF_ORW, TMO_FEVR);
	ER_IS(rel_wai(TASK2), E_OK);
	INT_IS(nrec, 1);
	ER_IS(rec_ercd[0], E_RLWAI);
}

static void test_wsgl_wmul(void)
{
	FLGPTN p;

	/* TA_WSGL: while TASK1 waits, anyone else gets E_ILUSE. */
	rec_reset();
	wait_on(TASK1, 1, OP_WAI, FLG_SGL, 0x01, TWF_ORW, TMO_FEVR);
	ER_IS(pol_flg(FLG_SGL, 0x01, TWF_ORW, &p), E_ILUSE);
	wait_on(TASK2, 2, OP_WAI, FLG_SGL, 0x02, TWF_ORW, TMO_FEVR);
	wait_on(TASK3, 3, OP_TWAI, FLG_SGL, 0x01, TWF_ORW, 10);
	ER_IS(set_flg(FLG_SGL, 0x01), E_OK);
	tap_int(rec_order(), 231, "TA_WSGL: second waiters refused");
	ER_IS(rec_ercd[0], E_ILUSE);
	ER_IS(rec_ercd[1], E_ILUSE);
	ER_IS(rec_ercd[2], E_OK);
	ER_IS(pol_flg(FLG_SGL, 0x01, TWF_ORW, &p), E_OK);
	ER_IS(clr_flg(FLG_SGL, 0), E_OK);

	/* TA_WMUL: one set_flg releases every satisfied waiter. */
	rec_reset();
	wait_on(TASK1, 1, OP_WAI, FLG_MUL, 0x01, TWF_ORW, TMO_FEVR);
	wait_on(TASK2, 2, OP_WAI, FLG_MUL, 0x03, TWF_ANDW, TMO_FEVR);
	wait_on(TASK3, 3, OP_WAI, FLG_MUL, 0x04, TWF_ORW, TMO_FEVR);
	INT_IS(nrec, 0);
	ER_IS(set_flg(FLG_MUL, 0x03), E_OK);
	tap_int(rec_order(), 21, "TA_WMUL: both satisfied waiters released");
	INT_IS(rec_ptn[0], 0x03);
	INT_IS(rec_ptn[1], 0x03);
	ER_IS(set_flg(FLG_MUL, 0x04), E_OK);
	INT_IS(rec_order(), 213);
	INT_IS(rec_ptn[2], 0x07);
	ER_IS(clr_flg(FLG_MUL, 0), E_OK);
}

static void test_clr_order(void)
{
	FLGPTN p;

	/* TA_CLR: one waiter per set_flg, in queue order. */
	rec_reset();
	wait_on(TASK1, 1, OP_WAI, FLG_CLR_FIFO, 0x01, TWF_ORW, TMO_FEVR);
	wait_on(TASK3, 3, OP_WAI, FLG_CLR_FIFO, 0x01, TWF_ORW, TMO_FEVR);
	wait_on(TASK2, 2, OP_WAI, FLG_CLR_FIFO, 0x01, TWF_ORW, TMO_FEVR);
	ER_IS(set_flg(FLG_CLR_FIFO, 0x01), E_OK);
	tap_int(rec_order(), 1, "TA_CLR: one set releases one waiter");
	ER_IS(pol_flg(FLG_CLR_FIFO, 0x01, TWF_ORW, &p), E_TMOUT);
	ER_IS(set_flg(FLG_CLR_FIFO, 0x03), E_OK);
	INT_IS(rec_ptn[1], 0x03);
	ER_IS(set_flg(FLG_CLR_FIFO, 0x01), E_OK);
	tap_int(rec_order(), 132, "TA_TFIFO: released in arrival order");

	rec_reset();
	wait_on(TASK1, 1, OP_WAI, FLG_CLR_TPRI, 0x01, TWF_ORW, TMO_FEVR);
	wait_on(TASK3, 3, OP_WAI, FLG_CLR_TPRI, 0x01, TWF_ORW, TMO_FEVR);
	wait_on(TASK2, 2, OP_WAI, FLG_CLR_TPRI, 0x01, TWF_ORW, TMO_FEVR);
	(void)set_flg(FLG_CLR_TPRI, 0x01);
	(void)set_flg(FLG_CLR_TPRI, 0x01);
	(void)set_flg(FLG_CLR_TPRI, 0x01);
	tap_int(rec_order(), 321, "TA_TPRI: released in priority order");

	/* An unsatisfied first waiter does not hold back the next one. */
	rec_reset();
	wait_on(TASK3, 3, OP_WAI, FLG_CLR_TPRI, 0x03, TWF_ANDW, TMO_FEVR);
	wait_on(TASK1, 1, OP_WAI, FLG_CLR_TPRI, 0x01, TWF_ORW, TMO_FEVR);
	(void)set_flg(FLG_CLR_TPRI, 0x01);
	INT_IS(rec_order(), 1);
	(void)set_flg(FLG_CLR_TPRI, 0x03);
	INT_IS(rec_order(), 13);

	/* chg_pri re-sorts a TA_TPRI queue: 3, 2, 1 becomes 1, 2, 3. */
	rec_reset();
	wait_on(TASK1, 1, OP_WAI, FLG_CLR_TPRI, 0x01, TWF_ORW, TMO_FEVR);
	wait_on(TASK2, 2, OP_WAI, FLG_CLR_TPRI, 0x01, TWF_ORW, TMO_FEVR);
	wait_on(TASK3, 3, OP_WAI, FLG_CLR_TPRI, 0x01, TWF_ORW, TMO_FEVR);
	ER_IS(chg_pri(TASK1, HIGH_PRI - 2), E_OK);
	ER_IS(chg_pri(TASK3, HIGH_PRI + 1), E_OK);
	(void)set_flg(FLG_CLR_TPRI, 0x01);
	(void)set_flg(FLG_CLR_TPRI, 0x01);
	(void)set_flg(FLG_CLR_TPRI, 0x01);
	tap_int(rec_order(), 123, "TA_TPRI: chg_pri re-sorts waiters");
}

static volatile INT	hphase;

void swi_handler(void)
{
	FLGPTN p;
	ER ercd;

	switch (hphase) {
	case 1:
		tap_step(2);
		ER_IS(iset_flg(0, 1), E_ID);
		ER_IS(iset_flg(TNUM_FLGID + 1, 1), E_ID);
		ER_IS(set_flg(FLG_MUL, 1), E_CTX);
		ER_IS(clr_flg(FLG_MUL, 0), E_CTX);
		ER_IS(wai_flg(FLG_INIT, 1, TWF_ORW, &p), E_CTX);
		ER_IS(pol_flg(FLG_INIT, 1, TWF_ORW, &p), E_CTX);
		ER_IS(twai_flg(FLG_INIT, 1, TWF_ORW, &p, 10), E_CTX);
		iloc_cpu();
		ercd = iset_flg(FLG_MUL, 1);
		iunl_cpu();
		ER_IS(ercd, E_CTX);
		ER_IS(iset_flg(FLG_MUL, 0x01), E_OK);
		tap_int(nrec, 0, "released waiter does not run inside handler");
		break;
	case 2:
		ER_IS(iset_flg(FLG_CLR_FIFO, 0x06), E_OK);
		break;
	}
}

static void test_handler(void)
{
	FLGPTN p;

	rec_reset();
	wait_on(TASK2, 2, OP_WAI, FLG_MUL, 0x01, TWF_ORW, TMO_FEVR);
	tap_step(1);
	hphase = 1;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	tap_int(nrec, 1, "released waiter ran at handler return");
	ER_IS(rec_ercd[0], E_OK);
	INT_IS(rec_ptn[0], 0x01);

	hphase = 2;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	ER_IS(pol_flg(FLG_CLR_FIFO, 0x02, TWF_ORW, &p), E_OK);
	INT_IS(p, 0x06);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_context();
	test_pattern();
	test_waiting();
	test_wsgl_wmul();
	test_clr_order();
	test_handler();
	tap_done();
}
