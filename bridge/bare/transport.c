/*
 * Unitron bridge - the own-core port's transport, on the image's side:
 * Linux processes' calls come from the loader (port/bare/loader/
 * bridge.c, the device /dev/unitron0 there) through shared memory, the
 * image's own (struct own_brg_area, owncore_abi.h), and interrupts both
 * ways: the loader's IPI on INHNO_BRIDGE, and the doorbell this side
 * rings on Linux's CPU.
 *
 * The calls are this side's BRG_CALLs, which Linux reads and writes
 * through their first fields (struct own_brg_call) and their message
 * bytes, where the area says they are.  Linux has no access to the
 * system's tables: a LOOKUP and a call that brg_check() refuses are
 * answered here, in the handler, as soon as they are fetched.
 *
 * Compiled with every application on this port; only
 * bare_bridge_stopped() unless it includes bridge/bridge.cfg.
 */
#include "kernel_impl.h"
#include "kernel_id.h"
#include "bare.h"

#ifndef BRG_REQ_DTQ

void bare_bridge_stopped(void)
{
}

BOOL bare_idle_poll(BOOL end)
{
	(void)end;
	return FALSE;
}

#else /* BRG_REQ_DTQ */
#include "bridge_port.h"

#define PAGE_SIZE	4096U
#define VIO_SIZE	((sizeof(struct unitron_vio_area) + \
			  VIO_NSLOT * sizeof(struct unitron_vio_slot) + \
			  PAGE_SIZE - 1U) / PAGE_SIZE * PAGE_SIZE)

#define MEMBER_AT(m)	(__builtin_offsetof(BRG_CALL, m) == \
			 __builtin_offsetof(struct own_brg_call, m))
_Static_assert(MEMBER_AT(op) && MEMBER_AT(obj) && MEMBER_AT(tmout) &&
	       MEMBER_AT(data) && MEMBER_AT(len) && MEMBER_AT(size) &&
	       MEMBER_AT(ercd) && MEMBER_AT(owner) && MEMBER_AT(cancel),
	       "BRG_CALL begins with struct own_brg_call");
_Static_assert(BRG_NCALL <= OWN_BRG_NCALL_MAX && BRG_NCALL <= OWN_BRG_RING,
	       "a bit and a ring entry per call");
_Static_assert(INHNO_BRIDGE == OWN_BRG_VECTOR, "the loader's vector");

static BRG_CALL	calls[BRG_NCALL];
static union {
	struct unitron_vio_area	area;
	UB	bytes[VIO_SIZE];
} vio __attribute__((aligned(PAGE_SIZE)));
static UINT	ring_tail;	/* the handler's */
/* TSC when a slot's call was posted, while the idle system may look at
 * it (own_bridge.look_us), 0: it does not. */
static unsigned long	looked_tsc[VIO_NSLOT];

/* The loader finds it through the image header (image.ld). */
struct own_brg_area own_bridge = {
	.magic		= OWN_BRG_MAGIC,
	.ncall		= BRG_NCALL,
	.call_size	= sizeof(BRG_CALL),
	.msg_offset	= __builtin_offsetof(BRG_CALL, msg),
	.msgsz		= BRG_MSGSZ,
	.vio_size	= VIO_SIZE,
	.vio_nslot	= VIO_NSLOT,
	.calls		= (u64)calls,
	.vio		= (u64)&vio,
};

static UINT index_of(const BRG_CALL *call)
{
	return (UINT)(call - calls);
}

/* Tell Linux: something it waits for was written before. */
static void ring_linux(void)
{
	bare_apic_send(own_bridge.linux_apicid, OWN_DOORBELL_VECTOR);
}

/* ---- for bridge.c (bridge_port.h) ----------------------------------- */

/* The port acknowledged the interrupt already. */
void brg_port_ack(void)
{
}

void brg_port_done(BRG_CALL *call)
{
	__atomic_fetch_or(&own_bridge.calls_done, 1U << index_of(call),
			  __ATOMIC_SEQ_CST);
	ring_linux();
}

void brg_port_release(BRG_CALL *call)
{
	__atomic_fetch_and(&own_bridge.calls_held, ~(1U << index_of(call)),
			   __ATOMIC_SEQ_CST);
}

/* NAME: object call->obj's name into the call's name buffer. */
static ER name_of(BRG_CALL *call)
{
	char *buf = own_bridge.name[index_of(call)];
	const char *name;
	UINT kind, len;
	ER ercd = brg_name(call->obj, &name, &kind);

	if (ercd != E_OK)
		return ercd;
	for (len = 0U; name[len] != '\0'; len++)
		if (len < OWN_BRG_NAME_MAX)
			buf[len] = name[len];
	call->len = len;
	call->data = (VP_INT)kind;
	return E_OK;
}

/*
 * What the handler answers itself: a LOOKUP, a NAME, a call brg_check()
 * refuses.
 */
static BOOL answered_here(BRG_CALL *call)
{
	const char *name = own_bridge.name[index_of(call)];
	INT obj;
	UINT kind;

	if (call->op == UNITRON_BRG_NAME) {
		call->ercd = name_of(call);
	} else if (call->op == UNITRON_BRG_LOOKUP) {
		call->ercd = call->len > OWN_BRG_NAME_MAX ? E_NOEXS :
			     brg_lookup(name, call->len, &obj, &kind);
		if (call->ercd == E_OK) {
			call->obj = obj;
			call->data = (VP_INT)kind;
		}
	} else {
		call->ercd = brg_check(call);
		if (call->ercd == E_OK)
			return FALSE;
	}
	brg_port_done(call);
	brg_port_release(call);
	return TRUE;
}

/* The handler, interrupts off: the next call Linux published, or NULL. */
BRG_CALL *brg_port_fetch(void)
{
	BRG_CALL *call;
	UINT i;

	while (ring_tail != __atomic_load_n(&own_bridge.ring_head,
					    __ATOMIC_ACQUIRE)) {
		i = own_bridge.ring[ring_tail % OWN_BRG_RING];
		ring_tail++;
		if (i >= BRG_NCALL)
			continue;	/* not one of ours: Linux's bug */
		call = &calls[i];
		if (!answered_here(call))
			return call;
	}
	return NULL;
}

BOOL brg_port_cancelled(void)
{
	return __atomic_exchange_n(&own_bridge.cancelled, 0U,
				   __ATOMIC_SEQ_CST) != 0U;
}

BRG_CALL *brg_port_call(UINT i)
{
	return i < BRG_NCALL ? &calls[i] : NULL;
}

/* A worker; Linux may be withdrawing the call meanwhile. */
BOOL brg_port_claim(BRG_CALL *call)
{
	UINT queued = BRG_QUEUED;

	return __atomic_compare_exchange_n(&call->owner, &queued, BRG_TAKEN,
					   FALSE, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

/*
 * ATT_INI: Linux's calls may come now.  The loader filled the request
 * area's header before the image started.
 */
void brg_port_initialize(void)
{
	__atomic_store_n(&own_bridge.up, OWN_BRG_UP, __ATOMIC_RELEASE);
}

/*
 * The system stops (ext_ker(), or the loader's stop request): no other
 * µITRON code runs again.  Each call this side holds ends with its
 * service call's result if that had ended, else E_DLT, as on the other
 * ports; Linux ends the rest.
 */
void bare_bridge_stopped(void)
{
	UINT held = own_bridge.calls_held;
	UINT i;

	__atomic_store_n(&own_bridge.up, OWN_BRG_GONE, __ATOMIC_SEQ_CST);
	for (i = 0; i < BRG_NCALL; i++) {
		if ((held & (1U << i)) == 0U)
			continue;
		calls[i].ercd = brg_stopped_result(&calls[i]);
		__atomic_fetch_or(&own_bridge.calls_done, 1U << i,
				  __ATOMIC_SEQ_CST);
	}
	ring_linux();
}

/* ---- Linux I/O --------------------------------------------------------- */

struct unitron_vio_area *brg_port_vio_area(void)
{
	return &vio.area;
}

BOOL brg_port_vio_attached(void)
{
	return __atomic_load_n(&own_bridge.vio_attached, __ATOMIC_ACQUIRE);
}

/* With no proxy server: the call ends at once with EIO (once). */
static BOOL vio_fail(struct unitron_vio_slot *slot, UINT state)
{
	slot->result = -1;
	slot->err = 5;	/* EIO */
	return __atomic_compare_exchange_n(&slot->state, &state,
					   UNITRON_VIO_DONE, FALSE,
					   __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/*
 * A task wrote a request in the slot: REQUESTED, and Linux told.  The
 * state is stored before the attachment is read, and the loader clears
 * the attachment before it fails the slots it finds requested: a
 * request no server will see is failed by one side or the other.
 *
 * Its proxy runs on another CPU, always: so once the system is idle it
 * looks at the slot for a while (bare_idle_poll()), and a proxy that
 * finds it looking tells nothing (seed 001's continuation: no
 * interrupt on the way back).
 */
void brg_port_vio_post(UINT slot)
{
	struct unitron_vio_slot *sl;

	if (slot >= VIO_NSLOT)
		return;
	sl = &vio.area.slot[slot];
	__atomic_store_n(&sl->itron_looks, 0U, __ATOMIC_RELAXED);
	looked_tsc[slot] = own_bridge.look_us != 0U ? bare_rdtsc() : 0U;
	__atomic_store_n(&sl->state, UNITRON_VIO_REQUESTED, __ATOMIC_SEQ_CST);
	if (!brg_port_vio_attached()) {
		if (vio_fail(sl, UNITRON_VIO_REQUESTED))
			(void)ras_int(INHNO_BRIDGE);
		return;
	}
	__atomic_fetch_or(&own_bridge.vio_posted, 1U << slot,
			  __ATOMIC_SEQ_CST);
	ring_linux();
}

/*
 * The idle loop's look at the slots of young calls (posted less than
 * look_us ago): INHNO_BRIDGE is raised for those now DONE.  A slot is
 * looked at (itron_looks: its call's seq) only while the system is
 * idle, so that a proxy that finds it looked at, and tells nothing, is
 * always seen: when the call is old, or with end (a task is to run),
 * itron_looks is cleared before the last look, and a proxy that finds
 * it cleared tells the loader.  TRUE while a slot is still looked at.
 */
BOOL bare_idle_poll(BOOL end)
{
	unsigned long now = bare_rdtsc();
	unsigned long window = (unsigned long)bare_boot->tsc_khz *
			       own_bridge.look_us / 1000UL;
	BOOL done = FALSE, looking = FALSE;
	struct unitron_vio_slot *sl;
	UINT s, state;

	for (s = 0U; s < VIO_NSLOT; s++) {
		if (looked_tsc[s] == 0U)
			continue;
		sl = &vio.area.slot[s];
		if (end || now - looked_tsc[s] > window)
			looked_tsc[s] = 0U;
		__atomic_store_n(&sl->itron_looks,
				 looked_tsc[s] != 0U ? sl->seq : 0U,
				 __ATOMIC_SEQ_CST);
		state = __atomic_load_n(&sl->state, __ATOMIC_SEQ_CST);
		if (state == UNITRON_VIO_DONE || state == UNITRON_VIO_IDLE) {
			looked_tsc[s] = 0U;
			done |= state == UNITRON_VIO_DONE;
		}
		looking |= looked_tsc[s] != 0U;
	}
	if (done)
		(void)ras_int(INHNO_BRIDGE);
	return looking;
}

#endif /* BRG_REQ_DTQ */
