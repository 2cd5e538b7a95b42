/*
 * Linux baselines for the µITRON benchmarks, measured in the same run:
 *
 *   threads     semaphore ping-pong between two POSIX threads
 *   processes   the same between two processes (shared-memory semaphores)
 *   sigmask     a sigprocmask block/unblock pair: what a CPU lock costs
 *               when it masks signals for real (TOPPERS/JSP's Linux port)
 *   spawn       pthread_create + pthread_join of an empty thread
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

int main(int argc, char **argv)
{
	int threads = argc > 1 && strcmp(argv[1], "threads") == 0;

	if (argc > 1 && (strcmp(argv[1], "sigmask") == 0 ||
			 strcmp(argv[1], "spawn") == 0))
		return per_op(argv[1]);
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
		fprintf(stderr, "usage: %s threads|processes|sigmask|spawn "
			"[round_trips]\n",
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
