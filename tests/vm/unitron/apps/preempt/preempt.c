/*
 * Linux port: asynchronous preemption.  LOW_TASK computes forever and
 * never calls the kernel; a cyclic handler activates HIGH_TASK, which
 * must run at once (the handler redirects the interrupted task to a
 * dispatch).  With the CPU locked, the dispatch waits for unl_cpu.
 */
#include "tests.h"

static volatile unsigned long	spins;
static volatile unsigned long	spins_seen;
static volatile BOOL		lock_phase;
static SYSUTIM			t_raise, t_high, t_unlock;

void low_task(VP_INT exinf)
{
	SYSUTIM start, now;

	if (lock_phase) {
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

void high_task(VP_INT exinf)
{
	vxget_tim(&t_high);
	spins_seen = spins;
	stp_cyc(CYC);
	wup_tsk(MAIN_TASK);
}

static void run_phase(BOOL locked)
{
	spins = 0;
	spins_seen = 0;
	lock_phase = locked;
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
	run_phase(FALSE);
	OK(t_high >= t_raise);
	syslog(LOG_EMERG, "# handler to preempting task: %lu us",
	       (unsigned long)(t_high - t_raise));

	run_phase(TRUE);
	/* The activation came during the locked stretch: it ran after. */
	OK(t_high >= t_unlock);
	syslog(LOG_EMERG, "# unl_cpu to preempting task: %lu us",
	       (unsigned long)(t_high - t_unlock));
	tap_done();
}
