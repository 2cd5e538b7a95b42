/*
 * Guest program: the control device's interface, from user space.
 *   unitron_ioctl_test DEVICE restart|bad|unpriv
 * (unitronctl does the normal start and raise.)
 * Exit status 0 when the call did what the mode expects.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "port/linux/unitron_ioctl.h"

static int expect(int ret, int err, const char *what)
{
	if (err == 0 ? ret == 0 : ret < 0 && errno == err)
		return 0;
	fprintf(stderr, "%s: got %d (%s), expected %s\n", what, ret,
		ret < 0 ? strerror(errno) : "success",
		err ? strerror(err) : "success");
	return 1;
}

int main(int argc, char **argv)
{
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: %s DEVICE restart|bad|unpriv\n",
			argv[0]);
		return 2;
	}
	fd = open(argv[1], O_RDWR);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (strcmp(argv[2], "restart") == 0)
		return expect(ioctl(fd, UNITRON_IOC_START), EBUSY, "START again");
	if (strcmp(argv[2], "bad") == 0)
		return expect(ioctl(fd, UNITRON_IOC_RAISE, 32UL), EINVAL,
			      "RAISE 32") |
		       expect(ioctl(fd, UNITRON_IOC_RAISE, ~0UL), EINVAL,
			      "RAISE ~0") |
		       expect(ioctl(fd, _IO(UNITRON_IOC_MAGIC, 99)), ENOTTY,
			      "unknown command");
	if (strcmp(argv[2], "unpriv") == 0) {
		if (setuid(65534) < 0) {
			perror("setuid");
			return 1;
		}
		return expect(ioctl(fd, UNITRON_IOC_RAISE, 1UL), EPERM,
			      "RAISE unprivileged");
	}
	fprintf(stderr, "unknown mode %s\n", argv[2]);
	return 2;
}
