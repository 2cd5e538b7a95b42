/*
 * sensor - NREADINGS readings, 1, 2, 3 ..., one every READ_MS, each
 * sent to READING_DTQ by its local ID.  The task does not know where
 * they go: an import of unitron-netd may forward them to a data queue
 * of another node (README, "Across nodes").
 */
#include <kernel.h>
#include <t_syslog.h>
#include "kernel_id.h"
#include "sensor.h"

void sensor_task(VP_INT exinf)
{
	INT reading;

	(void)exinf;
	for (reading = 1; reading <= NREADINGS; reading++) {
		(void)dly_tsk(READ_MS);
		if (snd_dtq(READING_DTQ, (VP_INT)reading) == E_OK)
			syslog(LOG_NOTICE, "sensor: reading %d sent",
			       reading);
	}
	syslog(LOG_NOTICE, "sensor: done");
}
