/*
 * tipcprobe: a small TIPC probe for the tipc VM test group (issue 13's
 * groundwork). It publishes a service name and echoes requests, calls a
 * name with a timeout, watches the topology server, and sends junk frames
 * on a bearer's interface. Every time it prints is CLOCK_MONOTONIC in
 * microseconds, the same clock in every network namespace of a machine,
 * so that the guest script can subtract one process's time from
 * another's. Written from the kernel's UAPI header <linux/tipc.h> and the
 * TIPC documentation; see tipcprobe -h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/tipc.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAXMSG (TIPC_MAX_USER_MSG_SIZE + 1)
#define MAXCONN 64
#ifndef ETH_P_TIPC
#define ETH_P_TIPC 0x88CA
#endif

static const char *prog = "tipcprobe";

static void usage(FILE *f)
{
	fprintf(f,
"Usage: tipcprobe COMMAND [options] ARGS\n"
"\n"
"  serve [-k rdm|seq] [-v] TYPE INST\n"
"      bind the service name {TYPE,INST} (TYPE >= 64) with cluster scope\n"
"      and echo every request. A request \"wait\" gets no reply (a call\n"
"      that blocks); \"quit\" is answered, then the server exits. Prints\n"
"      \"bound T\" (T taken just before bind) and \"exit T\" before it closes the socket;\n"
"      -v: \"req T n=BYTES\" for each request.\n"
"  call [-k rdm|seq] [-t MS] [-n COUNT] [-s SIZE] [-m TEXT] TYPE INST\n"
"      send COUNT requests (TEXT, default \"ping\", or SIZE bytes) to the\n"
"      name and wait up to MS ms (default 2000) for each echo, which must\n"
"      equal the request. rdm: connectionless sendto by name; seq: connect\n"
"      by name, then send/recv. Prints \"rtt n=N min=A avg=B max=C us\".\n"
"      Exit 0 ok; 1 with \"timeout T\", \"broken T errno=E\" (the connection\n"
"      ended), \"sendfail T errno=E\" or \"mismatch\".\n"
"  watch [-p] [-t MS] [-n N] [-u published|withdrawn] TYPE [LOWER [UPPER]]\n"
"      subscribe to the topology server for {TYPE,LOWER..UPPER} (default\n"
"      the whole range; TIPC_SUB_SERVICE, -p: TIPC_SUB_PORTS) and print\n"
"      \"T published|withdrawn|timeout TYPE LOWER-UPPER NODE:REF\" per event.\n"
"      Prints \"subscribed T\" first. Exits 0 after N events (-n) or at the\n"
"      first event of the kind given by -u; 1 after MS ms (-t) without it.\n"
"  junk [-c COUNT] [-r SEED] IFACE\n"
"      send COUNT (default 200) malformed TIPC frames (ethertype 0x88CA,\n"
"      broadcast) on IFACE: random bytes, and TIPC version 2 headers with\n"
"      random users, header sizes and message sizes. Needs CAP_NET_RAW.\n"
"  now\n"
"      print CLOCK_MONOTONIC in microseconds.\n"
"\n"
"T is CLOCK_MONOTONIC in microseconds.\n");
}

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void die(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(errno));
	exit(2);
}

static unsigned long num(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || !*s || *end) {
		fprintf(stderr, "%s: not a number: %s\n", prog, s);
		exit(2);
	}
	return v;
}

static int sock_kind(const char *s)
{
	if (!strcmp(s, "rdm"))
		return SOCK_RDM;
	if (!strcmp(s, "seq"))
		return SOCK_SEQPACKET;
	fprintf(stderr, "%s: -k must be rdm or seq\n", prog);
	exit(2);
}

static void service_addr(struct sockaddr_tipc *a, uint32_t type, uint32_t inst)
{
	memset(a, 0, sizeof(*a));
	a->family = AF_TIPC;
	a->addrtype = TIPC_SERVICE_ADDR;
	a->addr.name.name.type = type;
	a->addr.name.name.instance = inst;
	a->addr.name.domain = 0;	/* look up cluster wide */
}

/* ---- serve ------------------------------------------------------------ */

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

/* What to answer to a request of n bytes: 0 none, 1 echo, 2 echo + quit. */
static int answer(const char *buf, ssize_t n)
{
	if (n == 4 && !memcmp(buf, "wait", 4))
		return 0;
	if (n == 4 && !memcmp(buf, "quit", 4))
		return 2;
	return 1;
}

static int serve(int argc, char **argv)
{
	int kind = SOCK_RDM, opt, sd, verbose = 0;
	struct sockaddr_tipc a;
	struct sigaction sa;
	static char buf[MAXMSG];
	uint32_t type, inst;
	long long served = 0, truncated = 0, t;

	while ((opt = getopt(argc, argv, "k:v")) != -1) {
		switch (opt) {
		case 'k': kind = sock_kind(optarg); break;
		case 'v': verbose = 1; break;
		default: usage(stderr); return 2;
		}
	}
	if (argc - optind != 2) {
		usage(stderr);
		return 2;
	}
	type = num(argv[optind]);
	inst = num(argv[optind + 1]);
	if (type < TIPC_RESERVED_TYPES) {
		fprintf(stderr, "%s: TYPE must be >= %d\n", prog,
			TIPC_RESERVED_TYPES);
		return 2;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	sd = socket(AF_TIPC, kind, 0);
	if (sd < 0)
		die("socket");
	memset(&a, 0, sizeof(a));
	a.family = AF_TIPC;
	a.addrtype = TIPC_SERVICE_RANGE;
	a.scope = TIPC_CLUSTER_SCOPE;
	a.addr.nameseq.type = type;
	a.addr.nameseq.lower = inst;
	a.addr.nameseq.upper = inst;
	/* The time before bind: a subscriber may see the name before this
	 * process gets to print. */
	t = now_us();
	if (bind(sd, (struct sockaddr *)&a, sizeof(a)) < 0)
		die("bind");
	if (kind == SOCK_SEQPACKET && listen(sd, 16) < 0)
		die("listen");
	printf("bound %lld\n", t);

	if (kind == SOCK_RDM) {
		while (!stop) {
			struct sockaddr_tipc from;
			socklen_t fl = sizeof(from);
			ssize_t n = recvfrom(sd, buf, sizeof(buf), MSG_TRUNC,
					     (struct sockaddr *)&from, &fl);
			int what;

			if (n < 0) {
				if (errno == EINTR)
					continue;
				die("recvfrom");
			}
			served++;
			if (verbose)
				printf("req %lld n=%zd\n", now_us(), n);
			if (n > (ssize_t)sizeof(buf)) {
				/* Never a case: the limit is the kernel's. */
				truncated++;
				continue;
			}
			what = answer(buf, n);
			if (what && sendto(sd, buf, n, 0,
					   (struct sockaddr *)&from, fl) < 0)
				fprintf(stderr, "%s: reply: %s\n", prog,
					strerror(errno));
			if (what == 2)
				break;
		}
	} else {
		struct pollfd p[MAXCONN + 1];
		int np = 1, i;

		p[0].fd = sd;
		p[0].events = POLLIN;
		while (!stop) {
			if (poll(p, np, -1) < 0) {
				if (errno == EINTR)
					continue;
				die("poll");
			}
			if (p[0].revents & POLLIN) {
				int c = accept(sd, NULL, NULL);

				if (c >= 0 && np <= MAXCONN) {
					p[np].fd = c;
					p[np].events = POLLIN;
					p[np].revents = 0;
					np++;
				} else if (c >= 0) {
					close(c);
				}
			}
			for (i = 1; i < np && !stop; i++) {
				ssize_t n;
				int what;

				if (!p[i].revents)
					continue;
				n = recv(p[i].fd, buf, sizeof(buf), MSG_DONTWAIT);
				if (n < 0 && errno == EAGAIN)
					continue;
				if (n <= 0 && !(n == 0 && !(p[i].revents &
							    (POLLHUP | POLLERR)))) {
					close(p[i].fd);
					p[i--] = p[--np];
					continue;
				}
				served++;
				if (verbose)
					printf("req %lld n=%zd\n", now_us(), n);
				what = answer(buf, n);
				if (what && send(p[i].fd, buf, n, 0) < 0)
					fprintf(stderr, "%s: reply: %s\n",
						prog, strerror(errno));
				if (what == 2)
					stop = 1;
			}
		}
	}
	printf("exit %lld served=%lld truncated=%lld\n", now_us(), served,
	       truncated);
	close(sd);
	return 0;
}

/* ---- call ------------------------------------------------------------- */

/*
 * One reply. A message that TIPC returns (the request undelivered, or a
 * connection aborted: the peer socket or its node gone) arrives as an
 * empty message with the reason in a TIPC_ERRINFO control message;
 * without a control buffer a connected socket gets ECONNRESET instead.
 * Prints "broken T errno=E tipc_err=C" for those and returns -1; an
 * empty message without TIPC_ERRINFO is an empty reply.
 */
static ssize_t recv_reply(int sd, char *buf, size_t size)
{
	union {
		char b[CMSG_SPACE(8) + CMSG_SPACE(1024) + CMSG_SPACE(16)];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { .iov_base = buf, .iov_len = size };
	struct msghdr m = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = ctl.b, .msg_controllen = sizeof(ctl.b),
	};
	struct cmsghdr *c;
	ssize_t n = recvmsg(sd, &m, MSG_DONTWAIT);
	int err = -1;

	if (n > 0)
		return n;
	for (c = CMSG_FIRSTHDR(&m); n == 0 && c; c = CMSG_NXTHDR(&m, c)) {
		if (c->cmsg_level == SOL_TIPC && c->cmsg_type == TIPC_ERRINFO)
			memcpy(&err, CMSG_DATA(c), sizeof(err));
	}
	if (n == 0 && err < 0 && !(m.msg_flags & MSG_CTRUNC))
		return 0;	/* an empty message, not an error */
	printf("broken %lld errno=%s tipc_err=%d\n", now_us(),
	       n < 0 ? strerrorname_np(errno) : "0", err);
	return -1;
}

static int call(int argc, char **argv)
{
	int kind = SOCK_RDM, opt, sd, i;
	long tmo = 2000, count = 1;
	size_t size = 0;
	const char *text = "ping";
	static char req[MAXMSG], rep[MAXMSG];
	size_t len;
	struct sockaddr_tipc a;
	long long mn = -1, mx = 0, sum = 0;

	while ((opt = getopt(argc, argv, "k:t:n:s:m:")) != -1) {
		switch (opt) {
		case 'k': kind = sock_kind(optarg); break;
		case 't': tmo = num(optarg); break;
		case 'n': count = num(optarg); break;
		case 's': size = num(optarg); break;
		case 'm': text = optarg; break;
		default: usage(stderr); return 2;
		}
	}
	if (argc - optind != 2 || count < 1 || size > sizeof(req)) {
		usage(stderr);
		return 2;
	}
	if (size) {
		for (len = 0; len < size; len++)
			req[len] = (char)('a' + len % 26);
	} else {
		len = strlen(text);
		memcpy(req, text, len);
	}
	service_addr(&a, num(argv[optind]), num(argv[optind + 1]));
	sd = socket(AF_TIPC, kind, 0);
	if (sd < 0)
		die("socket");
	if (kind == SOCK_SEQPACKET) {
		unsigned int ct = tmo;

		setsockopt(sd, SOL_TIPC, TIPC_CONN_TIMEOUT, &ct, sizeof(ct));
		if (connect(sd, (struct sockaddr *)&a, sizeof(a)) < 0) {
			printf("connectfail %lld errno=%s\n", now_us(),
			       strerrorname_np(errno));
			return 1;
		}
	}
	for (i = 0; i < count; i++) {
		long long t0 = now_us(), dt;
		struct pollfd p = { .fd = sd, .events = POLLIN };
		ssize_t n;
		int r;

		if (kind == SOCK_RDM)
			n = sendto(sd, req, len, 0, (struct sockaddr *)&a,
				   sizeof(a));
		else
			n = send(sd, req, len, 0);
		if (n < 0) {
			printf("sendfail %lld errno=%s\n", now_us(),
			       strerrorname_np(errno));
			return 1;
		}
		do
			r = poll(&p, 1, tmo - (now_us() - t0) / 1000);
		while (r < 0 && errno == EINTR);
		if (r == 0) {
			printf("timeout %lld\n", now_us());
			return 1;
		}
		n = recv_reply(sd, rep, sizeof(rep));
		if (n < 0)
			return 1;
		if ((size_t)n != len || memcmp(req, rep, len)) {
			printf("mismatch %lld sent=%zu got=%zd\n", now_us(),
			       len, n);
			return 1;
		}
		dt = now_us() - t0;
		sum += dt;
		if (mn < 0 || dt < mn)
			mn = dt;
		if (dt > mx)
			mx = dt;
	}
	printf("rtt n=%ld min=%lld avg=%lld max=%lld us\n", count, mn,
	       sum / count, mx);
	close(sd);
	return 0;
}

/* ---- watch ------------------------------------------------------------ */

static int watch(int argc, char **argv)
{
	int opt, sd, until = 0;
	long tmo = -1, nev = 0, seen = 0;
	uint32_t filter = TIPC_SUB_SERVICE;
	struct sockaddr_tipc a;
	struct tipc_subscr s;
	long long t0;

	while ((opt = getopt(argc, argv, "pt:n:u:")) != -1) {
		switch (opt) {
		case 'p': filter = TIPC_SUB_PORTS; break;
		case 't': tmo = num(optarg); break;
		case 'n': nev = num(optarg); break;
		case 'u':
			if (!strcmp(optarg, "published"))
				until = TIPC_PUBLISHED;
			else if (!strcmp(optarg, "withdrawn"))
				until = TIPC_WITHDRAWN;
			else {
				usage(stderr);
				return 2;
			}
			break;
		default: usage(stderr); return 2;
		}
	}
	if (argc - optind < 1 || argc - optind > 3) {
		usage(stderr);
		return 2;
	}
	memset(&s, 0, sizeof(s));
	s.seq.type = num(argv[optind]);
	s.seq.lower = argc - optind > 1 ? num(argv[optind + 1]) : 0;
	s.seq.upper = argc - optind > 2 ? num(argv[optind + 2]) :
		      argc - optind > 1 ? s.seq.lower : ~0U;
	s.timeout = TIPC_WAIT_FOREVER;
	s.filter = filter;

	sd = socket(AF_TIPC, SOCK_SEQPACKET, 0);
	if (sd < 0)
		die("socket");
	service_addr(&a, TIPC_TOP_SRV, TIPC_TOP_SRV);
	if (connect(sd, (struct sockaddr *)&a, sizeof(a)) < 0)
		die("connect to the topology server");
	if (send(sd, &s, sizeof(s), 0) != sizeof(s))
		die("send subscription");
	t0 = now_us();
	printf("subscribed %lld\n", t0);
	for (;;) {
		struct pollfd p = { .fd = sd, .events = POLLIN };
		struct tipc_event e;
		const char *what;
		ssize_t n;
		int r, left = -1;

		if (tmo >= 0) {
			left = tmo - (now_us() - t0) / 1000;
			if (left < 0)
				left = 0;
		}
		r = poll(&p, 1, left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			printf("timeout %lld\n", now_us());
			return 1;
		}
		n = recv(sd, &e, sizeof(e), 0);
		if (n != sizeof(e)) {
			printf("topsrv-closed %lld n=%zd\n", now_us(), n);
			return 1;
		}
		what = e.event == TIPC_PUBLISHED ? "published" :
		       e.event == TIPC_WITHDRAWN ? "withdrawn" :
		       e.event == TIPC_SUBSCR_TIMEOUT ? "timeout" : "unknown";
		printf("%lld %s %u %u-%u %x:%u\n", now_us(), what,
		       e.s.seq.type, e.found_lower, e.found_upper,
		       e.port.node, e.port.ref);
		seen++;
		if ((nev && seen >= nev) || (until && (int)e.event == until))
			return 0;
	}
}

/* ---- junk ------------------------------------------------------------- */

static uint32_t rnd_state = 1;

static uint32_t rnd(void)
{
	/* xorshift32: repeatable junk for a given seed */
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

static int junk(int argc, char **argv)
{
	int opt, sd, i;
	long count = 200;
	struct sockaddr_ll ll;
	struct ifreq ifr;
	unsigned char f[1514];
	long sent = 0;

	while ((opt = getopt(argc, argv, "c:r:")) != -1) {
		switch (opt) {
		case 'c': count = num(optarg); break;
		case 'r': rnd_state = num(optarg) | 1; break;
		default: usage(stderr); return 2;
		}
	}
	if (argc - optind != 1 || strlen(argv[optind]) >= IFNAMSIZ) {
		usage(stderr);
		return 2;
	}
	sd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_TIPC));
	if (sd < 0)
		die("socket(AF_PACKET)");
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, argv[optind]);
	if (ioctl(sd, SIOCGIFHWADDR, &ifr) < 0)
		die("SIOCGIFHWADDR");
	memset(&ll, 0, sizeof(ll));
	ll.sll_family = AF_PACKET;
	ll.sll_ifindex = if_nametoindex(argv[optind]);
	ll.sll_protocol = htons(ETH_P_TIPC);
	ll.sll_halen = ETH_ALEN;
	memset(ll.sll_addr, 0xff, ETH_ALEN);
	for (i = 0; i < count; i++) {
		size_t len = 14 + 1 + rnd() % 1500, j;
		uint32_t w0;

		memset(f, 0xff, 6);
		memcpy(f + 6, ifr.ifr_hwaddr.sa_data, 6);
		f[12] = ETH_P_TIPC >> 8;
		f[13] = ETH_P_TIPC & 0xff;
		for (j = 14; j < len; j++)
			f[j] = (unsigned char)rnd();
		if (i % 4 && len >= 18) {
			/* TIPC header word 0: version 2 (bits 29-31), a
			 * random user (25-28) and header size in words
			 * (21-24), message size (0-16) sometimes the
			 * frame's payload length, sometimes not. */
			w0 = 2u << 29 | (rnd() & 0xf) << 25 |
			     (rnd() & 0xf) << 21;
			w0 |= i % 3 ? (uint32_t)(len - 14) : (rnd() & 0x1ffff);
			f[14] = w0 >> 24;
			f[15] = w0 >> 16;
			f[16] = w0 >> 8;
			f[17] = w0;
		}
		if (sendto(sd, f, len, 0, (struct sockaddr *)&ll,
			   sizeof(ll)) == (ssize_t)len)
			sent++;
	}
	printf("junk sent=%ld of %ld\n", sent, count);
	close(sd);
	return sent == count ? 0 : 1;
}

int main(int argc, char **argv)
{
	const char *cmd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	cmd = argv[1];
	argc--;
	argv++;
	if (!strcmp(cmd, "serve"))
		return serve(argc, argv);
	if (!strcmp(cmd, "call"))
		return call(argc, argv);
	if (!strcmp(cmd, "watch"))
		return watch(argc, argv);
	if (!strcmp(cmd, "junk"))
		return junk(argc, argv);
	if (!strcmp(cmd, "now")) {
		printf("%lld\n", now_us());
		return 0;
	}
	fprintf(stderr, "%s: unknown command %s\n", prog, cmd);
	usage(stderr);
	return 2;
}
