/*
 * kern_print_pid - kernelware using kernel resources by name: its pid
 * from the kernel's own task structure, printed with printf and with the
 * kernel's printk beside it.  Run it with kwrun (or it switches itself).
 *
 *   kern_print_pid [-d]   -d: call printk directly, as a C function on
 *                         this stack, not through kw_kcall()
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libkw.h"

#define PIDTYPE_PID	0

typedef int (*printk_t)(const char *fmt, ...);

int main(int argc, char **argv)
{
	int direct = argc > 1 && !strcmp(argv[1], "-d");
	void *pid_nr = kw_kernel_symbol("__task_pid_nr_ns");
	void *printk = kw_kernel_symbol("_printk");
	void *task;
	long pid;

	if (!pid_nr || !printk) {
		perror("kern_print_pid: kernel symbols");
		return 1;
	}
	if (switch_to_kernel_mode() < 0) {
		perror("kern_print_pid: switch_to_kernel_mode");
		return 1;
	}
	task = kw_current();
	pid = kw_kcall(pid_nr, (long)task, PIDTYPE_PID, 0, 0, 0, 0);
	printf("pid %ld (getpid %d)\n", pid, (int)getpid());
	if (direct)
		((printk_t)printk)("\0016kern_print_pid: pid %ld (direct)\n", pid);
	else
		kw_kcall(printk, (long)"\0016kern_print_pid: pid %ld\n", pid, 0,
			 0, 0, 0);
	return 0;
}
