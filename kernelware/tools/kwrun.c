/*
 * kwrun - run an unmodified, dynamically linked program in kernel mode.
 *
 *   kwrun [--fallback] [--] PROGRAM [ARGS...]
 *
 * Preloads libkw (found beside kwrun, or at $KWRUN_LIB), which switches
 * the program to kernel mode before its main(); programs it executes
 * inherit the preload and start in kernel mode too.
 *
 * What cannot run in kernel mode is refused, with the reason and exit
 * status 126, before anything runs: no kernelware.ko, no CAP_SYS_ADMIN,
 * a statically linked program or interpreter (nothing to preload into),
 * a program not for x86-64.  libkw exits 126 too if the switch fails
 * after all.  --fallback runs such a program in user mode instead, and
 * says so on stderr.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REFUSED		126	/* as a shell's "cannot execute" */
#define NOT_FOUND	127

static int usage(FILE *out)
{
	fprintf(out, "usage: kwrun [--fallback] [--] PROGRAM [ARGS...]\n"
		"Runs PROGRAM in kernel mode (needs kernelware.ko and root).\n"
		"What cannot run there (a static program, no module, no\n"
		"privilege) is refused with exit status 126, or with\n"
		"--fallback run in user mode, with a line on stderr.\n");
	return out == stdout ? 0 : 2;
}

/* libkw.so beside this executable. */
static int find_lib(char *path, size_t size)
{
	const char *env = getenv("KWRUN_LIB");
	ssize_t n;
	char *slash;

	if (env)
		return snprintf(path, size, "%s", env) < (int)size ? 0 : -1;
	n = readlink("/proc/self/exe", path, size - 1);
	if (n < 0)
		return -1;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (!slash || (size_t)(slash - path) + sizeof("/libkw.so") > size)
		return -1;
	strcpy(slash, "/libkw.so");
	return 0;
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

/*
 * Why the ELF file fd cannot take the preload, or NULL if it can: an
 * x86-64 executable with an interpreter (the dynamic loader).
 */
static const char *elf_refusal(int fd)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	int i;

	if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_machine != EM_X86_64)
		return "not an x86-64 program";
	for (i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof(ph), eh.e_phoff +
			  (off_t)i * eh.e_phentsize) != sizeof(ph))
			return "an ELF file kwrun cannot read";
		if (ph.p_type == PT_INTERP)
			return NULL;
	}
	return "statically linked: kwrun enters kernel mode through the "
	       "dynamic loader (LD_PRELOAD of libkw), which it has not";
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

int main(int argc, char **argv)
{
	char lib[PATH_MAX], preload[2 * PATH_MAX], path[PATH_MAX];
	char what[2 * PATH_MAX + 32];
	const char *old = getenv("LD_PRELOAD"), *why;
	bool fallback = false;
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return usage(stdout);
		if (!strcmp(argv[i], "--fallback")) {
			fallback = true;
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
	if (find_lib(lib, sizeof(lib)) < 0 || access(lib, R_OK) != 0) {
		fprintf(stderr, "kwrun: libkw.so not found (set KWRUN_LIB)\n");
		return 1;
	}
	snprintf(preload, sizeof(preload), "%s%s%s", lib, old ? ":" : "",
		 old ? old : "");
	/*
	 * glibc's rseq makes every context switch ask for work on the
	 * return to user mode, which ends kernel mode each time.  KWRUN=1:
	 * libkw exits 126 if the switch fails; 2: it goes on in user mode.
	 */
	if (setenv("LD_PRELOAD", preload, 1) ||
	    setenv("KWRUN", fallback ? "2" : "1", 1) ||
	    setenv("GLIBC_TUNABLES", "glibc.pthread.rseq=0", 0)) {
		perror("kwrun: setenv");
		return 1;
	}
	execv(path, argv + i);
	fprintf(stderr, "kwrun: %s: %s\n", argv[i], strerror(errno));
	return NOT_FOUND;
}
