/*
 * Unitron bridge - the posix port's transport.
 *
 * Linux processes connect to a SOCK_SEQPACKET Unix socket, at
 * $UNITRON_BRIDGE or else $XDG_RUNTIME_DIR/unitron-<program>.sock
 * (/tmp/unitron-<uid>-<program>.sock without XDG_RUNTIME_DIR), mode
 * 0600.  A thread of its own serves the socket, so the µITRON thread
 * never waits for a process: it takes a request into a call slot,
 * queues the slot for the µITRON side and raises INHNO_BRIDGE (a signal
 * at the µITRON thread); brg_port_done() (a worker's, or the handler's)
 * queues the slot back and wakes the thread through an eventfd, which
 * sends the answer; brg_port_release() frees the slot the same way.
 * The thread keeps each call's deadline (the timeout, at least
 * UNITRON_BRG_POLL_MS), whatever the µITRON thread runs: then, as on
 * a cancel, it withdraws a call no worker has taken and answers it
 * itself, or has the bridge's handler end a taken one (bridge.c).
 * Linux I/O: the request area is a memfd the proxy server maps; a proxy
 * waits on its slot's state word (futex) and reports DONE with a byte
 * in a pipe that signals the µITRON thread directly.
 * A process that closes its connection (or dies) mid-call has the call
 * cancelled; its slot is free once the µITRON side lets go of it.
 *
 * Both queues hold slot numbers, have one producer and one consumer,
 * and hold every slot: no locks, and nothing async-signal-unsafe on the
 * µITRON side.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <kernel.h>
#include "kernel_id.h"

#ifdef BRG_REQ_DTQ
#include "bridge_port.h"

#define MAX_CONNS	256
#define NO_CONN		(-1)
#define ITRON_POLL_NS	100000LL	/* idle polling for a young call */

#define GONE		(-2)	/* call_conn: no process waits for it */

/* from_itron's items: a slot's answer, or the slot let go of. */
#define ITEM_DONE(slot)		((slot) * 2U)
#define ITEM_RELEASE(slot)	((slot) * 2U + 1U)

/* One producer, one consumer; room for every slot, twice. */
#define QUEUE_SIZE	(2 * BRG_NCALL)
struct slot_queue {
	UINT		item[QUEUE_SIZE];
	unsigned int	head;		/* consumer's */
	unsigned int	tail;		/* producer's */
};

static BRG_CALL		calls[BRG_NCALL];
/* A slot's process: its connection, GONE, or NO_CONN (the slot is free). */
static int		call_conn[BRG_NCALL];
static long long	call_deadline[BRG_NCALL];	/* ns; 0: none */
static struct slot_queue to_itron, from_itron;
static int		cancel_pending;
static unsigned int	items_taken;		/* from from_itron */

static int		conn_call[MAX_CONNS];	/* a slot, or NO_CONN */
static int		listen_fd = -1, done_fd = -1, epoll_fd = -1;

/* Linux I/O: the request area (a memfd), its server's connection. */
static struct unitron_vio_area *vio_area;
static size_t		vio_area_size;
static int		vio_memfd = -1;
static int		vio_done[2] = { -1, -1 };	/* a pipe */
static int		vio_server = NO_CONN;
static long long	vio_looked_ns[VIO_NSLOT];	/* posted; 0: not looked at */
static pid_t		itron_tid;
static char		socket_path[sizeof(((struct sockaddr_un *)0)->sun_path)];

static void queue_put(struct slot_queue *q, UINT slot)
{
	unsigned int tail = __atomic_load_n(&q->tail, __ATOMIC_RELAXED);

	q->item[tail % QUEUE_SIZE] = slot;
	__atomic_store_n(&q->tail, tail + 1, __ATOMIC_RELEASE);
}

static BOOL queue_get(struct slot_queue *q, UINT *p_slot)
{
	unsigned int head = __atomic_load_n(&q->head, __ATOMIC_RELAXED);

	if (head == __atomic_load_n(&q->tail, __ATOMIC_ACQUIRE))
		return FALSE;
	*p_slot = q->item[head % QUEUE_SIZE];
	__atomic_store_n(&q->head, head + 1, __ATOMIC_RELEASE);
	return TRUE;
}

/* ---- the µITRON side's end ------------------------------------------ */

/* The handler starts: the proxies' DONE bytes are read. */
void brg_port_ack(void)
{
	static __u32 drained;
	char bytes[256];
	ssize_t n;

	/*
	 * Every byte in the pipe was counted first: all there is gets read,
	 * so each DONE byte finds the pipe empty and signals (which older
	 * kernels do only then).  None counted and unread: raised by
	 * polling or by a call, no read.
	 */
	if (__atomic_load_n(&vio_area->done_bytes, __ATOMIC_ACQUIRE) == drained)
		return;
	while ((n = read(vio_done[0], bytes, sizeof(bytes))) > 0)
		drained += (__u32)n;
}

BRG_CALL *brg_port_fetch(void)
{
	UINT slot;

	return queue_get(&to_itron, &slot) ? &calls[slot] : NULL;
}

BOOL brg_port_cancelled(void)
{
	return __atomic_exchange_n(&cancel_pending, 0, __ATOMIC_ACQ_REL);
}

BRG_CALL *brg_port_call(UINT i)
{
	return i < BRG_NCALL ? &calls[i] : NULL;
}

/* Workers and the handler share the producer's end: one at a time. */
static void to_thread(UINT item)
{
	uint64_t one = 1;

	if (sns_ctx()) {
		queue_put(&from_itron, item);
	} else {
		(void)loc_cpu();
		queue_put(&from_itron, item);
		(void)unl_cpu();
	}
	(void)!write(done_fd, &one, sizeof(one));
}

void brg_port_done(BRG_CALL *call)
{
	to_thread(ITEM_DONE((UINT)(call - calls)));
}

void brg_port_release(BRG_CALL *call)
{
	to_thread(ITEM_RELEASE((UINT)(call - calls)));
}

/* The socket thread may be withdrawing the call meanwhile. */
BOOL brg_port_claim(BRG_CALL *call)
{
	UINT queued = BRG_QUEUED;

	return __atomic_compare_exchange_n(&call->owner, &queued, BRG_TAKEN,
					   FALSE, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

struct unitron_vio_area *brg_port_vio_area(void)
{
	return vio_area;
}

BOOL brg_port_vio_attached(void)
{
	return __atomic_load_n(&vio_server, __ATOMIC_ACQUIRE) != NO_CONN;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * The slot's proxy polls its state word, or sleeps on it.  Whether it
 * polls, on another CPU, decides before the request is out whether the
 * system will look at the slot (itron_looks: this call's seq), so that a
 * quick proxy already finds that and sends no DONE byte.  Whether it
 * sleeps is read again after (proxy_sleeps, see unitron-proxyd): no
 * wake-up is lost.
 */
void brg_port_vio_post(UINT slot)
{
	struct unitron_vio_slot *sl = &vio_area->slot[slot];
	int cpu = sched_getcpu();
	BOOL look;

	__atomic_store_n(&vio_area->itron_cpu, (__u32)cpu, __ATOMIC_RELAXED);
	look = !__atomic_load_n(&sl->proxy_sleeps, __ATOMIC_RELAXED) &&
	       __atomic_load_n(&sl->proxy_cpu, __ATOMIC_RELAXED) != (__u32)cpu;
	__atomic_store_n(&sl->itron_looks, look ? sl->seq : 0U,
			 __ATOMIC_RELAXED);
	vio_looked_ns[slot] = look ? now_ns() : 0;
	__atomic_store_n(&sl->state, UNITRON_VIO_REQUESTED, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&sl->proxy_sleeps, __ATOMIC_SEQ_CST))
		(void)syscall(SYS_futex, &sl->state, FUTEX_WAKE, 1, NULL,
			      NULL, 0);
}

/*
 * The looked-at slots: INHNO_BRIDGE is raised for those now DONE.  A
 * slot stops being looked at when its call is done, when it was posted
 * more than ITRON_POLL_NS ago, or, with end, in any case; its DONE is
 * signalled from then on (itron_looks cleared before the last look).
 * TRUE if a slot is still looked at.
 */
static BOOL look_at_slots(BOOL end)
{
	long long young_after = end ? LLONG_MAX : now_ns() - ITRON_POLL_NS;
	BOOL done = FALSE, looking = FALSE;
	UINT s, state;

	for (s = 0; s < VIO_NSLOT; s++) {
		struct unitron_vio_slot *sl = &vio_area->slot[s];

		if (vio_looked_ns[s] == 0)
			continue;
		if (vio_looked_ns[s] <= young_after) {
			vio_looked_ns[s] = 0;
			__atomic_store_n(&sl->itron_looks, 0U,
					 __ATOMIC_SEQ_CST);
		}
		state = __atomic_load_n(&sl->state, __ATOMIC_SEQ_CST);
		if (state == UNITRON_VIO_DONE || state == UNITRON_VIO_IDLE) {
			vio_looked_ns[s] = 0;
			done |= state == UNITRON_VIO_DONE;
		}
		looking |= vio_looked_ns[s] != 0;
	}
	if (done)
		(void)ras_int(INHNO_BRIDGE);
	return looking;
}

/*
 * The posix port's idle loop polls while a slot is looked at: answered
 * within microseconds, a call's DONE costs less to poll for than a
 * signal and a wake-up from sigsuspend.  end: polling ends (a task is
 * to run).
 */
BOOL posix_idle_poll(BOOL end)
{
	return vio_area != NULL && look_at_slots(end);
}

/* ---- the socket thread ---------------------------------------------- */

static void raise_bridge(void)
{
	(void)syscall(SYS_tgkill, getpid(), itron_tid, INHNO_BRIDGE);
}

static int free_slot(void)
{
	int i;

	for (i = 0; i < BRG_NCALL; i++)
		if (call_conn[i] == NO_CONN)
			return i;
	return -1;
}

static void answer(int fd, struct unitron_brg_call *c, const void *msg,
		   size_t len)
{
	struct iovec iov[2] = { { c, sizeof(*c) }, { (void *)msg, len } };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };

	/* The process waits for it: a full socket means it is gone. */
	(void)sendmsg(fd, &mh, MSG_DONTWAIT | MSG_NOSIGNAL);
}

static void answer_now(int fd, struct unitron_brg_call *c, ER ercd)
{
	c->ercd = ercd;
	answer(fd, c, NULL, 0);
}

/* The call's answer, as the process asked it. */
static void answer_call(int fd, const BRG_CALL *call)
{
	struct unitron_brg_call c = {
		.op = call->op, .obj = call->obj, .tmout = call->tmout,
		.ercd = call->ercd, .data = (__s64)call->data,
		.len = call->len, .size = call->size,
	};

	answer(fd, &c, call->msg, c.op == UNITRON_BRG_RCV_MBX &&
	       c.ercd == E_OK ? (call->len < call->size ? call->len :
				  call->size) : 0);
}

static void lookup(int fd, struct unitron_brg_call *c, const char *name,
		   size_t n)
{
	INT obj;
	UINT kind;
	ER ercd = brg_lookup(name, (UINT)n, &obj, &kind);

	if (ercd == E_OK) {
		c->obj = obj;
		c->data = kind;
	}
	answer_now(fd, c, ercd);
}

/* NAME: object c->obj's name, up to c->size bytes of it. */
static void name_of(int fd, struct unitron_brg_call *c)
{
	const char *name;
	UINT kind;
	ER ercd = brg_name(c->obj, &name, &kind);

	if (ercd != E_OK) {
		answer_now(fd, c, ercd);
		return;
	}
	c->ercd = E_OK;
	c->data = kind;
	c->len = (__u32)strlen(name);
	answer(fd, c, name, c->len < c->size ? c->len : c->size);
}

/* A request on connection fd: answered now, or queued for µITRON. */
static void request(int fd, struct unitron_brg_call *c, const UB *bytes,
		    size_t n)
{
	BRG_CALL *call;
	int slot;
	ER ercd;

	if (c->op == UNITRON_BRG_LOOKUP) {
		lookup(fd, c, (const char *)bytes, n);
		return;
	}
	if (c->op == UNITRON_BRG_NAME) {
		name_of(fd, c);
		return;
	}
	slot = free_slot();
	if (slot < 0) {
		answer_now(fd, c, E_NOMEM);
		return;
	}
	call = &calls[slot];
	call->op = c->op;
	call->obj = c->obj;
	call->tmout = c->tmout;
	call->data = (VP_INT)c->data;
	call->len = c->len;
	call->size = c->size < BRG_MSGSZ ? c->size : BRG_MSGSZ;
	call->owner = BRG_QUEUED;
	call->cancel = 0;
	ercd = brg_check(call);
	if (ercd == E_OK && c->op == UNITRON_BRG_SND_MBX && n != c->len)
		ercd = E_PAR;	/* the packet lies about its length */
	if (ercd != E_OK) {
		answer_now(fd, c, ercd);
		return;
	}
	if (c->op == UNITRON_BRG_SND_MBX)
		memcpy(call->msg, bytes, n);
	call_conn[slot] = fd;
	conn_call[fd] = slot;
	call_deadline[slot] = c->tmout < 0 ? 0 : now_ns() +
		(c->tmout > UNITRON_BRG_POLL_MS ? c->tmout :
		 UNITRON_BRG_POLL_MS) * 1000000LL;
	queue_put(&to_itron, (UINT)slot);
	raise_bridge();
}

/*
 * Give up on a call (why: BRG_CANCEL_*): withdrawn if no worker took
 * it, answered here then; else the handler ends it.  gone: its process
 * went, nobody is to be answered.
 */
static void give_up(int slot, UINT why, BOOL gone)
{
	BRG_CALL *call = &calls[slot];
	int fd = call_conn[slot];
	UINT queued = BRG_QUEUED;

	call_deadline[slot] = 0;
	if (gone || fd < 0) {
		if (fd >= 0)
			conn_call[fd] = NO_CONN;
		call_conn[slot] = GONE;
		fd = GONE;
	}
	if (__atomic_compare_exchange_n(&call->owner, &queued, BRG_WITHDRAWN,
					FALSE, __ATOMIC_SEQ_CST,
					__ATOMIC_SEQ_CST)) {
		if (fd >= 0) {
			call->ercd = why == BRG_CANCEL_TMOUT ? E_TMOUT : E_RLWAI;
			conn_call[fd] = NO_CONN;
			call_conn[slot] = GONE;
			answer_call(fd, call);
		}
		return;
	}
	__atomic_store_n(&call->cancel, why, __ATOMIC_RELEASE);
	__atomic_store_n(&cancel_pending, 1, __ATOMIC_RELEASE);
	raise_bridge();
}

/* Calls whose deadline has passed; the ms until the next one, or -1. */
static int deadlines(void)
{
	long long now = now_ns(), next = 0;
	int slot;

	for (slot = 0; slot < BRG_NCALL; slot++) {
		if (call_deadline[slot] == 0)
			continue;
		if (call_deadline[slot] <= now)
			give_up(slot, BRG_CANCEL_TMOUT, FALSE);
		else if (next == 0 || call_deadline[slot] < next)
			next = call_deadline[slot];
	}
	if (next == 0)
		return -1;
	next = (next - now + 999999) / 1000000;
	return next < 3600000 ? (int)next : 3600000;
}

/* Linux I/O: connection fd becomes the proxy server: the area's memfd
 * and the proxies' DONE pipe go to it. */
static void vio_attach(int fd)
{
	union {
		struct cmsghdr	align;
		char		buf[CMSG_SPACE(2 * sizeof(int))];
	} control;
	struct unitron_brg_call c = { .op = UNITRON_BRG_VIO_ATTACH };
	struct iovec iov = { &c, sizeof(c) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *cm;
	struct ucred cred;
	socklen_t len = sizeof(cred);

	if (vio_server != NO_CONN) {
		answer_now(fd, &c, E_OBJ);	/* one server at a time */
		return;
	}
	c.obj = VIO_NSLOT;
	c.len = sizeof(struct unitron_vio_slot);
	c.data = getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 ?
		 cred.pid : 0;
	mh.msg_control = control.buf;
	mh.msg_controllen = sizeof(control.buf);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(2 * sizeof(int));
	memcpy(CMSG_DATA(cm), (int[]){ vio_memfd, vio_done[1] },
	       2 * sizeof(int));
	if (sendmsg(fd, &mh, MSG_DONTWAIT | MSG_NOSIGNAL) == sizeof(c))
		__atomic_store_n(&vio_server, fd, __ATOMIC_RELEASE);
}

/* The proxy server went: calls in progress end with EIO. */
static void vio_detach(void)
{
	UINT s, state;

	__atomic_store_n(&vio_server, NO_CONN, __ATOMIC_RELEASE);
	for (s = 0; s < VIO_NSLOT; s++) {
		struct unitron_vio_slot *p_slot = &vio_area->slot[s];

		state = __atomic_load_n(&p_slot->state, __ATOMIC_ACQUIRE);
		if (state != UNITRON_VIO_REQUESTED &&
		    state != UNITRON_VIO_BUSY)
			continue;
		p_slot->result = -1;
		p_slot->err = EIO;
		__atomic_store_n(&p_slot->state, UNITRON_VIO_DONE,
				 __ATOMIC_RELEASE);
	}
	raise_bridge();
}

static void drop_connection(int fd)
{
	if (fd == vio_server)
		vio_detach();
	if (conn_call[fd] != NO_CONN)
		give_up(conn_call[fd], BRG_CANCEL_SIGNAL, TRUE);
	close(fd);		/* also leaves the epoll set */
}

static void from_connection(int fd)
{
	static UB packet[sizeof(struct unitron_brg_call) + UNITRON_BRG_MSG_MAX];
	struct unitron_brg_call c;
	ssize_t n = recv(fd, packet, sizeof(packet), MSG_DONTWAIT);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		drop_connection(fd);
		return;
	}
	if ((size_t)n >= sizeof(__u32) &&
	    *(__u32 *)packet == UNITRON_BRG_CANCEL) {
		if (conn_call[fd] != NO_CONN &&
		    calls[conn_call[fd]].cancel == 0U)
			give_up(conn_call[fd], BRG_CANCEL_SIGNAL, FALSE);
		return;
	}
	if ((size_t)n >= sizeof(__u32) &&
	    *(__u32 *)packet == UNITRON_BRG_VIO_ATTACH) {
		vio_attach(fd);
		return;
	}
	if ((size_t)n < sizeof(c) || conn_call[fd] != NO_CONN) {
		drop_connection(fd);	/* not speaking the protocol */
		return;
	}
	memcpy(&c, packet, sizeof(c));
	request(fd, &c, packet + sizeof(c), (size_t)n - sizeof(c));
}

/* Calls the µITRON side answered or let go of. */
static void calls_done(void)
{
	uint64_t count;
	UINT item, slot;
	int fd;

	(void)!read(done_fd, &count, sizeof(count));
	while (queue_get(&from_itron, &item)) {
		slot = item / 2U;
		fd = call_conn[slot];
		if (item == ITEM_RELEASE(slot)) {
			/* Answered before (or withdrawn): free. */
			call_conn[slot] = NO_CONN;
		} else if (fd >= 0) {	/* else its process left */
			call_deadline[slot] = 0;
			conn_call[fd] = NO_CONN;
			call_conn[slot] = GONE;
			answer_call(fd, &calls[slot]);
		}
		__atomic_fetch_add(&items_taken, 1U, __ATOMIC_RELEASE);
	}
}

static void add_fd(int fd)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = fd };

	if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0)
		close(fd);
}

static void accept_connection(void)
{
	int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);

	if (fd < 0)
		return;
	if (fd >= MAX_CONNS) {
		close(fd);
		return;
	}
	conn_call[fd] = NO_CONN;
	add_fd(fd);
}

static void *serve(void *unused)
{
	struct epoll_event ev[16];
	int i, n;

	(void)unused;
	for (;;) {
		n = epoll_wait(epoll_fd, ev, 16, deadlines());
		for (i = 0; i < n; i++) {
			if (ev[i].data.fd == listen_fd)
				accept_connection();
			else if (ev[i].data.fd == done_fd)
				calls_done();
			else
				from_connection(ev[i].data.fd);
		}
	}
	return NULL;
}

/* ---- start ------------------------------------------------------------ */

static void choose_path(void)
{
	const char *path = getenv("UNITRON_BRIDGE");
	const char *dir = getenv("XDG_RUNTIME_DIR");

	if (path != NULL && *path != '\0')
		snprintf(socket_path, sizeof(socket_path), "%s", path);
	else if (dir != NULL && *dir != '\0')
		snprintf(socket_path, sizeof(socket_path),
			 "%s/unitron-%s.sock", dir,
			 program_invocation_short_name);
	else
		snprintf(socket_path, sizeof(socket_path),
			 "/tmp/unitron-%u-%s.sock", (unsigned int)getuid(),
			 program_invocation_short_name);
}

static void remove_socket(void)
{
	unlink(socket_path);
}

/*
 * The system stops (exit): calls the µITRON side has done are answered
 * first, so a process whose call was carried out learns it (at most a
 * second's wait for the socket thread).
 */
static void answer_done_calls(void)
{
	struct timespec tick = { 0, 100000 };
	int i;

	if ((pid_t)syscall(SYS_gettid) != itron_tid)
		return;		/* the socket thread's own fail() */
	for (i = 0; i < 10000; i++) {
		if (__atomic_load_n(&items_taken, __ATOMIC_ACQUIRE) ==
		    __atomic_load_n(&from_itron.tail, __ATOMIC_ACQUIRE))
			return;
		nanosleep(&tick, NULL);
	}
}

static void fail(const char *what)
{
	fprintf(stderr, "bridge: %s: %s: %s\n", socket_path, what,
		strerror(errno));
	exit(1);
}

/* Bind the socket; a stale one (nobody listening) is replaced. */
static void listen_socket(void)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	mode_t old_mask;

	strcpy(addr.sun_path, socket_path);
	listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (listen_fd < 0)
		fail("socket");
	if (connect(listen_fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
		errno = EADDRINUSE;
		fail("another system serves it");
	}
	if (errno == ECONNREFUSED)
		unlink(socket_path);
	old_mask = umask(0177);
	if (bind(listen_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		fail("bind");
	umask(old_mask);
	atexit(remove_socket);
	atexit(answer_done_calls);
	if (listen(listen_fd, 64) < 0)
		fail("listen");
}

/* The one CPU this thread may run on (taskset), or -1. */
static int bound_cpu(void)
{
	cpu_set_t set;
	int cpu;

	if (sched_getaffinity(0, sizeof(set), &set) < 0 ||
	    CPU_COUNT(&set) != 1)
		return -1;
	for (cpu = 0; !CPU_ISSET(cpu, &set); cpu++)
		;
	return cpu;
}

/* The request area, shared with the proxies through a memfd. */
static void create_vio_area(void)
{
	vio_area_size = sizeof(struct unitron_vio_area) +
			VIO_NSLOT * sizeof(struct unitron_vio_slot);
	vio_memfd = memfd_create("unitron-vio", MFD_CLOEXEC);
	if (vio_memfd < 0 || ftruncate(vio_memfd, (off_t)vio_area_size) < 0)
		fail("request area");
	vio_area = mmap(NULL, vio_area_size, PROT_READ | PROT_WRITE,
			MAP_SHARED, vio_memfd, 0);
	if (vio_area == MAP_FAILED)
		fail("request area");
	vio_area->nslot = VIO_NSLOT;
	vio_area->slot_size = sizeof(struct unitron_vio_slot);
	vio_area->bound_cpu = bound_cpu();
	/*
	 * A proxy's DONE is a byte in this pipe, which signals the µITRON
	 * thread itself (O_ASYNC): no hop through the socket thread.
	 */
	if (pipe2(vio_done, O_CLOEXEC | O_NONBLOCK) < 0 ||
	    fcntl(vio_done[0], F_SETOWN_EX,
		  &(struct f_owner_ex){ F_OWNER_TID, itron_tid }) < 0 ||
	    fcntl(vio_done[0], F_SETSIG, INHNO_BRIDGE) < 0 ||
	    fcntl(vio_done[0], F_SETFL, O_NONBLOCK | O_ASYNC) < 0)
		fail("pipe");
}

void brg_port_initialize(void)
{
	sigset_t all, old;
	pthread_t thread;
	int i;

	for (i = 0; i < BRG_NCALL; i++)
		call_conn[i] = NO_CONN;
	itron_tid = (pid_t)syscall(SYS_gettid);
	choose_path();
	listen_socket();
	done_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (done_fd < 0 || epoll_fd < 0)
		fail("eventfd/epoll");
	create_vio_area();
	add_fd(listen_fd);
	add_fd(done_fd);
	/* Every signal stays the µITRON thread's. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	errno = pthread_create(&thread, NULL, serve, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (errno != 0)
		fail("thread");
	fprintf(stderr, "bridge: %s\n", socket_path);
}

#endif /* BRG_REQ_DTQ */
