// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron bridge - the proxy server's side of Linux I/O on a bridge
 * device (vio_server.h).
 */
#include <linux/capability.h>
#include <linux/mm.h>
#include <linux/sched/signal.h>

#include "vio_server.h"

void vio_server_init(struct vio_server *vs, struct unitron_vio_area *area,
		     unsigned int nslot, u32 *attached, void (*tell)(void))
{
	unsigned int i;

	vs->area = area;
	vs->nslot = nslot;
	vs->file = NULL;
	vs->attached = attached;
	vs->tell = tell;
	raw_spin_lock_init(&vs->lock);
	for (i = 0; i < nslot; i++)
		init_swait_queue_head(&vs->waiters[i]);
}

/*
 * With no server, no proxy is left to finish a call in progress: it
 * ends here with EIO.  err and result are written before the state
 * (cmpxchg orders them).  True if it was one.
 */
bool vio_fail(struct unitron_vio_slot *slot)
{
	u32 state = READ_ONCE(slot->state);

	if (state != UNITRON_VIO_REQUESTED && state != UNITRON_VIO_BUSY)
		return false;
	WRITE_ONCE(slot->result, -1);
	WRITE_ONCE(slot->err, EIO);
	return cmpxchg(&slot->state, state, UNITRON_VIO_DONE) == state;
}

/*
 * The server's file was released: no process holds or maps it now.  The
 * attachment is cleared before the slots are looked at; the µITRON side
 * stores a request before it looks at the attachment: one side or the
 * other fails each request no proxy will see.
 */
static void detach(struct vio_server *vs)
{
	bool failed = false;
	unsigned int i;

	raw_spin_lock_irq(&vs->lock);
	WRITE_ONCE(vs->file, NULL);
	if (vs->attached)
		WRITE_ONCE(*vs->attached, 0);
	smp_mb();
	for (i = 0; i < vs->nslot; i++)
		failed |= vio_fail(&vs->area->slot[i]);
	raw_spin_unlock_irq(&vs->lock);
	if (failed)
		vs->tell();
}

static long attach(struct vio_server *vs, struct file *file)
{
	long ret = vs->nslot;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	raw_spin_lock_irq(&vs->lock);
	if (vs->file) {
		ret = -EBUSY;
	} else {
		WRITE_ONCE(vs->file, file);
		if (vs->attached)
			smp_store_release(vs->attached, 1);
	}
	raw_spin_unlock_irq(&vs->lock);
	return ret;
}

/* WAIT and DONE: the server's file, in any process that holds it. */
static int slot_check(struct vio_server *vs, struct file *file,
		      unsigned long slot)
{
	if (READ_ONCE(vs->file) != file)
		return -EPERM;
	return slot < vs->nslot ? 0 : -EINVAL;
}

static u32 slot_state(struct vio_server *vs, unsigned long slot)
{
	/* Acquire: the request, written before, is read after. */
	return smp_load_acquire(&vs->area->slot[slot].state);
}

/* A proxy waits for a request in its slot (-ERESTARTSYS on a signal). */
static long wait(struct vio_server *vs, struct file *file,
		 unsigned long slot)
{
	int err = slot_check(vs, file, slot);

	if (err)
		return err;
	return swait_event_interruptible_exclusive(vs->waiters[slot],
			slot_state(vs, slot) == UNITRON_VIO_REQUESTED);
}

/* A proxy put its result in the slot: tell the µITRON side. */
static long done(struct vio_server *vs, struct file *file,
		 unsigned long slot)
{
	int err = slot_check(vs, file, slot);

	if (err)
		return err;
	if (slot_state(vs, slot) != UNITRON_VIO_DONE)
		return -EINVAL;
	vs->tell();
	return 0;
}

long vio_server_ioctl(struct vio_server *vs, struct file *file,
		      unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case UNITRON_IOC_VIO_ATTACH:
		return attach(vs, file);
	case UNITRON_IOC_VIO_WAIT:
		return wait(vs, file, arg);
	case UNITRON_IOC_VIO_DONE:
		return done(vs, file, arg);
	default:
		return -ENOTTY;
	}
}

/* The server maps the area: shared, from offset 0, at most @size. */
int vio_server_may_map(struct vio_server *vs, struct file *file,
		       struct vm_area_struct *vma, unsigned long size)
{
	if (READ_ONCE(vs->file) != file)
		return -EACCES;
	if (!(vma->vm_flags & VM_SHARED) || vma->vm_pgoff != 0 ||
	    vma->vm_end - vma->vm_start > size)
		return -EINVAL;
	return 0;
}

void vio_server_release(struct vio_server *vs, struct file *file)
{
	if (READ_ONCE(vs->file) == file)
		detach(vs);
}
