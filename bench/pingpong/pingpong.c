/*
 * Benchmark: two µITRON tasks bouncing a semaphore (a round trip is two
 * task switches), the cost of loc_cpu/unl_cpu, of act_tsk+ext_tsk of a
 * higher-priority task, of an uncontended loc_mtx+unl_mtx, and of a
 * priority-inheritance handover (a high task waits for a low one's
 * mutex, the low one inherits its priority, unlocks, and the high one
 * takes the mutex).  Prints "name value unit" lines for bench/run.sh.
 * Integer arithmetic only: on the linux port this is kernel code.
 */
#include <t_services.h>
#include "kernel_id.h"
#include "pingpong.h"

#define ROUND_TRIPS	200000UL
#define LOCK_PAIRS	10000000UL
#define ACTIVATIONS	200000UL
#define MUTEX_PAIRS	1000000UL
#define HANDOVERS	200000UL

static SYSUTIM elapsed_since(SYSUTIM start)
{
	SYSUTIM now;

	(void)vxget_tim(&now);
	return now > start ? now - start : 1UL;
}

void ping_task(VP_INT exinf)
{
	unsigned long i;

	(void)exinf;
	for (i = 0; i < ROUND_TRIPS; i++) {
		(void)sig_sem(SEM_PONG);
		(void)wai_sem(SEM_PING);
	}
	(void)sig_sem(SEM_DONE);
}

void pong_task(VP_INT exinf)
{
	(void)exinf;
	for (;;) {
		(void)wai_sem(SEM_PONG);
		(void)sig_sem(SEM_PING);
	}
}

void empty_task(VP_INT exinf)
{
	(void)exinf;
}

/* Each round: the high task waits for the mutex, and gets it at unl_mtx. */
void mtx_low_task(VP_INT exinf)
{
	unsigned long i;

	(void)exinf;
	for (i = 0; i < HANDOVERS; i++) {
		(void)loc_mtx(MTX);
		(void)wup_tsk(MTX_HIGH);	/* it runs, and waits for MTX */
		(void)unl_mtx(MTX);		/* it runs, unlocks, sleeps */
	}
	(void)sig_sem(SEM_DONE);
}

void mtx_high_task(VP_INT exinf)
{
	(void)exinf;
	for (;;) {
		(void)slp_tsk();
		(void)loc_mtx(MTX);
		(void)unl_mtx(MTX);
	}
}

/* Print num / den with three decimals. */
static void report(const char *name, unsigned long long num,
		   unsigned long long den, const char *unit)
{
	unsigned long long milli = num * 1000ULL / den;

	syslog(LOG_EMERG, "%s %llu.%03llu %s", name, milli / 1000ULL,
	       milli % 1000ULL, unit);
}

void main_task(VP_INT exinf)
{
	SYSUTIM start, us;
	unsigned long i;

	(void)exinf;
	(void)act_tsk(PONG);
	(void)vxget_tim(&start);
	(void)act_tsk(PING);
	(void)wai_sem(SEM_DONE);
	us = elapsed_since(start);
	report("itron_sem_round_trips_per_s", ROUND_TRIPS * 1000000ULL, us,
	       "1/s");

	(void)vxget_tim(&start);
	for (i = 0; i < LOCK_PAIRS; i++) {
		(void)loc_cpu();
		(void)unl_cpu();
	}
	report("itron_loc_unl_cpu_ns", elapsed_since(start) * 1000ULL,
	       LOCK_PAIRS, "ns");

	(void)vxget_tim(&start);
	for (i = 0; i < ACTIVATIONS; i++)
		(void)act_tsk(EMPTY);
	report("itron_act_ext_tsk_ns", elapsed_since(start) * 1000ULL,
	       ACTIVATIONS, "ns");

	(void)vxget_tim(&start);
	for (i = 0; i < MUTEX_PAIRS; i++) {
		(void)loc_mtx(MTX);
		(void)unl_mtx(MTX);
	}
	report("itron_loc_unl_mtx_ns", elapsed_since(start) * 1000ULL,
	       MUTEX_PAIRS, "ns");

	(void)act_tsk(MTX_HIGH);
	(void)vxget_tim(&start);
	(void)act_tsk(MTX_LOW);
	(void)wai_sem(SEM_DONE);
	report("itron_pi_handovers_per_s", HANDOVERS * 1000000ULL,
	       elapsed_since(start), "1/s");
	kernel_exit();
}
