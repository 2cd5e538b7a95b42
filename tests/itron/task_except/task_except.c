/*
 * Conformance: task exception handling - ras_tex iras_tex dis_tex ena_tex
 * sns_tex: error codes, pattern accumulation, when the routine runs (at
 * once for the invoking task, when a task next runs, when a handler
 * returns to it), the state it runs in and leaves, and ext_tsk from it.
 */
#include "tests.h"

/* Tasks by exinf (the .cfg): the routine learns whose it is from it. */
#define T_MAIN		1
#define T_HIGH		2
#define T_LOW		3
#define NTASK		4

/* What the routine does, once, besides recording its call. */
enum {
	ACT_NONE,
	ACT_RAISE,	/* ras_tex(TSK_SELF) again: runs after this returns */
	ACT_NEST,	/* ena_tex, then ras_tex(TSK_SELF): runs nested */
	ACT_LOCK,	/* leave dispatching disabled and the CPU locked */
	ACT_DSP_ACT,	/* dis_dsp, act_tsk(HIGH_TASK) */
	ACT_EXIT	/* ext_tsk() */
};

static volatile UINT	tex_calls[NTASK];
static volatile TEXPTN	tex_ptn[NTASK];		/* last pattern */
static volatile BOOL	tex_saw_enabled[NTASK]; /* !sns_tex() */
static volatile UINT	tex_step[NTASK];	/* checkpoint, once */
static volatile UINT	tex_action[NTASK];
static volatile UINT	tex_depth;
static volatile UINT	tex_max_depth;
static TEXPTN		tex_log[8];
static volatile UINT	tex_nlog;

void tex_routine(TEXPTN texptn, VP_INT exinf)
{
	UINT i = (UINT)exinf;
	UINT step = tex_step[i];
	UINT action = tex_action[i];

	if (++tex_depth > tex_max_depth)
		tex_max_depth = tex_depth;
	tex_calls[i]++;
	tex_ptn[i] = texptn;
	if (tex_nlog < sizeof(tex_log) / sizeof(tex_log[0]))
		tex_log[tex_nlog++] = texptn;
	if (!sns_tex())
		tex_saw_enabled[i] = TRUE;
	tex_step[i] = 0U;
	tex_action[i] = ACT_NONE;
	if (step != 0U)
		tap_step(step);

	switch (action) {
	case ACT_RAISE:
		ER_IS(ras_tex(TSK_SELF, 0x100U), E_OK);
		break;
	case ACT_NEST:
		ER_IS(ena_tex(), E_OK);
		ER_IS(ras_tex(TSK_SELF, 0x200U), E_OK);
		break;
	case ACT_LOCK:
		ER_IS(dis_dsp(), E_OK);
		ER_IS(loc_cpu(), E_OK);
		break;
	case ACT_DSP_ACT:
		ER_IS(dis_dsp(), E_OK);
		ER_IS(act_tsk(HIGH_TASK), E_OK);
		tap_step(7);			/* HIGH_TASK waits for us */
		break;
	case ACT_EXIT:
		tex_depth--;
		(void)ext_tsk();
		tap_ok(FALSE, "ext_tsk() returned in a task exception routine");
		break;
	}
	tex_depth--;
}

/* Software interrupt: what it does this time. */
enum { SWI_ENABLED, SWI_DISABLED, SWI_PREEMPT };
static volatile UINT	swi_mode;
static volatile UINT	main_calls;	/* MAIN_TASK's routine calls */

void swi_handler(void)
{
	switch (swi_mode) {
	case SWI_ENABLED:
		/* Task-context calls fail; bad IDs, patterns and objects. */
		ER_IS(ras_tex(MAIN_TASK, 1U), E_CTX);
		ER_IS(dis_tex(), E_CTX);
		ER_IS(ena_tex(), E_CTX);
		ER_IS(iras_tex(TSK_SELF, 1U), E_ID);
		ER_IS(iras_tex(TNUM_TSKID + 1, 1U), E_ID);
		ER_IS(iras_tex(MAIN_TASK, 0U), E_PAR);
		ER_IS(iras_tex(LOW_TASK, 1U), E_OBJ);	/* dormant */
		ER_IS(iras_tex(ACT_TASK, 1U), E_OBJ);
		ER_IS(iloc_cpu(), E_OK);
		ER_IS(iras_tex(MAIN_TASK, 1U), E_CTX);
		ER_IS(iunl_cpu(), E_OK);
		/* sns_tex: the interrupted task's state. */
		OK(!sns_tex());
		ER_IS(iras_tex(MAIN_TASK, 0x2U), E_OK);
		OK(tex_calls[T_MAIN] == main_calls);	/* not yet */
		tap_step(16);
		break;
	case SWI_DISABLED:
		OK(sns_tex());
		ER_IS(iras_tex(MAIN_TASK, 0x4U), E_OK);
		tap_step(19);
		break;
	case SWI_PREEMPT:
		ER_IS(iwup_tsk(HIGH_TASK), E_OK);
		ER_IS(iras_tex(MAIN_TASK, 0x8U), E_OK);
		tap_step(23);
		break;
	}
}

/* HIGH_TASK: each activation plays its own part (see main_task). */
static volatile UINT	high_runs;
static volatile BOOL	high_resumed;

void high_task(VP_INT exinf)
{
	(void)exinf;
	switch (++high_runs) {
	case 1:				/* test_routine_state */
		tap_step(8);
		break;
	case 2:				/* test_other_task... */
		ER_IS(ena_tex(), E_OK);
		tap_step(10);
		ER_IS(slp_tsk(), E_OK);	/* its routine runs first */
		tap_step(13);
		ER_IS(slp_tsk(), E_OK);	/* iwup_tsk */
		tap_step(24);
		ER_IS(slp_tsk(), E_OK);	/* its routine ends it */
		high_resumed = TRUE;
		break;
	case 3:				/* test_restart */
	case 4:
		OK(sns_tex());		/* starts with them disabled */
		ER_IS(ena_tex(), E_OK);
		OK(!sns_tex());
		(void)slp_tsk();
		break;
	}
}

/* LOW_TASK: delivery when it next runs after being preempted. */
void low_task(VP_INT exinf)
{
	(void)exinf;
	ER_IS(ena_tex(), E_OK);
	tap_step(31);
	ER_IS(wup_tsk(MAIN_TASK), E_OK);	/* MAIN_TASK preempts us */
	tap_step(35);
	INT_IS(tex_calls[T_LOW], 1);
	INT_IS(tex_ptn[T_LOW], 0x30);
	ER_IS(wup_tsk(MAIN_TASK), E_OK);
}

/* ACT_TASK (TA_ACT) has no task exception routine. */
static volatile BOOL	act_task_ran;

void act_task(VP_INT exinf)
{
	(void)exinf;
	OK(sns_tex());
	ER_IS(dis_tex(), E_OBJ);
	ER_IS(ena_tex(), E_OBJ);
	ER_IS(ras_tex(TSK_SELF, 1U), E_OBJ);
	OK(sns_tex());
	act_task_ran = TRUE;
	(void)slp_tsk();
}

static void test_errors(void)
{
	OK(sns_tex());			/* disabled at task start */
	ER_IS(ras_tex(TSK_SELF, 0U), E_PAR);
	ER_IS(ras_tex(-1, 1U), E_ID);
	ER_IS(ras_tex(TNUM_TSKID + 1, 1U), E_ID);
	ER_IS(ras_tex(HIGH_TASK, 1U), E_OBJ);	/* dormant */
	ER_IS(ras_tex(ACT_TASK, 1U), E_OBJ);	/* no DEF_TEX */
	ER_IS(iras_tex(MAIN_TASK, 1U), E_CTX);
	ER_IS(loc_cpu(), E_OK);
	ER_IS(ras_tex(TSK_SELF, 1U), E_CTX);
	ER_IS(dis_tex(), E_CTX);
	ER_IS(ena_tex(), E_CTX);
	OK(sns_tex());
	ER_IS(unl_cpu(), E_OK);
	INT_IS(tex_calls[T_MAIN], 0);
	/* Let ACT_TASK check its own calls. */
	ER_IS(dly_tsk(10), E_OK);
	OK(act_task_ran);
}

/* On the invoking task: at once when enabled, else at ena_tex. */
static void test_self(void)
{
	ER_IS(ras_tex(TSK_SELF, 0x1U), E_OK);
	ER_IS(ras_tex(MAIN_TASK, 0x4U), E_OK);
	INT_IS(tex_calls[T_MAIN], 0);
	tap_step(1);
	tex_step[T_MAIN] = 2U;
	ER_IS(ena_tex(), E_OK);
	tap_step(3);
	INT_IS(tex_calls[T_MAIN], 1);
	INT_IS(tex_ptn[T_MAIN], 0x5);
	OK(!tex_saw_enabled[T_MAIN]);	/* it runs with them disabled */
	OK(!sns_tex());

	tex_step[T_MAIN] = 4U;
	ER_IS(ras_tex(TSK_SELF, 0x10U), E_OK);
	tap_step(5);
	INT_IS(tex_calls[T_MAIN], 2);
	INT_IS(tex_ptn[T_MAIN], 0x10);

	/* Patterns raised while disabled are ORed into one call. */
	ER_IS(dis_tex(), E_OK);
	OK(sns_tex());
	ER_IS(ras_tex(TSK_SELF, 0x20U), E_OK);
	ER_IS(ras_tex(MAIN_TASK, 0x40U), E_OK);
	ER_IS(ras_tex(TSK_SELF, 0x20U), E_OK);
	INT_IS(tex_calls[T_MAIN], 2);
	ER_IS(ena_tex(), E_OK);
	INT_IS(tex_calls[T_MAIN], 3);
	INT_IS(tex_ptn[T_MAIN], 0x60);

	/* Nothing pending: enabling and disabling again are no-ops. */
	ER_IS(dis_tex(), E_OK);
	ER_IS(dis_tex(), E_OK);
	ER_IS(ena_tex(), E_OK);
	ER_IS(ena_tex(), E_OK);
	INT_IS(tex_calls[T_MAIN], 3);
	OK(!sns_tex());
}

/* What the routine does and the state it leaves. */
static void test_routine_state(void)
{
	/* Raised again inside: run again after it returns, not nested. */
	tex_nlog = 0U;
	tex_max_depth = 0U;
	tex_action[T_MAIN] = ACT_RAISE;
	ER_IS(ras_tex(TSK_SELF, 0x1U), E_OK);
	INT_IS(tex_nlog, 2);
	INT_IS(tex_log[0], 0x1);
	INT_IS(tex_log[1], 0x100);
	INT_IS(tex_max_depth, 1);

	/* Enabled inside: a new exception runs nested, at once. */
	tex_nlog = 0U;
	tex_max_depth = 0U;
	tex_action[T_MAIN] = ACT_NEST;
	ER_IS(ras_tex(TSK_SELF, 0x1U), E_OK);
	INT_IS(tex_nlog, 2);
	INT_IS(tex_log[0], 0x1);
	INT_IS(tex_log[1], 0x200);
	INT_IS(tex_max_depth, 2);
	OK(!sns_tex());

	/* Dispatching disabled or the CPU locked inside: undone. */
	tex_action[T_MAIN] = ACT_LOCK;
	ER_IS(ras_tex(TSK_SELF, 0x1U), E_OK);
	OK(!sns_loc());
	OK(!sns_dsp());
	OK(!sns_tex());

	/* A task readied while it disabled dispatching runs at its return. */
	tap_step(6);
	tex_action[T_MAIN] = ACT_DSP_ACT;
	ER_IS(ras_tex(TSK_SELF, 0x1U), E_OK);	/* 7 inside, 8 HIGH_TASK */
	tap_step(9);
	INT_IS(high_runs, 1);
}

/* On another task: when it next runs, before its own code. */
static void test_other_task(void)
{
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* enables, sleeps */
	tap_step(11);
	ER_IS(ras_tex(HIGH_TASK, 0x8U), E_OK);
	ER_IS(ras_tex(HIGH_TASK, 0x1U), E_OK);
	INT_IS(tex_calls[T_HIGH], 0);
	tex_step[T_HIGH] = 12U;
	ER_IS(wup_tsk(HIGH_TASK), E_OK);		/* 12 routine, 13 task */
	tap_step(14);
	INT_IS(tex_calls[T_HIGH], 1);
	INT_IS(tex_ptn[T_HIGH], 0x9);
	OK(!tex_saw_enabled[T_HIGH]);
}

/* Raised by a handler: when it returns to the task. */
static void test_handler(void)
{
	INT_IS(tex_calls[T_MAIN], 9);
	main_calls = tex_calls[T_MAIN];
	tap_step(15);
	swi_mode = SWI_ENABLED;
	tex_step[T_MAIN] = 17U;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 16 handler, 17 routine */
	tap_step(18);
	INT_IS(tex_calls[T_MAIN], 10);
	INT_IS(tex_ptn[T_MAIN], 0x2);

	/* Disabled: it waits for ena_tex. */
	ER_IS(dis_tex(), E_OK);
	swi_mode = SWI_DISABLED;
	tex_step[T_MAIN] = 21U;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 19 handler */
	tap_step(20);
	INT_IS(tex_calls[T_MAIN], 10);
	ER_IS(ena_tex(), E_OK);			/* 21 routine */
	tap_step(22);
	INT_IS(tex_ptn[T_MAIN], 0x4);

	/* The handler also readied a higher-priority task: it runs first,
	 * then our routine, then we continue. */
	swi_mode = SWI_PREEMPT;
	tex_step[T_MAIN] = 25U;
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 23 handler, 24 HIGH_TASK */
	tap_step(26);
	INT_IS(tex_calls[T_MAIN], 12);
	INT_IS(tex_ptn[T_MAIN], 0x8);
}

/* The tick's cyclic handler raises on the running task, once. */
static volatile BOOL	cyc_raised;

void cyclic_handler(VP_INT exinf)
{
	(void)exinf;
	if (cyc_raised)
		return;
	cyc_raised = TRUE;
	ER_IS(iras_tex(MAIN_TASK, 0x40U), E_OK);
}

/*
 * Raised by a timer's handler while the task computes, calling nothing:
 * the routine runs as the handler returns to it, not at its next call.
 */
static void test_timer_handler(void)
{
	UINT calls = tex_calls[T_MAIN];
	SYSUTIM start, now;

	tex_step[T_MAIN] = 38U;
	tap_step(37);
	ER_IS(sta_cyc(TEX_CYC), E_OK);
	(void)vxget_tim(&start);
	do
		(void)vxget_tim(&now);
	while (tex_calls[T_MAIN] == calls && now - start < 2000000U);
	tap_step(39);
	ER_IS(stp_cyc(TEX_CYC), E_OK);
	INT_IS(tex_calls[T_MAIN], calls + 1U);
	INT_IS(tex_ptn[T_MAIN], 0x40);
}

/* ext_tsk from the routine ends the task; a restart clears patterns. */
static void test_exit(void)
{
	tex_action[T_HIGH] = ACT_EXIT;
	tex_step[T_HIGH] = 28U;
	ER_IS(ras_tex(HIGH_TASK, 0x8000U), E_OK);
	tap_step(27);
	ER_IS(wup_tsk(HIGH_TASK), E_OK);		/* 28 routine, ends */
	tap_step(29);
	OK(!high_resumed);
	INT_IS(tex_ptn[T_HIGH], 0x8000);
	ER_IS(ras_tex(HIGH_TASK, 0x1U), E_OBJ);	/* dormant */
	INT_IS(tex_depth, 0);

	/* A pattern pending at termination is gone after a restart. */
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* enables, sleeps */
	ER_IS(ras_tex(HIGH_TASK, 0x1U), E_OK);
	ER_IS(ter_tsk(HIGH_TASK), E_OK);
	INT_IS(tex_calls[T_HIGH], 2);
	ER_IS(act_tsk(HIGH_TASK), E_OK);		/* enables, sleeps */
	INT_IS(high_runs, 4);
	INT_IS(tex_calls[T_HIGH], 2);
	ER_IS(ter_tsk(HIGH_TASK), E_OK);
}

/* Delivery to a task that was preempted while ready (LOW_TASK). */
static void test_preempted(void)
{
	tap_step(30);
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(slp_tsk(), E_OK);			/* 31 LOW_TASK wakes us */
	tap_step(32);
	ER_IS(ras_tex(LOW_TASK, 0x10U), E_OK);
	ER_IS(ras_tex(LOW_TASK, 0x20U), E_OK);
	INT_IS(tex_calls[T_LOW], 0);
	tex_step[T_LOW] = 34U;
	tap_step(33);
	ER_IS(slp_tsk(), E_OK);			/* 34 routine, 35 task */
	tap_step(36);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_self();
	test_routine_state();
	test_other_task();
	test_handler();
	test_exit();
	test_preempted();
	test_timer_handler();
	tap_done();
}
