/*
 * kwthreads - the threads of a program in kernel mode (kwrun kwthreads):
 * workers that make system calls and share a mutex, a thread cancelled
 * in a blocking read, a thread that takes a signal, and the main thread,
 * each saying whether it ran in ring 0; then children made by system(),
 * posix_spawnp() and popen(), after each of which the main thread says
 * its ring.  tests/vm/kernelware checks the lines, and the module's
 * count of function-call syscalls.
 */
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "libkw.h"

#define NWORKER	4
#define NCALL	2000	/* system calls per worker */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int workers_in_ring0, calls_ok;
static volatile sig_atomic_t signalled;

static void *worker(void *arg)
{
	int i, ok = 0;

	(void)arg;
	for (i = 0; i < NCALL; i++) {
		ok += getppid() > 0;
		if (i % 64 == 0) {		/* contended: futex calls */
			pthread_mutex_lock(&lock);
			calls_ok += 0;
			pthread_mutex_unlock(&lock);
		}
	}
	pthread_mutex_lock(&lock);
	workers_in_ring0 += kw_in_kernel_mode();
	calls_ok += ok;
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* Blocks in read() until cancelled. */
static void *reader(void *arg)
{
	char c;

	return read(*(int *)arg, &c, 1) < 0 ? NULL : (void *)1;
}

static void on_usr1(int sig)
{
	(void)sig;
	signalled = 1;
}

/* Sleeps until its signal came; its ring after the handler. */
static void *sleeper(void *arg)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int i;

	(void)arg;
	for (i = 0; i < 500 && !signalled; i++)
		nanosleep(&ts, NULL);
	return (void *)(long)(signalled ? 1 + kw_in_kernel_mode() : 0);
}

extern char **environ;

static int ring(void)
{
	return kw_in_kernel_mode() ? 0 : 3;
}

/* Children by system(), posix_spawnp() and popen(): the caller's ring. */
static int children(void)
{
	char *argv[] = { "true", NULL }, line[16] = "";
	int status = -1;
	pid_t pid;
	FILE *f;

	status = system("exit 3");
	printf("system: status %d, ring %d\n", WEXITSTATUS(status), ring());
	if (posix_spawnp(&pid, "true", NULL, NULL, argv, environ) == 0)
		waitpid(pid, &status, 0);
	printf("posix_spawnp: status %d, ring %d\n", WEXITSTATUS(status),
	       ring());
	f = popen("echo piped", "r");
	if (f == NULL || fgets(line, sizeof(line), f) == NULL)
		return 1;
	line[strcspn(line, "\n")] = '\0';
	printf("popen: %s, ring %d\n", line, ring());
	return pclose(f) == 0 ? 0 : 1;
}

int main(void)
{
	pthread_t w[NWORKER], r, s;
	struct sigaction sa = { .sa_handler = on_usr1 };
	void *result;
	int fds[2], i;

	sigaction(SIGUSR1, &sa, NULL);
	for (i = 0; i < NWORKER; i++)
		pthread_create(&w[i], NULL, worker, NULL);
	for (i = 0; i < NWORKER; i++)
		pthread_join(w[i], NULL);
	printf("workers %d, in ring 0 %d, calls %s\n", NWORKER,
	       workers_in_ring0, calls_ok == NWORKER * NCALL ? "ok" : "lost");
	if (pipe(fds) < 0)
		return 1;
	pthread_create(&r, NULL, reader, &fds[0]);
	usleep(100 * 1000);
	pthread_cancel(r);
	pthread_join(r, &result);
	printf("reader %s\n", result == PTHREAD_CANCELED ? "cancelled" :
	       "not cancelled");
	pthread_create(&s, NULL, sleeper, NULL);
	usleep(100 * 1000);
	pthread_kill(s, SIGUSR1);
	pthread_join(s, &result);
	printf("sleeper %s\n", (long)result == 2 ? "signalled, ring 0" :
	       (long)result == 1 ? "signalled, ring 3" : "no signal");
	printf("main ring %d\n", kw_in_kernel_mode() ? 0 : 3);
	return children();
}
