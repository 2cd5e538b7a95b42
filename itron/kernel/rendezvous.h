/*
 * Unitron - rendezvous ports.
 */
#ifndef UNITRON_RENDEZVOUS_H
#define UNITRON_RENDEZVOUS_H

#include "wait.h"

typedef struct port_initialization_block {
	ATR		poratr;
	UINT		maxcmsz;	/* the longest call message */
	UINT		maxrmsz;	/* the longest reply message */
} PORINIB;

/*
 * The call wait queue comes first, so that a PORCB is also a WOBJCB
 * whose queue honours TA_TPRI; tasks waiting to accept wait in FIFO
 * order.
 */
typedef struct port_control_block {
	QUEUE		cwait_queue;
	const PORINIB	*p_porinib;
	QUEUE		await_queue;
} PORCB;

/*
 * A caller's wait, for the call (TTW_CAL) and then for the rendezvous to
 * end (TTW_RDV): its message buffer serves both ways.
 */
typedef struct port_call_waiting_information {
	WINFO		winfo;
	RDVPTN		calptn;
	VP		msg;
	UINT		cmsgsz;
	RDVNO		rdvno;		/* while in a rendezvous */
	UINT		maxrmsz;	/* of the rendezvous's port */
} WINFO_CAL;

/* An acceptor's wait (TTW_ACP). */
typedef struct port_accept_waiting_information {
	WINFO		winfo;
	RDVPTN		acpptn;
	RDVNO		*p_rdvno;
	VP		msg;
} WINFO_ACP;

extern const ID		tmax_porid;
extern const ID		tmax_sporid;
extern const PORINIB	porinib_table[];
extern PORINIB		aporinib_table[];
extern PORCB		porcb_table[];

#define TMIN_PORID	1
#define VALID_PORID(id)	(TMIN_PORID <= (id) && (id) <= tmax_porid)
#define get_porcb(id)	(&porcb_table[(id) - TMIN_PORID])

#endif /* UNITRON_RENDEZVOUS_H */
