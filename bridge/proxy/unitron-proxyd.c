/*
 * unitron-proxyd - the proxy server: Linux I/O for a µITRON system's
 * tasks (unitron_vio.h), on either port.
 *
 *   unitron-proxyd [-s SYSTEM] [-d DIR] [-u USER]
 *
 * It attaches to SYSTEM ($UNITRON_SYSTEM, else /dev/unitron0), maps the
 * system's request area and keeps one proxy process per slot, off the
 * system's CPU when the system is bound to one.  A proxy waits for a
 * call in its slot, makes it, writes the result back and tells the
 * system; a one-shot call ends the proxy, and the server starts
 * a fresh one for the slot; under continuation the proxy, and the files
 * it opened, stay.  A proxy that dies during a call ends it with EIO.
 *
 * Proxies are confined: every path is resolved inside DIR (default: the
 * current directory) with openat2(RESOLVE_IN_ROOT), so "..", absolute
 * paths and symbolic links cannot leave it; only files the task opened
 * can be used by number; and when the server runs as root the proxies
 * run as USER (default nobody), with no supplementary groups.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/futex.h>
#include <linux/openat2.h>
#include <poll.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unitron_brg_abi.h"
#include "unitron_vio_abi.h"

#define MAX_FDS		1024	/* files a task may have open in its proxy */
#define PROXY_POLL_NS	50000	/* polling for a continued call */

static struct unitron_vio_area *area;
static int	conn = -1;		/* the system: device or socket */
static bool	device;			/* linux port */
static int	done_fd = -1;		/* posix: the proxies' DONE pipe */
static int	root_fd = -1;		/* DIR */
static uid_t	proxy_uid;
static gid_t	proxy_gid;
static bool	drop_privileges;
static pid_t	proxy_of[UNITRON_VIO_NSLOT_MAX];
static pid_t	server_pid;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2),
						    noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("unitron-proxyd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* ---- attaching ------------------------------------------------------ */

/*
 * A system bound to one CPU (the linux port's, or a posix application
 * started with taskset) keeps it: the server and its proxies run on the
 * others, where they neither wait for µITRON tasks nor delay them.
 */
static void keep_off_system_cpu(void)
{
	cpu_set_t set;

	if (area->bound_cpu < 0 || area->bound_cpu >= CPU_SETSIZE ||
	    sched_getaffinity(0, sizeof(set), &set) < 0)
		return;
	CPU_CLR(area->bound_cpu, &set);
	if (CPU_COUNT(&set) > 0)
		(void)sched_setaffinity(0, sizeof(set), &set);
}

static void attach_device(const char *path)
{
	int nslot;

	device = true;
	conn = open(path, O_RDWR | O_CLOEXEC);
	if (conn < 0)
		die("%s: %s", path, strerror(errno));
	nslot = ioctl(conn, UNITRON_IOC_VIO_ATTACH);
	if (nslot < 0)
		die("%s: attach: %s%s", path, strerror(errno),
		    errno == EBUSY ? " (another proxy server is attached)" : "");
	area = mmap(NULL, sizeof(*area) + (size_t)nslot *
		    sizeof(struct unitron_vio_slot), PROT_READ | PROT_WRITE,
		    MAP_SHARED, conn, 0);
	if (area == MAP_FAILED)
		die("%s: mmap: %s", path, strerror(errno));
}

/* Posix port: the memfd and the DONE pipe come with the answer. */
static void attach_socket(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	struct unitron_brg_call c;
	__u32 op = UNITRON_BRG_VIO_ATTACH;
	union {
		struct cmsghdr	align;
		char		buf[CMSG_SPACE(2 * sizeof(int))];
	} control;
	struct iovec iov = { &c, sizeof(c) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = control.buf,
			     .msg_controllen = sizeof(control.buf) };
	struct cmsghdr *cm;
	int fds[2];

	snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path);
	conn = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (conn < 0 || connect(conn, (struct sockaddr *)&addr,
				sizeof(addr)) < 0)
		die("%s: %s", path, strerror(errno));
	if (send(conn, &op, sizeof(op), MSG_NOSIGNAL) != sizeof(op) ||
	    recvmsg(conn, &mh, MSG_CMSG_CLOEXEC) != sizeof(c))
		die("%s: attach: %s", path, strerror(errno));
	cm = CMSG_FIRSTHDR(&mh);
	if (c.ercd != 0 || cm == NULL || cm->cmsg_type != SCM_RIGHTS)
		die("%s: attach refused (another proxy server is attached)",
		    path);
	memcpy(fds, CMSG_DATA(cm), sizeof(fds));
	done_fd = fds[1];
	area = mmap(NULL, sizeof(*area) + (size_t)c.obj * c.len,
		    PROT_READ | PROT_WRITE, MAP_SHARED, fds[0], 0);
	if (area == MAP_FAILED)
		die("%s: mmap: %s", path, strerror(errno));
	close(fds[0]);
}

/* ---- a proxy: one slot's calls -------------------------------------- */

static bool	task_fd[MAX_FDS];	/* opened by the task */
static DIR	*task_dir[MAX_FDS];	/* and read as a directory */

static bool own_fd(long long fd)
{
	return fd >= 0 && fd < MAX_FDS && task_fd[fd];
}

static int open_in_root(const char *path, long long flags, long long mode)
{
	struct open_how how = {
		.flags = (__u64)flags | O_CLOEXEC,
		.mode = (flags & (O_CREAT | O_TMPFILE)) ? (__u64)mode : 0,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};

	return (int)syscall(SYS_openat2, root_fd, path, &how, sizeof(how));
}

/* The directory holding path's last component, and that component. */
static int parent_of(char *path, const char **p_name)
{
	char *slash;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	slash = strrchr(path, '/');
	if (slash == NULL) {
		*p_name = path;
		return open_in_root(".", O_PATH | O_DIRECTORY, 0);
	}
	*p_name = slash + 1;
	if (slash == path)
		return open_in_root("/", O_PATH | O_DIRECTORY, 0);
	*slash = '\0';
	return open_in_root(path, O_PATH | O_DIRECTORY, 0);
}

static void fill_stat(struct unitron_vio_stat *v, const struct stat *st)
{
	*v = (struct unitron_vio_stat){
		.dev = st->st_dev, .ino = st->st_ino, .mode = st->st_mode,
		.nlink = st->st_nlink, .uid = st->st_uid, .gid = st->st_gid,
		.rdev = st->st_rdev, .size = (__u64)st->st_size,
		.blksize = (__u64)st->st_blksize, .blocks = (__u64)st->st_blocks,
		.atime_ns = st->st_atim.tv_sec * 1000000000LL + st->st_atim.tv_nsec,
		.mtime_ns = st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec,
		.ctime_ns = st->st_ctim.tv_sec * 1000000000LL + st->st_ctim.tv_nsec,
	};
}

static long long stat_call(struct unitron_vio_slot *sl, int fd, bool own)
{
	struct unitron_vio_stat v;
	struct stat st;
	int r = fstat(fd, &st);

	if (own)
		close(fd);
	if (r < 0)
		return -1;
	fill_stat(&v, &st);
	memcpy(sl->buf, &v, sizeof(v));
	sl->len = sizeof(v);
	return 0;
}

static long long read_dir(struct unitron_vio_slot *sl, int fd)
{
	struct dirent *d;
	int copy;

	if (task_dir[fd] == NULL) {
		copy = dup(fd);
		task_dir[fd] = copy < 0 ? NULL : fdopendir(copy);
		if (task_dir[fd] == NULL)
			return -1;
	}
	errno = 0;
	d = readdir(task_dir[fd]);
	if (d == NULL) {
		sl->len = 0;
		return errno ? -1 : 0;
	}
	sl->len = (__u32)strlen(d->d_name) + 1;
	memcpy(sl->buf, d->d_name, sl->len);
	return d->d_type ? d->d_type : DT_UNKNOWN + 1;
}

static long long close_fd(int fd)
{
	if (task_dir[fd] != NULL) {
		closedir(task_dir[fd]);
		task_dir[fd] = NULL;
	}
	task_fd[fd] = false;
	return close(fd);
}

static long long path_call(struct unitron_vio_slot *sl)
{
	char *path = (char *)sl->buf;
	const char *name;
	long long r;
	int fd;

	path[UNITRON_VIO_BUFSZ - 1] = '\0';
	switch (sl->op) {
	case UNITRON_VIO_OPEN:
		fd = open_in_root(path, sl->arg[0], sl->arg[1]);
		if (fd >= MAX_FDS) {
			close(fd);
			errno = EMFILE;
			return -1;
		}
		if (fd >= 0)
			task_fd[fd] = true;
		return fd;
	case UNITRON_VIO_STAT:
		fd = open_in_root(path, O_PATH, 0);
		return fd < 0 ? -1 : stat_call(sl, fd, true);
	default:	/* UNLINK, MKDIR */
		fd = parent_of(path, &name);
		if (fd < 0)
			return -1;
		r = sl->op == UNITRON_VIO_UNLINK ? unlinkat(fd, name, 0) :
		    mkdirat(fd, name, (mode_t)sl->arg[1]);
		close(fd);
		return r;
	}
}

static long long fd_call(struct unitron_vio_slot *sl)
{
	int fd = (int)sl->arg[0];
	size_t count = (size_t)sl->arg[1] < UNITRON_VIO_BUFSZ ?
		       (size_t)sl->arg[1] : UNITRON_VIO_BUFSZ;
	size_t len = sl->len < UNITRON_VIO_BUFSZ ? sl->len : UNITRON_VIO_BUFSZ;
	ssize_t n;

	if (!own_fd(sl->arg[0])) {
		errno = EBADF;
		return -1;
	}
	switch (sl->op) {
	case UNITRON_VIO_CLOSE:
		return close_fd(fd);
	case UNITRON_VIO_READ:
	case UNITRON_VIO_PREAD:
		n = sl->op == UNITRON_VIO_READ ? read(fd, sl->buf, count) :
		    pread(fd, sl->buf, count, (off_t)sl->arg[2]);
		sl->len = n > 0 ? (__u32)n : 0;
		return n;
	case UNITRON_VIO_WRITE:
		return write(fd, sl->buf, len);
	case UNITRON_VIO_PWRITE:
		return pwrite(fd, sl->buf, len, (off_t)sl->arg[2]);
	case UNITRON_VIO_LSEEK:
		return lseek(fd, (off_t)sl->arg[1], (int)sl->arg[2]);
	case UNITRON_VIO_FSTAT:
		return stat_call(sl, fd, false);
	default:	/* READDIR */
		return read_dir(sl, fd);
	}
}

/* The call in sl; what it returns goes in buf, its size in len. */
static long long perform(struct unitron_vio_slot *sl)
{
	switch (sl->op) {
	case UNITRON_VIO_NULL:
		return 0;
	case UNITRON_VIO_OPEN:
	case UNITRON_VIO_STAT:
	case UNITRON_VIO_UNLINK:
	case UNITRON_VIO_MKDIR:
		return path_call(sl);
	case UNITRON_VIO_CLOSE:
	case UNITRON_VIO_READ:
	case UNITRON_VIO_WRITE:
	case UNITRON_VIO_PREAD:
	case UNITRON_VIO_PWRITE:
	case UNITRON_VIO_LSEEK:
	case UNITRON_VIO_FSTAT:
	case UNITRON_VIO_READDIR:
		return fd_call(sl);
	default:
		errno = ENOSYS;
		return -1;
	}
}

static __u32 slot_state(int s)
{
	return __atomic_load_n(&area->slot[s].state, __ATOMIC_ACQUIRE);
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield");
#endif
}

/*
 * Under continuation the next call comes soon: look for it a while,
 * unless this is the µITRON thread's CPU (polling would keep it off).
 */
static bool poll_request(int s)
{
	struct unitron_vio_slot *sl = &area->slot[s];
	long long end = now_ns() + PROXY_POLL_NS;
	int cpu = sched_getcpu();
	bool requested = false;
	unsigned int i;

	if (cpu < 0 || (__u32)cpu == __atomic_load_n(&area->itron_cpu,
						      __ATOMIC_RELAXED))
		return false;
	__atomic_store_n(&sl->proxy_cpu, (__u32)cpu, __ATOMIC_RELAXED);
	do {
		for (i = 0; i < 64 && !requested; i++) {
			requested = slot_state(s) == UNITRON_VIO_REQUESTED;
			cpu_relax();
		}
	} while (!requested && now_ns() < end);
	return requested;
}

/*
 * Sleep on the state word.  proxy_sleeps, set before the state is read
 * again, and the state, set before the system reads proxy_sleeps, make
 * sure one side sees the other: no wake-up is lost.
 */
static void sleep_request(int s)
{
	struct unitron_vio_slot *sl = &area->slot[s];
	__u32 st;

	for (;;) {
		__atomic_store_n(&sl->proxy_sleeps, 1, __ATOMIC_SEQ_CST);
		st = __atomic_load_n(&sl->state, __ATOMIC_SEQ_CST);
		if (st == UNITRON_VIO_REQUESTED)
			break;
		syscall(SYS_futex, &sl->state, FUTEX_WAIT, st, NULL, NULL, 0);
	}
	__atomic_store_n(&sl->proxy_sleeps, 0, __ATOMIC_RELAXED);
}

static void wait_request(int s, bool soon)
{
	if (soon && poll_request(s))
		return;
	if (!device) {
		sleep_request(s);
		return;
	}
	while (ioctl(conn, UNITRON_IOC_VIO_WAIT, s) < 0)
		if (errno != EINTR)
			_exit(1);
}

/*
 * The slot's call number seq is DONE: tell the system, unless it polls
 * for that very call (itron_looks; a value left from an earlier call
 * does not count).
 */
static void tell_done(int s, __u32 seq)
{
	__u32 looks;

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	looks = __atomic_load_n(&area->slot[s].itron_looks, __ATOMIC_SEQ_CST);
	if (looks != 0 && looks == seq)
		return;
	if (device) {
		(void)ioctl(conn, UNITRON_IOC_VIO_DONE, s);
		return;
	}
	/* Counted first: no byte is in the pipe that the system does not
	 * count, so it reads all it finds and leaves the pipe empty. */
	__atomic_fetch_add(&area->done_bytes, 1U, __ATOMIC_SEQ_CST);
	(void)!write(done_fd, "", 1);
}

/* A proxy's life: calls in slot s until a one-shot one. */
static void __attribute__((noreturn)) proxy(int s)
{
	struct unitron_vio_slot *sl = &area->slot[s];
	long long r;
	__u32 cont, seq;

	if (!device)
		close(conn);	/* the server's connection is the server's */
	if (drop_privileges && (setgroups(0, NULL) < 0 ||
				setgid(proxy_gid) < 0 ||
				setuid(proxy_uid) < 0))
		_exit(1);
	/* After setuid, which clears it; the server may be gone already. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != server_pid)
		_exit(1);
	cont = 0;
	do {
		wait_request(s, cont);
		__atomic_store_n(&sl->state, UNITRON_VIO_BUSY,
				 __ATOMIC_RELEASE);
		errno = 0;
		cont = sl->cont;
		seq = sl->seq;
		r = perform(sl);
		sl->result = r < 0 ? -1 : r;
		sl->err = r < 0 ? errno : 0;
		__atomic_store_n(&sl->state, UNITRON_VIO_DONE,
				 __ATOMIC_RELEASE);
		tell_done(s, seq);
	} while (cont);
	/* Gone: the next call's poster must not count on it polling. */
	__atomic_store_n(&sl->proxy_sleeps, 1, __ATOMIC_SEQ_CST);
	_exit(0);
}

/* ---- the server ------------------------------------------------------- */

static void start_proxy(int s)
{
	pid_t pid;

	/* Not polling before its first call: a poster must wake it. */
	__atomic_store_n(&area->slot[s].proxy_sleeps, 1, __ATOMIC_SEQ_CST);
	pid = fork();

	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0)
		proxy(s);
	proxy_of[s] = pid;
}

/* A proxy ended: a call it was making ends with EIO; a new proxy. */
static void proxy_ended(pid_t pid)
{
	struct unitron_vio_slot *sl;
	int s;

	for (s = 0; s < (int)area->nslot && proxy_of[s] != pid; s++)
		;
	if (s == (int)area->nslot)
		return;
	sl = &area->slot[s];
	switch (__atomic_load_n(&sl->state, __ATOMIC_ACQUIRE)) {
	case UNITRON_VIO_BUSY:
		sl->result = -1;
		sl->err = EIO;
		__atomic_store_n(&sl->state, UNITRON_VIO_DONE,
				 __ATOMIC_RELEASE);
		tell_done(s, sl->seq);
		break;
	case UNITRON_VIO_DONE:
		tell_done(s, sl->seq);	/* it may have died before telling */
		break;
	}
	start_proxy(s);
}

static void choose_user(const char *user)
{
	struct passwd *pw;

	if (geteuid() != 0)
		return;		/* the proxies run as this user */
	pw = getpwnam(user);
	if (pw == NULL)
		die("no user '%s'", user);
	proxy_uid = pw->pw_uid;
	proxy_gid = pw->pw_gid;
	drop_privileges = true;
}

static void usage(void)
{
	fprintf(stderr, "usage: unitron-proxyd [-s SYSTEM] [-d DIR] [-u USER]\n"
		"Serves a µITRON system's Linux I/O calls (unitron_vio.h):\n"
		"paths inside DIR (default .), proxies as USER when run as\n"
		"root (default nobody).  SYSTEM: $UNITRON_SYSTEM or /dev/unitron0.\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *system = getenv("UNITRON_SYSTEM"), *dir = ".";
	const char *user = "nobody";
	struct pollfd pfd[2];
	struct stat st;
	sigset_t chld;
	pid_t pid;
	int opt, s;

	while ((opt = getopt(argc, argv, "s:d:u:h")) != -1) {
		switch (opt) {
		case 's': system = optarg; break;
		case 'd': dir = optarg; break;
		case 'u': user = optarg; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	server_pid = getpid();
	if (system == NULL || *system == '\0')
		system = "/dev/unitron0";
	root_fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root_fd < 0)
		die("%s: %s", dir, strerror(errno));
	choose_user(user);
	if (stat(system, &st) < 0)
		die("%s: %s", system, strerror(errno));
	if (S_ISCHR(st.st_mode))
		attach_device(system);
	else
		attach_socket(system);
	keep_off_system_cpu();

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pfd[0] = (struct pollfd){ .fd = signalfd(-1, &chld, SFD_CLOEXEC),
				  .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = device ? -1 : conn, .events = POLLIN };
	for (s = 0; s < (int)area->nslot; s++)
		start_proxy(s);
	fprintf(stderr, "unitron-proxyd: serving %s in %s, %u proxies\n",
		system, dir, area->nslot);
	for (;;) {
		if (poll(pfd, 2, -1) < 0 && errno != EINTR)
			die("poll: %s", strerror(errno));
		if (pfd[1].revents)
			break;		/* the system went away */
		if (pfd[0].revents) {
			struct signalfd_siginfo si;

			(void)!read(pfd[0].fd, &si, sizeof(si));
			while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
				proxy_ended(pid);
		}
	}
	fprintf(stderr, "unitron-proxyd: %s went away\n", system);
	return 0;
}
