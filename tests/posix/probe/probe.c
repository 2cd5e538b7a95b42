/*
 * posix port checks, driven by tests/host/posix.t.  The mode is the first
 * argument after "--":
 *   nosyscall  CPU lock and dispatch disable pairs between two markers
 *   idle       wait one second with nothing to run
 *   hold       stay up 500 ms (for reading /proc while it runs)
 */
#include <string.h>
#include <t_services.h>
#include "kernel_id.h"
#include "probe.h"
#include "posix.h"

void main_task(VP_INT exinf)
{
	const char *mode = posix_argc > 0 ? posix_argv[0] : "";
	unsigned long i;

	if (strcmp(mode, "nosyscall") == 0) {
		syslog(LOG_NOTICE, "begin");
		for (i = 0; i < 100000; i++) {
			loc_cpu();
			unl_cpu();
			dis_dsp();
			ena_dsp();
		}
		syslog(LOG_NOTICE, "end");
	} else if (strcmp(mode, "idle") == 0) {
		dly_tsk(1000);
	} else if (strcmp(mode, "hold") == 0) {
		syslog(LOG_NOTICE, "holding");
		dly_tsk(500);
	} else {
		syslog(LOG_ERROR, "unknown mode '%s'", mode);
	}
	ext_ker();
}
