/*
 * The linux port's Linux I/O test application: see vioapp.h.
 */
#include <kernel.h>
#include <unitron_bridge.h>
#include <unitron_vio.h>
#include "kernel_id.h"
#include "vioapp.h"

/* Linux's values (x86-64). */
#define VIO_O_RDWR	2

static INT outcome(INT r)
{
	return r < 0 ? -vio_errno() : r;
}

static INT read_fifo(void)
{
	char byte;
	INT fd, r;

	vio_begin();
	fd = vio_open("fifo", VIO_O_RDWR, 0);
	r = fd < 0 ? outcome(fd) : outcome(vio_read(fd, &byte, 1));
	(void)vio_end();
	return r;
}

static INT run(VP_INT cmd)
{
	switch ((INT)cmd) {
	case CMD_NULL:
		return outcome(vio_null());
	case CMD_READ_FIFO:
		return read_fifo();
	default:
		return -22;	/* EINVAL */
	}
}

void client_task(VP_INT exinf)
{
	VP_INT cmd;

	(void)exinf;
	for (;;) {
		if (rcv_dtq(CMD_DTQ, &cmd) == E_OK)
			(void)snd_dtq(RES_DTQ, (VP_INT)run(cmd));
	}
}
