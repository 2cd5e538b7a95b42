/*
 * Benchmark: a cyclic handler's activation times, as in seed 000's
 * table 3.1.  INTERVALS intervals are recorded with vxget_tim (µs); the
 * main task then prints two records (bench/lib/devstat.h) for the host:
 *
 *   interval_us  each interval's deviation from the period
 *   lateness_us  activation k against k periods after the first (what
 *                cyclictest reports for Linux)
 *
 * Integer arithmetic only: on the linux port this is kernel code.
 */
#include <t_services.h>
#include "kernel_id.h"
#include "cyclic.h"
#include "devstat.h"

#ifndef INTERVALS
#define INTERVALS	10000U
#endif
#define PERIOD_US	(PERIOD_MS * 1000LL)

static SYSUTIM		stamp[INTERVALS + 1U];
static volatile UINT	count;

void sample_handler(VP_INT exinf)
{
	(void)exinf;
	if (count > INTERVALS)
		return;
	(void)vxget_tim(&stamp[count]);
	if (++count == INTERVALS + 1U)
		(void)iwup_tsk(MAIN_TASK);
}

/* Deviation of interval i from the period. */
static long long interval(UINT i)
{
	return (long long)(stamp[i + 1U] - stamp[i]) - PERIOD_US;
}

/* Lateness of activation i + 1 against the ideal schedule from the first. */
static long long lateness(UINT i)
{
	return (long long)(stamp[i + 1U] - stamp[0]) - (i + 1LL) * PERIOD_US;
}

static void report(const char *what, long long (*get)(UINT))
{
	struct devstat s;
	UINT i;

	devstat_init(&s);
	for (i = 0; i < INTERVALS; i++)
		devstat_add(&s, get(i));
	syslog(LOG_EMERG, "BENCH %s " BENCH_WHO " " DEVSTAT_FMT, what,
	       DEVSTAT_ARGS(&s));
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	syslog(LOG_EMERG, "cyclic_period %d ms, %u intervals", PERIOD_MS,
	       INTERVALS);
	(void)sta_cyc(SAMPLER);
	(void)slp_tsk();
	(void)stp_cyc(SAMPLER);
	report("interval_us", interval);
	report("lateness_us", lateness);
	kernel_exit();
}
