/*
 * Guest program: the linux port's bridge device, from user space, for
 * what tests/bridge/brgtest.c (both ports) cannot reach.  Against
 * tests/bridge/app.
 *
 *   brgdev DEV open                  "ok", or open()'s error (exit 1)
 *   brgdev DEV snd NAME DATUM TMOUT  tsnd_dtq: prints the error code name
 *   brgdev DEV rcv NAME TMOUT        trcv_dtq: the error code name, and
 *                                    the datum after E_OK
 *   brgdev DEV bad                   TAP points: bad ioctl arguments
 *   brgdev DEV storm N               TAP points: N data received through
 *                                    a storm of signals, none lost
 */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"

#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "port/linux/unitron_ioctl.h"

static int failed;

static void ok(int cond, const char *what, const char *got)
{
	printf("%sok - %s\n", cond ? "" : "not ", what);
	if (!cond) {
		printf("# got: %s\n", got);
		failed = 1;
	}
}

/* A raw ioctl that must fail with errno err. */
static void fails(int fd, unsigned long cmd, void *arg, int err,
		  const char *what)
{
	int r = ioctl(fd, cmd, arg);

	ok(r < 0 && errno == err, what, r < 0 ? strerror(errno) : "success");
}

/* A raw call that must succeed with c.ercd == ercd. */
static void answers(int fd, struct unitron_brg_call *c, int ercd,
		    const char *what)
{
	int r = ioctl(fd, UNITRON_IOC_BRG_CALL, c);

	ok(r == 0 && c->ercd == ercd, what,
	   r < 0 ? strerror(errno) : unitron_ername(c->ercd));
}

static void bad_pointers(int fd)
{
	fails(fd, UNITRON_IOC_BRG_CALL, NULL, EFAULT,
	      "a NULL call structure: EFAULT");
	fails(fd, UNITRON_IOC_BRG_CALL, (void *)1, EFAULT,
	      "a wild call structure: EFAULT");
	fails(fd, UNITRON_IOC_BRG_CALL, (void *)0xffffffff81000000UL, EFAULT,
	      "a kernel address as the call structure: EFAULT");
}

static void bad_commands(int fd)
{
	struct unitron_brg_call c = { .op = UNITRON_BRG_LOOKUP };

	fails(fd, _IOWR(0xb7, 99, struct unitron_brg_call), &c, ENOTTY,
	      "an unknown command: ENOTTY");
	fails(fd, UNITRON_IOC_START, NULL, ENOTTY,
	      "the control device's START: ENOTTY");
	fails(fd, _IOR(0xb7, 16, struct unitron_brg_call), &c, ENOTTY,
	      "the call's number with another direction: ENOTTY");
	fails(fd, 0, &c, ENOTTY, "command 0: ENOTTY");
}

static void bad_calls(int fd, int dtq)
{
	struct unitron_brg_call c = { .op = UNITRON_BRG_SND_DTQ, .obj = 999 };
	char name[300];

	answers(fd, &c, E_ID, "an object handle out of range: E_ID");
	c = (struct unitron_brg_call){ .op = UNITRON_BRG_SND_DTQ, .obj = -1 };
	answers(fd, &c, E_ID, "a negative object handle: E_ID");
	c = (struct unitron_brg_call){ .op = 0, .obj = dtq };
	answers(fd, &c, E_RSFN, "operation 0: E_RSFN");
	c = (struct unitron_brg_call){ .op = UNITRON_BRG_NOPS, .obj = dtq };
	answers(fd, &c, E_RSFN, "an unknown operation: E_RSFN");
	c = (struct unitron_brg_call){ .op = UNITRON_BRG_CANCEL, .obj = dtq };
	answers(fd, &c, E_RSFN, "the posix port's CANCEL: E_RSFN");
	memset(name, 'A', sizeof(name));
	c = (struct unitron_brg_call){ .op = UNITRON_BRG_LOOKUP, .len = 256,
				       .buf = (uintptr_t)name };
	answers(fd, &c, E_NOEXS, "a name of 256 bytes: E_NOEXS");
	c = (struct unitron_brg_call){ .op = UNITRON_BRG_LOOKUP, .len = ~0U,
				       .buf = (uintptr_t)name };
	answers(fd, &c, E_NOEXS, "a name of 4 GB: E_NOEXS");
	c = (struct unitron_brg_call){ .op = UNITRON_BRG_LOOKUP, .len = 6,
				       .buf = 1 };
	fails(fd, UNITRON_IOC_BRG_CALL, &c, EFAULT, "a wild name: EFAULT");
}

/* The structure can be read but not written back: EFAULT, no effect. */
static void read_only_call(int fd, int dtq)
{
	struct unitron_brg_call c = { .op = UNITRON_BRG_SND_DTQ, .obj = dtq,
				      .tmout = 0, .data = 1 };
	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (page == MAP_FAILED) {
		ok(0, "mmap", strerror(errno));
		return;
	}
	memcpy(page, &c, sizeof(c));
	mprotect(page, 4096, PROT_READ);
	fails(fd, UNITRON_IOC_BRG_CALL, page, EFAULT,
	      "a read-only call structure: EFAULT after the call");
	munmap(page, 4096);
}

/* Through the library: a bad buffer is E_MACV, and nothing is lost. */
static void bad_buffers(unitron_t *u, int mbx)
{
	char buf[16];
	int r;

	r = unitron_snd_mbx(u, mbx, (void *)1, 4, 1);
	ok(r == E_MACV, "snd_mbx of a wild message: E_MACV",
	   unitron_ername(r));
	r = unitron_tsnd_mbx(u, mbx, "keep", 4, 1, 0);
	ok(r == E_OK, "a message waits in PRI_MBX", unitron_ername(r));
	r = unitron_trcv_mbx(u, mbx, (void *)1, sizeof(buf), 0);
	ok(r == E_MACV, "rcv_mbx into a wild buffer: E_MACV",
	   unitron_ername(r));
	r = unitron_trcv_mbx(u, mbx, (void *)0xffffffff81000000UL,
			     sizeof(buf), 0);
	ok(r == E_MACV, "rcv_mbx into a kernel address: E_MACV",
	   unitron_ername(r));
	r = unitron_trcv_mbx(u, mbx, buf, sizeof(buf), 0);
	ok(r == 4 && memcmp(buf, "keep", 4) == 0,
	   "... which left the message in the mailbox",
	   r < 0 ? unitron_ername(r) : "another message");
}

static int bad(const char *dev)
{
	unitron_t *u = unitron_open(dev);
	int dtq, mbx;

	if (u == NULL) {
		printf("not ok - open %s: %s\n", dev, strerror(errno));
		return 1;
	}
	dtq = unitron_object(u, "IDLE_DTQ");
	mbx = unitron_object(u, "PRI_MBX");
	ok(dtq > 0 && mbx > 0, "IDLE_DTQ and PRI_MBX found",
	   unitron_ername(dtq < 0 ? dtq : mbx));
	bad_pointers(u->fd);
	bad_commands(u->fd);
	bad_calls(u->fd, dtq);
	read_only_call(u->fd, dtq);
	bad_buffers(u, mbx);
	unitron_close(u);
	return failed;
}

static volatile sig_atomic_t ticks;

static void on_tick(int sig)
{
	(void)sig;
	ticks++;
}

/* SIGALRM every us microseconds (0: none), no SA_RESTART. */
static void ticking(int us)
{
	struct sigaction sa = { .sa_handler = on_tick };
	struct itimerval it = { { 0, us }, { 0, us } };

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
}

/* A child sends 1..n to OUT_DTQ; E_OK and its exit status 0. */
static pid_t sender(const char *dev, int n)
{
	pid_t pid = fork();
	unitron_t *u;
	int i, dtq;

	if (pid != 0)
		return pid;
	u = unitron_open(dev);
	dtq = unitron_object(u, "OUT_DTQ");
	for (i = 1; i <= n; i++)
		if (unitron_tsnd_dtq(u, dtq, i, 5000) != E_OK)
			_exit(1);
	_exit(0);
}

/*
 * Receive 1..n from OUT_DTQ while signals keep interrupting the calls:
 * a call that a signal ended is E_RLWAI and took nothing, one that
 * finished first returns its datum.  So each datum comes exactly once,
 * in order.
 */
static int storm(const char *dev, int n)
{
	unitron_t *u = unitron_open(dev);
	int i = 1, r = E_OK, dtq, status, interrupted = 0;
	intptr_t datum = 0;
	pid_t pid;

	if (u == NULL || (dtq = unitron_object(u, "OUT_DTQ")) < 0) {
		printf("not ok - OUT_DTQ of %s\n", dev);
		return 1;
	}
	pid = sender(dev, n);
	ticking(700);
	while (i <= n) {
		r = unitron_trcv_dtq(u, dtq, &datum, 5000);
		if (r == E_RLWAI) {
			interrupted++;
			continue;
		}
		if (r != E_OK || datum != i)
			break;
		i++;
	}
	ticking(0);
	waitpid(pid, &status, 0);
	printf("# %d receive calls ended by a signal, %d signals\n",
	       interrupted, (int)ticks);
	ok(i > n, "every datum received once, in order, through the signals",
	   r != E_OK ? unitron_ername(r) : "another datum");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "the sender sent them all", "it failed");
	if (interrupted > 0)
		printf("ok - signals ended receive calls\n");
	else
		printf("ok - signals ended receive calls # SKIP none did\n");
	unitron_close(u);
	return failed;
}

static unitron_t *open_or_die(const char *dev)
{
	unitron_t *u = unitron_open(dev);

	if (u == NULL) {
		printf("%s\n", strerror(errno));
		exit(1);
	}
	return u;
}

int main(int argc, char **argv)
{
	unitron_t *u;
	intptr_t datum;
	int obj, r;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && strcmp(argv[2], "open") == 0) {
		unitron_close(open_or_die(argv[1]));
		printf("ok\n");
		return 0;
	}
	if (argc == 3 && strcmp(argv[2], "bad") == 0)
		return bad(argv[1]);
	if (argc == 4 && strcmp(argv[2], "storm") == 0)
		return storm(argv[1], atoi(argv[3]));
	if (argc == 6 && strcmp(argv[2], "snd") == 0) {
		u = open_or_die(argv[1]);
		obj = unitron_object(u, argv[3]);
		r = obj < 0 ? obj : unitron_tsnd_dtq(u, obj, atol(argv[4]),
						       atoi(argv[5]));
		printf("%s\n", unitron_ername(r));
		return 0;
	}
	if (argc == 5 && strcmp(argv[2], "rcv") == 0) {
		u = open_or_die(argv[1]);
		obj = unitron_object(u, argv[3]);
		r = obj < 0 ? obj : unitron_trcv_dtq(u, obj, &datum,
						       atoi(argv[4]));
		if (r == E_OK)
			printf("E_OK %ld\n", (long)datum);
		else
			printf("%s\n", unitron_ername(r));
		return 0;
	}
	fprintf(stderr, "usage: %s DEV open|bad|storm N|snd NAME DATUM TMOUT|"
		"rcv NAME TMOUT\n", argv[0]);
	return 2;
}
