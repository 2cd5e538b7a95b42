/*
 * libunitron - the bridge's client side (unitron.h).
 *
 * Linux port: one ioctl per call on the system's device.  Posix port:
 * one packet each way on the application's SOCK_SEQPACKET socket; the
 * answer is awaited with poll(), which a signal handler always
 * interrupts (SA_RESTART or not): then the call is cancelled, as the
 * linux port's device does, and its outcome is still read.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include "unitron.h"
#include "unitron_brg_abi.h"
#include "cluster.h"

/* Handles of the cluster's objects: this, and up. */
#define CLUSTER_HANDLE	0x40000000

struct unitron {
	int			fd;	/* -1: the cluster only */
	int			device;	/* linux port (else a socket) */
	struct cluster_object	*remote;	/* looked up in the cluster */
	int			nremote;
};

/* The handle of no system: the cluster's objects only (if it has TIPC). */
static unitron_t *open_cluster(void)
{
	unitron_t *u;

	if (!cluster_present()) {
		errno = ENOENT;
		return NULL;
	}
	u = calloc(1, sizeof(*u));
	if (u != NULL)
		u->fd = -1;
	return u;
}

unitron_t *unitron_open(const char *system)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	struct stat st;
	unitron_t *u;
	bool fallback = false;

	if (system == NULL)
		system = getenv("UNITRON_SYSTEM");
	if (system == NULL || *system == '\0') {
		system = "/dev/unitron0";
		fallback = true;
	}
	if (strcmp(system, "cluster") == 0)
		return open_cluster();
	if (stat(system, &st) < 0)
		return fallback && errno == ENOENT ? open_cluster() : NULL;
	u = calloc(1, sizeof(*u));
	if (u == NULL)
		return NULL;
	u->device = S_ISCHR(st.st_mode);
	if (u->device) {
		u->fd = open(system, O_RDWR | O_CLOEXEC);
	} else if (strlen(system) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		u->fd = -1;
	} else {
		strcpy(addr.sun_path, system);
		u->fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
		if (u->fd >= 0 &&
		    connect(u->fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
			int err = errno;

			close(u->fd);
			u->fd = -1;
			errno = err;
		}
	}
	if (u->fd < 0) {
		int err = errno;

		free(u);
		errno = err;
		return NULL;
	}
	return u;
}

void unitron_close(unitron_t *u)
{
	int i;

	if (u == NULL)
		return;
	for (i = 0; i < u->nremote; i++)
		cluster_forget(&u->remote[i]);
	free(u->remote);
	if (u->fd >= 0)
		close(u->fd);
	free(u);
}

/*
 * The cluster's objects this process has looked up, by handle (index +
 * CLUSTER_HANDLE): a handle is good on any unitron_t of the process, as
 * the local bridge's are (each unitron_t keeps its own connections).
 */
static struct {
	char	name[UNITRON_NET_NAME_MAX + 1];
	int	kind;
} *known;
static int nknown;
static pthread_mutex_t known_lock = PTHREAD_MUTEX_INITIALIZER;

/* name's index in known (added if need be), or E_NOMEM. */
static int known_index(const char *name, int kind)
{
	void *more;
	int i;

	pthread_mutex_lock(&known_lock);
	for (i = 0; i < nknown; i++)
		if (strcmp(known[i].name, name) == 0)
			goto out;
	more = realloc(known, (nknown + 1) * sizeof(*known));
	if (more == NULL) {
		i = E_NOMEM;
		goto out;
	}
	known = more;
	strcpy(known[nknown].name, name);
	known[nknown].kind = kind;
	i = nknown++;
out:
	pthread_mutex_unlock(&known_lock);
	return i;
}

/* u's connection for known object i (made room for), or NULL. */
static struct cluster_object *remote_of(unitron_t *u, int i)
{
	struct cluster_object *more;

	pthread_mutex_lock(&known_lock);
	if (i < 0 || i >= nknown) {
		pthread_mutex_unlock(&known_lock);
		return NULL;
	}
	if (i >= u->nremote) {
		more = realloc(u->remote, (i + 1) * sizeof(*more));
		if (more == NULL) {
			pthread_mutex_unlock(&known_lock);
			return NULL;
		}
		u->remote = more;
		for (; u->nremote <= i; u->nremote++) {
			more = &u->remote[u->nremote];
			strcpy(more->name, known[u->nremote].name);
			more->kind = known[u->nremote].kind;
			more->fd = -1;
		}
	}
	pthread_mutex_unlock(&known_lock);
	return &u->remote[i];
}

/* The cluster's object name: a handle, or E_NOEXS / E_OBJ / E_NOMEM. */
static int remote_lookup(unitron_t *u, const char *name, int *p_kind)
{
	struct cluster_object o, *r;
	unitron_er ercd;
	int i;

	if (!cluster_present())
		return E_NOEXS;
	ercd = cluster_lookup(name, &o);
	if (ercd != E_OK)
		return ercd;
	i = known_index(name, o.kind);
	r = i >= 0 ? remote_of(u, i) : NULL;
	if (r == NULL) {
		cluster_forget(&o);
		return E_NOMEM;
	}
	cluster_forget(r);
	*r = o;		/* the connection the lookup made */
	if (p_kind != NULL)
		*p_kind = o.kind;
	return CLUSTER_HANDLE + i;
}

static unitron_er device_call(unitron_t *u, struct unitron_brg_call *c)
{
	if (ioctl(u->fd, UNITRON_IOC_BRG_CALL, c) == 0)
		return c->ercd;
	switch (errno) {
	case EINTR:
		return E_RLWAI;
	case EFAULT:
		return E_MACV;
	case ENOMEM:
		return E_NOMEM;
	case ENODEV:
		return E_DLT;
	default:
		return E_SYS;
	}
}

/* The answer: the structure, then up to size bytes into buf. */
static unitron_er socket_answer(unitron_t *u, struct unitron_brg_call *c,
				void *buf, size_t size)
{
	struct iovec iov[2] = { { c, sizeof(*c) }, { buf, size } };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	struct pollfd pfd = { .fd = u->fd, .events = POLLIN };
	int cancelled = 0;
	ssize_t n;

	while (poll(&pfd, 1, -1) < 0) {
		if (errno != EINTR)
			return E_SYS;
		if (!cancelled) {
			__u32 op = UNITRON_BRG_CANCEL;

			cancelled = 1;
			if (send(u->fd, &op, sizeof(op), MSG_NOSIGNAL) < 0)
				return E_DLT;
		}
	}
	do
		n = recvmsg(u->fd, &mh, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n < (ssize_t)sizeof(*c))
		return E_DLT;	/* the system went away */
	return c->ercd;
}

static unitron_er socket_call(unitron_t *u, struct unitron_brg_call *c,
			      const void *out, void *in, size_t size)
{
	struct iovec iov[2] = { { c, sizeof(*c) },
				{ (void *)out, out != NULL ? c->len : 0 } };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };

	if (c->len > UNITRON_BRG_MSG_MAX)
		return E_PAR;
	if (sendmsg(u->fd, &mh, MSG_NOSIGNAL) < 0)
		return errno == EFAULT ? E_MACV : E_DLT;
	return socket_answer(u, c, in, size);
}

/* One call: out/len bytes go with it, in/size receive a message. */
static unitron_er call(unitron_t *u, struct unitron_brg_call *c,
		       const void *out, void *in, size_t size)
{
	if (u == NULL)
		return E_PAR;
	c->size = size > UINT32_MAX ? UINT32_MAX : (__u32)size;
	if (c->obj >= CLUSTER_HANDLE && c->op != UNITRON_BRG_LOOKUP &&
	    c->op != UNITRON_BRG_NAME) {
		struct cluster_object *r = remote_of(u, c->obj - CLUSTER_HANDLE);

		return r == NULL ? E_ID : cluster_call(r, c, out, in, size);
	}
	if (u->fd < 0)
		return c->op == UNITRON_BRG_LOOKUP ? E_NOEXS : E_ID;
	if (u->device) {
		c->buf = (uintptr_t)(out != NULL ? out : in);
		return device_call(u, c);
	}
	return socket_call(u, c, out, in, size);
}

int unitron_lookup(unitron_t *u, const char *name, int *p_kind)
{
	struct unitron_brg_call c = { 0 };
	unitron_er ercd;

	if (name == NULL)
		return E_PAR;
	c.op = UNITRON_BRG_LOOKUP;
	c.len = strnlen(name, 256);
	ercd = call(u, &c, name, NULL, 0);
	if (ercd == E_NOEXS)
		return remote_lookup(u, name, p_kind);
	if (ercd != E_OK)
		return ercd;
	if (p_kind != NULL)
		*p_kind = (int)c.data;
	return c.obj;
}

int unitron_object_name(unitron_t *u, int obj, char *name, size_t size,
			int *p_kind)
{
	struct unitron_brg_call c = { .op = UNITRON_BRG_NAME, .obj = obj };
	unitron_er ercd;

	if (name == NULL || size == 0)
		return E_PAR;
	ercd = call(u, &c, NULL, name, size - 1);
	if (ercd != E_OK)
		return ercd;
	name[c.len < size - 1 ? c.len : size - 1] = '\0';
	if (p_kind != NULL)
		*p_kind = (int)c.data;
	return (int)c.len;
}

int unitron_object(unitron_t *u, const char *name)
{
	return unitron_lookup(u, name, NULL);
}

int unitron_object_kind(unitron_t *u, const char *name)
{
	int kind, obj = unitron_lookup(u, name, &kind);

	return obj > 0 ? kind : obj;
}

static unitron_er dtq_send(unitron_t *u, __u32 op, int dtq, intptr_t data,
			   int tmout)
{
	struct unitron_brg_call c = { .op = op, .obj = dtq, .tmout = tmout,
				      .data = data };

	return call(u, &c, NULL, NULL, 0);
}

unitron_er unitron_snd_dtq(unitron_t *u, int dtq, intptr_t data)
{
	return dtq_send(u, UNITRON_BRG_SND_DTQ, dtq, data, UNITRON_TMO_FEVR);
}

unitron_er unitron_psnd_dtq(unitron_t *u, int dtq, intptr_t data)
{
	return dtq_send(u, UNITRON_BRG_SND_DTQ, dtq, data, UNITRON_TMO_POL);
}

unitron_er unitron_tsnd_dtq(unitron_t *u, int dtq, intptr_t data, int tmout)
{
	return dtq_send(u, UNITRON_BRG_SND_DTQ, dtq, data, tmout);
}

unitron_er unitron_fsnd_dtq(unitron_t *u, int dtq, intptr_t data)
{
	return dtq_send(u, UNITRON_BRG_FSND_DTQ, dtq, data, UNITRON_TMO_POL);
}

unitron_er unitron_trcv_dtq(unitron_t *u, int dtq, intptr_t *p_data,
			    int tmout)
{
	struct unitron_brg_call c = { .op = UNITRON_BRG_RCV_DTQ, .obj = dtq,
				      .tmout = tmout };
	unitron_er ercd;

	if (p_data == NULL)
		return E_MACV;
	ercd = call(u, &c, NULL, NULL, 0);
	if (ercd == E_OK)
		*p_data = (intptr_t)c.data;
	return ercd;
}

unitron_er unitron_rcv_dtq(unitron_t *u, int dtq, intptr_t *p_data)
{
	return unitron_trcv_dtq(u, dtq, p_data, UNITRON_TMO_FEVR);
}

unitron_er unitron_prcv_dtq(unitron_t *u, int dtq, intptr_t *p_data)
{
	return unitron_trcv_dtq(u, dtq, p_data, UNITRON_TMO_POL);
}

unitron_er unitron_tsnd_mbx(unitron_t *u, int mbx, const void *msg,
			    size_t len, int msgpri, int tmout)
{
	struct unitron_brg_call c = { .op = UNITRON_BRG_SND_MBX, .obj = mbx,
				      .tmout = tmout, .data = msgpri };

	if (len > UNITRON_BRG_MSG_MAX)
		return E_PAR;
	if (msg == NULL && len > 0)
		return E_MACV;
	c.len = (__u32)len;
	return call(u, &c, msg, NULL, 0);
}

unitron_er unitron_snd_mbx(unitron_t *u, int mbx, const void *msg,
			   size_t len, int msgpri)
{
	return unitron_tsnd_mbx(u, mbx, msg, len, msgpri, UNITRON_TMO_FEVR);
}

int unitron_trcv_mbx(unitron_t *u, int mbx, void *buf, size_t size,
		     int tmout)
{
	struct unitron_brg_call c = { .op = UNITRON_BRG_RCV_MBX, .obj = mbx,
				      .tmout = tmout };
	unitron_er ercd;

	if (buf == NULL && size > 0)
		return E_MACV;
	ercd = call(u, &c, NULL, buf, size);
	return ercd == E_OK ? (int)c.len : ercd;
}

int unitron_rcv_mbx(unitron_t *u, int mbx, void *buf, size_t size)
{
	return unitron_trcv_mbx(u, mbx, buf, size, UNITRON_TMO_FEVR);
}

int unitron_prcv_mbx(unitron_t *u, int mbx, void *buf, size_t size)
{
	return unitron_trcv_mbx(u, mbx, buf, size, UNITRON_TMO_POL);
}

const char *unitron_ername(unitron_er ercd)
{
	static const struct {
		int		ercd;
		const char	*name;
	} names[] = {
		{ 0, "E_OK" }, { -5, "E_SYS" }, { -9, "E_NOSPT" },
		{ -10, "E_RSFN" }, { -11, "E_RSATR" }, { -17, "E_PAR" },
		{ -18, "E_ID" }, { -25, "E_CTX" }, { -26, "E_MACV" },
		{ -27, "E_OACV" }, { -28, "E_ILUSE" }, { -33, "E_NOMEM" },
		{ -34, "E_NOID" }, { -41, "E_OBJ" }, { -42, "E_NOEXS" },
		{ -43, "E_QOVR" }, { -49, "E_RLWAI" }, { -50, "E_TMOUT" },
		{ -51, "E_DLT" }, { -52, "E_CLS" }, { -57, "E_WBLK" },
		{ -58, "E_BOVR" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].ercd == ercd)
			return names[i].name;
	return "unknown error code";
}
