/*
 * Conformance: interrupt handlers (DEF_INH) and interrupt service
 * routines (ATT_ISR), raised as software interrupts with ras_int: when
 * they run with the CPU locked or dispatching disabled, the dispatch
 * they cause at their return, and the calls they may and may not make;
 * def_inh over DEF_INH's handler and on the ISRs' number, undefining
 * with it, its errors; on the linux port, def_exc's E_NOSPT.
 */
#include "tests.h"

/* What the DEF_INH handler on INTNO_SWI1 does this time. */
enum {
	SWI_COUNT,		/* checkpoints only */
	SWI_CALLS,		/* context checks, i-calls, E_CTX */
	SWI_WUP_HIGH,		/* iwup_tsk(HIGH_TASK) */
	SWI_WUP_LOW,		/* iwup_tsk(LOW_TASK) */
	SWI_WUP_MAIN,		/* iwup_tsk(MAIN_TASK) */
	SWI_RAISE		/* ras_int(INTNO_SWI2) from the handler */
};

static volatile UINT	swi_mode;
static volatile UINT	swi_runs;
static volatile UINT	swi_step;	/* checkpoint as it ends, once */

static void step_once(volatile UINT *p_step)
{
	UINT step = *p_step;

	*p_step = 0U;
	if (step != 0U)
		tap_step(step);
}

void swi_handler(void)
{
	ID tskid;

	swi_runs++;
	switch (swi_mode) {
	case SWI_CALLS:
		OK(sns_ctx());
		OK(!sns_loc());
		OK(sns_dpn());
		/* Task-context calls fail. */
		ER_IS(act_tsk(LOW_TASK), E_CTX);
		ER_IS(wup_tsk(HIGH_TASK), E_CTX);
		ER_IS(slp_tsk(), E_CTX);
		ER_IS(dly_tsk(1), E_CTX);
		ER_IS(rel_wai(HIGH_TASK), E_CTX);
		ER_IS(sus_tsk(HIGH_TASK), E_CTX);
		ER_IS(ter_tsk(HIGH_TASK), E_CTX);
		ER_IS(chg_pri(HIGH_TASK, LOW_PRI), E_CTX);
		ER_IS(get_tid(&tskid), E_CTX);
		ER_IS(rot_rdq(MID_PRI), E_CTX);
		ER_IS(loc_cpu(), E_CTX);
		ER_IS(unl_cpu(), E_CTX);
		ER_IS(dis_dsp(), E_CTX);
		ER_IS(ena_dsp(), E_CTX);
		/* i-calls work. */
		tskid = -1;
		ER_IS(iget_tid(&tskid), E_OK);
		INT_IS(tskid, MAIN_TASK);
		ER_IS(irot_rdq(LOW_PRI), E_OK);
		ER_IS(iact_tsk(LOW_TASK), E_OK);	/* lower: no switch */
		ER_IS(iloc_cpu(), E_OK);
		OK(sns_loc());
		ER_IS(iact_tsk(LOW_TASK), E_CTX);
		ER_IS(iunl_cpu(), E_OK);
		OK(!sns_loc());
		break;
	case SWI_WUP_HIGH:
		ER_IS(iwup_tsk(HIGH_TASK), E_OK);
		break;
	case SWI_WUP_LOW:
		ER_IS(iwup_tsk(LOW_TASK), E_OK);
		break;
	case SWI_WUP_MAIN:
		ER_IS(iwup_tsk(MAIN_TASK), E_OK);
		break;
	case SWI_RAISE:
		ER_IS(ras_int(INTNO_SWI2), E_OK);
		break;
	}
	/* Whatever it readied has not run yet: that waits for our return. */
	step_once(&swi_step);
}

/* Three ISRs on INTNO_SWI2, exinf 1, 2 and 4. */
static volatile UINT	isr_runs;
static volatile UINT	isr_mask;
static volatile UINT	isr_bad_ctx;	/* exinfs not in a handler */
static volatile UINT	isr_locked;	/* exinfs entered CPU-locked */
static volatile BOOL	isr_leave_locked;

void swi_isr(VP_INT exinf)
{
	isr_runs++;
	isr_mask |= (UINT)exinf;
	if (!sns_ctx() || !sns_dpn())
		isr_bad_ctx |= (UINT)exinf;
	if (sns_loc())
		isr_locked |= (UINT)exinf;
	if (isr_leave_locked)
		(void)iloc_cpu();
}

/* HIGH_TASK and LOW_TASK sleep in a loop, with a checkpoint per wakeup. */
static volatile UINT	high_step;
static volatile UINT	high_wakeups;
static volatile UINT	low_step;
static volatile UINT	low_step_after;	/* after its own ras_int */
static volatile BOOL	low_raise;
static volatile UINT	low_runs;
static volatile UINT	low_wakeups;

void high_task(VP_INT exinf)
{
	(void)exinf;
	while (slp_tsk() == E_OK) {
		high_wakeups++;
		step_once(&high_step);
	}
}

void low_task(VP_INT exinf)
{
	(void)exinf;
	low_runs++;
	while (slp_tsk() == E_OK) {
		low_wakeups++;
		step_once(&low_step);
		if (low_raise) {
			/* MAIN_TASK, woken by the handler, preempts us. */
			low_raise = FALSE;
			ER_IS(ras_int(INTNO_SWI1), E_OK);
			step_once(&low_step_after);
		}
	}
}

/* A handler runs at once, in handler context, before ras_int returns. */
static void test_basic(void)
{
	tap_step(1);
	swi_mode = SWI_COUNT;
	swi_step = 2U;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(3);
	INT_IS(swi_runs, 1);

	swi_mode = SWI_CALLS;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(swi_runs, 2);
	/* LOW_TASK, activated by the handler, runs when we wait. */
	INT_IS(low_runs, 0);
	ER_IS(dly_tsk(10), E_OK);
	INT_IS(low_runs, 1);
	OK(!sns_loc());
	OK(!sns_ctx());
}

/* Every ISR attached to a number runs, each with its own exinf. */
static void test_isr(void)
{
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	INT_IS(isr_runs, 3);
	INT_IS(isr_mask, 7);
	INT_IS(isr_bad_ctx, 0);
	INT_IS(isr_locked, 0);

	/* Each starts unlocked even if the one before returned locked. */
	isr_leave_locked = TRUE;
	isr_mask = 0U;
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	isr_leave_locked = FALSE;
	INT_IS(isr_runs, 6);
	INT_IS(isr_mask, 7);
	INT_IS(isr_locked, 0);
	OK(!sns_loc());				/* nor does the task */
}

/* With the CPU locked, an interrupt waits for unl_cpu. */
static void test_locked(void)
{
	tap_step(4);
	swi_mode = SWI_COUNT;
	swi_step = 6U;
	ER_IS(loc_cpu(), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	tap_step(5);
	INT_IS(swi_runs, 2);
	INT_IS(isr_runs, 6);
	ER_IS(unl_cpu(), E_OK);			/* 6 in the handler */
	tap_step(7);
	INT_IS(swi_runs, 3);
	INT_IS(isr_runs, 9);
}

/* A handler that readies a task: preemption at its return, or not. */
static void test_preempt(void)
{
	/* Higher priority: runs as the handler returns, before us. */
	tap_step(8);
	swi_mode = SWI_WUP_HIGH;
	swi_step = 9U;
	high_step = 10U;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 9 handler, 10 HIGH_TASK */
	tap_step(11);
	INT_IS(high_wakeups, 1);

	/* Lower priority: we go on; it runs when we wait. */
	tap_step(12);
	swi_mode = SWI_WUP_LOW;
	swi_step = 13U;
	low_step = 15U;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 13 handler */
	tap_step(14);
	INT_IS(low_wakeups, 0);
	ER_IS(dly_tsk(10), E_OK);		/* 15 LOW_TASK */
	tap_step(16);
	INT_IS(low_wakeups, 1);

	/* Raised while locked: handler and dispatch both at unl_cpu. */
	tap_step(17);
	swi_mode = SWI_WUP_HIGH;
	swi_step = 19U;
	high_step = 20U;
	ER_IS(loc_cpu(), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(18);
	ER_IS(unl_cpu(), E_OK);			/* 19 handler, 20 task */
	tap_step(21);
	INT_IS(high_wakeups, 2);

	/* Dispatching disabled: the handler runs at once, the task it
	 * readied waits for ena_dsp. */
	tap_step(22);
	swi_step = 23U;
	high_step = 25U;
	ER_IS(dis_dsp(), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 23 handler */
	tap_step(24);
	INT_IS(high_wakeups, 2);
	ER_IS(ena_dsp(), E_OK);			/* 25 HIGH_TASK */
	tap_step(26);
	INT_IS(high_wakeups, 3);

	/* Both: the handler at unl_cpu, the task at ena_dsp. */
	swi_step = 28U;
	high_step = 30U;
	ER_IS(dis_dsp(), E_OK);
	ER_IS(loc_cpu(), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_step(27);
	ER_IS(unl_cpu(), E_OK);			/* 28 handler */
	tap_step(29);
	ER_IS(ena_dsp(), E_OK);			/* 30 HIGH_TASK */
	tap_step(31);
	INT_IS(high_wakeups, 4);
}

/* An interrupt raised by a handler runs before the task resumes. */
static void test_raise_in_handler(void)
{
	swi_mode = SWI_RAISE;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(isr_runs, 12);
}

/* An interrupt in a lower-priority task readies MAIN_TASK: MAIN_TASK
 * preempts it as the handler returns. */
static void test_interrupt_other(void)
{
	tap_step(32);
	swi_mode = SWI_WUP_MAIN;
	swi_step = 34U;
	low_step = 33U;
	low_step_after = 37U;
	low_raise = TRUE;
	ER_IS(wup_tsk(LOW_TASK), E_OK);
	ER_IS(slp_tsk(), E_OK);		/* 33 LOW_TASK, 34 handler */
	tap_step(35);
	INT_IS(low_step_after, 37);	/* LOW_TASK has not resumed */
	tap_step(36);
	ER_IS(dly_tsk(10), E_OK);	/* 37 LOW_TASK, after its ras_int */
	tap_step(38);
	INT_IS(low_wakeups, 2);
}

/* The handler def_inh defines at run time. */
static volatile UINT	rt_runs;
static volatile BOOL	rt_try_def;	/* call def_inh from it */
static volatile ER	rt_def_ercd;

static void rt_handler(void)
{
	static const T_DINH dinh = { TA_HLNG, (FP)rt_handler };

	rt_runs++;
	if (rt_try_def) {
		rt_try_def = FALSE;
		rt_def_ercd = def_inh(INHNO_SWI1, &dinh);
	}
}

/* Not an interrupt number on any port: no signal, vector or line. */
#define BAD_INHNO	((INHNO)0x7fffffff)

/*
 * def_inh over DEF_INH's handler, on a number without one (the ISRs'),
 * undefining both, and its errors.  It ends with DEF_INH's handler back.
 */
static void test_def_inh(void)
{
	static const T_DINH rt = { TA_HLNG, (FP)rt_handler };
	static const T_DINH orig = { TA_HLNG, (FP)swi_handler };
	static const T_DINH asm_atr = { TA_ASM, (FP)rt_handler };
	static const T_DINH act_atr = { TA_ACT, (FP)rt_handler };
	static const T_DINH none = { TA_HLNG, NULL };
	ER ercd;

	swi_mode = SWI_COUNT;
	tap_ercd(def_inh(INHNO_SWI1, &rt), E_OK, "def_inh over DEF_INH's");
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_int(rt_runs, 1, "the new handler runs");
	tap_int(swi_runs, 10, "DEF_INH's does not");

	tap_ercd(def_inh(INHNO_SWI1, NULL), E_OK, "def_inh(NULL) undefines");
	tap_ercd(ras_int(INTNO_SWI1), E_PAR,
		 "ras_int: no handler nor ISR left: E_PAR");
	INT_IS(rt_runs, 1);
	tap_int(swi_runs, 10, "DEF_INH's does not come back");

	tap_ercd(def_inh(INHNO_SWI1, &rt), E_OK, "defined again");
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(rt_runs, 2);
	INT_IS(swi_runs, 10);

	/* A handler on a number with ISRs: both run; undefined: the ISRs. */
	tap_ercd(def_inh(INHNO_SWI2, &rt), E_OK, "def_inh on the ISRs' number");
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	tap_int(rt_runs, 3, "the handler runs");
	tap_int(isr_runs, 15, "... and the ISRs");
	ER_IS(def_inh(INHNO_SWI2, NULL), E_OK);
	tap_ercd(ras_int(INTNO_SWI2), E_OK, "undefined: ras_int still has "
		 "the ISRs");
	tap_int(rt_runs, 3, "the handler no longer runs");
	tap_int(isr_runs, 18, "the ISRs do");

	/* Errors leave the definition as it was. */
	tap_ercd(def_inh(INHNO_SWI1, &asm_atr), E_RSATR, "def_inh: TA_ASM");
	tap_ercd(def_inh(INHNO_SWI1, &act_atr), E_RSATR, "def_inh: TA_ACT");
	tap_ercd(def_inh(INHNO_SWI1, &none), E_PAR, "def_inh: NULL inthdr");
	tap_ercd(def_inh(BAD_INHNO, &rt), E_PAR,
		 "def_inh: a number the port does not deliver");
	tap_ercd(def_inh(BAD_INHNO, NULL), E_PAR, "... nor undefines it");
	ER_IS(ras_int(BAD_INHNO), E_PAR);
	ER_IS(loc_cpu(), E_OK);
	ercd = def_inh(INHNO_SWI1, &orig);
	ER_IS(unl_cpu(), E_OK);
	tap_ercd(ercd, E_CTX, "def_inh with the CPU locked");
	ER_IS(loc_cpu(), E_OK);
	ercd = def_inh(INHNO_SWI1, NULL);
	ER_IS(unl_cpu(), E_OK);
	tap_ercd(ercd, E_CTX, "def_inh(NULL) with the CPU locked");
	rt_try_def = TRUE;
	rt_def_ercd = E_OK;
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	tap_ercd(rt_def_ercd, E_CTX, "def_inh from a handler");
	tap_int(rt_runs, 4, "after the errors, the same handler runs");
	INT_IS(swi_runs, 10);

	/* DEF_INH's function back, through def_inh. */
	ER_IS(dis_dsp(), E_OK);
	tap_ercd(def_inh(INHNO_SWI1, &orig), E_OK,
		 "def_inh with dispatching disabled");
	ER_IS(ena_dsp(), E_OK);
	swi_step = 39U;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 39 handler */
	tap_step(40);
	tap_int(swi_runs, 11, "DEF_INH's function back");
	INT_IS(rt_runs, 4);
}

/*
 * Interrupt numbers the port delivers and the test does not use, as
 * many as def_inh's table has entries.  Each port's own: no macro names
 * them on every port.
 */
#if defined(UNITRON_PORT_POSIX)
#define SPARE_INHNO(n)	((INHNO)(40U + (n)))	/* real-time signals */
#elif defined(UNITRON_PORT_LINUX)
#define SPARE_INHNO(n)	INHNO_SWI(3U + (n))	/* software lines */
#elif defined(UNITRON_PORT_BARE)
#define SPARE_INHNO(n)	((INHNO)(0x80U + (n)))	/* free vectors */
#endif
#define TNUM_DEF_INH	16U	/* def_inh's table (TNUM_RTDEF) */

/* The table full: E_NOMEM for a new number, not for one in it.  Last:
 * nothing is undefined after. */
static void test_def_inh_nomem(void)
{
#ifdef SPARE_INHNO
	static const T_DINH rt = { TA_HLNG, (FP)rt_handler };
	static const T_DINH orig = { TA_HLNG, (FP)swi_handler };
	UINT n;

	/* INHNO_SWI1 and INHNO_SWI2 have their entries. */
	for (n = 0; n < TNUM_DEF_INH &&
		    def_inh(SPARE_INHNO(n), &rt) == E_OK; n++)
		;
	tap_int(n, TNUM_DEF_INH - 2U, "def_inh: room for 16 numbers");
	tap_ercd(def_inh(SPARE_INHNO(TNUM_DEF_INH), &rt), E_NOMEM,
		 "def_inh: a 17th number: E_NOMEM");
	tap_ercd(def_inh(SPARE_INHNO(TNUM_DEF_INH), NULL), E_NOMEM,
		 "... to undefine it too");
	tap_ercd(def_inh(SPARE_INHNO(0), NULL), E_OK,
		 "a number in the table: its entry");
	ER_IS(def_inh(INHNO_SWI2, &rt), E_OK);
	ER_IS(def_inh(INHNO_SWI1, &orig), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	INT_IS(swi_runs, 12);
	INT_IS(rt_runs, 4);
	ER_IS(ras_int(INTNO_SWI2), E_OK);
	INT_IS(rt_runs, 5);
	INT_IS(isr_runs, 21);
#else
	tap_diag("no spare interrupt numbers known on this port: "
		 "E_NOMEM not tested");
#endif
}

/* The linux port has no DEF_EXC (the exception test does not run there):
 * def_exc is E_NOSPT. */
#ifndef EXCNO_FPE
static void exc_unused(VP p_excinf)
{
	(void)p_excinf;
}

static void test_def_exc_nospt(void)
{
	static const T_DEXC dexc = { TA_HLNG, (FP)exc_unused };
	ER ercd;

	tap_ercd(def_exc(0, &dexc), E_NOSPT, "def_exc: no CPU exceptions");
	ER_IS(def_exc(0, NULL), E_NOSPT);
	ER_IS(loc_cpu(), E_OK);
	ercd = def_exc(0, &dexc);
	ER_IS(unl_cpu(), E_OK);
	ER_IS(ercd, E_CTX);
}
#endif

void main_task(VP_INT exinf)
{
	(void)exinf;
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* runs, sleeps */
	test_basic();
	test_isr();
	test_locked();
	test_preempt();
	test_raise_in_handler();
	test_interrupt_other();
	INT_IS(swi_runs, 10);
	test_def_inh();
#ifndef EXCNO_FPE
	test_def_exc_nospt();
#endif
	test_def_inh_nomem();
	tap_done();
}
