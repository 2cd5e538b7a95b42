/*
 * Unitron - data queues.
 */
#ifndef UNITRON_DATAQUEUE_H
#define UNITRON_DATAQUEUE_H

#include "wait.h"

typedef struct dataqueue_initialization_block {
	ATR		dtqatr;
	UINT		dtqcnt;		/* capacity; 0 = synchronous */
	VP_INT		*p_dtqmb;	/* ring of dtqcnt entries */
} DTQINIB;

/*
 * The send wait queue comes first, so that a DTQCB is also a WOBJCB whose
 * queue honours TA_TPRI.  Receivers always wait in FIFO order.
 */
typedef struct dataqueue_control_block {
	QUEUE		swait_queue;
	const DTQINIB	*p_dtqinib;
	QUEUE		rwait_queue;
	UINT		count;
	UINT		head;
} DTQCB;

/* A sender's datum; where a receiver's goes (stored when it is released). */
typedef struct dataqueue_waiting_information {
	WINFO		winfo;
	VP_INT		data;
	VP_INT		*p_data;
} WINFO_DTQ;

extern const ID		tmax_dtqid;
extern const ID		tmax_sdtqid;
extern const DTQINIB	dtqinib_table[];
extern DTQINIB		adtqinib_table[];
extern DTQCB		dtqcb_table[];

#define TMIN_DTQID	1
#define VALID_DTQID(id)	(TMIN_DTQID <= (id) && (id) <= tmax_dtqid)
#define get_dtqcb(id)	(&dtqcb_table[(id) - TMIN_DTQID])

#endif /* UNITRON_DATAQUEUE_H */
