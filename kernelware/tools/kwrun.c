/*
 * kwrun - run an unmodified program in kernel mode.
 *
 *   kwrun [--fallback] [--stats] [--] PROGRAM [ARGS...]
 *
 * Marks itself for the module's exec hook (KW_IOC_EXEC), then executes
 * the program: it starts in kernel mode at its first instruction,
 * static or dynamic, and so do its threads, its children and the
 * programs it executes.  Nothing is preloaded or linked.
 *
 * What cannot run in kernel mode is refused, with the reason and exit
 * status 126, before anything runs: no kernelware.ko, no CAP_SYS_ADMIN,
 * a program not for x86-64.  The program exits 126 too if it cannot
 * enter kernel mode after all.  --fallback runs such a program in user
 * mode instead, and says so on stderr.
 *
 * --stats runs the program as a child and, when it has ended, prints
 * for each of its threads the system calls it made as function calls,
 * and whether and why it left kernel mode (KW_IOC_STATS).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernelware.h"

#define REFUSED		126	/* as a shell's "cannot execute" */
#define NOT_FOUND	127

static int usage(FILE *out)
{
	fprintf(out, "usage: kwrun [--fallback] [--stats] [--] PROGRAM [ARGS...]\n"
		"Runs PROGRAM in kernel mode from its first instruction\n"
		"(needs kernelware.ko and root); so are the programs it runs.\n"
		"What cannot run there (no module, no privilege, a program\n"
		"not for x86-64) is refused with exit status 126, or with\n"
		"--fallback run in user mode, with a line on stderr.\n"
		"--stats: at the end, each thread's function-call syscalls,\n"
		"and whether and why it left kernel mode (on stderr).\n");
	return out == stdout ? 0 : 2;
}

/* name as execvp would find it, into path; false if nowhere. */
static bool find_program(const char *name, char *path, size_t size)
{
	const char *dirs = getenv("PATH"), *end;

	if (strchr(name, '/'))
		return snprintf(path, size, "%s", name) < (int)size &&
		       access(path, X_OK) == 0;
	for (dirs = dirs ? dirs : "/usr/bin:/bin"; *dirs; dirs = end + !!*end) {
		end = strchrnul(dirs, ':');
		if (snprintf(path, size, "%.*s/%s", (int)(end - dirs),
			     end == dirs ? "." : dirs, name) < (int)size &&
		    access(path, X_OK) == 0)
			return true;
	}
	return false;
}

/* Why the ELF file fd cannot run in kernel mode, or NULL. */
static const char *elf_refusal(int fd)
{
	Elf64_Ehdr eh;

	if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64)
		return "not an x86-64 program";
	return NULL;
}

/*
 * Why the program at path cannot run in kernel mode, or NULL.  An ELF
 * file is checked as such, a script (#!) by its interpreter: what names
 * the file that is refused.
 */
static const char *refusal(const char *path, char *what, size_t size)
{
	char head[PATH_MAX + 2], magic[SELFMAG], *interp;
	const char *why = NULL;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;	/* execv will say */
	n = pread(fd, head, sizeof(head) - 1, 0);
	head[n > 0 ? n : 0] = '\0';
	if (n >= SELFMAG && !memcmp(head, ELFMAG, SELFMAG)) {
		why = elf_refusal(fd);
	} else if (n >= 2 && head[0] == '#' && head[1] == '!') {
		interp = head + 2 + strspn(head + 2, " \t");
		interp[strcspn(interp, " \t\n")] = '\0';
		close(fd);
		fd = open(interp, O_RDONLY | O_CLOEXEC);
		n = fd < 0 ? 0 : pread(fd, magic, SELFMAG, 0);
		if (n == SELFMAG && !memcmp(magic, ELFMAG, SELFMAG))
			why = elf_refusal(fd);
		if (why != NULL)
			snprintf(what, size, "%s (its interpreter %s)", path,
				 interp);
	}
	if (fd >= 0)
		close(fd);
	return why;
}

/* Why kernel mode cannot be had at all, or NULL. */
static const char *device_refusal(void)
{
	int fd = open("/dev/kernelware", O_RDWR | O_CLOEXEC);

	if (fd >= 0) {
		close(fd);
		return NULL;
	}
	switch (errno) {
	case ENOENT:
		return "no /dev/kernelware (load kernelware.ko)";
	case EPERM:
	case EACCES:
		return "kernel mode needs CAP_SYS_ADMIN (root)";
	default:
		return strerror(errno);
	}
}

static const char *syscall_name(long nr)
{
	static char buf[32];

	switch (nr) {
	case 15:	return "rt_sigreturn";
	case 56:	return "clone";
	case 57:	return "fork";
	case 58:	return "vfork";
	case 59:	return "execve";
	case 60:	return "exit";
	case 231:	return "exit_group";
	case 322:	return "execveat";
	case 435:	return "clone3";
	}
	snprintf(buf, sizeof(buf), "syscall %ld", nr);
	return buf;
}

/* Why a thread left kernel mode the last time, in words. */
static const char *left_why(const struct kw_thread_stats *t)
{
	static char buf[48];

	switch (t->last_left) {
	case KW_LEFT_SYSCALL:
		return syscall_name(t->last_detail);
	case KW_LEFT_SIGNAL:
		return "a signal";
	case KW_LEFT_WORK:
		return "kernel work";
	case KW_LEFT_FAULT:
		snprintf(buf, sizeof(buf), "a fault (vector %d)",
			 t->last_detail);
		return buf;
	case KW_LEFT_REQUEST:
		return "switch_to_user_mode()";
	}
	return "?";
}

static const char *thread_end(const struct kw_thread_stats *t)
{
	static char buf[64];

	if (t->flags & KW_STAT_NOT_X86_64)
		return "user mode (not x86-64)";
	if (!t->entries)
		return "user mode (never entered)";
	if (!(t->flags & KW_STAT_ENDED_IN_USER))
		return "kernel mode";
	snprintf(buf, sizeof(buf), "user mode since %s", left_why(t));
	return buf;
}

/* The session's threads, one line each, and the verdict. */
static void print_stats(int fd)
{
	struct kw_thread_stats *t = calloc(KW_STATS_THREADS, sizeof(*t));
	struct kw_stats_read r = { .buf = (unsigned long)t,
				   .count = KW_STATS_THREADS };
	unsigned long long calls = 0;
	unsigned int i, outside = 0;

	if (!t || ioctl(fd, KW_IOC_STATS_READ, &r) < 0) {
		perror("kwrun: --stats");
		free(t);
		return;
	}
	fprintf(stderr, "kwrun: %7s %7s %-15s %8s %7s %7s %6s %5s %5s %5s  %s\n",
		"pid", "tid", "comm", "calls", "entered", "syscall", "signal",
		"work", "fault", "asked", "end");
	for (i = 0; i < r.recorded; i++) {
		fprintf(stderr, "kwrun: %7d %7d %-15.15s %8llu %7llu %7llu "
			"%6llu %5llu %5llu %5llu  %s\n", t[i].tgid, t[i].pid,
			t[i].comm, t[i].calls, t[i].entries,
			t[i].left[KW_LEFT_SYSCALL], t[i].left[KW_LEFT_SIGNAL],
			t[i].left[KW_LEFT_WORK], t[i].left[KW_LEFT_FAULT],
			t[i].left[KW_LEFT_REQUEST], thread_end(&t[i]));
		calls += t[i].calls;
		outside += !t[i].entries || (t[i].flags & KW_STAT_ENDED_IN_USER);
	}
	if (r.more)
		fprintf(stderr, "kwrun: and %llu more threads, not shown\n",
			(unsigned long long)r.more);
	fprintf(stderr, "kwrun: %u threads, %llu function-call syscalls; %s\n",
		r.recorded, calls, outside ? "some ran on in user mode (end)" :
		"all in kernel mode to their end");
	free(t);
}

/*
 * --stats: the program as a child in a session on fd; its exit status,
 * as a shell gives it, once the statistics are out.
 */
static int run_with_stats(int fd, const char *path, char **argv)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		perror("kwrun: fork");
		return 1;
	}
	if (pid == 0) {
		if (ioctl(fd, KW_IOC_STATS) < 0) {
			perror("kwrun: --stats");
			_exit(1);
		}
		execv(path, argv);
		fprintf(stderr, "kwrun: %s: %s\n", argv[0], strerror(errno));
		_exit(NOT_FOUND);
	}
	signal(SIGINT, SIG_IGN);	/* the child's to take, as time(1) */
	signal(SIGQUIT, SIG_IGN);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			perror("kwrun: waitpid");
			return 1;
		}
	print_stats(fd);
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	       128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	char path[PATH_MAX], what[2 * PATH_MAX + 32];
	bool fallback = false, stats = false;
	const char *why;
	int i = 1, fd;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return usage(stdout);
		if (!strcmp(argv[i], "--fallback")) {
			fallback = true;
		} else if (!strcmp(argv[i], "--stats")) {
			stats = true;
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			return usage(stderr);
		}
	}
	if (i >= argc)
		return usage(stderr);
	if (!find_program(argv[i], path, sizeof(path))) {
		fprintf(stderr, "kwrun: %s: %s\n", argv[i], strerror(ENOENT));
		return NOT_FOUND;
	}
	why = device_refusal();
	snprintf(what, sizeof(what), "%s", argv[i]);
	if (why == NULL)
		why = refusal(path, what, sizeof(what));
	if (why != NULL && !fallback) {
		fprintf(stderr, "kwrun: %s: %s (--fallback runs it in user "
			"mode)\n", what, why);
		return REFUSED;
	}
	if (why != NULL) {
		fprintf(stderr, "kwrun: %s: %s: running it in user mode "
			"(--fallback)\n", what, why);
		execvp(argv[i], argv + i);
		fprintf(stderr, "kwrun: %s: %s\n", argv[i], strerror(errno));
		return NOT_FOUND;
	}
	/*
	 * glibc's rseq makes every context switch ask for work on the
	 * return to user mode, which ends kernel mode each time.
	 */
	if (setenv("GLIBC_TUNABLES", "glibc.pthread.rseq=0", 0)) {
		perror("kwrun: setenv");
		return 1;
	}
	fd = open("/dev/kernelware", O_RDWR | O_CLOEXEC);
	if (fd < 0 || ioctl(fd, KW_IOC_EXEC, KW_EXEC_ON) < 0) {
		fprintf(stderr, "kwrun: /dev/kernelware: %s\n",
			strerror(errno));
		return REFUSED;
	}
	if (stats)
		return run_with_stats(fd, path, argv + i);
	execv(path, argv + i);
	fprintf(stderr, "kwrun: %s: %s\n", argv[i], strerror(errno));
	return NOT_FOUND;
}
