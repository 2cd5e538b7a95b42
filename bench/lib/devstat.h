/*
 * Benchmarks: running statistics of integer samples, in integers only.
 *
 * Shared by µITRON applications (on the linux port they are kernel code,
 * where floating point is forbidden) and by the Linux programs measured
 * beside them, so that every side reports the same record:
 *
 *   BENCH <what> <who> n=N min=MIN max=MAX sum=SUM sumsq=SUMSQ max_at=I
 *
 * max_at: which sample (from 1) was the largest, to tell a start-up
 * effect from one that recurs.
 *
 * The host computes mean and standard deviation from it (bench/run.sh).
 * Freestanding: no header, plain C types.  sumsq does not overflow while
 * n * max|v|^2 < 1.8e19: 10,000 samples of up to 42 ms in nanoseconds.
 */
#ifndef BENCH_DEVSTAT_H
#define BENCH_DEVSTAT_H

struct devstat {
	unsigned long		n;
	long long		min;
	long long		max;
	unsigned long		max_at;		/* which sample, from 1 */
	long long		sum;
	unsigned long long	sumsq;
};

/*
 * A µITRON measurer's name in its records: "itron", "itron_adv" for a
 * build (-DTICK_ADVANCED) that the guest loads with tick_advance_us, or
 * "own" for an image of the own-core port (port/bare).
 */
#ifdef TICK_ADVANCED
#define BENCH_WHO	"itron_adv"
#elif defined(UNITRON_PORT_BARE)
#define BENCH_WHO	"own"
#else
#define BENCH_WHO	"itron"
#endif

/* printf/syslog format of a record's numbers, and its arguments. */
#define DEVSTAT_FMT	"n=%lu min=%lld max=%lld sum=%lld sumsq=%llu max_at=%lu"
#define DEVSTAT_ARGS(s)	(s)->n, (s)->min, (s)->max, (s)->sum, (s)->sumsq, \
			(s)->max_at

static inline void devstat_init(struct devstat *s)
{
	s->n = 0;
	s->min = 0;
	s->max = 0;
	s->max_at = 0;
	s->sum = 0;
	s->sumsq = 0;
}

static inline void devstat_add(struct devstat *s, long long v)
{
	if (s->n == 0 || v < s->min)
		s->min = v;
	s->n++;
	if (s->n == 1 || v > s->max) {
		s->max = v;
		s->max_at = s->n;
	}
	s->sum += v;
	s->sumsq += (unsigned long long)(v * v);
}

#endif /* BENCH_DEVSTAT_H */
