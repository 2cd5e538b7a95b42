/*
 * Benchmark: a cyclic handler's activation times, as in seed 000's
 * table 3.1.  10,000 intervals are recorded with vxget_tim (µs); the main
 * task then prints the interval statistics and the latency against the
 * ideal schedule (activation k should come k periods after the first),
 * which is what cyclictest reports for Linux.
 */
#include <t_services.h>
#include "kernel_id.h"
#include "cyclic.h"

#ifndef INTERVALS
#define INTERVALS	10000U
#endif

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

/* Square root by Newton's method: the core has no libm. */
static double root(double x)
{
	double r = x > 1.0 ? x : 1.0;
	int i;

	if (x <= 0.0)
		return 0.0;
	for (i = 0; i < 60; i++)
		r = 0.5 * (r + x / r);
	return r;
}

static void report(const char *prefix, const char *what, double value)
{
	double mag = value < 0.0 ? -value : value;
	unsigned long whole = (unsigned long)mag;
	unsigned long frac = (unsigned long)((mag - (double)whole) * 1000.0);

	syslog(LOG_EMERG, "%s_%s %s%lu.%03lu us", prefix, what,
	       value < 0.0 ? "-" : "", whole, frac);
}

/* min, max, mean and standard deviation of n values from get(i). */
static void stats(const char *prefix, double (*get)(UINT), UINT n)
{
	double min = get(0), max = min, sum = 0.0, sq = 0.0, mean;
	UINT i;

	for (i = 0; i < n; i++) {
		double v = get(i);

		min = v < min ? v : min;
		max = v > max ? v : max;
		sum += v;
	}
	mean = sum / n;
	for (i = 0; i < n; i++)
		sq += (get(i) - mean) * (get(i) - mean);
	report(prefix, "min", min);
	report(prefix, "max", max);
	report(prefix, "mean", mean);
	report(prefix, "stddev", root(sq / n));
}

static double interval(UINT i)
{
	return (double)(stamp[i + 1U] - stamp[i]);
}

/* Lateness of activation i against the ideal schedule from the first. */
static double lateness(UINT i)
{
	return (double)(stamp[i] - stamp[0]) - (double)i * PERIOD_MS * 1000.0;
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	syslog(LOG_EMERG, "cyclic_period %d ms, %u intervals", PERIOD_MS,
	       INTERVALS);
	(void)sta_cyc(SAMPLER);
	(void)slp_tsk();
	(void)stp_cyc(SAMPLER);
	stats("interval", interval, INTERVALS);
	stats("lateness", lateness, INTERVALS + 1U);
	kernel_exit();
}
