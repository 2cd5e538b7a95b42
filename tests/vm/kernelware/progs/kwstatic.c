/*
 * kwstatic - a static program, knowing nothing of kernelware, that says
 * in which ring each of its parts ran: under kwrun the module's exec
 * hook starts it in ring 0, constructors and all.
 *
 *   kwstatic          the checks below, then itself executed with "exec"
 *   kwstatic exec     the executed image
 *   kwstatic thread   a thread made by static glibc (no libkw)
 *   kwstatic clone    100 children by raw clone(CLONE_VM), in turn
 *   kwstatic vfork    100 children by vfork(), each executing "exec"
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
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

static volatile int shared;

/* A child sharing the memory: its ring, where the parent sees it. */
static int clone_child(void *arg)
{
	(void)arg;
	shared += ring() == 0;
	return 0;
}

static int clones(void)
{
	static char stack[64 * 1024] __attribute__((aligned(16)));
	int i, status, bad = 0;

	for (i = 0; i < 100; i++) {
		if (clone(clone_child, stack + sizeof(stack),
			  CLONE_VM | SIGCHLD, NULL) < 0 ||
		    wait(&status) < 0 || status != 0)
			bad++;
		bad += ring() != 0;
	}
	printf("clone: %d of 100 children in ring 0, parent ring %d, %d bad\n",
	       shared, ring(), bad);
	return 0;
}

/* The child, on the parent's stack, never returns from here. */
static __attribute__((noinline)) pid_t vfork_exec(const char *self)
{
	pid_t pid = vfork();

	if (pid == 0) {
		if (ring() != 0)
			_exit(9);
		execl(self, self, "exec-quiet", (char *)NULL);
		_exit(8);
	}
	return pid;
}

static int vforks(const char *self)
{
	int i, status, ok = 0;
	pid_t pid;

	for (i = 0; i < 100; i++) {
		pid = vfork_exec(self);
		ok += pid > 0 && waitpid(pid, &status, 0) == pid &&
		      WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		      ring() == 0;
	}
	printf("vfork: %d of 100 children in ring 0 executed a program in "
	       "ring 0, parent ring %d\n", ok, ring());
	return 0;
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
	if (argc > 1 && !strcmp(argv[1], "exec-quiet"))
		return ring() == 0 ? 0 : 1;
	if (argc > 1 && !strcmp(argv[1], "clone"))
		return clones();
	if (argc > 1 && !strcmp(argv[1], "vfork"))
		return vforks("/proc/self/exe");
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
