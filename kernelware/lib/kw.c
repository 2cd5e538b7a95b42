/*
 * libkw - kernelware for programs (see libkw.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kernelware.h"
#include "libkw.h"

#define CALL_STACK_SIZE	(1024 * 1024)

long kw_enter_here(int fd, unsigned long cmd, struct kw_enter *e);
long kw_leave_here(void);
void kw_resume(void);
void kw_resume_failed(void);
long kw_kcall_here(void *fn, long a1, long a2, long a3, long a4, long a5,
		   long a6);
long kw_syscall_here(long nr, long a1, long a2, long a3, long a4, long a5,
		     long a6);

/* Shared with switch.S (the re-entry code): hidden, not exported. */
#define HIDDEN	__attribute__((visibility("hidden")))
HIDDEN int kw_fd = -1;
/* The module's syscall path, jumped to by kw_syscall_here. */
HIDDEN void *kw_fast_entry;

#define KW_FD_MIN	512

static int kw_open(void)
{
	int fd, high;

	if (kw_fd >= 0)
		return kw_fd;
	fd = open("/dev/kernelware", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -1;
	/* Out of the way of programs that dup2() onto low descriptors. */
	high = fcntl(fd, F_DUPFD_CLOEXEC, KW_FD_MIN);
	if (high >= 0) {
		close(fd);
		fd = high;
	}
	/* Another thread may have opened it meanwhile: keep one. */
	if (!__atomic_compare_exchange_n(&kw_fd, &(int){ -1 }, fd, 0,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		close(fd);
	return kw_fd;
}

int kw_in_kernel_mode(void)
{
	unsigned short cs;

	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	return (cs & 3) == 0;
}

int switch_to_kernel_mode(void)
{
	struct kw_enter e = { .resume = (unsigned long)kw_resume };
	long err;

	if (kw_in_kernel_mode())
		return 0;
	if (kw_open() < 0)
		return -1;
	if (!kw_fast_entry)
		kw_fast_entry = kw_kernel_symbol("kw_syscall_kernelware");
	err = kw_enter_here(kw_fd, KW_IOC_ENTER, &e);
	if (err < 0) {
		errno = (int)-err;
		return -1;
	}
	return 0;
}

int switch_to_user_mode(void)
{
	if (kw_in_kernel_mode())
		kw_leave_here();
	return 0;
}

long kw_call(long (*fn)(long), long arg)
{
	struct kw_call c = { .fn = (unsigned long)fn, .arg = arg };
	char *stack;
	int err;

	if (kw_open() < 0)
		return -1;
	stack = mmap(NULL, CALL_STACK_SIZE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED)
		return -1;
	c.stack_top = (unsigned long)stack + CALL_STACK_SIZE;
	err = ioctl(kw_fd, KW_IOC_CALL, &c);
	munmap(stack, CALL_STACK_SIZE);
	return err < 0 ? -1 : c.result;
}

void *kw_kernel_symbol(const char *name)
{
	struct kw_symbol sym = { .addr = 0 };

	if (kw_open() < 0)
		return NULL;
	if (strlen(name) >= sizeof(sym.name)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	strcpy(sym.name, name);
	if (ioctl(kw_fd, KW_IOC_SYMBOL, &sym) < 0)
		return NULL;
	return (void *)(unsigned long)sym.addr;
}

long kw_kcall(void *fn, long a1, long a2, long a3, long a4, long a5,
	      long a6)
{
	if (!kw_in_kernel_mode()) {
		errno = EPERM;
		return -1;
	}
	return kw_kcall_here(fn, a1, a2, a3, a4, a5, a6);
}

long kw_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
		long a6)
{
	long ret;

	if (!kw_fast_entry || !kw_in_kernel_mode())
		return syscall(nr, a1, a2, a3, a4, a5, a6);
	ret = kw_syscall_here(nr, a1, a2, a3, a4, a5, a6);
	if (ret < 0 && ret > -4096) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

/* The kernel's per-CPU current_task, read through GS in ring 0. */
void *kw_current(void)
{
	static unsigned long offset;
	void *task;

	if (!offset)
		offset = (unsigned long)kw_kernel_symbol("current_task");
	if (!offset || !kw_in_kernel_mode())
		return NULL;
	__asm__ volatile("movq %%gs:(%1), %0" : "=r"(task) : "r"(offset));
	return task;
}

/* The re-entry code could not go back to kernel mode: nothing to go on. */
HIDDEN void kw_resume_failed(void)
{
	static const char msg[] = "libkw: cannot return to kernel mode\n";

	write(2, msg, sizeof(msg) - 1);
	_exit(127);
}

/* From _kw_start (switch.S) or kwrun: kernel mode from here on. */
HIDDEN void kw_start_kernel_mode(void)
{
	if (switch_to_kernel_mode() < 0)
		fprintf(stderr, "libkw: staying in user mode: %s\n",
			strerror(errno));
}
