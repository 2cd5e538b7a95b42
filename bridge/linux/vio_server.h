/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unitron bridge - the proxy server's side of Linux I/O on a bridge
 * device (unitron_vio_abi.h), the same for the linux port's transport
 * (bridge/linux/transport.c) and the own-core loader's
 * (port/bare/loader/bridge.c): attachment, a proxy's WAIT and DONE, and
 * the end of every call in progress when the server goes.
 */
#ifndef UNITRON_VIO_SERVER_H
#define UNITRON_VIO_SERVER_H

#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/swait.h>

#include "unitron_vio_abi.h"

struct vio_server {
	struct unitron_vio_area	*area;
	unsigned int		nslot;
	/*
	 * The attached server's file: set and cleared under lock, read
	 * without it (a file's own ioctl keeps it, and so its attachment).
	 */
	struct file		*file;
	raw_spinlock_t		lock;
	struct swait_queue_head	waiters[UNITRON_VIO_NSLOT_MAX];
	/* The µITRON side's copy of the attachment, or NULL. */
	u32			*attached;
	/* Tell the µITRON side: a slot is DONE (a proxy's, or failed). */
	void			(*tell)(void);
};

void vio_server_init(struct vio_server *vs, struct unitron_vio_area *area,
		     unsigned int nslot, u32 *attached, void (*tell)(void));
bool vio_fail(struct unitron_vio_slot *slot);
/* ATTACH, WAIT, DONE; -ENOTTY for any other command. */
long vio_server_ioctl(struct vio_server *vs, struct file *file,
		      unsigned int cmd, unsigned long arg);
/* May @file map the area?  0, or the errno. */
int vio_server_may_map(struct vio_server *vs, struct file *file,
		       struct vm_area_struct *vma, unsigned long size);
/* A file of the device was released. */
void vio_server_release(struct vio_server *vs, struct file *file);

#endif
