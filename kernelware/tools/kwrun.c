/*
 * kwrun - run an unmodified, dynamically linked program in kernel mode.
 *
 *   kwrun PROGRAM [ARGS...]
 *
 * Preloads libkw (found beside kwrun, or at $KWRUN_LIB), which switches
 * the program to kernel mode before its main(); programs it executes
 * inherit the preload and start in kernel mode too.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int usage(FILE *out)
{
	fprintf(out, "usage: kwrun PROGRAM [ARGS...]\n"
		"Runs PROGRAM in kernel mode (needs kernelware.ko and root).\n");
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

int main(int argc, char **argv)
{
	char lib[PATH_MAX], preload[2 * PATH_MAX];
	const char *old = getenv("LD_PRELOAD");

	if (argc < 2)
		return usage(stderr);
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return usage(stdout);
	if (access("/dev/kernelware", F_OK) != 0) {
		fprintf(stderr, "kwrun: /dev/kernelware: %s (load kernelware.ko)\n",
			strerror(errno));
		return 1;
	}
	if (find_lib(lib, sizeof(lib)) < 0 || access(lib, R_OK) != 0) {
		fprintf(stderr, "kwrun: libkw.so not found (set KWRUN_LIB)\n");
		return 1;
	}
	snprintf(preload, sizeof(preload), "%s%s%s", lib, old ? ":" : "",
		 old ? old : "");
	/*
	 * glibc's rseq makes every context switch ask for work on the
	 * return to user mode, which ends kernel mode each time.
	 */
	if (setenv("LD_PRELOAD", preload, 1) || setenv("KWRUN", "1", 1) ||
	    setenv("GLIBC_TUNABLES", "glibc.pthread.rseq=0", 0)) {
		perror("kwrun: setenv");
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "kwrun: %s: %s\n", argv[1], strerror(errno));
	return 127;
}
