/*
 * Unitron - alarm handlers.
 */
#ifndef UNITRON_ALARM_H
#define UNITRON_ALARM_H

#include "kernel_impl.h"
#include "time_event.h"

typedef struct alarm_handler_initialization_block {
	ATR		almatr;
	VP_INT		exinf;
	void		(*almhdr)(VP_INT exinf);
} ALMINIB;

/* Started exactly while its time event is queued. */
typedef struct alarm_handler_control_block {
	const ALMINIB	*p_alminib;
	TMEVTB		tmevtb;
} ALMCB;

extern const ID		tmax_almid;
extern const ID		tmax_salmid;
extern const ALMINIB	alminib_table[];
extern ALMINIB		aalminib_table[];
extern ALMCB		almcb_table[];

#define TMIN_ALMID	1
#define VALID_ALMID(id)	(TMIN_ALMID <= (id) && (id) <= tmax_almid)
#define get_almcb(id)	(&almcb_table[(id) - TMIN_ALMID])

#endif /* UNITRON_ALARM_H */
