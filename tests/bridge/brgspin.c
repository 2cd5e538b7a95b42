/*
 * brgspin - bridge calls end on time while µITRON tasks above the bridge
 * workers spin, against tests/bridge/spin on either port
 * ($UNITRON_SYSTEM names it).  Prints TAP.
 *
 *   brgspin STOP-COMMAND [MARGIN-MS]
 *
 * STOP-COMMAND (run with system()) raises the application's software
 * interrupt 1, which stops whatever spins.  A timed call must end within
 * its deadline, max(timeout, UNITRON_BRG_POLL_MS), + MARGIN-MS (default
 * 300): with
 * E_TMOUT and no effect, or with the result its service call had.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "unitron.h"
#include "client_tap.h"
#include "unitron_brg_abi.h"

#define NCALL		8	/* BRG_NWORKER: the default */
#define CMD_SPIN	1	/* tests/bridge/spin/spin.h */
#define CMD_GIVE_DTQ	2
#define CMD_GIVE_MBX	3
#define CMD_DELAY	300
#define GIVE_DATUM	42

static unitron_t *u;
static const char *stop_command;
static long long margin = 300;
static int ctl, in_dtq, out_dtq, idle_dtq, idle_mbx, grab_dtq, give_dtq,
	   give_mbx;

static long long t0;

static void start_clock(void)
{
	t0 = now_ms();
}

/* The call that just ended took at least least ms and at most the bound. */
static void took(long long least, int tmout, const char *what)
{
	long long ms = now_ms() - t0;
	long long bound = (tmout > UNITRON_BRG_POLL_MS ? tmout :
			   UNITRON_BRG_POLL_MS) + margin;

	ok(ms >= least && ms <= bound, "%s: in %lld ms (%lld..%lld)", what,
	   ms, least, bound);
}

static int object(const char *name)
{
	int obj = unitron_object(u, name);

	ok(obj > 0, "object %s found", name);
	return obj;
}

static void command(int cmd, const char *what)
{
	is_er(unitron_tsnd_dtq(u, ctl, cmd, 1000), E_OK, what);
	usleep((CMD_DELAY + 300) * 1000);
}

static void stop_spinning(void)
{
	ok(system(stop_command) == 0, "stop the spinning task (%s)",
	   stop_command);
	usleep(300 * 1000);
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void alarm_in(int ms)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { .it_value = { ms / 1000, ms % 1000 * 1000 } };

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
}

/* Calls no worker can take: withdrawn at the deadline, or on a signal. */
static void t_untaken(void)
{
	char buf[16];
	intptr_t d = -1;
	int i, r;

	command(CMD_SPIN, "a task above the workers spins");
	start_clock();
	is_er(unitron_tsnd_dtq(u, in_dtq, 5, 1000), E_TMOUT,
	      "tsnd_dtq 1000 ms, no worker runs");
	took(1000, 1000, "... on time");
	start_clock();
	is_er(unitron_trcv_dtq(u, out_dtq, &d, 1000), E_TMOUT,
	      "trcv_dtq 1000 ms");
	took(1000, 1000, "... on time");
	start_clock();
	is_er(unitron_trcv_mbx(u, idle_mbx, buf, sizeof(buf), 500), E_TMOUT,
	      "trcv_mbx 500 ms");
	took(500, 500, "... on time");
	start_clock();
	is_er(unitron_tsnd_mbx(u, idle_mbx, "x", 1, 1, 500), E_TMOUT,
	      "tsnd_mbx 500 ms");
	took(500, 500, "... on time");
	start_clock();
	is_er(unitron_psnd_dtq(u, in_dtq, 6), E_TMOUT, "psnd_dtq (polling)");
	took(0, 0, "... by its deadline");
	alarms = 0;
	/* The clock first: the signal comes ms after it at the earliest. */
	start_clock();
	alarm_in(300);
	is_er(unitron_rcv_dtq(u, out_dtq, &d), E_RLWAI,
	      "rcv_dtq forever, a signal handler runs");
	took(300, 300, "... ends it at once");
	ok(alarms == 1, "... the handler ran once");
	/* Six calls withdrawn: the µITRON side holds their slots. */
	for (i = 6; i < NCALL; i++)
		if (unitron_psnd_dtq(u, in_dtq, i) != E_TMOUT)
			break;
	ok(i == NCALL, "two more polls: E_TMOUT");
	start_clock();
	/* Unless the handler met a call only once it was withdrawn. */
	r = unitron_psnd_dtq(u, in_dtq, 9);
	ok(r == E_NOMEM || r == E_TMOUT, "every slot held by a withdrawn "
	   "call: E_NOMEM (or E_TMOUT: %s)", unitron_ername(r));
	took(0, 0, "... by its deadline");
	stop_spinning();
	is_er(unitron_prcv_dtq(u, out_dtq, &d), E_TMOUT,
	      "no withdrawn send reached the echo task later");
	is_er(unitron_tsnd_dtq(u, in_dtq, 10, 5000), E_OK,
	      "the slots are back: a send");
	is_er(unitron_trcv_dtq(u, out_dtq, &d, 5000), E_OK, "... its echo");
	ok(d == 11, "... right (%ld): no withdrawn receive took a datum",
	   (long)d);
}

/*
 * Calls a worker took and waits in when the spinning begins: the
 * handler ends them at the deadline, and they never take effect later.
 */
static void t_taken(void)
{
	intptr_t d = -1;

	is_er(unitron_tsnd_dtq(u, ctl, CMD_SPIN, 1000), E_OK,
	      "spinning begins in 300 ms");
	start_clock();
	is_er(unitron_trcv_dtq(u, idle_dtq, &d, 1500), E_TMOUT,
	      "trcv_dtq 1500 ms, waiting in µITRON when the spinning began");
	took(1500, 1500, "... on time");
	stop_spinning();
	is_er(unitron_psnd_dtq(u, idle_dtq, 1), E_TMOUT,
	      "... no receive is left waiting on IDLE_DTQ");

	is_er(unitron_tsnd_dtq(u, ctl, CMD_SPIN, 1000), E_OK,
	      "spinning begins in 300 ms");
	start_clock();
	is_er(unitron_tsnd_dtq(u, idle_dtq, 3, 1500), E_TMOUT,
	      "tsnd_dtq 1500 ms, waiting in µITRON when the spinning began");
	took(1500, 1500, "... on time");
	stop_spinning();
	is_er(unitron_prcv_dtq(u, idle_dtq, &d), E_TMOUT,
	      "... no send is left waiting on IDLE_DTQ");

	is_er(unitron_tsnd_dtq(u, ctl, CMD_SPIN, 1000), E_OK,
	      "spinning begins in 300 ms");
	alarms = 0;
	/* The clock first: the signal comes ms after it at the earliest. */
	start_clock();
	alarm_in(1000);
	is_er(unitron_snd_dtq(u, idle_dtq, 4), E_RLWAI,
	      "snd_dtq forever, waiting in µITRON: a signal handler ends it");
	took(1000, 1000, "... at once");
	stop_spinning();
	is_er(unitron_prcv_dtq(u, idle_dtq, &d), E_TMOUT,
	      "... no send is left waiting on IDLE_DTQ");
}

/*
 * Calls whose service call ended (a task took or gave the datum) but
 * whose worker cannot run: the handler answers with that result.
 */
static void t_ended(void)
{
	char buf[16] = "";
	intptr_t d = -1;
	int n;

	start_clock();
	is_er(unitron_tsnd_dtq(u, grab_dtq, 7, 1000), E_OK,
	      "tsnd_dtq to a task that takes it, then spins: delivered");
	took(0, 1000, "... answered by the deadline");
	stop_spinning();
	is_er(unitron_trcv_dtq(u, out_dtq, &d, 5000), E_OK,
	      "the task passes the datum on");
	ok(d == 7, "... it had got it (%ld)", (long)d);

	is_er(unitron_tsnd_dtq(u, ctl, CMD_GIVE_DTQ, 1000), E_OK,
	      "a task gives a datum in 300 ms, then spins");
	start_clock();
	is_er(unitron_trcv_dtq(u, give_dtq, &d, 1000), E_OK,
	      "trcv_dtq: received");
	took(CMD_DELAY, 1000, "... answered by the deadline");
	ok(d == GIVE_DATUM, "... the datum (%ld)", (long)d);
	stop_spinning();

	is_er(unitron_tsnd_dtq(u, ctl, CMD_GIVE_MBX, 1000), E_OK,
	      "a task gives a message in 300 ms, then spins");
	start_clock();
	n = unitron_trcv_mbx(u, give_mbx, buf, sizeof(buf), 1000);
	ok(n == 5 && memcmp(buf, "given", 5) == 0,
	   "trcv_mbx: the message (%d bytes)", n);
	took(CMD_DELAY, 1000, "... answered by the deadline");
	stop_spinning();
	is_er(unitron_tsnd_dtq(u, in_dtq, 20, 5000), E_OK,
	      "the system goes on: a send");
	is_er(unitron_trcv_dtq(u, out_dtq, &d, 5000), E_OK, "... its echo");
	ok(d == 21, "... right (%ld)", (long)d);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: brgspin STOP-COMMAND [MARGIN-MS]\n");
		return 2;
	}
	stop_command = argv[1];
	if (argc == 3)
		margin = atoll(argv[2]);
	setvbuf(stdout, NULL, _IOLBF, 0);
	u = unitron_open(NULL);
	if (u == NULL) {
		printf("Bail out! unitron_open failed\n");
		return 1;
	}
	ctl = object("CTL_DTQ");
	in_dtq = object("IN_DTQ");
	out_dtq = object("OUT_DTQ");
	idle_dtq = object("IDLE_DTQ");
	idle_mbx = object("IDLE_MBX");
	grab_dtq = object("GRAB_DTQ");
	give_dtq = object("GIVE_DTQ");
	give_mbx = object("GIVE_MBX");
	t_untaken();
	t_taken();
	t_ended();
	unitron_close(u);
	printf("1..%d\n", ntests);
	return nfailed != 0;
}
