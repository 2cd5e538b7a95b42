/*
 * kwcp - cp as kernelware: in kernel mode the file data is copied inside
 * the kernel, page cache to page cache, with no user buffer; in user
 * mode, or if that fails, with read() and write().  The kernel copy is
 * the handful of lines in kernel_copy().
 *
 *   kwcp [-v] SRC DST      (-v: say which copy ran)
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libkw.h"

/* vfs_copy_file_range() between the files behind two descriptors. */
static int kernel_copy(int in, int out, long size)
{
	void *fget = kw_kernel_symbol("fget");
	void *fput = kw_kernel_symbol("fput");
	void *copy = kw_kernel_symbol("vfs_copy_file_range");
	long fin, fout, done = 0, n = 0;

	if (!kw_in_kernel_mode() || !fget || !fput || !copy)
		return -1;
	fin = kw_kcall(fget, in, 0, 0, 0, 0, 0);
	fout = kw_kcall(fget, out, 0, 0, 0, 0, 0);
	while (fin && fout && done < size &&
	       (n = kw_kcall(copy, fin, done, fout, done, size - done, 0)) > 0)
		done += n;
	if (fin)
		kw_kcall(fput, fin, 0, 0, 0, 0, 0);
	if (fout)
		kw_kcall(fput, fout, 0, 0, 0, 0, 0);
	return done == size ? 0 : -1;
}

static int user_copy(int in, int out)
{
	char buf[65536];
	ssize_t n;

	if (lseek(in, 0, SEEK_SET) < 0 || lseek(out, 0, SEEK_SET) < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return -1;
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int verbose = argc == 4 && !strcmp(argv[1], "-v");
	const char *src = argv[1 + verbose], *dst = argv[2 + verbose];
	struct stat st;
	int in, out;

	if (argc != 3 + verbose) {
		fprintf(stderr, "usage: kwcp [-v] SRC DST\n");
		return 2;
	}
	in = open(src, O_RDONLY);
	if (in < 0 || fstat(in, &st) < 0) {
		perror(src);
		return 1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777);
	if (out < 0) {
		perror(dst);
		return 1;
	}
	if (kernel_copy(in, out, st.st_size) == 0) {
		if (verbose)
			printf("kernel copy\n");
	} else if (user_copy(in, out) == 0) {
		if (verbose)
			printf("user copy\n");
	} else {
		perror("kwcp");
		return 1;
	}
	return close(out) < 0 || close(in) < 0;
}
