/*
 * Linux port: a runaway task.  It never waits, so only the inter-OS
 * slice (and unload's forced stop) take the CPU from it.
 */
#include "tests.h"

static volatile unsigned long spins;

void main_task(VP_INT exinf)
{
	syslog(LOG_EMERG, "spinning");
	for (;;)
		spins++;
}
