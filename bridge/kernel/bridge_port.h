/*
 * Unitron bridge - between the µITRON side (bridge.c, the same on every
 * port) and a port's transport, which receives the Linux processes'
 * calls and hands back their results.
 *
 * A call lives in the transport's memory from the moment a process makes
 * it until both the process has its result and the µITRON side has let
 * go of it (brg_port_release).  The transport raises INHNO_BRIDGE when
 * it has new calls (brg_port_fetch() gives them, in the handler) or has
 * set a taken call's cancel flag (its deadline passed, or the process
 * gave up: a signal, its exit).
 */
#ifndef UNITRON_BRIDGE_PORT_H
#define UNITRON_BRIDGE_PORT_H

#include "unitron_bridge.h"
#include "unitron_vio_abi.h"

/*
 * Who has a published call: owner, changed only by an atomic
 * compare-and-swap from BRG_QUEUED, by a worker (brg_port_claim) or by
 * the transport (its deadline passed, or the process gave up): the one
 * that wins decides how the call ends.
 */
#define BRG_QUEUED	0U	/* published: no worker has taken it */
#define BRG_TAKEN	1U	/* a worker took it: the µITRON side ends it */
#define BRG_WITHDRAWN	2U	/* the transport took it back: no effect */

/* Where a taken call's worker is (phase, under CPU lock). */
#define BRG_GUARDED	0U	/* at or in its one waiting service call,
				   under the guard: the handler may end it */
#define BRG_ATOMIC	1U	/* with dispatching disabled: it ends the
				   call itself, soon */

/* Why the transport gave up on a taken call (cancel). */
#define BRG_CANCEL_SIGNAL 1U	/* a signal, or the process died: E_RLWAI */
#define BRG_CANCEL_TMOUT  2U	/* the deadline passed: E_TMOUT */

typedef struct bridge_call {
	/* From the process. */
	UINT		op;		/* UNITRON_BRG_* */
	INT		obj;		/* 1..tnum_brgobj */
	TMO		tmout;
	VP_INT		data;
	UINT		len;		/* bytes in msg */
	UINT		size;		/* room for a received message */
	/* To the process (brg_port_done). */
	ER		ercd;
	/* BRG_QUEUED when published; see above. */
	volatile UINT	owner;
	/* Set by the transport, after it failed to withdraw the call. */
	volatile UINT	cancel;
	/* The µITRON side's, under CPU lock. */
	volatile UINT	phase;
	volatile BOOL	answered;	/* brg_port_done() was called */
	ID		worker;
	T_VGRD		grd;		/* the worker's guard (kernel.h) */
	T_MSG		*pk_msg;	/* a block got, or a message received */
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
/* Object obj's name and kind (NAME): E_OK, or E_ID past the last one. */
ER		brg_name(INT obj, const char **p_name, UINT *p_kind);

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
/*
 * Transport: a worker takes a call (BRG_QUEUED -> BRG_TAKEN, atomic):
 * FALSE if the transport withdrew it.  In task context.
 */
BOOL		brg_port_claim(BRG_CALL *call);
/* Transport: the result is in call (ercd, data, len, msg); once per
 * taken call, by its worker or by brg_handler. */
void		brg_port_done(BRG_CALL *call);
/* Transport: the µITRON side has let go of call (answered or withdrawn):
 * its slot may serve another call.  Task or handler context. */
void		brg_port_release(BRG_CALL *call);
/* Transport: start receiving calls (brg_initialize). */
void		brg_port_initialize(void);

/*
 * For the transport once the system has stopped: the result of a taken
 * call that was not answered: its guarded service call's if that ended
 * (a received message copied into msg), else E_DLT.
 */
ER		brg_stopped_result(BRG_CALL *call);

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
