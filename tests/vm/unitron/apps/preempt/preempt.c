/*
 * Linux port: asynchronous preemption.  LOW_TASK computes forever and
 * never calls the kernel; a cyclic handler activates HIGH_TASK, which
 * must run at once (the handler redirects the interrupted task to a
 * dispatch).  With the CPU locked, the dispatch waits for unl_cpu.
 * Then LOW_TASK compares and branches in a loop while a 1 ms cyclic
 * handler preempts it many times: its flags must survive each one.
 */
#include "preempt.h"

enum phase { PHASE_FREE, PHASE_LOCKED, PHASE_FLAGS };

#define FLAG_PREEMPTIONS	300

static volatile unsigned long	spins;
static volatile unsigned long	spins_seen;
static volatile enum phase	phase;
static SYSUTIM			t_raise, t_high, t_unlock;
static unsigned int		preemptions;
const int			flags_three = 3;	/* read by flags_spin */
unsigned long			flags_wrong;	/* counted by flags_spin */

/*
 * flags_spin(): "2 < flags_three" is false, so its jl must never be
 * taken; flags_wrong counts each time it is.  The jl straddles a page
 * boundary, so that QEMU's TCG, which takes interrupts only between its
 * translation blocks, ends a block between the cmp and the jl: a share
 * of the preemptions land there, as they may anywhere on hardware.
 */
void flags_spin(void) __attribute__((__noreturn__));
asm(	"	.pushsection .text\n"
	"	.p2align 12\n"
	"	.skip 0xff2, 0xcc\n"		/* the jl starts at 0xfff */
	"	.type flags_spin, @function\n"
	"flags_spin:\n"
	"1:	movl $2, %r8d\n"			/* 6 bytes */
	"	cmpl %r8d, flags_three(%rip)\n"	/* 7 bytes */
	"	jl 2f\n"
	"	jmp 1b\n"
	"2:	incq flags_wrong(%rip)\n"
	"	jmp 1b\n"
	"	.size flags_spin, . - flags_spin\n"
	"	.popsection\n");

void low_task(VP_INT exinf)
{
	SYSUTIM start, now;

	if (phase == PHASE_FLAGS)
		flags_spin();
	if (phase == PHASE_LOCKED) {
		/* Compute for 30 ms with the CPU locked. */
		loc_cpu();
		vxget_tim(&start);
		do {
			spins++;
			vxget_tim(&now);
		} while (now - start < 30000);
		vxget_tim(&t_unlock);
		unl_cpu();
	}
	for (;;)
		spins++;
}

void cyclic_handler(VP_INT exinf)
{
	vxget_tim(&t_raise);
	iact_tsk(HIGH_TASK);
}

void fast_cyclic_handler(VP_INT exinf)
{
	iact_tsk(HIGH_TASK);
}

void high_task(VP_INT exinf)
{
	if (phase == PHASE_FLAGS) {
		if (++preemptions == FLAG_PREEMPTIONS) {
			stp_cyc(FAST_CYC);
			wup_tsk(MAIN_TASK);
		}
		return;
	}
	vxget_tim(&t_high);
	spins_seen = spins;
	stp_cyc(CYC);
	wup_tsk(MAIN_TASK);
}

static void run_phase(enum phase which)
{
	spins = 0;
	spins_seen = 0;
	phase = which;
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(sta_cyc(CYC), E_OK);
	/* LOW_TASK runs while we wait; only a preemption can end this. */
	ER_IS(tslp_tsk(5000), E_OK);
	OK(spins_seen > 0);
	ER_IS(ter_tsk(LOW_TASK), E_OK);
	/*
	 * A late tick (a busy host, in TCG) catches up several periods at
	 * once: the cyclic handler may have run twice before HIGH_TASK
	 * stopped it, and HIGH_TASK's second run queued a wakeup.  The
	 * next phase starts afresh.
	 */
	(void)can_wup(TSK_SELF);
}

void main_task(VP_INT exinf)
{
	run_phase(PHASE_FREE);
	OK(t_high >= t_raise);
	syslog(LOG_EMERG, "# handler to preempting task: %lu us",
	       (unsigned long)(t_high - t_raise));

	run_phase(PHASE_LOCKED);
	/* The activation came during the locked stretch: it ran after. */
	OK(t_high >= t_unlock);
	syslog(LOG_EMERG, "# unl_cpu to preempting task: %lu us",
	       (unsigned long)(t_high - t_unlock));

	phase = PHASE_FLAGS;
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(sta_cyc(FAST_CYC), E_OK);
	ER_IS(tslp_tsk(30000), E_OK);
	ER_IS(ter_tsk(LOW_TASK), E_OK);
	tap_int(preemptions, FLAG_PREEMPTIONS, "a comparing task preempted "
		"FLAG_PREEMPTIONS times");
	tap_int(flags_wrong, 0, "... its flags survived every preemption");
	tap_done();
}
