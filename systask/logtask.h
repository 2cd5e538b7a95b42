/*
 * Unitron - the system log task (TOPPERS/JSP compatible).
 *
 * With logtask.cfg included, syslog messages below the low-level mask are
 * queued and printed by this task, so a high-priority task that logs is
 * not slowed by console output.
 */
#ifndef UNITRON_LOGTASK_H
#define UNITRON_LOGTASK_H

#include <t_config.h>

#ifndef LOGTASK_PRIORITY
#define LOGTASK_PRIORITY	3	/* initial priority */
#endif
#ifndef LOGTASK_STACK_SIZE
#define LOGTASK_STACK_SIZE	4096	/* stack size */
#endif
#ifndef LOGTASK_INTERVAL
#define LOGTASK_INTERVAL	10	/* ms between polls of the queue */
#endif

#ifndef _MACRO_ONLY
void	logtask(VP_INT exinf);
/* Print whatever is queued, from any context (termination). */
void	logtask_flush(VP_INT exinf);
#endif

#endif /* UNITRON_LOGTASK_H */
