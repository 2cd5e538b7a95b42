#include <t_services.h>
#include "kernel_id.h"		/* IDs the configurator assigned */
#include "hello.h"

void tick(VP_INT exinf)		/* cyclic handler: every 100 ms */
{
	(void)isig_sem(READY);
}

void poke(void)			/* interrupt handler: software line 1 */
{
	(void)iwup_tsk(WORKER);
}

void worker(VP_INT exinf)
{
	for (int i = 1; i <= 5; i++) {
		wai_sem(READY);
		syslog(LOG_NOTICE, "tick %d", i);
	}
	syslog(LOG_NOTICE, "waiting for a poke on line 1");
	slp_tsk();		/* until poke() wakes it */
	syslog(LOG_NOTICE, "poked: goodbye");
	ext_ker();		/* end the whole system */
}

void main_task(VP_INT exinf)
{
	syslog(LOG_NOTICE, "hello from µITRON");
	act_tsk(WORKER);
}
