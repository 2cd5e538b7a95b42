/*
 * Unitron - time events: timeouts and cyclic handler activations, kept in
 * a binary min-heap ordered by expiry time and driven by isig_tim().
 */
#ifndef UNITRON_TIME_EVENT_H
#define UNITRON_TIME_EVENT_H

#include "kernel_impl.h"

typedef unsigned long	EVTTIM;		/* milliseconds since start */
typedef void		(*CBACK)(VP arg);

typedef struct time_event_block {
	EVTTIM		evttim;		/* fires when current_evttim reaches it */
	UINT		index;		/* position in the heap, 0 when absent */
	CBACK		callback;
	VP		arg;
} TMEVTB;

/* advanced by isig_tim(); not current_time, which Linux's fs.h declares */
extern EVTTIM	current_evttim;
extern SYSTIM	systim_offset;	/* set_tim() moves only this */
extern UINT	tick_ms;	/* ms per isig_tim(); set by the port */

/* From the configuration: room for every task, cyclic and alarm handler. */
extern const UINT	tnum_tmevt;
extern TMEVTB		*tmevt_heap[];

/*
 * Register p_tmevtb to fire after at least reltim milliseconds.  The
 * extra tick covers the part of the current tick already gone by.
 */
void	tmevtb_enqueue(TMEVTB *p_tmevtb, RELTIM reltim, CBACK callback,
		       VP arg);
/* Register at an absolute event time (cyclic handlers, drift-free). */
void	tmevtb_enqueue_evttim(TMEVTB *p_tmevtb, EVTTIM evttim,
			      CBACK callback, VP arg);
void	tmevtb_dequeue(TMEVTB *p_tmevtb);

/*
 * The time left before p_tmevtb fires, as ref_cyc and ref_alm report it:
 * the relative time that, given now, would make it fire then.
 */
RELTIM	tmevtb_lefttim(const TMEVTB *p_tmevtb);

/*
 * Run a time event handler (cyclic, alarm, overrun) from its event's
 * callback: with the CPU unlocked, as the spec runs handlers, and locked
 * again after it for the next event.
 */
void	call_time_handler(void (*handler)(VP_INT), VP_INT exinf);

/* TRUE when the next isig_tim() fires an event (for ports: port_api.h). */
BOOL	tick_fires_event(void);

static inline BOOL tmevtb_queued(const TMEVTB *p_tmevtb)
{
	return p_tmevtb->index != 0U;
}

#endif /* UNITRON_TIME_EVENT_H */
