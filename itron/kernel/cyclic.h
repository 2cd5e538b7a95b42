/*
 * Unitron - cyclic handlers.
 */
#ifndef UNITRON_CYCLIC_H
#define UNITRON_CYCLIC_H

#include "kernel_impl.h"
#include "time_event.h"

typedef struct cyclic_handler_initialization_block {
	ATR		cycatr;
	VP_INT		exinf;
	void		(*cychdr)(VP_INT exinf);
	RELTIM		cyctim;
	RELTIM		cycphs;
} CYCINIB;

typedef struct cyclic_handler_control_block {
	const CYCINIB	*p_cycinib;
	BOOL		cycsta;		/* started: the handler is called */
	TMEVTB		tmevtb;		/* next activation */
} CYCCB;

extern const ID		tmax_cycid;
extern const ID		tmax_scycid;
extern const CYCINIB	cycinib_table[];
extern CYCINIB		acycinib_table[];
extern CYCCB		cyccb_table[];

#define TMIN_CYCID	1
#define VALID_CYCID(id)	(TMIN_CYCID <= (id) && (id) <= tmax_cycid)
#define get_cyccb(id)	(&cyccb_table[(id) - TMIN_CYCID])

#endif /* UNITRON_CYCLIC_H */
