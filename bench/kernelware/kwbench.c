/*
 * kwbench - kernelware's costs, in the guest (bench/kernelware/).
 *
 *   kwbench syscalls N   cycles per call of 7 system calls, N calls
 *                        each, in user mode and then in kernel mode
 *                        (seed 000's table 4.3)
 *   kwbench getpid N     cycles per getpid in user mode only (the
 *                        module's cost to other processes, fig. 4)
 *   kwbench copy MB      file copy throughput on tmpfs for sizes 1 B to
 *                        2 MB: read/write, copy_file_range(2), io_uring
 *                        (linked read and write), and the in-kernel copy
 *                        of kernel mode (fig. 4.16); 64 KB chunks
 *   kwbench run N CMD... run CMD N times (fork + exec), ns per run
 *   kwbench run-kernel N CMD...  the same, CMD in kernel mode from its
 *                        first instruction (the exec hook, as kwrun)
 *
 * One record per line: "NAME key=value ...".  Integer arithmetic only.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <liburing.h>
#include <x86intrin.h>

#include "kernelware.h"
#include "libkw.h"

#define FILE_PATH	"/tmp/kwbench.dat"
#define BUF_SIZE	8192
#define CHUNK		65536

static char buf[BUF_SIZE];
static char chunk[CHUNK];
static struct io_uring ring;
static int data_fd;

/* libc's syscall() (a syscall instruction) or libkw's kw_syscall(). */
static long (*sys)(long nr, long a1, long a2, long a3, long a4, long a5,
		   long a6);

static long libc_syscall(long nr, long a1, long a2, long a3, long a4,
			 long a5, long a6)
{
	return syscall(nr, a1, a2, a3, a4, a5, a6);
}

static long call_getpid(void) { return sys(SYS_getpid, 0, 0, 0, 0, 0, 0); }
static long call_chdir(void)
{
	return sys(SYS_chdir, (long)"/", 0, 0, 0, 0, 0);
}
static long call_gettimeofday(void)
{
	struct timeval tv;

	return sys(SYS_gettimeofday, (long)&tv, 0, 0, 0, 0, 0);
}
static long rw(long nr, long n)
{
	return sys(nr, data_fd, (long)buf, n, 0, 0, 0);
}
static long call_read1(void) { return rw(SYS_pread64, 1); }
static long call_read8k(void) { return rw(SYS_pread64, BUF_SIZE); }
static long call_write1(void) { return rw(SYS_pwrite64, 1); }
static long call_write8k(void) { return rw(SYS_pwrite64, BUF_SIZE); }

static const struct {
	const char *name;
	long (*fn)(void);
} calls[] = {
	{ "getpid", call_getpid },
	{ "chdir", call_chdir },
	{ "gettimeofday", call_gettimeofday },
	{ "read_1", call_read1 },
	{ "read_8192", call_read8k },
	{ "write_1", call_write1 },
	{ "write_8192", call_write8k },
};
#define NCALLS	(sizeof(calls) / sizeof(calls[0]))

/* Cycles per call over n calls (the TSC, as the paper). */
static unsigned long cycles(long (*fn)(void), long n)
{
	unsigned long t = __rdtsc();
	long i;

	for (i = 0; i < n; i++)
		fn();
	return (__rdtsc() - t) / n;
}

/*
 * Each call in user mode, then in kernel mode through its syscall
 * instruction (as in an unmodified binary) and through kw_syscall() (a
 * jump, as in a program built with libkw).
 */
static int bench_syscalls(long n)
{
	unsigned long user[NCALLS], insn[NCALLS];
	unsigned int i;

	sys = libc_syscall;
	for (i = 0; i < NCALLS; i++)
		user[i] = cycles(calls[i].fn, n);
	if (switch_to_kernel_mode() < 0) {
		perror("kwbench: switch_to_kernel_mode");
		return 1;
	}
	for (i = 0; i < NCALLS; i++)
		insn[i] = cycles(calls[i].fn, n);
	sys = kw_syscall;
	for (i = 0; i < NCALLS; i++)
		printf("syscall name=%s user=%lu kernel=%lu call=%lu\n",
		       calls[i].name, user[i], insn[i],
		       cycles(calls[i].fn, n));
	switch_to_user_mode();
	return 0;
}

static unsigned long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000UL + ts.tv_nsec;
}

static int make_file(const char *path, long size)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	long done;

	for (done = 0; fd >= 0 && done < size; done += BUF_SIZE)
		if (write(fd, buf, size - done < BUF_SIZE ? size - done :
			  BUF_SIZE) < 0)
			return -1;
	return fd;
}

static long copy_rw(int in, int out, long size)
{
	long done = 0, n;

	while (done < size && (n = pread(in, chunk, CHUNK, done)) > 0)
		done += pwrite(out, chunk, n, done);
	return done;
}

/* One chunk: a read linked to its write, both submitted at once. */
static long uring_chunk(int in, int out, long off, unsigned int len)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
	struct io_uring_cqe *cqe;
	long written = -1;
	int i;

	io_uring_prep_read(sqe, in, chunk, len, off);
	sqe->flags |= IOSQE_IO_LINK;
	sqe = io_uring_get_sqe(&ring);
	io_uring_prep_write(sqe, out, chunk, len, off);
	if (io_uring_submit_and_wait(&ring, 2) != 2)
		return -1;
	for (i = 0; i < 2; i++) {
		if (io_uring_wait_cqe(&ring, &cqe) < 0)
			return -1;
		written = cqe->res;
		io_uring_cqe_seen(&ring, cqe);
	}
	return written;
}

static long copy_uring(int in, int out, long size)
{
	long done = 0, n;

	while (done < size &&
	       (n = uring_chunk(in, out, done, size - done < CHUNK ?
				size - done : CHUNK)) > 0)
		done += n;
	return done;
}

static long copy_cfr(int in, int out, long size)
{
	loff_t pin = 0, pout = 0;
	long done = 0, n;

	while (done < size &&
	       (n = copy_file_range(in, &pin, out, &pout, size - done, 0)) > 0)
		done += n;
	return done;
}

static void *k_fget, *k_fput, *k_copy;

/* The in-kernel copy kwcp makes: vfs_copy_file_range on the files. */
static long copy_kernel(int in, int out, long size)
{
	long fin = kw_kcall(k_fget, in, 0, 0, 0, 0, 0);
	long fout = kw_kcall(k_fget, out, 0, 0, 0, 0, 0);
	long done = 0, n;

	while (done < size && (n = kw_kcall(k_copy, fin, done, fout, done,
					     size - done, 0)) > 0)
		done += n;
	kw_kcall(k_fput, fin, 0, 0, 0, 0, 0);
	kw_kcall(k_fput, fout, 0, 0, 0, 0, 0);
	return done;
}

/* Copy the size-byte file until about total bytes went through. */
static void throughput(const char *method, long (*copy)(int, int, long),
		       int in, long size, long total)
{
	long reps = total / size > 0 ? total / size : 1, i;
	int out = open("/tmp/kwbench.out", O_RDWR | O_CREAT, 0600);
	unsigned long t;

	if (out < 0)
		return;
	t = now_ns();
	for (i = 0; i < reps && copy(in, out, size) == size; i++)
		;
	t = now_ns() - t;
	close(out);
	if (i == reps)
		printf("copy size=%ld method=%s bytes=%ld ns=%lu\n", size,
		       method, reps * size, t);
}

static int bench_copy(long mb)
{
	static const long sizes[] = { 1, 1024, 65536, 1048576, 2097152 };
	unsigned int i;

	if (io_uring_queue_init(4, &ring, 0) < 0) {
		perror("kwbench: io_uring");
		return 1;
	}
	k_fget = kw_kernel_symbol("fget");
	k_fput = kw_kernel_symbol("fput");
	k_copy = kw_kernel_symbol("vfs_copy_file_range");
	if (!k_fget || !k_fput || !k_copy) {
		perror("kwbench: kernel symbols");
		return 1;
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int in = make_file("/tmp/kwbench.in", sizes[i]);
		/* Small files: 1,024 copies per MB asked. */
		long total = sizes[i] < 65536 ? sizes[i] * (mb << 10) : mb << 20;

		throughput("rw", copy_rw, in, sizes[i], total);
		throughput("copy_file_range", copy_cfr, in, sizes[i], total);
		throughput("io_uring", copy_uring, in, sizes[i], total);
		if (switch_to_kernel_mode() < 0)
			return 1;
		throughput("kernel", copy_kernel, in, sizes[i], total);
		switch_to_user_mode();
		close(in);
	}
	return 0;
}

/* Both modes open the device and mark the child: only the mode differs. */
static int bench_run(long n, char **argv, unsigned long mode)
{
	unsigned long t = now_ns();
	long i;

	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			int kw = open("/dev/kernelware", O_RDWR | O_CLOEXEC);

			if (kw < 0 || ioctl(kw, KW_IOC_EXEC, mode) < 0)
				_exit(126);
			dup2(null, 1);
			execvp(argv[0], argv);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
	}
	printf("run ns=%lu\n", (now_ns() - t) / n);
	return 0;
}

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[2]) : 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3 || n <= 0) {
		fprintf(stderr, "usage: kwbench syscalls|getpid N | copy MB | "
			"run|run-kernel N CMD...\n");
		return 2;
	}
	data_fd = make_file(FILE_PATH, BUF_SIZE);
	if (data_fd < 0) {
		perror(FILE_PATH);
		return 1;
	}
	if (!strcmp(argv[1], "syscalls"))
		return bench_syscalls(n);
	if (!strcmp(argv[1], "getpid")) {
		sys = libc_syscall;
		printf("getpid user=%lu\n", cycles(call_getpid, n));
		return 0;
	}
	if (!strcmp(argv[1], "copy"))
		return bench_copy(n);
	if (!strcmp(argv[1], "run") && argc > 3)
		return bench_run(n, argv + 3, KW_EXEC_OFF);
	if (!strcmp(argv[1], "run-kernel") && argc > 3)
		return bench_run(n, argv + 3, KW_EXEC_ON);
	fprintf(stderr, "kwbench: unknown measure %s\n", argv[1]);
	return 2;
}
