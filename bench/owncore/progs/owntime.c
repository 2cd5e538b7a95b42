/*
 * Guest program: how long the own-core loader takes to boot a µITRON
 * image on a CPU taken from Linux and to give the CPU back, beside
 * Linux's own CPU hotplug of the same CPU, in the record format of
 * bench/lib/devstat.h (µs, CLOCK_MONOTONIC), ROUNDS rounds:
 *
 *   owntime KO IMAGE CPU ROUNDS
 *
 *   insmod_us own    finit_module(KO, "cpu=CPU image=IMAGE"): the CPU
 *                    offlined, reset, booted, the image alive
 *   running_us own   from the same start to the image's first tick in
 *                    sysfs (its kernel started, the APIC timer ticking)
 *   rmmod_us own     delete_module: the CPU parked, and online again
 *   offline_us linux writing 0 to the CPU's sysfs online file
 *   online_us linux  writing 1 to it
 *
 * Each record also has median=, the middle sample.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "bench/lib/devstat.h"

#define MAX_ROUNDS	1000
#define TICKS		"/sys/kernel/unitron_core/ticks"
#define MODULE		"unitron_core"

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

/* The first number in FILE, or -1. */
static long long read_num(const char *file)
{
	char buf[64];
	int fd = open(file, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return strtoll(buf, NULL, 10);
}

static void write_str(const char *file, const char *s)
{
	int fd = open(file, O_WRONLY);

	if (fd < 0 || write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		die(file);
	close(fd);
}

static int cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static void report(const char *what, const char *who, long long *v, int n)
{
	struct devstat s;
	int i;

	devstat_init(&s);
	for (i = 0; i < n; i++)
		devstat_add(&s, v[i]);
	qsort(v, n, sizeof(*v), cmp);
	printf("BENCH %s %s " DEVSTAT_FMT " median=%lld\n", what, who,
	       DEVSTAT_ARGS(&s), v[n / 2]);
}

static long long insmod_us[MAX_ROUNDS], running_us[MAX_ROUNDS],
		 rmmod_us[MAX_ROUNDS], offline_us[MAX_ROUNDS],
		 online_us[MAX_ROUNDS];

int main(int argc, char **argv)
{
	char params[512], online[64];
	long long t0, t1;
	int rounds, i, fd;

	if (argc != 5 || (rounds = atoi(argv[4])) < 1 || rounds > MAX_ROUNDS) {
		fprintf(stderr, "usage: owntime KO IMAGE CPU ROUNDS (1-%d)\n",
			MAX_ROUNDS);
		return 2;
	}
	snprintf(params, sizeof(params), "cpu=%s image=%s", argv[3], argv[2]);
	snprintf(online, sizeof(online), "/sys/devices/system/cpu/cpu%s/online",
		 argv[3]);
	for (i = 0; i < rounds; i++) {
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			die(argv[1]);
		t0 = now_us();
		if (syscall(SYS_finit_module, fd, params, 0) != 0)
			die("finit_module");
		t1 = now_us();
		insmod_us[i] = t1 - t0;
		close(fd);
		/* Its first tick, at most 10 s after insmod returned. */
		while (read_num(TICKS) < 1) {
			if (now_us() - t1 > 10000000LL) {
				fprintf(stderr, "owntime: no tick within 10 s\n");
				return 1;
			}
		}
		running_us[i] = now_us() - t0;
		usleep(100000);
		t1 = now_us();
		if (syscall(SYS_delete_module, MODULE, O_NONBLOCK) != 0)
			die("delete_module");
		rmmod_us[i] = now_us() - t1;
		if (read_num(online) != 1) {
			fprintf(stderr, "owntime: CPU %s not online after rmmod\n",
				argv[3]);
			return 1;
		}
		usleep(100000);
		/* Linux's own hotplug of the same CPU, for comparison. */
		t1 = now_us();
		write_str(online, "0");
		offline_us[i] = now_us() - t1;
		usleep(100000);
		t1 = now_us();
		write_str(online, "1");
		online_us[i] = now_us() - t1;
		usleep(100000);
	}
	report("insmod_us", "own", insmod_us, rounds);
	report("running_us", "own", running_us, rounds);
	report("rmmod_us", "own", rmmod_us, rounds);
	report("offline_us", "linux", offline_us, rounds);
	report("online_us", "linux", online_us, rounds);
	return 0;
}
