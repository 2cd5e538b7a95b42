/*
 * Unitron - TOPPERS/ASP compatibility: the system log as ASP names it
 * (syslog_msk_log for JSP's vmsk_log), on Unitron's (t_syslog.h).
 */
#ifndef UNITRON_ASP_T_SYSLOG_H
#define UNITRON_ASP_T_SYSLOG_H

#include "t_stddef.h"
#include_next <t_syslog.h>

#define syslog_msk_log(logmask, lowmask)	vmsk_log(logmask, lowmask)

#ifndef _MACRO_ONLY
/* Log "E_xxx reported by `expr' in line N of `file'." at prio. */
void		t_perror(UINT prio, const char *file, int line,
			 const char *expr, ER ercd);
const char	*itron_strerror(ER ercd);
#endif

#endif /* UNITRON_ASP_T_SYSLOG_H */
