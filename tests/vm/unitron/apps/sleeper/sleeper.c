/*
 * Linux port: a task calling msleep() is reported (the whole µITRON
 * system waits for it), and the system goes on afterwards.
 */
#include "tests.h"

void msleep(unsigned int msecs);	/* Linux's, called on purpose */

void main_task(VP_INT exinf)
{
	SYSTIM before, after;

	get_tim(&before);
	msleep(20);
	get_tim(&after);
	OK(after - before >= 20);
	tap_done();
}
