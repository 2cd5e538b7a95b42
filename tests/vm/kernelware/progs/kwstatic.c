/*
 * kwstatic - a static program, knowing nothing of kernelware, that says
 * in which ring each of its parts ran: under kwrun the module's exec
 * hook starts it in ring 0, constructors and all.
 *
 *   kwstatic          the checks below, then itself executed with "exec"
 *   kwstatic exec     the executed image
 *   kwstatic thread   a thread made by static glibc (no libkw): it and
 *                     its creator go on in user mode, for --stats to say
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int ring(void)
{
	unsigned short cs;

	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	return cs & 3;
}

static int constructor_ring = -1;

__attribute__((constructor)) static void early(void)
{
	constructor_ring = ring();
}

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled = 1;
}

static void *thread_main(void *arg)
{
	(void)arg;
	printf("thread ring %d\n", ring());
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	int status, i, ok = 1;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "exec")) {
		printf("exec: ring %d\n", ring());
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "thread")) {
		pthread_create(&t, NULL, thread_main, NULL);
		pthread_join(t, NULL);
		printf("creator ring %d\n", ring());
		return 0;
	}
	printf("constructor ring %d\n", constructor_ring);
	for (i = 0; i < 1000; i++)
		ok &= getppid() > 0;
	printf("main ring %d, 1000 getppid %s\n", ring(), ok ? "ok" : "bad");
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(ring() == 0 ? 7 : 8);
	waitpid(pid, &status, 0);
	printf("fork: child %s, parent ring %d\n",
	       WEXITSTATUS(status) == 7 ? "ring 0" : "not ring 0", ring());
	signal(SIGUSR1, on_usr1);
	kill(getpid(), SIGUSR1);
	printf("signal: handler %s, ring %d\n", handled ? "ran" : "did not run",
	       ring());
	fflush(stdout);
	execl("/proc/self/exe", argv[0], "exec", (char *)NULL);
	perror("kwstatic: exec");
	return 1;
}
