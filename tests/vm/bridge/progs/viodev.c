/*
 * Guest program: Linux I/O on the linux port's bridge device, from the
 * proxy server's side, by hand (no unitron-proxyd): the ioctls and the
 * mapping of the request area, against tests/vm/bridge/vioapp (its
 * clients make a call for each datum sent to CMD_DTQ and answer on
 * RES_DTQ: see vioapp.h).
 *
 *   viodev DEV attach   UNITRON_IOC_VIO_ATTACH: the number of slots, or
 *                       the error (exit 1)
 *   viodev DEV proto    TAP points: the ioctls' errors, the area, calls
 *                       answered by hand, the server's file released
 *                       with a call requested or in progress
 *
 * proto wants the system running and no proxy server attached.
 */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"

#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "unitron_vio_abi.h"
#define _MACRO_ONLY
#include "tests/vm/bridge/vioapp/vioapp.h"

#define NSLOT		8	/* VIO_NSLOT's default */
#define AREA_SIZE	(sizeof(struct unitron_vio_area) + \
			 NSLOT * sizeof(struct unitron_vio_slot))

static int failed;
static const char *dev;
static unitron_t *sys;
static int cmd_dtq, res_dtq;

static void ok(int cond, const char *what, const char *got)
{
	printf("%sok - %s\n", cond ? "" : "not ", what);
	if (!cond) {
		printf("# got: %s\n", got);
		failed = 1;
	}
}

static const char *result(int r)
{
	static char buf[64];

	if (r < 0)
		return strerror(errno);
	snprintf(buf, sizeof(buf), "%d", r);
	return buf;
}

/* A raw ioctl that must fail with errno err. */
static void fails(int fd, unsigned long cmd, unsigned long arg, int err,
		  const char *what)
{
	int r = ioctl(fd, cmd, arg);

	ok(r < 0 && errno == err, what, result(r));
}

static int open_dev(void)
{
	int fd = open(dev, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		printf("Bail out! %s: %s\n", dev, strerror(errno));
		exit(1);
	}
	return fd;
}

static long page_size(void)
{
	return sysconf(_SC_PAGESIZE);
}

static size_t area_pages(void)
{
	return (AREA_SIZE + page_size() - 1) & ~(size_t)(page_size() - 1);
}

/* An mmap that must fail with errno err. */
static void no_map(int fd, size_t len, int flags, off_t off, int err,
		   const char *what)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, flags, fd, off);

	ok(p == MAP_FAILED && errno == err, what,
	   p == MAP_FAILED ? strerror(errno) : "mapped");
	if (p != MAP_FAILED)
		munmap(p, len);
}

static struct unitron_vio_area *map_area(int fd)
{
	void *p = mmap(NULL, area_pages(), PROT_READ | PROT_WRITE,
		       MAP_SHARED, fd, 0);

	ok(p != MAP_FAILED, "the server maps the area",
	   p == MAP_FAILED ? strerror(errno) : "");
	if (p == MAP_FAILED)
		exit(1);
	return p;
}

/* ---- a client's call, through the bridge ----------------------------- */

static void command(int cmd)
{
	int r = unitron_tsnd_dtq(sys, cmd_dtq, cmd, 1000);

	if (r != E_OK) {
		printf("Bail out! send to CMD_DTQ: %s\n", unitron_ername(r));
		exit(1);
	}
}

/* The outcome of a command, or a string saying why none came. */
static const char *outcome(int tmout, intptr_t *p_out)
{
	int r = unitron_trcv_dtq(sys, res_dtq, p_out, tmout);

	return r == E_OK ? NULL : unitron_ername(r);
}

static void outcome_is(intptr_t want, const char *what)
{
	intptr_t got = 0;
	const char *why = outcome(3000, &got);
	char buf[64];

	snprintf(buf, sizeof(buf), "%ld", (long)got);
	ok(why == NULL && got == want, what, why ? why : buf);
}

static void no_outcome(const char *what)
{
	intptr_t got;
	const char *why = outcome(300, &got);
	char buf[64];

	snprintf(buf, sizeof(buf), "an outcome: %ld", (long)got);
	ok(why != NULL && strcmp(why, "E_TMOUT") == 0, what, why ? why : buf);
}

/* ---- the checks ------------------------------------------------------ */

static __u32 state_of(struct unitron_vio_slot *sl)
{
	return __atomic_load_n(&sl->state, __ATOMIC_ACQUIRE);
}

static void set_state(struct unitron_vio_slot *sl, __u32 state)
{
	__atomic_store_n(&sl->state, state, __ATOMIC_RELEASE);
}

/* Wait up to 3 s for a slot's state. */
static int reaches(struct unitron_vio_slot *sl, __u32 state)
{
	int i;

	for (i = 0; i < 300 && state_of(sl) != state; i++)
		usleep(10000);
	return state_of(sl) == state;
}

static void attach_errors(int srv)
{
	int other = open_dev();

	fails(srv, UNITRON_IOC_VIO_ATTACH, 0, EBUSY,
	      "ATTACH again on the server's file: EBUSY");
	fails(other, UNITRON_IOC_VIO_ATTACH, 0, EBUSY,
	      "ATTACH on another file, as root: EBUSY");
	fails(other, UNITRON_IOC_VIO_WAIT, 0, EPERM,
	      "WAIT on a file that is not the server's: EPERM");
	fails(other, UNITRON_IOC_VIO_DONE, 0, EPERM,
	      "DONE on a file that is not the server's: EPERM");
	fails(other, UNITRON_IOC_VIO_WAIT, 99, EPERM,
	      "... with a bad slot too: EPERM");
	no_map(other, area_pages(), MAP_SHARED, 0, EACCES,
	       "mmap of a file that is not the server's: EACCES");
	close(other);
}

static void slot_errors(int srv)
{
	fails(srv, UNITRON_IOC_VIO_WAIT, NSLOT, EINVAL,
	      "WAIT of slot nslot: EINVAL");
	fails(srv, UNITRON_IOC_VIO_WAIT, (unsigned long)-1, EINVAL,
	      "WAIT of slot -1: EINVAL");
	fails(srv, UNITRON_IOC_VIO_DONE, NSLOT, EINVAL,
	      "DONE of slot nslot: EINVAL");
	fails(srv, UNITRON_IOC_VIO_DONE, 0, EINVAL,
	      "DONE of an IDLE slot: EINVAL");
	fails(srv, _IO(0xb7, 20), 0, ENOTTY, "an unknown command: ENOTTY");
	no_map(srv, area_pages(), MAP_PRIVATE, 0, EINVAL,
	       "a private mapping: EINVAL");
	no_map(srv, page_size(), MAP_SHARED, page_size(), EINVAL,
	       "a mapping at offset one page: EINVAL");
	no_map(srv, area_pages() + page_size(), MAP_SHARED, 0, EINVAL,
	       "a mapping larger than the area: EINVAL");
}

static void check_area(struct unitron_vio_area *a)
{
	int i, idle = 1;
	char buf[64];

	snprintf(buf, sizeof(buf), "nslot %u, slot_size %u", a->nslot,
		 a->slot_size);
	ok(a->nslot == NSLOT && a->slot_size == sizeof(struct unitron_vio_slot),
	   "the area says its nslot (8) and slot_size", buf);
	for (i = 0; i < NSLOT; i++)
		idle &= a->slot[i].state == UNITRON_VIO_IDLE;
	ok(idle, "every slot is IDLE", "one is not");
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void wait_interrupted(int srv)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	int r;

	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART */
	alarm(1);
	r = ioctl(srv, UNITRON_IOC_VIO_WAIT, 0);
	ok(r < 0 && errno == EINTR, "a signal ends WAIT: EINTR", result(r));
	alarm(0);
}

static void drop_privileges(void)
{
	if (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0)
		_exit(10);
}

/*
 * A proxy by hand: an unprivileged child with the server's file waits
 * for the call in slot s and answers it (result, errno); exit status 0
 * if everything went as it should.  With answer 0 it stays BUSY until
 * killed.
 */
static pid_t proxy(int srv, struct unitron_vio_area *a, int s, int answer,
		   long long res, int err)
{
	struct unitron_vio_slot *sl = &a->slot[s];
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	drop_privileges();
	if (ioctl(srv, UNITRON_IOC_VIO_WAIT, s) < 0)
		_exit(11);
	if (state_of(sl) != UNITRON_VIO_REQUESTED || sl->op != UNITRON_VIO_NULL)
		_exit(12);
	set_state(sl, UNITRON_VIO_BUSY);
	if (!answer)
		for (;;)
			pause();
	sl->result = res;
	sl->err = err;
	set_state(sl, UNITRON_VIO_DONE);
	_exit(ioctl(srv, UNITRON_IOC_VIO_DONE, s) < 0 ? 13 : 0);
}

static void exited_well(pid_t pid, const char *what)
{
	char buf[64];
	int status;

	waitpid(pid, &status, 0);
	snprintf(buf, sizeof(buf), "status %#x", status);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, what, buf);
}

/* Calls answered by unprivileged children of the server. */
static void answered(int srv, struct unitron_vio_area *a)
{
	pid_t pid;

	pid = proxy(srv, a, 0, 1, 42, 0);
	command(CMD_NULL);
	outcome_is(42, "a call answered by hand: the task gets its result");
	exited_well(pid, "the unprivileged proxy's WAIT and DONE worked");
	ok(reaches(&a->slot[0], UNITRON_VIO_IDLE), "the task freed the slot",
	   "it did not");

	pid = proxy(srv, a, 0, 1, -1, ENOENT);
	command(CMD_NULL);
	outcome_is(-ENOENT, "a failed call: the task gets its errno");
	exited_well(pid, "... through the proxy's DONE");
	fails(srv, UNITRON_IOC_VIO_DONE, 0, EINVAL,
	      "DONE of a slot the task has taken back: EINVAL");
}

/*
 * The server's file released with a call in progress: only when its
 * last holder (a proxy, the mapping) is gone; then the call ends with
 * EIO.
 */
static void released_busy(int srv, struct unitron_vio_area *a)
{
	pid_t pid = proxy(srv, a, 0, 0, 0, 0);
	int status, again;

	command(CMD_NULL);
	ok(reaches(&a->slot[0], UNITRON_VIO_BUSY), "a proxy took the call",
	   "the slot never became BUSY");
	munmap(a, area_pages());
	close(srv);
	no_outcome("the server closed its file, a proxy holds it: the call waits");
	again = open_dev();
	fails(again, UNITRON_IOC_VIO_ATTACH, 0, EBUSY,
	      "... and the server is still attached: EBUSY");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	outcome_is(-EIO, "the proxy killed too: the call ends with EIO");
	command(CMD_NULL);
	outcome_is(-ENXIO, "a call with no server attached: ENXIO");
	ok(ioctl(again, UNITRON_IOC_VIO_ATTACH) == NSLOT,
	   "a new server attaches", strerror(errno));
	close(again);
}

/* Released with a call nobody took: EIO too, WAIT would have had it. */
static void released_requested(void)
{
	int srv = open_dev();
	struct unitron_vio_area *a;
	int r;

	r = ioctl(srv, UNITRON_IOC_VIO_ATTACH);
	ok(r == NSLOT, "ATTACH after a detach", result(r));
	a = map_area(srv);
	command(CMD_NULL);
	ok(reaches(&a->slot[0], UNITRON_VIO_REQUESTED),
	   "a call no proxy takes stays REQUESTED", "it did not");
	r = ioctl(srv, UNITRON_IOC_VIO_WAIT, 0);
	ok(r == 0, "WAIT of a REQUESTED slot returns at once", result(r));
	munmap(a, area_pages());
	close(srv);
	outcome_is(-EIO, "the server's file released: the call ends with EIO");
}

static int proto(void)
{
	struct unitron_vio_area *a;
	int srv, r;

	sys = unitron_open(dev);
	if (sys == NULL || (cmd_dtq = unitron_object(sys, "CMD_DTQ")) < 0 ||
	    (res_dtq = unitron_object(sys, "RES_DTQ")) < 0) {
		printf("Bail out! vioapp's CMD_DTQ, RES_DTQ on %s\n", dev);
		return 1;
	}
	command(CMD_NULL);
	outcome_is(-ENXIO, "a call before any server attached: ENXIO");
	srv = open_dev();
	no_map(srv, area_pages(), MAP_SHARED, 0, EACCES,
	       "mmap before ATTACH: EACCES");
	r = ioctl(srv, UNITRON_IOC_VIO_ATTACH);
	ok(r == NSLOT, "ATTACH as root: the number of slots", result(r));
	attach_errors(srv);
	slot_errors(srv);
	a = map_area(srv);
	check_area(a);
	wait_interrupted(srv);
	answered(srv, a);
	released_busy(srv, a);
	released_requested();
	unitron_close(sys);
	return failed;
}

int main(int argc, char **argv)
{
	int fd, r;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 3)
		goto usage;
	dev = argv[1];
	if (strcmp(argv[2], "proto") == 0)
		return proto();
	if (strcmp(argv[2], "attach") != 0)
		goto usage;
	fd = open(dev, O_RDWR);
	r = fd < 0 ? fd : ioctl(fd, UNITRON_IOC_VIO_ATTACH);
	printf("%s\n", result(r));
	return r < 0;
usage:
	fprintf(stderr, "usage: %s DEV attach|proto\n", argv[0]);
	return 2;
}
