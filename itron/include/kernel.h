/*
 * Unitron - µITRON 4.0 Standard Profile kernel interface.
 *
 * Applications include this header (or t_services.h, which includes it).
 * The port supplies port_kernel.h: interrupt and CPU exception numbers
 * and anything else an application may need to name on that port.
 */
#ifndef UNITRON_KERNEL_H
#define UNITRON_KERNEL_H

#include "itron.h"
#include "port_kernel.h"

/* Kernel identification. */
#define TKERNEL_MAKER	0x0000U	/* experimental / independent */
#define TKERNEL_PRID	0x0001U	/* Unitron */
#define TKERNEL_SPVER	0x5403U	/* µITRON 4.03 (Standard Profile and more) */
#define TKERNEL_PRVER	0x0100U	/* Unitron 1.0 */

/* Object attributes. */
#define TA_TFIFO	0x00U	/* FIFO-ordered wait queue */
#define TA_TPRI		0x01U	/* priority-ordered wait queue */
#define TA_MFIFO	0x00U	/* FIFO-ordered message queue */
#define TA_MPRI		0x02U	/* priority-ordered message queue */
#define TA_ACT		0x02U	/* task: activate on creation */
#define TA_RSTR		0x04U	/* task: restricted (not supported) */
#define TA_WSGL		0x00U	/* eventflag: one waiting task */
#define TA_WMUL		0x02U	/* eventflag: many waiting tasks */
#define TA_CLR		0x04U	/* eventflag: clear on release */
#define TA_STA		0x02U	/* cyclic handler: start on creation */
#define TA_PHS		0x04U	/* cyclic handler: keep phase */
#define TA_INHERIT	0x02U	/* mutex: priority inheritance */
#define TA_ENAINT	0x01U	/* interrupt: enabled at start (CFG_INT) */
#define TA_EDGE		0x02U	/* interrupt: edge-triggered (CFG_INT) */
#define TA_CEILING	0x03U	/* mutex: priority ceiling */

/* Service call modes. */
#define TWF_ANDW	0x00U	/* eventflag: wait for all bits */
#define TWF_ORW		0x01U	/* eventflag: wait for any bit */

/* Object states. */
#define TTS_RUN		0x01U	/* running */
#define TTS_RDY		0x02U	/* ready */
#define TTS_WAI		0x04U	/* waiting */
#define TTS_SUS		0x08U	/* suspended */
#define TTS_WAS		0x0cU	/* waiting and suspended */
#define TTS_DMT		0x10U	/* dormant */

#define TTW_SLP		0x0001U	/* sleeping */
#define TTW_DLY		0x0002U	/* delayed */
#define TTW_SEM		0x0004U	/* waiting for a semaphore */
#define TTW_FLG		0x0008U	/* waiting for an eventflag */
#define TTW_SDTQ	0x0010U	/* sending to a data queue */
#define TTW_RDTQ	0x0020U	/* receiving from a data queue */
#define TTW_MBX		0x0040U	/* receiving from a mailbox */
#define TTW_MTX		0x0080U	/* locking a mutex */
#define TTW_SMBF	0x0100U	/* sending to a message buffer */
#define TTW_RMBF	0x0200U	/* receiving from a message buffer */
#define TTW_CAL		0x0400U	/* calling a rendezvous port */
#define TTW_ACP		0x0800U	/* accepting at a rendezvous port */
#define TTW_RDV		0x1000U	/* in a rendezvous, waiting for its end */
#define TTW_MPF		0x2000U	/* getting a fixed-size block */
#define TTW_MPL		0x4000U	/* getting a variable-size block */
#define TTW_SPDQ	0x10000U /* sending to a priority data queue */
#define TTW_RPDQ	0x20000U /* receiving from a priority data queue */

#define TTEX_ENA	0x00U	/* task exceptions enabled */
#define TTEX_DIS	0x01U	/* task exceptions disabled */
#define TCYC_STP	0x00U	/* cyclic handler stopped */
#define TCYC_STA	0x01U	/* cyclic handler started */
#define TALM_STP	0x00U	/* alarm handler stopped */
#define TALM_STA	0x01U	/* alarm handler started */
#define TOVR_STP	0x00U	/* overrun handler stopped */
#define TOVR_STA	0x01U	/* overrun handler started */

/* Other constants. */
#define TSK_SELF	0	/* the invoking task */
#define TSK_NONE	0	/* no task */
#define TPRI_SELF	0	/* the invoking task's base priority */
#define TPRI_INI	0	/* the task's initial priority */

/* Ranges and limits (µITRON 4.0 5.7, Standard Profile values). */
#define TMIN_TPRI	1
#define TMAX_TPRI	16
#define TMIN_MPRI	1
#define TMAX_MPRI	16
#define TMIN_DPRI	1	/* data priorities (priority data queues) */
#define TMAX_DPRI	16
#define TMAX_ACTCNT	1
#define TMAX_WUPCNT	1
#define TMAX_SUSCNT	1
#define TBIT_TEXPTN	32
#define TBIT_FLGPTN	32
#define TMAX_MAXSEM	65535U
#define TMAX_RELTIM	0x7fffffffU	/* longest relative time (ms) */
#define TMAX_OVRTIM	0x7fffffffU	/* longest overrun budget (ms) */
#define TMIN_INTPRI	(-15)	/* interrupt priorities (CFG_INT), TOPPERS/ASP */
#define TMAX_INTPRI	(-1)
#define TIPM_ENAALL	0	/* interrupt priority mask: nothing masked */
#define TIC_NUME	1U	/* time unit: 1 ms */
#define TIC_DENO	1U

/* Memory area sizes for the static API. */
#define TSZ_DTQ(dtqcnt)		((SIZE)(dtqcnt) * sizeof(VP_INT))
#define TSZ_MPRIHD(maxmpri)	((SIZE)(maxmpri) * sizeof(T_MSG *))
#define TSZ_MPF(blkcnt, blksz) \
	((SIZE)(blkcnt) * (((SIZE)(blksz) + sizeof(VP) - 1) & ~(sizeof(VP) - 1)))
/* A variable-size pool for blkcnt blocks of blksz bytes (with headers). */
#define TSZ_MPL(blkcnt, blksz) \
	((SIZE)(blkcnt) * (((SIZE)(blksz) + 4 * sizeof(VP) - 1) & \
			   ~(2 * sizeof(VP) - 1)) + 2 * sizeof(VP))
/* What cre_tsk takes from the kernel pool for a stack of stksz bytes. */
#define TSZ_TSKSTK(stksz) \
	((((SIZE)(stksz) + PORT_STACK_MARGIN + 2 * sizeof(VP) - 1) & \
	  ~(2 * sizeof(VP) - 1)) + 2 * sizeof(VP))
/* A priority data queue's area for pdqcnt data (TOPPERS/ASP). */
#define TSZ_PDQMB(pdqcnt)	((SIZE)(pdqcnt) * 3 * sizeof(VP))
/* A message buffer for msgcnt messages of msgsz bytes (each has a length). */
#define TSZ_MBF(msgcnt, msgsz) \
	((SIZE)(msgcnt) * (sizeof(UINT) + (SIZE)(msgsz)))

#ifndef _MACRO_ONLY

typedef UINT		TEXPTN;		/* task exception pattern */
typedef UINT		INHNO;		/* interrupt handler number */
typedef UINT		INTNO;		/* interrupt number */
typedef UINT		EXCNO;		/* CPU exception handler number */
typedef UINT		FLGPTN;		/* eventflag bit pattern */
typedef unsigned long	SYSUTIM;	/* performance time, in µs */
typedef SYSUTIM		SYSUTM;		/* the same, TOPPERS/ASP's name */
typedef UINT		OVRTIM;		/* processor time, in milliseconds */
typedef UINT		RDVPTN;		/* rendezvous condition pattern */
typedef UINT		RDVNO;		/* rendezvous number */

/* Mailbox message headers. */
typedef struct t_msg {
	struct t_msg	*next;
} T_MSG;

typedef struct t_msg_pri {
	T_MSG		msgque;
	PRI		msgpri;
} T_MSG_PRI;

/* Task management. */
ER	act_tsk(ID tskid);
ER	iact_tsk(ID tskid);
ER_UINT	can_act(ID tskid);
ER	ext_tsk(void);
ER	ter_tsk(ID tskid);
ER	chg_pri(ID tskid, PRI tskpri);
ER	get_pri(ID tskid, PRI *p_tskpri);

typedef struct t_rtsk {
	STAT		tskstat;	/* TTS_* */
	PRI		tskpri;		/* current priority */
	PRI		tskbpri;	/* base priority */
	STAT		tskwait;	/* TTW_*, while waiting */
	ID		wobjid;		/* the object waited for */
	TMO		lefttmo;	/* until the timeout (TMO_FEVR: none) */
	UINT		actcnt;		/* queued activation requests */
	UINT		wupcnt;		/* queued wakeup requests */
	UINT		suscnt;		/* suspension nesting */
} T_RTSK;

ER	ref_tsk(ID tskid, T_RTSK *pk_rtsk);

/*
 * Beyond the Standard Profile: start a dormant task with stacd as its
 * parameter instead of exinf; end the invoking task and delete it (a
 * task created at run time; E_OBJ for a static one, which goes on); a
 * task's state in short.
 */
typedef struct t_rtst {
	STAT		tskstat;	/* TTS_* */
	STAT		tskwait;	/* TTW_*, while waiting */
} T_RTST;

ER	sta_tsk(ID tskid, VP_INT stacd);
ER	exd_tsk(void);
ER	ref_tst(ID tskid, T_RTST *pk_rtst);

/* Task-dependent synchronization. */
ER	slp_tsk(void);
ER	tslp_tsk(TMO tmout);
ER	wup_tsk(ID tskid);
ER	iwup_tsk(ID tskid);
ER_UINT	can_wup(ID tskid);
ER	rel_wai(ID tskid);
ER	irel_wai(ID tskid);
ER	sus_tsk(ID tskid);
ER	rsm_tsk(ID tskid);
ER	frsm_tsk(ID tskid);
ER	dly_tsk(RELTIM dlytim);

/* Task exception handling. */
ER	ras_tex(ID tskid, TEXPTN rasptn);
ER	iras_tex(ID tskid, TEXPTN rasptn);
ER	dis_tex(void);
ER	ena_tex(void);
BOOL	sns_tex(void);

typedef struct t_rtex {
	STAT		texstat;	/* TTEX_ENA or TTEX_DIS */
	TEXPTN		pndptn;		/* the pending pattern */
} T_RTEX;

ER	ref_tex(ID tskid, T_RTEX *pk_rtex);

typedef struct t_dtex {
	ATR		texatr;		/* TA_HLNG */
	FP		texrtn;		/* void texrtn(TEXPTN, VP_INT) */
} T_DTEX;

ER	def_tex(ID tskid, const T_DTEX *pk_dtex);	/* NULL: undefine */

/* Mutexes (beyond the Standard Profile). */
typedef struct t_rmtx {
	ID		htskid;		/* the locking task, or TSK_NONE */
	ID		wtskid;		/* the first waiting task, or TSK_NONE */
} T_RMTX;

ER	loc_mtx(ID mtxid);
ER	ploc_mtx(ID mtxid);
ER	tloc_mtx(ID mtxid, TMO tmout);
ER	unl_mtx(ID mtxid);
ER	ref_mtx(ID mtxid, T_RMTX *pk_rmtx);

/* Semaphores. */
ER	sig_sem(ID semid);
ER	isig_sem(ID semid);
ER	wai_sem(ID semid);
ER	pol_sem(ID semid);
ER	twai_sem(ID semid, TMO tmout);

typedef struct t_rsem {
	ID		wtskid;		/* the first waiting task, or TSK_NONE */
	UINT		semcnt;
} T_RSEM;

ER	ref_sem(ID semid, T_RSEM *pk_rsem);
ER	ini_sem(ID semid);

/* Eventflags. */
ER	set_flg(ID flgid, FLGPTN setptn);
ER	iset_flg(ID flgid, FLGPTN setptn);
ER	clr_flg(ID flgid, FLGPTN clrptn);
ER	wai_flg(ID flgid, FLGPTN waiptn, MODE wfmode, FLGPTN *p_flgptn);
ER	pol_flg(ID flgid, FLGPTN waiptn, MODE wfmode, FLGPTN *p_flgptn);
ER	twai_flg(ID flgid, FLGPTN waiptn, MODE wfmode, FLGPTN *p_flgptn,
		 TMO tmout);

typedef struct t_rflg {
	ID		wtskid;		/* the first waiting task, or TSK_NONE */
	FLGPTN		flgptn;
} T_RFLG;

ER	ref_flg(ID flgid, T_RFLG *pk_rflg);
ER	ini_flg(ID flgid);

/* Data queues. */
ER	snd_dtq(ID dtqid, VP_INT data);
ER	psnd_dtq(ID dtqid, VP_INT data);
ER	ipsnd_dtq(ID dtqid, VP_INT data);
ER	tsnd_dtq(ID dtqid, VP_INT data, TMO tmout);
ER	fsnd_dtq(ID dtqid, VP_INT data);
ER	ifsnd_dtq(ID dtqid, VP_INT data);
ER	rcv_dtq(ID dtqid, VP_INT *p_data);
ER	prcv_dtq(ID dtqid, VP_INT *p_data);
ER	trcv_dtq(ID dtqid, VP_INT *p_data, TMO tmout);

typedef struct t_rdtq {
	ID		stskid;		/* the first waiting sender, or TSK_NONE */
	ID		rtskid;		/* the first waiting receiver */
	UINT		sdtqcnt;	/* data in the queue */
} T_RDTQ;

ER	ref_dtq(ID dtqid, T_RDTQ *pk_rdtq);
ER	ini_dtq(ID dtqid);

/* Priority data queues (TOPPERS/ASP). */
typedef struct t_rpdq {
	ID		stskid;		/* the first waiting sender, or TSK_NONE */
	ID		rtskid;		/* the first waiting receiver */
	UINT		spdqcnt;	/* data in the queue */
} T_RPDQ;

ER	snd_pdq(ID pdqid, VP_INT data, PRI datapri);
ER	psnd_pdq(ID pdqid, VP_INT data, PRI datapri);
ER	ipsnd_pdq(ID pdqid, VP_INT data, PRI datapri);
ER	tsnd_pdq(ID pdqid, VP_INT data, PRI datapri, TMO tmout);
ER	rcv_pdq(ID pdqid, VP_INT *p_data, PRI *p_datapri);
ER	prcv_pdq(ID pdqid, VP_INT *p_data, PRI *p_datapri);
ER	trcv_pdq(ID pdqid, VP_INT *p_data, PRI *p_datapri, TMO tmout);
ER	ini_pdq(ID pdqid);
ER	ref_pdq(ID pdqid, T_RPDQ *pk_rpdq);

/* Mailboxes. */
ER	snd_mbx(ID mbxid, T_MSG *pk_msg);
ER	rcv_mbx(ID mbxid, T_MSG **ppk_msg);
ER	prcv_mbx(ID mbxid, T_MSG **ppk_msg);
ER	trcv_mbx(ID mbxid, T_MSG **ppk_msg, TMO tmout);

typedef struct t_rmbx {
	ID		wtskid;		/* the first waiting task, or TSK_NONE */
	T_MSG		*pk_msg;	/* the next message, or NULL */
} T_RMBX;

ER	ref_mbx(ID mbxid, T_RMBX *pk_rmbx);
ER	ini_mbx(ID mbxid);

/* Message buffers (beyond the Standard Profile). */
typedef struct t_rmbf {
	ID		stskid;		/* the first waiting sender, or TSK_NONE */
	ID		rtskid;		/* the first waiting receiver */
	UINT		smsgcnt;	/* messages in the buffer */
	SIZE		fmbfsz;		/* free bytes */
} T_RMBF;

ER	snd_mbf(ID mbfid, VP msg, UINT msgsz);
ER	psnd_mbf(ID mbfid, VP msg, UINT msgsz);
ER	tsnd_mbf(ID mbfid, VP msg, UINT msgsz, TMO tmout);
ER_UINT	rcv_mbf(ID mbfid, VP msg);
ER_UINT	prcv_mbf(ID mbfid, VP msg);
ER_UINT	trcv_mbf(ID mbfid, VP msg, TMO tmout);
ER	ref_mbf(ID mbfid, T_RMBF *pk_rmbf);
ER	ini_mbf(ID mbfid);

/* Rendezvous (beyond the Standard Profile). */
typedef struct t_rpor {
	ID		ctskid;		/* the first waiting caller, or TSK_NONE */
	ID		atskid;		/* the first waiting acceptor */
} T_RPOR;

typedef struct t_rrdv {
	ID		wtskid;		/* the caller, while it lasts */
} T_RRDV;

ER_UINT	cal_por(ID porid, RDVPTN calptn, VP msg, UINT cmsgsz);
ER_UINT	tcal_por(ID porid, RDVPTN calptn, VP msg, UINT cmsgsz, TMO tmout);
ER_UINT	acp_por(ID porid, RDVPTN acpptn, RDVNO *p_rdvno, VP msg);
ER_UINT	pacp_por(ID porid, RDVPTN acpptn, RDVNO *p_rdvno, VP msg);
ER_UINT	tacp_por(ID porid, RDVPTN acpptn, RDVNO *p_rdvno, VP msg,
		 TMO tmout);
ER	fwd_por(ID porid, RDVPTN calptn, RDVNO rdvno, VP msg, UINT cmsgsz);
ER	rpl_rdv(RDVNO rdvno, VP msg, UINT rmsgsz);
ER	ref_por(ID porid, T_RPOR *pk_rpor);
ER	ref_rdv(RDVNO rdvno, T_RRDV *pk_rrdv);

/* Fixed-size memory pools. */
ER	get_mpf(ID mpfid, VP *p_blk);
ER	pget_mpf(ID mpfid, VP *p_blk);
ER	tget_mpf(ID mpfid, VP *p_blk, TMO tmout);
ER	rel_mpf(ID mpfid, VP blk);

typedef struct t_rmpf {
	ID		wtskid;		/* the first waiting task, or TSK_NONE */
	UINT		fblkcnt;	/* free blocks */
} T_RMPF;

ER	ref_mpf(ID mpfid, T_RMPF *pk_rmpf);
ER	ini_mpf(ID mpfid);

/* Variable-size memory pools (beyond the Standard Profile). */
typedef struct t_rmpl {
	ID		wtskid;		/* the first waiting task, or TSK_NONE */
	SIZE		fmplsz;		/* free bytes */
	UINT		fblksz;		/* the largest block to be had now */
} T_RMPL;

ER	get_mpl(ID mplid, UINT blksz, VP *p_blk);
ER	pget_mpl(ID mplid, UINT blksz, VP *p_blk);
ER	tget_mpl(ID mplid, UINT blksz, VP *p_blk, TMO tmout);
ER	rel_mpl(ID mplid, VP blk);
ER	ref_mpl(ID mplid, T_RMPL *pk_rmpl);
ER	ini_mpl(ID mplid);

/* Time management. */
ER	set_tim(const SYSTIM *p_systim);
ER	get_tim(SYSTIM *p_systim);
ER	isig_tim(void);
ER	get_utm(SYSUTM *p_sysutm);	/* TOPPERS/ASP: vxget_tim */
ER	sta_cyc(ID cycid);
ER	stp_cyc(ID cycid);

typedef struct t_rcyc {
	STAT		cycstat;	/* TCYC_STA or TCYC_STP */
	RELTIM		lefttim;	/* until the next activation */
} T_RCYC;

ER	ref_cyc(ID cycid, T_RCYC *pk_rcyc);

/* Alarm handlers (beyond the Standard Profile; ista_alm: TOPPERS/ASP). */
typedef struct t_ralm {
	STAT		almstat;	/* TALM_STA or TALM_STP */
	RELTIM		lefttim;	/* until the activation, when started */
} T_RALM;

ER	sta_alm(ID almid, RELTIM almtim);
ER	ista_alm(ID almid, RELTIM almtim);
ER	stp_alm(ID almid);
ER	istp_alm(ID almid);
ER	ref_alm(ID almid, T_RALM *pk_ralm);

/* The overrun handler (beyond the Standard Profile): per-task budgets. */
typedef struct t_rovr {
	STAT		ovrstat;	/* TOVR_STA or TOVR_STP */
	OVRTIM		leftotm;	/* the budget left, when started */
} T_ROVR;

ER	sta_ovr(ID tskid, OVRTIM ovrtim);
ER	ista_ovr(ID tskid, OVRTIM ovrtim);
ER	stp_ovr(ID tskid);
ER	istp_ovr(ID tskid);
ER	ref_ovr(ID tskid, T_ROVR *pk_rovr);

typedef struct t_dovr {
	ATR		ovratr;		/* TA_HLNG */
	FP		ovrhdr;		/* void ovrhdr(ID tskid, VP_INT exinf) */
} T_DOVR;

ER	def_ovr(const T_DOVR *pk_dovr);		/* NULL: undefine */

/* System state management. */
ER	rot_rdq(PRI tskpri);
ER	irot_rdq(PRI tskpri);
ER	get_tid(ID *p_tskid);
ER	iget_tid(ID *p_tskid);
ER	get_inf(VP_INT *p_exinf);	/* TOPPERS/ASP: the running task's exinf */
ER	loc_cpu(void);
ER	iloc_cpu(void);
ER	unl_cpu(void);
ER	iunl_cpu(void);
ER	dis_dsp(void);
ER	ena_dsp(void);
BOOL	sns_ctx(void);
BOOL	sns_loc(void);
BOOL	sns_dsp(void);
BOOL	sns_dpn(void);
BOOL	sns_ker(void);	/* TOPPERS/ASP: TRUE while the kernel is not running */

/* The system's state, in µITRON 3.0's encoding (implementation-defined). */
#define TSS_TSK		0x00U	/* task context, dispatching enabled */
#define TSS_DDSP	0x01U	/* dispatching disabled, or held by a mask */
#define TSS_LOC		0x03U	/* CPU locked */
#define TSS_INDP	0x04U	/* non-task context */
typedef struct t_rsys {
	STAT		sysstat;
} T_RSYS;

ER	ref_sys(T_RSYS *pk_rsys);

/* System configuration (implementation-defined T_RCFG: the counts). */
typedef struct t_rcfg {
	UINT		tnum_tsk, tnum_sem, tnum_flg, tnum_dtq, tnum_mbx;
	UINT		tnum_mtx, tnum_mbf, tnum_mpf, tnum_mpl, tnum_cyc;
	UINT		tnum_alm, tnum_por, tnum_pdq;
	UINT		tmax_tpri;
} T_RCFG;

typedef struct t_rver {
	UH		maker;		/* TKERNEL_MAKER */
	UH		prid;		/* TKERNEL_PRID */
	UH		spver;		/* TKERNEL_SPVER */
	UH		prver;		/* TKERNEL_PRVER */
	UH		prno[4];
} T_RVER;

ER	ref_cfg(T_RCFG *pk_rcfg);
ER	ref_ver(T_RVER *pk_rver);

/*
 * Interrupt management (TOPPERS/ASP): for interrupts configured with
 * CFG_INT, on every port.  A disabled or masked interrupt is held and
 * runs once when enabled or unmasked.
 */
ER	dis_int(INTNO intno);
ER	ena_int(INTNO intno);
ER	chg_ipm(PRI intpri);
ER	get_ipm(PRI *p_intpri);

/*
 * Extended service calls (beyond the Standard Profile): cal_svc(fncd,
 * par1, ...) calls the routine DEF_SVC defined for fncd (> 0) with up
 * to six VP_INT parameters, 0 for those not given; E_RSFN for a code
 * with no routine.  Any context.
 */
#define cal_svc(...)	vcal_svc(__VA_ARGS__, 0, 0, 0, 0, 0, 0)

typedef struct t_dsvc {
	ATR		svcatr;		/* TA_HLNG */
	FP		svcrtn;		/* ER_UINT svcrtn(VP_INT par1, ... par6) */
} T_DSVC;

/* Define or undefine (NULL) fncd's routine; 16 definitions at most. */
ER	def_svc(FN fncd, const T_DSVC *pk_dsvc);
ER_UINT	vcal_svc(FN fncd, VP_INT par1, VP_INT par2, VP_INT par3,
		 VP_INT par4, VP_INT par5, VP_INT par6, ...);

/*
 * Creating and deleting objects at run time (beyond the Standard
 * Profile).  The configuration reserves IDs for them (AID_TSK(n),
 * AID_SEM(n), ...); memory the packet leaves NULL (stk, dtq, mpf, mbf,
 * mpl, pdqmb) comes from the kernel pool DEF_MPK gives (E_NOMEM without
 * one).  cre_xxx(id, pk) creates on a reserved ID (E_OBJ if it is in
 * use or a static ID, E_ID beyond the last); acre_xxx(pk) takes the
 * lowest free reserved ID (E_NOID: none); del_xxx(id) deletes an object
 * created so (E_OBJ for a static one, E_NOEXS for a free ID), waiting
 * tasks are released with E_DLT.  Calls on a free ID are E_NOEXS.
 * All are task-context calls.
 */
typedef struct t_ctsk {
	ATR		tskatr;		/* TA_HLNG | TA_ACT */
	VP_INT		exinf;
	FP		task;		/* void task(VP_INT exinf) */
	PRI		itskpri;
	SIZE		stksz;
	VP		stk;		/* NULL: from the kernel pool */
} T_CTSK;

typedef struct t_csem {
	ATR		sematr;		/* TA_TFIFO | TA_TPRI */
	UINT		isemcnt;
	UINT		maxsem;
} T_CSEM;

typedef struct t_cflg {
	ATR		flgatr;		/* TA_TPRI | TA_WMUL | TA_CLR */
	FLGPTN		iflgptn;
} T_CFLG;

typedef struct t_cdtq {
	ATR		dtqatr;		/* TA_TFIFO | TA_TPRI */
	UINT		dtqcnt;
	VP		dtq;		/* TSZ_DTQ(dtqcnt) bytes, or NULL */
} T_CDTQ;

typedef struct t_cpdq {
	ATR		pdqatr;		/* TA_TFIFO | TA_TPRI */
	UINT		pdqcnt;
	PRI		maxdpri;
	VP		pdqmb;		/* TSZ_PDQMB(pdqcnt) bytes, or NULL */
} T_CPDQ;

typedef struct t_cmbx {
	ATR		mbxatr;		/* TA_TPRI | TA_MPRI */
	PRI		maxmpri;
	VP		mprihd;		/* unused: NULL */
} T_CMBX;

typedef struct t_cmtx {
	ATR		mtxatr;		/* TA_TFIFO | TA_TPRI | TA_INHERIT | TA_CEILING */
	PRI		ceilpri;
} T_CMTX;

typedef struct t_cmbf {
	ATR		mbfatr;		/* TA_TFIFO | TA_TPRI */
	UINT		maxmsz;
	SIZE		mbfsz;
	VP		mbf;		/* mbfsz bytes, or NULL */
} T_CMBF;

typedef struct t_cpor {
	ATR		poratr;		/* TA_TFIFO | TA_TPRI */
	UINT		maxcmsz;
	UINT		maxrmsz;
} T_CPOR;

typedef struct t_cmpf {
	ATR		mpfatr;		/* TA_TFIFO | TA_TPRI */
	UINT		blkcnt;
	UINT		blksz;
	VP		mpf;		/* TSZ_MPF(blkcnt, blksz) bytes, or NULL */
} T_CMPF;

typedef struct t_cmpl {
	ATR		mplatr;		/* TA_TFIFO | TA_TPRI */
	SIZE		mplsz;
	VP		mpl;		/* mplsz bytes, or NULL */
} T_CMPL;

typedef struct t_ccyc {
	ATR		cycatr;		/* TA_HLNG | TA_STA | TA_PHS */
	VP_INT		exinf;
	FP		cychdr;		/* void cychdr(VP_INT exinf) */
	RELTIM		cyctim;
	RELTIM		cycphs;
} T_CCYC;

typedef struct t_calm {
	ATR		almatr;		/* TA_HLNG */
	VP_INT		exinf;
	FP		almhdr;		/* void almhdr(VP_INT exinf) */
} T_CALM;

ER	cre_tsk(ID tskid, const T_CTSK *pk_ctsk);
ER_ID	acre_tsk(const T_CTSK *pk_ctsk);
ER	del_tsk(ID tskid);
ER	cre_sem(ID semid, const T_CSEM *pk_csem);
ER_ID	acre_sem(const T_CSEM *pk_csem);
ER	del_sem(ID semid);
ER	cre_flg(ID flgid, const T_CFLG *pk_cflg);
ER_ID	acre_flg(const T_CFLG *pk_cflg);
ER	del_flg(ID flgid);
ER	cre_dtq(ID dtqid, const T_CDTQ *pk_cdtq);
ER_ID	acre_dtq(const T_CDTQ *pk_cdtq);
ER	del_dtq(ID dtqid);
ER	cre_pdq(ID pdqid, const T_CPDQ *pk_cpdq);
ER_ID	acre_pdq(const T_CPDQ *pk_cpdq);
ER	del_pdq(ID pdqid);
ER	cre_mbx(ID mbxid, const T_CMBX *pk_cmbx);
ER_ID	acre_mbx(const T_CMBX *pk_cmbx);
ER	del_mbx(ID mbxid);
ER	cre_mtx(ID mtxid, const T_CMTX *pk_cmtx);
ER_ID	acre_mtx(const T_CMTX *pk_cmtx);
ER	del_mtx(ID mtxid);
ER	cre_mbf(ID mbfid, const T_CMBF *pk_cmbf);
ER_ID	acre_mbf(const T_CMBF *pk_cmbf);
ER	del_mbf(ID mbfid);
ER	cre_por(ID porid, const T_CPOR *pk_cpor);
ER_ID	acre_por(const T_CPOR *pk_cpor);
ER	del_por(ID porid);
ER	cre_mpf(ID mpfid, const T_CMPF *pk_cmpf);
ER_ID	acre_mpf(const T_CMPF *pk_cmpf);
ER	del_mpf(ID mpfid);
ER	cre_mpl(ID mplid, const T_CMPL *pk_cmpl);
ER_ID	acre_mpl(const T_CMPL *pk_cmpl);
ER	del_mpl(ID mplid);
ER	cre_cyc(ID cycid, const T_CCYC *pk_ccyc);
ER_ID	acre_cyc(const T_CCYC *pk_ccyc);
ER	del_cyc(ID cycid);
ER	cre_alm(ID almid, const T_CALM *pk_calm);
ER_ID	acre_alm(const T_CALM *pk_calm);
ER	del_alm(ID almid);

/*
 * Interrupt and CPU exception handlers defined at run time, over the
 * DEF_INH / DEF_EXC of the same number, or undefined (NULL); at most 16
 * numbers of each kind so (E_NOMEM).  E_PAR for a number the port does
 * not deliver; def_exc is E_NOSPT on the linux port (as DEF_EXC is).
 */
typedef struct t_dinh {
	ATR		inhatr;		/* TA_HLNG */
	FP		inthdr;		/* void inthdr(void) */
} T_DINH;

typedef struct t_dexc {
	ATR		excatr;		/* TA_HLNG */
	FP		exchdr;		/* void exchdr(VP p_excinf) */
} T_DEXC;

ER	def_inh(INHNO inhno, const T_DINH *pk_dinh);

/*
 * Interrupt service routines created at run time, on the IDs AID_ISR
 * reserves (ATT_ISR's have none); they run after ATT_ISR's of their
 * interrupt number, in ID order.
 */
typedef struct t_cisr {
	ATR		isratr;		/* TA_HLNG */
	VP_INT		exinf;
	INTNO		intno;
	FP		isr;		/* void isr(VP_INT exinf) */
} T_CISR;

ER	cre_isr(ID isrid, const T_CISR *pk_cisr);
ER_ID	acre_isr(const T_CISR *pk_cisr);
ER	del_isr(ID isrid);

/* What ref_isr reports: the spec leaves it to the implementation. */
typedef struct t_risr {
	INTNO		intno;		/* its interrupt number */
	VP_INT		exinf;
} T_RISR;

ER	ref_isr(ID isrid, T_RISR *pk_risr);
ER	def_exc(EXCNO excno, const T_DEXC *pk_dexc);

/* Ending the system: runs the termination routines, then stops. */
ER	ext_ker(void);

/* Implementation-specific extensions (TOPPERS/JSP names). */
void	kernel_exit(void) NORETURN;
ER	vxget_tim(SYSUTIM *p_sysutim);
BOOL	vxsns_ctx(VP p_excinf);
BOOL	vxsns_loc(VP p_excinf);
BOOL	vxsns_dsp(VP p_excinf);
BOOL	vxsns_dpn(VP p_excinf);
BOOL	vxsns_tex(VP p_excinf);
/* TOPPERS/ASP's names: dispatch pending; task exception pending. */
BOOL	xsns_dpn(VP p_excinf);
BOOL	xsns_xpn(VP p_excinf);

/*
 * A guard on a task's waiting call (Unitron extension, for the bridge's
 * workers: bridge/kernel/bridge.c).  While the running task has one
 * (vxset_grd), its tsnd_dtq, trcv_dtq, trcv_mbx and tget_mpf (with their
 * polling and waiting-forever forms) do nothing and return E_RLWAI
 * unless the state is TGRD_OPEN; and when such a call ends, at once or
 * when its wait ends (whoever ends it), its result goes into the guard
 * (TGRD_ENDED, ercd) in the same critical section as its effect; a
 * datum or message received through a wait is stored where the call
 * said by then too.  A handler on the task's CPU sees the state change
 * atomically with the effect: while the task is not in such a call or
 * waits in it, setting TGRD_ABORT over TGRD_OPEN guarantees that the
 * call has no effect (a wait in progress is ended with irel_wai).
 */
#define TGRD_OPEN	0U
#define TGRD_ABORT	1U
#define TGRD_ENDED	2U
typedef struct t_vgrd {
	volatile UINT	state;
	volatile ER	ercd;		/* TGRD_ENDED: the call's result */
} T_VGRD;
ER	vxset_grd(T_VGRD *p_vgrd);	/* NULL: none */

/* Request an interrupt (TOPPERS/ASP3 name): software interrupts in tests. */
ER	ras_int(INTNO intno);

#endif /* _MACRO_ONLY */
#endif /* UNITRON_KERNEL_H */
