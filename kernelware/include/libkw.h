/*
 * libkw - kernelware for programs: run in ring 0 in your own process.
 *
 * Needs /dev/kernelware (kernelware.ko) and root.  In kernel mode the
 * program's system calls, libc's included, are function calls into the
 * kernel, and the threads and children it makes start in kernel mode.
 * Kernel mode ends by itself for a moment where it must (a signal
 * handler, fork, execve, exit) and comes back through libkw's re-entry
 * code; after a fault the program goes on in user mode, where it takes
 * the fault's signal.  An unmodified program is best run by kwrun, which
 * needs no library.
 *
 * A dynamically linked program can also start in kernel mode by itself,
 * linked with libkw.a and its entry point:
 *	gcc -o prog prog.c -e _kw_start -u _kw_start libkw.a
 */
#ifndef LIBKW_H
#define LIBKW_H

/* Continue in ring 0: 0 on success, else -1 with errno. */
int	switch_to_kernel_mode(void);
/* Continue in ring 3 (nothing to do in user mode): 0. */
int	switch_to_user_mode(void);
/* 1 in ring 0, 0 in user mode. */
int	kw_in_kernel_mode(void);
/*
 * Run fn(arg) in ring 0 on a stack of its own and return its result;
 * -1 with errno EINTR if a signal or fault ended it.
 */
long	kw_call(long (*fn)(long), long arg);

/*
 * Kernel resources by name, at run time (KASLR-safe): the address of a
 * kernel function or variable, or NULL with errno ENOENT.
 */
void	*kw_kernel_symbol(const char *name);
/*
 * Call kernel function fn with up to six arguments, on the task's
 * kernel stack, from kernel mode: its result.  In user mode: -1, errno
 * EPERM.
 */
long	kw_kcall(void *fn, long a1, long a2, long a3, long a4, long a5,
		 long a6);
/*
 * A system call as a function call in kernel mode (no syscall
 * instruction: the paper's hybrid library), a real one in user mode;
 * like syscall(2): -1 with errno on error.
 */
long	kw_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
		   long a6);
/* In kernel mode: the kernel's struct task_struct of this thread. */
void	*kw_current(void);

#endif /* LIBKW_H */
