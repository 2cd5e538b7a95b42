/*
 * Linux port: every kind of task state and object state at once, for
 * unitronctl ps and the trace events.  Once SPINNER prints "spinning",
 * the state holds still until software interrupt 1:
 *
 *   task                      state               waits for
 *   1 MAIN_TASK               WAITING             slp
 *   2 SEM_LOW, 3 SEM_HIGH     WAITING             sem 1 (queue: 3 2)
 *   4 DELAYED                 WAITING             dly
 *   5 RECEIVER                WAITING             rdtq 1
 *   6 FLAGGED                 WAITING-SUSPENDED   flg 1 (pattern 0x1 of 0x3)
 *   7 SUSPENDED               SUSPENDED
 *   8 SPINNER                 RUNNING             (computes)
 *   9 BEHIND                  READY               (behind SPINNER)
 *   10 DORMANT                DORMANT
 *
 * plus two messages in MBX, one block of MPF taken, MTX locked by
 * MAIN_TASK, one message in MBF, one block of MPL taken, ALM started
 * and one datum in PDQ.
 * Interrupt 1 releases everything, the results are checked, and the
 * system ends.
 */
#include "tests.h"
#include "status_app.h"

static volatile BOOL stop;
static ID woken[2];		/* semaphore waiters, in release order */
static UINT nwoken;
static ER ercd_low = 1, ercd_high = 1, ercd_delayed = 1, ercd_flagged = 1;
static VP_INT received;
static BOOL behind_ran;
static T_MSG msgs[2];

void cyclic_handler(VP_INT exinf)
{
	(void)iset_flg(FLG, 0x1);
}

void alarm_handler(VP_INT exinf)
{
}

void swi_handler(void)
{
	stop = TRUE;
	(void)iwup_tsk(MAIN_TASK);
}

void sem_low(VP_INT exinf)
{
	ercd_low = twai_sem(SEM, SEM_TMOUT);
	woken[nwoken++] = SEM_LOW;
}

void sem_high(VP_INT exinf)
{
	ercd_high = wai_sem(SEM);
	woken[nwoken++] = SEM_HIGH;
}

void delayed(VP_INT exinf)
{
	ercd_delayed = dly_tsk(SEM_TMOUT);
}

void receiver(VP_INT exinf)
{
	(void)rcv_dtq(DTQ, &received);
}

void flagged(VP_INT exinf)
{
	FLGPTN flgptn;

	ercd_flagged = wai_flg(FLG, 0x3, TWF_ANDW, &flgptn);
}

void suspended(VP_INT exinf)
{
}

void spinner(VP_INT exinf)
{
	syslog(LOG_EMERG, "spinning");
	while (!stop)
		;
}

void behind(VP_INT exinf)
{
	behind_ran = TRUE;
}

void act_task(VP_INT exinf)
{
}

/* Every task in its state, the objects filled. */
static void set_up(VP *p_blk, VP *p_mpl_blk)
{
	ER_IS(loc_mtx(MTX), E_OK);
	ER_IS(psnd_mbf(MBF, "abc", 4), E_OK);
	ER_IS(pget_mpl(MPL, 16, p_mpl_blk), E_OK);
	ER_IS(sta_alm(ALM, SEM_TMOUT), E_OK);
	ER_IS(psnd_pdq(PDQ, 1, 2), E_OK);
	ER_IS(act_tsk(SEM_LOW), E_OK);
	ER_IS(act_tsk(SEM_HIGH), E_OK);
	ER_IS(act_tsk(DELAYED), E_OK);
	ER_IS(act_tsk(RECEIVER), E_OK);
	ER_IS(act_tsk(FLAGGED), E_OK);
	ER_IS(act_tsk(SUSPENDED), E_OK);
	ER_IS(sus_tsk(SUSPENDED), E_OK);
	ER_IS(snd_mbx(MBX, &msgs[0]), E_OK);
	ER_IS(snd_mbx(MBX, &msgs[1]), E_OK);
	ER_IS(get_mpf(MPF, p_blk), E_OK);
	ER_IS(dly_tsk(CYC_PERIOD * 3), E_OK);	/* the waiters wait */
	ER_IS(sus_tsk(FLAGGED), E_OK);
	ER_IS(act_tsk(SPINNER), E_OK);
	ER_IS(act_tsk(BEHIND), E_OK);
}

static void release_all(VP blk, VP mpl_blk)
{
	T_MSG *p_msg;
	char buf[8];

	ER_IS(sig_sem(SEM), E_OK);
	ER_IS(sig_sem(SEM), E_OK);
	ER_IS(rel_wai(DELAYED), E_OK);
	ER_IS(snd_dtq(DTQ, 42), E_OK);
	ER_IS(set_flg(FLG, 0x2), E_OK);
	ER_IS(rsm_tsk(FLAGGED), E_OK);
	ER_IS(rsm_tsk(SUSPENDED), E_OK);
	ER_IS(rcv_mbx(MBX, &p_msg), E_OK);
	ER_IS(rcv_mbx(MBX, &p_msg), E_OK);
	ER_IS(rel_mpf(MPF, blk), E_OK);
	ER_IS(unl_mtx(MTX), E_OK);
	INT_IS(prcv_mbf(MBF, buf), 4);
	ER_IS(rel_mpl(MPL, mpl_blk), E_OK);
	ER_IS(stp_alm(ALM), E_OK);
	ER_IS(ini_pdq(PDQ), E_OK);
	ER_IS(dly_tsk(CYC_PERIOD * 3), E_OK);	/* the others end */
}

void main_task(VP_INT exinf)
{
	VP blk, mpl_blk;

	set_up(&blk, &mpl_blk);
	ER_IS(slp_tsk(), E_OK);			/* until interrupt 1 */
	release_all(blk, mpl_blk);
	INT_IS(nwoken, 2);
	INT_IS(woken[0], SEM_HIGH);
	INT_IS(woken[1], SEM_LOW);
	ER_IS(ercd_high, E_OK);
	ER_IS(ercd_low, E_OK);
	ER_IS(ercd_delayed, E_RLWAI);
	INT_IS(received, 42);
	ER_IS(ercd_flagged, E_OK);
	OK(behind_ran);
	tap_done();
}
