/*
 * Unitron - message buffers.
 */
#ifndef UNITRON_MESSAGEBUF_H
#define UNITRON_MESSAGEBUF_H

#include "wait.h"

typedef struct messagebuf_initialization_block {
	ATR		mbfatr;
	UINT		maxmsz;		/* the longest message, in bytes */
	SIZE		mbfsz;		/* the ring's size; 0 = synchronous */
	UB		*mbfmb;		/* the ring, mbfsz bytes */
} MBFINIB;

/*
 * The ring holds messages as a UINT length and the bytes, each wrapping
 * at the end of the area.  The send wait queue comes first, so that an
 * MBFCB is also a WOBJCB whose queue honours TA_TPRI; receivers always
 * wait in FIFO order.
 */
typedef struct messagebuf_control_block {
	QUEUE		swait_queue;
	const MBFINIB	*p_mbfinib;
	QUEUE		rwait_queue;
	SIZE		fmbfsz;		/* free bytes */
	SIZE		head;		/* where the oldest message starts */
	SIZE		tail;		/* where the next one goes */
	UINT		smsgcnt;	/* messages in the ring */
} MBFCB;

/* A sender's message, or where a receiver's goes. */
typedef struct messagebuf_waiting_information {
	WINFO		winfo;
	VP		msg;
	UINT		msgsz;		/* a sender's */
} WINFO_MBF;

extern const ID		tmax_mbfid;
extern const ID		tmax_smbfid;
extern const MBFINIB	mbfinib_table[];
extern MBFINIB		ambfinib_table[];
extern MBFCB		mbfcb_table[];

#define TMIN_MBFID	1
#define VALID_MBFID(id)	(TMIN_MBFID <= (id) && (id) <= tmax_mbfid)
#define get_mbfcb(id)	(&mbfcb_table[(id) - TMIN_MBFID])

/*
 * The first waiting sender left or changed places (timeout, rel_wai,
 * ter_tsk, chg_pri): the new first one's message may fit.  CPU locked;
 * the caller checks for a dispatch.
 */
void	messagebuf_senders_changed(MBFCB *p_mbfcb);

#endif /* UNITRON_MESSAGEBUF_H */
