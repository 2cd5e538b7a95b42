/*
 * libunitron - objects of other nodes (cluster.h), through each node's
 * unitron-netd on TIPC (unitron_net_abi.h, docs/cluster.md).
 *
 * A name is looked up in TIPC's topology server: a TIPC_SUB_PORTS
 * subscription with a short timeout reports every socket that publishes
 * the name's {type, hash}, then the timeout.  Each such daemon is asked
 * whether the name is really its object (hashes collide), and the one
 * that has it keeps a SOCK_SEQPACKET connection for the handle's calls.
 * A connection that breaks (node lost: TIPC aborts it after the link
 * tolerance; daemon gone: at once) ends the call with E_DLT.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "cluster.h"

/* How long a lookup waits for the topology server's report. */
#define TOPOLOGY_WAIT_MS	2000
/* Beyond its own deadline a call waits this long for the far side. */
#define CALL_GRACE_MS		2000
/* TIPC's connect gives up after this (its default is 8 s). */
#define CONNECT_MS		2000
#define MAX_PUBLISHERS		16
/* A watch asks every daemon again after this long without a change. */
#define RECHECK_MS		2000
/* A connection's loss (not an error code: those are <= 0). */
#define CLUSTER_LOST		1

bool cluster_present(void)
{
	struct stat st;

	return stat("/sys/module/tipc", &st) == 0;
}

static long long clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int tipc_connect(const struct sockaddr_tipc *to)
{
	unsigned int ms = CONNECT_MS;
	int fd = socket(AF_TIPC, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_TIPC, TIPC_CONN_TIMEOUT, &ms, sizeof(ms));
	if (connect(fd, (const struct sockaddr *)to, sizeof(*to)) < 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

static int cluster_subscribe(__u32 type, __u32 lower, __u32 upper, __u32 timeout)
{
	struct sockaddr_tipc top = {
		.family = AF_TIPC, .addrtype = TIPC_SERVICE_ADDR,
		.addr.name.name = { TIPC_TOP_SRV, TIPC_TOP_SRV },
	};
	struct tipc_subscr s = {
		.seq = { type, lower, upper }, .timeout = timeout,
		.filter = TIPC_SUB_PORTS,
	};
	int fd = tipc_connect(&top);

	if (fd >= 0 && send(fd, &s, sizeof(s), MSG_NOSIGNAL) != sizeof(s)) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* An event of the subscription, waiting up to ms: false on none. */
static bool cluster_event(int fd, struct tipc_event *e, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int r;

	do
		r = poll(&p, 1, ms);
	while (r < 0 && errno == EINTR);
	return r > 0 && recv(fd, e, sizeof(*e), 0) == sizeof(*e);
}

/* The sockets that publish {type, inst} now, into ports: how many. */
static int publishers(__u32 type, __u32 inst,
		      struct tipc_socket_addr *ports, int max)
{
	struct tipc_event e;
	int i, n = 0, fd = cluster_subscribe(type, inst, inst, 1);

	if (fd < 0)
		return 0;
	while (cluster_event(fd, &e, TOPOLOGY_WAIT_MS) &&
	       e.event == TIPC_PUBLISHED) {
		for (i = 0; i < n; i++)
			if (ports[i].ref == e.port.ref &&
			    ports[i].node == e.port.node)
				break;
		if (i == n && n < max)
			ports[n++] = e.port;
	}
	close(fd);
	return n;
}

static int cluster_connect(struct tipc_socket_addr port)
{
	struct sockaddr_tipc to = {
		.family = AF_TIPC, .addrtype = TIPC_SOCKET_ADDR,
		.addr.id = port,
	};

	return tipc_connect(&to);
}

static void cancel(int fd)
{
	struct unitron_net_msg m = { .magic = UNITRON_NET_MAGIC,
				     .version = UNITRON_NET_VERSION,
				     .op = UNITRON_NET_CANCEL };

	send(fd, &m, sizeof(m), MSG_NOSIGNAL);
}

/*
 * The answer to the request in flight on fd, into m and in/size; gives
 * up (E_DLT) at deadline (ms, < 0: none).  A signal handler's run
 * cancels the call, whose outcome then is still read.
 */
static unitron_er answer(int fd, struct unitron_net_msg *m, void *in,
			 size_t size, long long deadline)
{
	struct iovec iov[2] = { { m, sizeof(*m) }, { in, size } };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	struct pollfd p = { .fd = fd, .events = POLLIN };
	bool cancelled = false;
	ssize_t n;
	size_t got;
	int r;

	for (;;) {
		long long left = deadline < 0 ? -1 : deadline - clock_ms();

		r = poll(&p, 1, left < 0 && deadline >= 0 ? 0 : (int)left);
		if (r > 0)
			break;
		if (r == 0)
			return CLUSTER_LOST;	/* the far side is silent */
		if (errno != EINTR)
			return E_SYS;
		if (!cancelled) {
			cancel(fd);
			cancelled = true;
		}
	}
	do
		n = recvmsg(fd, &mh, 0);
	while (n < 0 && errno == EINTR);
	if (n < (ssize_t)sizeof(*m) || m->magic != UNITRON_NET_MAGIC ||
	    m->version != UNITRON_NET_VERSION)
		return CLUSTER_LOST;	/* aborted, or not the daemon */
	/* len: the whole message; what came is all of it, or size bytes. */
	got = (size_t)n - sizeof(*m);
	if (got > m->len || (got < m->len && got < size))
		return CLUSTER_LOST;
	return m->ercd;
}

/*
 * One request on fd: m, then name, then len bytes of out; the answer in
 * m and in/size (m->len: the answer's whole length; at most size bytes
 * come).  m->tmout, the call's, bounds the wait for the answer.
 */
static unitron_er cluster_request(int fd, struct unitron_net_msg *m,
			   const char *name, const void *out, void *in,
			   size_t size)
{
	struct iovec iov[3] = {
		{ m, sizeof(*m) },
		{ (void *)name, m->name_len },
		{ (void *)out, out != NULL ? m->len : 0 },
	};
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 3 };
	long long deadline = -1;

	m->magic = UNITRON_NET_MAGIC;
	m->version = UNITRON_NET_VERSION;
	if (m->tmout >= 0)
		deadline = clock_ms() + CALL_GRACE_MS +
			   (m->tmout > UNITRON_BRG_POLL_MS ? m->tmout :
			    UNITRON_BRG_POLL_MS);
	if (sendmsg(fd, &mh, MSG_NOSIGNAL) < 0)
		return CLUSTER_LOST;
	return answer(fd, m, in, size, deadline);
}

/* Whether the daemon at fd has name: E_OK (kind in *p_kind) or not. */
static unitron_er ask(int fd, const char *name, int *p_kind, bool *ambiguous)
{
	struct unitron_net_msg m = { .op = UNITRON_BRG_LOOKUP, .tmout = 0,
				     .name_len = (__u32)strlen(name) };
	unitron_er ercd = cluster_request(fd, &m, name, NULL, NULL, 0);

	if (ercd == E_OBJ && (m.flags & UNITRON_NET_AMBIGUOUS))
		*ambiguous = true;
	*p_kind = (int)m.data;
	return ercd;
}

unitron_er cluster_lookup(const char *name, struct cluster_object *o)
{
	struct tipc_socket_addr ports[MAX_PUBLISHERS];
	size_t len = strlen(name);
	bool ambiguous = false;
	int i, n, kind, fd, found = 0;

	if (len == 0 || len > UNITRON_NET_NAME_MAX)
		return E_NOEXS;
	n = publishers(strchr(name, '/') ? UNITRON_NET_TYPE_FULL :
		       UNITRON_NET_TYPE_SHORT,
		       unitron_net_hash(name, (__u32)len), ports,
		       MAX_PUBLISHERS);
	o->fd = -1;
	for (i = 0; i < n; i++) {
		fd = cluster_connect(ports[i]);
		if (fd < 0)
			continue;
		if (ask(fd, name, &kind, &ambiguous) != E_OK) {
			close(fd);
			continue;
		}
		if (found++ == 0) {
			o->fd = fd;
			o->port = ports[i];
			o->kind = kind;
		} else {
			close(fd);
		}
	}
	if (found == 1 && !ambiguous) {
		memcpy(o->name, name, len + 1);
		return E_OK;
	}
	cluster_forget(o);
	return found > 0 || ambiguous ? E_OBJ : E_NOEXS;
}

unitron_er cluster_call(struct cluster_object *o, struct unitron_brg_call *c,
			const void *out, void *in, size_t size)
{
	struct unitron_net_msg m = {
		.op = c->op, .tmout = c->tmout, .data = c->data,
		.len = c->len, .size = c->size,
		.name_len = (__u32)strlen(o->name),
	};
	unitron_er ercd;

	if (o->fd < 0) {
		/* Lost before: the object again, if it is back. */
		struct cluster_object again;

		if (cluster_lookup(o->name, &again) != E_OK ||
		    again.kind != o->kind) {
			cluster_forget(&again);
			return E_DLT;
		}
		*o = again;
	}
	ercd = cluster_request(o->fd, &m, o->name, out, in, size);
	if (ercd == CLUSTER_LOST) {
		cluster_forget(o);
		return E_DLT;
	}
	c->data = m.data;
	c->len = m.len;
	return ercd;
}

void cluster_forget(struct cluster_object *o)
{
	if (o->fd >= 0)
		close(o->fd);
	o->fd = -1;
}

/* ---- the cluster's objects: unitron_cluster_objects() ------------------ */

/* What one daemon serves: its node's name, and "kind SYSTEM/NAME" lines. */
struct daemon {
	struct tipc_socket_addr	port;
	char			*text;	/* as LIST answered, or NULL */
	bool			dirty;
	bool			alive;	/* its node name is published */
};

/* The daemon's LIST answer, malloc'ed (NULL if it is gone). */
static char *list_of(struct tipc_socket_addr port)
{
	struct unitron_net_msg m = { .op = UNITRON_NET_LIST, .tmout = 0 };
	char *text = malloc(UNITRON_NET_LIST_MAX + 1);
	int fd = cluster_connect(port);

	if (text == NULL || fd < 0 ||
	    cluster_request(fd, &m, "", NULL, text, UNITRON_NET_LIST_MAX) !=
	    E_OK || m.len > UNITRON_NET_LIST_MAX) {
		free(text);
		text = NULL;
	} else {
		text[m.len] = '\0';
	}
	if (fd >= 0)
		close(fd);
	return text;
}

/* Whether line (up to its newline) is one of text's lines. */
static bool has_line(const char *text, const char *line)
{
	size_t len = strcspn(line, "\n");
	const char *p;

	for (p = text; p != NULL && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (strncmp(p, line, len) == 0 && (p[len] == '\n' || !p[len]))
			return true;
	return false;
}

/*
 * fn for each object line of text that other lacks (other NULL: every
 * one); stops at fn's first nonzero answer, which it returns.
 */
static int report(const char *text, const char *other, int event,
		  unitron_cluster_fn *fn, void *arg)
{
	char node[UNITRON_NET_SYSTEM_MAX + 1], kind[4], name[UNITRON_NET_NAME_MAX + 1];
	const char *p = text == NULL ? NULL : strchr(text, '\n');
	int r;

	if (p == NULL || sscanf(text, "node %63s", node) != 1)
		return 0;
	for (p++; *p; p = strchr(p, '\n') + 1) {
		if (strchr(p, '\n') == NULL)
			break;
		if ((other == NULL || !has_line(other, p)) &&
		    sscanf(p, "%3s %319s", kind, name) == 2) {
			r = fn(arg, event, node, name, strcmp(kind, "mbx") ?
			       UNITRON_DTQ : UNITRON_MBX);
			if (r)
				return r;
		}
	}
	return 0;
}

/* The daemon an event is about, marked dirty (NULL: no memory). */
static struct daemon *daemon_of(struct daemon **ds, int *n,
				const struct tipc_event *e)
{
	struct daemon *d = NULL;
	int i;

	for (i = 0; i < *n && d == NULL; i++)
		if ((*ds)[i].port.ref == e->port.ref &&
		    (*ds)[i].port.node == e->port.node)
			d = &(*ds)[i];
	if (d == NULL) {
		d = realloc(*ds, (*n + 1) * sizeof(**ds));
		if (d == NULL)
			return NULL;
		*ds = d;
		d += (*n)++;
		*d = (struct daemon){ .port = e->port, .alive = true };
	}
	if (e->s.seq.type == UNITRON_NET_TYPE_NODE)
		d->alive = e->event == TIPC_PUBLISHED;
	d->dirty = true;
	return d;
}

/*
 * Each dirty daemon's list again; fn for the differences.  A daemon that
 * is alive but does not answer (yet) stays dirty: *retry.
 */
static int refresh(struct daemon *ds, int n, unitron_cluster_fn *fn,
		   void *arg, bool *retry)
{
	int i, r = 0;

	*retry = false;
	for (i = 0; i < n && r == 0; i++) {
		char *text;

		if (!ds[i].dirty)
			continue;
		text = ds[i].alive ? list_of(ds[i].port) : NULL;
		if (text == NULL && ds[i].alive) {
			*retry = true;
			continue;
		}
		ds[i].dirty = false;
		r = report(ds[i].text, text, UNITRON_OBJECT_GONE, fn, arg);
		if (r == 0)
			r = report(text, ds[i].text, UNITRON_OBJECT_NEW, fn,
				   arg);
		free(ds[i].text);
		ds[i].text = text;
	}
	return r;
}

/* Every daemon, those known and those the name table has now: dirty. */
static void recheck(struct daemon **ds, int *n)
{
	struct tipc_socket_addr ports[MAX_PUBLISHERS * 4];
	struct tipc_event e = { .event = TIPC_PUBLISHED,
				.s.seq.type = UNITRON_NET_TYPE_NODE };
	int i, np = publishers(UNITRON_NET_TYPE_NODE, 0, ports,
			       MAX_PUBLISHERS * 4);

	for (i = 0; i < *n; i++)
		(*ds)[i].dirty = true;
	for (i = 0; i < np; i++) {
		e.port = ports[i];
		daemon_of(ds, n, &e);
	}
}

/* Subscribe fd to every daemon and every object too (for watching). */
static bool subscribe_objects(int fd)
{
	struct tipc_subscr s = {
		.seq = { UNITRON_NET_TYPE_FULL, 0, ~0U },
		.timeout = TIPC_WAIT_FOREVER, .filter = TIPC_SUB_PORTS,
	};

	return send(fd, &s, sizeof(s), MSG_NOSIGNAL) == sizeof(s);
}

int unitron_cluster_objects(unitron_cluster_fn *fn, void *arg, int watch)
{
	struct daemon *ds = NULL;
	struct tipc_event e;
	bool retry = false;
	int i, n = 0, r = 0, fd;

	if (fn == NULL)
		return E_PAR;
	if (!cluster_present())
		return E_NOEXS;
	fd = cluster_subscribe(UNITRON_NET_TYPE_NODE, 0, 0,
			       watch ? TIPC_WAIT_FOREVER : 1);
	if (fd < 0 || (watch && !subscribe_objects(fd))) {
		r = E_SYS;
		goto out;
	}
	/*
	 * The first report, then (watching) the changes: events come in
	 * bursts (a system's every name), so the daemons they are about are
	 * asked once the burst is over.  A quiet watch asks every daemon
	 * again each RECHECK_MS: TIPC's topology server was seen to leave
	 * out the publications of a daemon that replaced another on its
	 * node (tests/vm/cluster), though not their withdrawals.
	 */
	for (;;) {
		int ms = !watch ? TOPOLOGY_WAIT_MS : n > 0 && !retry ? 50 :
			 retry ? 200 : RECHECK_MS;

		if (cluster_event(fd, &e, ms)) {
			if (e.event == TIPC_SUBSCR_TIMEOUT)
				break;
			daemon_of(&ds, &n, &e);
			continue;
		}
		if (!watch)
			break;
		r = refresh(ds, n, fn, arg, &retry);
		if (r)
			break;
		/* Quiet: the next change, or the next recheck. */
		if (retry)
			continue;
		if (cluster_event(fd, &e, RECHECK_MS))
			daemon_of(&ds, &n, &e);
		else
			recheck(&ds, &n);
	}
	if (!watch)
		r = refresh(ds, n, fn, arg, &retry);
out:
	for (i = 0; i < n; i++)
		free(ds[i].text);
	free(ds);
	if (fd >= 0)
		close(fd);
	return r;
}
