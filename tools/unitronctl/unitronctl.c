/*
 * unitronctl - control µITRON systems loaded as kernel modules (linux
 * port), through their control devices /dev/unitron-<module>.
 *
 *   unitronctl start MODULE        start the µITRON system
 *   unitronctl raise MODULE LINE   raise software interrupt LINE (0..31)
 *   unitronctl list                list the loaded µITRON systems
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "port/linux/unitron_ioctl.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: unitronctl start MODULE\n"
		"       unitronctl raise MODULE LINE   (LINE 0..31)\n"
		"       unitronctl list\n"
		"Controls µITRON systems loaded as kernel modules (root only).\n");
}

static int open_device(const char *module)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/dev/unitron-%s", module);
	fd = open(path, O_RDWR);
	if (fd < 0)
		fprintf(stderr, "unitronctl: %s: %s%s\n", path, strerror(errno),
			errno == ENOENT ? " (is the module loaded?)" : "");
	return fd;
}

static int list(void)
{
	DIR *dir = opendir("/dev");
	struct dirent *entry;

	if (!dir) {
		perror("unitronctl: /dev");
		return 1;
	}
	while ((entry = readdir(dir)) != NULL)
		if (strncmp(entry->d_name, "unitron-", 8) == 0)
			printf("%s\n", entry->d_name + 8);
	closedir(dir);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long line;
	char *end;
	int fd, ret;

	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return list();
	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "start") == 0) {
		fd = open_device(argv[2]);
		if (fd < 0)
			return 1;
		ret = ioctl(fd, UNITRON_IOC_START);
		if (ret < 0)
			fprintf(stderr, "unitronctl: start %s: %s\n", argv[2],
				errno == EBUSY ? "already started" : strerror(errno));
		return ret < 0;
	}
	if (argc == 4 && strcmp(argv[1], "raise") == 0) {
		errno = 0;
		line = strtoul(argv[3], &end, 0);
		if (errno || *end || end == argv[3] || line > 31) {
			fprintf(stderr, "unitronctl: bad line '%s' (0..31)\n", argv[3]);
			return 2;
		}
		fd = open_device(argv[2]);
		if (fd < 0)
			return 1;
		ret = ioctl(fd, UNITRON_IOC_RAISE, line);
		if (ret < 0)
			fprintf(stderr, "unitronctl: raise %s %lu: %s\n", argv[2],
				line, strerror(errno));
		return ret < 0;
	}
	usage(stderr);
	return 2;
}
