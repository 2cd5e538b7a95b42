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

/* CFG_INT: an interrupt the application configures (TOPPERS/ASP). */
typedef struct interrupt_initialization_block {
	INTNO		intno;
	ATR		intatr;		/* TA_ENAINT: enabled at start */
	PRI		intpri;
} INTINIB;

typedef struct interrupt_control_block {
	BOOL		enabled;	/* ena_int / dis_int */
	BOOL		pending;	/* came while disabled or masked */
} INTCB;

extern const UINT	tnum_intno;
extern const INTINIB	intinib_table[];
extern INTCB		intcb_table[];

extern const UINT	tnum_inhno;
extern const INHINIB	inhinib_table[];
extern const UINT	tnum_isr;
extern const ISRINIB	isrinib_table[];

/* cre_isr's routines: IDs 1 .. tmax_isrid (AID_ISR); isr NULL: free. */
extern const ID		tmax_isrid;
extern ISRINIB		aisrinib_table[];

#define TMIN_ISRID	1
#define VALID_ISRID(id)	(TMIN_ISRID <= (id) && (id) <= tmax_isrid)
#define get_aisrinib(id)	(&aisrinib_table[(id) - TMIN_ISRID])

/*
 * Run what is attached to interrupt number no; TRUE if anything was.  A
 * configured interrupt that is disabled or masked is held instead (and
 * TRUE returned): ena_int or chg_ipm raises it again with ras_int().
 */
BOOL	interrupt_handle(UINT no);
/* Raise the held interrupts that the mask and dis_int now let through. */
void	interrupt_raise_released(void);

/* TRUE if a handler or ISR is attached to no. */
BOOL	interrupt_attached(UINT no);

#endif /* UNITRON_INTERRUPT_H */
