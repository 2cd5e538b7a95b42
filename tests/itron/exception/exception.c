/*
 * Conformance: CPU exception handlers (DEF_EXC).  A task faults; the
 * handler runs in non-task context, senses the state the fault
 * interrupted with vxsns_ctx/vxsns_loc/vxsns_dsp/vxsns_dpn/vxsns_tex
 * (and TOPPERS/ASP's xsns_dpn/xsns_xpn),
 * and raises a task exception whose routine ends the task, since the
 * faulting instruction cannot be resumed.  The last fault happens with
 * the CPU locked, which no routine can recover from: its handler ends
 * the test.
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
	FAULT_LOCKED		/* CPU locked: the end of the test */
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

	/* With the CPU locked: the handler ends the test. */
	fault_mode = FAULT_LOCKED;
	task_step = 16U;
	exc_step = 17U;
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* 16 task, 17 handler */
	tap_ok(FALSE, "a task resumed after a fault with the CPU locked");
	tap_done();
}
