/*
 * Conformance: ref_tsk ref_tex ref_sem ref_flg ref_dtq ref_mbx ref_mpf
 * (ref_mtx, ref_mbf, ref_cyc and ref_alm are in their objects' tests),
 * ini_sem ini_flg ini_dtq ini_mbx ini_mpf ini_mbf (waiters released with
 * E_DLT, the initial state back), def_tex, ref_sys ref_cfg ref_ver
 * get_utm, and their error codes.
 */
#include "tests.h"

/* What a waiter task does when activated. */
enum { OP_SEM, OP_FLG, OP_SDTQ, OP_RDTQ, OP_MBX, OP_MPF, OP_SMBF, OP_RMBF,
       OP_SLP };

void act_task(VP_INT exinf)
{
	FLGPTN ptn;
	VP_INT data;
	T_MSG *p_msg;
	VP blk;
	UB msg[8] = "1234567";
	ER ercd;

	switch (op) {
	case OP_SEM:
		ercd = twai_sem(op_id, op_tmout);
		break;
	case OP_FLG:
		ercd = twai_flg(op_id, 0x100, TWF_ANDW, &ptn, op_tmout);
		break;
	case OP_SDTQ:
		ercd = tsnd_dtq(op_id, 1, op_tmout);
		break;
	case OP_RDTQ:
		ercd = trcv_dtq(op_id, &data, op_tmout);
		break;
	case OP_MBX:
		ercd = trcv_mbx(op_id, &p_msg, op_tmout);
		break;
	case OP_MPF:
		ercd = tget_mpf(op_id, &blk, op_tmout);
		break;
	case OP_SMBF:
		ercd = tsnd_mbf(op_id, msg, 8, op_tmout);
		break;
	case OP_RMBF:
		ercd = trcv_mbf(op_id, msg, op_tmout);
		break;
	default:
		ercd = tslp_tsk(op_tmout);
		break;
	}
	record((INT)exinf, ercd > 0 ? E_OK : ercd, 0);
}

static volatile TEXPTN	tex_got;

void low_task(VP_INT exinf)
{
	(void)exinf;
	(void)slp_tsk();
}

void tex_routine(TEXPTN texptn, VP_INT exinf)
{
	(void)exinf;
	tex_got |= texptn;
}

void cyclic_handler(VP_INT exinf)
{
	(void)exinf;
}

void alarm_handler(VP_INT exinf)
{
	(void)exinf;
}

static volatile ER	sw_ercd[4];
static volatile STAT	sw_sysstat;
static volatile BOOL	sw_utm_ok;

void swi_handler(void)
{
	T_RSEM rsem;
	T_RSYS rsys;
	T_RCFG rcfg;
	SYSUTM utm;

	sw_ercd[0] = ref_sem(SEM, &rsem);
	sw_ercd[1] = ini_sem(SEM);
	sw_ercd[2] = ref_cfg(&rcfg);
	sw_ercd[3] = ref_sys(&rsys);
	sw_sysstat = rsys.sysstat;
	sw_utm_ok = get_utm(&utm) == E_OK;
}

static void test_ref_tsk(void)
{
	T_RTSK r;
	ER ercd;

	ER_IS(ref_tsk(-1, &r), E_ID);
	ER_IS(ref_tsk(TNUM_TSKID + 1, &r), E_ID);
	ER_IS(ref_tsk(TSK_SELF, NULL), E_PAR);
	loc_cpu();
	ercd = ref_tsk(TSK_SELF, &r);
	unl_cpu();
	tap_ercd(ercd, E_CTX, "ref_tsk with the CPU locked");

	ER_IS(ref_tsk(TSK_SELF, &r), E_OK);
	tap_int(r.tskstat, TTS_RUN, "ref_tsk(TSK_SELF): running");
	INT_IS(r.tskpri, MID_PRI);
	INT_IS(r.tskbpri, MID_PRI);
	INT_IS(r.tskwait, 0);
	ER_IS(ref_tsk(TASK_LOW, &r), E_OK);
	tap_int(r.tskstat, TTS_DMT, "a dormant task");
	INT_IS(r.actcnt, 0);

	ER_IS(act_tsk(TASK_LOW), E_OK);
	ER_IS(act_tsk(TASK_LOW), E_OK);
	ER_IS(ref_tsk(TASK_LOW, &r), E_OK);
	tap_int(r.tskstat, TTS_RDY, "activated below us: ready");
	tap_int(r.actcnt, 1, "actcnt: the queued activation");
	INT_IS(r.tskpri, LOW_PRI);
	yield_to_lower();
	ER_IS(sus_tsk(TASK_LOW), E_OK);
	ER_IS(ref_tsk(TASK_LOW, &r), E_OK);
	tap_int(r.tskstat, TTS_WAS, "slp_tsk and suspended: TTS_WAS");
	INT_IS(r.tskwait, TTW_SLP);
	INT_IS(r.wobjid, 0);
	tap_int(r.lefttmo, TMO_FEVR, "lefttmo: no timeout");
	INT_IS(r.suscnt, 1);
	ER_IS(rsm_tsk(TASK_LOW), E_OK);
	ER_IS(wup_tsk(TASK_LOW), E_OK);
	ER_IS(wup_tsk(TASK_LOW), E_OK);
	ER_IS(ref_tsk(TASK_LOW, &r), E_OK);
	tap_int(r.tskstat, TTS_RDY, "woken: ready");
	tap_int(r.wupcnt, 1, "wupcnt: the second wakeup, queued");
	INT_IS(r.suscnt, 0);
	tap_int(can_act(TASK_LOW), 1, "can_act: the queued activation");
	ER_IS(ter_tsk(TASK_LOW), E_OK);

	/* Waiting on an object, with a timeout. */
	start(TASK2, OP_SEM, SEM, 500);
	start(TASK1, OP_SEM, SEM, 500);
	ER_IS(ref_tsk(TASK2, &r), E_OK);
	tap_int(r.tskstat, TTS_DMT, "a semaphore with a count: got it, ended");
	ER_IS(ref_tsk(TASK1, &r), E_OK);
	INT_IS(r.tskstat, TTS_DMT);

	(void)ini_sem(SEM);
	ER_IS(pol_sem(SEM), E_OK);
	ER_IS(pol_sem(SEM), E_OK);
	rec_reset();
	start(TASK2, OP_SEM, SEM, 500);
	ER_IS(ref_tsk(TASK2, &r), E_OK);
	tap_int(r.tskstat, TTS_WAI, "waiting on a semaphore");
	INT_IS(r.tskwait, TTW_SEM);
	INT_IS(r.wobjid, SEM);
	tap_ok(r.lefttmo <= 500 && r.lefttmo >= 400, "lefttmo: ms left");
	ER_IS(rel_wai(TASK2), E_OK);
}

static void test_ref_tex(void)
{
	T_RTEX r;

	ER_IS(ref_tex(0 - 1, &r), E_ID);
	ER_IS(ref_tex(TASK_LOW, NULL), E_PAR);
	tap_ercd(ref_tex(TASK_LOW, &r), E_OBJ, "ref_tex: dormant task");
	tap_ercd(ref_tex(TASK1, &r), E_OBJ, "ref_tex: no exception routine");
	ER_IS(act_tsk(TASK_LOW), E_OK);
	ER_IS(ref_tex(TASK_LOW, &r), E_OK);
	tap_int(r.texstat, TTEX_DIS, "disabled at start");
	INT_IS(r.pndptn, 0);
	ER_IS(ras_tex(TASK_LOW, 0x5), E_OK);
	ER_IS(ref_tex(TASK_LOW, &r), E_OK);
	tap_int(r.pndptn, 0x5, "pndptn: the pending pattern");
	ER_IS(ter_tsk(TASK_LOW), E_OK);
}

/* Start two waiters on one object and reinitialize it. */
static void two_waiters(INT how1, INT how2, ID id)
{
	rec_reset();
	start(TASK2, how1, id, 1000);
	start(TASK1, how2, id, 1000);
	INT_IS(nrec, 0);
}

static void test_objects(void)
{
	T_RSEM rsem;
	T_RFLG rflg;
	T_RDTQ rdtq;
	T_RMBX rmbx;
	T_RMPF rmpf;
	T_RMBF rmbf;
	T_MSG_PRI msg;
	VP blk;
	UB buf[8] = "abcdefg";

	ER_IS(ref_sem(0, &rsem), E_ID);
	ER_IS(ref_sem(SEM, NULL), E_PAR);
	ER_IS(ini_sem(0), E_ID);
	ER_IS(ini_sem(TNUM_SEMID + 1), E_ID);
	ER_IS(ini_sem(SEM), E_OK);
	ER_IS(ref_sem(SEM, &rsem), E_OK);
	tap_int(rsem.semcnt, 2, "ini_sem: the initial count");
	INT_IS(rsem.wtskid, TSK_NONE);
	(void)pol_sem(SEM);
	(void)pol_sem(SEM);
	two_waiters(OP_SEM, OP_SEM, SEM);
	ER_IS(ref_sem(SEM, &rsem), E_OK);
	tap_int(rsem.wtskid, TASK2, "ref_sem: the first waiter");
	INT_IS(rsem.semcnt, 0);
	ER_IS(ini_sem(SEM), E_OK);
	tap_int(rec_order(), 21, "ini_sem releases every waiter");
	tap_ok(rec_all(E_DLT), "... with E_DLT");
	ER_IS(ref_sem(SEM, &rsem), E_OK);
	INT_IS(rsem.semcnt, 2);

	ER_IS(ref_flg(TNUM_FLGID + 1, &rflg), E_ID);
	ER_IS(ref_flg(FLG, NULL), E_PAR);
	ER_IS(ini_flg(0), E_ID);
	ER_IS(set_flg(FLG, 0xf0), E_OK);
	two_waiters(OP_FLG, OP_FLG, FLG);
	ER_IS(ref_flg(FLG, &rflg), E_OK);
	tap_int(rflg.flgptn, 0xff, "ref_flg: the pattern");
	INT_IS(rflg.wtskid, TASK2);
	ER_IS(ini_flg(FLG), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_flg: waiters get E_DLT");
	ER_IS(ref_flg(FLG, &rflg), E_OK);
	tap_int(rflg.flgptn, 0x0f, "ini_flg: the initial pattern");

	ER_IS(ref_dtq(0, &rdtq), E_ID);
	ER_IS(ref_dtq(DTQ, NULL), E_PAR);
	ER_IS(ini_dtq(0), E_ID);
	(void)psnd_dtq(DTQ, 1);
	(void)psnd_dtq(DTQ, 2);
	two_waiters(OP_SDTQ, OP_SDTQ, DTQ);
	ER_IS(ref_dtq(DTQ, &rdtq), E_OK);
	tap_int(rdtq.sdtqcnt, 2, "ref_dtq: sdtqcnt");
	INT_IS(rdtq.stskid, TASK2);
	INT_IS(rdtq.rtskid, TSK_NONE);
	ER_IS(ini_dtq(DTQ), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_dtq: senders get E_DLT");
	ER_IS(ref_dtq(DTQ, &rdtq), E_OK);
	tap_int(rdtq.sdtqcnt, 0, "ini_dtq: emptied");
	two_waiters(OP_RDTQ, OP_RDTQ, DTQ);
	ER_IS(ref_dtq(DTQ, &rdtq), E_OK);
	INT_IS(rdtq.rtskid, TASK2);
	ER_IS(ini_dtq(DTQ), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_dtq: receivers get E_DLT");

	ER_IS(ref_mbx(0, &rmbx), E_ID);
	ER_IS(ref_mbx(MBX, NULL), E_PAR);
	ER_IS(ini_mbx(0), E_ID);
	ER_IS(snd_mbx(MBX, (T_MSG *)&msg), E_OK);
	ER_IS(ref_mbx(MBX, &rmbx), E_OK);
	tap_ok(rmbx.pk_msg == (T_MSG *)&msg, "ref_mbx: the next message");
	INT_IS(rmbx.wtskid, TSK_NONE);
	ER_IS(ini_mbx(MBX), E_OK);
	ER_IS(ref_mbx(MBX, &rmbx), E_OK);
	tap_ok(rmbx.pk_msg == NULL, "ini_mbx: no message");
	two_waiters(OP_MBX, OP_MBX, MBX);
	ER_IS(ref_mbx(MBX, &rmbx), E_OK);
	INT_IS(rmbx.wtskid, TASK2);
	ER_IS(ini_mbx(MBX), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_mbx: waiters get E_DLT");

	ER_IS(ref_mpf(0, &rmpf), E_ID);
	ER_IS(ref_mpf(MPF, NULL), E_PAR);
	ER_IS(ini_mpf(0), E_ID);
	ER_IS(ref_mpf(MPF, &rmpf), E_OK);
	tap_int(rmpf.fblkcnt, 2, "ref_mpf: fblkcnt");
	(void)pget_mpf(MPF, &blk);
	(void)pget_mpf(MPF, &blk);
	two_waiters(OP_MPF, OP_MPF, MPF);
	ER_IS(ref_mpf(MPF, &rmpf), E_OK);
	INT_IS(rmpf.fblkcnt, 0);
	INT_IS(rmpf.wtskid, TASK2);
	ER_IS(ini_mpf(MPF), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_mpf: waiters get E_DLT");
	ER_IS(ref_mpf(MPF, &rmpf), E_OK);
	tap_int(rmpf.fblkcnt, 2, "ini_mpf: every block free");
	ER_IS(pget_mpf(MPF, &blk), E_OK);
	ER_IS(pget_mpf(MPF, &blk), E_OK);
	ER_IS(pget_mpf(MPF, &blk), E_TMOUT);
	(void)ini_mpf(MPF);

	ER_IS(ini_mbf(0), E_ID);
	ER_IS(psnd_mbf(MBF, buf, 8), E_OK);
	two_waiters(OP_SMBF, OP_SMBF, MBF);
	ER_IS(ini_mbf(MBF), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_mbf: senders get E_DLT");
	ER_IS(ref_mbf(MBF, &rmbf), E_OK);
	tap_int(rmbf.smsgcnt, 0, "ini_mbf: emptied");
	INT_IS(rmbf.fmbfsz, TSZ_MBF(1, 8));
	INT_IS(rmbf.stskid, TSK_NONE);
	two_waiters(OP_RMBF, OP_RMBF, MBF);
	ER_IS(ini_mbf(MBF), E_OK);
	tap_ok(nrec == 2 && rec_all(E_DLT), "ini_mbf: receivers get E_DLT");
	ER_IS(psnd_mbf(MBF, buf, 8), E_OK);
	tap_int(prcv_mbf(MBF, buf), 8, "usable after ini_mbf");

	/* ini_* from a handler or with the CPU locked: E_CTX. */
	loc_cpu();
	sw_ercd[0] = ini_flg(FLG);
	sw_ercd[1] = ref_flg(FLG, &rflg);
	unl_cpu();
	tap_ercd(sw_ercd[0], E_CTX, "ini_flg with the CPU locked");
	tap_ercd(sw_ercd[1], E_CTX, "ref_flg with the CPU locked");
}

/* def_tex on the main task, which has no DEF_TEX. */
static void test_def_tex(void)
{
	T_DTEX dtex = { TA_HLNG, (FP)tex_routine };
	T_DTEX bad = { TA_ACT, (FP)tex_routine };
	T_DTEX none = { TA_HLNG, NULL };
	T_RTEX r;
	ER ercd;

	ER_IS(def_tex(-1, &dtex), E_ID);
	ER_IS(def_tex(TNUM_TSKID + 1, &dtex), E_ID);
	tap_ercd(def_tex(TSK_SELF, &bad), E_RSATR, "def_tex: a bad attribute");
	ER_IS(def_tex(TSK_SELF, &none), E_PAR);
	loc_cpu();
	ercd = def_tex(TSK_SELF, &dtex);
	unl_cpu();
	ER_IS(ercd, E_CTX);
	tap_ercd(ref_tex(TSK_SELF, &r), E_OBJ, "no routine yet: E_OBJ");
	ER_IS(def_tex(TSK_SELF, &dtex), E_OK);
	ER_IS(ref_tex(TSK_SELF, &r), E_OK);
	tap_int(r.texstat, TTEX_DIS, "def_tex: defined, disabled");
	tex_got = 0;
	ER_IS(ras_tex(TSK_SELF, 0x2), E_OK);
	ER_IS(ena_tex(), E_OK);
	tap_int(tex_got, 0x2, "the defined routine runs");
	ER_IS(dis_tex(), E_OK);
	ER_IS(ras_tex(TSK_SELF, 0x4), E_OK);
	ER_IS(def_tex(TSK_SELF, NULL), E_OK);
	tap_ercd(ref_tex(TSK_SELF, &r), E_OBJ, "def_tex(NULL): undefined");
	tap_ercd(ras_tex(TSK_SELF, 0x1), E_OBJ, "... ras_tex: E_OBJ");
	tap_ercd(ena_tex(), E_OBJ, "... ena_tex: E_OBJ");
	ER_IS(def_tex(TSK_SELF, &dtex), E_OK);
	ER_IS(ena_tex(), E_OK);
	tap_int(tex_got, 0x2, "the pattern pending then went with it");
	ER_IS(def_tex(TSK_SELF, NULL), E_OK);
}

static void test_system(void)
{
	T_RSYS rsys;
	T_RCFG rcfg;
	T_RVER rver;
	SYSUTM t1, t2;

	ER_IS(ref_sys(NULL), E_PAR);
	ER_IS(ref_sys(&rsys), E_OK);
	tap_int(rsys.sysstat, TSS_TSK, "ref_sys: task context");
	dis_dsp();
	(void)ref_sys(&rsys);
	ena_dsp();
	tap_int(rsys.sysstat, TSS_DDSP, "ref_sys: dispatching disabled");
	loc_cpu();
	(void)ref_sys(&rsys);
	unl_cpu();
	tap_int(rsys.sysstat, TSS_LOC, "ref_sys: CPU locked");

	ER_IS(ref_cfg(NULL), E_PAR);
	ER_IS(ref_cfg(&rcfg), E_OK);
	tap_int(rcfg.tnum_tsk, TNUM_TSKID, "ref_cfg: tasks");
	INT_IS(rcfg.tnum_sem, 1);
	INT_IS(rcfg.tnum_mtx, 1);
	INT_IS(rcfg.tnum_mbf, 1);
	INT_IS(rcfg.tnum_alm, 1);
	INT_IS(rcfg.tnum_cyc, 1);
	INT_IS(rcfg.tmax_tpri, TMAX_TPRI);

	ER_IS(ref_ver(NULL), E_PAR);
	ER_IS(ref_ver(&rver), E_OK);
	tap_int(rver.spver, TKERNEL_SPVER, "ref_ver: the spec version");
	tap_int(rver.spver >> 12, 5, "... a µITRON kernel");
	INT_IS(rver.prid, TKERNEL_PRID);

	ER_IS(get_utm(NULL), E_PAR);
	ER_IS(get_utm(&t1), E_OK);
	(void)dly_tsk(10);
	ER_IS(get_utm(&t2), E_OK);
	tap_ok(t2 - t1 >= 10000, "get_utm: µs, monotonic");

	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_ercd(sw_ercd[0], E_CTX, "ref_sem from a handler");
	tap_ercd(sw_ercd[1], E_CTX, "ini_sem from a handler");
	tap_ercd(sw_ercd[2], E_CTX, "ref_cfg from a handler");
	ER_IS(sw_ercd[3], E_OK);
	tap_int(sw_sysstat, TSS_INDP, "ref_sys from a handler: non-task");
	tap_ok(sw_utm_ok, "get_utm from a handler");
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_ref_tsk();
	test_ref_tex();
	test_objects();
	test_def_tex();
	test_system();
	tap_done();
}
