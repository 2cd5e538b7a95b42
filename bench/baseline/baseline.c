/*
 * Linux baselines for the µITRON benchmarks, measured in the same run:
 *
 *   threads     semaphore ping-pong between two POSIX threads
 *   processes   the same between two processes (shared-memory semaphores)
 *   sigmask     a sigprocmask block/unblock pair: what a CPU lock costs
 *               when it masks signals for real (TOPPERS/JSP's Linux port)
 *   spawn       pthread_create + pthread_join of an empty thread
 *   pimutex     a PTHREAD_PRIO_INHERIT mutex: an uncontended lock+unlock,
 *               and the priority-inheritance handover of bench/pingpong
 *               between two SCHED_FIFO threads (needs root)
 *
 * Both sides of a ping-pong are pinned to one CPU, as µITRON tasks share
 * one.  Prints "name value unit" like the µITRON benchmark apps.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct shared {
	sem_t		ping;
	sem_t		pong;
	unsigned long	round_trips;
};

static void pin_to_cpu0(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	if (sched_setaffinity(0, sizeof(set), &set) < 0)
		perror("sched_setaffinity");
}

static void pong(struct shared *sh)
{
	unsigned long i;

	pin_to_cpu0();
	for (i = 0; i < sh->round_trips; i++) {
		sem_wait(&sh->pong);
		sem_post(&sh->ping);
	}
}

static int pingpong(int argc, char **argv, int threads);

static void *pong_thread(void *arg)
{
	pong(arg);
	return NULL;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *empty_thread(void *arg)
{
	return arg;
}

static int per_op(const char *mode)
{
	const unsigned long n = strcmp(mode, "sigmask") == 0 ? 2000000UL
							     : 100000UL;
	sigset_t set, old;
	pthread_t thread;
	unsigned long i;
	double start;

	pin_to_cpu0();
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	start = now_s();
	for (i = 0; i < n; i++) {
		if (strcmp(mode, "sigmask") == 0) {
			sigprocmask(SIG_BLOCK, &set, &old);
			sigprocmask(SIG_SETMASK, &old, NULL);
		} else {
			pthread_create(&thread, NULL, empty_thread, NULL);
			pthread_join(thread, NULL);
		}
	}
	printf("%s_ns %.3f ns\n", strcmp(mode, "sigmask") == 0 ?
	       "sigprocmask_pair" : "pthread_create_join",
	       (now_s() - start) * 1e9 / n);
	return 0;
}

static pthread_mutex_t pi_mutex;
static sem_t pi_wake;
static unsigned long pi_rounds;

/* Each round: the high thread waits for the mutex, and gets it. */
static void *pi_low(void *arg)
{
	unsigned long i;

	(void)arg;
	for (i = 0; i < pi_rounds; i++) {
		pthread_mutex_lock(&pi_mutex);
		sem_post(&pi_wake);		/* it runs, and waits */
		pthread_mutex_unlock(&pi_mutex); /* it runs, unlocks, sleeps */
	}
	return NULL;
}

static void *pi_high(void *arg)
{
	unsigned long i;

	(void)arg;
	for (i = 0; i < pi_rounds; i++) {
		sem_wait(&pi_wake);
		pthread_mutex_lock(&pi_mutex);
		pthread_mutex_unlock(&pi_mutex);
	}
	return NULL;
}

static int start_fifo(pthread_t *t, void *(*fn)(void *), int prio)
{
	struct sched_param sp = { .sched_priority = prio };
	pthread_attr_t attr;
	cpu_set_t set;
	int err;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	pthread_attr_init(&attr);
	pthread_attr_setinheritsched(&attr, PTHREAD_EXPLICIT_SCHED);
	pthread_attr_setschedpolicy(&attr, SCHED_FIFO);
	pthread_attr_setschedparam(&attr, &sp);
	pthread_attr_setaffinity_np(&attr, sizeof(set), &set);
	err = pthread_create(t, &attr, fn, NULL);
	pthread_attr_destroy(&attr);
	return err;
}

static int pi_mutex_bench(void)
{
	const unsigned long pairs = 1000000UL;
	pthread_mutexattr_t attr;
	pthread_t low, high;
	double start, elapsed;
	unsigned long i;
	int err;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
	pthread_mutex_init(&pi_mutex, &attr);
	sem_init(&pi_wake, 0, 0);
	start = now_s();
	for (i = 0; i < pairs; i++) {
		pthread_mutex_lock(&pi_mutex);
		pthread_mutex_unlock(&pi_mutex);
	}
	printf("pthread_pi_lock_unlock_ns %.3f ns\n",
	       (now_s() - start) * 1e9 / pairs);

	pi_rounds = 200000UL;
	start = now_s();
	err = start_fifo(&high, pi_high, 20);
	if (err == 0 && (err = start_fifo(&low, pi_low, 10)) != 0)
		pthread_cancel(high);
	if (err != 0) {
		fprintf(stderr, "baseline: no handover figure: SCHED_FIFO "
			"threads: %s (root?)\n", strerror(err));
		return 0;
	}
	pthread_join(low, NULL);
	pthread_join(high, NULL);
	elapsed = now_s() - start;
	printf("pthread_pi_handovers_per_s %.3f 1/s\n", pi_rounds / elapsed);
	return 0;
}

int main(int argc, char **argv)
{
	int threads = argc > 1 && strcmp(argv[1], "threads") == 0;

	if (argc > 1 && (strcmp(argv[1], "sigmask") == 0 ||
			 strcmp(argv[1], "spawn") == 0))
		return per_op(argv[1]);
	if (argc > 1 && strcmp(argv[1], "pimutex") == 0)
		return pi_mutex_bench();
	return pingpong(argc, argv, threads);
}

static int pingpong(int argc, char **argv, int threads)
{
	struct shared *sh;
	pthread_t thread;
	pid_t child = 0;
	unsigned long i;
	double start, elapsed;

	if (argc < 2 || (!threads && strcmp(argv[1], "processes") != 0)) {
		fprintf(stderr, "usage: %s threads|processes|sigmask|spawn|"
			"pimutex [round_trips]\n",
			argv[0]);
		return 2;
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	sh->round_trips = argc > 2 ? strtoul(argv[2], NULL, 10) : 200000UL;
	sem_init(&sh->ping, !threads, 0);
	sem_init(&sh->pong, !threads, 0);
	pin_to_cpu0();

	if (threads) {
		pthread_create(&thread, NULL, pong_thread, sh);
	} else if ((child = fork()) == 0) {
		pong(sh);
		_exit(0);
	}
	start = now_s();
	for (i = 0; i < sh->round_trips; i++) {
		sem_post(&sh->pong);
		sem_wait(&sh->ping);
	}
	elapsed = now_s() - start;
	if (threads)
		pthread_join(thread, NULL);
	else
		waitpid(child, NULL, 0);
	printf("%s_sem_round_trips_per_s %.3f 1/s\n",
	       threads ? "pthread" : "process", sh->round_trips / elapsed);
	return 0;
}
