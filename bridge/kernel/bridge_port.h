/*
 * Unitron bridge - between the µITRON side (bridge.c, the same on every
 * port) and a port's transport, which receives the Linux processes'
 * calls and hands back their results.
 *
 * A call lives in the transport's memory from the moment a process makes
 * it until the transport has handed the result back.  The transport
 * raises INHNO_BRIDGE when it has new calls (brg_port_fetch() gives
 * them, in the handler) or has set a call's cancel flag (the process
 * gave up: a signal, its exit).
 */
#ifndef UNITRON_BRIDGE_PORT_H
#define UNITRON_BRIDGE_PORT_H

#include "unitron_bridge.h"
#include "unitron_vio_abi.h"

/* Where a call is, on the µITRON side. */
#define BRG_IDLE	0U	/* the transport's */
#define BRG_QUEUED	1U	/* waiting for a worker */
#define BRG_RUNNING	2U	/* a worker carries it out */

typedef struct bridge_call {
	/* From the process. */
	UINT		op;		/* UNITRON_BRG_* */
	INT		obj;		/* 1..tnum_brgobj */
	TMO		tmout;
	VP_INT		data;
	UINT		len;		/* bytes in msg */
	UINT		size;		/* room for a received message */
	/* To the process. */
	ER		ercd;
	/* The µITRON side's, under CPU lock. */
	UINT		state;
	ID		worker;
	/* Set by the transport, any time after the call was fetched. */
	volatile UINT	cancel;
	UB		msg[BRG_MSGSZ];
} BRG_CALL;

/*
 * For the transport, on the Linux side: is the call well formed (E_OK,
 * or E_RSFN, E_ID, E_OBJ (not that kind of object), E_PAR)?  Which
 * object has this name (E_NOEXS if none)?
 */
ER		brg_check(const BRG_CALL *call);
ER		brg_lookup(const char *name, UINT len, INT *p_obj,
			   UINT *p_kind);

/* n bytes from from to to (freestanding: no memcpy on every port). */
void		brg_copy(void *to, const void *from, UINT n);

/* Transport: the interrupt is being served (first in brg_handler). */
void		brg_port_ack(void);
/* Transport: the next new call, or NULL (in brg_handler). */
BRG_CALL	*brg_port_fetch(void);
/* Transport: any call's cancel flag set since the last call (handler). */
BOOL		brg_port_cancelled(void);
/* Transport: the calls, for the cancel scan. */
BRG_CALL	*brg_port_call(UINT i);
/* Transport: the result is in call; in task context. */
void		brg_port_done(BRG_CALL *call);
/* Transport: start receiving calls (brg_initialize). */
void		brg_port_initialize(void);

/*
 * Linux I/O (vio.c).  The request area, VIO_NSLOT slots, exists from
 * brg_port_initialize() on; a proxy server may attach to it.  In task
 * context: is one attached; put the slot, its request written, in
 * REQUESTED and tell its proxy (brg_port_vio_post).  When the server
 * goes, the transport puts every slot that is REQUESTED or BUSY into
 * DONE with err EIO and raises INHNO_BRIDGE; a proxy's DONE raises it
 * too.
 */
struct unitron_vio_area *brg_port_vio_area(void);
BOOL		brg_port_vio_attached(void);
void		brg_port_vio_post(UINT slot);
/* vio.c: in brg_handler, wake the tasks whose calls are done. */
void		vio_handler(void);

#endif /* UNITRON_BRIDGE_PORT_H */
