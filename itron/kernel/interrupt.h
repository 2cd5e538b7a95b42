/*
 * Unitron - interrupt handlers (DEF_INH) and interrupt service routines
 * (ATT_ISR).  Interrupt numbers are the port's (port_kernel.h).
 */
#ifndef UNITRON_INTERRUPT_H
#define UNITRON_INTERRUPT_H

#include "kernel_impl.h"

typedef struct interrupt_handler_initialization_block {
	INHNO		inhno;
	ATR		inhatr;
	void		(*inthdr)(void);
} INHINIB;

typedef struct isr_initialization_block {
	ATR		isratr;
	VP_INT		exinf;
	INTNO		intno;
	void		(*isr)(VP_INT exinf);
} ISRINIB;

extern const UINT	tnum_inhno;
extern const INHINIB	inhinib_table[];
extern const UINT	tnum_isr;
extern const ISRINIB	isrinib_table[];

/* Run what is attached to interrupt number no; TRUE if anything was. */
BOOL	interrupt_handle(UINT no);
/* TRUE if a handler or ISR is attached to no. */
BOOL	interrupt_attached(UINT no);

#endif /* UNITRON_INTERRUPT_H */
