/*
 * Conformance: CPU exception handlers (DEF_EXC).  A task faults; the
 * handler runs in non-task context, senses the state the fault
 * interrupted with vxsns_ctx/vxsns_loc/vxsns_dsp/vxsns_dpn/vxsns_tex
 * (and TOPPERS/ASP's xsns_dpn/xsns_xpn),
 * and raises a task exception whose routine ends the task, since the
 * faulting instruction cannot be resumed.  def_exc replaces the
 * handler for one fault and puts DEF_EXC's back.  The last fault happens
 * with the CPU locked, which no routine can recover from: its handler
 * ends the test.
 */
#include "tests.h"

/*
 * The fault.  A port without EXCNO_FPE (or where integer division by zero
 * does not trap) defines another trigger and its number here and in the
 * .cfg.
 */
#ifdef EXCNO_FPE
static void raise_fault(void)
{
	volatile INT dividend = 1000;
	volatile INT divisor = 0;
	volatile INT result;

	/* Both volatile, so that the compiler emits a real division. */
	result = dividend / divisor;
	(void)result;
}
#else
#error "no CPU exception to raise on this port: define one"
#endif

/* Which fault this is: the handler checks the state for it. */
enum {
	FAULT_TASK,		/* task context, nothing disabled */
	FAULT_DIS_DSP,		/* dispatching disabled */
	FAULT_WAKE,		/* lower-priority task; handler wakes MAIN */
	FAULT_LOCKED,		/* CPU locked: the end of the test */
	FAULT_REPLACED		/* task context, def_exc's handler */
};

static volatile UINT	fault_mode;
static volatile UINT	exc_runs;
static volatile UINT	exc_step;	/* checkpoint in the handler */
static volatile UINT	tex_step;	/* checkpoint in the routine */
static volatile TEXPTN	tex_ptn;
static volatile UINT	tex_runs;
static volatile BOOL	resumed;	/* a task went on after its fault */

static void step_once(volatile UINT *p_step)
{
	UINT step = *p_step;

	*p_step = 0U;
	if (step != 0U)
		tap_step(step);
}

void exc_handler(VP p_excinf)
{
	ID tskid = -1;

	exc_runs++;
	step_once(&exc_step);
	/* The handler itself runs in non-task context. */
	OK(sns_ctx());
	OK(sns_dpn());
	/* The interrupted state. */
	OK(!vxsns_ctx(p_excinf));
	switch (fault_mode) {
	case FAULT_TASK:
	case FAULT_WAKE:
		OK(!vxsns_loc(p_excinf));
		OK(!vxsns_dsp(p_excinf));
		OK(!vxsns_dpn(p_excinf));
		OK(!vxsns_tex(p_excinf));
		OK(!xsns_dpn(p_excinf));
		OK(!xsns_xpn(p_excinf));
		break;
	case FAULT_DIS_DSP:
		OK(!vxsns_loc(p_excinf));
		OK(vxsns_dsp(p_excinf));
		OK(vxsns_dpn(p_excinf));
		OK(xsns_dpn(p_excinf));
		break;
	case FAULT_LOCKED:
		OK(vxsns_loc(p_excinf));
		OK(vxsns_dpn(p_excinf));
		OK(xsns_dpn(p_excinf));
		OK(xsns_xpn(p_excinf));
		/* No way back to the task: the test ends here. */
		tap_done();
	}

	/* Task-context calls fail, i-calls work. */
	ER_IS(get_tid(&tskid), E_CTX);
	ER_IS(ras_tex(TSK_SELF, 1U), E_CTX);
	ER_IS(wup_tsk(MAIN_TASK), E_CTX);
	ER_IS(loc_cpu(), E_CTX);
	ER_IS(dis_dsp(), E_CTX);
	ER_IS(iget_tid(&tskid), E_OK);
	INT_IS(tskid, fault_mode == FAULT_WAKE ? LOW_TASK : HIGH_TASK);
	ER_IS(iras_tex(tskid, 1U << fault_mode), E_OK);
	if (fault_mode == FAULT_WAKE)
		ER_IS(iwup_tsk(MAIN_TASK), E_OK);
}

/* The handler def_exc defines over exc_handler. */
static volatile UINT	new_runs;

static void new_exc_handler(VP p_excinf)
{
	static const T_DEXC dexc = { TA_HLNG, (FP)exc_handler };
	ID tskid = -1;

	new_runs++;
	step_once(&exc_step);
	if (vxsns_loc(p_excinf)) {
		/* The last fault: exc_handler should have had it. */
		tap_ok(FALSE, "def_exc's handler still defined at the end");
		tap_done();
	}
	OK(sns_ctx());
	OK(!vxsns_ctx(p_excinf));
	tap_ercd(def_exc(EXCNO_FPE, &dexc), E_CTX, "def_exc from a handler");
	ER_IS(iget_tid(&tskid), E_OK);
	INT_IS(tskid, HIGH_TASK);
	ER_IS(iras_tex(tskid, 1U << FAULT_REPLACED), E_OK);
}

/* HIGH_TASK and LOW_TASK: the routine ends the task that faulted. */
void tex_routine(TEXPTN texptn, VP_INT exinf)
{
	(void)exinf;
	tex_runs++;
	tex_ptn = texptn;
	step_once(&tex_step);
	OK(!sns_ctx());
	(void)ext_tsk();
}

static volatile UINT	task_step;	/* checkpoint in the task */

static void fault(void)
{
	step_once(&task_step);
	ER_IS(ena_tex(), E_OK);
	switch (fault_mode) {
	case FAULT_DIS_DSP:
		ER_IS(dis_dsp(), E_OK);
		break;
	case FAULT_LOCKED:
		ER_IS(loc_cpu(), E_OK);
		break;
	}
	raise_fault();
	resumed = TRUE;
}

void high_task(VP_INT exinf)
{
	(void)exinf;
	fault();
}

void low_task(VP_INT exinf)
{
	(void)exinf;
	fault();
}

/* Not a CPU exception on any port: no signal or vector. */
#define BAD_EXCNO	((EXCNO)0x7fffffff)
/* NMI on the bare port (it always stops the image), SIGINT on posix. */
#define NOT_EXCNO	((EXCNO)2)

/*
 * def_exc over DEF_EXC's handler: the next fault runs the new one; then
 * DEF_EXC's function back through def_exc.  Its errors.
 */
static void test_def_exc(void)
{
	static const T_DEXC replaced = { TA_HLNG, (FP)new_exc_handler };
	static const T_DEXC orig = { TA_HLNG, (FP)exc_handler };
	static const T_DEXC asm_atr = { TA_ASM, (FP)new_exc_handler };
	static const T_DEXC act_atr = { TA_ACT, (FP)new_exc_handler };
	static const T_DEXC none = { TA_HLNG, NULL };
	ER ercd;

	fault_mode = FAULT_REPLACED;
	tap_ercd(def_exc(EXCNO_FPE, &replaced), E_OK, "def_exc over DEF_EXC's");
	task_step = 16U;
	exc_step = 17U;
	tex_step = 18U;
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* 16 task, 17, 18 */
	tap_step(19);
	tap_int(new_runs, 1, "the new handler runs");
	tap_int(exc_runs, 3, "DEF_EXC's does not");
	INT_IS(tex_runs, 4);
	INT_IS(tex_ptn, 1U << FAULT_REPLACED);
	OK(!resumed);
	ER_IS(wup_tsk(HIGH_TASK), E_OBJ);	/* dormant */

	/* Errors leave the definition as it was. */
	tap_ercd(def_exc(EXCNO_FPE, &asm_atr), E_RSATR, "def_exc: TA_ASM");
	tap_ercd(def_exc(EXCNO_FPE, &act_atr), E_RSATR, "def_exc: TA_ACT");
	tap_ercd(def_exc(EXCNO_FPE, &none), E_PAR, "def_exc: NULL exchdr");
	tap_ercd(def_exc(BAD_EXCNO, &orig), E_PAR,
		 "def_exc: not a CPU exception");
	ER_IS(def_exc(BAD_EXCNO, NULL), E_PAR);
	tap_ercd(def_exc(NOT_EXCNO, &orig), E_PAR,
		 "def_exc: not one a handler may take");
	ER_IS(loc_cpu(), E_OK);
	ercd = def_exc(EXCNO_FPE, &orig);
	ER_IS(unl_cpu(), E_OK);
	tap_ercd(ercd, E_CTX, "def_exc with the CPU locked");

	/* Undefined, then DEF_EXC's function back (no fault between). */
	tap_ercd(def_exc(EXCNO_FPE, NULL), E_OK, "def_exc(NULL) undefines");
	tap_ercd(def_exc(EXCNO_FPE, &orig), E_OK, "def_exc: DEF_EXC's back");
}

void main_task(VP_INT exinf)
{
	(void)exinf;

	/* A fault in a task: handler, routine, the task is gone. */
	fault_mode = FAULT_TASK;
	task_step = 2U;
	exc_step = 3U;
	tex_step = 4U;
	tap_step(1);
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* 2 task, 3, 4 */
	tap_step(5);
	INT_IS(exc_runs, 1);
	INT_IS(tex_runs, 1);
	INT_IS(tex_ptn, 1U << FAULT_TASK);
	OK(!resumed);
	ER_IS(wup_tsk(HIGH_TASK), E_OBJ);	/* dormant */

	/* With dispatching disabled: ext_tsk in the routine enables it. */
	fault_mode = FAULT_DIS_DSP;
	task_step = 6U;
	exc_step = 7U;
	tex_step = 8U;
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* 6 task, 7, 8 */
	tap_step(9);
	INT_IS(exc_runs, 2);
	INT_IS(tex_runs, 2);
	INT_IS(tex_ptn, 1U << FAULT_DIS_DSP);
	OK(!resumed);
	OK(!sns_dsp());

	/* A lower-priority task faults and the handler wakes us: we run
	 * first, its routine when we wait. */
	fault_mode = FAULT_WAKE;
	task_step = 11U;
	exc_step = 12U;
	tex_step = 14U;
	ER_IS(act_tsk(LOW_TASK), E_OK);
	tap_step(10);
	ER_IS(slp_tsk(), E_OK);			/* 11 task, 12 handler */
	tap_step(13);
	INT_IS(tex_runs, 2);
	ER_IS(dly_tsk(20), E_OK);		/* 14 routine */
	tap_step(15);
	INT_IS(exc_runs, 3);
	INT_IS(tex_runs, 3);
	INT_IS(tex_ptn, 1U << FAULT_WAKE);
	OK(!resumed);
	ER_IS(wup_tsk(LOW_TASK), E_OBJ);		/* dormant */

	test_def_exc();

	/* With the CPU locked: the handler ends the test. */
	fault_mode = FAULT_LOCKED;
	task_step = 20U;
	exc_step = 21U;
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* 20 task, 21 handler */
	tap_ok(FALSE, "a task resumed after a fault with the CPU locked");
	tap_done();
}
