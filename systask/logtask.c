/*
 * Unitron - the system log task.
 */
#include "kernel.h"
#include "t_syslog.h"
#include "serial.h"
#include "logtask.h"

static void print_queued(ID portid)
{
	char line[256];
	UINT lost;
	UINT len;

	while ((len = syslog_take(line, sizeof(line), &lost)) > 0U ||
	       lost > 0U) {
		if (lost > 0U)
			(void)syslog(LOG_WARNING, "%u messages are lost.",
				     lost);
		serial_write_direct(portid, line, len);
	}
}

void logtask(VP_INT exinf)
{
	ID portid = (ID)exinf;

	syslog_use_logtask(TRUE);
	for (;;) {
		print_queued(portid);
		(void)dly_tsk(LOGTASK_INTERVAL);
	}
}

void logtask_flush(VP_INT exinf)
{
	syslog_use_logtask(FALSE);
	print_queued((ID)exinf);
}
