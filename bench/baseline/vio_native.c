/*
 * native - the same operations as viobench, made directly by a Linux
 * process in the same directory: the baseline.  "BENCH <name>_us".
 *   native DIR [N]
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DATA_SIZE	(8L * 1024 * 1024)
#define BIG_SIZE	(200L * 1024 * 1024)

static char buf[8192];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void report_as(const char *prefix, const char *name, double t0,
		      int n)
{
	printf("BENCH %s%s_us %.2f\n", prefix, name, (now() - t0) / n);
}

static void report(const char *name, double t0, int n)
{
	report_as("", name, t0, n);
}

/* The page cache dropped: false when this process may not. */
static int drop_cache(void)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);
	int ok = fd >= 0 && write(fd, "3", 1) == 1;

	if (fd >= 0)
		close(fd);
	return ok;
}

/*
 * 1,000 reads and writes, sequential and random, in file (size bytes);
 * cold: the page cache dropped before each run ("cold_" names; the runs
 * end when this process may not drop it).
 */
static void transfers(const char *file, long size, int cold)
{
	static const int sizes[] = { 1024, 8192 };
	static const char *const names[2][4] = {
		{ "seqread1k", "randread1k", "seqwrite1k", "randwrite1k" },
		{ "seqread8k", "randread8k", "seqwrite8k", "randwrite8k" },
	};
	unsigned long x = cold ? 54321 : 12345;
	int fd = open(file, O_RDWR), s, k, i;
	double t0;

	/* Warm: all of it in the page cache first. */
	for (i = 0; !cold && fd >= 0 && i < size / 8192; i++)
		(void)!pread(fd, buf, 8192, (off_t)i * 8192);
	for (s = 0; fd >= 0 && s < 2; s++) {
		for (k = 0; k < 4; k++) {
			if (cold) {
				sync();
				if (!drop_cache())
					goto out;
			}
			t0 = now();
			for (i = 0; i < 1000; i++) {
				off_t off = (off_t)i * sizes[s];

				if (k == 1 || k == 3) {
					x = x * 1103515245UL + 12345UL;
					off = (off_t)(x % (size / sizes[s])) *
					      sizes[s];
				}
				if (k < 2)
					(void)!pread(fd, buf, sizes[s], off);
				else
					(void)!pwrite(fd, buf, sizes[s], off);
			}
			report_as(cold ? "cold_" : "", names[s][k], t0, 1000);
		}
	}
out:
	if (fd >= 0)
		close(fd);
}

static void on_cpu(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	(void)sched_setaffinity(0, sizeof(set), &set);
}

/*
 * A delegated call's bare transport: a byte to a process on another CPU
 * and back, through two pipes, continuously and after a 1 ms pause (the
 * other process asleep, its CPU idle).
 */
static void pipe_round_trips(int n)
{
	int to[2], from[2], i;
	double t0, total = 0;
	struct timespec ms = { 0, 1000000 };
	pid_t pid;
	char c = 0;

	if (pipe(to) < 0 || pipe(from) < 0)
		return;
	pid = fork();
	if (pid < 0)
		return;
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		on_cpu(1);
		while (read(to[0], &c, 1) == 1 && write(from[1], &c, 1) == 1)
			;
		_exit(0);
	}
	on_cpu(0);
	t0 = now();
	for (i = 0; i < n; i++)
		if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1)
			break;
	report("pipe_round_trip", t0, n);
	for (i = 0; i < n / 10; i++) {
		nanosleep(&ms, NULL);
		t0 = now();
		if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1)
			break;
		total += now() - t0;
	}
	printf("BENCH pipe_round_trip_pause_us %.2f\n", total / (n / 10));
	close(to[0]);
	close(to[1]);
	close(from[0]);
	close(from[1]);
	waitpid(pid, NULL, 0);
	sched_setaffinity(0, sizeof(cpu_set_t), &(cpu_set_t){ { ~0UL } });
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[2]) : 2000, i, fd;
	struct stat st;
	double t0;

	if (argc < 2 || chdir(argv[1]) < 0) {
		fprintf(stderr, "usage: native DIR [N]\n");
		return 2;
	}
	t0 = now();
	for (i = 0; i < n; i++)
		syscall(SYS_getpid);
	report("getpid", t0, n);
	pipe_round_trips(n);
	t0 = now();
	for (i = 0; i < n; i++)
		stat("data", &st);
	report("stat", t0, n);
	t0 = now();
	for (i = 0; i < n; i++)
		close(open("data", O_RDONLY));
	report("open_close", t0, n);
	t0 = now();
	for (i = 0; i < n; i++) {
		fd = open("data", O_RDONLY);
		fstat(fd, &st);
		close(fd);
	}
	report("open_fstat_close", t0, n);
	t0 = now();
	for (i = 0; i < n; i++) {
		fd = open("data", O_RDONLY);
		lseek(fd, 4096, SEEK_SET);
		close(fd);
	}
	report("open_lseek_close", t0, n);
	t0 = now();
	for (i = 0; i < n; i++) {
		fd = open("data", O_RDONLY);
		(void)!read(fd, buf, 1024);
		close(fd);
	}
	report("open_read1k_close", t0, n);
	t0 = now();
	for (i = 0; i < n; i++) {
		fd = open("out", O_WRONLY | O_CREAT, 0644);
		(void)!write(fd, buf, 1024);
		close(fd);
	}
	report("open_write1k_close", t0, n);
	transfers("data", DATA_SIZE, 0);
	transfers("big", BIG_SIZE, 1);
	return 0;
}
