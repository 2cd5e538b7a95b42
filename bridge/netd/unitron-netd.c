/*
 * unitron-netd - a node's µITRON objects for the whole cluster, on TIPC.
 *
 * It watches the node's µITRON systems (linux-port and own-core devices,
 * posix-port sockets), publishes each bridged object under cluster-wide
 * TIPC names as its system comes up and withdraws them as it goes, and
 * makes the calls other nodes' libunitron send, on its own bridge
 * handles, with the bridge's semantics.  It also runs the imports that
 * give µITRON tasks other nodes' objects under a local ID (-o, -i).
 * docs/cluster.md has the design; unitron_net_abi.h the protocol.
 *
 * Threads: the main one accepts connections, rescans the systems (every
 * SCAN_MS, and at once when /dev or a socket directory changes) and
 * cancels the calls whose caller went away; one thread per connection
 * makes its calls; one per import.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <limits.h>
#include <linux/tipc.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "unitron.h"
#include "unitron_net_abi.h"

#define SCAN_MS		250
#define MAX_SYSTEMS	32
#define MAX_CONNS	256
#define RETRY_MS	500
#define CANCEL_EVERY_MS	20

static const char *prog = "unitron-netd";
static char node[UNITRON_NET_SYSTEM_MAX + 1];

/* ---- the node's systems and their objects ------------------------------ */

struct object {
	char	name[256];
	int	kind;
	int	obj;		/* its handle in its system */
};

struct system {
	char		name[UNITRON_NET_SYSTEM_MAX + 1];
	char		path[PATH_MAX];
	bool		wanted;		/* still a candidate (this scan) */
	bool		up;
	int		why_not;	/* why it is not up, as last logged */
	ino_t		ino;		/* of path, when it came up */
	struct object	*objs;
	int		nobjs;
};

static struct system systems[MAX_SYSTEMS];
static int nsystems;
static bool explicit_systems;		/* -s given: no discovery */
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static int listen_fd;

/* A line of the log, with the time since boot (as the kernel's log). */
static void say(const char *fmt, ...)
{
	struct timespec ts;
	va_list ap;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	va_start(ap, fmt);
	fprintf(stderr, "[%5ld.%03ld] %s: ", (long)ts.tv_sec,
		ts.tv_nsec / 1000000, prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static bool valid_system_name(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= UNITRON_NET_SYSTEM_MAX &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789_.-") == n;
}

static struct system *system_named(const char *name)
{
	int i;

	for (i = 0; i < nsystems; i++)
		if (strcmp(systems[i].name, name) == 0)
			return &systems[i];
	return NULL;
}

/* Add (or keep) a candidate system; false if it cannot be one. */
static bool candidate(const char *name, const char *path)
{
	struct system *s = system_named(name);

	if (s != NULL) {
		if (strcmp(s->path, path) != 0)
			return false;
		s->wanted = true;
		return true;
	}
	if (nsystems == MAX_SYSTEMS || !valid_system_name(name) ||
	    strlen(path) >= sizeof(s->path))
		return false;
	s = &systems[nsystems++];
	*s = (struct system){ .wanted = true };
	strcpy(s->name, name);
	strcpy(s->path, path);
	return true;
}

/* ---- publication: TIPC names, counted (two systems may share one) ------ */

struct binding {
	__u32	type, inst;
	int	refs;
};

static struct binding *bindings;
static int nbindings;

static int bind_name(__u32 type, __u32 inst, bool on)
{
	struct sockaddr_tipc a = {
		.family = AF_TIPC, .addrtype = TIPC_SERVICE_RANGE,
		.scope = on ? TIPC_CLUSTER_SCOPE : -TIPC_CLUSTER_SCOPE,
		.addr.nameseq = { type, inst, inst },
	};

	return bind(listen_fd, (struct sockaddr *)&a, sizeof(a));
}

static void publish(__u32 type, const char *name, bool on)
{
	__u32 inst = unitron_net_hash(name, (__u32)strlen(name));
	struct binding *b;
	int i;

	for (i = 0; i < nbindings; i++)
		if (bindings[i].type == type && bindings[i].inst == inst)
			break;
	if (i == nbindings) {
		if (!on)
			return;
		b = realloc(bindings, (nbindings + 1) * sizeof(*b));
		if (b == NULL) {
			say("out of memory: %s not published", name);
			return;
		}
		bindings = b;
		bindings[nbindings++] = (struct binding){ type, inst, 0 };
	}
	b = &bindings[i];
	if (on && b->refs++ == 0 && bind_name(type, inst, true) < 0)
		say("publish %s: %s", name, strerror(errno));
	if (!on && --b->refs == 0) {
		if (bind_name(type, inst, false) < 0)
			say("withdraw %s: %s", name, strerror(errno));
		bindings[i] = bindings[--nbindings];
	}
}

static void publish_system(const struct system *s, bool on)
{
	char full[UNITRON_NET_NAME_MAX + 1];
	int i;

	for (i = 0; i < s->nobjs; i++) {
		snprintf(full, sizeof(full), "%s/%s", s->name, s->objs[i].name);
		publish(UNITRON_NET_TYPE_FULL, full, on);
		publish(UNITRON_NET_TYPE_SHORT, s->objs[i].name, on);
	}
}

/* ---- scanning ---------------------------------------------------------- */

/*
 * path's bridged objects, into *objs (malloc'ed): how many, or the error
 * (a µITRON error code, or -errno - 1000 when it cannot be opened).
 */
static int enumerate(const char *path, struct object **objs)
{
	unitron_t *u = unitron_open(path);
	struct object *o = NULL, *more;
	int n = 0, len = E_NOMEM;

	if (u == NULL)
		return -errno - 1000;
	for (;;) {
		more = realloc(o, (n + 1) * sizeof(*o));
		if (more == NULL)
			break;
		o = more;
		len = unitron_object_name(u, n + 1, o[n].name,
					  sizeof(o[n].name), &o[n].kind);
		if (len < 0 || len >= (int)sizeof(o[n].name))
			break;
		o[n].obj = n + 1;
		n++;
	}
	unitron_close(u);
	/* E_ID past the last object; anything else: not (yet) up. */
	if (len != E_ID) {
		free(o);
		return len < 0 ? len : E_SYS;
	}
	*objs = o;
	return n;
}

/* A posix-port socket with its application still listening. */
static bool listening(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd, r;

	if (strlen(path) >= sizeof(a.sun_path))
		return false;
	strcpy(a.sun_path, path);
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	r = connect(fd, (struct sockaddr *)&a, sizeof(a));
	close(fd);
	return r == 0;
}

/* Whether s's system runs as it did when it came up. */
static bool still_up(const struct system *s)
{
	struct stat st;

	if (stat(s->path, &st) < 0 || st.st_ino != s->ino)
		return false;
	return S_ISCHR(st.st_mode) || listening(s->path);
}

static void set_up(struct system *s, struct object *objs, int n, ino_t ino)
{
	pthread_mutex_lock(&table_lock);
	s->objs = objs;
	s->nobjs = n;
	s->ino = ino;
	s->up = true;
	pthread_mutex_unlock(&table_lock);
	publish_system(s, true);
	say("%s (%s): %d object%s published", s->name, s->path, n,
	    n == 1 ? "" : "s");
}

static void set_down(struct system *s)
{
	pthread_mutex_lock(&table_lock);
	s->up = false;
	pthread_mutex_unlock(&table_lock);
	publish_system(s, false);
	free(s->objs);
	s->objs = NULL;
	s->nobjs = 0;
	say("%s: withdrawn", s->name);
}

static void check_system(struct system *s)
{
	struct object *objs = NULL;
	struct stat st;
	int n;

	if (s->up && s->wanted && still_up(s))
		return;
	if (s->up)
		set_down(s);
	if (!s->wanted || stat(s->path, &st) < 0)
		return;
	n = enumerate(s->path, &objs);
	if (n >= 0) {
		s->why_not = 0;
		set_up(s, objs, n, st.st_ino);
	} else if (n != s->why_not) {
		s->why_not = n;
		say("%s (%s): not up yet: %s", s->name, s->path,
		    n <= -1000 ? strerror(-n - 1000) : unitron_ername(n));
	}
}

/* The name discovery gives a system at path: "/dev/X" X, "unitron-X.sock" X. */
static void discovered_name(const char *path, char *name, size_t size)
{
	const char *base = strrchr(path, '/') + 1;
	const char *dash;

	if (strncmp(path, "/dev/", 5) == 0) {
		snprintf(name, size, "%s", base);
		return;
	}
	/* unitron-<program>.sock or unitron-<uid>-<program>.sock */
	base += strlen("unitron-");
	dash = strchr(base, '-');
	if (strncmp(path, "/tmp/", 5) == 0 && dash != NULL)
		base = dash + 1;
	snprintf(name, size, "%.*s", (int)(strlen(base) - strlen(".sock")),
		 base);
}

static void discover_in(const char *dir, const char *pattern)
{
	char path[PATH_MAX], name[NAME_MAX + 1];
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (fnmatch(pattern, e->d_name, 0) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		discovered_name(path, name, sizeof(name));
		candidate(name, path);
	}
	closedir(d);
}

static void discover(void)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	char pattern[64];

	discover_in("/dev", "unitron[0-9]*");
	if (xdg != NULL && *xdg == '/')
		discover_in(xdg, "unitron-*.sock");
	snprintf(pattern, sizeof(pattern), "unitron-%u-*.sock",
		 (unsigned int)getuid());
	discover_in("/tmp", pattern);
}

static void scan(void)
{
	int i;

	for (i = 0; i < nsystems; i++)
		systems[i].wanted = explicit_systems;
	if (!explicit_systems)
		discover();
	for (i = 0; i < nsystems; i++)
		check_system(&systems[i]);
	/* Forget discovered systems that are gone (keeps the table small). */
	pthread_mutex_lock(&table_lock);
	for (i = 0; i < nsystems; i++)
		if (!systems[i].wanted && !systems[i].up)
			systems[i--] = systems[--nsystems];
	pthread_mutex_unlock(&table_lock);
}

/* ---- finding an object (table_lock held) -------------------------------- */

struct target {
	char	path[PATH_MAX];
	ino_t	ino;
	int	obj, kind;
};

/* name's object: E_OK into *t, E_NOEXS, or E_OBJ (*ambiguous). */
static unitron_er find(const char *name, struct target *t, bool *ambiguous)
{
	const char *slash = strchr(name, '/');
	int i, j, found = 0;

	*ambiguous = false;
	for (i = 0; i < nsystems; i++) {
		const struct system *s = &systems[i];
		const char *object = name;

		if (!s->up)
			continue;
		if (slash != NULL) {
			if (strlen(s->name) != (size_t)(slash - name) ||
			    strncmp(s->name, name, slash - name) != 0)
				continue;
			object = slash + 1;
		}
		for (j = 0; j < s->nobjs; j++) {
			if (strcmp(s->objs[j].name, object) != 0)
				continue;
			if (found++ == 0) {
				strcpy(t->path, s->path);
				t->ino = s->ino;
				t->obj = s->objs[j].obj;
				t->kind = s->objs[j].kind;
			}
		}
	}
	if (found > 1)
		*ambiguous = true;
	return found == 1 ? E_OK : found ? E_OBJ : E_NOEXS;
}

/* "node NODE\n" then "dtq SYSTEM/NAME\n" lines, into buf: the length. */
static size_t list(char *buf, size_t size)
{
	size_t n;
	int i, j;

	n = (size_t)snprintf(buf, size, "node %s\n", node);
	for (i = 0; i < nsystems; i++) {
		const struct system *s = &systems[i];

		for (j = 0; s->up && j < s->nobjs; j++) {
			int w = snprintf(buf + n, size - n, "%s %s/%s\n",
					 s->objs[j].kind == UNITRON_MBX ?
					 "mbx" : "dtq", s->name,
					 s->objs[j].name);

			if (w < 0 || (size_t)w >= size - n)
				return n;	/* cut: whole lines only */
			n += (size_t)w;
		}
	}
	return n;
}

/* ---- calls: a thread per connection ------------------------------------- */

/*
 * A call in progress, for the main thread to cancel when its caller
 * sends CANCEL or goes away: the connection thread is signalled until
 * the call returns (a signal interrupts libunitron's wait: E_RLWAI).
 * The main thread learns of both from epoll, edge-triggered on every
 * connection: a packet or a hang-up while the connection is busy.
 */
struct conn {
	int		fd;
	pthread_t	thread;
	unsigned int	call;		/* calls made: which one is busy */
	bool		busy;		/* in a call */
	bool		cancel;		/* signalling it */
	bool		used;
};

static struct conn conns[MAX_CONNS];
static pthread_mutex_t conns_lock = PTHREAD_MUTEX_INITIALIZER;
static int epoll_fd;

/* Whether the next packet on fd is a CANCEL, or the caller has gone. */
static bool caller_cancels(int fd)
{
	struct unitron_net_msg m;
	ssize_t n = recv(fd, &m, sizeof(m), MSG_PEEK | MSG_DONTWAIT);

	return n <= 0 ? n == 0 || errno != EAGAIN :
	       n == sizeof(m) && m.op == UNITRON_NET_CANCEL;
}

/*
 * busy: c starts a call, unless its caller cancelled it already (an
 * edge the main thread saw before c was busy): false.  !busy: it ended.
 */
static bool set_busy(struct conn *c, bool busy)
{
	bool go = !busy || !caller_cancels(c->fd);

	pthread_mutex_lock(&conns_lock);
	c->busy = busy && go;
	c->cancel = false;
	c->call++;
	pthread_mutex_unlock(&conns_lock);
	return go;
}

/*
 * One bridge call on t's object: m's fields in and out; a message to
 * send, or received, in buf (*p_len: the bytes to answer with).
 */
static unitron_er bridge_call(struct conn *c, const struct target *t,
			      struct unitron_net_msg *m, char *buf,
			      size_t *p_len)
{
	unitron_t *u = unitron_open(t->path);
	struct stat st;
	intptr_t datum = 0;
	unitron_er ercd;
	int r;

	*p_len = 0;
	if (u == NULL || stat(t->path, &st) < 0 || st.st_ino != t->ino) {
		unitron_close(u);
		return E_DLT;	/* its system went, or came back anew */
	}
	if (!set_busy(c, true)) {
		unitron_close(u);
		return E_RLWAI;		/* never made: no effect */
	}
	switch (m->op) {
	case UNITRON_BRG_SND_DTQ:
		ercd = unitron_tsnd_dtq(u, t->obj, (intptr_t)m->data, m->tmout);
		break;
	case UNITRON_BRG_FSND_DTQ:
		ercd = unitron_fsnd_dtq(u, t->obj, (intptr_t)m->data);
		break;
	case UNITRON_BRG_RCV_DTQ:
		ercd = unitron_trcv_dtq(u, t->obj, &datum, m->tmout);
		m->data = datum;
		break;
	case UNITRON_BRG_SND_MBX:
		ercd = unitron_tsnd_mbx(u, t->obj, buf, m->len, (int)m->data,
					m->tmout);
		break;
	default:	/* UNITRON_BRG_RCV_MBX: data = its whole length */
		if (m->size > UNITRON_BRG_MSG_MAX)
			m->size = UNITRON_BRG_MSG_MAX;
		r = unitron_trcv_mbx(u, t->obj, buf, m->size, m->tmout);
		ercd = r < 0 ? r : E_OK;
		m->data = r < 0 ? 0 : r;
		*p_len = r < 0 ? 0 : (size_t)r < m->size ? (size_t)r : m->size;
		break;
	}
	set_busy(c, false);
	unitron_close(u);
	return ercd;
}

/* A request's fields, checked; E_OK or the error to answer. */
static unitron_er check_request(const struct unitron_net_msg *m, ssize_t n)
{
	if (m->magic != UNITRON_NET_MAGIC || m->version != UNITRON_NET_VERSION)
		return E_PAR;
	if (m->name_len > UNITRON_NET_NAME_MAX || m->len > UNITRON_BRG_MSG_MAX ||
	    (size_t)n != sizeof(*m) + m->name_len + m->len)
		return E_PAR;
	if (m->tmout < UNITRON_TMO_FEVR)
		return E_PAR;
	if (m->op == UNITRON_NET_LIST || m->op == UNITRON_BRG_LOOKUP ||
	    (m->op >= UNITRON_BRG_SND_DTQ && m->op <= UNITRON_BRG_RCV_MBX))
		return E_OK;
	return E_RSFN;
}

/* The answer to one request of n bytes in req; false: end the connection. */
static bool serve_request(struct conn *c, char *req, ssize_t n)
{
	static __thread char out[UNITRON_NET_LIST_MAX];
	struct unitron_net_msg m;
	char name[UNITRON_NET_NAME_MAX + 1];
	struct iovec iov[2] = { { &m, sizeof(m) }, { out, 0 } };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	struct target t = { .kind = 0 };
	bool ambiguous = false;
	unitron_er ercd;

	if (n < (ssize_t)sizeof(m))
		return false;
	memcpy(&m, req, sizeof(m));
	if (m.op == UNITRON_NET_CANCEL)
		return true;	/* its call has ended already */
	ercd = check_request(&m, n);
	if (ercd == E_OK) {
		memcpy(name, req + sizeof(m), m.name_len);
		name[m.name_len] = '\0';
		memcpy(out, req + sizeof(m) + m.name_len, m.len);
		pthread_mutex_lock(&table_lock);
		if (m.op == UNITRON_NET_LIST)
			iov[1].iov_len = list(out, sizeof(out));
		else
			ercd = find(name, &t, &ambiguous);
		pthread_mutex_unlock(&table_lock);
		if (m.op == UNITRON_BRG_LOOKUP)
			m.data = t.kind;
		else if (m.op == UNITRON_NET_LIST)
			;
		else if (ercd != E_OK)
			ercd = E_DLT;	/* not (or no longer) here: it went */
		else
			ercd = bridge_call(c, &t, &m, out, &iov[1].iov_len);
	}
	m.magic = UNITRON_NET_MAGIC;
	m.version = UNITRON_NET_VERSION;
	m.ercd = ercd;
	m.flags = ambiguous ? UNITRON_NET_AMBIGUOUS : 0;
	m.len = (__u32)iov[1].iov_len;
	if (m.op == UNITRON_BRG_RCV_MBX && ercd == E_OK)
		m.len = (__u32)m.data;	/* the whole message's length */
	while (sendmsg(c->fd, &mh, MSG_NOSIGNAL) < 0)
		if (errno != EINTR)
			return false;
	return true;
}

static void *connection(void *arg)
{
	static __thread char req[sizeof(struct unitron_net_msg) +
				 UNITRON_NET_NAME_MAX + UNITRON_BRG_MSG_MAX + 1];
	struct conn *c = arg;
	ssize_t n;

	for (;;) {
		n = recv(c->fd, req, sizeof(req), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || !serve_request(c, req, n))
			break;
	}
	pthread_mutex_lock(&conns_lock);
	close(c->fd);
	c->used = false;
	pthread_mutex_unlock(&conns_lock);
	return NULL;
}

static void accept_connection(void)
{
	int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP | EPOLLET };
	pthread_attr_t attr;
	struct conn *c = NULL;
	int i;

	if (fd < 0)
		return;
	pthread_mutex_lock(&conns_lock);
	for (i = 0; i < MAX_CONNS && c == NULL; i++)
		if (!conns[i].used)
			c = &conns[i];
	if (c != NULL)
		*c = (struct conn){ .fd = fd, .used = true };
	pthread_mutex_unlock(&conns_lock);
	if (c == NULL) {
		close(fd);	/* too many: the caller sees E_DLT */
		return;
	}
	ev.data.ptr = c;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0 ||
	    pthread_create(&c->thread, &attr, connection, c) != 0) {
		say("connection: %s", strerror(errno));
		close(fd);
		c->used = false;
	}
	pthread_attr_destroy(&attr);
}

/* Signal again the calls being cancelled: whether there are any. */
static bool resignal(void)
{
	bool any = false;
	int i;

	pthread_mutex_lock(&conns_lock);
	for (i = 0; i < MAX_CONNS; i++)
		if (conns[i].used && conns[i].busy && conns[i].cancel) {
			pthread_kill(conns[i].thread, SIGUSR1);
			any = true;
		}
	pthread_mutex_unlock(&conns_lock);
	return any;
}

/*
 * c's connection had a packet or a hang-up: if c is busy, its caller
 * sent CANCEL or went away (while a call runs, nothing else comes), and
 * the call is cancelled; if not, the packet is c's next request.
 */
static void check_cancel(struct conn *c)
{
	pthread_mutex_lock(&conns_lock);
	if (c->used && c->busy && !c->cancel && caller_cancels(c->fd)) {
		c->cancel = true;
		pthread_kill(c->thread, SIGUSR1);
	}
	pthread_mutex_unlock(&conns_lock);
}

/* ---- imports: remote objects under a local system's ID ------------------ */

struct import {
	bool	out;		/* local -> remote (else remote -> local) */
	char	system[UNITRON_NET_SYSTEM_MAX + 1];
	char	local[256];
	char	remote[UNITRON_NET_NAME_MAX + 1];
};

static void nap(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* The local system's path (copied), once it is up; false: none. */
static bool import_path(const struct import *im, char *path)
{
	struct system *s;
	bool up;

	pthread_mutex_lock(&table_lock);
	s = system_named(im->system);
	up = s != NULL && s->up;
	if (up)
		strcpy(path, s->path);
	pthread_mutex_unlock(&table_lock);
	return up;
}

/* name's handle in u's own system (not the cluster's), or < 0. */
static int local_object(unitron_t *u, const char *name, int *p_kind)
{
	char buf[256];
	int obj, len;

	for (obj = 1; (len = unitron_object_name(u, obj, buf, sizeof(buf),
						 p_kind)) >= 0; obj++)
		if (strcmp(buf, name) == 0)
			return obj;
	return len;
}

/* Both ends of an import, opened: false (after a pause) if not yet. */
static bool import_open(const struct import *im, unitron_t **lu, int *lobj,
			unitron_t **ru, int *robj, int *kind, bool *told)
{
	char path[PATH_MAX];
	int lkind = 0, rkind = 0;

	*lu = *ru = NULL;
	if (import_path(im, path) && (*lu = unitron_open(path)) != NULL &&
	    (*lobj = local_object(*lu, im->local, &lkind)) > 0 &&
	    (*ru = unitron_open("cluster")) != NULL &&
	    (*robj = unitron_lookup(*ru, im->remote, &rkind)) > 0) {
		if (lkind == rkind) {
			*kind = lkind;
			say("import %s/%s %s %s: running", im->system,
			    im->local, im->out ? "->" : "<-", im->remote);
			*told = false;
			return true;
		}
		say("import %s/%s: %s is not of its kind", im->system,
		    im->local, im->remote);
	} else if (!*told) {
		say("import %s/%s %s %s: waiting for both ends", im->system,
		    im->local, im->out ? "->" : "<-", im->remote);
	}
	*told = true;
	unitron_close(*lu);
	unitron_close(*ru);
	nap(RETRY_MS);
	return false;
}

/*
 * One datum or message from (fu, fobj) to (tu, tobj).  What was received
 * is sent until it is taken: E_OK; else the error that ends the pass.
 */
static unitron_er forward(unitron_t *fu, int fobj, unitron_t *tu, int tobj,
			  int kind)
{
	static __thread char msg[UNITRON_BRG_MSG_MAX];
	intptr_t datum = 0;
	int len = 0;
	unitron_er ercd;

	if (kind == UNITRON_DTQ)
		ercd = unitron_trcv_dtq(fu, fobj, &datum, 1000);
	else
		ercd = len = unitron_trcv_mbx(fu, fobj, msg, sizeof(msg), 1000);
	if (ercd == E_TMOUT)
		return E_OK;
	if (ercd < 0)
		return ercd;
	do {
		ercd = kind == UNITRON_DTQ ?
		       unitron_tsnd_dtq(tu, tobj, datum, 1000) :
		       unitron_tsnd_mbx(tu, tobj, msg, (size_t)len, 1, 1000);
		if (ercd == E_DLT || ercd == E_NOEXS)
			nap(RETRY_MS);	/* gone for now: it may be back */
	} while (ercd == E_TMOUT || ercd == E_DLT || ercd == E_NOEXS);
	if (ercd != E_OK)
		say("import: a %s lost: %s", kind == UNITRON_DTQ ? "datum" :
		    "message", unitron_ername(ercd));
	return E_OK;
}

static void *import(void *arg)
{
	const struct import *im = arg;
	unitron_t *lu, *ru;
	int lobj, robj, kind;
	bool told = false;
	unitron_er ercd;

	for (;;) {
		if (!import_open(im, &lu, &lobj, &ru, &robj, &kind, &told))
			continue;
		do
			ercd = im->out ? forward(lu, lobj, ru, robj, kind) :
			       forward(ru, robj, lu, lobj, kind);
		while (ercd == E_OK);
		say("import %s/%s: %s, again when it is back", im->system,
		    im->local, unitron_ername(ercd));
		unitron_close(lu);
		unitron_close(ru);
		nap(RETRY_MS);
	}
	return NULL;
}

/* SYSTEM/LOCAL=REMOTE into *im; false if it is not that. */
static bool parse_import(const char *arg, bool out, struct import *im)
{
	const char *slash = strchr(arg, '/'), *eq = strchr(arg, '=');

	if (slash == NULL || eq == NULL || eq < slash ||
	    (size_t)(slash - arg) >= sizeof(im->system) ||
	    (size_t)(eq - slash - 1) >= sizeof(im->local) ||
	    strlen(eq + 1) >= sizeof(im->remote) || eq == slash + 1 || !eq[1])
		return false;
	im->out = out;
	snprintf(im->system, sizeof(im->system), "%.*s", (int)(slash - arg), arg);
	snprintf(im->local, sizeof(im->local), "%.*s", (int)(eq - slash - 1),
		 slash + 1);
	snprintf(im->remote, sizeof(im->remote), "%s", eq + 1);
	return valid_system_name(im->system);
}

/* ---- main ---------------------------------------------------------------- */

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static void on_cancel(int sig)
{
	(void)sig;	/* only interrupts the call in progress */
}

static void usage(FILE *f)
{
	fprintf(f,
"usage: %s [-n NODE] [-s [NAME=]PATH]... [-o SYSTEM/LOCAL=REMOTE]...\n"
"                    [-i SYSTEM/LOCAL=REMOTE]...\n"
"\n"
"Publishes the bridged objects of this node's µITRON systems to the TIPC\n"
"cluster, as SYSTEM/NAME and NAME, and serves other nodes' calls on them.\n"
"\n"
"  -n NODE   this node's name in `unitronctl ls` (default: the host name)\n"
"  -s [NAME=]PATH\n"
"            serve this system only (repeatable): a device (linux port,\n"
"            own core) or a posix-port application's socket; NAME defaults\n"
"            to the device's name or the socket's program name.  Without\n"
"            -s: every /dev/unitron*, $XDG_RUNTIME_DIR/unitron-*.sock and\n"
"            /tmp/unitron-UID-*.sock, as they come and go\n"
"  -o SYSTEM/LOCAL=REMOTE\n"
"            import: what tasks send to LOCAL, a bridged data queue or\n"
"            mailbox of SYSTEM, goes on to the cluster's object REMOTE\n"
"  -i SYSTEM/LOCAL=REMOTE\n"
"            import: what REMOTE holds comes into LOCAL for tasks\n"
"\n"
"Needs TIPC (modprobe tipc, and a bearer: docs/cluster.md).  Stops on\n"
"SIGTERM or SIGINT, and its names go with it.\n", prog);
}

/*
 * SIGTERM and SIGINT reach the main thread only, in its ppoll() (the
 * other threads inherit the mask that blocks them): *run_mask.
 */
static int setup(sigset_t *run_mask)
{
	struct sigaction sa = { .sa_handler = on_stop };
	sigset_t stops;

	sigemptyset(&stops);
	sigaddset(&stops, SIGTERM);
	sigaddset(&stops, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stops, run_mask);
	sigdelset(run_mask, SIGTERM);
	sigdelset(run_mask, SIGINT);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_cancel;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (epoll_fd < 0)
		return -1;
	listen_fd = socket(AF_TIPC, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (listen_fd < 0) {
		say("no TIPC on this node (%s): modprobe tipc", strerror(errno));
		return -1;
	}
	/* Listening first: a client may connect once it sees the name. */
	if (listen(listen_fd, 64) < 0 ||
	    bind_name(UNITRON_NET_TYPE_NODE, 0, true) < 0) {
		say("TIPC: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Wake at once when a device or socket comes or goes. */
static int watch_dirs(void)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	__u32 mask = IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_ATTRIB;
	char dir[PATH_MAX];
	int i;

	if (fd < 0)
		return -1;
	if (!explicit_systems) {
		inotify_add_watch(fd, "/dev", mask);
		inotify_add_watch(fd, "/tmp", mask);
		if (xdg != NULL && *xdg == '/')
			inotify_add_watch(fd, xdg, mask);
	}
	for (i = 0; i < nsystems; i++) {
		snprintf(dir, sizeof(dir), "%s", systems[i].path);
		*strrchr(dir, '/') = '\0';
		inotify_add_watch(fd, *dir ? dir : "/", mask);
	}
	return fd;
}

static void run(const sigset_t *run_mask)
{
	struct epoll_event ev = { .events = EPOLLIN }, evs[32];
	int i, n, ino = watch_dirs();
	bool cancelling = false;
	long long next_scan = 0;
	char drain[4096];

	ev.data.ptr = &listen_fd;
	epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listen_fd, &ev);
	ev.data.ptr = &epoll_fd;	/* inotify's */
	if (ino >= 0)
		epoll_ctl(epoll_fd, EPOLL_CTL_ADD, ino, &ev);
	while (!stopping) {
		struct timespec ts;
		long long now;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		now = ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
		if (now >= next_scan) {
			scan();
			next_scan = now + SCAN_MS;
		}
		n = epoll_pwait(epoll_fd, evs, 32, cancelling ?
				CANCEL_EVERY_MS : (int)(next_scan - now),
				run_mask);
		for (i = 0; i < n; i++) {
			if (evs[i].data.ptr == &listen_fd) {
				accept_connection();
			} else if (evs[i].data.ptr == &epoll_fd) {
				while (read(ino, drain, sizeof(drain)) > 0)
					;
				next_scan = 0;
			} else {
				check_cancel(evs[i].data.ptr);
			}
		}
		cancelling = resignal();
	}
}

int main(int argc, char **argv)
{
	static struct import imports[64];
	sigset_t run_mask;
	int nimports = 0, opt;
	char *eq;

	gethostname(node, sizeof(node) - 1);
	while ((opt = getopt(argc, argv, "n:s:o:i:h")) != -1) {
		switch (opt) {
		case 'n':
			if (!valid_system_name(optarg)) {
				say("-n %s: a node name is 1-%d letters, digits, "
				    "'_', '.', '-'", optarg,
				    UNITRON_NET_SYSTEM_MAX);
				return 2;
			}
			snprintf(node, sizeof(node), "%s", optarg);
			break;
		case 's': {
			char name[NAME_MAX + 1];
			const char *path = optarg;

			eq = strchr(optarg, '=');
			if (eq != NULL) {
				*eq = '\0';
				path = eq + 1;
				snprintf(name, sizeof(name), "%s", optarg);
			} else {
				discovered_name(path, name, sizeof(name));
			}
			if (*path != '/' || !candidate(name, path)) {
				say("-s %s: needs an absolute PATH and a NAME "
				    "(1-%d letters, digits, '_', '.', '-') of "
				    "its own", path, UNITRON_NET_SYSTEM_MAX);
				return 2;
			}
			explicit_systems = true;
			break;
		}
		case 'o':
		case 'i':
			if (nimports == 64 ||
			    !parse_import(optarg, opt == 'o',
					  &imports[nimports])) {
				say("-%c %s: expected SYSTEM/LOCAL=REMOTE", opt,
				    optarg);
				return 2;
			}
			nimports++;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (setup(&run_mask) < 0)
		return 1;
	say("node %s: serving", node);
	for (opt = 0; opt < nimports; opt++) {
		pthread_t t;

		if (pthread_create(&t, NULL, import, &imports[opt]) != 0) {
			say("import: %s", strerror(errno));
			return 1;
		}
	}
	run(&run_mask);
	/* Closing the socket withdraws every name at once. */
	close(listen_fd);
	say("stopped: every name withdrawn");
	return 0;
}
