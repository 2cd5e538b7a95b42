/*
 * Clear errors (ctlerr.cfg): the main task takes data from Linux until
 * a 0, then ends the system; line 2's handler signals a semaphore.
 */
#include <kernel.h>
#include <t_syslog.h>
#include "kernel_id.h"
#include "tests.h"

void swi_handler(void)
{
	(void)isig_sem(LONG_SEMAPHORE_NAME);
	syslog(LOG_NOTICE, "line 2 raised");
}

void main_task(VP_INT exinf)
{
	VP_INT datum;

	(void)exinf;
	syslog(LOG_NOTICE, "waiting for data");
	while (rcv_dtq(CMD_DTQ, &datum) == E_OK && (INT)datum != 0)
		syslog(LOG_NOTICE, "got %d", (INT)datum);
	ext_ker();
}
