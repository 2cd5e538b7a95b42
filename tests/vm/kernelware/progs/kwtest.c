/*
 * kwtest - kernelware checks run in the guest; each subcommand exits 0
 * when the behaviour is right, else prints why and exits 1.
 *
 *   kwtest call | heap | redzone | syscalls | signal | kill | faults |
 *          segv-handler | spin | fpu | bad | unpriv | exec-mark |
 *          exec-nofd
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <sched.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <asm/ldt.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/ucontext.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernelware/include/kernelware.h"

#define STACK_SIZE	(256 * 1024)
#define HEAP_SIZE	(4 * 1024 * 1024)

static char *heap;

static int fail(const char *what)
{
	fprintf(stderr, "kwtest: %s\n", what);
	return 1;
}

/* Runs in ring 0: proves it by the code segment's privilege level. */
static long ring0_double(long arg)
{
	unsigned short cs;

	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	return (cs & 3) == 0 ? arg * 2 + 1 : -1;
}

/* Runs in ring 0: every page of the heap is touched for the first time. */
static long ring0_touch_heap(long pages)
{
	long i, sum = 0;

	for (i = 0; i < pages; i++) {
		heap[i * 4096] = (char)i;
		sum += heap[i * 4096];
	}
	return sum;
}

/*
 * Keeps three values in the red zone, below the stack pointer, across
 * every iteration of a long loop: interrupts that land between a store
 * and its load must not touch them.  Returns 3 * (1 + ... + n).  The
 * jump matters under QEMU TCG, which takes interrupts only at jumps.
 */
static long redzone_sum(long n)
{
	long sum = 0;

	__asm__ volatile("1:	movq	%[n], -8(%%rsp)\n"
			 "	movq	%[n], -64(%%rsp)\n"
			 "	movq	%[n], -128(%%rsp)\n"
			 "	jmp	2f\n"
			 "2:	movq	-8(%%rsp), %%rax\n"
			 "	addq	-64(%%rsp), %%rax\n"
			 "	addq	-128(%%rsp), %%rax\n"
			 "	addq	%%rax, %[sum]\n"
			 "	decq	%[n]\n"
			 "	jnz	1b\n"
			 : [sum] "+r"(sum), [n] "+r"(n) : : "rax", "memory");
	return sum;
}

/*
 * Runs in ring 0: system calls through libc, as function calls.  Returns
 * a bit per failed check, 0 when all held.
 */
static long ring0_syscalls(long user_pid)
{
	char buf[8] = "";
	long bad = 0;
	int p[2];

	bad |= (getpid() != user_pid) << 0;
	bad |= (pipe(p) != 0) << 1;
	bad |= (write(p[1], "kw", 3) != 3) << 2;
	bad |= (read(p[0], buf, sizeof(buf)) != 3 || strcmp(buf, "kw")) << 3;
	bad |= (close(p[0]) | close(p[1])) << 4;
	bad |= (close(p[0]) != -1 || errno != EBADF) << 5;
	/* Not yet bounced through user mode: refused, nothing forked. */
	bad |= (syscall(SYS_fork) != -1 || errno != ENOSYS) << 6;
	return bad;
}

/* Runs in ring 0: system calls until a signal ends the call. */
static long ring0_syscall_loop(long limit)
{
	long n;

	for (n = 0; n < limit; n++)
		getppid();
	return n;
}

/* Faults in ring 0, each must end as a signal to the process. */
static long ring0_null(long unused)
{
	return *(volatile long *)unused;
}

static long ring0_wild_write(long addr)
{
	*(volatile long *)addr = 1;
	return 0;
}

/* A call through a wild pointer into the kernel half. */
static long ring0_wild_call(long addr)
{
	return ((long (*)(long))addr)(0);
}

static long ring0_ud2(long unused)
{
	__asm__ volatile("ud2");
	return unused;
}

/* int n of vectors that push an error code when the CPU raises them. */
static long ring0_int_pf(long unused)
{
	__asm__ volatile("int $14");
	return unused;
}

static long ring0_int_gp(long unused)
{
	__asm__ volatile("int $13");
	return unused;
}

/* Deeper than any stack: 1 KB a level, up to 1 GB. */
static long ring0_recurse(long depth)
{
	volatile char pad[1024];

	pad[0] = (char)depth;
	if (depth > 1024 * 1024)
		return depth;
	return ring0_recurse(depth + 1) + pad[0];
}

static long ring0_spin(long unused)
{
	volatile long n = unused;

	for (;;)
		n++;
	return n;
}

/* FPU and SSE state that preemption must keep intact. */
static long ring0_fpu(long n)
{
	double x = 0.0;
	long i;

	for (i = 1; i <= n; i++)
		x += sqrt((double)i) / (double)i;
	return (long)(x * 1000000.0);
}

static unsigned long new_stack(void)
{
	char *s = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE | MAP_LOCKED,
		       -1, 0);

	return s == MAP_FAILED ? 0 : (unsigned long)s + STACK_SIZE;
}

static int open_dev(void)
{
	int fd = open("/dev/kernelware", O_RDWR);

	if (fd < 0)
		perror("kwtest: /dev/kernelware");
	return fd;
}

static unsigned long last_syscalls;

static long call(int fd, long (*fn)(long), long arg, long *result)
{
	struct kw_call c = {
		.fn = (unsigned long)fn, .arg = arg, .stack_top = new_stack(),
	};

	if (ioctl(fd, KW_IOC_CALL, &c) < 0)
		return -errno;
	*result = c.result;
	last_syscalls = c.syscalls;
	return 0;
}

static int test_call(int fd)
{
	long r;

	if (mlockall(MCL_CURRENT) < 0)
		return fail("mlockall");
	if (call(fd, ring0_double, 20, &r) < 0)
		return fail("KW_IOC_CALL failed");
	if (r != 41)
		return fail(r == -1 ? "not in ring 0" : "wrong result");
	return 0;
}

static int test_heap(int fd)
{
	long i, r, expect = 0, pages = HEAP_SIZE / 4096;

	if (mlockall(MCL_CURRENT) < 0)
		return fail("mlockall");
	heap = mmap(NULL, HEAP_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (heap == MAP_FAILED)
		return fail("mmap");
	for (i = 0; i < pages; i++)
		expect += (char)i;
	if (call(fd, ring0_touch_heap, pages, &r) < 0)
		return fail("KW_IOC_CALL failed");
	return r == expect ? 0 : fail("wrong sum");
}

/* Long enough for thousands of timer interrupts inside the loop. */
static int test_redzone(int fd)
{
	long n = 100000000, r;

	if (mlockall(MCL_CURRENT) < 0)
		return fail("mlockall");
	if (redzone_sum(1000) != 3 * 1000L * 1001 / 2)
		return fail("user-mode run wrong");
	if (call(fd, redzone_sum, n, &r) < 0)
		return fail("KW_IOC_CALL failed");
	if (r != 3 * n * (n + 1) / 2)
		return fail("red zone clobbered in ring 0");
	return 0;
}

static int test_syscalls(int fd)
{
	long r;

	if (mlockall(MCL_CURRENT) < 0)
		return fail("mlockall");
	if (call(fd, ring0_syscalls, getpid(), &r) < 0)
		return fail("KW_IOC_CALL failed");
	if (r) {
		fprintf(stderr, "kwtest: failed checks (bits): %#lx\n", r);
		return 1;
	}
	/* getpid pipe write read close close close fork */
	if (last_syscalls != 8) {
		fprintf(stderr, "kwtest: %lu function-call syscalls, not 8\n",
			last_syscalls);
		return 1;
	}
	return 0;
}

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	got_usr1 = sig;
}

/* A signal ends the call with EINTR, and its handler runs. */
static int test_signal(int fd)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	long r;

	if (mlockall(MCL_CURRENT) < 0 || sigaction(SIGUSR1, &sa, NULL) < 0)
		return fail("setup");
	if (fork() == 0) {
		usleep(300000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	if (call(fd, ring0_syscall_loop, 1L << 40, &r) != -EINTR)
		return fail("the call did not end with EINTR");
	wait(NULL);
	return got_usr1 == SIGUSR1 ? 0 : fail("the handler did not run");
}

/* "faults-thread", "kill-thread": the ring-0 code in a second thread. */
static int from_thread;

struct thread_call {
	int	fd;
	long	(*fn)(long);
	long	arg;
};

static void *call_in_thread(void *p)
{
	struct thread_call *tc = p;
	long r;

	call(tc->fd, tc->fn, tc->arg, &r);
	return NULL;
}

/* The child's call: in this thread, or in a second one (from_thread). */
static void child_call(int fd, long (*fn)(long), long arg)
{
	struct thread_call tc = { fd, fn, arg };
	pthread_t t;
	long r;

	if (!from_thread) {
		call(fd, fn, arg, &r);
	} else if (pthread_create(&t, NULL, call_in_thread, &tc) == 0) {
		pthread_join(t, NULL);
	}
}

/*
 * fn(arg) in ring 0 in a child: it must die of sig, the kernel live.
 * With kill_us, this process sends SIGKILL after that many µs (it runs
 * meanwhile, on the same CPUs: the child is preemptible).
 */
static int expect_killed(int fd, long (*fn)(long), long arg, int sig,
			 long kill_us, const char *what)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (mlockall(MCL_CURRENT) == 0)
			child_call(fd, fn, arg);
		_exit(0);
	}
	if (kill_us) {
		usleep(kill_us);
		kill(pid, SIGKILL);
	}
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid");
	if (WIFSIGNALED(status) && WTERMSIG(status) == sig)
		return 0;
	fprintf(stderr, "kwtest: %s: status %#x, expected signal %d\n", what,
		status, sig);
	return 1;
}

static int expect_death(int fd, long (*fn)(long), long arg, int sig,
			const char *what)
{
	return expect_killed(fd, fn, arg, sig, 0, what);
}

static int test_faults(int fd)
{
	return expect_death(fd, ring0_null, 0, SIGSEGV, "NULL read") |
	       expect_death(fd, ring0_wild_write, 0x1000, SIGSEGV,
			    "wild write") |
	       expect_death(fd, ring0_wild_write, (long)ring0_null, SIGSEGV,
			    "write to text") |
	       expect_death(fd, ring0_wild_write, (long)-4096, SIGSEGV,
			    "write to a kernel address") |
	       expect_death(fd, ring0_wild_call, (long)-8192, SIGSEGV,
			    "call to a kernel address") |
	       expect_death(fd, ring0_ud2, 0, SIGILL, "ud2") |
	       expect_death(fd, ring0_int_pf, 0, SIGSEGV, "int $14") |
	       expect_death(fd, ring0_int_gp, 0, SIGSEGV, "int $13") |
	       expect_death(fd, ring0_recurse, 0, SIGSEGV, "stack overflow");
}

static volatile sig_atomic_t got_segv;

static void on_segv(int sig)
{
	got_segv = sig;
}

/* A SIGSEGV handler runs; the call ends with EINTR. */
static int test_segv_handler(int fd)
{
	struct sigaction sa = { .sa_handler = on_segv };
	long r;

	if (mlockall(MCL_CURRENT) < 0 || sigaction(SIGSEGV, &sa, NULL) < 0)
		return fail("setup");
	if (call(fd, ring0_null, 0, &r) != -EINTR)
		return fail("the call did not end with EINTR");
	return got_segv == SIGSEGV ? 0 : fail("the handler did not run");
}

/* SIGKILL kills a process making syscalls in ring 0 ... */
static int test_kill(int fd)
{
	return expect_killed(fd, ring0_syscall_loop, 1L << 40, SIGKILL, 300000,
			     "syscall loop");
}

/* ... and one in an endless loop without syscalls: it is preemptible. */
static int test_spin(int fd)
{
	return expect_killed(fd, ring0_spin, 0, SIGKILL, 500000, "spin");
}

/* FPU work in ring 0 beside FPU work in user mode on the same CPU. */
static int test_fpu(int fd)
{
	long n = 3000000, r, expect;
	cpu_set_t one;
	pid_t hog;

	CPU_ZERO(&one);
	CPU_SET(0, &one);
	if (sched_setaffinity(0, sizeof(one), &one) < 0 ||
	    mlockall(MCL_CURRENT) < 0)
		return fail("setup");
	expect = ring0_fpu(n);
	hog = fork();
	if (hog == 0) {
		for (;;)
			ring0_fpu(1000);	/* other FPU values, user mode */
	}
	if (call(fd, ring0_fpu, n, &r) < 0)
		return fail("KW_IOC_CALL failed");
	kill(hog, SIGKILL);
	waitpid(hog, NULL, 0);
	return r == expect ? 0 : fail("FPU state corrupted in ring 0");
}

/* Runs in ring 0: KW_NR_KCALL to an address that is no kernel text. */
static long ring0_bad_kcall(long addr)
{
	return syscall(KW_NR_KCALL, addr, 0L, 0L, 0L, 0L, 0L);
}

/*
 * Any process can make an IRET to user mode fail on the espfix stack: a
 * 16-bit stack segment from the LDT and a data segment as CS, through
 * sigreturn.  Linux turns the CPU's double fault into the process's
 * SIGSEGV; with the module's IDT it must too.
 */
#define LDT_SEL	0x7			/* LDT entry 0, RPL 3 */

static void on_usr1_bad_iret(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig;
	(void)si;
	uc->uc_mcontext.gregs[REG_CSGSFS] = LDT_SEL | ((long)LDT_SEL << 48);
}

static void bad_iret(void)
{
	struct user_desc d = {
		.entry_number = 0, .limit = 0xfffff, .seg_32bit = 0,
		.contents = 0, .limit_in_pages = 1, .useable = 1,
	};
	struct sigaction sa = { .sa_sigaction = on_usr1_bad_iret,
				.sa_flags = SA_SIGINFO };

	if (syscall(SYS_modify_ldt, 1, &d, sizeof(d)) != 0 ||
	    sigaction(SIGUSR1, &sa, NULL) < 0)
		_exit(2);
	raise(SIGUSR1);
	_exit(3);
}

static int test_espfix(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		setuid(65534);		/* unprivileged */
		bad_iret();
	}
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid");
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV)
		return 0;
	fprintf(stderr, "kwtest: espfix: status %#x, expected SIGSEGV\n",
		status);
	return 1;
}

static int expect_errno(int fd, unsigned long cmd, void *c, int e,
			const char *what)
{
	if (ioctl(fd, cmd, c) == 0 || errno != e) {
		fprintf(stderr, "kwtest: %s: got %s\n", what, strerror(errno));
		return 1;
	}
	return 0;
}

static int test_bad(int fd)
{
	unsigned long top = new_stack();
	struct kw_call none = { .fn = 0, .stack_top = top };
	struct kw_call odd = { .fn = (unsigned long)ring0_double,
			       .stack_top = top - 8 };
	struct kw_call kern = { .fn = 0xffffffff81000000UL, .stack_top = top };
	struct kw_call kstack = { .fn = (unsigned long)ring0_double,
				  .stack_top = 0xffffc90000010000UL };

	struct kw_stats_read r = { .buf = 8, .count = 4 };
	int err;

	err = expect_errno(fd, KW_IOC_EXEC, (void *)2, EINVAL, "exec mark 2") |
	      expect_errno(fd, KW_IOC_RESUME, NULL, EINVAL, "nothing to resume") |
	      expect_errno(fd, KW_IOC_RESUME_SYSCALL, NULL, EINVAL,
			   "no syscall to resume from") |
	      expect_errno(fd, KW_IOC_STATS_READ, &r, EINVAL, "no session");
	if (ioctl(fd, KW_IOC_STATS) < 0)
		err |= fail("KW_IOC_STATS");
	err |= expect_errno(fd, KW_IOC_STATS, NULL, EBUSY, "second session") |
	       expect_errno(fd, KW_IOC_STATS_READ, NULL, EFAULT, "NULL read");
	if (fork() == 0)
		_exit(0);		/* recorded: the buffer is used */
	wait(NULL);
	err |= expect_errno(fd, KW_IOC_STATS_READ, &r, EFAULT, "bad buffer");
	return err |
	       expect_errno(fd, KW_IOC_CALL, &none, EINVAL, "fn 0") |
	       expect_errno(fd, KW_IOC_CALL, &odd, EINVAL, "unaligned stack") |
	       expect_errno(fd, KW_IOC_CALL, &kern, EINVAL, "kernel fn") |
	       expect_errno(fd, KW_IOC_CALL, &kstack, EINVAL, "kernel stack") |
	       expect_errno(fd, KW_IOC_CALL, NULL, EFAULT, "NULL arg") |
	       expect_errno(fd, _IO(KW_IOC_MAGIC, 99), &none, ENOTTY,
			    "unknown command");
}

static int test_symbols(int fd)
{
	struct kw_symbol none = { .name = "no_such_kernel_symbol" };
	struct kw_symbol printk = { .name = "_printk" };
	struct kw_symbol huge;
	long r;

	memset(huge.name, 'a', sizeof(huge.name));
	if (ioctl(fd, KW_IOC_SYMBOL, &printk) < 0 ||
	    printk.addr < 0xffff800000000000UL)
		return fail("_printk not found at a kernel address");
	if (mlockall(MCL_CURRENT) < 0 ||
	    call(fd, ring0_bad_kcall, 0x1000, &r) < 0 || r != -1)
		return fail("KW_NR_KCALL to a user address was not refused");
	return expect_errno(fd, KW_IOC_SYMBOL, (void *)&none, ENOENT,
			    "unknown symbol") |
	       expect_errno(fd, KW_IOC_SYMBOL, (void *)&huge, ENOENT,
			    "unterminated name") |
	       expect_errno(fd, KW_IOC_SYMBOL, NULL, EFAULT, "NULL symbol");
}

/*
 * Only CAP_SYS_ADMIN opens the device, whatever its mode; a process that
 * opened it keeps it when it drops its privileges.
 */
static int test_unpriv(int fd)
{
	int r = 0;
	long result;

	if (chmod("/dev/kernelware", 0666) < 0)
		return fail("chmod");
	if (fork() == 0) {
		if (setuid(65534) < 0)
			_exit(fail("setuid"));
		if (open("/dev/kernelware", O_RDWR) >= 0 || errno != EPERM)
			_exit(fail("an unprivileged open was not refused"));
		if (mlockall(MCL_CURRENT) < 0 ||
		    call(fd, ring0_double, 20, &result) < 0 || result != 41)
			_exit(fail("the root-opened device stopped working"));
		_exit(0);
	}
	wait(&r);
	chmod("/dev/kernelware", 0600);
	return WIFEXITED(r) ? WEXITSTATUS(r) : 1;
}

/*
 * A child marked with mode (and its fd limit set to nofile, if not 0)
 * executes "kwstatic exec-quiet", which exits 0 in ring 0 and 1 in ring
 * 3: its wait status.
 */
static int exec_marked(int fd, unsigned long mode, rlim_t nofile)
{
	struct rlimit rl = { nofile, nofile };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (ioctl(fd, KW_IOC_EXEC, KW_EXEC_ON) < 0 ||
		    ioctl(fd, KW_IOC_EXEC, mode) < 0 ||
		    (nofile && setrlimit(RLIMIT_NOFILE, &rl) < 0))
			_exit(fail("KW_IOC_EXEC"));
		execlp("kwstatic", "kwstatic", "exec-quiet", (char *)NULL);
		_exit(fail("exec kwstatic"));
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* The exec hook without kwrun: the mark on, then off. */
static int test_exec_mark(int fd)
{
	int on = exec_marked(fd, KW_EXEC_ON, 0);
	int off = exec_marked(fd, KW_EXEC_OFF, 0);

	if (on == 0 && WIFEXITED(off) && WEXITSTATUS(off) == 1)
		return 0;
	fprintf(stderr, "kwtest: exec-mark: status %#x marked, %#x unmarked\n",
		on, off);
	return 1;
}

/*
 * No descriptor left for the kernelware page's device: the program is
 * killed before its first instruction, not run in user mode.
 */
static int test_exec_nofd(int fd)
{
	int status = exec_marked(fd, KW_EXEC_ON, 3);

	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		return 0;
	fprintf(stderr, "kwtest: exec-nofd: status %#x\n", status);
	return 1;
}

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2)
		return fail("usage: kwtest TEST (see the source)");
	if (!strcmp(argv[1], "espfix"))	/* no device needed */
		return test_espfix();
	fd = open_dev();
	if (fd < 0)
		return 1;
	if (!strcmp(argv[1], "call"))
		return test_call(fd);
	if (!strcmp(argv[1], "heap"))
		return test_heap(fd);
	if (!strcmp(argv[1], "redzone"))
		return test_redzone(fd);
	if (!strcmp(argv[1], "syscalls"))
		return test_syscalls(fd);
	if (!strcmp(argv[1], "signal"))
		return test_signal(fd);
	if (!strcmp(argv[1], "kill"))
		return test_kill(fd);
	if (!strcmp(argv[1], "faults"))
		return test_faults(fd);
	from_thread = 1;
	if (!strcmp(argv[1], "faults-thread"))
		return test_faults(fd);
	if (!strcmp(argv[1], "kill-thread"))
		return test_kill(fd) | test_spin(fd);
	from_thread = 0;
	if (!strcmp(argv[1], "segv-handler"))
		return test_segv_handler(fd);
	if (!strcmp(argv[1], "spin"))
		return test_spin(fd);
	if (!strcmp(argv[1], "fpu"))
		return test_fpu(fd);
	if (!strcmp(argv[1], "symbols"))
		return test_symbols(fd);
	if (!strcmp(argv[1], "bad"))
		return test_bad(fd);
	if (!strcmp(argv[1], "unpriv"))
		return test_unpriv(fd);
	if (!strcmp(argv[1], "exec-mark"))
		return test_exec_mark(fd);
	if (!strcmp(argv[1], "exec-nofd"))
		return test_exec_nofd(fd);
	return fail("unknown subcommand");
}
