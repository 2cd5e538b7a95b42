/*
 * Linux port: a Linux process raises software interrupt 1 through the
 * control device three times; the handler signals a semaphore each time.
 */
#include "tests.h"

void swi_handler(void)
{
	isig_sem(SEM);
}

void main_task(VP_INT exinf)
{
	int i;

	syslog(LOG_EMERG, "waiting for interrupts");
	for (i = 0; i < 3; i++)
		ER_IS(twai_sem(SEM, 20000), E_OK);
	tap_done();
}
