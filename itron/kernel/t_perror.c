/*
 * Unitron - error reporting for syscall() (TOPPERS/JSP compatible).
 */
#include "kernel_impl.h"
#include "t_syslog.h"

void	t_perror(UINT prio, const char *file, int line, const char *expr,
		 ER ercd);
const char *itron_strerror(ER ercd);
void	kernel_abort(void) NORETURN;

BOOL	kernel_aborted;

const char *itron_strerror(ER ercd)
{
	switch (MERCD(ercd)) {
	case E_OK:	return "E_OK";
	case E_SYS:	return "E_SYS";
	case E_NOSPT:	return "E_NOSPT";
	case E_RSFN:	return "E_RSFN";
	case E_RSATR:	return "E_RSATR";
	case E_PAR:	return "E_PAR";
	case E_ID:	return "E_ID";
	case E_CTX:	return "E_CTX";
	case E_MACV:	return "E_MACV";
	case E_OACV:	return "E_OACV";
	case E_ILUSE:	return "E_ILUSE";
	case E_NOMEM:	return "E_NOMEM";
	case E_NOID:	return "E_NOID";
	case E_OBJ:	return "E_OBJ";
	case E_NOEXS:	return "E_NOEXS";
	case E_QOVR:	return "E_QOVR";
	case E_RLWAI:	return "E_RLWAI";
	case E_TMOUT:	return "E_TMOUT";
	case E_DLT:	return "E_DLT";
	case E_CLS:	return "E_CLS";
	case E_WBLK:	return "E_WBLK";
	case E_BOVR:	return "E_BOVR";
	default:	return "unknown error";
	}
}

void t_perror(UINT prio, const char *file, int line, const char *expr,
	      ER ercd)
{
	(void)syslog(prio, "%s reported by `%s' in line %d of `%s'.",
		     itron_strerror(ercd), expr, line, file);
}

void kernel_abort(void)
{
	kernel_aborted = TRUE;
	kernel_exit();
}
