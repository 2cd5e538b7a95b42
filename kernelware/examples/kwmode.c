/*
 * kwmode - where this program runs, and whether kernel mode survives
 * what it does (for kernelware's tests).
 *
 *   kwmode             print "ring 0" or "ring 3"
 *   kwmode fork        fork; child and parent print their ring
 *   kwmode signal      a signal handler runs, the interrupted syscall
 *                      restarts (SA_RESTART); print the ring after
 *   kwmode switch      switch_to_user_mode(), then back to kernel mode
 *   kwmode call        system calls through kw_syscall(): results, errno
 *   kwmode rax         a 64-bit rax kept across many signal deliveries
 *   kwmode pipe        EOF on a pipe whose writers closed (deferred fput)
 *   kwmode int80       int $0x80 (32-bit getpid) goes on in user mode
 *   kwmode segv        a fault: the SIGSEGV handler runs, siglongjmp out
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libkw.h"

static const char *ring(void)
{
	return kw_in_kernel_mode() ? "ring 0" : "ring 3";
}

static int do_fork(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		printf("child %s\n", ring());
		return 7;
	}
	waitpid(pid, &status, 0);
	printf("parent %s, child status %d\n", ring(), WEXITSTATUS(status));
	return 0;
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	alarms += sig == SIGALRM;
}

/* A read that a signal interrupts is restarted, then gets its data. */
static int do_signal(void)
{
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = SA_RESTART };
	struct itimerval t = { .it_value = { .tv_usec = 200000 } };
	char buf[4] = "";
	int p[2];

	if (pipe(p) || sigaction(SIGALRM, &sa, NULL))
		return 1;
	if (fork() == 0) {
		usleep(500000);
		return write(p[1], "ok", 3) == 3 ? 0 : 1;
	}
	setitimer(ITIMER_REAL, &t, NULL);
	if (read(p[0], buf, sizeof(buf)) != 3)
		return 1;
	wait(NULL);
	printf("handler ran %d, read \"%s\", %s\n", (int)alarms, buf, ring());
	return 0;
}

static int do_switch(void)
{
	printf("start %s\n", ring());
	switch_to_user_mode();
	printf("after switch_to_user_mode %s\n", ring());
	if (switch_to_kernel_mode() < 0)
		perror("switch_to_kernel_mode");
	printf("after switch_to_kernel_mode %s\n", ring());
	return 0;
}

static int do_call(void)
{
	long pid = kw_syscall(SYS_getpid, 0, 0, 0, 0, 0, 0);
	long bad = kw_syscall(SYS_close, -1, 0, 0, 0, 0, 0);

	printf("%s getpid %s, close(-1) %s\n", ring(),
	       pid == getpid() ? "ok" : "wrong",
	       bad == -1 && errno == EBADF ? "EBADF" : "wrong");
	return 0;
}

/* rax holds a 64-bit value across a loop that SIGALRMs interrupt. */
static int do_rax(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval t = { { 0, 1000 }, { 0, 1000 } };
	unsigned long v = 0x123456789abcdef0UL, n = 200000000UL;

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &t, NULL);
	__asm__ volatile("1: decq %1\n jnz 1b" : "+a"(v), "+r"(n));
	t.it_value.tv_usec = t.it_interval.tv_usec = 0;
	setitimer(ITIMER_REAL, &t, NULL);
	printf("rax %s after %d signals\n",
	       v == 0x123456789abcdef0UL ? "kept" : "changed", (int)alarms);
	return 0;
}

static int do_pipe(void)
{
	char c;
	int p[2];

	if (pipe(p))
		return 1;
	if (fork() == 0) {
		close(p[0]);
		_exit(write(p[1], "x", 1) != 1);
	}
	close(p[1]);
	while (read(p[0], &c, 1) > 0)
		;
	wait(NULL);
	printf("EOF, %s\n", ring());
	return 0;
}

static int do_int80(void)
{
	long r = 20;		/* __NR_getpid, i386 */

	__asm__ volatile("int $0x80" : "+a"(r) : : "memory");
	printf("int80 getpid %s, %s\n", r == getpid() ? "ok" : "wrong",
	       ring());
	return 0;
}

static sigjmp_buf segv_jmp;

static void on_segv(int sig)
{
	siglongjmp(segv_jmp, sig);
}

static int *volatile nowhere;	/* NULL, and the compiler can't tell */

static int do_segv(void)
{
	struct sigaction sa = { .sa_handler = on_segv };

	sigaction(SIGSEGV, &sa, NULL);
	if (sigsetjmp(segv_jmp, 1) == 0)
		*nowhere = 1;
	printf("SIGSEGV handled, %s\n", ring());
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc == 1) {
		printf("%s\n", ring());
		return 0;
	}
	if (!strcmp(argv[1], "fork"))
		return do_fork();
	if (!strcmp(argv[1], "signal"))
		return do_signal();
	if (!strcmp(argv[1], "switch"))
		return do_switch();
	if (!strcmp(argv[1], "call"))
		return do_call();
	if (!strcmp(argv[1], "rax"))
		return do_rax();
	if (!strcmp(argv[1], "pipe"))
		return do_pipe();
	if (!strcmp(argv[1], "int80"))
		return do_int80();
	if (!strcmp(argv[1], "segv"))
		return do_segv();
	fprintf(stderr, "usage: kwmode [fork|signal|switch|call|rax|pipe|int80|segv]\n");
	return 2;
}
