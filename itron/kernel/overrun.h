/*
 * Unitron - the overrun handler.
 */
#ifndef UNITRON_OVERRUN_H
#define UNITRON_OVERRUN_H

#include "task.h"

typedef struct overrun_handler_initialization_block {
	ATR		ovratr;
	void		(*ovrhdr)(ID tskid, VP_INT exinf);	/* or NULL */
} OVRINIB;

/* From the configuration: DEF_OVR, or a NULL handler. */
extern const OVRINIB	ovrinib;

/* The tick: charge it to the running task (time_event.c). */
void	overrun_tick(void);

#endif /* UNITRON_OVERRUN_H */
