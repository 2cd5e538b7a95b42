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
 *
 * -t: timeout in ms (default: wait for ever; 0 polls).  Exit status 0,
 * 1 with the µITRON error code on stderr, 2 for usage errors.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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
		"start, raise, list, ps: µITRON systems loaded as kernel modules\n"
		"(root only).  send, recv: a data queue or mailbox of a system's\n"
		"bridge ($UNITRON_SYSTEM or -s: /dev/unitronN or a posix\n"
		"application's socket); -t MS timeout (default none, 0 polls).\n");
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

/*
 * MODULE's state, as its control device's sysfs directory shows it
 * (UNITRON_STATE_*), in buf; false if it cannot be read.
 */
static bool system_state(const char *module, char *buf, size_t size)
{
	char path[PATH_MAX];
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "/sys/class/misc/unitron-%s/state",
		 module);
	f = fopen(path, "r");
	if (!f)
		return false;
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
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
	fprintf(stderr, "unitronctl: %s %s: %s%s%s\n", what, a->object,
		unitron_ername(ercd), *why ? ": " : "", why);
	return 1;
}

/* The options, the system and OBJECT: 0, or the exit status. */
static int bridge_begin(int argc, char **argv, int nargs,
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
	usage(stderr);
	return 2;
}
