// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - the console: syslog and serial port 1 go to the
 * kernel log, one printk per line.  There is no console input.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/printk.h>

#include "kernel_impl.h"
#include "sio.h"

void port_console_write(const char *buf, UINT len)
{
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	pr_info("%.*s\n", (int)len, buf);
}

INT sio_read(ID portid, char *buf, UINT len)
{
	return SIO_EOF;
}

void sio_write(ID portid, const char *buf, UINT len)
{
	port_console_write(buf, len);
}

UINT sio_pending(ID portid)
{
	return 0;
}
