/*
 * Guest program: the cluster from a Linux process (libunitron, handle
 * "cluster"), against tests/bridge/app systems served by unitron-netd.
 *
 *   clustertest names SYS1 SYS2   lookups: full and short names, clashes
 *                                 (both systems run the echo app), bad
 *                                 names; TAP
 *   clustertest junk              malformed requests to every daemon;
 *                                 each answers or hangs up, and still
 *                                 serves; TAP
 *   clustertest many PROCS TRIPS SYS...
 *                                 PROCS processes per system at once,
 *                                 each TRIPS round trips through its echo
 *                                 task; "processes=N wrong=N" (calls
 *                                 that failed, and 1 if the answers'
 *                                 sum is not right)
 *   clustertest wait NAME TMOUT   trcv_dtq(NAME, TMOUT): "E_xxx MS"
 *   clustertest rtt NAME1 NAME2 N N round trips, datum to NAME1 and back
 *                                 from NAME2: "rtt n=N min=US avg=US"
 *   clustertest null NAME N       N polling receives on an empty data
 *                                 queue (one bridge call each, E_TMOUT):
 *                                 "null n=N min=US avg=US"
 *   clustertest appear NAME MS    waits (TIPC topology server) until
 *                                 some daemon publishes SYSTEM/NAME:
 *                                 "appeared US" (CLOCK_MONOTONIC), or
 *                                 "timeout"
 * NAME1, NAME2 and NAME of rtt and null go through unitron_open(NULL):
 * $UNITRON_SYSTEM's objects, or the cluster's.
 */
#define _GNU_SOURCE
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "tests/bridge/client_tap.h"

#include <sys/wait.h>

static unitron_t *cluster(void)
{
	unitron_t *u = unitron_open("cluster");

	if (u == NULL) {
		printf("Bail out! unitron_open(\"cluster\"): %s\n",
		       strerror(errno));
		exit(1);
	}
	return u;
}

static int names(const char *s1, const char *s2)
{
	unitron_t *u = cluster();
	char name[512];
	int kind = 0, obj;
	intptr_t d;

	is_er(unitron_object(u, "IN_DTQ"), E_OBJ,
	      "a short name two systems have: E_OBJ (ambiguous)");
	snprintf(name, sizeof(name), "%s/IN_DTQ", s1);
	obj = unitron_lookup(u, name, &kind);
	ok(obj > 0 && kind == UNITRON_DTQ, "%s: a data queue", name);
	is_er(unitron_tsnd_dtq(u, obj, 1, 5000), E_OK, "a call on it");
	is_er(unitron_trcv_dtq(u, unitron_object(u, strcat(strcpy(name, s1),
			       "/OUT_DTQ")), &d, 5000), E_OK,
	      "the echo task's answer");
	ok(d == 2, "... is datum + 1 (%ld)", (long)d);
	snprintf(name, sizeof(name), "%s/IN_MBX", s2);
	ok(unitron_object_kind(u, name) == UNITRON_MBX, "%s: a mailbox", name);
	ok(unitron_object(u, name) == unitron_object(u, name),
	   "the same name twice: the same handle");
	is_er(unitron_object(u, "NOPE"), E_NOEXS, "an unknown name");
	is_er(unitron_object(u, "nosuch/IN_DTQ"), E_NOEXS,
	      "an unknown system");
	snprintf(name, sizeof(name), "%s/PRIVATE_DTQ", s1);
	is_er(unitron_object(u, name), E_NOEXS, "an object not bridged");
	snprintf(name, sizeof(name), "%s/", s1);
	is_er(unitron_object(u, name), E_NOEXS, "SYSTEM/ and no name");
	is_er(unitron_object(u, "/IN_DTQ"), E_NOEXS, "/NAME and no system");
	is_er(unitron_object(u, ""), E_NOEXS, "the empty name");
	memset(name, 'x', 400);
	name[400] = '\0';
	is_er(unitron_object(u, name), E_NOEXS, "a 400-byte name");
	snprintf(name, sizeof(name), "%s/IN_DTQ", s1);
	is_er(unitron_psnd_dtq(u, unitron_object(u, name) + 1000, 1), E_ID,
	      "a cluster handle past the last");
	snprintf(name, sizeof(name), "%s/IN_MBX", s2);
	obj = unitron_object(u, name);
	is_er(unitron_psnd_dtq(u, obj, 1), E_OBJ,
	      "a data queue call on a remote mailbox");
	memset(name, 'm', sizeof(name));
	is_er(unitron_snd_mbx(u, obj, name, 300, 1), E_PAR,
	      "a message longer than the system's BRG_MSGSZ");
	is_er(unitron_trcv_dtq(u, unitron_object(u, "nosuch/X"), &d, 0),
	      E_ID, "a call on E_NOEXS, not a handle: E_ID");
	unitron_close(u);
	printf("1..%d\n", ntests);
	return nfailed != 0;
}

/* Every daemon's socket, by the topology server: how many. */
static int daemons(struct tipc_socket_addr *ports, int max)
{
	struct tipc_event e;
	int n = 0, fd = cluster_subscribe(UNITRON_NET_TYPE_NODE, 0, 0, 1);

	while (fd >= 0 && cluster_event(fd, &e, 2000) &&
	       e.event == TIPC_PUBLISHED && n < max)
		ports[n++] = e.port;
	if (fd >= 0)
		close(fd);
	return n;
}

/* Send bytes to the daemon; its answer's ercd, or 1 if it hung up. */
static int junk_answer(int fd, const void *bytes, size_t len)
{
	struct unitron_net_msg m;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	if (send(fd, bytes, len, MSG_NOSIGNAL) < 0)
		return 1;
	if (poll(&p, 1, 5000) != 1)
		return 2;	/* silent: it would hang a caller */
	n = recv(fd, &m, sizeof(m), 0);
	return n == sizeof(m) && m.magic == UNITRON_NET_MAGIC ? m.ercd : 1;
}

static int junk(void)
{
	struct tipc_socket_addr ports[8];
	static char big[70000];
	struct unitron_net_msg m0 = { .magic = UNITRON_NET_MAGIC,
				      .version = UNITRON_NET_VERSION,
				      .op = UNITRON_BRG_LOOKUP };
	struct unitron_net_msg m;
	int i, j, n = daemons(ports, 8), fd, r;
	unsigned int seed = 1;

	ok(n >= 1, "%d daemons found", n);
	for (i = 0; i < n; i++) {
		fd = cluster_connect(ports[i]);
		ok(fd >= 0, "daemon %x:%u: connected", ports[i].node,
		   ports[i].ref);
		r = junk_answer(fd, "x", 1);
		ok(r == 1, "a 1-byte message: it hangs up");
		close(fd);
		fd = cluster_connect(ports[i]);
		m = m0;
		m.magic = 0x12345678;
		is_er(junk_answer(fd, &m, sizeof(m)), E_PAR, "a wrong magic");
		m = m0;
		m.version = 9;
		is_er(junk_answer(fd, &m, sizeof(m)), E_PAR, "a wrong version");
		m = m0;
		m.name_len = 100000;
		is_er(junk_answer(fd, &m, sizeof(m)), E_PAR,
		      "a name longer than the message");
		m = m0;
		m.len = 5000;
		is_er(junk_answer(fd, &m, sizeof(m)), E_PAR,
		      "a message length beyond the bridge's");
		m = m0;
		m.op = 77;
		is_er(junk_answer(fd, &m, sizeof(m)), E_RSFN, "an unknown op");
		m = m0;
		m.op = UNITRON_BRG_RCV_DTQ;
		m.tmout = -5;
		is_er(junk_answer(fd, &m, sizeof(m)), E_PAR, "timeout -5");
		m = m0;
		memcpy(big, &m, sizeof(m));
		r = junk_answer(fd, big, sizeof(big));
		ok(r == 1 || r == E_PAR, "70000 bytes: refused (%d)", r);
		close(fd);
		fd = cluster_connect(ports[i]);
		for (j = 0; j < 200; j++) {
			size_t len = sizeof(m) + rand_r(&seed) % 64;
			size_t k;

			for (k = 0; k < len; k++)
				big[k] = (char)rand_r(&seed);
			if (j % 2 == 0)
				memcpy(big, &m0, 8);	/* past the magic */
			if (junk_answer(fd, big, len) == 2)
				break;
			if (j % 16 == 15) {
				close(fd);
				fd = cluster_connect(ports[i]);
			}
		}
		ok(j == 200, "200 random requests: each answered or hung up");
		close(fd);
		fd = cluster_connect(ports[i]);
		m = m0;
		m.op = UNITRON_NET_LIST;
		is_er(junk_answer(fd, &m, sizeof(m)), E_OK,
		      "... and the daemon still serves");
		close(fd);
	}
	printf("1..%d\n", ntests);
	return nfailed != 0;
}

/*
 * n round trips on system's echo task (callers share its queues, so an
 * answer may be another's): the sum of the answers, or -1 on an error.
 */
static long long trips(const char *system, int n)
{
	unitron_t *u = cluster();
	char name[128];
	int in, out, i;
	long long sum = 0;
	intptr_t d;

	snprintf(name, sizeof(name), "%s/IN_DTQ", system);
	in = unitron_object(u, name);
	snprintf(name, sizeof(name), "%s/OUT_DTQ", system);
	out = unitron_object(u, name);
	for (i = 0; i < n; i++) {
		if (unitron_tsnd_dtq(u, in, i, 10000) != E_OK ||
		    unitron_trcv_dtq(u, out, &d, 10000) != E_OK)
			return -1;
		sum += d;
	}
	unitron_close(u);
	return sum;
}

/* procs processes on each system at once: the answers must add up. */
static int many(int procs, int n, char **systems, int nsys)
{
	int s, p, fds[2], wrong = 0, count = 0;
	long long sum, total = 0;

	if (pipe(fds) < 0)
		return 1;
	for (s = 0; s < nsys; s++)
		for (p = 0; p < procs; p++)
			if (fork() == 0) {
				sum = trips(systems[s], n);
				_exit(write(fds[1], &sum, sizeof(sum)) !=
				      sizeof(sum));
			}
	close(fds[1]);
	while (read(fds[0], &sum, sizeof(sum)) == sizeof(sum)) {
		count++;
		if (sum < 0)
			wrong++;
		else
			total += sum;
	}
	while (wait(NULL) > 0)
		;
	if (total != (long long)nsys * procs * n * (n + 1) / 2)
		wrong++;
	printf("processes=%d wrong=%d\n", count, wrong);
	return wrong != 0;
}

static int wait_call(const char *name, int tmout)
{
	unitron_t *u = cluster();
	long long t0 = now_ms();
	intptr_t d;
	int obj = unitron_object(u, name);
	unitron_er ercd = obj > 0 ? unitron_trcv_dtq(u, obj, &d, tmout) : obj;

	printf("%s %lld\n", unitron_ername(ercd), now_ms() - t0);
	return 0;
}

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* "WHAT n=N min=US avg=US" of n samples (µs) in t. */
static void print_stat(const char *what, const long long *t, int n)
{
	long long min = t[0], sum = 0;
	int i;

	for (i = 0; i < n; i++) {
		sum += t[i];
		if (t[i] < min)
			min = t[i];
	}
	printf("%s n=%d min=%lld avg=%lld\n", what, n, min, sum / n);
}

static int null_calls(const char *name, int n)
{
	unitron_t *u = unitron_open(NULL);
	long long *t = calloc((size_t)n, sizeof(*t));
	int obj = u != NULL ? unitron_object(u, name) : E_NOEXS, i;
	intptr_t d;

	if (obj <= 0 || t == NULL || n <= 0) {
		printf("lookup %s: %s\n", name, unitron_ername(obj));
		return 1;
	}
	for (i = 0; i < n; i++) {
		t[i] = now_us();
		if (unitron_prcv_dtq(u, obj, &d) != E_TMOUT)
			return 1;
		t[i] = now_us() - t[i];
	}
	print_stat("null", t, n);
	return 0;
}

static int appear(const char *name, int ms)
{
	struct tipc_event e;
	int fd = cluster_subscribe(UNITRON_NET_TYPE_FULL,
				   unitron_net_hash(name, strlen(name)),
				   unitron_net_hash(name, strlen(name)),
				   TIPC_WAIT_FOREVER);

	printf("subscribed %lld\n", now_us());
	while (fd >= 0 && cluster_event(fd, &e, ms))
		if (e.event == TIPC_PUBLISHED) {
			printf("appeared %lld\n", now_us());
			return 0;
		}
	printf("timeout\n");
	return 1;
}

static int rtt(const char *to, const char *from, int n)
{
	unitron_t *u = unitron_open(NULL);
	int in, out, i;
	long long t, min = -1, sum = 0;
	intptr_t d;

	if (u == NULL)
		return 1;
	in = unitron_object(u, to);
	out = unitron_object(u, from);
	if (in <= 0 || out <= 0) {
		printf("lookup: %s\n", unitron_ername(in <= 0 ? in : out));
		return 1;
	}
	for (i = 0; i < n; i++) {
		t = now_us();
		if (unitron_tsnd_dtq(u, in, i, 10000) != E_OK ||
		    unitron_trcv_dtq(u, out, &d, 10000) != E_OK)
			return 1;
		t = now_us() - t;
		sum += t;
		if (min < 0 || t < min)
			min = t;
	}
	printf("rtt n=%d min=%lld avg=%lld\n", n, min, sum / n);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 4 && strcmp(argv[1], "names") == 0)
		return names(argv[2], argv[3]);
	if (argc == 2 && strcmp(argv[1], "junk") == 0)
		return junk();
	if (argc >= 5 && strcmp(argv[1], "many") == 0)
		return many(atoi(argv[2]), atoi(argv[3]), argv + 4, argc - 4);
	if (argc == 4 && strcmp(argv[1], "wait") == 0)
		return wait_call(argv[2], atoi(argv[3]));
	if (argc == 5 && strcmp(argv[1], "rtt") == 0)
		return rtt(argv[2], argv[3], atoi(argv[4]));
	if (argc == 4 && strcmp(argv[1], "null") == 0)
		return null_calls(argv[2], atoi(argv[3]));
	if (argc == 4 && strcmp(argv[1], "appear") == 0)
		return appear(argv[2], atoi(argv[3]));
	fprintf(stderr, "usage: clustertest names S1 S2 | junk | many P N S... "
		"| wait NAME TMOUT | rtt TO FROM N | null NAME N | appear NAME MS\n");
	return 2;
}
