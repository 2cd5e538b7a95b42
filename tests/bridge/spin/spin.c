/*
 * The bridge under spinning tasks: tasks above the bridge workers'
 * priority (BRG_PRIORITY, 15) that spin without a service call until
 * software interrupt 1 says stop.
 */
#include <kernel.h>
#include <unitron_bridge.h>
#include "kernel_id.h"
#include "spin.h"

static volatile UINT stops;	/* software interrupt 1's count */

void stop_handler(void)
{
	stops++;
}

/* Until the next stop. */
static void spin(void)
{
	UINT seen = stops;

	while (stops == seen)
		;
}

void ctl_task(VP_INT exinf)
{
	VP_INT cmd;

	(void)exinf;
	for (;;) {
		if (rcv_dtq(CTL_DTQ, &cmd) != E_OK)
			continue;
		(void)dly_tsk(CMD_DELAY);
		switch ((INT)cmd) {
		case CMD_SPIN:
			(void)act_tsk(SPIN_TASK);
			break;
		case CMD_GIVE_DTQ:
			(void)act_tsk(GIVE_TASK);
			break;
		case CMD_GIVE_MBX:
			(void)act_tsk(GIVEM_TASK);
			break;
		default:
			break;
		}
	}
}

void spin_task(VP_INT exinf)
{
	(void)exinf;
	spin();
}

void echo_task(VP_INT exinf)
{
	VP_INT datum;

	(void)exinf;
	for (;;)
		if (rcv_dtq(IN_DTQ, &datum) == E_OK)
			(void)snd_dtq(OUT_DTQ, (VP_INT)((INT)datum + 1));
}

void grab_task(VP_INT exinf)
{
	VP_INT datum;

	(void)exinf;
	for (;;) {
		if (rcv_dtq(GRAB_DTQ, &datum) != E_OK)
			continue;
		spin();
		(void)snd_dtq(OUT_DTQ, datum);
	}
}

void give_task(VP_INT exinf)
{
	(void)exinf;
	(void)snd_dtq(GIVE_DTQ, (VP_INT)GIVE_DATUM);
	spin();
}

void givem_task(VP_INT exinf)
{
	static const char text[] = GIVE_TEXT;
	T_BRGMSG *p_msg;
	UINT i;

	(void)exinf;
	if (vbrg_get_msg(&p_msg, TMO_FEVR) != E_OK)
		return;
	for (i = 0; i < sizeof(text) - 1; i++)
		p_msg->data[i] = (UB)text[i];
	p_msg->len = sizeof(text) - 1;
	(void)snd_mbx(GIVE_MBX, (T_MSG *)p_msg);
	spin();
}
