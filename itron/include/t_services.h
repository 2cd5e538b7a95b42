/*
 * Unitron - what a TOPPERS/JSP application includes: the kernel, the
 * system log, the serial driver, and syscall() error reporting.
 */
#ifndef UNITRON_T_SERVICES_H
#define UNITRON_T_SERVICES_H

#include "kernel.h"
#include "t_syslog.h"

#ifndef _MACRO_ONLY

#include "serial.h"

/* Log "E_xxx reported by `expr' in line N of `file'." at prio. */
void	t_perror(UINT prio, const char *file, int line, const char *expr,
		 ER ercd);
/* The name of an error code's main part, "E_OK" ... "E_BOVR". */
const char *itron_strerror(ER ercd);
/* End the system after an unrecoverable error. */
void	kernel_abort(void) NORETURN;

static inline ER _t_perror(const char *file, int line, const char *expr,
			   ER ercd)
{
	if (ercd < 0)
		t_perror(LOG_ERROR, file, line, expr, ercd);
	return ercd;
}

static inline ER _t_panic(const char *file, int line, const char *expr,
			  ER ercd)
{
	if (ercd < 0) {
		t_perror(LOG_EMERG, file, line, expr, ercd);
		kernel_abort();
	}
	return ercd;
}

/* Call a service, logging an error it returns; _syscall also aborts. */
#define syscall(s)	_t_perror(__FILE__, __LINE__, #s, (s))
#define _syscall(s)	_t_panic(__FILE__, __LINE__, #s, (s))

#endif /* _MACRO_ONLY */
#endif /* UNITRON_T_SERVICES_H */
