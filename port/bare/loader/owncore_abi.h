/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the loader and the code it starts on the CPU share: the layout
 * of the trampoline's parameters, of the boot block and of a µITRON
 * image's header.  Included from the loader's C and assembly, and from
 * the freestanding image (port/bare), which has no Linux header.
 */
#ifndef UNITRON_OWNCORE_ABI_H
#define UNITRON_OWNCORE_ABI_H

/* The stub writes this to the boot block's alive word: "LIVE". */
#define OWN_ALIVE_MAGIC		0x4556494c

/* Boot block offsets (struct own_boot_block). */
#define OWN_BB_ALIVE		0
#define OWN_BB_APICID		4
#define OWN_BB_TSC		8

/* Trampoline parameter offsets (struct own_tramp_params). */
#define OWN_TP_ENTRY		0
#define OWN_TP_ARG		8
#define OWN_TP_CR3		16

/* The boot block's fields past the stub's three (struct own_boot_block). */
#define OWN_LOG_SIZE		2048	/* console ring, a power of 2 */

/* state: what the image says it is doing. */
#define OWN_STATE_BOOT		0	/* not yet in µITRON */
#define OWN_STATE_RUNNING	1	/* µITRON runs */
#define OWN_STATE_FAULT		2	/* stopped by a CPU exception */
#define OWN_STATE_STOPPED	3	/* ext_ker(): halted for good */
#define OWN_STATE_ERROR		4	/* the port could not start */

/*
 * A µITRON image (port/bare/image.ld): linked to run at OWN_IMAGE_BASE,
 * which the loader maps to the image's physically contiguous, 2 MiB
 * aligned block; it starts with struct own_image_header.
 */
#define OWN_IMAGE_MAGIC		0x4e525449	/* "ITRN" */
#define OWN_IMAGE_VERSION	2
#define OWN_IMAGE_BASE		0xffffffff80000000
#define OWN_IMAGE_MAX		(4 << 20)	/* an order-10 block */

/*
 * Interrupt vectors between the two sides.  Linux -> image: the
 * bridge's (new calls, a call given up, a proxy's result; INHNO_BRIDGE
 * on this port) and the loader's stop request.  Image -> Linux: the
 * doorbell, POSTED_INTR_WAKEUP_VECTOR, the one Linux vector a module
 * may serve without a kernel patch (design/own-core.md).
 */
#define OWN_BRG_VECTOR		0x60
#define OWN_STOP_VECTOR		0x41
#define OWN_PS_VECTOR		0x42	/* the status text, please */
#define OWN_DOORBELL_VECTOR	0xf1

/* Selectors of the trampoline's GDT and of the stub's own. */
#define OWN_TR_CS32		0x08
#define OWN_TR_DS		0x10
#define OWN_TR_CS64		0x18
#define OWN_STUB_CS		0x08
#define OWN_STUB_DS		0x10

/* The stub's page: code from its start, the stack from its end down. */
#define OWN_STUB_PAGE		4096

#ifndef __ASSEMBLY__
#ifdef __KERNEL__
#include <linux/types.h>
#else
typedef __UINT32_TYPE__ u32;
typedef __UINT64_TYPE__ u64;
typedef __INT32_TYPE__ s32;
typedef __INT64_TYPE__ s64;
#endif

/*
 * Shared memory the stub or image reports in, at a physical address
 * < 4 GiB (identity-mapped on the µITRON side): one page.
 */
struct own_boot_block {
	u32 alive;	/* OWN_ALIVE_MAGIC once the stub or image runs */
	u32 apicid;	/* its initial APIC ID (CPUID 1) */
	u64 tsc;	/* its TSC when it wrote alive */
	/* loader -> image */
	u32 tsc_khz;	/* Linux's TSC frequency: the APIC timer's yardstick */
	u32 tick_us;	/* the µITRON tick period */
	/* image -> loader */
	u32 state;	/* OWN_STATE_* */
	u32 fault_vector;	/* the CPU exception that stopped it */
	u64 fault_rip;
	u64 fault_error;	/* error code (0 where the CPU pushes none) */
	u64 fault_cr2;
	u64 ticks;	/* isig_tim() calls so far */
	u32 apic_per_tick;	/* APIC timer counts per tick, calibrated */
	u32 foreign_irqs;	/* interrupts on vectors the image does not use */
	/* console ring: the image writes at log_head, the loader reads at
	 * log_tail; both count bytes, free running */
	u32 log_head;
	u32 log_tail;
	u32 log_lost;	/* bytes dropped: the ring was full for too long */
	u32 cpu;	/* loader -> image: Linux's number of this CPU */
	u32 tick_gap_max_us;	/* the longest time between two tick
				 * interrupts (one period when all is well) */
	u32 stop;	/* loader -> image: end now (OWN_STOP_VECTOR) */
	char log[OWN_LOG_SIZE];
};

/* The first bytes of an image. */
struct own_image_header {
	u32 magic;	/* OWN_IMAGE_MAGIC */
	u32 version;	/* OWN_IMAGE_VERSION */
	u64 base;	/* link address of the header: OWN_IMAGE_BASE */
	u64 entry;	/* entry point, virtual; %rdi = the boot block */
	u64 file_size;	/* bytes in the file */
	u64 mem_size;	/* bytes it needs from base, .bss included */
	u64 bridge;	/* its struct own_brg_area, or 0: no bridge */
	u64 status;	/* its struct own_status */
};

/*
 * The system's status as `unitronctl ps` shows it (systask/status.h),
 * written by the image on the loader's request: a new request number
 * and OWN_PS_VECTOR; done says which request the text answers.
 */
#define OWN_STATUS_TEXT		(16 << 10)

struct own_status {
	u32 request;	/* loader -> image */
	u32 done;	/* image -> loader, once the text is in */
	u32 len;	/* bytes of text */
	u32 lost;	/* bytes that did not fit */
	u64 now;	/* µITRON time of the snapshot, ms */
	char text[OWN_STATUS_TEXT];
};

/*
 * The bridge (bridge/bare/transport.c on the image's side,
 * port/bare/loader/bridge.c on Linux's), in the image's memory.  The
 * calls are the image's BRG_CALLs (bridge/kernel/bridge_port.h), which
 * begin with struct own_brg_call; a call goes to the image by its index
 * on the ring, and its end comes back as a bit in calls_done.  Either
 * side rings the other after it wrote (OWN_BRG_VECTOR, the doorbell).
 * The request area of Linux I/O (unitron_vio_abi.h) fills whole pages:
 * unitron-proxyd maps it.
 */
#define OWN_BRG_MAGIC		0x47524242	/* "BBRG" */
#define OWN_BRG_NCALL_MAX	16		/* BRG_NWORKER's limit */
#define OWN_BRG_RING		16		/* a power of 2, >= ncall */
#define OWN_BRG_NAME_MAX	255		/* LOOKUP's longest name */

/* up: is the image's system taking calls? */
#define OWN_BRG_DOWN		0	/* not yet */
#define OWN_BRG_UP		1
#define OWN_BRG_GONE		2	/* it stopped: for good */

struct own_brg_call {
	u32 op;		/* UNITRON_BRG_*, LOOKUP too */
	s32 obj;
	s32 tmout;
	u32 pad;
	s64 data;
	u32 len;
	u32 size;
	s32 ercd;	/* image -> Linux */
	u32 owner;	/* BRG_QUEUED, TAKEN, WITHDRAWN: compare-and-swap */
	u32 cancel;	/* Linux -> image: BRG_CANCEL_* */
};

struct own_brg_area {
	/* image, fixed */
	u32 magic;	/* OWN_BRG_MAGIC */
	u32 ncall;	/* calls, 1..OWN_BRG_NCALL_MAX */
	u32 call_size;	/* bytes from one call to the next */
	u32 msg_offset;	/* where a call's message bytes begin */
	u32 msgsz;	/* and how many it has room for */
	u32 vio_size;	/* bytes of the request area, page multiple */
	u32 vio_nslot;	/* its slots (VIO_NSLOT) */
	u32 pad;
	u64 calls;	/* the calls' image address */
	u64 vio;	/* the request area's, page aligned */
	/* Linux -> image */
	u32 ring_head;	/* calls published (free running) */
	u32 ring[OWN_BRG_RING];	/* their indexes */
	u32 cancelled;	/* some call's cancel was set */
	u32 vio_attached;	/* a proxy server is attached */
	u32 linux_apicid;	/* where doorbells go */
	u32 look_us;	/* how long the idle image polls a young Linux I/O
			 * call's slot (µs; 0: never) */
	/* image -> Linux */
	u32 up;		/* OWN_BRG_DOWN, UP, GONE */
	u32 calls_held;	/* bit i: the image has call i (Linux sets it) */
	u32 calls_done;	/* bit i: call i has ended (Linux takes it) */
	u32 vio_posted;	/* bit s: slot s was REQUESTED (Linux takes it) */
	/* Linux -> image: LOOKUP's name, per call */
	char name[OWN_BRG_NCALL_MAX][OWN_BRG_NAME_MAX + 1];
};

/* Filled in by the loader in its copy of the trampoline. */
struct own_tramp_params {
	u64 entry;	/* physical = virtual address of the stub */
	u64 arg;	/* handed over in %rdi: the boot block */
	u32 cr3;	/* identity page tables, below 4 GiB */
	u32 pad;
};

#ifdef __KERNEL__
/* trampoline.S: copied, never run in place (they live in .rodata). */
extern const u8 own_tramp_start[], own_tramp_params[], own_tramp_end[];
extern const u8 own_stub_start[], own_stub_mute[], own_stub_end[];
#endif
#endif

#endif
