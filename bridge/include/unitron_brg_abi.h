/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Unitron bridge - the interface between Linux processes (libunitron)
 * and a µITRON system's bridge, the same on both ports: an ioctl on
 * /dev/unitronN (linux port), a packet on a Unix socket (posix port).
 */
#ifndef UNITRON_BRG_ABI_H
#define UNITRON_BRG_ABI_H

#include <linux/ioctl.h>
#include <linux/types.h>

/* The longest mailbox message any system accepts (a system's own
 * limit, BRG_MSGSZ, may be lower). */
#define UNITRON_BRG_MSG_MAX	4096

enum unitron_brg_op {
	UNITRON_BRG_LOOKUP = 1,	/* buf/len: a name; out: obj, data = kind */
	UNITRON_BRG_SND_DTQ,	/* tsnd_dtq(obj, data, tmout) */
	UNITRON_BRG_FSND_DTQ,	/* fsnd_dtq(obj, data) */
	UNITRON_BRG_RCV_DTQ,	/* trcv_dtq(obj, &data, tmout) */
	UNITRON_BRG_SND_MBX,	/* a message of len bytes, priority data */
	UNITRON_BRG_RCV_MBX,	/* trcv_mbx(obj, tmout): len bytes, up to
				   size copied */
	UNITRON_BRG_NAME,	/* obj (1..): its name, len bytes, up to size
				   copied into buf; data = kind; E_ID past
				   the last object */
	UNITRON_BRG_NOPS
};

/*
 * A call with a timeout (>= 0) ends by its deadline, the timeout but at
 * least UNITRON_BRG_POLL_MS (+ the latencies unitron.h names), whatever
 * µITRON's tasks do: then the transport gives up on it, and it ends with
 * E_TMOUT and no effect unless its service call had ended first.  The
 * shortest deadline lets a polling call reach a worker of a system that
 * runs normally but is slow to get the CPU (a loaded or emulated host).
 */
#define UNITRON_BRG_POLL_MS	100

/* Object kinds (LOOKUP's data). */
#define UNITRON_BRG_DTQ		1
#define UNITRON_BRG_MBX		2

/* One call; ercd is E_OK or a µITRON error code (kernel.h's values). */
struct unitron_brg_call {
	__u32	op;
	__s32	obj;		/* handle from LOOKUP (1..) */
	__s32	tmout;		/* ms; -1 forever (TMO_FEVR), 0 polling */
	__s32	ercd;		/* out */
	__s64	data;		/* data queue datum; message priority */
	__u32	len;		/* bytes of name or message in buf */
	__u32	size;		/* RCV_MBX: room in buf */
	__u64	buf;		/* linux port: the bytes' user address */
};

/* Linux port: one call, and its answer in the same structure. */
#define UNITRON_IOC_BRG_CALL	_IOWR(0xb7, 16, struct unitron_brg_call)

/*
 * Posix port: a SOCK_SEQPACKET socket; a request is the structure and
 * then len bytes, the answer the structure and then len bytes (at most
 * size) of a received message.  One call at a time per connection.
 * A second packet of just the op UNITRON_BRG_CANCEL while a call waits
 * ends that wait with E_RLWAI (as rel_wai), unless it has ended.
 */
#define UNITRON_BRG_CANCEL	0x7fffffffU

#endif /* UNITRON_BRG_ABI_H */
