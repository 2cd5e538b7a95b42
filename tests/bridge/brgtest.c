/*
 * brgtest - the bridge from a Linux process, against tests/bridge/app on
 * any port ($UNITRON_SYSTEM names it; "cluster": the one system of the
 * TIPC cluster that has the app's names, tests/vm/cluster).  Prints TAP.
 *
 *   brgtest [CASE...]   cases: dtq mbx errors signal kill
 *                       many stop (default: all but stop)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unitron.h"
#include "client_tap.h"

#define NWORKER		8	/* BRG_NWORKER: the default */
#define NMSG		16	/* BRG_NMSG */
#define MSGSZ		256	/* BRG_MSGSZ */
#define ECHO_STOP	(-1)
#define LONG		5000	/* ms: "it did not hang" */

static unitron_t *u;
static int in_dtq, out_dtq, in_mbx, out_mbx, idle_dtq, pri_mbx, priq_dtq;

static unitron_t *connect_system(void)
{
	unitron_t *h = unitron_open(NULL);

	if (h == NULL) {
		printf("Bail out! unitron_open(%s): %s\n",
		       getenv("UNITRON_SYSTEM") ? getenv("UNITRON_SYSTEM") :
		       "/dev/unitron0", strerror(errno));
		exit(1);
	}
	return h;
}

static int object(const char *name)
{
	int obj = unitron_object(u, name);

	ok(obj > 0, "object %s found", name);
	return obj;
}

static void t_objects(void)
{
	in_dtq = object("IN_DTQ");
	out_dtq = object("OUT_DTQ");
	in_mbx = object("IN_MBX");
	out_mbx = object("OUT_MBX");
	idle_dtq = object("IDLE_DTQ");
	pri_mbx = object("PRI_MBX");
	priq_dtq = object("PRIQ_DTQ");
	is_er(unitron_object(u, "NOPE"), E_NOEXS, "an unknown name");
	is_er(unitron_object(u, "PRIVATE_DTQ"), E_NOEXS,
	      "an object not bridged (no VBRG_DTQ)");
	is_er(unitron_object(u, "IN_DT"), E_NOEXS, "a prefix of a name");
	is_er(unitron_object(u, ""), E_NOEXS, "the empty name");
	is_er(unitron_object(u, NULL), E_PAR, "no name");
}

static void t_kinds(void)
{
	int kind = -1;

	ok(unitron_object_kind(u, "IN_DTQ") == UNITRON_DTQ,
	   "IN_DTQ is a data queue");
	ok(unitron_object_kind(u, "IN_MBX") == UNITRON_MBX,
	   "IN_MBX is a mailbox");
	is_er(unitron_object_kind(u, "NOPE"), E_NOEXS, "the kind of NOPE");
	ok(unitron_lookup(u, "OUT_MBX", &kind) == out_mbx &&
	   kind == UNITRON_MBX, "lookup: unitron_object's handle, the kind");
	kind = -1;
	is_er(unitron_lookup(u, "NOPE", &kind), E_NOEXS, "lookup of NOPE");
	ok(kind == -1, "... leaves the kind alone");
	ok(unitron_lookup(u, "IN_DTQ", NULL) == in_dtq,
	   "lookup without a kind");
	is_er(unitron_lookup(u, NULL, &kind), E_PAR, "lookup of no name");
}

/* The objects by handle (unitron_object_name): every bridged one. */
static void t_names(void)
{
	static const char *const bridged =
		" IN_DTQ OUT_DTQ IN_MBX OUT_MBX IDLE_DTQ PRI_MBX PRIQ_DTQ ";
	char name[64], word[70];
	int obj, kind = 0, n, listed = 0, known = 1, right = 1;

	for (obj = 1; (n = unitron_object_name(u, obj, name, sizeof(name),
					       &kind)) >= 0; obj++) {
		listed++;
		snprintf(word, sizeof(word), " %s ", name);
		known &= strstr(bridged, word) != NULL;
		right &= n == (int)strlen(name) &&
			 unitron_lookup(u, name, NULL) == obj &&
			 unitron_object_kind(u, name) == kind;
	}
	ok(listed == 7, "7 objects by handle, 1 to 7 (%d)", listed);
	is_er(n, E_ID, "handle 8, past the last: E_ID");
	ok(known, "each a bridged object's name");
	ok(right, "each name's lookup: that handle and kind");
	is_er(unitron_object_name(u, 0, name, sizeof(name), NULL), E_ID,
	      "handle 0: E_ID");
	is_er(unitron_object_name(u, -1, name, sizeof(name), NULL), E_ID,
	      "a negative handle: E_ID");
	n = unitron_object_name(u, in_dtq, name, 4, NULL);
	ok(n == 6 && strcmp(name, "IN_") == 0,
	   "a short buffer: the name cut and ended, its full length (%d)", n);
	is_er(unitron_object_name(u, in_dtq, NULL, 8, NULL), E_PAR,
	      "no buffer: E_PAR");
}

/* n round trips through echo_task: datum + 1 back. */
static int round_trips(unitron_t *h, int n, long long *p_sum)
{
	intptr_t back;
	int i, ercd;

	for (i = 0; i < n; i++) {
		ercd = unitron_tsnd_dtq(h, in_dtq, i, LONG);
		if (ercd == E_OK)
			ercd = unitron_trcv_dtq(h, out_dtq, &back, LONG);
		if (ercd != E_OK) {
			printf("# round trip %d of process %d: %s\n", i,
			       (int)getpid(), unitron_ername(ercd));
			return 0;
		}
		*p_sum += back;
	}
	return 1;
}

static void t_dtq(void)
{
	intptr_t back = 0;
	long long sum = 0;
	long long t0;
	int i;

	is_er(unitron_snd_dtq(u, in_dtq, 41), E_OK, "snd_dtq to a waiting task");
	is_er(unitron_rcv_dtq(u, out_dtq, &back), E_OK, "rcv_dtq its answer");
	ok(back == 42, "the task's answer is datum + 1 (%ld)", (long)back);
	ok(round_trips(u, 200, &sum) && sum == 200 * 201 / 2,
	   "200 round trips, every answer right");
	is_er(unitron_prcv_dtq(u, out_dtq, &back), E_TMOUT,
	      "prcv_dtq on an empty queue");
	is_er(unitron_psnd_dtq(u, idle_dtq, 1), E_TMOUT,
	      "psnd_dtq with no receiver and no room");
	t0 = now_ms();
	is_er(unitron_trcv_dtq(u, out_dtq, &back, 100), E_TMOUT,
	      "trcv_dtq times out");
	ok(now_ms() - t0 >= 100, "... after at least its 100 ms");
	t0 = now_ms();
	is_er(unitron_tsnd_dtq(u, idle_dtq, 1, 100), E_TMOUT,
	      "tsnd_dtq times out");
	ok(now_ms() - t0 >= 100, "... after at least its 100 ms");
	is_er(unitron_fsnd_dtq(u, out_dtq, 7), E_OK, "fsnd_dtq");
	is_er(unitron_prcv_dtq(u, out_dtq, &back), E_OK, "... received");
	ok(back == 7, "... the same datum");
	/* LOW waited longer, HIGH has the priority: TA_TPRI gives HIGH's. */
	for (i = 0; i < 3; i++)
		if (unitron_trcv_dtq(u, priq_dtq, &back, LONG) != E_OK ||
		    back != 2000 + i)
			break;
	ok(i == 3, "a TA_TPRI send queue gives the higher-priority "
	   "sender's data first (%ld)", (long)back);
}

static void t_mbx(void)
{
	char buf[MSGSZ + 16], big[MSGSZ + 1];
	int n, i, pri, order_ok = 1;

	is_er(unitron_snd_mbx(u, in_mbx, "hello bridge", 12, 1), E_OK,
	      "snd_mbx to a task");
	n = unitron_trcv_mbx(u, out_mbx, buf, sizeof(buf), LONG);
	ok(n == 12 && memcmp(buf, "HELLO BRIDGE", 12) == 0,
	   "rcv_mbx its answer (a new block from vbrg_get_msg)");
	memset(big, 'x', sizeof(big));
	is_er(unitron_snd_mbx(u, in_mbx, big, MSGSZ, 1), E_OK,
	      "a message of BRG_MSGSZ bytes");
	n = unitron_trcv_mbx(u, out_mbx, buf, sizeof(buf), LONG);
	ok(n == MSGSZ && buf[0] == 'X' && buf[MSGSZ - 1] == 'X',
	   "... comes back whole");
	is_er(unitron_snd_mbx(u, in_mbx, big, MSGSZ + 1, 1), E_PAR,
	      "a message longer than BRG_MSGSZ");
	is_er(unitron_snd_mbx(u, in_mbx, big, 5000, 1), E_PAR,
	      "a message longer than any system takes");
	is_er(unitron_snd_mbx(u, in_mbx, "", 0, 1), E_OK, "an empty message");
	ok(unitron_trcv_mbx(u, out_mbx, buf, sizeof(buf), LONG) == 0,
	   "... comes back empty");
	is_er(unitron_snd_mbx(u, in_mbx, "truncated", 9, 1), E_OK,
	      "a message for a small buffer");
	memset(buf, '-', sizeof(buf));
	n = unitron_trcv_mbx(u, out_mbx, buf, 4, LONG);
	ok(n == 9 && memcmp(buf, "TRUN-", 5) == 0,
	   "... its full length, and only the buffer's size copied");
	is_er(unitron_prcv_mbx(u, out_mbx, buf, sizeof(buf)), E_TMOUT,
	      "prcv_mbx on an empty mailbox");

	/* TA_MPRI: the highest priority (1) first. */
	for (pri = 3; pri >= 1; pri--) {
		buf[0] = (char)('a' + pri - 1);
		is_er(unitron_snd_mbx(u, pri_mbx, buf, 1, pri), E_OK,
		      "send with message priority");
	}
	for (i = 0; i < 3; i++)
		if (unitron_prcv_mbx(u, pri_mbx, buf, 1) != 1 ||
		    buf[0] != 'a' + i)
			order_ok = 0;
	ok(order_ok, "TA_MPRI messages come in priority order");
	is_er(unitron_snd_mbx(u, pri_mbx, "x", 1, 0), E_PAR,
	      "message priority 0");
	is_er(unitron_snd_mbx(u, pri_mbx, "x", 1, 9), E_PAR,
	      "message priority above maxmpri");

	/* The pool: BRG_NMSG blocks; then a send waits for one. */
	for (n = 0; n < NMSG + 1; n++)
		if (unitron_tsnd_mbx(u, pri_mbx, "m", 1, 1, 0) != E_OK)
			break;
	ok(n == NMSG, "BRG_NMSG messages fit in the pool (%d)", n);
	is_er(unitron_tsnd_mbx(u, pri_mbx, "m", 1, 1, 50), E_TMOUT,
	      "a send times out waiting for a block");
	for (i = 0; i < n; i++)
		if (unitron_prcv_mbx(u, pri_mbx, buf, 1) != 1)
			break;
	ok(i == NMSG, "... they all come out");
}

static void t_errors(void)
{
	intptr_t d;
	char buf[8];

	is_er(unitron_trcv_mbx(u, in_dtq, buf, sizeof(buf), 0), E_OBJ,
	      "a mailbox call on a data queue");
	is_er(unitron_psnd_dtq(u, in_mbx, 1), E_OBJ,
	      "a data queue call on a mailbox");
	is_er(unitron_psnd_dtq(u, 0, 1), E_ID, "handle 0");
	is_er(unitron_psnd_dtq(u, 999, 1), E_ID, "a handle out of range");
	is_er(unitron_trcv_dtq(u, out_dtq, &d, -2), E_PAR, "timeout -2");
	is_er(unitron_trcv_dtq(u, out_dtq, NULL, 0), E_MACV, "no datum pointer");
	is_er(unitron_snd_mbx(u, in_mbx, NULL, 4, 1), E_MACV,
	      "no message pointer");
	is_er(unitron_trcv_mbx(u, out_mbx, NULL, 4, 0), E_MACV,
	      "no buffer pointer");
	is_er(unitron_psnd_dtq(NULL, in_dtq, 1), E_PAR, "no handle");
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void alarm_in(int ms, int restart)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval it = { .it_value = { ms / 1000, ms % 1000 * 1000 } };

	sa.sa_flags = restart ? SA_RESTART : 0;
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
}

/* A signal handler ends a wait as rel_wai would; nothing else changes. */
static void t_signal(void)
{
	intptr_t d;
	long long sum = 0;

	alarms = 0;
	alarm_in(200, 1);
	is_er(unitron_rcv_dtq(u, idle_dtq, &d), E_RLWAI,
	      "a handled signal (SA_RESTART) ends a waiting rcv_dtq");
	ok(alarms == 1, "... and the handler ran");
	alarm_in(200, 0);
	is_er(unitron_snd_dtq(u, idle_dtq, 5), E_RLWAI,
	      "a handled signal ends a waiting snd_dtq");
	is_er(unitron_psnd_dtq(u, idle_dtq, 5), E_TMOUT,
	      "... which left nothing behind");
	ok(round_trips(u, 10, &sum), "calls go on as before");
}

/* n children each wait on IDLE_DTQ forever. */
static void waiting_children(pid_t *pids, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			unitron_t *h = connect_system();
			intptr_t d;

			_exit(unitron_rcv_dtq(h, idle_dtq, &d) == E_OK ? 0 : 1);
		}
	}
	usleep(500 * 1000);
}

static void kill_children(pid_t *pids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (i = 0; i < n; i++)
		waitpid(pids[i], NULL, 0);
}

static void t_kill(void)
{
	pid_t pids[NWORKER];
	long long sum = 0;
	int round;

	for (round = 0; round < 3; round++) {
		waiting_children(pids, NWORKER);
		is_er(unitron_psnd_dtq(u, in_dtq, 1), E_NOMEM,
		      "every worker busy: one more call");
		kill_children(pids, NWORKER);
		usleep(200 * 1000);
		ok(round_trips(u, 5, &sum),
		   "processes killed mid-call gave their workers back");
	}
}

/* Processes at once, each its own round trips: the answers add up. */
static void t_many(void)
{
	enum { NPROC = 6, TRIPS = 100 };
	int fds[NPROC][2], i, status, all_ok = 1;
	long long total = 0, sum;
	pid_t pids[NPROC];

	for (i = 0; i < NPROC; i++) {
		if (pipe(fds[i]) < 0)
			exit(1);
		pids[i] = fork();
		if (pids[i] == 0) {
			unitron_t *h = connect_system();

			sum = 0;
			status = round_trips(h, TRIPS, &sum);
			(void)!write(fds[i][1], &sum, sizeof(sum));
			_exit(status ? 0 : 1);
		}
		close(fds[i][1]);
	}
	for (i = 0; i < NPROC; i++) {
		if (read(fds[i][0], &sum, sizeof(sum)) != sizeof(sum))
			all_ok = 0;
		total += sum;
		if (waitpid(pids[i], &status, 0) != pids[i] || status != 0)
			all_ok = 0;
	}
	ok(all_ok, "%d processes, %d round trips each, all succeed", NPROC,
	   TRIPS);
	ok(total == (long long)NPROC * TRIPS * (TRIPS + 1) / 2,
	   "... and the answers add up");
}

/* The system stops under a waiting call: it ends with E_DLT. */
static void t_stop(void)
{
	pid_t pid = fork();
	int status, r;
	intptr_t d;

	if (pid == 0) {
		unitron_t *h = connect_system();

		_exit(-unitron_rcv_dtq(h, idle_dtq, &d));
	}
	usleep(300 * 1000);
	is_er(unitron_snd_dtq(u, in_dtq, ECHO_STOP), E_OK,
	      "ask the system to stop (ext_ker)");
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && -WEXITSTATUS(status) == E_DLT,
	   "a call waiting when it stopped ends with E_DLT");
	usleep(300 * 1000);
	r = unitron_psnd_dtq(u, in_dtq, 1);
	ok(r == E_DLT || r == E_OBJ,
	   "a call after it stopped: E_DLT or E_OBJ (%s)", unitron_ername(r));
}

static const struct {
	const char	*name;
	void		(*run)(void);
	int		by_default;
} cases[] = {
	{ "objects", t_objects, 1 }, { "dtq", t_dtq, 1 }, { "mbx", t_mbx, 1 },
	{ "errors", t_errors, 1 }, { "signal", t_signal, 1 },
	{ "kill", t_kill, 1 }, { "many", t_many, 1 }, { "stop", t_stop, 0 },
};

int main(int argc, char **argv)
{
	size_t i;
	int j;

	setvbuf(stdout, NULL, _IOLBF, 0);
	u = connect_system();
	t_objects();
	t_kinds();
	/* Handles by number are a system's own: the cluster has none. */
	if (!getenv("UNITRON_SYSTEM") ||
	    strcmp(getenv("UNITRON_SYSTEM"), "cluster") != 0)
		t_names();
	for (i = 1; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int run = argc == 1 && cases[i].by_default;

		for (j = 1; j < argc; j++)
			run |= strcmp(argv[j], cases[i].name) == 0;
		if (run)
			cases[i].run();
	}
	unitron_close(u);
	printf("1..%d\n", ntests);
	return nfailed != 0;
}
