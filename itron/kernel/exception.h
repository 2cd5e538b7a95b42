/*
 * Unitron - CPU exception handlers (DEF_EXC).  Exception numbers are the
 * port's (port_kernel.h).
 */
#ifndef UNITRON_EXCEPTION_H
#define UNITRON_EXCEPTION_H

#include "kernel_impl.h"

typedef struct cpu_exception_handler_initialization_block {
	EXCNO		excno;
	ATR		excatr;
	void		(*exchdr)(VP p_excinf);
} EXCINIB;

extern const UINT	tnum_excno;
extern const EXCINIB	excinib_table[];

/* Run the handler for excno; FALSE if none is defined. */
BOOL	exception_handle(EXCNO excno, VP p_excinf);

#endif /* UNITRON_EXCEPTION_H */
