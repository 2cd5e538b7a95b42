/*
 * Conformance: creating and deleting objects at run time - cre_xxx,
 * acre_xxx and del_xxx of every kind (tasks, semaphores, eventflags,
 * data queues, priority data queues, mailboxes, mutexes, message
 * buffers, rendezvous ports, fixed- and variable-size pools, cyclic and
 * alarm handlers), on the IDs AID_XXX reserves and with the memory
 * DEF_MPK gives:
 *
 *   - error codes: E_ID out of range, E_OBJ for a static ID or one in
 *     use, E_NOEXS for a free reserved ID (deletion and every other
 *     service call, from tasks and handlers), E_PAR and E_RSATR for bad
 *     packets, E_NOID when every reserved ID is taken, E_NOMEM when the
 *     kernel pool cannot give the memory, E_CTX from handlers and with
 *     the CPU locked;
 *   - created objects work as static ones do, and a re-created ID is a
 *     fresh object;
 *   - deletion releases waiting tasks with E_DLT (and their timeouts),
 *     only a dormant task can be deleted, a deleted mutex's locker gets
 *     its priority back, an established rendezvous survives its port;
 *   - memory goes back to the kernel pool;
 *   - deletion racing with tasks inside service calls on the object;
 *   - sta_tsk, exd_tsk (a created task deletes itself) and ref_tst.
 */
#include "tests.h"
#include "dynamic.h"

/* Reserved IDs: after each kind's static ones (dynamic.cfg). */
#define ATSK(n)		(LOW_TASK + (n))
#define ASEM(n)		(SEM_S + (n))
#define AFLG(n)		(FLG_S + (n))
#define ADTQ(n)		(DTQ_S + (n))
#define APDQ(n)		(PDQ_S + (n))
#define AMBX(n)		(MBX_S + (n))
#define AMTX(n)		(MTX_S + (n))
#define AMBF(n)		(MBF_S + (n))
#define APOR(n)		(POR_S + (n))
#define AMPF(n)		(MPF_S + (n))
#define AMPL(n)		(MPL_S + (n))
#define ACYC(n)		(CYC_S + (n))
#define AALM(n)		(ALM_S + (n))

#define LAST_TSK	ATSK(NA_TSK)
#define LAST_SEM	ASEM(NA_SEM)
#define LAST_FLG	AFLG(NA_FLG)
#define LAST_DTQ	ADTQ(NA_DTQ)
#define LAST_PDQ	APDQ(NA_PDQ)
#define LAST_MBX	AMBX(NA_MBX)
#define LAST_MTX	AMTX(NA_MTX)
#define LAST_MBF	AMBF(NA_MBF)
#define LAST_POR	APOR(NA_POR)
#define LAST_MPF	AMPF(NA_MPF)
#define LAST_MPL	AMPL(NA_MPL)
#define LAST_CYC	ACYC(NA_CYC)
#define LAST_ALM	AALM(NA_ALM)

/* An attribute bit no kind defines. */
#define BAD_ATR		0x10U

/* The tests run inside kernels too: no C library. */
static BOOL bytes_are(const char *p, UINT n, char c)
{
	UINT i;

	for (i = 0; i < n; i++)
		if (p[i] != c)
			return FALSE;
	return TRUE;
}

static void fill(char *p, UINT n, char c)
{
	UINT i;

	for (i = 0; i < n; i++)
		p[i] = c;
}

static BOOL in_area(const volatile void *p, const void *area, SIZE size)
{
	__UINTPTR_TYPE__ a = (__UINTPTR_TYPE__)p;
	__UINTPTR_TYPE__ start = (__UINTPTR_TYPE__)area;

	return a >= start && a - start < size;
}

/* ------------------------------------------------------ created tasks */

/* What a created task does after it reports in. */
enum { DYN_RETURN, DYN_SLEEP, DYN_DEL_SELF, DYN_EXD };

static volatile INT	dyn_mode;
static volatile UINT	dyn_runs;
static volatile VP_INT	dyn_exinf, dyn_inf;
static volatile ID	dyn_tid;
static volatile PRI	dyn_pri;
static const volatile char *volatile dyn_sp;
static volatile ER	dyn_del_own, dyn_del_self, dyn_exd;

static void dyn_task(VP_INT exinf)
{
	volatile char here = 0;
	VP_INT inf = -1;
	ID tid = -1;
	PRI pri = -1;

	(void)get_tid(&tid);
	(void)get_inf(&inf);
	(void)get_pri(TSK_SELF, &pri);
	dyn_pri = pri;
	dyn_exinf = exinf;
	dyn_inf = inf;
	dyn_tid = tid;
	dyn_sp = &here;
	dyn_runs++;
	switch (dyn_mode) {
	case DYN_SLEEP:
		(void)slp_tsk();
		break;
	case DYN_DEL_SELF:
		dyn_del_own = del_tsk(tid);
		dyn_del_self = del_tsk(TSK_SELF);
		break;
	case DYN_EXD:
		dyn_exd = exd_tsk();	/* returns only on an error */
		break;
	}
}

/* Stacks given in the packet (never from the pool). */
static UB	ustk[NA_TSK][STK] __attribute__((aligned(16)));

/* ------------------------------------------------- valid packets */

static const T_CTSK	ctsk_ok = { TA_HLNG, 0x5a, (FP)dyn_task, HIGH_PRI,
				    STK, NULL };
/* Never activated: all may share one stack. */
static const T_CTSK	ctsk_dmt = { TA_HLNG, 0, (FP)dyn_task, HIGH_PRI,
				     STK, ustk[0] };
static const T_CSEM	csem_ok = { TA_TFIFO, 0, 1 };
static const T_CFLG	cflg_ok = { TA_TFIFO | TA_WMUL, 0 };
static const T_CDTQ	cdtq_ok = { TA_TFIFO, 2, NULL };
static const T_CPDQ	cpdq_ok = { TA_TFIFO, 2, 4, NULL };
static const T_CMBX	cmbx_ok = { TA_TFIFO | TA_MFIFO, 1, NULL };
static const T_CMTX	cmtx_ok = { TA_TPRI, 1 };
static const T_CMBF	cmbf_ok = { TA_TFIFO, 8, TSZ_MBF(2, 8), NULL };
static const T_CPOR	cpor_ok = { TA_TFIFO, 8, 8 };
static const T_CMPF	cmpf_ok = { TA_TFIFO, 2, 16, NULL };
static const T_CMPL	cmpl_ok = { TA_TFIFO, TSZ_MPL(2, 16), NULL };
static const T_CCYC	ccyc_ok = { TA_HLNG, 0, (FP)cyclic_handler, 50, 0 };
static const T_CALM	calm_ok = { TA_HLNG, 0, (FP)alarm_handler };
/* What OP_DEL_CRE_SEM re-creates: a count of 2. */
static const T_CSEM	csem_fresh = { TA_TPRI, 2, 3 };

/* ------------------------------------------------------------ waiters */

/* What a waiter task (TASK1..3, LOW_TASK) does when activated. */
enum {
	OP_WAI_SEM, OP_WAI_FLG, OP_SND_DTQ, OP_RCV_DTQ, OP_SND_PDQ,
	OP_RCV_PDQ, OP_RCV_MBX, OP_LOC_MTX, OP_HOLD_MTX, OP_SND_MBF,
	OP_RCV_MBF, OP_CAL_POR, OP_ACP_POR, OP_ACP_RPL, OP_GET_MPF,
	OP_GET_MPL, OP_DEL_SEM, OP_DEL_CRE_SEM, OP_CHURN, OP_STRESS
};

static volatile UINT	op_len;		/* OP_GET_MPL's block size */
static char		reply[] = "ok";
static char		got_msg[16];	/* a caller's reply, an acceptor's call */
static volatile RDVNO	got_rdvno;

static void churn(void);
static void stress(void);

static void save_msg(const char *buf)
{
	UINT i;

	for (i = 0; i < sizeof(got_msg); i++)
		got_msg[i] = buf[i];
}

void act_task(VP_INT exinf)
{
	INT who = (INT)exinf;
	INT how = op;
	ID id = op_id;
	TMO tmout = op_tmout;
	ER_UINT e = E_SYS;
	VP_INT val = 0;
	VP blk = NULL;
	T_MSG *msg = NULL;
	PRI pri = 0;
	RDVNO rdvno = 0;
	FLGPTN ptn = 0;
	char buf[16];

	fill(buf, sizeof(buf), 0);
	switch (how) {
	case OP_WAI_SEM:
		e = tmout == TMO_FEVR ? wai_sem(id) : twai_sem(id, tmout);
		break;
	case OP_WAI_FLG:
		e = tmout == TMO_FEVR ?
			wai_flg(id, 0x10, TWF_ANDW, &ptn) :
			twai_flg(id, 0x10, TWF_ANDW, &ptn, tmout);
		val = (VP_INT)ptn;
		break;
	case OP_SND_DTQ:
		e = snd_dtq(id, (VP_INT)(100 + who));
		break;
	case OP_RCV_DTQ:
		e = rcv_dtq(id, &val);
		break;
	case OP_SND_PDQ:
		e = snd_pdq(id, (VP_INT)(100 + who), 1);
		break;
	case OP_RCV_PDQ:
		e = rcv_pdq(id, &val, &pri);
		break;
	case OP_RCV_MBX:
		e = rcv_mbx(id, &msg);
		val = (VP_INT)msg;
		break;
	case OP_LOC_MTX:
		e = loc_mtx(id);
		if (e == E_OK)
			(void)unl_mtx(id);
		break;
	case OP_HOLD_MTX:
		/* Lock, sleep holding it, then unlock: two records. */
		e = loc_mtx(id);
		record(who, e, 0);
		if (e != E_OK)
			return;
		(void)slp_tsk();
		e = unl_mtx(id);
		val = 1;
		break;
	case OP_SND_MBF:
		fill(buf, 4, 'm');
		e = snd_mbf(id, buf, 4);
		break;
	case OP_RCV_MBF:
		e = rcv_mbf(id, buf);
		val = e;
		break;
	case OP_CAL_POR:
		buf[0] = 'h';
		buf[1] = 'i';
		e = cal_por(id, 1, buf, 3);
		val = e;
		if (e > 0)
			save_msg(buf);
		break;
	case OP_ACP_POR:
	case OP_ACP_RPL:
		e = acp_por(id, 1, &rdvno, buf);
		val = e;
		got_rdvno = rdvno;
		if (e > 0)
			save_msg(buf);
		if (e >= 0 && how == OP_ACP_RPL) {
			ER r = rpl_rdv(rdvno, reply, 3);

			if (r != E_OK)
				e = r;
		}
		break;
	case OP_GET_MPF:
		e = get_mpf(id, &blk);
		val = (VP_INT)blk;
		break;
	case OP_GET_MPL:
		e = get_mpl(id, op_len, &blk);
		val = (VP_INT)blk;
		break;
	case OP_DEL_SEM:
		e = del_sem(id);
		break;
	case OP_DEL_CRE_SEM:
		e = del_sem(id);
		val = cre_sem(id, &csem_fresh);
		break;
	case OP_CHURN:
		churn();
		return;
	case OP_STRESS:
		stress();
		return;
	}
	record(who, e >= 0 ? E_OK : (ER)e, val);
}

/* A waiter left waiting (by a failing kernel) is ended. */
static void finish(ID tskid)
{
	T_RTSK r;

	if (ref_tsk(tskid, &r) == E_OK && r.tskstat != TTS_DMT)
		(void)ter_tsk(tskid);
}

static BOOL waits_on(ID tskid, STAT tskwait, ID wobjid)
{
	T_RTSK r;

	return ref_tsk(tskid, &r) == E_OK && r.tskstat == TTS_WAI &&
	       r.tskwait == tskwait && r.wobjid == wobjid;
}

static STAT state_of(ID tskid)
{
	T_RTSK r;

	return ref_tsk(tskid, &r) == E_OK ? r.tskstat : 0U;
}

static PRI pri_of(ID tskid)
{
	PRI pri = -1;

	(void)get_pri(tskid, &pri);
	return pri;
}

/* The first returned waiter's error code, E_SYS when none returned. */
static ER first_ercd(void)
{
	if (nrec == 0U) {
		tap_diag("the waiter did not return");
		return E_SYS;
	}
	return rec_ercd[0];
}

/*
 * A call that would wait on a free reserved ID: E_NOEXS at once, made by
 * TASK2 so that a kernel that lets it wait does not hang the test.
 */
static void noexs_waiting(INT how, ID id, const char *name)
{
	rec_reset();
	start(TASK2, how, id, TMO_FEVR);
	tap_ercd(first_ercd(), E_NOEXS, name);
	finish(TASK2);
}

typedef ER (*DEL_FN)(ID id);

/*
 * TASK2 waits on the created object id (tskwait); deleting the object
 * releases it with E_DLT, and it runs at once (it is above MAIN_TASK).
 */
static void released_by_delete(INT how, ID id, STAT tskwait, DEL_FN del,
			       const char *name)
{
	rec_reset();
	start(TASK2, how, id, TMO_FEVR);
	tap_ok(waits_on(TASK2, tskwait, id), "the waiter waits on the "
	       "created object");
	tap_ercd(del(id), E_OK, "it is deleted");
	tap_ercd(first_ercd(), E_DLT, name);
	finish(TASK2);
}

/* ------------------------------------------------------------ handlers */

#define NHDR	4
static volatile UINT	cyc_count[NHDR];	/* by exinf */
static volatile UINT	alm_count[NHDR];
static volatile BOOL	bad_exinf;
static volatile ID	cur_cyc, cur_alm;	/* the created handlers' IDs */
/* What the created handlers' first activations got. */
static volatile BOOL	cctx_done, actx_done;
static volatile ER	cctx[5], actx[6];

void cyclic_handler(VP_INT exinf)
{
	if (exinf < 0 || exinf >= NHDR) {
		bad_exinf = TRUE;
		return;
	}
	cyc_count[exinf]++;
	switch (exinf) {
	case 1:
		if (cctx_done)
			break;
		cctx[0] = cre_sem(ASEM(1), &csem_ok);
		cctx[1] = acre_sem(&csem_ok);
		cctx[2] = del_sem(SEM_S);
		cctx[3] = acre_tsk(&ctsk_dmt);
		cctx[4] = del_cyc(cur_cyc);
		cctx_done = TRUE;
		break;
	case 2:
		/* The stress test's deleter. */
		(void)iwup_tsk(TASK3);
		break;
	}
}

void alarm_handler(VP_INT exinf)
{
	if (exinf < 0 || exinf >= NHDR) {
		bad_exinf = TRUE;
		return;
	}
	alm_count[exinf]++;
	if (exinf == 1 && !actx_done) {
		actx[0] = cre_alm(LAST_ALM, &calm_ok);
		actx[1] = acre_mtx(&cmtx_ok);
		actx[2] = del_alm(cur_alm);
		actx[3] = cre_dtq(ADTQ(1), &cdtq_ok);
		actx[4] = ista_alm(LAST_ALM, 10);
		actx[5] = istp_alm(LAST_ALM);
		actx_done = TRUE;
	}
}

static volatile INT	hphase;

void swi_handler(void)
{
	switch (hphase) {
	case 1:
		/* Creation and deletion are task-context calls. */
		ER_IS(cre_tsk(ATSK(1), &ctsk_dmt), E_CTX);
		ER_IS(acre_tsk(&ctsk_dmt), E_CTX);
		ER_IS(del_tsk(ATSK(1)), E_CTX);
		ER_IS(cre_sem(ASEM(1), &csem_ok), E_CTX);
		ER_IS(acre_sem(&csem_ok), E_CTX);
		ER_IS(del_sem(ASEM(1)), E_CTX);
		ER_IS(cre_flg(AFLG(1), &cflg_ok), E_CTX);
		ER_IS(acre_flg(&cflg_ok), E_CTX);
		ER_IS(del_flg(AFLG(1)), E_CTX);
		ER_IS(cre_dtq(ADTQ(1), &cdtq_ok), E_CTX);
		ER_IS(acre_dtq(&cdtq_ok), E_CTX);
		ER_IS(del_dtq(ADTQ(1)), E_CTX);
		ER_IS(cre_pdq(APDQ(1), &cpdq_ok), E_CTX);
		ER_IS(acre_pdq(&cpdq_ok), E_CTX);
		ER_IS(del_pdq(APDQ(1)), E_CTX);
		ER_IS(cre_mbx(AMBX(1), &cmbx_ok), E_CTX);
		ER_IS(acre_mbx(&cmbx_ok), E_CTX);
		ER_IS(del_mbx(AMBX(1)), E_CTX);
		ER_IS(cre_mtx(AMTX(1), &cmtx_ok), E_CTX);
		ER_IS(acre_mtx(&cmtx_ok), E_CTX);
		ER_IS(del_mtx(AMTX(1)), E_CTX);
		ER_IS(cre_mbf(AMBF(1), &cmbf_ok), E_CTX);
		ER_IS(acre_mbf(&cmbf_ok), E_CTX);
		ER_IS(del_mbf(AMBF(1)), E_CTX);
		ER_IS(cre_por(APOR(1), &cpor_ok), E_CTX);
		ER_IS(acre_por(&cpor_ok), E_CTX);
		ER_IS(del_por(APOR(1)), E_CTX);
		ER_IS(cre_mpf(AMPF(1), &cmpf_ok), E_CTX);
		ER_IS(acre_mpf(&cmpf_ok), E_CTX);
		ER_IS(del_mpf(AMPF(1)), E_CTX);
		ER_IS(cre_mpl(AMPL(1), &cmpl_ok), E_CTX);
		ER_IS(acre_mpl(&cmpl_ok), E_CTX);
		ER_IS(del_mpl(AMPL(1)), E_CTX);
		ER_IS(cre_cyc(ACYC(1), &ccyc_ok), E_CTX);
		ER_IS(acre_cyc(&ccyc_ok), E_CTX);
		ER_IS(del_cyc(ACYC(1)), E_CTX);
		ER_IS(cre_alm(AALM(1), &calm_ok), E_CTX);
		ER_IS(acre_alm(&calm_ok), E_CTX);
		ER_IS(del_alm(AALM(1)), E_CTX);
		break;
	case 2:
		/* The handler-context calls on free reserved IDs. */
		ER_IS(iact_tsk(LAST_TSK), E_NOEXS);
		ER_IS(iwup_tsk(LAST_TSK), E_NOEXS);
		ER_IS(irel_wai(LAST_TSK), E_NOEXS);
		ER_IS(iras_tex(LAST_TSK, 1), E_NOEXS);
		ER_IS(isig_sem(LAST_SEM), E_NOEXS);
		ER_IS(iset_flg(LAST_FLG, 1), E_NOEXS);
		ER_IS(ipsnd_dtq(LAST_DTQ, 1), E_NOEXS);
		ER_IS(ifsnd_dtq(LAST_DTQ, 1), E_NOEXS);
		ER_IS(ipsnd_pdq(LAST_PDQ, 1, 1), E_NOEXS);
		ER_IS(ista_alm(LAST_ALM, 10), E_NOEXS);
		ER_IS(istp_alm(LAST_ALM), E_NOEXS);
		break;
	}
}

/* Only def_tex names it: never raised. */
void tex_routine(TEXPTN texptn, VP_INT exinf)
{
	(void)texptn;
	(void)exinf;
}

/* ------------------------------------------------------------- cases */

/* E_ID out of range, E_OBJ for the static ID, E_NOEXS for a free one. */
#define ID_ERRORS(cre, del, pk, sid, last)				\
	do {								\
		tap_ercd(cre(0, &(pk)), E_ID, #cre "(0): E_ID");	\
		tap_ercd(cre((last) + 1, &(pk)), E_ID,			\
			 #cre " beyond the last reserved ID: E_ID");	\
		tap_ercd(del(-1), E_ID, #del "(-1): E_ID");		\
		tap_ercd(del((last) + 1), E_ID,				\
			 #del " beyond the last reserved ID: E_ID");	\
		tap_ercd(cre(sid, &(pk)), E_OBJ,			\
			 #cre " of the static ID: E_OBJ");		\
		tap_ercd(del(sid), E_OBJ, #del " of the static ID: E_OBJ"); \
		tap_ercd(del(last), E_NOEXS,				\
			 #del " of a free reserved ID: E_NOEXS");	\
	} while (0)

static void test_ids(void)
{
	T_RSEM rsem;
	T_RTSK rtsk;

	ID_ERRORS(cre_tsk, del_tsk, ctsk_dmt, MAIN_TASK, LAST_TSK);
	ID_ERRORS(cre_sem, del_sem, csem_ok, SEM_S, LAST_SEM);
	ID_ERRORS(cre_flg, del_flg, cflg_ok, FLG_S, LAST_FLG);
	ID_ERRORS(cre_dtq, del_dtq, cdtq_ok, DTQ_S, LAST_DTQ);
	ID_ERRORS(cre_pdq, del_pdq, cpdq_ok, PDQ_S, LAST_PDQ);
	ID_ERRORS(cre_mbx, del_mbx, cmbx_ok, MBX_S, LAST_MBX);
	ID_ERRORS(cre_mtx, del_mtx, cmtx_ok, MTX_S, LAST_MTX);
	ID_ERRORS(cre_mbf, del_mbf, cmbf_ok, MBF_S, LAST_MBF);
	ID_ERRORS(cre_por, del_por, cpor_ok, POR_S, LAST_POR);
	ID_ERRORS(cre_mpf, del_mpf, cmpf_ok, MPF_S, LAST_MPF);
	ID_ERRORS(cre_mpl, del_mpl, cmpl_ok, MPL_S, LAST_MPL);
	ID_ERRORS(cre_cyc, del_cyc, ccyc_ok, CYC_S, LAST_CYC);
	ID_ERRORS(cre_alm, del_alm, calm_ok, ALM_S, LAST_ALM);

	tap_ercd(cre_sem(-1, &csem_ok), E_ID, "cre_sem(-1): E_ID");
	tap_ercd(del_sem(0), E_ID, "del_sem(0): E_ID");
	tap_ercd(del_tsk(TASK1), E_OBJ,
		 "del_tsk of a dormant static task: E_OBJ");
	tap_ercd(cre_tsk(LOW_TASK, &ctsk_dmt), E_OBJ,
		 "cre_tsk of the last static task's ID: E_OBJ");
	/* The other calls see the reserved range too. */
	tap_ercd(sig_sem(LAST_SEM + 1), E_ID, "sig_sem beyond the last "
		 "reserved ID: E_ID");
	tap_ercd(sig_sem(LAST_SEM), E_NOEXS, "sig_sem of the last reserved "
		 "ID: E_NOEXS");
	tap_ercd(ref_sem(ASEM(1), &rsem), E_NOEXS, "ref_sem of the first "
		 "reserved ID: E_NOEXS");
	tap_ercd(act_tsk(LAST_TSK + 1), E_ID, "act_tsk beyond the last "
		 "reserved ID: E_ID");
	tap_ercd(ref_tsk(ATSK(1), &rtsk), E_NOEXS, "ref_tsk of the first "
		 "reserved ID: E_NOEXS");
}

/* Every kind's service calls on free reserved IDs (never created). */
static void test_noexs(void)
{
	T_RTSK rtsk;
	T_RTEX rtex;
	T_RSEM rsem;
	T_RFLG rflg;
	T_RDTQ rdtq;
	T_RPDQ rpdq;
	T_RMBX rmbx;
	T_RMTX rmtx;
	T_RMBF rmbf;
	T_RPOR rpor;
	T_RMPF rmpf;
	T_RMPL rmpl;
	T_RCYC rcyc;
	T_RALM ralm;
	T_DTEX dtex = { TA_HLNG, (FP)tex_routine };
	static T_MSG msg;
	FLGPTN ptn;
	VP_INT data;
	PRI pri;
	T_MSG *pmsg;
	RDVNO rdvno;
	VP blk;
	char buf[16];

	fill(buf, sizeof(buf), 'n');
	/* Tasks. */
	ER_IS(act_tsk(LAST_TSK), E_NOEXS);
	ER_IS(can_act(LAST_TSK), E_NOEXS);
	ER_IS(ter_tsk(LAST_TSK), E_NOEXS);
	ER_IS(chg_pri(LAST_TSK, HIGH_PRI), E_NOEXS);
	ER_IS(get_pri(LAST_TSK, &pri), E_NOEXS);
	ER_IS(ref_tsk(LAST_TSK, &rtsk), E_NOEXS);
	ER_IS(wup_tsk(LAST_TSK), E_NOEXS);
	ER_IS(can_wup(LAST_TSK), E_NOEXS);
	ER_IS(rel_wai(LAST_TSK), E_NOEXS);
	ER_IS(sus_tsk(LAST_TSK), E_NOEXS);
	ER_IS(rsm_tsk(LAST_TSK), E_NOEXS);
	ER_IS(frsm_tsk(LAST_TSK), E_NOEXS);
	ER_IS(ras_tex(LAST_TSK, 1), E_NOEXS);
	ER_IS(ref_tex(LAST_TSK, &rtex), E_NOEXS);
	ER_IS(def_tex(LAST_TSK, &dtex), E_NOEXS);
	/* Semaphores. */
	ER_IS(sig_sem(LAST_SEM), E_NOEXS);
	ER_IS(pol_sem(LAST_SEM), E_NOEXS);
	ER_IS(twai_sem(LAST_SEM, 10), E_NOEXS);
	ER_IS(ref_sem(LAST_SEM, &rsem), E_NOEXS);
	ER_IS(ini_sem(LAST_SEM), E_NOEXS);
	noexs_waiting(OP_WAI_SEM, LAST_SEM, "wai_sem(free ID): E_NOEXS");
	/* Eventflags. */
	ER_IS(set_flg(LAST_FLG, 1), E_NOEXS);
	ER_IS(clr_flg(LAST_FLG, 0), E_NOEXS);
	ER_IS(pol_flg(LAST_FLG, 1, TWF_ORW, &ptn), E_NOEXS);
	ER_IS(twai_flg(LAST_FLG, 1, TWF_ORW, &ptn, 10), E_NOEXS);
	ER_IS(ref_flg(LAST_FLG, &rflg), E_NOEXS);
	ER_IS(ini_flg(LAST_FLG), E_NOEXS);
	noexs_waiting(OP_WAI_FLG, LAST_FLG, "wai_flg(free ID): E_NOEXS");
	/* Data queues. */
	ER_IS(psnd_dtq(LAST_DTQ, 1), E_NOEXS);
	ER_IS(tsnd_dtq(LAST_DTQ, 1, 10), E_NOEXS);
	ER_IS(fsnd_dtq(LAST_DTQ, 1), E_NOEXS);
	ER_IS(prcv_dtq(LAST_DTQ, &data), E_NOEXS);
	ER_IS(trcv_dtq(LAST_DTQ, &data, 10), E_NOEXS);
	ER_IS(ref_dtq(LAST_DTQ, &rdtq), E_NOEXS);
	ER_IS(ini_dtq(LAST_DTQ), E_NOEXS);
	noexs_waiting(OP_SND_DTQ, LAST_DTQ, "snd_dtq(free ID): E_NOEXS");
	noexs_waiting(OP_RCV_DTQ, LAST_DTQ, "rcv_dtq(free ID): E_NOEXS");
	/* Priority data queues. */
	ER_IS(psnd_pdq(LAST_PDQ, 1, 1), E_NOEXS);
	ER_IS(tsnd_pdq(LAST_PDQ, 1, 1, 10), E_NOEXS);
	ER_IS(prcv_pdq(LAST_PDQ, &data, &pri), E_NOEXS);
	ER_IS(ref_pdq(LAST_PDQ, &rpdq), E_NOEXS);
	ER_IS(ini_pdq(LAST_PDQ), E_NOEXS);
	noexs_waiting(OP_SND_PDQ, LAST_PDQ, "snd_pdq(free ID): E_NOEXS");
	noexs_waiting(OP_RCV_PDQ, LAST_PDQ, "rcv_pdq(free ID): E_NOEXS");
	/* Mailboxes. */
	ER_IS(snd_mbx(LAST_MBX, &msg), E_NOEXS);
	ER_IS(prcv_mbx(LAST_MBX, &pmsg), E_NOEXS);
	ER_IS(trcv_mbx(LAST_MBX, &pmsg, 10), E_NOEXS);
	ER_IS(ref_mbx(LAST_MBX, &rmbx), E_NOEXS);
	ER_IS(ini_mbx(LAST_MBX), E_NOEXS);
	noexs_waiting(OP_RCV_MBX, LAST_MBX, "rcv_mbx(free ID): E_NOEXS");
	/* Mutexes. */
	ER_IS(ploc_mtx(LAST_MTX), E_NOEXS);
	ER_IS(tloc_mtx(LAST_MTX, 10), E_NOEXS);
	ER_IS(unl_mtx(LAST_MTX), E_NOEXS);
	ER_IS(ref_mtx(LAST_MTX, &rmtx), E_NOEXS);
	noexs_waiting(OP_LOC_MTX, LAST_MTX, "loc_mtx(free ID): E_NOEXS");
	/* Message buffers. */
	ER_IS(psnd_mbf(LAST_MBF, buf, 4), E_NOEXS);
	ER_IS(tsnd_mbf(LAST_MBF, buf, 4, 10), E_NOEXS);
	ER_IS(prcv_mbf(LAST_MBF, buf), E_NOEXS);
	ER_IS(trcv_mbf(LAST_MBF, buf, 10), E_NOEXS);
	ER_IS(ref_mbf(LAST_MBF, &rmbf), E_NOEXS);
	ER_IS(ini_mbf(LAST_MBF), E_NOEXS);
	noexs_waiting(OP_SND_MBF, LAST_MBF, "snd_mbf(free ID): E_NOEXS");
	noexs_waiting(OP_RCV_MBF, LAST_MBF, "rcv_mbf(free ID): E_NOEXS");
	/* Rendezvous ports. */
	ER_IS(tcal_por(LAST_POR, 1, buf, 3, 10), E_NOEXS);
	ER_IS(pacp_por(LAST_POR, 1, &rdvno, buf), E_NOEXS);
	ER_IS(tacp_por(LAST_POR, 1, &rdvno, buf, 10), E_NOEXS);
	ER_IS(ref_por(LAST_POR, &rpor), E_NOEXS);
	noexs_waiting(OP_CAL_POR, LAST_POR, "cal_por(free ID): E_NOEXS");
	noexs_waiting(OP_ACP_POR, LAST_POR, "acp_por(free ID): E_NOEXS");
	/* Fixed-size pools. */
	ER_IS(pget_mpf(LAST_MPF, &blk), E_NOEXS);
	ER_IS(tget_mpf(LAST_MPF, &blk, 10), E_NOEXS);
	ER_IS(rel_mpf(LAST_MPF, buf), E_NOEXS);
	ER_IS(ref_mpf(LAST_MPF, &rmpf), E_NOEXS);
	ER_IS(ini_mpf(LAST_MPF), E_NOEXS);
	noexs_waiting(OP_GET_MPF, LAST_MPF, "get_mpf(free ID): E_NOEXS");
	/* Variable-size pools. */
	ER_IS(pget_mpl(LAST_MPL, 16, &blk), E_NOEXS);
	ER_IS(tget_mpl(LAST_MPL, 16, &blk, 10), E_NOEXS);
	ER_IS(rel_mpl(LAST_MPL, buf), E_NOEXS);
	ER_IS(ref_mpl(LAST_MPL, &rmpl), E_NOEXS);
	ER_IS(ini_mpl(LAST_MPL), E_NOEXS);
	op_len = 16;
	noexs_waiting(OP_GET_MPL, LAST_MPL, "get_mpl(free ID): E_NOEXS");
	/* Cyclic and alarm handlers. */
	ER_IS(sta_cyc(LAST_CYC), E_NOEXS);
	ER_IS(stp_cyc(LAST_CYC), E_NOEXS);
	ER_IS(ref_cyc(LAST_CYC, &rcyc), E_NOEXS);
	ER_IS(sta_alm(LAST_ALM, 10), E_NOEXS);
	ER_IS(stp_alm(LAST_ALM), E_NOEXS);
	ER_IS(ref_alm(LAST_ALM, &ralm), E_NOEXS);
	/* From a handler. */
	hphase = 2;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
}

/* Bad packets: E_PAR, E_RSATR; nothing is created. */
static void test_params(void)
{
	T_CTSK ctsk = ctsk_ok;
	T_CSEM csem = csem_ok;
	T_CFLG cflg = cflg_ok;
	T_CDTQ cdtq = cdtq_ok;
	T_CPDQ cpdq = cpdq_ok;
	T_CMBX cmbx = cmbx_ok;
	T_CMTX cmtx = cmtx_ok;
	T_CMBF cmbf = cmbf_ok;
	T_CPOR cpor = cpor_ok;
	T_CMPF cmpf = cmpf_ok;
	T_CMPL cmpl = cmpl_ok;
	T_CCYC ccyc = ccyc_ok;
	T_CALM calm = calm_ok;
	T_RTSK rtsk;
	T_RSEM rsem;
	T_RMTX rmtx;
	T_RMBX rmbx;
	T_RCYC rcyc;

	ER_IS(cre_tsk(ATSK(1), NULL), E_PAR);
	ER_IS(acre_tsk(NULL), E_PAR);
	ctsk.tskatr = BAD_ATR;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_RSATR);
	ER_IS(acre_tsk(&ctsk), E_RSATR);
	ctsk = ctsk_ok;
	ctsk.itskpri = TMIN_TPRI - 1;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_PAR);
	ctsk.itskpri = TMAX_TPRI + 1;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_PAR);
	ER_IS(acre_tsk(&ctsk), E_PAR);
	ctsk = ctsk_ok;
	ctsk.stksz = 0;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_PAR);
	tap_ercd(ref_tsk(ATSK(1), &rtsk), E_NOEXS, "... no task was created");

	ER_IS(cre_sem(ASEM(1), NULL), E_PAR);
	ER_IS(acre_sem(NULL), E_PAR);
	csem.sematr = BAD_ATR;
	ER_IS(cre_sem(ASEM(1), &csem), E_RSATR);
	csem = csem_ok;
	csem.isemcnt = 2;
	ER_IS(cre_sem(ASEM(1), &csem), E_PAR);		/* > maxsem 1 */
	ER_IS(acre_sem(&csem), E_PAR);
	csem.isemcnt = 0;
	csem.maxsem = 0;
	ER_IS(cre_sem(ASEM(1), &csem), E_PAR);
	csem.maxsem = TMAX_MAXSEM + 1;
	ER_IS(cre_sem(ASEM(1), &csem), E_PAR);
	tap_ercd(ref_sem(ASEM(1), &rsem), E_NOEXS, "... no semaphore was "
		 "created");

	ER_IS(cre_flg(AFLG(1), NULL), E_PAR);
	ER_IS(acre_flg(NULL), E_PAR);
	cflg.flgatr = BAD_ATR;
	ER_IS(cre_flg(AFLG(1), &cflg), E_RSATR);
	ER_IS(acre_flg(&cflg), E_RSATR);

	ER_IS(cre_dtq(ADTQ(1), NULL), E_PAR);
	ER_IS(acre_dtq(NULL), E_PAR);
	cdtq.dtqatr = BAD_ATR;
	ER_IS(cre_dtq(ADTQ(1), &cdtq), E_RSATR);

	ER_IS(cre_pdq(APDQ(1), NULL), E_PAR);
	ER_IS(acre_pdq(NULL), E_PAR);
	cpdq.pdqatr = BAD_ATR;
	ER_IS(cre_pdq(APDQ(1), &cpdq), E_RSATR);
	cpdq = cpdq_ok;
	cpdq.maxdpri = TMIN_DPRI - 1;
	ER_IS(cre_pdq(APDQ(1), &cpdq), E_PAR);
	cpdq.maxdpri = TMAX_DPRI + 1;
	ER_IS(cre_pdq(APDQ(1), &cpdq), E_PAR);
	ER_IS(acre_pdq(&cpdq), E_PAR);

	ER_IS(cre_mbx(AMBX(1), NULL), E_PAR);
	ER_IS(acre_mbx(NULL), E_PAR);
	cmbx.mbxatr = BAD_ATR;
	ER_IS(cre_mbx(AMBX(1), &cmbx), E_RSATR);
	cmbx.mbxatr = TA_TFIFO | TA_MPRI;
	cmbx.maxmpri = TMAX_MPRI + 1;
	ER_IS(cre_mbx(AMBX(1), &cmbx), E_PAR);
	tap_ercd(ref_mbx(AMBX(1), &rmbx), E_NOEXS, "... no mailbox was "
		 "created");

	ER_IS(cre_mtx(AMTX(1), NULL), E_PAR);
	ER_IS(acre_mtx(NULL), E_PAR);
	cmtx.mtxatr = BAD_ATR;
	ER_IS(cre_mtx(AMTX(1), &cmtx), E_RSATR);
	cmtx.mtxatr = TA_CEILING;
	cmtx.ceilpri = TMIN_TPRI - 1;
	ER_IS(cre_mtx(AMTX(1), &cmtx), E_PAR);
	cmtx.ceilpri = TMAX_TPRI + 1;
	ER_IS(cre_mtx(AMTX(1), &cmtx), E_PAR);
	ER_IS(acre_mtx(&cmtx), E_PAR);
	tap_ercd(ref_mtx(AMTX(1), &rmtx), E_NOEXS, "... no mutex was "
		 "created");
	/* The ceiling of a mutex without TA_CEILING is not looked at. */
	cmtx.mtxatr = TA_INHERIT;
	cmtx.ceilpri = 0;
	tap_ercd(cre_mtx(AMTX(1), &cmtx), E_OK, "cre_mtx(TA_INHERIT, "
		 "ceilpri 0): E_OK, the ceiling unused");
	ER_IS(del_mtx(AMTX(1)), E_OK);

	ER_IS(cre_mbf(AMBF(1), NULL), E_PAR);
	ER_IS(acre_mbf(NULL), E_PAR);
	cmbf.mbfatr = BAD_ATR;
	ER_IS(cre_mbf(AMBF(1), &cmbf), E_RSATR);
	cmbf = cmbf_ok;
	cmbf.maxmsz = 0;
	ER_IS(cre_mbf(AMBF(1), &cmbf), E_PAR);
	ER_IS(acre_mbf(&cmbf), E_PAR);

	ER_IS(cre_por(APOR(1), NULL), E_PAR);
	ER_IS(acre_por(NULL), E_PAR);
	cpor.poratr = BAD_ATR;
	ER_IS(cre_por(APOR(1), &cpor), E_RSATR);

	ER_IS(cre_mpf(AMPF(1), NULL), E_PAR);
	ER_IS(acre_mpf(NULL), E_PAR);
	cmpf.mpfatr = BAD_ATR;
	ER_IS(cre_mpf(AMPF(1), &cmpf), E_RSATR);
	cmpf = cmpf_ok;
	cmpf.blkcnt = 0;
	ER_IS(cre_mpf(AMPF(1), &cmpf), E_PAR);
	cmpf = cmpf_ok;
	cmpf.blksz = 0;
	ER_IS(cre_mpf(AMPF(1), &cmpf), E_PAR);
	ER_IS(acre_mpf(&cmpf), E_PAR);

	ER_IS(cre_mpl(AMPL(1), NULL), E_PAR);
	ER_IS(acre_mpl(NULL), E_PAR);
	cmpl.mplatr = BAD_ATR;
	ER_IS(cre_mpl(AMPL(1), &cmpl), E_RSATR);
	cmpl = cmpl_ok;
	cmpl.mplsz = 0;
	ER_IS(cre_mpl(AMPL(1), &cmpl), E_PAR);
	ER_IS(acre_mpl(&cmpl), E_PAR);

	ER_IS(cre_cyc(ACYC(1), NULL), E_PAR);
	ER_IS(acre_cyc(NULL), E_PAR);
	ccyc.cycatr = BAD_ATR;
	ER_IS(cre_cyc(ACYC(1), &ccyc), E_RSATR);
	ccyc = ccyc_ok;
	ccyc.cyctim = 0;
	ER_IS(cre_cyc(ACYC(1), &ccyc), E_PAR);
	ER_IS(acre_cyc(&ccyc), E_PAR);
	tap_ercd(ref_cyc(ACYC(1), &rcyc), E_NOEXS, "... no cyclic handler "
		 "was created");

	ER_IS(cre_alm(AALM(1), NULL), E_PAR);
	ER_IS(acre_alm(NULL), E_PAR);
	calm.almatr = BAD_ATR;
	ER_IS(cre_alm(AALM(1), &calm), E_RSATR);
	ER_IS(acre_alm(&calm), E_RSATR);

	/* None of the failed acre_xxx took an ID. */
	tap_int(acre_sem(&csem_ok), ASEM(1), "acre_sem after the failed "
		"ones: the first reserved ID");
	ER_IS(del_sem(ASEM(1)), E_OK);
	tap_int(acre_cyc(&ccyc_ok), ACYC(1), "acre_cyc after the failed "
		"ones: the first reserved ID");
	ER_IS(del_cyc(ACYC(1)), E_OK);
}

/*
 * acre_xxx takes the reserved IDs lowest first, E_NOID when none is
 * left; cre_xxx of one in use is E_OBJ; a deleted one is taken again.
 */
#define NOID_CASE(acre, cre, del, pk, first, n)				\
	do {								\
		ID i_;							\
		BOOL seq_ = TRUE;					\
		UINT deleted_ = 0;					\
									\
		for (i_ = 0; i_ < (n); i_++)				\
			if (acre(&(pk)) != (first) + i_)		\
				seq_ = FALSE;				\
		tap_ok(seq_, #acre " takes the reserved IDs, lowest first"); \
		tap_ercd(acre(&(pk)), E_NOID, #acre " with none left: "	\
			 "E_NOID");					\
		tap_ercd(cre((first) + (n) - 1, &(pk)), E_OBJ,		\
			 #cre " of a reserved ID in use: E_OBJ");	\
		tap_ercd(del(first), E_OK, #del " of the first");	\
		tap_int(acre(&(pk)), (first), #acre " takes it again");	\
		for (i_ = 0; i_ < (n); i_++)				\
			if (del((first) + i_) == E_OK)			\
				deleted_++;				\
		tap_int(deleted_, (n), "... and all are deleted");	\
		tap_ercd(del(first), E_NOEXS, #del " again: E_NOEXS");	\
	} while (0)

static void test_noid(void)
{
	NOID_CASE(acre_tsk, cre_tsk, del_tsk, ctsk_dmt, ATSK(1), NA_TSK);
	NOID_CASE(acre_sem, cre_sem, del_sem, csem_ok, ASEM(1), NA_SEM);
	NOID_CASE(acre_flg, cre_flg, del_flg, cflg_ok, AFLG(1), NA_FLG);
	NOID_CASE(acre_dtq, cre_dtq, del_dtq, cdtq_ok, ADTQ(1), NA_DTQ);
	NOID_CASE(acre_pdq, cre_pdq, del_pdq, cpdq_ok, APDQ(1), NA_PDQ);
	NOID_CASE(acre_mbx, cre_mbx, del_mbx, cmbx_ok, AMBX(1), NA_MBX);
	NOID_CASE(acre_mtx, cre_mtx, del_mtx, cmtx_ok, AMTX(1), NA_MTX);
	NOID_CASE(acre_mbf, cre_mbf, del_mbf, cmbf_ok, AMBF(1), NA_MBF);
	NOID_CASE(acre_por, cre_por, del_por, cpor_ok, APOR(1), NA_POR);
	NOID_CASE(acre_mpf, cre_mpf, del_mpf, cmpf_ok, AMPF(1), NA_MPF);
	NOID_CASE(acre_mpl, cre_mpl, del_mpl, cmpl_ok, AMPL(1), NA_MPL);
	NOID_CASE(acre_cyc, cre_cyc, del_cyc, ccyc_ok, ACYC(1), NA_CYC);
	NOID_CASE(acre_alm, cre_alm, del_alm, calm_ok, AALM(1), NA_ALM);
}

/* Task-context calls only; dispatching disabled is a task context. */
static void test_context(void)
{
	ER e[6];
	UINT n;

	loc_cpu();
	e[0] = cre_sem(ASEM(1), &csem_ok);
	e[1] = acre_sem(&csem_ok);
	e[2] = del_sem(ASEM(1));
	e[3] = cre_tsk(ATSK(1), &ctsk_dmt);
	e[4] = acre_mbf(&cmbf_ok);
	e[5] = del_tsk(ATSK(1));
	unl_cpu();
	tap_ercd(e[0], E_CTX, "cre_sem with the CPU locked: E_CTX");
	tap_ercd(e[1], E_CTX, "acre_sem with the CPU locked: E_CTX");
	tap_ercd(e[2], E_CTX, "del_sem with the CPU locked: E_CTX");
	tap_ercd(e[3], E_CTX, "cre_tsk with the CPU locked: E_CTX");
	tap_ercd(e[4], E_CTX, "acre_mbf with the CPU locked: E_CTX");
	tap_ercd(e[5], E_CTX, "del_tsk with the CPU locked: E_CTX");

	hphase = 1;
	ER_IS(ras_int(INTNO_SWI1), E_OK);

	/* Dispatching disabled (TOPPERS/ASP3: allowed). */
	dis_dsp();
	e[0] = cre_sem(ASEM(1), &csem_ok);
	e[1] = del_sem(ASEM(1));
	e[2] = acre_sem(&csem_ok);
	e[3] = del_sem(ASEM(1));
	ena_dsp();
	tap_ercd(e[0], E_OK, "cre_sem with dispatching disabled: E_OK");
	tap_ercd(e[1], E_OK, "del_sem with dispatching disabled: E_OK");
	tap_int(e[2], ASEM(1), "acre_sem with dispatching disabled");
	tap_ercd(e[3], E_OK, "del_sem with dispatching disabled: E_OK");

	/* ... a waiter it releases runs at ena_dsp. */
	ER_IS(cre_sem(ASEM(1), &csem_ok), E_OK);
	rec_reset();
	start(TASK2, OP_WAI_SEM, ASEM(1), TMO_FEVR);
	dis_dsp();
	e[0] = del_sem(ASEM(1));
	n = nrec;
	ena_dsp();
	ER_IS(e[0], E_OK);
	tap_int(n, 0, "dispatching disabled: the released waiter does not "
		"run in del_sem");
	tap_int(nrec, 1, "... it runs at ena_dsp");
	tap_ercd(first_ercd(), E_DLT, "... with E_DLT");
	finish(TASK2);
}

static void test_task(void)
{
	T_CTSK ctsk = ctsk_ok;
	T_RTSK rtsk;
	ER e;

	/* TA_ACT: it runs at once (it is above MAIN_TASK), with exinf. */
	dyn_mode = DYN_RETURN;
	dyn_runs = 0;
	dyn_sp = NULL;
	ctsk.tskatr = TA_HLNG | TA_ACT;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	tap_int(dyn_runs, 1, "a task created with TA_ACT ran");
	tap_int(dyn_exinf, 0x5a, "... got its exinf");
	tap_int(dyn_inf, 0x5a, "... get_inf gives it too");
	tap_int(dyn_tid, ATSK(1), "... get_tid gives its ID");
	tap_int(dyn_pri, HIGH_PRI, "... it runs at itskpri");
	tap_ok(dyn_sp != NULL && !in_area(dyn_sp, ustk, sizeof(ustk)),
	       "... on a stack from the kernel pool (stk NULL)");
	tap_int(state_of(ATSK(1)), TTS_DMT, "... and is dormant after it "
		"returned");
	ER_IS(act_tsk(ATSK(1)), E_OK);
	tap_int(dyn_runs, 2, "act_tsk runs it again");
	ER_IS(del_tsk(ATSK(1)), E_OK);
	tap_ercd(ref_tsk(ATSK(1), &rtsk), E_NOEXS, "ref_tsk after del_tsk: "
		 "E_NOEXS");
	tap_ercd(act_tsk(ATSK(1)), E_NOEXS, "act_tsk after del_tsk: "
		 "E_NOEXS");
	ER_IS(del_tsk(ATSK(1)), E_NOEXS);

	/* Without TA_ACT: dormant; its stack from the packet. */
	dyn_sp = NULL;
	ctsk.tskatr = TA_HLNG;
	ctsk.exinf = 0x77;
	ctsk.itskpri = HIGH_PRI + 1;
	ctsk.stk = ustk[1];
	tap_int(acre_tsk(&ctsk), ATSK(1), "acre_tsk: the first reserved ID");
	ER_IS(ref_tsk(ATSK(1), &rtsk), E_OK);
	tap_int(rtsk.tskstat, TTS_DMT, "created without TA_ACT: dormant");
	tap_int(dyn_runs, 2, "... and not run");
	ER_IS(act_tsk(ATSK(1)), E_OK);
	tap_int(dyn_runs, 3, "act_tsk runs it");
	tap_int(dyn_exinf, 0x77, "... with its exinf");
	tap_int(dyn_pri, HIGH_PRI + 1, "... at its itskpri");
	tap_ok(in_area(dyn_sp, ustk[1], STK), "... on the stack the packet "
	       "gave");

	/* Only a dormant task can be deleted. */
	dyn_mode = DYN_SLEEP;
	ER_IS(act_tsk(ATSK(1)), E_OK);
	tap_int(state_of(ATSK(1)), TTS_WAI, "the created task sleeps");
	tap_ercd(del_tsk(ATSK(1)), E_OBJ, "del_tsk of a waiting task: E_OBJ");
	ER_IS(sus_tsk(ATSK(1)), E_OK);
	tap_ercd(del_tsk(ATSK(1)), E_OBJ, "del_tsk of a waiting-suspended "
		 "task: E_OBJ");
	ER_IS(ter_tsk(ATSK(1)), E_OK);
	tap_ercd(del_tsk(ATSK(1)), E_OK, "del_tsk once it is terminated");

	/* Ready, not yet run. */
	ctsk = ctsk_ok;
	ctsk.tskatr = TA_HLNG | TA_ACT;
	ctsk.itskpri = LOW_PRI;
	dyn_mode = DYN_RETURN;
	ER_IS(cre_tsk(ATSK(2), &ctsk), E_OK);
	tap_int(state_of(ATSK(2)), TTS_RDY, "a created task below "
		"MAIN_TASK: ready");
	tap_ercd(del_tsk(ATSK(2)), E_OBJ, "del_tsk of a ready task: E_OBJ");
	ER_IS(ter_tsk(ATSK(2)), E_OK);
	ER_IS(del_tsk(ATSK(2)), E_OK);

	/* A task cannot delete itself. */
	ctsk = ctsk_ok;
	dyn_mode = DYN_DEL_SELF;
	dyn_del_own = E_SYS;
	dyn_del_self = E_SYS;
	ctsk.tskatr = TA_HLNG | TA_ACT;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	tap_ercd(dyn_del_own, E_OBJ, "del_tsk of itself by its ID: E_OBJ");
	e = dyn_del_self;
	tap_ok(e == E_OBJ || e == E_ID, "del_tsk(TSK_SELF): E_OBJ (or E_ID)");
	if (e != E_OBJ && e != E_ID)
		syslog(LOG_EMERG, "#   got %s (%d)", itron_strerror(e), e);
	tap_int(state_of(ATSK(1)), TTS_DMT, "... it ran on and returned");
	ER_IS(del_tsk(ATSK(1)), E_OK);

	/* A re-created task is fresh: its new priority, no requests. */
	ctsk = ctsk_ok;
	ctsk.itskpri = LOW_PRI;
	dyn_mode = DYN_RETURN;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	ER_IS(act_tsk(ATSK(1)), E_OK);		/* ready below us */
	ER_IS(chg_pri(ATSK(1), LOW_PRI + 1), E_OK);
	ER_IS(wup_tsk(ATSK(1)), E_OK);		/* queued */
	ER_IS(ter_tsk(ATSK(1)), E_OK);
	ER_IS(del_tsk(ATSK(1)), E_OK);
	ctsk.itskpri = HIGH_PRI + 1;
	ctsk.exinf = 0x33;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	ER_IS(ref_tsk(ATSK(1), &rtsk), E_OK);
	tap_ok(rtsk.tskstat == TTS_DMT && rtsk.actcnt == 0,
	       "a re-created task: dormant, no activation queued");
	dyn_mode = DYN_SLEEP;
	ER_IS(act_tsk(ATSK(1)), E_OK);
	tap_int(dyn_exinf, 0x33, "... it runs with the new exinf");
	tap_int(dyn_pri, HIGH_PRI + 1, "... at the new itskpri");
	ER_IS(ref_tsk(ATSK(1), &rtsk), E_OK);
	tap_ok(rtsk.tskstat == TTS_WAI && rtsk.tskpri == HIGH_PRI + 1 &&
	       rtsk.tskbpri == HIGH_PRI + 1 && rtsk.wupcnt == 0 &&
	       rtsk.suscnt == 0, "... and sleeps: no wakeup left from the "
	       "old task");
	ER_IS(ter_tsk(ATSK(1)), E_OK);
	ER_IS(del_tsk(ATSK(1)), E_OK);
}

static UINT	pool_largest(void);
static volatile ER	measure_ercd;

/* sta_tsk, exd_tsk and ref_tst (µITRON 4.0 beyond the Standard Profile). */
static void test_task_life(void)
{
	T_CTSK ctsk = ctsk_ok;
	T_RTST rtst;
	T_RTSK rtsk;
	UINT whole;

	/* sta_tsk: the start code instead of exinf, for that start only. */
	dyn_mode = DYN_RETURN;
	dyn_runs = 0;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	ER_IS(sta_tsk(ATSK(1), 0x1234), E_OK);
	tap_int(dyn_runs, 1, "sta_tsk starts a dormant task");
	tap_int(dyn_exinf, 0x1234, "... with the start code as parameter");
	tap_int(dyn_inf, 0x5a, "... get_inf still gives exinf");
	ER_IS(act_tsk(ATSK(1)), E_OK);
	tap_int(dyn_exinf, 0x5a, "act_tsk afterwards: exinf again");
	dyn_mode = DYN_SLEEP;
	ER_IS(sta_tsk(ATSK(1), 7), E_OK);
	tap_ercd(sta_tsk(ATSK(1), 8), E_OBJ, "sta_tsk of a task that is not "
		 "dormant: E_OBJ (not queued)");
	ER_IS(ref_tst(ATSK(1), &rtst), E_OK);
	tap_ok(rtst.tskstat == TTS_WAI && rtst.tskwait == TTW_SLP,
	       "ref_tst: waiting, in slp_tsk");
	ER_IS(ref_tst(TSK_SELF, &rtst), E_OK);
	tap_ok(rtst.tskstat == TTS_RUN && rtst.tskwait == 0U,
	       "ref_tst(TSK_SELF): running");
	ER_IS(ter_tsk(ATSK(1)), E_OK);
	ER_IS(ref_tst(ATSK(1), &rtst), E_OK);
	tap_int(rtst.tskstat, TTS_DMT, "ref_tst: dormant");
	ER_IS(del_tsk(ATSK(1)), E_OK);
	tap_ercd(sta_tsk(ATSK(1), 0), E_NOEXS, "sta_tsk of a free ID: "
		 "E_NOEXS");
	tap_ercd(ref_tst(ATSK(1), &rtst), E_NOEXS, "ref_tst of a free ID: "
		 "E_NOEXS");
	tap_ercd(sta_tsk(0, 0), E_ID, "sta_tsk(0): E_ID");
	tap_ercd(sta_tsk(LAST_TSK + 1, 0), E_ID, "sta_tsk beyond the last "
		 "ID: E_ID");
	tap_ercd(ref_tst(ATSK(1), NULL), E_PAR, "ref_tst(NULL): E_PAR");
	tap_ercd(exd_tsk(), E_OBJ, "exd_tsk of a static task: E_OBJ, it goes "
		 "on");

	/* exd_tsk: the task ends, its ID is free, its stack back. */
	measure_ercd = E_OK;
	whole = pool_largest();
	dyn_mode = DYN_EXD;
	dyn_exd = E_SYS;
	dyn_runs = 0;
	ctsk.tskatr = TA_HLNG | TA_ACT;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	tap_int(dyn_runs, 1, "a created task calls exd_tsk");
	tap_ercd(dyn_exd, E_SYS, "... which does not return");
	tap_ercd(ref_tsk(ATSK(1), &rtsk), E_NOEXS, "... and it is deleted");
	tap_int(pool_largest(), whole, "... its stack back in the pool");
	ER_IS(measure_ercd, E_OK);
	ctsk.tskatr = TA_HLNG;
	tap_int(acre_tsk(&ctsk), ATSK(1), "its ID is free again");
	ER_IS(del_tsk(ATSK(1)), E_OK);
}

static void test_semaphore(void)
{
	T_CSEM csem = { TA_TFIFO, 2, 3 };
	T_RSEM rsem;
	UINT n;

	tap_int(acre_sem(&csem), ASEM(1), "acre_sem: the first reserved ID");
	ER_IS(ref_sem(ASEM(1), &rsem), E_OK);
	tap_int(rsem.semcnt, 2, "a created semaphore: isemcnt");
	ER_IS(pol_sem(ASEM(1)), E_OK);
	ER_IS(pol_sem(ASEM(1)), E_OK);
	ER_IS(pol_sem(ASEM(1)), E_TMOUT);
	for (n = 0; n < 4 && sig_sem(ASEM(1)) == E_OK; n++)
		;
	tap_int(n, 3, "... counts up to maxsem");
	ER_IS(sig_sem(ASEM(1)), E_QOVR);
	for (n = 0; n < 4 && pol_sem(ASEM(1)) == E_OK; n++)
		;
	INT_IS(n, 3);

	/* A waiter gets a signal. */
	rec_reset();
	start(TASK2, OP_WAI_SEM, ASEM(1), TMO_FEVR);
	ER_IS(sig_sem(ASEM(1)), E_OK);
	tap_ercd(first_ercd(), E_OK, "a waiter on a created semaphore gets "
		 "sig_sem");

	released_by_delete(OP_WAI_SEM, ASEM(1), TTW_SEM, del_sem,
			   "del_sem releases its waiter with E_DLT");
	ER_IS(sig_sem(ASEM(1)), E_NOEXS);
	ER_IS(pol_sem(ASEM(1)), E_NOEXS);
	ER_IS(ref_sem(ASEM(1), &rsem), E_NOEXS);

	/* Timed waiters, and several: all released, no timeout later. */
	csem.sematr = TA_TPRI;
	csem.isemcnt = 0;
	ER_IS(cre_sem(ASEM(1), &csem), E_OK);
	rec_reset();
	start(TASK1, OP_WAI_SEM, ASEM(1), 100);
	start(TASK3, OP_WAI_SEM, ASEM(1), TMO_FEVR);
	start(TASK2, OP_WAI_SEM, ASEM(1), 100);
	ER_IS(ref_sem(ASEM(1), &rsem), E_OK);
	tap_int(rsem.wtskid, TASK3, "TA_TPRI: the highest waiter first");
	ER_IS(del_sem(ASEM(1)), E_OK);
	tap_int(nrec, 3, "del_sem released all three waiters");
	tap_ok(rec_all(E_DLT), "... with E_DLT");
	tap_int(rec_order(), 321, "... highest first");
	(void)dly_tsk(150);
	tap_int(nrec, 3, "... and their timeouts are gone");
	finish(TASK1);
	finish(TASK2);
	finish(TASK3);
}

/*
 * Deletion racing with a lower-priority waiter: a higher-priority task
 * deletes the semaphore while LOW_TASK waits; LOW_TASK gets E_DLT when it
 * runs, even when the ID was created afresh in between, and the new
 * semaphore keeps its count and has no waiter.
 */
static void test_race(void)
{
	T_CSEM csem = { TA_TFIFO, 0, 1 };
	T_RSEM rsem;

	ER_IS(cre_sem(ASEM(1), &csem), E_OK);
	rec_reset();
	start(LOW_TASK, OP_WAI_SEM, ASEM(1), TMO_FEVR);
	yield_to_lower();
	tap_ok(waits_on(LOW_TASK, TTW_SEM, ASEM(1)), "LOW_TASK waits on a "
	       "created semaphore");
	start(TASK3, OP_DEL_SEM, ASEM(1), 0);
	tap_ok(nrec == 1 && rec_who[0] == 3 && rec_ercd[0] == E_OK,
	       "a higher-priority task deletes it");
	tap_int(state_of(LOW_TASK), TTS_RDY, "LOW_TASK is released, not "
		"yet run");
	yield_to_lower();
	tap_ok(nrec == 2 && rec_who[1] == 4 && rec_ercd[1] == E_DLT,
	       "... and gets E_DLT when it runs");
	finish(LOW_TASK);
	ER_IS(cre_sem(ASEM(1), &csem_fresh), E_OK);
	ER_IS(ref_sem(ASEM(1), &rsem), E_OK);
	tap_ok(rsem.semcnt == 2 && rsem.wtskid == TSK_NONE, "re-created: "
	       "the new packet's count, no waiter");
	ER_IS(del_sem(ASEM(1)), E_OK);

	/* Deleted and re-created before the released waiter runs. */
	ER_IS(cre_sem(ASEM(1), &csem), E_OK);
	rec_reset();
	start(LOW_TASK, OP_WAI_SEM, ASEM(1), TMO_FEVR);
	yield_to_lower();
	tap_ok(waits_on(LOW_TASK, TTW_SEM, ASEM(1)), "LOW_TASK waits again");
	start(TASK3, OP_DEL_CRE_SEM, ASEM(1), 0);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == E_OK,
	       "a higher-priority task deletes it and creates it afresh");
	ER_IS(ref_sem(ASEM(1), &rsem), E_OK);
	tap_ok(rsem.semcnt == 2 && rsem.wtskid == TSK_NONE, "the new "
	       "semaphore: count 2, the old waiter not on it");
	yield_to_lower();
	tap_ok(nrec == 2 && rec_who[1] == 4 && rec_ercd[1] == E_DLT,
	       "the old waiter gets E_DLT, not the new semaphore's count");
	finish(LOW_TASK);
	ER_IS(ref_sem(ASEM(1), &rsem), E_OK);
	tap_int(rsem.semcnt, 2, "... which it left alone");
	ER_IS(pol_sem(ASEM(1)), E_OK);
	ER_IS(pol_sem(ASEM(1)), E_OK);
	ER_IS(pol_sem(ASEM(1)), E_TMOUT);
	/* And it works: a new waiter gets a signal. */
	rec_reset();
	start(LOW_TASK, OP_WAI_SEM, ASEM(1), TMO_FEVR);
	yield_to_lower();
	ER_IS(sig_sem(ASEM(1)), E_OK);
	yield_to_lower();
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK, "a new waiter on the "
	       "re-created semaphore gets sig_sem");
	finish(LOW_TASK);
	ER_IS(del_sem(ASEM(1)), E_OK);
}

static void test_eventflag(void)
{
	T_CFLG cflg = { TA_TFIFO | TA_WMUL, 0x03 };
	T_RFLG rflg;
	FLGPTN ptn = 0;

	tap_int(acre_flg(&cflg), AFLG(1), "acre_flg: the first reserved ID");
	ER_IS(pol_flg(AFLG(1), 0x01, TWF_ORW, &ptn), E_OK);
	tap_int(ptn, 0x03, "a created eventflag: iflgptn");
	ER_IS(set_flg(AFLG(1), 0x04), E_OK);
	ER_IS(ref_flg(AFLG(1), &rflg), E_OK);
	INT_IS(rflg.flgptn, 0x07);
	rec_reset();
	start(TASK2, OP_WAI_FLG, AFLG(1), TMO_FEVR);
	ER_IS(set_flg(AFLG(1), 0x10), E_OK);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == 0x17,
	       "a waiter on a created eventflag is released by set_flg");
	ER_IS(clr_flg(AFLG(1), 0), E_OK);
	released_by_delete(OP_WAI_FLG, AFLG(1), TTW_FLG, del_flg,
			   "del_flg releases its waiter with E_DLT");
	ER_IS(set_flg(AFLG(1), 1), E_NOEXS);
	ER_IS(ref_flg(AFLG(1), &rflg), E_NOEXS);
	/* Re-created: the new packet's pattern. */
	cflg.iflgptn = 0x40;
	ER_IS(cre_flg(AFLG(1), &cflg), E_OK);
	ER_IS(ref_flg(AFLG(1), &rflg), E_OK);
	tap_ok(rflg.flgptn == 0x40 && rflg.wtskid == TSK_NONE,
	       "re-created: the new pattern, no waiter");
	ER_IS(del_flg(AFLG(1)), E_OK);
}

static VP_INT	dtq_area[2];	/* TSZ_DTQ(2) */

static void test_dataqueue(void)
{
	T_CDTQ cdtq = { TA_TFIFO, 2, dtq_area };
	T_RDTQ rdtq;
	VP_INT data = 0;

	tap_int(acre_dtq(&cdtq), ADTQ(1), "acre_dtq: the first reserved ID");
	ER_IS(psnd_dtq(ADTQ(1), 11), E_OK);
	ER_IS(psnd_dtq(ADTQ(1), 22), E_OK);
	ER_IS(psnd_dtq(ADTQ(1), 33), E_TMOUT);
	ER_IS(fsnd_dtq(ADTQ(1), 44), E_OK);
	ER_IS(ref_dtq(ADTQ(1), &rdtq), E_OK);
	tap_int(rdtq.sdtqcnt, 2, "a created data queue holds dtqcnt data");
	ER_IS(prcv_dtq(ADTQ(1), &data), E_OK);
	tap_int(data, 22, "... in order (fsnd_dtq pushed out the oldest)");
	ER_IS(prcv_dtq(ADTQ(1), &data), E_OK);
	INT_IS(data, 44);
	ER_IS(prcv_dtq(ADTQ(1), &data), E_TMOUT);
	/* Passes data to a waiting receiver. */
	rec_reset();
	start(TASK2, OP_RCV_DTQ, ADTQ(1), TMO_FEVR);
	ER_IS(psnd_dtq(ADTQ(1), 55), E_OK);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == 55,
	       "a waiting receiver gets the datum");
	released_by_delete(OP_RCV_DTQ, ADTQ(1), TTW_RDTQ, del_dtq,
			   "del_dtq releases a receiver with E_DLT");
	ER_IS(psnd_dtq(ADTQ(1), 1), E_NOEXS);

	/* A sender, on a queue whose area comes from the kernel pool. */
	cdtq.dtq = NULL;
	ER_IS(cre_dtq(ADTQ(1), &cdtq), E_OK);
	ER_IS(psnd_dtq(ADTQ(1), 1), E_OK);
	ER_IS(psnd_dtq(ADTQ(1), 2), E_OK);
	released_by_delete(OP_SND_DTQ, ADTQ(1), TTW_SDTQ, del_dtq,
			   "del_dtq releases a sender with E_DLT");
	/* Re-created: empty. */
	ER_IS(cre_dtq(ADTQ(1), &cdtq), E_OK);
	ER_IS(ref_dtq(ADTQ(1), &rdtq), E_OK);
	tap_ok(rdtq.sdtqcnt == 0 && rdtq.stskid == TSK_NONE &&
	       rdtq.rtskid == TSK_NONE, "re-created: empty, no waiter");
	ER_IS(del_dtq(ADTQ(1)), E_OK);
}

static void test_pridataq(void)
{
	T_CPDQ cpdq = { TA_TFIFO, 3, 4, NULL };
	VP_INT data = 0;
	PRI pri = 0;

	tap_int(acre_pdq(&cpdq), APDQ(1), "acre_pdq: the first reserved ID");
	ER_IS(psnd_pdq(APDQ(1), 1, 3), E_OK);
	ER_IS(psnd_pdq(APDQ(1), 2, 1), E_OK);
	ER_IS(psnd_pdq(APDQ(1), 3, 2), E_OK);
	ER_IS(psnd_pdq(APDQ(1), 4, 2), E_TMOUT);
	tap_ercd(psnd_pdq(APDQ(1), 5, 5), E_PAR, "psnd_pdq above the "
		 "created queue's maxdpri: E_PAR");
	ER_IS(prcv_pdq(APDQ(1), &data, &pri), E_OK);
	tap_ok(data == 2 && pri == 1, "a created priority data queue: "
	       "highest priority first");
	ER_IS(prcv_pdq(APDQ(1), &data, &pri), E_OK);
	tap_ok(data == 3 && pri == 2, "... then the next");
	ER_IS(prcv_pdq(APDQ(1), &data, &pri), E_OK);
	INT_IS(data, 1);
	released_by_delete(OP_RCV_PDQ, APDQ(1), TTW_RPDQ, del_pdq,
			   "del_pdq releases a receiver with E_DLT");
	cpdq.pdqcnt = 0;
	ER_IS(cre_pdq(APDQ(1), &cpdq), E_OK);
	released_by_delete(OP_SND_PDQ, APDQ(1), TTW_SPDQ, del_pdq,
			   "del_pdq releases a sender with E_DLT");
	ER_IS(prcv_pdq(APDQ(1), &data, &pri), E_NOEXS);
}

static T_MSG_PRI	mbx_msg[3];

static void test_mailbox(void)
{
	T_CMBX cmbx = { TA_TFIFO | TA_MPRI, 4, NULL };
	T_MSG *msg = NULL;
	T_RMBX rmbx;

	tap_int(acre_mbx(&cmbx), AMBX(1), "acre_mbx: the first reserved ID");
	mbx_msg[0].msgpri = 3;
	mbx_msg[1].msgpri = 1;
	mbx_msg[2].msgpri = 5;
	ER_IS(snd_mbx(AMBX(1), &mbx_msg[0].msgque), E_OK);
	ER_IS(snd_mbx(AMBX(1), &mbx_msg[1].msgque), E_OK);
	tap_ercd(snd_mbx(AMBX(1), &mbx_msg[2].msgque), E_PAR, "snd_mbx "
		 "above the created mailbox's maxmpri: E_PAR");
	ER_IS(prcv_mbx(AMBX(1), &msg), E_OK);
	tap_ok(msg == &mbx_msg[1].msgque, "a created TA_MPRI mailbox: the "
	       "highest message first");
	ER_IS(prcv_mbx(AMBX(1), &msg), E_OK);
	tap_ok(msg == &mbx_msg[0].msgque, "... then the other");
	rec_reset();
	start(TASK2, OP_RCV_MBX, AMBX(1), TMO_FEVR);
	ER_IS(snd_mbx(AMBX(1), &mbx_msg[0].msgque), E_OK);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK &&
	       rec_val[0] == (VP_INT)&mbx_msg[0].msgque,
	       "a waiting receiver gets the message");
	released_by_delete(OP_RCV_MBX, AMBX(1), TTW_MBX, del_mbx,
			   "del_mbx releases its receiver with E_DLT");
	/* Deleted with a message in it; re-created empty. */
	ER_IS(cre_mbx(AMBX(1), &cmbx), E_OK);
	ER_IS(snd_mbx(AMBX(1), &mbx_msg[0].msgque), E_OK);
	ER_IS(del_mbx(AMBX(1)), E_OK);
	ER_IS(prcv_mbx(AMBX(1), &msg), E_NOEXS);
	ER_IS(cre_mbx(AMBX(1), &cmbx), E_OK);
	ER_IS(ref_mbx(AMBX(1), &rmbx), E_OK);
	tap_ok(rmbx.pk_msg == NULL && rmbx.wtskid == TSK_NONE,
	       "re-created: no message, no waiter");
	ER_IS(prcv_mbx(AMBX(1), &msg), E_TMOUT);
	ER_IS(del_mbx(AMBX(1)), E_OK);
}

static ID locker(ID mtxid)
{
	T_RMTX rmtx;

	return ref_mtx(mtxid, &rmtx) == E_OK ? rmtx.htskid : -1;
}

static void test_mutex(void)
{
	T_CMTX cmtx = { TA_TPRI, 1 };
	T_CMTX cinh = { TA_INHERIT, 1 };
	T_CMTX cceil = { TA_CEILING, HIGH_PRI - 1 };
	T_CMTX cceil2 = { TA_CEILING, HIGH_PRI + 1 };
	T_RMTX rmtx;

	tap_int(acre_mtx(&cmtx), AMTX(1), "acre_mtx: the first reserved ID");
	ER_IS(loc_mtx(AMTX(1)), E_OK);
	tap_int(locker(AMTX(1)), MAIN_TASK, "a created mutex locks");
	ER_IS(ploc_mtx(AMTX(1)), E_ILUSE);
	ER_IS(unl_mtx(AMTX(1)), E_OK);
	tap_ercd(del_mtx(AMTX(1)), E_OK, "del_mtx of an unlocked mutex");
	ER_IS(loc_mtx(AMTX(1)), E_NOEXS);

	/* We lock a TA_INHERIT mutex that TASK2 waits for. */
	ER_IS(cre_mtx(AMTX(1), &cinh), E_OK);
	ER_IS(loc_mtx(AMTX(1)), E_OK);
	rec_reset();
	start(TASK2, OP_LOC_MTX, AMTX(1), TMO_FEVR);
	tap_ok(waits_on(TASK2, TTW_MTX, AMTX(1)), "TASK2 waits on a created "
	       "TA_INHERIT mutex we lock");
	tap_int(pri_of(TSK_SELF), HIGH_PRI, "... we inherit its priority");
	ER_IS(del_mtx(AMTX(1)), E_OK);
	tap_ercd(first_ercd(), E_DLT, "del_mtx releases its waiter with "
		 "E_DLT");
	tap_int(pri_of(TSK_SELF), MID_PRI, "... and the locker (us) is back "
		"at its base priority");
	tap_ercd(unl_mtx(AMTX(1)), E_NOEXS, "unl_mtx of the deleted mutex: "
		 "E_NOEXS");
	finish(TASK2);

	/* Another task holds a TA_CEILING mutex when it is deleted. */
	ER_IS(cre_mtx(AMTX(1), &cceil), E_OK);
	rec_reset();
	start(TASK1, OP_HOLD_MTX, AMTX(1), TMO_FEVR);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && locker(AMTX(1)) == TASK1,
	       "TASK1 locks a created TA_CEILING mutex");
	tap_int(pri_of(TASK1), HIGH_PRI - 1, "... and runs at its ceiling");
	ER_IS(del_mtx(AMTX(1)), E_OK);
	tap_int(pri_of(TASK1), HIGH_PRI + 1, "del_mtx: the locker is back at "
		"its base priority");
	ER_IS(wup_tsk(TASK1), E_OK);
	tap_ok(nrec == 2 && rec_val[1] == 1 && rec_ercd[1] == E_NOEXS,
	       "... and its unl_mtx is E_NOEXS");
	finish(TASK1);

	/* A TA_INHERIT mutex held by a lower task that a higher one waits
	 * for: the waiter gets E_DLT, the locker its base priority. */
	ER_IS(cre_mtx(AMTX(1), &cinh), E_OK);
	rec_reset();
	start(LOW_TASK, OP_HOLD_MTX, AMTX(1), TMO_FEVR);
	yield_to_lower();
	tap_int(locker(AMTX(1)), LOW_TASK, "LOW_TASK locks a created "
		"TA_INHERIT mutex");
	rec_reset();
	start(TASK2, OP_LOC_MTX, AMTX(1), TMO_FEVR);
	tap_int(pri_of(LOW_TASK), HIGH_PRI, "... inherits its waiter's "
		"priority");
	ER_IS(del_mtx(AMTX(1)), E_OK);
	tap_ok(nrec == 1 && rec_who[0] == 2 && rec_ercd[0] == E_DLT,
	       "del_mtx: the waiter gets E_DLT");
	tap_int(pri_of(LOW_TASK), LOW_PRI, "... the locker its base "
		"priority");
	ER_IS(wup_tsk(LOW_TASK), E_OK);
	yield_to_lower();
	tap_ok(nrec == 2 && rec_who[1] == 4 && rec_ercd[1] == E_NOEXS,
	       "... and the locker's unl_mtx is E_NOEXS");
	finish(LOW_TASK);
	finish(TASK2);

	/* Of two mutexes locked, one deleted: the other's ceiling holds. */
	ER_IS(cre_mtx(AMTX(1), &cceil), E_OK);
	ER_IS(cre_mtx(AMTX(2), &cceil2), E_OK);
	ER_IS(loc_mtx(AMTX(1)), E_OK);
	ER_IS(loc_mtx(AMTX(2)), E_OK);
	tap_int(pri_of(TSK_SELF), HIGH_PRI - 1, "two ceiling mutexes: the "
		"higher ceiling");
	ER_IS(del_mtx(AMTX(1)), E_OK);
	tap_int(pri_of(TSK_SELF), HIGH_PRI + 1, "one deleted: the other's "
		"ceiling");
	ER_IS(unl_mtx(AMTX(2)), E_OK);
	tap_int(pri_of(TSK_SELF), MID_PRI, "... unlocked: the base priority");
	ER_IS(del_mtx(AMTX(2)), E_OK);

	/*
	 * A locker of a deleted mutex does not own the one created afresh
	 * on its ID, and does not unlock it when it ends.
	 */
	ER_IS(cre_mtx(AMTX(1), &cmtx), E_OK);
	rec_reset();
	start(TASK1, OP_HOLD_MTX, AMTX(1), TMO_FEVR);
	tap_int(locker(AMTX(1)), TASK1, "TASK1 locks a created mutex");
	ER_IS(del_mtx(AMTX(1)), E_OK);
	ER_IS(cre_mtx(AMTX(1), &cmtx), E_OK);
	ER_IS(ref_mtx(AMTX(1), &rmtx), E_OK);
	tap_ok(rmtx.htskid == TSK_NONE && rmtx.wtskid == TSK_NONE,
	       "deleted and re-created: unlocked");
	ER_IS(loc_mtx(AMTX(1)), E_OK);
	ER_IS(wup_tsk(TASK1), E_OK);
	tap_ok(nrec == 2 && rec_ercd[1] == E_ILUSE, "the old locker's "
	       "unl_mtx of the new mutex: E_ILUSE");
	tap_int(state_of(TASK1), TTS_DMT, "... it has ended");
	tap_int(locker(AMTX(1)), MAIN_TASK, "... and the new mutex is still "
		"ours");
	ER_IS(unl_mtx(AMTX(1)), E_OK);
	ER_IS(del_mtx(AMTX(1)), E_OK);
	finish(TASK1);
}

static char	mbf_area[TSZ_MBF(2, 8)] __attribute__((aligned(16)));

static void test_messagebuf(void)
{
	T_CMBF cmbf = { TA_TFIFO, 8, TSZ_MBF(2, 8), NULL };
	T_RMBF rmbf;
	char msg[16], buf[16];

	fill(msg, sizeof(msg), 'a');
	fill(buf, sizeof(buf), 0);
	tap_int(acre_mbf(&cmbf), AMBF(1), "acre_mbf: the first reserved ID");
	ER_IS(psnd_mbf(AMBF(1), msg, 5), E_OK);
	ER_IS(psnd_mbf(AMBF(1), msg, 8), E_OK);
	tap_ercd(psnd_mbf(AMBF(1), msg, 9), E_PAR, "psnd_mbf longer than "
		 "the created buffer's maxmsz: E_PAR");
	ER_IS(ref_mbf(AMBF(1), &rmbf), E_OK);
	INT_IS(rmbf.smsgcnt, 2);
	tap_int(prcv_mbf(AMBF(1), buf), 5, "a created message buffer passes "
		"messages");
	tap_ok(bytes_are(buf, 5, 'a'), "... intact");
	tap_int(prcv_mbf(AMBF(1), buf), 8, "... in order");
	ER_IS(prcv_mbf(AMBF(1), buf), E_TMOUT);
	rec_reset();
	start(TASK2, OP_RCV_MBF, AMBF(1), TMO_FEVR);
	ER_IS(psnd_mbf(AMBF(1), msg, 3), E_OK);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == 3,
	       "a waiting receiver gets the message");
	released_by_delete(OP_RCV_MBF, AMBF(1), TTW_RMBF, del_mbf,
			   "del_mbf releases a receiver with E_DLT");
	ER_IS(psnd_mbf(AMBF(1), msg, 3), E_NOEXS);

	/* A sender, on a buffer in the packet's area, then one of size 0. */
	cmbf.mbf = mbf_area;
	ER_IS(cre_mbf(AMBF(1), &cmbf), E_OK);
	ER_IS(psnd_mbf(AMBF(1), msg, 8), E_OK);
	ER_IS(psnd_mbf(AMBF(1), msg, 8), E_OK);
	released_by_delete(OP_SND_MBF, AMBF(1), TTW_SMBF, del_mbf,
			   "del_mbf releases a sender with E_DLT");
	cmbf.mbfsz = 0;
	cmbf.mbf = NULL;
	ER_IS(cre_mbf(AMBF(1), &cmbf), E_OK);
	released_by_delete(OP_SND_MBF, AMBF(1), TTW_SMBF, del_mbf,
			   "del_mbf of a zero-size buffer releases its sender");
	/* Re-created: empty. */
	cmbf.mbfsz = TSZ_MBF(2, 8);
	ER_IS(cre_mbf(AMBF(1), &cmbf), E_OK);
	ER_IS(ref_mbf(AMBF(1), &rmbf), E_OK);
	tap_ok(rmbf.smsgcnt == 0 && rmbf.stskid == TSK_NONE &&
	       rmbf.rtskid == TSK_NONE, "re-created: empty, no waiter");
	ER_IS(del_mbf(AMBF(1)), E_OK);
}

static void test_rendezvous(void)
{
	T_CPOR cpor = { TA_TFIFO, 8, 8 };
	T_RRDV rrdv;
	T_RPOR rpor;
	RDVNO rdvno = 0;
	char buf[16];
	ER_UINT e;

	fill(buf, sizeof(buf), 0);
	tap_int(acre_por(&cpor), APOR(1), "acre_por: the first reserved ID");
	/* A call to a waiting acceptor, which replies. */
	rec_reset();
	start(TASK2, OP_ACP_RPL, APOR(1), TMO_FEVR);
	buf[0] = 'x';
	e = cal_por(APOR(1), 1, buf, 2);
	tap_int(e, 3, "a created port: the call is accepted and answered");
	tap_ok(buf[0] == 'o' && buf[1] == 'k', "... with the reply");
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == 2 &&
	       got_msg[0] == 'x', "... the acceptor got the call message");
	tap_ercd(cal_por(APOR(1), 1, buf, 9), E_PAR, "cal_por longer than "
		 "the created port's maxcmsz: E_PAR");

	released_by_delete(OP_CAL_POR, APOR(1), TTW_CAL, del_por,
			   "del_por releases a caller with E_DLT");
	ER_IS(cre_por(APOR(1), &cpor), E_OK);
	released_by_delete(OP_ACP_POR, APOR(1), TTW_ACP, del_por,
			   "del_por releases an acceptor with E_DLT");

	/* An established rendezvous outlives its port. */
	ER_IS(cre_por(APOR(1), &cpor), E_OK);
	rec_reset();
	start(TASK2, OP_CAL_POR, APOR(1), TMO_FEVR);
	e = pacp_por(APOR(1), 1, &rdvno, buf);
	tap_int(e, 3, "we accept TASK2's call");
	ER_IS(del_por(APOR(1)), E_OK);
	ER_IS(ref_por(APOR(1), &rpor), E_NOEXS);
	tap_int(nrec, 0, "del_por: the caller in the rendezvous still waits");
	rrdv.wtskid = -1;
	ER_IS(ref_rdv(rdvno, &rrdv), E_OK);
	tap_int(rrdv.wtskid, TASK2, "... for the rendezvous's end");
	tap_ercd(rpl_rdv(rdvno, reply, 3), E_OK, "rpl_rdv after the port "
		 "is gone: E_OK");
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == 3 &&
	       got_msg[0] == 'o', "... the caller gets the reply");
	finish(TASK2);
}

static UB	mpf_area[TSZ_MPF(2, 24)] __attribute__((aligned(16)));

static void test_mempfix(void)
{
	T_CMPF cmpf = { TA_TFIFO, 2, 24, NULL };
	T_RMPF rmpf;
	VP b1 = NULL, b2 = NULL, b3 = NULL;

	tap_int(acre_mpf(&cmpf), AMPF(1), "acre_mpf: the first reserved ID");
	ER_IS(pget_mpf(AMPF(1), &b1), E_OK);
	ER_IS(pget_mpf(AMPF(1), &b2), E_OK);
	tap_ok(b1 != NULL && b2 != NULL && b1 != b2, "a created pool gives "
	       "blkcnt blocks");
	ER_IS(pget_mpf(AMPF(1), &b3), E_TMOUT);
	ER_IS(ref_mpf(AMPF(1), &rmpf), E_OK);
	INT_IS(rmpf.fblkcnt, 0);
	rec_reset();
	start(TASK2, OP_GET_MPF, AMPF(1), TMO_FEVR);
	ER_IS(rel_mpf(AMPF(1), b1), E_OK);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == (VP_INT)b1,
	       "a waiter gets the block released");
	released_by_delete(OP_GET_MPF, AMPF(1), TTW_MPF, del_mpf,
			   "del_mpf releases its waiter with E_DLT");
	ER_IS(rel_mpf(AMPF(1), b2), E_NOEXS);

	/* In the packet's area. */
	cmpf.mpf = mpf_area;
	ER_IS(cre_mpf(AMPF(1), &cmpf), E_OK);
	ER_IS(pget_mpf(AMPF(1), &b1), E_OK);
	ER_IS(pget_mpf(AMPF(1), &b2), E_OK);
	tap_ok(in_area(b1, mpf_area, sizeof(mpf_area)) &&
	       in_area(b2, mpf_area, sizeof(mpf_area)),
	       "a pool in the packet's area: its blocks are there");
	ER_IS(del_mpf(AMPF(1)), E_OK);
	/* Re-created: all blocks free. */
	ER_IS(cre_mpf(AMPF(1), &cmpf), E_OK);
	ER_IS(ref_mpf(AMPF(1), &rmpf), E_OK);
	tap_int(rmpf.fblkcnt, 2, "re-created: every block free");
	ER_IS(del_mpf(AMPF(1)), E_OK);
}

static UB	mpl_area[TSZ_MPL(2, 32)] __attribute__((aligned(16)));

static void test_mempvar(void)
{
	T_CMPL cmpl = { TA_TFIFO, TSZ_MPL(2, 32), NULL };
	T_RMPL rmpl;
	VP b1 = NULL, b2 = NULL, b3 = NULL;

	tap_int(acre_mpl(&cmpl), AMPL(1), "acre_mpl: the first reserved ID");
	ER_IS(pget_mpl(AMPL(1), 32, &b1), E_OK);
	ER_IS(pget_mpl(AMPL(1), 32, &b2), E_OK);
	tap_ok(b1 != NULL && b2 != NULL && b1 != b2, "a created pool gives "
	       "blocks");
	ER_IS(pget_mpl(AMPL(1), 32, &b3), E_TMOUT);
	rec_reset();
	op_len = 32;
	start(TASK2, OP_GET_MPL, AMPL(1), TMO_FEVR);
	ER_IS(rel_mpl(AMPL(1), b1), E_OK);
	tap_ok(nrec == 1 && rec_ercd[0] == E_OK && rec_val[0] == (VP_INT)b1,
	       "a waiter gets the block released");
	released_by_delete(OP_GET_MPL, AMPL(1), TTW_MPL, del_mpl,
			   "del_mpl releases its waiter with E_DLT");
	ER_IS(rel_mpl(AMPL(1), b2), E_NOEXS);

	cmpl.mpl = mpl_area;
	ER_IS(cre_mpl(AMPL(1), &cmpl), E_OK);
	ER_IS(pget_mpl(AMPL(1), 32, &b1), E_OK);
	tap_ok(in_area(b1, mpl_area, sizeof(mpl_area)), "a pool in the "
	       "packet's area: its blocks are there");
	ER_IS(del_mpl(AMPL(1)), E_OK);
	ER_IS(cre_mpl(AMPL(1), &cmpl), E_OK);
	ER_IS(ref_mpl(AMPL(1), &rmpl), E_OK);
	tap_ok(rmpl.wtskid == TSK_NONE && rmpl.fblksz >= 32,
	       "re-created: free again");
	ER_IS(del_mpl(AMPL(1)), E_OK);
}

static void test_cyclic(void)
{
	T_CCYC ccyc = { TA_HLNG | TA_STA, 1, (FP)cyclic_handler, 10, 0 };
	T_RCYC rcyc;
	UINT n;

	cur_cyc = ACYC(1);
	tap_int(acre_cyc(&ccyc), ACYC(1), "acre_cyc: the first reserved ID");
	ER_IS(ref_cyc(ACYC(1), &rcyc), E_OK);
	tap_int(rcyc.cycstat, TCYC_STA, "created with TA_STA: started");
	(void)dly_tsk(55);
	n = cyc_count[1];
	tap_ok(n >= 2, "... and it runs every cyctim");
	tap_ok(cctx_done, "... its first activation checked its context");
	tap_ercd(cctx[0], E_CTX, "cre_sem in a cyclic handler: E_CTX");
	tap_ercd(cctx[1], E_CTX, "acre_sem in a cyclic handler: E_CTX");
	tap_ercd(cctx[2], E_CTX, "del_sem in a cyclic handler: E_CTX");
	tap_ercd(cctx[3], E_CTX, "acre_tsk in a cyclic handler: E_CTX");
	tap_ercd(cctx[4], E_CTX, "del_cyc of itself in its handler: E_CTX");
	ER_IS(del_cyc(ACYC(1)), E_OK);
	n = cyc_count[1];
	(void)dly_tsk(40);
	tap_int(cyc_count[1], n, "del_cyc of a started handler: no more "
		"activations");
	ER_IS(sta_cyc(ACYC(1)), E_NOEXS);
	ER_IS(ref_cyc(ACYC(1), &rcyc), E_NOEXS);

	/* Without TA_STA: stopped until sta_cyc. */
	ccyc.cycatr = TA_HLNG;
	ccyc.exinf = 3;
	ER_IS(cre_cyc(ACYC(1), &ccyc), E_OK);
	ER_IS(ref_cyc(ACYC(1), &rcyc), E_OK);
	tap_int(rcyc.cycstat, TCYC_STP, "created without TA_STA: stopped");
	(void)dly_tsk(30);
	tap_int(cyc_count[3], 0, "... and does not run");
	ER_IS(sta_cyc(ACYC(1)), E_OK);
	(void)dly_tsk(35);
	tap_ok(cyc_count[3] >= 1, "sta_cyc: it runs");
	ER_IS(stp_cyc(ACYC(1)), E_OK);
	ER_IS(del_cyc(ACYC(1)), E_OK);
	tap_int(cyc_count[1] + cyc_count[0], n, "the deleted handler's "
		"exinf 1 never ran again, the static one never ran");
	tap_ok(!bad_exinf, "every handler got its own exinf");
}

static void test_alarm(void)
{
	T_CALM calm = { TA_HLNG, 1, (FP)alarm_handler };
	T_RALM ralm;

	cur_alm = AALM(1);
	tap_int(acre_alm(&calm), AALM(1), "acre_alm: the first reserved ID");
	ER_IS(ref_alm(AALM(1), &ralm), E_OK);
	tap_int(ralm.almstat, TALM_STP, "a created alarm handler: stopped");
	ER_IS(sta_alm(AALM(1), 30), E_OK);
	ER_IS(ref_alm(AALM(1), &ralm), E_OK);
	tap_int(ralm.almstat, TALM_STA, "sta_alm starts it");
	(void)dly_tsk(100);
	tap_int(alm_count[1], 1, "... it ran once, with its exinf");
	tap_ok(actx_done, "... and checked its context");
	tap_ercd(actx[0], E_CTX, "cre_alm in an alarm handler: E_CTX");
	tap_ercd(actx[1], E_CTX, "acre_mtx in an alarm handler: E_CTX");
	tap_ercd(actx[2], E_CTX, "del_alm of itself in its handler: E_CTX");
	tap_ercd(actx[3], E_CTX, "cre_dtq in an alarm handler: E_CTX");
	tap_ercd(actx[4], E_NOEXS, "ista_alm of a free reserved ID: E_NOEXS");
	tap_ercd(actx[5], E_NOEXS, "istp_alm of a free reserved ID: E_NOEXS");
	ER_IS(del_alm(AALM(1)), E_OK);

	/* Deleted while started: it never runs. */
	calm.exinf = 2;
	ER_IS(cre_alm(AALM(1), &calm), E_OK);
	ER_IS(sta_alm(AALM(1), 50), E_OK);
	ER_IS(del_alm(AALM(1)), E_OK);
	(void)dly_tsk(100);
	tap_int(alm_count[2], 0, "del_alm of a started alarm: it never runs");
	ER_IS(sta_alm(AALM(1), 10), E_NOEXS);
	ER_IS(ref_alm(AALM(1), &ralm), E_NOEXS);
	tap_int(alm_count[0] + alm_count[1], 1, "the other handlers did not "
		"run again");
}

/*
 * The largest data queue the kernel pool can give now, in entries: a
 * measure of its largest free block.  0 and an error noted when
 * cre_dtq fails with other than E_NOMEM.
 */
static UINT pool_largest(void)
{
	T_CDTQ cdtq = { TA_TFIFO, 0, NULL };
	UINT lo = 0, hi = MPK_SIZE / sizeof(VP_INT) + 1;
	ER e;

	while (hi - lo > 1U) {
		cdtq.dtqcnt = lo + (hi - lo) / 2;
		e = cre_dtq(LAST_DTQ, &cdtq);
		if (e == E_OK) {
			(void)del_dtq(LAST_DTQ);
			lo = cdtq.dtqcnt;
		} else {
			if (e != E_NOMEM && measure_ercd == E_OK)
				measure_ercd = e;
			hi = cdtq.dtqcnt;
		}
	}
	return lo;
}

static UB	mem_stk[STK] __attribute__((aligned(16)));
static VP_INT	mem_dtq[8];
static char	mem_mbf[TSZ_MBF(2, 16)];

#define LOOPS	50

static void test_memory(void)
{
	T_CTSK ctsk = ctsk_ok;
	T_CDTQ cdtq = { TA_TFIFO, 1U << 28, NULL };
	T_CPDQ cpdq = { TA_TFIFO, MPK_SIZE, 4, NULL };
	T_CMBF cmbf = { TA_TFIFO, 16, MPK_SIZE + 16, NULL };
	T_CMPF cmpf = { TA_TFIFO, MPK_SIZE / 16 + 1, 16, NULL };
	T_CMPL cmpl = { TA_TFIFO, MPK_SIZE + 16, NULL };
	T_RDTQ rdtq;
	T_RTSK rtsk;
	UINT whole, big, now_, i, done;
	ER e, bad = E_OK;
	VP_INT data;
	char msg[16];

	measure_ercd = E_OK;
	whole = pool_largest();
	tap_ok(whole > 0U && whole * sizeof(VP_INT) < MPK_SIZE,
	       "the kernel pool gives a data queue area of at most its size");
	ER_IS(measure_ercd, E_OK);

	/* More than the pool holds: E_NOMEM, and no object. */
	tap_ercd(acre_dtq(&cdtq), E_NOMEM, "acre_dtq of a huge dtqcnt, dtq "
		 "NULL: E_NOMEM");
	tap_ercd(cre_dtq(ADTQ(1), &cdtq), E_NOMEM, "cre_dtq of a huge "
		 "dtqcnt: E_NOMEM");
	cdtq.dtqcnt = MPK_SIZE / sizeof(VP_INT);
	tap_ercd(cre_dtq(ADTQ(1), &cdtq), E_NOMEM, "cre_dtq of a dtqcnt just "
		 "beyond the pool: E_NOMEM");
	tap_ercd(ref_dtq(ADTQ(1), &rdtq), E_NOEXS, "... the ID stays free");
	ctsk.stksz = MPK_SIZE + 16;
	tap_ercd(cre_tsk(ATSK(1), &ctsk), E_NOMEM, "cre_tsk of a stack "
		 "beyond the pool: E_NOMEM");
	tap_ercd(ref_tsk(ATSK(1), &rtsk), E_NOEXS, "... the ID stays free");
	tap_ercd(acre_pdq(&cpdq), E_NOMEM, "acre_pdq beyond the pool: "
		 "E_NOMEM");
	tap_ercd(acre_mbf(&cmbf), E_NOMEM, "acre_mbf beyond the pool: "
		 "E_NOMEM");
	tap_ercd(acre_mpf(&cmpf), E_NOMEM, "acre_mpf beyond the pool: "
		 "E_NOMEM");
	tap_ercd(acre_mpl(&cmpl), E_NOMEM, "acre_mpl beyond the pool: "
		 "E_NOMEM");
	tap_int(pool_largest(), whole, "the failures took nothing from the "
		"pool");

	/* A task's stack: from the pool when stk is NULL, else not. */
	ctsk = ctsk_ok;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	now_ = pool_largest();
	tap_ok(now_ + STK / sizeof(VP_INT) <= whole, "cre_tsk(stk NULL) "
	       "takes the stack from the pool");
	ER_IS(del_tsk(ATSK(1)), E_OK);
	tap_int(pool_largest(), whole, "del_tsk gives it back");
	ctsk.stk = mem_stk;
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	tap_int(pool_largest(), whole, "cre_tsk with a stack in the packet "
		"takes nothing from the pool");
	ER_IS(del_tsk(ATSK(1)), E_OK);

	/* The pool used up: only what needs no pool memory is created. */
	cdtq.dtqcnt = whole;
	ER_IS(cre_dtq(ADTQ(1), &cdtq), E_OK);
	big = pool_largest();
	tap_ok(big < 8U, "a data queue of the largest size empties the pool");
	cdtq.dtqcnt = 8;
	tap_ercd(acre_dtq(&cdtq), E_NOMEM, "then acre_dtq(dtq NULL): "
		 "E_NOMEM");
	cdtq.dtq = mem_dtq;
	tap_int(acre_dtq(&cdtq), ADTQ(2), "... acre_dtq with its area: "
		"created");
	ER_IS(del_dtq(ADTQ(2)), E_OK);
	ctsk.stk = NULL;
	tap_ercd(acre_tsk(&ctsk), E_NOMEM, "... acre_tsk(stk NULL): E_NOMEM");
	ctsk.stk = mem_stk;
	tap_int(acre_tsk(&ctsk), ATSK(1), "... acre_tsk with its stack: "
		"created");
	ER_IS(del_tsk(ATSK(1)), E_OK);
	cmbf.mbfsz = TSZ_MBF(2, 16);
	tap_ercd(acre_mbf(&cmbf), E_NOMEM, "... acre_mbf(mbf NULL): E_NOMEM");
	cmbf.mbf = mem_mbf;
	tap_int(acre_mbf(&cmbf), AMBF(1), "... acre_mbf with its area: "
		"created");
	ER_IS(del_mbf(AMBF(1)), E_OK);
	cmbf.mbfsz = 0;
	cmbf.mbf = NULL;
	tap_int(acre_mbf(&cmbf), AMBF(1), "... acre_mbf of size 0: created");
	ER_IS(del_mbf(AMBF(1)), E_OK);
	ER_IS(del_dtq(ADTQ(1)), E_OK);
	tap_int(pool_largest(), whole, "del_dtq gives the whole pool back");

	/*
	 * Create and delete, LOOPS times: a task (stack from the pool) that
	 * runs, a data queue and a message buffer (areas from the pool).
	 */
	ctsk = ctsk_ok;
	ctsk.tskatr = TA_HLNG | TA_ACT;
	dyn_mode = DYN_RETURN;
	dyn_runs = 0;
	cdtq.dtqcnt = 8;
	cdtq.dtq = NULL;
	cmbf.mbfsz = TSZ_MBF(2, 16);
	cmbf.mbf = NULL;
	fill(msg, sizeof(msg), 'L');
	for (done = 0; done < LOOPS && bad == E_OK; done++) {
		if ((e = acre_tsk(&ctsk)) != ATSK(1))
			bad = e < 0 ? e : E_SYS;
		else if ((e = acre_dtq(&cdtq)) != ADTQ(1))
			bad = e < 0 ? e : E_SYS;
		else if ((e = acre_mbf(&cmbf)) != AMBF(1))
			bad = e < 0 ? e : E_SYS;
		else if ((e = psnd_dtq(ADTQ(1), done)) != E_OK ||
			 (e = prcv_dtq(ADTQ(1), &data)) != E_OK ||
			 data != (VP_INT)done)
			bad = e < 0 ? e : E_SYS;
		else if ((e = psnd_mbf(AMBF(1), msg, 16)) != E_OK ||
			 (e = prcv_mbf(AMBF(1), msg)) != 16)
			bad = e < 0 ? e : E_SYS;
		else if ((e = del_tsk(ATSK(1))) != E_OK ||
			 (e = del_dtq(ADTQ(1))) != E_OK ||
			 (e = del_mbf(AMBF(1))) != E_OK)
			bad = e;
	}
	if (bad != E_OK) {
		syslog(LOG_EMERG, "# round %u failed", done);
		(void)del_tsk(ATSK(1));
		(void)del_dtq(ADTQ(1));
		(void)del_mbf(AMBF(1));
	}
	tap_ercd(bad, E_OK, "create, use and delete a task, a data queue "
		 "and a message buffer from the pool, 50 times");
	tap_int(done, LOOPS, "... every round");
	tap_int(dyn_runs, LOOPS, "... the task ran in every round");
	tap_int(pool_largest(), whole, "... and the pool is whole again");
	for (i = 0; i < LOOPS && bad == E_OK; i++) {
		if ((e = acre_mpf(&cmpf_ok)) != AMPF(1) ||
		    (e = acre_mpl(&cmpl_ok)) != AMPL(1) ||
		    (e = acre_pdq(&cpdq_ok)) != APDQ(1))
			bad = e < 0 ? e : E_SYS;
		else if ((e = del_mpf(AMPF(1))) != E_OK ||
			 (e = del_mpl(AMPL(1))) != E_OK ||
			 (e = del_pdq(APDQ(1))) != E_OK)
			bad = e;
	}
	if (bad != E_OK) {
		(void)del_mpf(AMPF(1));
		(void)del_mpl(AMPL(1));
		(void)del_pdq(APDQ(1));
	}
	tap_ercd(bad, E_OK, "the same with fixed and variable pools and a "
		 "priority data queue");
	tap_int(pool_largest(), whole, "... the pool is whole again");
	ER_IS(measure_ercd, E_OK);
}

/*
 * Deletion racing with service calls: LOW_TASK calls on a semaphore, a
 * message buffer and a rendezvous port without pause while a cyclic
 * handler wakes TASK3 every other tick to delete them, or to create them
 * afresh (with a maxmsz and maxcmsz of 8 or 4).  LOW_TASK can be
 * preempted inside any call; each must still end with a code the
 * object's states allow, and no message may be longer than the buffer
 * it is in.
 */
#define SSEM		ASEM(1)
#define SMBF		AMBF(1)
#define SPOR		APOR(1)

static volatile BOOL	stress_stop;
static volatile UINT	stress_calls, stress_noexs, stress_ok, stress_bad;
static volatile INT	stress_where;
static volatile ER	stress_ercd;
static volatile UINT	churns, churn_bad;
static volatile UINT	cur_maxmsz;

static void stress_check(BOOL good, INT where, ER e)
{
	if (e == E_NOEXS)
		stress_noexs++;
	else if (e >= 0)
		stress_ok++;
	if (!good && stress_bad++ == 0U) {
		stress_where = where;
		stress_ercd = e;
	}
}

static void stress(void)
{
	T_RSEM rsem;
	T_RMBF rmbf;
	RDVNO rdvno;
	char msg[8], buf[16];
	ER_UINT e;

	fill(msg, sizeof(msg), 'S');
	while (!stress_stop) {
		e = sig_sem(SSEM);
		stress_check(e == E_OK || e == E_QOVR || e == E_NOEXS, 1, e);
		e = pol_sem(SSEM);
		stress_check(e == E_OK || e == E_TMOUT || e == E_NOEXS, 2, e);
		e = ref_sem(SSEM, &rsem);
		stress_check(e == E_NOEXS || (e == E_OK && rsem.semcnt <= 1U),
			     3, e);
		/* Now and then a wait (for a tick) that deletion may end. */
		if ((stress_calls & 0xffffU) == 0U) {
			e = twai_sem(SSEM, 1);
			stress_check(e == E_OK || e == E_TMOUT || e == E_DLT ||
				     e == E_NOEXS, 4, e);
		}
		e = psnd_mbf(SMBF, msg, 8);
		stress_check(e == E_OK || e == E_TMOUT || e == E_NOEXS ||
			     e == E_PAR, 5, e);
		e = psnd_mbf(SMBF, msg, 4);
		stress_check(e == E_OK || e == E_TMOUT || e == E_NOEXS, 6, e);
		fill(buf, sizeof(buf), 0);
		e = prcv_mbf(SMBF, buf);
		stress_check(e == E_TMOUT || e == E_NOEXS ||
			     ((e == 4 || e == 8) && bytes_are(buf, e, 'S') &&
			      buf[e] == 0), 7, e);
		e = ref_mbf(SMBF, &rmbf);
		stress_check(e == E_OK || e == E_NOEXS, 8, e);
		e = tcal_por(SPOR, 1, msg, 8, TMO_POL);
		stress_check(e == E_TMOUT || e == E_NOEXS || e == E_PAR, 9, e);
		e = tcal_por(SPOR, 1, msg, 4, TMO_POL);
		stress_check(e == E_TMOUT || e == E_NOEXS, 10, e);
		e = pacp_por(SPOR, 1, &rdvno, buf);
		stress_check(e == E_TMOUT || e == E_NOEXS, 11, e);
		stress_calls++;
	}
}

static void churn(void)
{
	T_CMBF cmbf = { TA_TFIFO, 8, TSZ_MBF(2, 8), NULL };
	T_CPOR cpor = { TA_TFIFO, 8, 8 };
	char buf[16];
	ER_UINT len;
	UINT n;

	for (;;) {
		(void)slp_tsk();
		if (stress_stop)
			break;
		n = churns++;
		if (n % 2U == 0U) {
			if (del_sem(SSEM) != E_OK)
				churn_bad++;
			while ((len = prcv_mbf(SMBF, buf)) > 0)
				if ((UINT)len > cur_maxmsz)
					churn_bad++;
			if (del_mbf(SMBF) != E_OK)
				churn_bad++;
			if (del_por(SPOR) != E_OK)
				churn_bad++;
		} else {
			if (cre_sem(SSEM, &csem_ok) != E_OK)
				churn_bad++;
			cur_maxmsz = (n / 2U) % 2U == 0U ? 4U : 8U;
			cmbf.maxmsz = cur_maxmsz;
			if (cre_mbf(SMBF, &cmbf) != E_OK)
				churn_bad++;
			cpor.maxcmsz = cur_maxmsz;
			if (cre_por(SPOR, &cpor) != E_OK)
				churn_bad++;
		}
	}
}

static void test_stress(void)
{
	T_CCYC ccyc = { TA_HLNG | TA_STA, 2, (FP)cyclic_handler, 2, 0 };
	T_CMBF cmbf = { TA_TFIFO, 8, TSZ_MBF(2, 8), NULL };
	T_RSEM rsem;
	T_RMBF rmbf;
	T_RPOR rpor;
	ID cycid;
	ER e1, e2, e3;

	stress_stop = FALSE;
	churns = 0;
	cur_maxmsz = 8;
	ER_IS(cre_sem(SSEM, &csem_ok), E_OK);
	ER_IS(cre_mbf(SMBF, &cmbf), E_OK);
	ER_IS(cre_por(SPOR, &cpor_ok), E_OK);
	/* TASK3 first: it reads op at once, LOW_TASK when it runs. */
	start(TASK3, OP_CHURN, 0, 0);
	start(LOW_TASK, OP_STRESS, 0, 0);
	cycid = acre_cyc(&ccyc);
	tap_ok(cycid > 0, "a created cyclic handler drives the deleter");
	(void)dly_tsk(300);
	stress_stop = TRUE;
	if (cycid > 0)
		(void)del_cyc(cycid);
	(void)wup_tsk(TASK3);
	(void)dly_tsk(20);
	tap_int(state_of(LOW_TASK), TTS_DMT, "the caller stopped");
	tap_int(state_of(TASK3), TTS_DMT, "the deleter stopped");
	finish(LOW_TASK);
	finish(TASK3);
	tap_ok(churns >= 4, "the objects were deleted and created again "
	       "and again");
	tap_ok(stress_calls > 0, "... while a lower task called on them");
	syslog(LOG_EMERG, "# %u deletions and creations, %u rounds of "
	       "calls: %u E_NOEXS, %u successes", churns, stress_calls,
	       stress_noexs, stress_ok);
	if (!tap_int(stress_bad, 0, "every call ended with a code the "
		     "object's states allow"))
		syslog(LOG_EMERG, "#   first bad: call %d got %s (%d)",
		       stress_where, itron_strerror(stress_ercd),
		       stress_ercd);
	tap_int(churn_bad, 0, "every deletion and creation succeeded, no "
		"message longer than its buffer's maxmsz");
	/* Whatever state it ended in, the objects are sound. */
	e1 = ref_sem(SSEM, &rsem);
	e2 = ref_mbf(SMBF, &rmbf);
	e3 = ref_por(SPOR, &rpor);
	tap_ok((e1 == E_OK && e2 == E_OK && e3 == E_OK &&
		rsem.wtskid == TSK_NONE && rmbf.stskid == TSK_NONE &&
		rmbf.rtskid == TSK_NONE && rpor.ctskid == TSK_NONE &&
		rpor.atskid == TSK_NONE) ||
	       (e1 == E_NOEXS && e2 == E_NOEXS && e3 == E_NOEXS),
	       "all three exist, without waiters, or none");
	(void)del_sem(SSEM);
	(void)del_mbf(SMBF);
	(void)del_por(SPOR);
	ER_IS(cre_sem(SSEM, &csem_fresh), E_OK);
	ER_IS(ref_sem(SSEM, &rsem), E_OK);
	tap_ok(rsem.semcnt == 2 && rsem.wtskid == TSK_NONE,
	       "created once more: fresh");
	ER_IS(del_sem(SSEM), E_OK);
}

/*
 * What a packet gives is the application's, even a block of a created
 * variable pool whose own area came from the kernel pool: deleting the
 * object that used it leaves it alone.  The pool is the first one
 * created on its ID (no test before creates LAST_MPL), as an
 * application's pool created once at startup would be; a kernel that
 * takes the block for one of its own pool's corrupts that pool, so the
 * tests after this one are few.
 */
static void test_foreign_area(void)
{
	T_CMPL cmpl = { TA_TFIFO, TSZ_MPL(3, 128), NULL };
	T_CDTQ cdtq = { TA_TFIFO, 8, NULL };
	T_CMBF cmbf = { TA_TFIFO, 16, TSZ_MBF(4, 16), NULL };
	T_CTSK ctsk = ctsk_dmt;
	T_RMPL rmpl;
	UINT whole;
	VP b1 = NULL, b2 = NULL, b3 = NULL;
	VP_INT data = 0;
	char msg[16];

	measure_ercd = E_OK;
	whole = pool_largest();
	ER_IS(cre_mpl(LAST_MPL, &cmpl), E_OK);
	ER_IS(pget_mpl(LAST_MPL, 128, &b1), E_OK);
	ER_IS(pget_mpl(LAST_MPL, 128, &b2), E_OK);
	ER_IS(pget_mpl(LAST_MPL, 128, &b3), E_OK);
	cdtq.dtq = b1;
	cmbf.mbf = b2;
	ctsk.stk = b3;
	ctsk.stksz = 128;			/* never run */
	ER_IS(cre_dtq(ADTQ(1), &cdtq), E_OK);
	ER_IS(cre_mbf(AMBF(1), &cmbf), E_OK);
	ER_IS(cre_tsk(ATSK(1), &ctsk), E_OK);
	ER_IS(psnd_dtq(ADTQ(1), 9), E_OK);
	ER_IS(prcv_dtq(ADTQ(1), &data), E_OK);
	fill(msg, sizeof(msg), 'f');
	ER_IS(psnd_mbf(AMBF(1), msg, 16), E_OK);
	ER_IS(prcv_mbf(AMBF(1), msg), 16);
	ER_IS(del_dtq(ADTQ(1)), E_OK);
	ER_IS(del_mbf(AMBF(1)), E_OK);
	ER_IS(del_tsk(ATSK(1)), E_OK);
	tap_ercd(rel_mpl(LAST_MPL, b1), E_OK, "a pool block given as a data "
		 "queue's area is still ours after del_dtq");
	tap_ercd(rel_mpl(LAST_MPL, b2), E_OK, "... as a message buffer's, "
		 "after del_mbf");
	tap_ercd(rel_mpl(LAST_MPL, b3), E_OK, "... as a task's stack, after "
		 "del_tsk");
	ER_IS(ref_mpl(LAST_MPL, &rmpl), E_OK);
	tap_ok(rmpl.fmplsz >= 3 * 128, "... and the pool has them back");
	ER_IS(del_mpl(LAST_MPL), E_OK);
	tap_int(pool_largest(), whole, "the kernel pool is whole again");
	ER_IS(measure_ercd, E_OK);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_ids();
	test_noexs();
	test_params();
	test_context();
	test_task();
	test_task_life();
	test_semaphore();
	test_race();
	test_eventflag();
	test_dataqueue();
	test_pridataq();
	test_mailbox();
	test_mutex();
	test_messagebuf();
	test_rendezvous();
	test_mempfix();
	test_mempvar();
	test_cyclic();
	test_alarm();
	test_memory();
	test_stress();
	test_foreign_area();
	test_noid();
	tap_done();
}
