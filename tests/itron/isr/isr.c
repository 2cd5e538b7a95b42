/*
 * Conformance: interrupt service routines created at run time - cre_isr,
 * acre_isr and del_isr on the IDs AID_ISR reserves, raised as software
 * interrupts with ras_int:
 *
 *   - on a number with ATT_ISR routines, the created ones run after
 *     them, in ID order (not the order they were created in), each with
 *     its exinf, in handler context, each starting with the CPU unlocked;
 *   - on a number with nothing else attached, a created ISR makes ras_int
 *     work, and after del_isr of the last one ras_int is E_PAR; with a
 *     def_inh handler on the number both run, and either keeps the
 *     number attached without the other;
 *   - a deleted ISR no longer runs; a re-created ID runs its new routine;
 *     exinf reaches the routine whole (a pointer);
 *   - acre_isr takes the lowest free ID, E_NOID when there is none;
 *   - raised with the CPU locked, a created ISR runs at unl_cpu; a task
 *     it readies preempts the interrupted one as it returns;
 *   - errors: E_ID, E_OBJ, E_NOEXS, E_RSATR, E_PAR (NULL routine or
 *     packet, a number no port delivers), E_CTX (from a handler, with the
 *     CPU locked; not with dispatching disabled); failed calls change
 *     nothing.
 *
 * Numbers: INTNO_SWI2 has two ATT_ISR routines (isr.cfg), INTNO_SWI1
 * nothing; both are delivered on every port.
 */
#include "tests.h"
#include "isr.h"

/* The cases below use IDs 1, 2 and 3, and E_NOID after them. */
#if NA_ISR != 3
#error "isr.c expects NA_ISR 3"
#endif

/* Not an interrupt number on any port: no signal, line or vector. */
#define BAD_INTNO	((INTNO)0x7fffffff)
/* An attribute bit cre_isr does not define. */
#define BAD_ATR		0x10U

/*
 * The routines that ran, as digits in order: 9 for each ATT_ISR routine
 * (µITRON leaves their order among themselves open: att_mask says
 * which), a created routine's exinf for it (isr_ptr: 6).
 * 99345: both ATT_ISR routines, then the ISRs with exinf 3, 4 and 5.
 */
static volatile long	order;
static volatile UINT	att_mask;
static volatile UINT	bad_ctx;	/* runs outside handler context */
static volatile UINT	locked_in;	/* runs entered with the CPU locked */

static void ran(long digit)
{
	if (!sns_ctx() || !sns_dpn())
		bad_ctx++;
	if (sns_loc())
		locked_in++;
	order = order * 10 + digit;
}

/* The ATT_ISR routines on INTNO_SWI2, exinf 1 and 2. */
static volatile BOOL	att_leave_locked;

void swi_isr(VP_INT exinf)
{
	att_mask |= (UINT)exinf;
	ran(9);
	if (att_leave_locked)
		(void)iloc_cpu();
}

/* Created routines: isr_a and isr_b record their exinf. */
static volatile UINT	a_runs;
static volatile UINT	b_runs;

static void isr_a(VP_INT exinf)
{
	a_runs++;
	ran((long)exinf);
}

static void isr_b(VP_INT exinf)
{
	b_runs++;
	ran((long)exinf);
}

/* Returns with the CPU locked: the next routine must start unlocked. */
static void isr_lock(VP_INT exinf)
{
	ran((long)exinf);
	(void)iloc_cpu();
}

/* Keeps its exinf whole: a pointer. */
static volatile VP_INT	seen_exinf;

static void isr_ptr(VP_INT exinf)
{
	seen_exinf = exinf;
	ran(6);
}

/* A def_inh handler on INHNO_SWI1 and INHNO_SWI2: counts apart. */
static volatile UINT	def_runs;

static void swi_def_handler(void)
{
	def_runs++;
}

/*
 * Created with its own ID as exinf: what it sees and what the service
 * calls of task context return in it, checked by the task afterwards.
 */
static volatile BOOL	ctx_sns_ctx;
static volatile BOOL	ctx_sns_loc;
static volatile ER	ctx_get_tid;
static volatile ID	ctx_tskid;
static volatile ER	ctx_cre;
static volatile ER	ctx_acre;
static volatile ER	ctx_del;

static void isr_ctx(VP_INT exinf)
{
	static const T_CISR cisr = { TA_HLNG, 5, INTNO_SWI1, (FP)isr_a };
	ID tskid = -1;

	ctx_sns_ctx = sns_ctx();
	ctx_sns_loc = sns_loc();
	ctx_get_tid = iget_tid(&tskid);
	ctx_tskid = tskid;
	ctx_cre = cre_isr(NA_ISR, &cisr);
	ctx_acre = acre_isr(&cisr);
	ctx_del = del_isr((ID)exinf);
	ran((long)exinf);
}

/* Readies HIGH_TASK, which must not run before the routine returns. */
static volatile ER	act_ercd;
static volatile UINT	high_step;

static void isr_act(VP_INT exinf)
{
	(void)exinf;
	act_ercd = iact_tsk(HIGH_TASK);
	tap_step(2);
	high_step = 3U;
}

void high_task(VP_INT exinf)
{
	UINT step = high_step;

	(void)exinf;
	high_step = 0U;
	if (step != 0U)
		tap_step(step);
}

/* The order since the last call, forgotten. */
static long take(void)
{
	long o = order;

	order = 0;
	return o;
}

/* ras_int(intno) is E_OK and ran the routines expected, in order. */
static void raise_runs(INTNO intno, long expected, const char *name)
{
	order = 0;
	tap_ercd(ras_int(intno), E_OK, name);
	tap_int(take(), expected, name);
}

/* At start: every reserved ID free, nothing on INTNO_SWI1. */
static void test_start(void)
{
	ID id;

	tap_ercd(ras_int(INTNO_SWI1), E_PAR,
		 "nothing attached to INTNO_SWI1: ras_int E_PAR");
	for (id = 1; id <= NA_ISR; id++)
		tap_ercd(del_isr(id), E_NOEXS,
			 "at start, del_isr of a reserved ID: E_NOEXS");
	att_mask = 0U;
	raise_runs(INTNO_SWI2, 99, "INTNO_SWI2: the ATT_ISR routines");
	INT_IS(att_mask, 3);
}

/*
 * On the ATT_ISR routines' number: after them, in ID order; deleted,
 * re-created; E_OBJ and E_NOID change nothing.
 */
static void test_after_att(void)
{
	static const T_CISR c1 = { TA_HLNG, 3, INTNO_SWI2, (FP)isr_a };
	static const T_CISR c2 = { TA_HLNG, 4, INTNO_SWI2, (FP)isr_a };
	static const T_CISR c3 = { TA_HLNG, 5, INTNO_SWI2, (FP)isr_a };
	static const T_CISR b2 = { TA_HLNG, 7, INTNO_SWI2, (FP)isr_b };
	static const T_CISR b_other = { TA_HLNG, 6, INTNO_SWI2, (FP)isr_b };
	T_RISR risr;

	/* Created in the order 3, 1, 2. */
	tap_ercd(cre_isr(3, &c3), E_OK, "cre_isr(3) on the ATT_ISR number");
	tap_ercd(cre_isr(1, &c1), E_OK, "cre_isr(1)");
	tap_int(acre_isr(&c2), 2, "acre_isr: the free ID between them");
	att_mask = 0U;
	bad_ctx = 0U;
	locked_in = 0U;
	raise_runs(INTNO_SWI2, 99345,
		   "after the ATT_ISR routines, by ID, with their exinf");
	tap_int(att_mask, 3, "both ATT_ISR routines ran");
	INT_IS(a_runs, 3);
	tap_int(bad_ctx, 0, "each in handler context (sns_ctx, sns_dpn)");
	tap_int(locked_in, 0, "each with the CPU unlocked");

	tap_ercd(del_isr(2), E_OK, "del_isr(2)");
	raise_runs(INTNO_SWI2, 9935, "a deleted ISR no longer runs");
	INT_IS(a_runs, 5);

	tap_ercd(cre_isr(2, &b2), E_OK, "cre_isr(2) again, another routine");
	raise_runs(INTNO_SWI2, 99375,
		   "the re-created ID runs its new routine, in its place");
	tap_int(b_runs, 1, "the new routine ran");
	tap_int(a_runs, 7, "the old one did not");

	tap_ercd(cre_isr(1, &b_other), E_OBJ, "cre_isr of an ID in use: E_OBJ");
	tap_ercd(cre_isr(2, &b_other), E_OBJ, "... the re-created one too");
	tap_ercd(acre_isr(&b_other), E_NOID,
		 "acre_isr with every reserved ID in use: E_NOID");
	raise_runs(INTNO_SWI2, 99375, "E_OBJ and E_NOID changed nothing");
	tap_int(b_runs, 2, "isr_b ran once more, as ID 2");

	/* ref_isr: what it was created with. */
	risr.intno = 0U;
	risr.exinf = 0;
	ER_IS(ref_isr(2, &risr), E_OK);
	tap_ok(risr.intno == INTNO_SWI2 && risr.exinf == 7,
	       "ref_isr: its interrupt number and exinf");
	tap_ercd(ref_isr(2, NULL), E_PAR, "ref_isr(NULL): E_PAR");
	tap_ercd(ref_isr(0, &risr), E_ID, "ref_isr(0): E_ID");
	tap_ercd(ref_isr(NA_ISR + 1, &risr), E_ID, "ref_isr beyond the last "
		 "ID: E_ID");

	ER_IS(del_isr(1), E_OK);
	ER_IS(del_isr(2), E_OK);
	ER_IS(del_isr(3), E_OK);
	tap_ercd(del_isr(2), E_NOEXS, "del_isr of a deleted ID: E_NOEXS");
	tap_ercd(ref_isr(2, &risr), E_NOEXS, "ref_isr of a deleted ID: "
		 "E_NOEXS");
	raise_runs(INTNO_SWI2, 99, "all deleted: the ATT_ISR routines alone");
}

/* On a number with nothing else attached: ras_int works while one is. */
static void test_alone(void)
{
	static const T_CISR c3 = { TA_HLNG, 3, INTNO_SWI1, (FP)isr_a };
	static const T_CISR c4 = { TA_HLNG, 4, INTNO_SWI1, (FP)isr_a };
	static const T_CISR c6 = { TA_HLNG, 6, INTNO_SWI1, (FP)isr_b };
	static const T_CISR other = { TA_HLNG, 5, INTNO_SWI2, (FP)isr_a };
	static const T_CISR ptr = { TA_HLNG, (VP_INT)&seen_exinf, INTNO_SWI1,
				    (FP)isr_ptr };

	tap_int(acre_isr(&c3), 1, "acre_isr on INTNO_SWI1: ID 1");
	raise_runs(INTNO_SWI1, 3,
		   "a created ISR alone on its number: ras_int runs it");
	raise_runs(INTNO_SWI2, 99, "... and not on another number");
	tap_int(acre_isr(&c4), 2, "acre_isr: ID 2");
	raise_runs(INTNO_SWI1, 34, "two created ISRs alone: both, by ID");
	tap_int(acre_isr(&other), 3, "acre_isr on INTNO_SWI2: ID 3");
	raise_runs(INTNO_SWI1, 34, "each number runs its own ISRs");
	raise_runs(INTNO_SWI2, 995, "... on both numbers");
	ER_IS(del_isr(3), E_OK);

	ER_IS(del_isr(1), E_OK);
	raise_runs(INTNO_SWI1, 4, "one deleted: the other still attached");
	ER_IS(del_isr(2), E_OK);
	order = 0;
	tap_ercd(ras_int(INTNO_SWI1), E_PAR,
		 "after del_isr of the last one: ras_int E_PAR");
	tap_int(take(), 0, "nothing ran");

	tap_ercd(cre_isr(2, &c6), E_OK, "cre_isr(2) on INTNO_SWI1 again");
	raise_runs(INTNO_SWI1, 6, "attached again, the new routine runs");
	ER_IS(del_isr(2), E_OK);
	tap_ercd(ras_int(INTNO_SWI1), E_PAR, "deleted: E_PAR again");

	/* exinf whole: a pointer. */
	seen_exinf = 0;
	tap_ercd(cre_isr(NA_ISR, &ptr), E_OK, "cre_isr, a pointer as exinf");
	raise_runs(INTNO_SWI1, 6, "it runs");
	tap_ok(seen_exinf == (VP_INT)&seen_exinf, "with that exinf, whole");
	ER_IS(del_isr(NA_ISR), E_OK);
}

/*
 * With a def_inh handler on the number: both run (the ISRs in ID order,
 * after ATT_ISR's; the handler counted apart, its place among them not
 * being what this test is about), and either keeps the number attached.
 */
static void test_with_handler(void)
{
	static const T_DINH dinh = { TA_HLNG, (FP)swi_def_handler };
	static const T_CISR c3 = { TA_HLNG, 3, INTNO_SWI1, (FP)isr_a };
	static const T_CISR c4 = { TA_HLNG, 4, INTNO_SWI2, (FP)isr_a };

	ER_IS(def_inh(INHNO_SWI1, &dinh), E_OK);
	tap_int(acre_isr(&c3), 1, "acre_isr on the def_inh handler's number");
	raise_runs(INTNO_SWI1, 3, "the created ISR runs with the handler");
	tap_int(def_runs, 1, "... and the handler");
	ER_IS(def_inh(INHNO_SWI1, NULL), E_OK);
	raise_runs(INTNO_SWI1, 3,
		   "handler undefined: the created ISR keeps the number");
	tap_int(def_runs, 1, "the handler no longer runs");
	ER_IS(def_inh(INHNO_SWI1, &dinh), E_OK);
	ER_IS(del_isr(1), E_OK);
	raise_runs(INTNO_SWI1, 0, "ISR deleted: the handler keeps the number");
	tap_int(def_runs, 2, "the handler runs alone");
	ER_IS(def_inh(INHNO_SWI1, NULL), E_OK);
	order = 0;
	tap_ercd(ras_int(INTNO_SWI1), E_PAR,
		 "neither handler nor ISR: ras_int E_PAR");
	tap_int(take(), 0, "nothing ran");
	tap_int(def_runs, 2, "not even the handler");

	/* On the ATT_ISR routines' number: all three kinds. */
	ER_IS(def_inh(INHNO_SWI2, &dinh), E_OK);
	ER_IS(cre_isr(2, &c4), E_OK);
	raise_runs(INTNO_SWI2, 994,
		   "a handler too: the created ISR after the ATT_ISR routines");
	tap_int(def_runs, 3, "the handler ran");
	ER_IS(def_inh(INHNO_SWI2, NULL), E_OK);
	ER_IS(del_isr(2), E_OK);
	raise_runs(INTNO_SWI2, 99, "the ATT_ISR routines alone again");
	tap_int(def_runs, 3, "the handler did not");
}

/* acre_isr: the lowest free ID; E_NOID when every one is in use. */
static void test_acre(void)
{
	static const T_CISR c[] = {
		{ TA_HLNG, 3, INTNO_SWI2, (FP)isr_a },
		{ TA_HLNG, 4, INTNO_SWI2, (FP)isr_a },
		{ TA_HLNG, 5, INTNO_SWI2, (FP)isr_a },
		{ TA_HLNG, 6, INTNO_SWI2, (FP)isr_a },
		{ TA_HLNG, 7, INTNO_SWI2, (FP)isr_a },
		{ TA_HLNG, 1, INTNO_SWI2, (FP)isr_a },
	};

	tap_int(acre_isr(&c[0]), 1, "acre_isr: ID 1");
	tap_int(acre_isr(&c[1]), 2, "acre_isr: ID 2");
	tap_int(acre_isr(&c[2]), 3, "acre_isr: ID 3");
	tap_ercd(acre_isr(&c[3]), E_NOID, "acre_isr: none left: E_NOID");
	ER_IS(del_isr(2), E_OK);
	tap_int(acre_isr(&c[3]), 2, "acre_isr: the freed ID 2");
	raise_runs(INTNO_SWI2, 99365, "ID 2 runs its new exinf");
	ER_IS(del_isr(3), E_OK);
	ER_IS(del_isr(1), E_OK);
	tap_int(acre_isr(&c[4]), 1, "acre_isr: ID 1 before ID 3");
	tap_int(acre_isr(&c[5]), 3, "acre_isr: then ID 3");
	tap_ercd(acre_isr(&c[0]), E_NOID, "acre_isr: E_NOID again");
	raise_runs(INTNO_SWI2, 99761, "the three by ID");
	ER_IS(del_isr(1), E_OK);
	ER_IS(del_isr(2), E_OK);
	ER_IS(del_isr(3), E_OK);
}

/* Every error of cre_isr, acre_isr and del_isr; none changes anything. */
static void test_errors(void)
{
	static const T_CISR ok = { TA_HLNG, 3, INTNO_SWI1, (FP)isr_a };
	static const T_CISR asm_atr = { TA_ASM, 3, INTNO_SWI1, (FP)isr_a };
	static const T_CISR bad_atr = { BAD_ATR, 3, INTNO_SWI1, (FP)isr_a };
	static const T_CISR no_isr = { TA_HLNG, 3, INTNO_SWI1, NULL };
	static const T_CISR bad_no = { TA_HLNG, 3, BAD_INTNO, (FP)isr_a };

	tap_ercd(cre_isr(0, &ok), E_ID, "cre_isr(0): E_ID");
	tap_ercd(cre_isr(-1, &ok), E_ID, "cre_isr(-1): E_ID");
	tap_ercd(cre_isr(NA_ISR + 1, &ok), E_ID,
		 "cre_isr beyond the reserved IDs: E_ID");
	tap_ercd(del_isr(0), E_ID, "del_isr(0): E_ID");
	tap_ercd(del_isr(-1), E_ID, "del_isr(-1): E_ID");
	tap_ercd(del_isr(NA_ISR + 1), E_ID,
		 "del_isr beyond the reserved IDs: E_ID");

	tap_ercd(cre_isr(1, &asm_atr), E_RSATR, "cre_isr: TA_ASM: E_RSATR");
	tap_ercd(acre_isr(&asm_atr), E_RSATR, "acre_isr: TA_ASM: E_RSATR");
	tap_ercd(cre_isr(1, &bad_atr), E_RSATR,
		 "cre_isr: an undefined attribute: E_RSATR");
	tap_ercd(acre_isr(&bad_atr), E_RSATR,
		 "acre_isr: an undefined attribute: E_RSATR");

	tap_ercd(cre_isr(1, &no_isr), E_PAR, "cre_isr: NULL isr: E_PAR");
	tap_ercd(acre_isr(&no_isr), E_PAR, "acre_isr: NULL isr: E_PAR");
	tap_ercd(cre_isr(1, &bad_no), E_PAR,
		 "cre_isr: a number the port does not deliver: E_PAR");
	tap_ercd(acre_isr(&bad_no), E_PAR,
		 "acre_isr: a number the port does not deliver: E_PAR");
	tap_ercd(cre_isr(1, NULL), E_PAR, "cre_isr: NULL packet: E_PAR");
	tap_ercd(acre_isr(NULL), E_PAR, "acre_isr: NULL packet: E_PAR");

	tap_ercd(ras_int(INTNO_SWI1), E_PAR,
		 "the failed calls attached nothing to INTNO_SWI1");
	tap_ercd(ras_int(BAD_INTNO), E_PAR, "... nor to the bad number");
	tap_ercd(del_isr(1), E_NOEXS, "... nor took ID 1");
	tap_int(acre_isr(&ok), 1, "acre_isr after them: ID 1");
	raise_runs(INTNO_SWI1, 3, "ID 1 runs");
	ER_IS(del_isr(1), E_OK);
}

/* Task context only: E_CTX with the CPU locked and from a handler. */
static void test_ctx(void)
{
	static const T_CISR c3 = { TA_HLNG, 3, INTNO_SWI1, (FP)isr_a };
	static const T_CISR c4 = { TA_HLNG, 4, INTNO_SWI1, (FP)isr_a };
	static const T_CISR ctx = { TA_HLNG, 1, INTNO_SWI1, (FP)isr_ctx };
	ER cre, acre, del;

	ER_IS(cre_isr(1, &c3), E_OK);
	ER_IS(loc_cpu(), E_OK);
	cre = cre_isr(2, &c4);
	acre = acre_isr(&c4);
	del = del_isr(1);
	ER_IS(unl_cpu(), E_OK);
	tap_ercd(cre, E_CTX, "cre_isr with the CPU locked: E_CTX");
	tap_ercd(acre, E_CTX, "acre_isr with the CPU locked: E_CTX");
	tap_ercd(del, E_CTX, "del_isr with the CPU locked: E_CTX");
	raise_runs(INTNO_SWI1, 3,
		   "after them: ID 1 still there, nothing created");
	tap_ercd(del_isr(2), E_NOEXS, "ID 2 still free");
	ER_IS(del_isr(1), E_OK);

	/* From the created ISR itself: ID 1, exinf 1. */
	ctx_sns_ctx = FALSE;
	ctx_sns_loc = TRUE;
	ctx_get_tid = E_SYS;
	ctx_tskid = -1;
	ctx_cre = ctx_acre = ctx_del = E_OK;
	ER_IS(cre_isr(1, &ctx), E_OK);
	raise_runs(INTNO_SWI1, 1, "the routine calling them ran");
	tap_ok(ctx_sns_ctx, "sns_ctx() TRUE in a created ISR");
	tap_ok(!ctx_sns_loc, "sns_loc() FALSE in it");
	tap_ercd(ctx_get_tid, E_OK, "iget_tid in it");
	tap_int(ctx_tskid, MAIN_TASK, "... the interrupted task");
	tap_ercd(ctx_cre, E_CTX, "cre_isr from a handler: E_CTX");
	tap_ercd(ctx_acre, E_CTX, "acre_isr from a handler: E_CTX");
	tap_ercd(ctx_del, E_CTX, "del_isr (itself) from a handler: E_CTX");
	tap_ercd(del_isr(NA_ISR), E_NOEXS, "nothing created from the handler");
	tap_ercd(del_isr(2), E_NOEXS, "... by acre_isr either");
	tap_ercd(del_isr(1), E_OK, "the ISR was not deleted");

	/* Dispatching disabled is still task context. */
	ER_IS(dis_dsp(), E_OK);
	tap_ercd(cre_isr(1, &c3), E_OK, "cre_isr with dispatching disabled");
	raise_runs(INTNO_SWI1, 3, "... runs");
	tap_ercd(del_isr(1), E_OK, "del_isr with dispatching disabled");
	tap_int(acre_isr(&c4), 1, "acre_isr with dispatching disabled");
	ER_IS(del_isr(1), E_OK);
	ER_IS(ena_dsp(), E_OK);
}

/* Each created ISR starts with the CPU unlocked, whatever ran before. */
static void test_unlocked(void)
{
	static const T_CISR lock = { TA_HLNG, 3, INTNO_SWI2, (FP)isr_lock };
	static const T_CISR c4 = { TA_HLNG, 4, INTNO_SWI2, (FP)isr_a };

	ER_IS(cre_isr(1, &lock), E_OK);
	ER_IS(cre_isr(2, &c4), E_OK);
	att_leave_locked = TRUE;
	locked_in = 0U;
	raise_runs(INTNO_SWI2, 9934, "routines returning with the CPU locked");
	att_leave_locked = FALSE;
	tap_int(locked_in, 0, "each routine after one started unlocked");
	OK(!sns_loc());
	ER_IS(del_isr(1), E_OK);
	ER_IS(del_isr(2), E_OK);
}

/* Raised with the CPU locked, a created ISR runs at unl_cpu. */
static void test_raised_locked(void)
{
	static const T_CISR c3 = { TA_HLNG, 3, INTNO_SWI1, (FP)isr_a };
	long before;

	ER_IS(cre_isr(1, &c3), E_OK);
	order = 0;
	ER_IS(loc_cpu(), E_OK);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	before = order;
	ER_IS(unl_cpu(), E_OK);
	tap_int(before, 0, "raised with the CPU locked: held");
	tap_int(take(), 3, "... runs at unl_cpu");
	ER_IS(del_isr(1), E_OK);
}

/* A task a created ISR readies preempts MAIN_TASK as the ISR returns. */
static void test_dispatch(void)
{
	static const T_CISR act = { TA_HLNG, 0, INTNO_SWI1, (FP)isr_act };

	ER_IS(cre_isr(1, &act), E_OK);
	tap_step(1);
	ER_IS(ras_int(INTNO_SWI1), E_OK);	/* 2 ISR, 3 HIGH_TASK */
	tap_step(4);
	tap_ercd(act_ercd, E_OK, "iact_tsk from a created ISR");
	ER_IS(del_isr(1), E_OK);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_start();
	test_after_att();
	test_alone();
	test_with_handler();
	test_acre();
	test_errors();
	test_ctx();
	test_unlocked();
	test_raised_locked();
	test_dispatch();
	tap_int(bad_ctx, 0, "every routine, all along, in handler context");
	tap_done();
}
