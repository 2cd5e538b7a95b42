/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Unitron across nodes - the protocol between libunitron and the node
 * daemon unitron-netd, on Linux TIPC (docs/tipc.md).
 *
 * Each unitron-netd has one SOCK_SEQPACKET socket.  It binds, cluster
 * wide, a TIPC service name per bridged object it serves: {TYPE_FULL,
 * hash("SYSTEM/NAME")} and {TYPE_SHORT, hash("NAME")}, and {TYPE_NODE,
 * 0} for itself.  A client finds the sockets that publish a name through
 * TIPC's topology server, connects to the one socket whose daemon has
 * the object, and makes its calls on that connection, one at a time:
 * a request is struct unitron_net_msg then name_len bytes of the name
 * then len bytes of a message; the answer is the structure then len
 * bytes of a received message (or of a LIST).  Every message carries the
 * header: TIPC drops empty ones.
 */
#ifndef UNITRON_NET_ABI_H
#define UNITRON_NET_ABI_H

#include <linux/types.h>

#include "unitron_brg_abi.h"

/* TIPC service types (user types start at 64): "UN" then a number. */
#define UNITRON_NET_TYPE_NODE	0x554e0000U	/* instance 0: each daemon */
#define UNITRON_NET_TYPE_FULL	0x554e0010U	/* hash of SYSTEM/NAME */
#define UNITRON_NET_TYPE_SHORT	0x554e0011U	/* hash of NAME */

#define UNITRON_NET_MAGIC	0x554e6574U	/* "UNet" */
#define UNITRON_NET_VERSION	1

/* The longest name: SYSTEM (63 bytes) / NAME (255 bytes). */
#define UNITRON_NET_SYSTEM_MAX	63
#define UNITRON_NET_NAME_MAX	(UNITRON_NET_SYSTEM_MAX + 1 + 255)
/* The longest message, far below TIPC's 66000 bytes. */
#define UNITRON_NET_MSG_MAX	(sizeof(struct unitron_net_msg) + \
				 UNITRON_NET_NAME_MAX + 8192)

enum unitron_net_op {
	/*
	 * The bridge's own calls (UNITRON_BRG_SND_DTQ ...), on the object
	 * the name names; UNITRON_BRG_LOOKUP answers E_OK with data = kind
	 * and, in name, the full name, else E_NOEXS, or E_OBJ with
	 * UNITRON_NET_AMBIGUOUS when several of the daemon's systems have
	 * that short NAME.
	 */
	UNITRON_NET_LIST = 0x100,	/* the daemon's objects, as text:
					   "node NODE\n", then a line
					   "dtq SYSTEM/NAME\n" or "mbx ..."
					   for each */
	UNITRON_NET_CANCEL = UNITRON_BRG_CANCEL,	/* end the wait */
};

#define UNITRON_NET_AMBIGUOUS	1	/* flags: the short NAME is not one */

struct unitron_net_msg {
	__u32	magic;
	__u16	version;
	__u16	flags;
	__u32	op;
	__s32	tmout;		/* ms, as the bridge's */
	__s32	ercd;		/* answer */
	__u32	name_len;	/* bytes of name after the header */
	__u32	len;		/* bytes of message after the name */
	__u32	size;		/* RCV_MBX: room the caller has */
	__s64	data;		/* datum, priority, kind */
};

/* The longest LIST answer. */
#define UNITRON_NET_LIST_MAX	60000

/* FNV-1a, 32 bits: a name's TIPC instance. */
static inline __u32 unitron_net_hash(const char *name, __u32 len)
{
	__u32 h = 2166136261U;

	while (len-- > 0) {
		h ^= (unsigned char)*name++;
		h *= 16777619U;
	}
	return h;
}

#endif /* UNITRON_NET_ABI_H */
