/*
 * Unitron - priority data queues (TOPPERS/ASP).
 */
#ifndef UNITRON_PRIDATAQ_H
#define UNITRON_PRIDATAQ_H

#include "wait.h"

/* An entry of the queue, on the data list or the free list. */
typedef struct pridataq_management_block {
	struct pridataq_management_block *p_next;
	VP_INT		data;
	PRI		datapri;
} PDQMB;

typedef struct pridataq_initialization_block {
	ATR		pdqatr;
	UINT		pdqcnt;		/* capacity; 0 = synchronous */
	PRI		maxdpri;
	PDQMB		*p_pdqmb;	/* pdqcnt entries */
} PDQINIB;

/*
 * The send wait queue comes first, so that a PDQCB is also a WOBJCB
 * whose queue honours TA_TPRI.  Receivers always wait in FIFO order.
 */
typedef struct pridataq_control_block {
	QUEUE		swait_queue;
	const PDQINIB	*p_pdqinib;
	QUEUE		rwait_queue;
	UINT		count;
	PDQMB		*p_head;	/* by priority, FIFO within one */
	PDQMB		*p_free;
} PDQCB;

typedef struct pridataq_waiting_information {
	WINFO		winfo;
	VP_INT		data;		/* a sender's, or what a receiver got */
	PRI		datapri;
} WINFO_PDQ;

extern const ID		tmax_pdqid;
extern const ID		tmax_spdqid;
extern const PDQINIB	pdqinib_table[];
extern PDQINIB		apdqinib_table[];
extern PDQCB		pdqcb_table[];

#define TMIN_PDQID	1
#define VALID_PDQID(id)	(TMIN_PDQID <= (id) && (id) <= tmax_pdqid)
#define get_pdqcb(id)	(&pdqcb_table[(id) - TMIN_PDQID])

#endif /* UNITRON_PRIDATAQ_H */
