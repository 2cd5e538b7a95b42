// SPDX-License-Identifier: GPL-2.0
/*
 * The bridge of a µITRON image on its own core, on Linux's side: the
 * device /dev/unitron0 (bridge_name=), the same ioctls as the linux
 * port's (unitron_brg_abi.h, unitron_vio_abi.h), so that libunitron,
 * unitronctl and unitron-proxyd work unchanged.
 *
 * The image's memory holds the calls and the request area of Linux I/O
 * (struct own_brg_area, owncore_abi.h; bridge/bare/transport.c is the
 * other side).  A call is written into a free call of the image's, its
 * index put on the ring, and the image's CPU interrupted
 * (OWN_BRG_VECTOR); the image answers by a bit in calls_done and the
 * doorbell, POSTED_INTR_WAKEUP_VECTOR on CPU 0, whose handler completes
 * the callers.  Deadlines, signals and withdrawal work as on the linux
 * port (bridge/linux/transport.c): the owner word is compare-and-swapped
 * by both sides.
 *
 * The image's tables stay its own: it answers LOOKUP, and refuses a bad
 * call itself.  When the image stops (ext_ker(), the loader's stop, a
 * CPU exception, a hang) every call still in flight ends: with the
 * result the image gave it, else E_DLT; later calls get E_OBJ.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/swait.h>
#include <linux/uaccess.h>
#include <asm/irq.h>
#include <asm/smp.h>

#include "unitron_brg_abi.h"
#include "unitron_vio_abi.h"
#include "vio_server.h"
#include "owncore.h"
#include "owncore_abi.h"

/* bridge/kernel/bridge_port.h's values, which the image uses. */
#define BRG_QUEUED	0U
#define BRG_WITHDRAWN	2U
#define BRG_CANCEL_SIGNAL 1U
#define BRG_CANCEL_TMOUT  2U
/* µITRON error codes (itron.h) the loader gives itself. */
#define E_OK		0
#define E_NOMEM		(-33)
#define E_OBJ		(-41)
#define E_DLT		(-51)
#define E_TMOUT		(-50)
#define E_RLWAI		(-49)
#define E_NOEXS		(-42)
/* A LOOKUP or NAME is answered by the image's handler at once: its
 * deadline. */
#define LOOKUP_MS	1000

static char *bridge_name = "unitron0";
module_param(bridge_name, charp, 0444);
MODULE_PARM_DESC(bridge_name,
		 "the bridge device of an image with one, /dev/NAME (default unitron0)");

/*
 * Seed 001's continuation on a core of its own: the idle image polls
 * for a young Linux I/O call's end instead of waiting for the proxy's
 * interrupt.  Off by default: under QEMU TCG on a 2-CPU host the polling
 * vCPU takes host CPU from the proxy's, and calls took 3-5 times as long
 * (README); on hardware with the core to itself it is the paper's case.
 */
static uint idle_poll_us;
module_param(idle_poll_us, uint, 0444);
MODULE_PARM_DESC(idle_poll_us,
		 "how long the idle image polls for a Linux I/O call's end before it halts, in µs (default 0: never, the proxy's interrupt only; at most 100000)");

static ushort bridge_mode = 0600;
module_param(bridge_mode, ushort, 0444);
MODULE_PARM_DESC(bridge_mode,
		 "the bridge device's mode (default 0600: root only; 0666: every user)");

/* A call of the image's, from Linux's side. */
struct brg_slot {
	struct own_brg_call	*call;		/* in the image */
	u8			*msg;		/* its message bytes */
	struct completion	done;
	bool			inflight;	/* published, no result yet */
};

static struct own_brg_area *area;	/* in the image; NULL: no bridge */
static struct brg_slot slots[OWN_BRG_NCALL_MAX];
static unsigned int ncall, msgsz;
static u32 image_apicid;
/*
 * inflight, the ring's head and gone change under brg_lock, taken with
 * interrupts off (the doorbell's handler takes it).  A call is free when
 * no process has it (caller_busy) and the image does not (calls_held).
 */
static DEFINE_RAW_SPINLOCK(brg_lock);
static unsigned long caller_busy;
static u32 ring_head;
static bool gone;			/* the image stopped */
static bool registered, doorbell_set;

/* The image's words that both sides change with atomic operations. */
static atomic_t *shared(u32 *word)
{
	return (atomic_t *)word;
}

static void ring_image(void)
{
	own_send_ipi(image_apicid, OWN_BRG_VECTOR);
}

/* ---- ending calls ----------------------------------------------------- */

/* Under brg_lock: the call's result is final. */
static void finish(struct brg_slot *s)
{
	if (!s->inflight)
		return;
	s->inflight = false;
	complete(&s->done);
}

/* Under brg_lock: the calls the image ended since the last look. */
static void take_done(void)
{
	unsigned long done = atomic_xchg(shared(&area->calls_done), 0);
	unsigned int i;

	for_each_set_bit(i, &done, ncall)
		finish(&slots[i]);
}

/* Under brg_lock: the image is gone: nothing else ends a call now. */
static void end_all(void)
{
	unsigned int i;

	take_done();
	gone = true;
	for (i = 0; i < ncall; i++) {
		if (slots[i].inflight)
			WRITE_ONCE(slots[i].call->ercd, E_DLT);
		finish(&slots[i]);
	}
}

/* Linux I/O: its request area is in the image. */
static struct vio_server vio;

/*
 * The doorbell: the image ended calls, posted requests, or stopped.
 * Hard interrupt context, on PREEMPT_RT too: complete() and
 * swake_up_one() only, under raw locks.
 */
static void doorbell(void)
{
	unsigned long posted;
	unsigned int s;

	raw_spin_lock(&brg_lock);
	if (READ_ONCE(area->up) == OWN_BRG_GONE)
		end_all();
	else
		take_done();
	raw_spin_unlock(&brg_lock);
	posted = atomic_xchg(shared(&area->vio_posted), 0);
	for_each_set_bit(s, &posted, vio.nslot)
		swake_up_one(&vio.waiters[s]);
}

/* The image stopped, or the loader parked it: end what is in flight. */
void own_bridge_stopped(void)
{
	unsigned long flags;

	if (!area)
		return;
	raw_spin_lock_irqsave(&brg_lock, flags);
	end_all();
	raw_spin_unlock_irqrestore(&brg_lock, flags);
}

/* ---- a call ------------------------------------------------------------ */

static struct brg_slot *get_slot(void)
{
	u32 held = READ_ONCE(area->calls_held);
	unsigned int i;

	for (i = 0; i < ncall; i++) {
		if ((held & BIT(i)) || test_and_set_bit_lock(i, &caller_busy))
			continue;
		/*
		 * Only the call's caller sets its held bit: now that this
		 * process is it, the bit can only be cleared.
		 */
		if (!(READ_ONCE(area->calls_held) & BIT(i)))
			return &slots[i];
		clear_bit_unlock(i, &caller_busy);
	}
	return NULL;
}

static void put_slot(struct brg_slot *s)
{
	clear_bit_unlock(s - slots, &caller_busy);
}

/* The process's call into the image's: E_OK, or -EFAULT. */
static int fill(struct brg_slot *s, const struct unitron_brg_call *c)
{
	struct own_brg_call *call = s->call;
	void __user *buf = u64_to_user_ptr(c->buf);

	call->op = c->op;
	call->obj = c->obj;
	call->tmout = c->tmout;
	call->data = c->data;
	call->len = c->len;
	call->size = c->size;
	call->ercd = E_DLT;	/* until the image stores the result */
	call->owner = BRG_QUEUED;
	call->cancel = 0;
	/* A longer message is the image's E_PAR: nothing to copy. */
	if (c->op == UNITRON_BRG_SND_MBX && c->len <= msgsz)
		return copy_from_user(s->msg, buf, c->len) ? -EFAULT : 0;
	/* Fail before a message is taken from the mailbox, not after. */
	if (c->op == UNITRON_BRG_RCV_MBX &&
	    fault_in_safe_writeable(buf, min(c->size, msgsz)))
		return -EFAULT;
	return 0;
}

/* Hand the call to the image: E_OK, or E_OBJ if it does not run. */
static int publish(struct brg_slot *s)
{
	unsigned int i = s - slots;
	unsigned long flags;
	int ercd = E_OK;

	reinit_completion(&s->done);
	raw_spin_lock_irqsave(&brg_lock, flags);
	if (gone || smp_load_acquire(&area->up) != OWN_BRG_UP) {
		ercd = E_OBJ;
	} else {
		s->inflight = true;
		atomic_or(BIT(i), shared(&area->calls_held));
		WRITE_ONCE(area->ring[ring_head % OWN_BRG_RING], i);
		ring_head++;
		/* Release: the call was written before the head. */
		smp_store_release(&area->ring_head, ring_head);
	}
	raw_spin_unlock_irqrestore(&brg_lock, flags);
	if (ercd == E_OK)
		ring_image();
	return ercd;
}

/* Take back a call no worker has taken: it never has an effect. */
static bool withdraw(struct brg_slot *s)
{
	unsigned long flags;
	bool withdrawn;

	raw_spin_lock_irqsave(&brg_lock, flags);
	withdrawn = cmpxchg(&s->call->owner, BRG_QUEUED, BRG_WITHDRAWN) ==
		    BRG_QUEUED;
	if (withdrawn)
		s->inflight = false;
	raw_spin_unlock_irqrestore(&brg_lock, flags);
	return withdrawn;
}

/* A taken call: the image's handler ends it, whatever its tasks do. */
static void cancel(struct brg_slot *s, unsigned int why)
{
	WRITE_ONCE(s->call->cancel, why);
	/* The cancel before the flag the handler looks at. */
	smp_wmb();
	WRITE_ONCE(area->cancelled, 1);
	ring_image();
}

/*
 * Wait for the result until the deadline (the timeout, at least
 * UNITRON_BRG_POLL_MS) or a signal, then withdraw the call or have the
 * image end it, as the linux port does.  False: killed meanwhile (the
 * slot is let go of; the image frees the call when it does too).
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
		s->call->ercd = why == BRG_CANCEL_TMOUT ? E_TMOUT : E_RLWAI;
		return true;
	}
	cancel(s, why);
	if (!wait_for_completion_killable(&s->done))
		return true;
	put_slot(s);
	return false;
}

/* The result into c, and a received message to the process. */
static int take_result(const struct brg_slot *s, struct unitron_brg_call *c)
{
	const struct own_brg_call *call = s->call;

	c->ercd = READ_ONCE(call->ercd);
	if (c->ercd != E_OK)
		return 0;
	switch (c->op) {
	case UNITRON_BRG_LOOKUP:
		c->obj = call->obj;
		c->data = call->data;
		return 0;
	case UNITRON_BRG_NAME:
		c->data = call->data;
		c->len = call->len;
		if (copy_to_user(u64_to_user_ptr(c->buf), area->name[s - slots],
				 min3(call->len, c->size,
				      (u32)OWN_BRG_NAME_MAX)))
			return -EFAULT;
		return 0;
	case UNITRON_BRG_RCV_DTQ:
		c->data = call->data;
		return 0;
	case UNITRON_BRG_RCV_MBX:
		c->len = call->len;
		if (copy_to_user(u64_to_user_ptr(c->buf), s->msg,
				 min3(call->len, c->size, msgsz)))
			return -EFAULT;
		return 0;
	default:
		return 0;
	}
}

/* LOOKUP's name into the call's name buffer: E_OK, E_NOEXS or -EFAULT. */
static int lookup_name(struct brg_slot *s, struct unitron_brg_call *c)
{
	char *name = area->name[s - slots];

	if (c->len > OWN_BRG_NAME_MAX) {
		c->ercd = E_NOEXS;
		return 0;
	}
	if (copy_from_user(name, u64_to_user_ptr(c->buf), c->len))
		return -EFAULT;
	return 0;
}

/* The image's handler answers these itself, as soon as it fetches them. */
static bool answered_at_once(u32 op)
{
	return op == UNITRON_BRG_LOOKUP || op == UNITRON_BRG_NAME;
}

static int call_in(struct brg_slot *s, struct unitron_brg_call *c)
{
	int err = 0;

	c->ercd = E_OK;
	if (c->op == UNITRON_BRG_LOOKUP)
		err = lookup_name(s, c);
	if (!err && c->ercd == E_OK)
		err = fill(s, c);
	if (!err && c->ercd == E_OK)
		c->ercd = publish(s);
	if (!err && c->ercd == E_OK) {
		if (!wait_result(s, answered_at_once(c->op) ? LOOKUP_MS :
							      c->tmout))
			return -EINTR;	/* killed: the slot is let go of */
		err = take_result(s, c);
	}
	put_slot(s);
	return err;
}

static long brg_call(struct unitron_brg_call __user *uc)
{
	struct unitron_brg_call c;
	struct brg_slot *s;
	int err;

	if (copy_from_user(&c, uc, sizeof(c)))
		return -EFAULT;
	s = get_slot();
	if (!s) {
		c.ercd = E_NOMEM;
	} else {
		err = call_in(s, &c);
		if (err)
			return err;
	}
	return copy_to_user(uc, &c, sizeof(c)) ? -EFAULT : 0;
}

/* ---- the device ------------------------------------------------------- */

/* The server maps the request area, the image's pages. */
static int brg_mmap(struct file *file, struct vm_area_struct *vma)
{
	int err = vio_server_may_map(&vio, file, vma, area->vio_size);

	if (err)
		return err;
	return remap_pfn_range(vma, vma->vm_start,
			       own_image_phys(area->vio) >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int brg_release(struct inode *inode, struct file *file)
{
	vio_server_release(&vio, file);
	return 0;
}

static long brg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (cmd == UNITRON_IOC_BRG_CALL)
		return brg_call((void __user *)arg);
	return vio_server_ioctl(&vio, file, cmd, arg);
}

/* ---- set-up ------------------------------------------------------------ */

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

/* The image's promises about its area, checked before it runs. */
static const char *check_area(struct own_brg_area *a)
{
	if (a->magic != OWN_BRG_MAGIC)
		return "no bridge magic";
	if (a->ncall < 1 || a->ncall > OWN_BRG_NCALL_MAX)
		return "number of calls out of range";
	if (a->msgsz < 1 || a->msgsz > UNITRON_BRG_MSG_MAX ||
	    a->msg_offset < sizeof(struct own_brg_call) ||
	    a->msg_offset + a->msgsz > a->call_size)
		return "call layout out of range";
	if (!own_image_ptr(a->calls, (size_t)a->call_size * a->ncall))
		return "calls outside the image";
	if (a->vio_nslot < 1 || a->vio_nslot > UNITRON_VIO_NSLOT_MAX ||
	    a->vio_size < struct_size(vio.area, slot, a->vio_nslot) ||
	    !PAGE_ALIGNED(a->vio) || !PAGE_ALIGNED(a->vio_size) ||
	    !own_image_ptr(a->vio, a->vio_size))
		return "request area out of range";
	return NULL;
}

static void set_up_calls(unsigned int cpu)
{
	u8 *base = own_image_ptr(area->calls, area->call_size * area->ncall);
	struct unitron_vio_area *req;
	unsigned int i;

	ncall = area->ncall;
	msgsz = area->msgsz;
	for (i = 0; i < ncall; i++) {
		slots[i].call = (void *)(base + i * area->call_size);
		slots[i].msg = base + i * area->call_size + area->msg_offset;
		init_completion(&slots[i].done);
	}
	req = own_image_ptr(area->vio, area->vio_size);
	req->nslot = area->vio_nslot;
	req->slot_size = sizeof(struct unitron_vio_slot);
	req->itron_cpu = cpu;	/* offline for Linux: no proxy runs there */
	req->bound_cpu = -1;
	vio_server_init(&vio, req, area->vio_nslot, &area->vio_attached,
			ring_image);
	area->linux_apicid = cpu_physical_id(0);
	area->look_us = min(idle_poll_us, 100000U);
}

/*
 * POSTED_INTR_WAKEUP_VECTOR's handler is kvm_intel's when it is loaded:
 * the loader refuses to load beside it, and kvm_intel's load fails
 * while the loader holds the vector (module notifier).
 */
static bool kvm_intel_loaded(void)
{
	return own_lookup_name("pi_wakeup_handler") != 0;
}

static int module_coming(struct notifier_block *nb, unsigned long state,
			 void *data)
{
	struct module *mod = data;

	if (state != MODULE_STATE_COMING || strcmp(mod->name, "kvm_intel"))
		return NOTIFY_DONE;
	pr_err("kvm_intel refused: unitron_core uses its wake-up vector\n");
	return notifier_from_errno(-EBUSY);
}

static struct notifier_block module_nb = { .notifier_call = module_coming };

static bool valid_name(const char *name)
{
	return name && name[0] != '\0' && name[0] != '.' &&
	       !strchr(name, '/') && strlen(name) < 64;
}

/*
 * Is NAME another misc device's (another system's bridge)?  Asked
 * before misc_register(), whose failure on a duplicate dumps a stack
 * trace.
 */
static bool misc_name_taken(const char *name)
{
	char *sys = kasprintf(GFP_KERNEL, "/sys/class/misc/%s", name);
	struct path path;
	bool taken;

	if (!sys)
		return false;
	taken = !kern_path(sys, 0, &path);
	if (taken)
		path_put(&path);
	kfree(sys);
	return taken;
}

/* Can the image at @a have its bridge here?  0, or the refusal. */
static int check_bridge(struct own_brg_area *a)
{
	const char *why = a ? check_area(a) : "its area is outside the image";

	if (why) {
		pr_err("image refused: bridge: %s\n", why);
		return -EINVAL;
	}
	if (!valid_name(bridge_name) || (bridge_mode & ~0777)) {
		pr_err("bridge_name=%s bridge_mode=%#o: a device name and a mode of at most 0777\n",
		       bridge_name ? bridge_name : "", bridge_mode);
		return -EINVAL;
	}
	if (misc_name_taken(bridge_name)) {
		pr_err("/dev/%s is taken (another system's?): load with bridge_name=another name\n",
		       bridge_name);
		return -EEXIST;
	}
	if (kvm_intel_loaded()) {
		pr_err("image with a bridge refused: kvm_intel owns the wake-up vector the bridge needs (rmmod kvm_intel)\n");
		return -EBUSY;
	}
	return 0;
}

/*
 * At load, before the image runs: the image's area at @area_addr (0: it
 * has no bridge); the image runs on CPU @cpu, APIC ID @apicid.
 */
int own_bridge_init(u64 area_addr, unsigned int cpu, u32 apicid)
{
	struct own_brg_area *a;
	int err;

	if (!area_addr)
		return 0;
	a = own_image_ptr(area_addr, sizeof(*a));
	err = check_bridge(a);
	if (err)
		return err;
	area = a;
	image_apicid = apicid;
	gone = false;
	ring_head = 0;
	set_up_calls(cpu);
	err = register_module_notifier(&module_nb);
	if (err)
		goto fail;
	kvm_set_posted_intr_wakeup_handler(doorbell);
	doorbell_set = true;
	brg_dev.name = bridge_name;
	brg_dev.mode = bridge_mode;
	err = misc_register(&brg_dev);
	if (err) {
		pr_err("cannot register /dev/%s: error %d\n", bridge_name, err);
		goto fail;
	}
	registered = true;
	pr_info("bridge: /dev/%s\n", bridge_name);
	return 0;
fail:
	own_bridge_exit();
	return err;
}

/*
 * At unload, with the image parked: no file is open (each holds the
 * module), so no call waits and the request area is mapped nowhere.
 */
void own_bridge_exit(void)
{
	if (registered)
		misc_deregister(&brg_dev);
	registered = false;
	if (doorbell_set) {
		/* Waits until no doorbell runs (synchronize_rcu()). */
		kvm_set_posted_intr_wakeup_handler(NULL);
		unregister_module_notifier(&module_nb);
	}
	doorbell_set = false;
	area = NULL;
}
