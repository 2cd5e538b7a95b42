/*
 * Unitron - mailboxes.
 */
#ifndef UNITRON_MAILBOX_H
#define UNITRON_MAILBOX_H

#include "wait.h"

typedef struct mailbox_initialization_block {
	ATR		mbxatr;
	PRI		maxmpri;
} MBXINIB;

/*
 * Messages are a singly linked list through their T_MSG headers, sorted
 * by priority for TA_MPRI (FIFO within a priority).
 */
typedef struct mailbox_control_block {
	QUEUE		wait_queue;
	const MBXINIB	*p_mbxinib;
	T_MSG		*p_head;
	T_MSG		*p_last;
} MBXCB;

/* Where a receiver's message goes (stored when it is released). */
typedef struct mailbox_waiting_information {
	WINFO		winfo;
	T_MSG		**ppk_msg;
} WINFO_MBX;

extern const ID		tmax_mbxid;
extern const ID		tmax_smbxid;
extern const MBXINIB	mbxinib_table[];
extern MBXINIB		ambxinib_table[];
extern MBXCB		mbxcb_table[];

#define TMIN_MBXID	1
#define VALID_MBXID(id)	(TMIN_MBXID <= (id) && (id) <= tmax_mbxid)
#define get_mbxcb(id)	(&mbxcb_table[(id) - TMIN_MBXID])

#endif /* UNITRON_MAILBOX_H */
