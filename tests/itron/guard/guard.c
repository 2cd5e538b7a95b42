/*
 * Unitron extension: vxset_grd, the guard on a task's waiting calls that
 * the bridge's workers use (kernel.h).  Only TGRD_OPEN lets a guarded
 * call go on; one that ends records its result in the guard, at once or
 * when its wait is released (by a task, a timeout or irel_wai), and a
 * datum or message received through a wait is stored by then too; an
 * aborted guard (TGRD_ABORT, set by a handler) keeps its state.
 */
#include "tests.h"

static T_VGRD grd;
static VP_INT datum;
static T_MSG *pk_got;
static T_MSG_PRI msg;
static VP blk;

/* What HIGH_TASK does once MAIN_TASK waits. */
enum { H_SEND, H_ABORT, H_SEND_MBX, H_REL_MPF };
static volatile INT high_op;

/* Seen by HIGH_TASK right after it released MAIN_TASK's wait. */
static UINT seen_state;
static ER seen_ercd;
static VP_INT seen_datum;
static T_MSG *seen_msg;

void swi_handler(void)
{
	if (grd.state == TGRD_OPEN)
		grd.state = TGRD_ABORT;
	(void)irel_wai(MAIN_TASK);
}

static void look(void)
{
	seen_state = grd.state;
	seen_ercd = grd.ercd;
	seen_datum = datum;
	seen_msg = pk_got;
}

void high_task(VP_INT exinf)
{
	(void)exinf;
	(void)dly_tsk(10);	/* MAIN_TASK waits meanwhile */
	switch (high_op) {
	case H_SEND:
		ER_IS(snd_dtq(DTQ_SYNC, (VP_INT)77), E_OK);
		break;
	case H_ABORT:
		ER_IS(ras_int(INTNO_SWI1), E_OK);
		ER_IS(psnd_dtq(DTQ_SYNC, (VP_INT)5), E_TMOUT);
		break;
	case H_SEND_MBX:
		ER_IS(snd_mbx(MBX, (T_MSG *)&msg), E_OK);
		break;
	default:
		ER_IS(rel_mpf(MPF, blk), E_OK);
		break;
	}
	look();
}

static void arm(void)
{
	grd.state = TGRD_OPEN;
	grd.ercd = E_SYS;
	datum = 0;
	pk_got = NULL;
	ER_IS(vxset_grd(&grd), E_OK);
}

static void refused(UINT state)
{
	VP p;

	grd.state = state;
	ER_IS(psnd_dtq(DTQ_ROOM, (VP_INT)1), E_RLWAI);
	ER_IS(tsnd_dtq(DTQ_ROOM, (VP_INT)1, 10), E_RLWAI);
	ER_IS(trcv_dtq(DTQ_ROOM, &datum, TMO_FEVR), E_RLWAI);
	ER_IS(prcv_mbx(MBX, &pk_got), E_RLWAI);
	ER_IS(tget_mpf(MPF, &p, 10), E_RLWAI);
	INT_IS(grd.state, state);
}

void main_task(VP_INT exinf)
{
	VP p;

	(void)exinf;
	ER_IS(vxset_grd(NULL), E_OK);

	/* Not open: nothing happens. */
	ER_IS(vxset_grd(&grd), E_OK);
	refused(TGRD_ABORT);
	refused(TGRD_ENDED);
	ER_IS(vxset_grd(NULL), E_OK);
	ER_IS(prcv_dtq(DTQ_ROOM, &datum), E_TMOUT);	/* nothing was sent */
	ER_IS(pget_mpf(MPF, &blk), E_OK);		/* nor a block taken */

	/* Calls that end at once. */
	arm();
	ER_IS(psnd_dtq(DTQ_ROOM, (VP_INT)9), E_OK);
	INT_IS(grd.state, TGRD_ENDED);
	INT_IS(grd.ercd, E_OK);
	arm();
	ER_IS(prcv_dtq(DTQ_ROOM, &datum), E_OK);
	OK(grd.state == TGRD_ENDED && grd.ercd == E_OK && datum == 9);
	arm();
	ER_IS(prcv_dtq(DTQ_ROOM, &datum), E_TMOUT);
	OK(grd.state == TGRD_ENDED && grd.ercd == E_TMOUT);
	arm();
	ER_IS(tget_mpf(MPF, &p, TMO_POL), E_TMOUT);
	OK(grd.state == TGRD_ENDED && grd.ercd == E_TMOUT);

	/* A wait released by a task: ended, and the datum there, before
	 * this task runs again. */
	high_op = H_SEND;
	arm();
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	ER_IS(trcv_dtq(DTQ_SYNC, &datum, TMO_FEVR), E_OK);
	OK(seen_state == TGRD_ENDED && seen_ercd == E_OK);
	INT_IS(seen_datum, 77);
	INT_IS(datum, 77);

	/* A wait a handler aborts: no effect, the guard stays aborted. */
	high_op = H_ABORT;
	arm();
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	ER_IS(trcv_dtq(DTQ_SYNC, &datum, TMO_FEVR), E_RLWAI);
	INT_IS(grd.state, TGRD_ABORT);
	INT_IS(datum, 0);

	/* A wait that times out. */
	arm();
	ER_IS(trcv_dtq(DTQ_SYNC, &datum, 20), E_TMOUT);
	OK(grd.state == TGRD_ENDED && grd.ercd == E_TMOUT);
	arm();
	ER_IS(tsnd_dtq(DTQ_SYNC, (VP_INT)3, 20), E_TMOUT);
	OK(grd.state == TGRD_ENDED && grd.ercd == E_TMOUT);

	/* A mailbox's message, a pool's block. */
	high_op = H_SEND_MBX;
	arm();
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	ER_IS(trcv_mbx(MBX, &pk_got, TMO_FEVR), E_OK);
	OK(seen_state == TGRD_ENDED && seen_ercd == E_OK);
	OK(seen_msg == (T_MSG *)&msg && pk_got == (T_MSG *)&msg);
	high_op = H_REL_MPF;
	arm();
	ER_IS(act_tsk(HIGH_TASK), E_OK);
	ER_IS(tget_mpf(MPF, &p, TMO_FEVR), E_OK);
	OK(seen_state == TGRD_ENDED && seen_ercd == E_OK && p == blk);

	/* Without a guard, nothing changes. */
	ER_IS(vxset_grd(NULL), E_OK);
	grd.state = TGRD_ABORT;
	ER_IS(psnd_dtq(DTQ_ROOM, (VP_INT)4), E_OK);
	ER_IS(prcv_dtq(DTQ_ROOM, &datum), E_OK);
	INT_IS(grd.state, TGRD_ABORT);
	ER_IS(rel_mpf(MPF, p), E_OK);
	tap_done();
}
