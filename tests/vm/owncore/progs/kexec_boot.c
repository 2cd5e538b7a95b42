/*
 * kexec_boot KERNEL CMDLINE: load KERNEL, without an initramfs, and
 * kexec into it at once (the reboot notifiers run first, as for any
 * kexec that is not a crash).
 */
#include <linux/kexec.h>
#include <linux/reboot.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: kexec_boot KERNEL CMDLINE\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0 ||
	    syscall(SYS_kexec_file_load, fd, -1, strlen(argv[2]) + 1, argv[2],
		    KEXEC_FILE_NO_INITRAMFS) < 0) {
		perror(argv[1]);
		return 1;
	}
	reboot(LINUX_REBOOT_CMD_KEXEC);
	perror("reboot(LINUX_REBOOT_CMD_KEXEC)");
	return 1;
}
