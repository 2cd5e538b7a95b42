/*
 * libkw - kernel mode across the calls that create threads and children.
 *
 * Making a thread (clone3 or clone with CLONE_VM) or a vfork child
 * needs user mode: the module ends kernel mode at that system call, in
 * the parent too, because the new thread would come back through the
 * parent's re-entry state.  These wrappers of libc's functions put the
 * parent back into kernel mode when the function returns, and start each
 * new thread in kernel mode with its own state (kw_state is per thread),
 * when the caller was in kernel mode.  A program that makes its threads
 * with raw clone, or that calls vfork itself, keeps them in user mode.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libkw.h"

/* libc's own function name, found past this library. */
#define REAL(name) \
	static __typeof__(name) *real; \
	if (real == NULL) \
		real = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

/* Back in kernel mode if the caller was there (errno kept). */
static void back_to_kernel_mode(int was_in_kernel_mode)
{
	int err = errno;

	if (was_in_kernel_mode && !kw_in_kernel_mode() &&
	    switch_to_kernel_mode() < 0)
		fprintf(stderr, "libkw: staying in user mode after a new "
			"thread or child: %s\n", strerror(errno));
	errno = err;
}

struct start {
	void	*(*fn)(void *);
	void	*arg;
};

/* A new thread of a program in kernel mode: there too, then fn(arg). */
static void *start_in_kernel_mode(void *p)
{
	struct start s = *(struct start *)p;

	free(p);
	if (switch_to_kernel_mode() < 0)
		fprintf(stderr, "libkw: a new thread stays in user mode: %s\n",
			strerror(errno));
	return s.fn(s.arg);
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*fn)(void *), void *arg)
{
	int in_kernel = kw_in_kernel_mode(), r;
	struct start *s;
	REAL(pthread_create);

	if (real == NULL)
		return EAGAIN;
	if (!in_kernel)
		return real(thread, attr, fn, arg);
	s = malloc(sizeof(*s));
	if (s == NULL)
		return EAGAIN;
	*s = (struct start){ fn, arg };
	r = real(thread, attr, start_in_kernel_mode, s);
	if (r != 0)
		free(s);
	back_to_kernel_mode(in_kernel);
	return r;
}

int system(const char *command)
{
	int in_kernel = kw_in_kernel_mode(), r;
	REAL(system);

	if (real == NULL)
		return -1;
	r = real(command);
	back_to_kernel_mode(in_kernel);
	return r;
}

/* posix_spawn or posix_spawnp (real), and back to kernel mode. */
static int spawn(__typeof__(posix_spawn) *real, pid_t *pid, const char *file,
		 const posix_spawn_file_actions_t *actions,
		 const posix_spawnattr_t *attr, char *const argv[],
		 char *const envp[])
{
	int in_kernel = kw_in_kernel_mode(), r;

	if (real == NULL)
		return ENOSYS;
	r = real(pid, file, actions, attr, argv, envp);
	back_to_kernel_mode(in_kernel);
	return r;
}

int posix_spawn(pid_t *pid, const char *path,
		const posix_spawn_file_actions_t *actions,
		const posix_spawnattr_t *attr, char *const argv[],
		char *const envp[])
{
	REAL(posix_spawn);

	return spawn(real, pid, path, actions, attr, argv, envp);
}

int posix_spawnp(pid_t *pid, const char *file,
		 const posix_spawn_file_actions_t *actions,
		 const posix_spawnattr_t *attr, char *const argv[],
		 char *const envp[])
{
	REAL(posix_spawnp);

	return spawn(real, pid, file, actions, attr, argv, envp);
}

FILE *popen(const char *command, const char *type)
{
	int in_kernel = kw_in_kernel_mode();
	FILE *f;
	REAL(popen);

	if (real == NULL)
		return NULL;
	f = real(command, type);
	back_to_kernel_mode(in_kernel);
	return f;
}
