/*
 * unitronctl - control µITRON systems loaded as kernel modules (linux
 * port), through their control devices /dev/unitron-<module>.
 *
 *   unitronctl start MODULE        start the µITRON system
 *   unitronctl raise MODULE LINE [COUNT [GAP_US]]
 *                                  raise software interrupt LINE (0..31),
 *                                  COUNT times GAP_US µs apart (bench/)
 *   unitronctl list                list the loaded µITRON systems
 *   unitronctl ps [MODULE]         tasks and objects of one system (all
 *                                  without MODULE): its status file,
 *                                  /sys/kernel/debug/unitron-<module>/ps
 *
 * and, on either port, the bridge (libunitron; $UNITRON_SYSTEM or -s
 * names the system, /dev/unitron0 by default):
 *
 *   unitronctl send [-s SYSTEM] [-t MS] [-p PRI] OBJECT DATA
 *                                  a datum (an integer) to a data queue,
 *                                  or DATA as a message to a mailbox
 *                                  ("-": a message read from stdin)
 *   unitronctl recv [-s SYSTEM] [-t MS] OBJECT
 *                                  a datum (printed in decimal) or a
 *                                  message (written as it is, then a
 *                                  newline) from OBJECT
 *   unitronctl ls [-s SYSTEM]      the system's bridged objects: name
 *                                  and kind (dtq, mbx), one a line
 *   unitronctl ls -c               the cluster's (every node's
 *                                  unitron-netd): SYSTEM/NAME, kind, node
 *   unitronctl ls -w               the same, then "+ " or "- " lines as
 *                                  objects appear and go, until killed
 *
 * OBJECT is a name of the system's or, on a node with TIPC, of the
 * cluster's: NAME, or SYSTEM/NAME where several systems have NAME.
 *
 * and a µITRON image on a CPU of its own (the own-core port, port/bare;
 * boot and stop: root only):
 *
 *   unitronctl boot IMAGE [--cpu N] [--mem SIZE]
 *                                  load unitron_core.ko with cpu=N
 *                                  image=IMAGE (absolute) mem=SIZE: CPU N
 *                                  (default 1) leaves Linux and runs IMAGE
 *   unitronctl stop                unload it: the CPU is Linux's again
 *   unitronctl status              the loader's /sys/kernel/unitron_core
 *
 * boot finds unitron_core.ko at $UNITRON_CORE_KO, else next to the
 * unitronctl binary, in /lib/unitron/modules/ (the VM test guests), or in
 * /lib/modules/$(uname -r)/extra/ (make modules_install), in that order.
 *
 * -t: timeout in ms (default: wait for ever; 0 polls).  Exit status 0,
 * 1 with the µITRON error code on stderr, 2 for usage errors.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <linux/magic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#define UNITRON_MSG_LIMIT	4096	/* UNITRON_BRG_MSG_MAX */

#include "port/linux/unitron_ioctl.h"
#include "unitron.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: unitronctl start MODULE\n"
		"       unitronctl raise MODULE LINE [COUNT [GAP_US]]   (LINE 0..31)\n"
		"       unitronctl list\n"
		"       unitronctl ps [MODULE]   (all loaded systems without MODULE)\n"
		"       unitronctl send [-s SYSTEM] [-t MS] [-p PRI] OBJECT DATA|-\n"
		"       unitronctl recv [-s SYSTEM] [-t MS] OBJECT\n"
		"       unitronctl ls [-s SYSTEM] | ls -c | ls -w\n"
		"       unitronctl boot IMAGE [--cpu N] [--mem SIZE]\n"
		"       unitronctl stop\n"
		"       unitronctl status\n"
		"start, raise, list, ps: µITRON systems loaded as kernel modules\n"
		"(root only).  send, recv: a data queue or mailbox of a system's\n"
		"bridge ($UNITRON_SYSTEM or -s: /dev/unitronN or a posix\n"
		"application's socket); -t MS timeout (default none, 0 polls);\n"
		"ls: the bridge's data queues and mailboxes; -c: the cluster's\n"
		"(TIPC, every node's unitron-netd), -w: and watch them come\n"
		"and go.  OBJECT: NAME, or SYSTEM/NAME of the cluster's.\n"
		"boot, stop, status: a µITRON image (port/bare/mkimage.sh) on CPU\n"
		"N (default 1) taken from Linux by unitron_core.ko (boot, stop:\n"
		"root only); --mem SIZE (K or M) its memory block, at most 4M.\n"
		"The module: $UNITRON_CORE_KO, else next to unitronctl, in\n"
		"/lib/unitron/modules/, in /lib/modules/$(uname -r)/extra/.\n");
}

static int open_device(const char *module)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/dev/unitron-%s", module);
	fd = open(path, O_RDWR);
	if (fd < 0)
		fprintf(stderr, "unitronctl: %s: %s%s\n", path, strerror(errno),
			errno == ENOENT ? " (is the module loaded?)" : "");
	return fd;
}

/* The first line of the file at path, without its newline, in buf. */
static bool read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (!f)
		return false;
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

/*
 * MODULE's state, as its control device's sysfs directory shows it
 * (UNITRON_STATE_*), in buf; false if it cannot be read.
 */
static bool system_state(const char *module, char *buf, size_t size)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "/sys/class/misc/unitron-%s/state",
		 module);
	return read_line(path, buf, size);
}

/*
 * What to say when MODULE's system is not running: from its state, or
 * else from the error a request got (ENOTCONN, EAGAIN, ESHUTDOWN); ""
 * when neither tells.
 */
static const char *not_running(const char *module, int err)
{
	static char why[PATH_MAX + 128];
	char state[32] = "";

	if (!system_state(module, state, sizeof(state)))
		strcpy(state, err == ENOTCONN ? UNITRON_STATE_NOT_STARTED :
		       err == EAGAIN ? UNITRON_STATE_STARTING :
		       err == ESHUTDOWN ? UNITRON_STATE_ENDED : "");
	if (strcmp(state, UNITRON_STATE_NOT_STARTED) == 0)
		snprintf(why, sizeof(why), "the µITRON system %s is not "
			 "started yet (unitronctl start %s)", module, module);
	else if (strcmp(state, UNITRON_STATE_STARTING) == 0)
		snprintf(why, sizeof(why), "the µITRON system %s is still "
			 "starting (try again)", module);
	else if (strcmp(state, UNITRON_STATE_ENDED) == 0)
		snprintf(why, sizeof(why), "the µITRON system %s has ended "
			 "(rmmod %s and insmod it to run it again)", module,
			 module);
	else
		return "";
	return why;
}

static int list(void)
{
	DIR *dir = opendir("/dev");
	struct dirent *entry;

	if (!dir) {
		perror("unitronctl: /dev");
		return 1;
	}
	while ((entry = readdir(dir)) != NULL)
		if (strncmp(entry->d_name, "unitron-", 8) == 0)
			printf("%s\n", entry->d_name + 8);
	closedir(dir);
	return 0;
}

/* s as a number no larger than max, in *p_n; false if it is not one. */
static bool number(const char *s, unsigned long max, unsigned long *p_n)
{
	char *end;

	errno = 0;
	*p_n = strtoul(s, &end, 0);
	return !errno && !*end && end != s && *p_n <= max;
}

static void pause_us(unsigned long us)
{
	struct timespec ts = { .tv_sec = us / 1000000UL,
			       .tv_nsec = (long)(us % 1000000UL) * 1000L };

	nanosleep(&ts, NULL);
}

static void raise_error(const char *module, unsigned long line, int err)
{
	const char *why = not_running(module, err);

	if (err == ENXIO)
		fprintf(stderr, "unitronctl: raise %s %lu: no handler for "
			"line %lu (the .cfg needs DEF_INH(INHNO_SWI(%lu), ...) "
			"or ATT_ISR)\n", module, line, line, line);
	else if (err == ENOTCONN || err == EAGAIN || err == ESHUTDOWN)
		fprintf(stderr, "unitronctl: raise %s %lu: %s\n", module,
			line, why);
	else
		fprintf(stderr, "unitronctl: raise %s %lu: %s\n", module,
			line, strerror(err));
}

/* start MODULE */
static int start(const char *module)
{
	int fd = open_device(module), ret;

	if (fd < 0)
		return 1;
	ret = ioctl(fd, UNITRON_IOC_START);
	if (ret < 0 && errno == EBUSY)
		fprintf(stderr, "unitronctl: start %s: already running\n",
			module);
	else if (ret < 0 && errno == ESHUTDOWN)
		fprintf(stderr, "unitronctl: start %s: %s\n", module,
			not_running(module, ESHUTDOWN));
	else if (ret < 0)
		fprintf(stderr, "unitronctl: start %s: %s\n", module,
			strerror(errno));
	close(fd);
	return ret < 0;
}

/* raise MODULE LINE [COUNT [GAP_US]]: argv[0] is "raise". */
static int raise_line(int argc, char **argv)
{
	unsigned long line, count = 1, gap_us = 0, i;
	int fd, ret = 0;

	if (!number(argv[2], 31, &line)) {
		fprintf(stderr, "unitronctl: bad line '%s' (0..31)\n", argv[2]);
		return 2;
	}
	if ((argc > 3 && !number(argv[3], ULONG_MAX, &count)) ||
	    (argc > 4 && !number(argv[4], 60000000UL, &gap_us))) {
		fprintf(stderr, "unitronctl: bad COUNT or GAP_US\n");
		return 2;
	}
	fd = open_device(argv[1]);
	if (fd < 0)
		return 1;
	for (i = 0; i < count && ret == 0; i++) {
		if (i > 0)
			pause_us(gap_us);
		ret = ioctl(fd, UNITRON_IOC_RAISE, line);
	}
	if (ret < 0)
		raise_error(argv[1], line, errno);
	close(fd);
	return ret < 0;
}

#define DEBUGFS		"/sys/kernel/debug"
#define STATUS_DIR	"unitron-"	/* DEBUGFS/unitron-<module>/ps */

static bool debugfs_mounted(void)
{
	struct statfs st;

	return statfs(DEBUGFS, &st) == 0 && st.f_type == DEBUGFS_MAGIC;
}

static void status_error(const char *module, const char *path)
{
	if (errno == ENOENT)
		fprintf(stderr, "unitronctl: no µITRON system '%s' (%s missing: "
			"is the module loaded? see unitronctl list)\n",
			module, path);
	else
		fprintf(stderr, "unitronctl: %s: %s%s\n", path, strerror(errno),
			errno == EACCES ? " (root only)" : "");
}

/* Copy MODULE's status file to stdout. */
static int show_status(const char *module)
{
	char path[PATH_MAX], buf[4096];
	size_t n;
	FILE *f;
	int err;

	snprintf(path, sizeof(path), DEBUGFS "/" STATUS_DIR "%s/ps", module);
	f = fopen(path, "r");
	if (!f) {
		status_error(module, path);
		return 1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	err = ferror(f);
	if (err)
		fprintf(stderr, "unitronctl: %s: read error\n", path);
	fclose(f);
	return err != 0;
}

static int is_status_dir(const struct dirent *entry)
{
	return strncmp(entry->d_name, STATUS_DIR, strlen(STATUS_DIR)) == 0;
}

/* ps [MODULE]: every loaded system, in name order, without MODULE. */
static int ps(const char *module)
{
	struct dirent **entries;
	int i, n, ret = 0;

	if (module && (!*module || strchr(module, '/') ||
		       strlen(module) > NAME_MAX - strlen(STATUS_DIR))) {
		fprintf(stderr, "unitronctl: bad module name '%s'\n", module);
		return 2;
	}
	if (!debugfs_mounted()) {
		fprintf(stderr, "unitronctl: debugfs is not mounted on " DEBUGFS
			" (mount -t debugfs none " DEBUGFS ")\n");
		return 1;
	}
	if (module)
		return show_status(module);
	n = scandir(DEBUGFS, &entries, is_status_dir, alphasort);
	if (n < 0) {
		status_error("", DEBUGFS);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			putchar('\n');
		ret |= show_status(entries[i]->d_name + strlen(STATUS_DIR));
		free(entries[i]);
	}
	free(entries);
	return ret;
}

/* ---- the bridge: send and recv --------------------------------------- */

struct bridge_args {
	const char	*system;
	int		tmout;
	int		msgpri;
	const char	*object;
	const char	*data;
	unitron_t	*u;		/* the system, once open */
	int		obj, kind;	/* OBJECT's handle and kind */
};

/* [-s SYSTEM] [-t MS] [-p PRI] OBJECT [DATA]: false on a usage error. */
static bool bridge_options(int argc, char **argv, int nargs,
			   struct bridge_args *a)
{
	unsigned long n;
	int opt;

	*a = (struct bridge_args){ .tmout = UNITRON_TMO_FEVR, .msgpri = 1 };
	optind = 1;
	while ((opt = getopt(argc, argv, "+s:t:p:")) != -1) {
		switch (opt) {
		case 's':
			a->system = optarg;
			break;
		case 't':
			if (!number(optarg, INT_MAX, &n))
				return false;
			a->tmout = (int)n;
			break;
		case 'p':
			if (!number(optarg, INT_MAX, &n))
				return false;
			a->msgpri = (int)n;
			break;
		default:
			return false;
		}
	}
	if (argc - optind != nargs)
		return false;
	a->object = argv[optind];
	a->data = nargs > 1 ? argv[optind + 1] : NULL;
	return true;
}

/*
 * The module whose bridge device SYSTEM is (linux port: /dev/NAME, its
 * module parameter bridge_name), in module; false if none is.
 */
static bool bridge_module(const char *system, char *module, size_t size)
{
	const char *dev = system && *system ? system : "/dev/unitron0";
	struct dirent *entry;
	char path[PATH_MAX], name[NAME_MAX + 2];
	bool found = false;
	DIR *dir;
	FILE *f;

	if (strncmp(dev, "/dev/", 5) != 0)
		return false;
	dir = opendir("/sys/module");
	if (!dir)
		return false;
	while (!found && (entry = readdir(dir)) != NULL) {
		snprintf(path, sizeof(path),
			 "/sys/module/%s/parameters/bridge_name", entry->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(name, sizeof(name), f)) {
			name[strcspn(name, "\n")] = '\0';
			found = strcmp(name, dev + 5) == 0;
		}
		fclose(f);
		if (found)
			snprintf(module, size, "%s", entry->d_name);
	}
	closedir(dir);
	return found;
}

static int bridge_error(const char *what, const struct bridge_args *a,
			int ercd)
{
	const char *system = a->system ? a->system : getenv("UNITRON_SYSTEM");
	char module[NAME_MAX + 1];
	const char *why = "";

	/* E_OBJ: the system does not run (the object's kind is right). */
	if (ercd == E_OBJ && bridge_module(system, module, sizeof(module)))
		why = not_running(module, 0);
	else if (ercd == E_OBJ && strcmp(what, "object") == 0)
		why = "several systems of the cluster have it: name one as "
		      "SYSTEM/NAME (unitronctl ls -c)";
	fprintf(stderr, "unitronctl: %s %s: %s%s%s\n", what, a->object,
		unitron_ername(ercd), *why ? ": " : "", why);
	return 1;
}

/* The options and the system: 0, or the exit status. */
static int bridge_open(int argc, char **argv, int nargs,
		       struct bridge_args *a)
{
	const char *system;

	if (!bridge_options(argc, argv, nargs, a)) {
		usage(stderr);
		return 2;
	}
	system = a->system ? a->system : getenv("UNITRON_SYSTEM");
	a->u = unitron_open(a->system);
	if (!a->u) {
		int err = errno;

		fprintf(stderr, "unitronctl: %s: %s%s\n",
			system && *system ? system : "/dev/unitron0",
			strerror(err), err == ECONNREFUSED ?
			" (the application has ended)" : err == ENOENT ?
			" (no such system: is it loaded, or running?)" : "");
		return 1;
	}
	return 0;
}

/* The options, the system and OBJECT: 0, or the exit status. */
static int bridge_begin(int argc, char **argv, int nargs,
			struct bridge_args *a)
{
	int ret = bridge_open(argc, argv, nargs, a);

	if (ret)
		return ret;
	a->obj = unitron_lookup(a->u, a->object, &a->kind);
	if (a->obj < 0) {
		bridge_error("object", a, a->obj);
		unitron_close(a->u);
		return 1;
	}
	return 0;
}

static bool integer(const char *s, intptr_t *p_v)
{
	char *end;

	errno = 0;
	*p_v = (intptr_t)strtoll(s, &end, 0);
	return !errno && !*end && end != s;
}

/* DATA, or stdin for "-": a message of at most UNITRON_BRG_MSG_MAX. */
static ssize_t message(const char *data, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;

	if (strcmp(data, "-") != 0) {
		n = strlen(data);
		memcpy(buf, data, n < size ? n : size);
		return (ssize_t)n;
	}
	while ((r = read(0, buf + n, size - n)) > 0 && n + r < size)
		n += (size_t)r;
	return r < 0 ? -1 : (ssize_t)(n + (r > 0 ? r : 0));
}

/* A datum to a data queue, or a message to a mailbox. */
static int bridge_send(int argc, char **argv)
{
	static char buf[UNITRON_MSG_LIMIT + 1];
	struct bridge_args a;
	intptr_t datum;
	ssize_t len;
	int ercd = bridge_begin(argc, argv, 2, &a);

	if (ercd)
		return ercd;
	if (a.kind == UNITRON_DTQ) {
		if (!integer(a.data, &datum)) {
			fprintf(stderr, "unitronctl: send %s: a data queue "
				"takes an integer, not '%s'\n", a.object, a.data);
			unitron_close(a.u);
			return 2;
		}
		ercd = unitron_tsnd_dtq(a.u, a.obj, datum, a.tmout);
	} else {
		len = message(a.data, buf, sizeof(buf));
		ercd = len < 0 ? E_SYS : len > UNITRON_MSG_LIMIT ? E_PAR :
		       unitron_tsnd_mbx(a.u, a.obj, buf, (size_t)len,
					a.msgpri, a.tmout);
	}
	unitron_close(a.u);
	return ercd ? bridge_error("send", &a, ercd) : 0;
}

static int bridge_recv(int argc, char **argv)
{
	static char buf[UNITRON_MSG_LIMIT];
	struct bridge_args a;
	intptr_t datum;
	int ercd = bridge_begin(argc, argv, 1, &a);

	if (ercd)
		return ercd;
	if (a.kind == UNITRON_DTQ) {
		ercd = unitron_trcv_dtq(a.u, a.obj, &datum, a.tmout);
		if (ercd == E_OK)
			printf("%lld\n", (long long)datum);
	} else {
		ercd = unitron_trcv_mbx(a.u, a.obj, buf, sizeof(buf), a.tmout);
		if (ercd >= 0) {
			fwrite(buf, 1, (size_t)ercd, stdout);
			putchar('\n');
			ercd = E_OK;
		}
	}
	unitron_close(a.u);
	return ercd ? bridge_error("recv", &a, ercd) : 0;
}

/* A cluster object as ls prints it; watching: "+ " or "- " before. */
static int print_remote(void *arg, int event, const char *node,
			const char *name, int kind)
{
	const char *mark = !*(bool *)arg ? "" :
			   event == UNITRON_OBJECT_GONE ? "- " : "+ ";

	printf("%s%-31s %s %s\n", mark, name,
	       kind == UNITRON_DTQ ? "dtq" : "mbx", node);
	fflush(stdout);
	return 0;
}

/* ls -c / -w: the cluster's objects, and (-w) their comings and goings. */
static int cluster_ls(bool watch)
{
	int r = unitron_cluster_objects(print_remote, &watch, watch);

	if (r == E_NOEXS)
		fprintf(stderr, "unitronctl: ls: this node has no TIPC "
			"(modprobe tipc; docs/cluster.md)\n");
	else if (r)
		fprintf(stderr, "unitronctl: ls: TIPC's topology server: %s\n",
			unitron_ername(r));
	return r ? 1 : 0;
}

/*
 * ls [-s SYSTEM]: the system's bridged objects, one a line: name and
 * kind; -c: the cluster's, with their nodes; -w: and then the changes.
 */
static int bridge_ls(int argc, char **argv)
{
	char name[256];
	struct bridge_args a;
	int obj, kind = 0, n, ret;

	if (argc == 2 && (!strcmp(argv[1], "-c") || !strcmp(argv[1], "-w")))
		return cluster_ls(argv[1][1] == 'w');
	ret = bridge_open(argc, argv, 0, &a);
	if (ret)
		return ret;
	for (obj = 1; (n = unitron_object_name(a.u, obj, name, sizeof(name),
					       &kind)) >= 0; obj++)
		printf("%-31s %s\n", name, kind == UNITRON_DTQ ? "dtq" : "mbx");
	unitron_close(a.u);
	if (n == E_ID)
		return 0;
	a.object = "list";
	return bridge_error("ls", &a, n);
}

/* ---- the own core (port/bare): boot, stop, status --------------------- */

#define CORE_MODULE	"unitron_core"
#define CORE_KO		CORE_MODULE ".ko"
#define CORE_SYSFS	"/sys/kernel/" CORE_MODULE

/* A value of the loader's sysfs directory, in buf; false if none. */
static bool core_attr(const char *name, char *buf, size_t size)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), CORE_SYSFS "/%s", name);
	return read_line(path, buf, size);
}

/*
 * Where unitron_core.ko is, in path, searched in the order the usage
 * text gives; false if nowhere.  $UNITRON_CORE_KO is taken as it is:
 * an explicit choice that does not exist is an error, not skipped.
 */
static bool find_core_ko(char *path, size_t size)
{
	const char *env = getenv("UNITRON_CORE_KO");
	char exe[PATH_MAX];
	struct utsname u;
	ssize_t n;

	if (env && *env) {
		snprintf(path, size, "%s", env);
		return true;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		snprintf(path, size, "%s/" CORE_KO, dirname(exe));
		if (access(path, R_OK) == 0)
			return true;
	}
	snprintf(path, size, "/lib/unitron/modules/" CORE_KO);
	if (access(path, R_OK) == 0)
		return true;
	if (uname(&u) == 0) {
		snprintf(path, size, "/lib/modules/%s/extra/" CORE_KO,
			 u.release);
		if (access(path, R_OK) == 0)
			return true;
	}
	return false;
}

/* /dev/kmsg, read from its end: the records logged from now on. */
static int kmsg_open(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0)
		lseek(fd, 0, SEEK_END);
	return fd;
}

/* /dev/kmsg writes bytes outside printable ASCII as \xNN: undo that. */
static void kmsg_unescape(char *s)
{
	char *out = s;
	unsigned int c;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'x' && sscanf(s + 2, "%2x", &c) == 1) {
			*out++ = (char)c;
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/*
 * The loader's errors logged since kmsg_open() (its refusals give their
 * reason there), to stderr; false if there was none.
 */
static bool kmsg_reasons(int fd)
{
	char rec[2048], *text;
	bool any = false;
	ssize_t n;

	for (;;) {
		/* "PRIORITY,SEQ,USEC,FLAGS;TEXT\n", EAGAIN after the last. */
		n = fd < 0 ? -1 : read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* records overwritten meanwhile */
		if (n <= 0)
			return any;
		rec[n] = '\0';
		text = strchr(rec, ';');
		if (!text || atoi(rec) % 8 > 3 /* LOG_ERR */ ||
		    strncmp(text + 1, CORE_MODULE ": ", strlen(CORE_MODULE) + 2))
			continue;
		text[1 + strcspn(text + 1, "\n")] = '\0';
		kmsg_unescape(text + 1);
		fprintf(stderr, "unitronctl: kernel log: %s\n", text + 1);
		any = true;
	}
}

/*
 * finit_module(2) of the file ko with params: -1 and errno if the kernel
 * refused it, -2 (said why) if the file cannot be opened.
 */
static int load_module(const char *ko, const char *params)
{
	int fd = open(ko, O_RDONLY | O_CLOEXEC), ret, err;

	if (fd < 0) {
		fprintf(stderr, "unitronctl: boot: %s: %s\n", ko,
			strerror(errno));
		return -2;
	}
	ret = (int)syscall(SYS_finit_module, fd, params, 0);
	err = errno;
	close(fd);
	errno = err;
	return ret;
}

static void boot_error(const char *ko, const char *image, int err, int kmsg)
{
	char cpu[16] = "?";

	if (err == EEXIST) {
		core_attr("cpu", cpu, sizeof(cpu));
		fprintf(stderr, "unitronctl: boot: a µITRON image already runs "
			"on CPU %s (unitronctl status; unitronctl stop first)\n",
			cpu);
	} else if (err == EPERM) {
		fprintf(stderr, "unitronctl: boot: loading %s: %s (root only: "
			"needs CAP_SYS_MODULE)\n", ko, strerror(err));
	} else {
		fprintf(stderr, "unitronctl: boot %s: %s: %s\n", image, ko,
			strerror(err));
		if (!kmsg_reasons(kmsg))
			fprintf(stderr, "unitronctl: see the kernel log "
				"(dmesg | grep " CORE_MODULE ")\n");
	}
}

/*
 * boot's arguments as the module's parameters, in params: image= (made
 * absolute: the module reads the file itself), cpu= and mem= only if
 * given.  0, or the exit status.
 */
static int boot_params(int argc, char **argv, char *params, size_t size)
{
	static const struct option opts[] = {
		{ "cpu", required_argument, NULL, 'c' },
		{ "mem", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	char image[PATH_MAX], cpu[32] = "", mem[64] = "";
	unsigned long n;
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt == 'c' && number(optarg, INT_MAX, &n)) {
			snprintf(cpu, sizeof(cpu), " cpu=%lu", n);
		} else if (opt == 'm' && *optarg && strlen(optarg) < 32 &&
			   !optarg[strspn(optarg, "0123456789KkMm")]) {
			/* Nothing in it can start another parameter. */
			snprintf(mem, sizeof(mem), " mem=%s", optarg);
		} else if (opt == 'c' || opt == 'm') {
			fprintf(stderr, "unitronctl: boot: bad --%s '%s' (%s)\n",
				opt == 'c' ? "cpu" : "mem", optarg, opt == 'c' ?
				"a CPU number" : "a size with K or M, e.g. 4M");
			return 2;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind != 1) {
		usage(stderr);
		return 2;
	}
	if (!realpath(argv[optind], image)) {
		fprintf(stderr, "unitronctl: boot: %s: %s\n", argv[optind],
			strerror(errno));
		return 1;
	}
	snprintf(params, size, "image=\"%s\"%s%s", image, cpu, mem);
	return 0;
}

/* boot IMAGE [--cpu N] [--mem SIZE]: argv[0] is "boot". */
static int core_boot(int argc, char **argv)
{
	char ko[PATH_MAX], params[PATH_MAX + 128], cpu[16] = "?";
	int kmsg, ret = boot_params(argc, argv, params, sizeof(params));
	const char *image = argv[optind];

	if (ret)
		return ret;
	if (!find_core_ko(ko, sizeof(ko))) {
		fprintf(stderr, "unitronctl: boot: no " CORE_KO " found "
			"($UNITRON_CORE_KO, next to unitronctl, "
			"/lib/unitron/modules/, /lib/modules/$(uname -r)/extra/)\n");
		return 1;
	}
	kmsg = kmsg_open();
	ret = load_module(ko, params);
	if (ret == -1)
		boot_error(ko, image, errno, kmsg);
	else if (core_attr("cpu", cpu, sizeof(cpu)))
		printf("µITRON image %s runs on CPU %s (%s)\n", image, cpu, ko);
	if (kmsg >= 0)
		close(kmsg);
	return ret < 0;
}

/* A process that has a bridge device (/dev/unitron*) open: printed. */
static bool print_holder(const char *pid)
{
	char path[PATH_MAX], target[PATH_MAX], comm[64] = "?";
	struct dirent *entry;
	bool found = false;
	ssize_t n;
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%s/fd", pid);
	dir = opendir(path);
	if (!dir)
		return false;
	while (!found && (entry = readdir(dir)) != NULL) {
		snprintf(path, sizeof(path), "/proc/%s/fd/%s", pid,
			 entry->d_name);
		n = readlink(path, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		found = strncmp(target, "/dev/unitron", 12) == 0;
	}
	closedir(dir);
	if (found) {
		snprintf(path, sizeof(path), "/proc/%s/comm", pid);
		read_line(path, comm, sizeof(comm));
		fprintf(stderr, "unitronctl:   process %s (%s) has %s open\n",
			pid, comm, target);
	}
	return found;
}

/* Who may hold the loader: the processes with its bridge device open. */
static void print_holders(void)
{
	DIR *dir = opendir("/proc");
	struct dirent *entry;
	bool any = false;

	while (dir && (entry = readdir(dir)) != NULL)
		if (entry->d_name[strspn(entry->d_name, "0123456789")] == '\0')
			any |= print_holder(entry->d_name);
	if (dir)
		closedir(dir);
	if (!any)
		fprintf(stderr, "unitronctl:   (no process has a /dev/unitron* "
			"device open that this user can see)\n");
}

static int stop_error(int err, int kmsg)
{
	if (err == ENOENT) {
		fprintf(stderr, "unitronctl: stop: no µITRON image runs on a "
			"CPU of its own (" CORE_MODULE " is not loaded)\n");
	} else if (err == EPERM) {
		fprintf(stderr, "unitronctl: stop: unloading " CORE_MODULE
			": %s (root only: needs CAP_SYS_MODULE)\n", strerror(err));
	} else if (err == EWOULDBLOCK || err == EBUSY) {
		fprintf(stderr, "unitronctl: stop: " CORE_MODULE " is in use "
			"(the bridge device, e.g. /dev/unitron0 open by "
			"unitron-proxyd): stop its users first\n");
		print_holders();
	} else {
		fprintf(stderr, "unitronctl: stop: %s\n", strerror(err));
		kmsg_reasons(kmsg);
	}
	return 1;
}

/* stop: the CPU parked and given back to Linux. */
static int core_stop(void)
{
	char cpu[16] = "", online[PATH_MAX], state[8] = "";
	int kmsg = kmsg_open(), ret;

	core_attr("cpu", cpu, sizeof(cpu));
	/* O_NONBLOCK: fail at once if in use, as rmmod does. */
	ret = (int)syscall(SYS_delete_module, CORE_MODULE, O_NONBLOCK);
	if (ret < 0) {
		ret = stop_error(errno, kmsg);
	} else {
		snprintf(online, sizeof(online),
			 "/sys/devices/system/cpu/cpu%s/online", cpu);
		if (read_line(online, state, sizeof(state)) &&
		    strcmp(state, "1") == 0) {
			printf("µITRON stopped; CPU %s is Linux's again\n", cpu);
		} else {
			fprintf(stderr, "unitronctl: stop: µITRON stopped, but "
				"CPU %s is not back online\n", cpu);
			kmsg_reasons(kmsg);
			ret = 1;
		}
	}
	if (kmsg >= 0)
		close(kmsg);
	return ret;
}

/* status: what /sys/kernel/unitron_core shows, and the image's path. */
static int core_status(void)
{
	static const char * const names[] = {
		"cpu", "state", "image_state", "ticks", "tick_gap_max_us",
		"foreign_irqs",
	};
	char value[PATH_MAX];
	size_t i;

	if (access(CORE_SYSFS, F_OK) != 0) {
		printf("no µITRON image on a CPU of its own (" CORE_MODULE
		       " is not loaded)\n");
		return 1;
	}
	if (read_line("/sys/module/" CORE_MODULE "/parameters/image", value,
		      sizeof(value)))
		printf("%-16s %s\n", "image", value);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (core_attr(names[i], value, sizeof(value)))
			printf("%-16s %s\n", names[i], value);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return list();
	if ((argc == 2 || argc == 3) && strcmp(argv[1], "ps") == 0)
		return ps(argc == 3 ? argv[2] : NULL);
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "start") == 0)
		return start(argv[2]);
	if (argc >= 4 && argc <= 6 && strcmp(argv[1], "raise") == 0)
		return raise_line(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "send") == 0)
		return bridge_send(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "recv") == 0)
		return bridge_recv(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "ls") == 0)
		return bridge_ls(argc - 1, argv + 1);
	if (argc >= 3 && strcmp(argv[1], "boot") == 0)
		return core_boot(argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[1], "stop") == 0)
		return core_stop();
	if (argc == 2 && strcmp(argv[1], "status") == 0)
		return core_status();
	usage(stderr);
	return 2;
}
