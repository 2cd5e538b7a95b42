/*
 * Guest program: the Linux side of the cyclic benchmark (seed 000's
 * table 3.1), in the record format of the µITRON side
 * (bench/lib/devstat.h), times in µs:
 *
 *   cycstat ualarm PERIOD_US COUNT
 *       COUNT intervals of ualarm()'s SIGALRM: "BENCH interval_us ualarm"
 *   cycstat cyclictest PERIOD_US COUNT <cyclictest -v output
 *       COUNT intervals from cyclictest's per-cycle latencies (run it for
 *       COUNT + 1 loops): "BENCH interval_us cyclictest", and the
 *       latencies themselves, "BENCH latency_us cyclictest"
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "bench/lib/devstat.h"

static long long		*stamps;	/* µs, or latencies in µs */
static volatile sig_atomic_t	count;
static long			wanted;

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void on_alarm(int sig)
{
	(void)sig;
	if (count <= wanted)
		stamps[count++] = now_us();
}

/* Print the record of the n - 1 intervals between n values. */
static void intervals(const char *who, long long period_us, long n)
{
	struct devstat s;
	long i;

	devstat_init(&s);
	for (i = 0; i + 1 < n; i++)
		devstat_add(&s, stamps[i + 1] - stamps[i] - period_us);
	printf("BENCH interval_us %s " DEVSTAT_FMT "\n", who, DEVSTAT_ARGS(&s));
}

static int run_ualarm(long long period_us)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	if (mlockall(MCL_CURRENT | MCL_FUTURE) < 0)
		perror("cycstat: mlockall");
	ualarm((useconds_t)period_us, (useconds_t)period_us);
	while (count <= wanted)
		pause();
	ualarm(0, 0);
	intervals("ualarm", period_us, wanted + 1);
	return 0;
}

/*
 * cyclictest -v lines, "thread: cycle: latency", as wake-up times from
 * the first cycle's due time: each cycle is due a period after the last,
 * or at the first period boundary after the last wake-up, as cyclictest
 * skips the periods it overran.
 */
static int read_cyclictest(long long period_us)
{
	struct devstat lat;
	char line[128];
	long n = 0;
	int thread;
	long cycle;
	long long v, due = 0;

	devstat_init(&lat);
	while (fgets(line, sizeof(line), stdin) && n <= wanted) {
		if (sscanf(line, " %d: %ld: %lld", &thread, &cycle, &v) != 3)
			continue;
		devstat_add(&lat, v);
		stamps[n] = due + v;
		do
			due += period_us;
		while (due < stamps[n]);
		n++;
	}
	intervals("cyclictest", period_us, n);
	printf("BENCH latency_us cyclictest " DEVSTAT_FMT "\n",
	       DEVSTAT_ARGS(&lat));
	return 0;
}

int main(int argc, char **argv)
{
	long long period_us = argc == 4 ? atoll(argv[2]) : 0;
	int ualarm_mode = argc == 4 && strcmp(argv[1], "ualarm") == 0;

	wanted = argc == 4 ? atol(argv[3]) : 0;
	if (period_us <= 0 || wanted <= 0 ||
	    (!ualarm_mode && strcmp(argv[1], "cyclictest") != 0)) {
		fprintf(stderr, "usage: cycstat ualarm PERIOD_US COUNT\n"
				"       cycstat cyclictest PERIOD_US COUNT <cyclictest -v output\n");
		return 2;
	}
	stamps = calloc((size_t)wanted + 1, sizeof(*stamps));
	if (!stamps) {
		perror("cycstat");
		return 1;
	}
	return ualarm_mode ? run_ualarm(period_us) : read_cyclictest(period_us);
}
