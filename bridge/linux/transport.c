// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron bridge - the linux port's transport: a device, /dev/unitron0
 * by default, through which Linux processes call the data queues and
 * mailboxes a µITRON system bridges (libunitron, unitron.h).
 *
 * One ioctl (UNITRON_IOC_BRG_CALL) is one call.  LOOKUP is answered
 * here.  Any other call takes one of BRG_NCALL slots, is checked, and
 * is published on a ring that the bridge's handler (INHNO_BRIDGE, on
 * the µITRON CPU) drains with brg_port_fetch(); the process sleeps on
 * the slot's completion until the µITRON side has ended the call
 * (brg_port_done()), or its deadline (the timeout, at least
 * UNITRON_BRG_POLL_MS) passes or a signal comes: then it withdraws a
 * call no worker has taken (E_TMOUT, E_RLWAI: no effect) or has the
 * bridge's handler end a taken one (bridge.c), neither waiting for a
 * worker.  A system that
 * stops ends every call in flight with E_DLT (or the result its service
 * call had).  A slot serves another call once both the process and the
 * µITRON side have let go of it.
 *
 * Linux I/O (vio.c): the request area, VIO_NSLOT slots in vmalloc
 * memory, lives as long as the module.  A proxy server (unitron-proxyd,
 * CAP_SYS_ADMIN) attaches its file of the device (UNITRON_IOC_VIO_ATTACH)
 * and maps the area; its proxies, children that inherit the file, wait
 * for a request in their slot (VIO_WAIT) and hand the result back
 * (VIO_DONE raises INHNO_BRIDGE).  When the server's file is released
 * (the server and its proxies are gone), every call in progress ends
 * with EIO.
 *
 * Module parameters: bridge_name (the device, /dev/NAME; default
 * unitron0: two bridged systems loaded at once need different names)
 * and bridge_mode (default 0600, root only).  Whoever can open the
 * device may call: bridge_mode=0666, or a udev rule such as
 *
 *	KERNEL=="unitron0", GROUP="unitron", MODE="0660"
 *
 * opens it to users.  LOOKUP of a name longer than BRG_NAME_MAX (255)
 * bytes is E_NOEXS: no object has one.
 *
 * Compiled with every application on this port; empty unless it
 * includes bridge/bridge.cfg.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitops.h>
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pagemap.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/swait.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "kernel_impl.h"
#include "kernel_id.h"

#ifdef BRG_REQ_DTQ
#include "bridge_port.h"
#include "linux_port.h"
#include "vio_server.h"

/* The longest name LOOKUP compares (libunitron sends at most 256 bytes). */
#define BRG_NAME_MAX	255

static char *bridge_name = "unitron0";
module_param(bridge_name, charp, 0444);
MODULE_PARM_DESC(bridge_name, "the bridge device, /dev/NAME (default unitron0)");

static ushort bridge_mode = 0600;
module_param(bridge_mode, ushort, 0444);
MODULE_PARM_DESC(bridge_mode,
		 "the bridge device's mode (default 0600: root only; 0666: every user)");

/* A call, from the ioctl that makes it until both sides let go of it. */
struct brg_slot {
	BRG_CALL		call;
	struct completion	done;
	bool			inflight;	/* published, no result yet */
	bool			itron;		/* the µITRON side has it */
	bool			caller;		/* a process has it */
};

/*
 * inflight, itron and caller, the ring's head and the bridge's state
 * change under brg_lock, taken with interrupts off: by processes (any
 * CPU), by workers, the handler and the thread when the system stops
 * (µITRON CPU).  The handler reads the ring without it: it is the only
 * consumer.  A slot's bit in slot_busy is cleared when neither side
 * has it.
 */
static DEFINE_RAW_SPINLOCK(brg_lock);
static struct brg_slot slots[BRG_NCALL];
static DECLARE_BITMAP(slot_busy, BRG_NCALL);	/* taken by a process */

/*
 * Published calls, never more than BRG_NCALL at once (one per slot).
 * The indexes run freely and wrap around UINT_MAX: a power of 2 size.
 */
#define RING_SIZE	32U
static BRG_CALL *ring[RING_SIZE];
static unsigned int ring_head;			/* producers' */
static unsigned int ring_tail;			/* the handler's */

static enum {
	BRG_DOWN,		/* the system has not started */
	BRG_UP,			/* brg_port_initialize() ran */
	BRG_GONE,		/* the system stopped: for good */
} brg_state;

static unsigned long brg_cancel;	/* bit 0: a call's cancel was set */
static bool brg_registered;

/* ---- for the µITRON side (bridge_port.h) ---------------------------- */

/* Nothing to acknowledge: the line is a software one. */
void brg_port_ack(void)
{
}

/* The handler, on the µITRON CPU with interrupts off. */
BRG_CALL *brg_port_fetch(void)
{
	BRG_CALL *call;

	/* Acquire: the slot's contents were written before the head. */
	if (ring_tail == smp_load_acquire(&ring_head))
		return NULL;
	call = ring[ring_tail % RING_SIZE];
	ring_tail++;
	return call;
}

BOOL brg_port_cancelled(void)
{
	return test_and_clear_bit(0, &brg_cancel);
}

BRG_CALL *brg_port_call(UINT i)
{
	return i < BRG_NCALL ? &slots[i].call : NULL;
}

/* Under brg_lock: free the slot once neither side has it. */
static void maybe_free(struct brg_slot *s)
{
	if (!s->itron && !s->caller)
		clear_bit_unlock(s - slots, slot_busy);
}

/*
 * Under brg_lock: the call's result is final.  complete() is made under
 * the lock, with interrupts off, so that no stop can come between
 * clearing inflight and the wake-up and leave the process waiting.
 */
static void finish(struct brg_slot *s)
{
	if (!s->inflight)
		return;
	s->inflight = false;
	complete(&s->done);
}

/* A worker (task context) or the handler, on the µITRON CPU. */
void brg_port_done(BRG_CALL *call)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&brg_lock, flags);
	finish(container_of(call, struct brg_slot, call));
	raw_spin_unlock_irqrestore(&brg_lock, flags);
}

void brg_port_release(BRG_CALL *call)
{
	struct brg_slot *s = container_of(call, struct brg_slot, call);
	unsigned long flags;

	raw_spin_lock_irqsave(&brg_lock, flags);
	s->itron = false;
	maybe_free(s);
	raw_spin_unlock_irqrestore(&brg_lock, flags);
}

/* A worker; the process may be withdrawing the call on another CPU. */
BOOL brg_port_claim(BRG_CALL *call)
{
	return cmpxchg(&call->owner, BRG_QUEUED, BRG_TAKEN) == BRG_QUEUED;
}

/* ATT_INI, on the µITRON CPU with interrupts off. */
void brg_port_initialize(void)
{
	raw_spin_lock(&brg_lock);
	if (brg_state == BRG_DOWN)
		brg_state = BRG_UP;
	raw_spin_unlock(&brg_lock);
}

/*
 * The system stopped (port.c): no µITRON code runs now.  Each call in
 * flight ends with E_DLT, or with its service call's result if that had
 * ended (brg_stopped_result), and the µITRON side lets go of every slot.
 */
void unitron_bridge_stopped(void)
{
	struct brg_slot *s;
	unsigned int i;

	raw_spin_lock_irq(&brg_lock);
	brg_state = BRG_GONE;
	for (i = 0; i < BRG_NCALL; i++) {
		s = &slots[i];
		if (s->inflight)
			s->call.ercd = brg_stopped_result(&s->call);
		finish(s);
		s->itron = false;
		maybe_free(s);
	}
	raw_spin_unlock_irq(&brg_lock);
}

/* ---- a call ---------------------------------------------------------- */

static struct brg_slot *get_slot(void)
{
	unsigned int i;

	do {
		i = find_first_zero_bit(slot_busy, BRG_NCALL);
		if (i >= BRG_NCALL)
			return NULL;
	} while (test_and_set_bit_lock(i, slot_busy));
	/* Nobody else looks at a free slot. */
	slots[i].caller = true;
	return &slots[i];
}

/* The process lets go of its slot: its call ended, or it was killed. */
static void put_slot(struct brg_slot *s)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&brg_lock, flags);
	s->caller = false;
	maybe_free(s);
	raw_spin_unlock_irqrestore(&brg_lock, flags);
}

static void fill(BRG_CALL *call, const struct unitron_brg_call *c)
{
	call->op = c->op;
	call->obj = c->obj;
	call->tmout = c->tmout;
	call->data = (VP_INT)c->data;
	call->len = c->len;
	call->size = c->size;
	call->ercd = E_DLT;	/* until the µITRON side stores the result */
	call->owner = BRG_QUEUED;
	call->cancel = 0;
}

/* Hand the call to the handler: E_OK, or E_OBJ if the system is not running. */
static ER publish(struct brg_slot *s)
{
	unsigned long flags;
	ER ercd = E_OK;

	reinit_completion(&s->done);
	raw_spin_lock_irqsave(&brg_lock, flags);
	if (brg_state != BRG_UP) {
		ercd = E_OBJ;
	} else {
		s->inflight = true;
		s->itron = true;
		ring[ring_head % RING_SIZE] = &s->call;
		smp_store_release(&ring_head, ring_head + 1);
	}
	raw_spin_unlock_irqrestore(&brg_lock, flags);
	return ercd;
}

/*
 * Take back a call no worker has taken (the compare-and-swap a worker's
 * claim races with): it never has an effect.  The µITRON side lets go
 * of it when it meets it (brg_handler, a worker).
 */
static bool withdraw(struct brg_slot *s)
{
	unsigned long flags;
	bool withdrawn;

	raw_spin_lock_irqsave(&brg_lock, flags);
	withdrawn = cmpxchg(&s->call.owner, BRG_QUEUED, BRG_WITHDRAWN) ==
		    BRG_QUEUED;
	if (withdrawn)
		s->inflight = false;
	raw_spin_unlock_irqrestore(&brg_lock, flags);
	return withdrawn;
}

/* A taken call: the handler ends it (bridge.c), whatever tasks run. */
static void cancel(struct brg_slot *s, unsigned int why)
{
	s->call.cancel = why;
	smp_mb__before_atomic();
	set_bit(0, &brg_cancel);
	unitron_raise_swi(INHNO_BRIDGE);
}

/*
 * Wait for the result, until the deadline (the timeout, at least
 * UNITRON_BRG_POLL_MS) at most, or a signal.  Then the call is
 * withdrawn if no worker took it (E_TMOUT, E_RLWAI), or else ended by
 * the handler, which answers at once with the call's true outcome:
 * nothing a call did is lost, and nothing it did not do is done later.
 * That last wait is for the handler only (no task), and killable: a
 * killed process lets go of the slot, which the µITRON side frees when
 * it does too (false: the slot is no longer ours).
 */
static bool wait_result(struct brg_slot *s, s32 tmout)
{
	unsigned long timeout = MAX_SCHEDULE_TIMEOUT;
	unsigned int why;
	long left;

	if (tmout >= 0)
		timeout = msecs_to_jiffies(max_t(u32, tmout,
						 UNITRON_BRG_POLL_MS)) + 1;
	left = wait_for_completion_interruptible_timeout(&s->done, timeout);
	if (left > 0)
		return true;
	why = left == 0 ? BRG_CANCEL_TMOUT : BRG_CANCEL_SIGNAL;
	if (withdraw(s)) {
		s->call.ercd = why == BRG_CANCEL_TMOUT ? E_TMOUT : E_RLWAI;
		return true;
	}
	cancel(s, why);
	if (!wait_for_completion_killable(&s->done))
		return true;
	put_slot(s);
	return false;
}

/* The result into c, and a received message to the process. */
static int take_result(const BRG_CALL *call, struct unitron_brg_call *c)
{
	void __user *buf = u64_to_user_ptr(c->buf);

	c->ercd = call->ercd;
	if (c->ercd != E_OK)
		return 0;
	if (c->op == UNITRON_BRG_RCV_DTQ)
		c->data = call->data;
	if (c->op != UNITRON_BRG_RCV_MBX)
		return 0;
	c->len = call->len;
	if (copy_to_user(buf, call->msg, min_t(u32, call->len, c->size)))
		return -EFAULT;
	return 0;
}

/* The message to send, or the room for one to receive: -EFAULT if bad. */
static int user_buffer(BRG_CALL *call, const struct unitron_brg_call *c)
{
	void __user *buf = u64_to_user_ptr(c->buf);

	if (c->op == UNITRON_BRG_SND_MBX)
		return copy_from_user(call->msg, buf, call->len) ? -EFAULT : 0;
	/* Fail before a message is taken from the mailbox, not after. */
	if (c->op == UNITRON_BRG_RCV_MBX &&
	    fault_in_safe_writeable(buf, min_t(u32, c->size, BRG_MSGSZ)))
		return -EFAULT;
	return 0;
}

/* Slot s's checked call, made: 0 with c->ercd, or an errno. */
static int run(struct brg_slot *s, struct unitron_brg_call *c)
{
	c->ercd = publish(s);
	if (c->ercd != E_OK)
		return 0;
	unitron_raise_swi(INHNO_BRIDGE);
	if (!wait_result(s, c->tmout))
		return -EINTR;
	return take_result(&s->call, c);
}

static int call_in(struct brg_slot *s, struct unitron_brg_call *c)
{
	int err = 0;

	fill(&s->call, c);
	c->ercd = brg_check(&s->call);
	if (c->ercd == E_OK)
		err = user_buffer(&s->call, c);
	if (c->ercd == E_OK && !err)
		err = run(s, c);
	/* -EINTR: killed, and the slot was let go of already. */
	if (err != -EINTR)
		put_slot(s);
	return err;
}

static int lookup(struct unitron_brg_call *c)
{
	char name[BRG_NAME_MAX];
	INT obj;
	UINT kind;

	if (c->len > BRG_NAME_MAX) {
		c->ercd = E_NOEXS;
		return 0;
	}
	if (copy_from_user(name, u64_to_user_ptr(c->buf), c->len))
		return -EFAULT;
	c->ercd = brg_lookup(name, c->len, &obj, &kind);
	if (c->ercd == E_OK) {
		c->obj = obj;
		c->data = kind;
	}
	return 0;
}

/* NAME: object c->obj's name into the process's buffer. */
static int name_of(struct unitron_brg_call *c)
{
	const char *name;
	UINT kind;

	c->ercd = brg_name(c->obj, &name, &kind);
	if (c->ercd != E_OK)
		return 0;
	c->len = strlen(name);
	c->data = kind;
	if (copy_to_user(u64_to_user_ptr(c->buf), name, min(c->len, c->size)))
		return -EFAULT;
	return 0;
}

/* One call: 0 with c->ercd, or an errno. */
static int make_call(struct unitron_brg_call *c)
{
	struct brg_slot *s;

	if (c->op == UNITRON_BRG_LOOKUP)
		return lookup(c);
	if (c->op == UNITRON_BRG_NAME)
		return name_of(c);
	s = get_slot();
	if (!s) {
		c->ercd = E_NOMEM;
		return 0;
	}
	return call_in(s, c);
}

static long brg_call(struct unitron_brg_call __user *uc)
{
	struct unitron_brg_call c;
	int err;

	if (copy_from_user(&c, uc, sizeof(c)))
		return -EFAULT;
	err = make_call(&c);
	if (err)
		return err;
	return copy_to_user(uc, &c, sizeof(c)) ? -EFAULT : 0;
}

/* ---- Linux I/O: the request area and its proxy server ---------------- */

#define VIO_AREA_SIZE	PAGE_ALIGN(struct_size(vio_area, slot, VIO_NSLOT))

static struct unitron_vio_area *vio_area;	/* for the module's life */
static struct vio_server vio;

struct unitron_vio_area *brg_port_vio_area(void)
{
	return vio_area;
}

BOOL brg_port_vio_attached(void)
{
	return READ_ONCE(vio.file) != NULL;
}

/*
 * A task, on the µITRON CPU, wrote a request in the slot: REQUESTED, and
 * its proxy woken.
 * With no server, the call ends at once, and the task learns it as from
 * a proxy: ras_int().  Neither sleeps: the server's lock and the wait
 * queue's are raw.  The CPU is unlocked (vio.c makes no call
 * otherwise): swake_up_all() ends with interrupts on.
 */
void brg_port_vio_post(UINT slot)
{
	unsigned long flags;
	bool attached, failed = false;

	if (slot >= VIO_NSLOT)
		return;
	/* Release: the request, written before, is the proxy's to read. */
	smp_store_release(&vio_area->slot[slot].state, UNITRON_VIO_REQUESTED);
	raw_spin_lock_irqsave(&vio.lock, flags);
	attached = vio.file != NULL;
	if (!attached)
		failed = vio_fail(&vio_area->slot[slot]);
	raw_spin_unlock_irqrestore(&vio.lock, flags);
	if (attached)
		swake_up_all(&vio.waiters[slot]);
	else if (failed)
		(void)ras_int(INHNO_BRIDGE);
}

/* A proxy's DONE, or calls failed: the bridge's handler wakes the
 * tasks (-EINVAL if the system does not run: nobody waits then). */
static void vio_tell(void)
{
	unitron_raise_swi(INHNO_BRIDGE);
}

/* The server maps the area. */
static int brg_mmap(struct file *file, struct vm_area_struct *vma)
{
	int err = vio_server_may_map(&vio, file, vma, VIO_AREA_SIZE);

	return err ? err : remap_vmalloc_range(vma, vio_area, 0);
}

static int brg_release(struct inode *inode, struct file *file)
{
	vio_server_release(&vio, file);
	return 0;
}

static int vio_init(void)
{
	vio_area = vmalloc_user(VIO_AREA_SIZE);
	if (!vio_area)
		return -ENOMEM;
	vio_area->nslot = VIO_NSLOT;
	vio_area->slot_size = sizeof(struct unitron_vio_slot);
	vio_area->itron_cpu = unitron_cpu;	/* no proxy polls there */
	vio_area->bound_cpu = unitron_cpu;	/* nor runs */
	vio_server_init(&vio, vio_area, VIO_NSLOT, NULL, vio_tell);
	return 0;
}

static long brg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case UNITRON_IOC_BRG_CALL:
		return brg_call((void __user *)arg);
	default:
		return vio_server_ioctl(&vio, file, cmd, arg);
	}
}

/* ---- the device ------------------------------------------------------ */

/* .owner: an open device keeps the module (rmmod fails meanwhile). */
static const struct file_operations brg_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= brg_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.mmap		= brg_mmap,
	.release	= brg_release,
	.llseek		= noop_llseek,
};

static struct miscdevice brg_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.fops	= &brg_fops,
};

static bool valid_name(const char *name)
{
	return name && name[0] != '\0' && name[0] != '.' &&
	       !strchr(name, '/') && strlen(name) < 64;
}

/* At module load, in process context, after the control device (port.c). */
int unitron_bridge_init(void)
{
	unsigned int i;
	int err;

	if (!valid_name(bridge_name) || (bridge_mode & ~0777)) {
		pr_err("bridge_name=%s bridge_mode=%#o: a device name and a mode of at most 0777\n",
		       bridge_name ? bridge_name : "", bridge_mode);
		return -EINVAL;
	}
	for (i = 0; i < BRG_NCALL; i++)
		init_completion(&slots[i].done);
	if (unitron_misc_name_taken(bridge_name)) {
		pr_err("/dev/%s is taken (another system's?): load with bridge_name=another name\n",
		       bridge_name);
		return -EEXIST;
	}
	err = vio_init();
	if (err)
		return err;
	brg_dev.name = bridge_name;
	brg_dev.mode = bridge_mode;
	err = misc_register(&brg_dev);
	if (err) {
		pr_err("cannot register /dev/%s: error %d\n", bridge_name, err);
		vfree(vio_area);
		vio_area = NULL;
		return err;
	}
	brg_registered = true;
	pr_info("bridge: /dev/%s\n", bridge_name);
	return 0;
}

/*
 * At module unload, once the system has stopped (its tasks use the
 * area until then; calls of killed processes ended then).  No file is
 * open: each holds the module, so no server is attached and no mapping
 * of the area is left.
 */
void unitron_bridge_exit(void)
{
	if (brg_registered)
		misc_deregister(&brg_dev);
	brg_registered = false;
	vfree(vio_area);
	vio_area = NULL;
}

static_assert(BRG_NCALL <= RING_SIZE && BRG_NCALL <= BITS_PER_LONG,
	      "the ring and slot_busy hold every call");

#endif /* BRG_REQ_DTQ */
