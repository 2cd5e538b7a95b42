/*
 * The bridge's test application: tasks that answer Linux processes.
 */
#include <kernel.h>
#include <t_syslog.h>
#include <unitron_bridge.h>
#include "kernel_id.h"
#include "echo.h"

void echo_task(VP_INT exinf)
{
	VP_INT datum;

	(void)exinf;
	for (;;) {
		if (rcv_dtq(IN_DTQ, &datum) != E_OK)
			continue;
		if ((INT)datum == ECHO_STOP) {
			/* Let the sender's answer out first. */
			(void)dly_tsk(100);
			ext_ker();
		}
		(void)snd_dtq(OUT_DTQ, (VP_INT)((INT)datum + 1));
	}
}

static UB capital(UB c)
{
	return c >= 'a' && c <= 'z' ? (UB)(c - 'a' + 'A') : c;
}

/* Each answer is a new block (vbrg_get_msg); the question is released. */
void mbx_echo_task(VP_INT exinf)
{
	T_MSG *pk_msg;
	T_BRGMSG *p_in, *p_out;
	UINT i;

	(void)exinf;
	for (;;) {
		if (rcv_mbx(IN_MBX, &pk_msg) != E_OK)
			continue;
		p_in = (T_BRGMSG *)pk_msg;
		if (vbrg_get_msg(&p_out, TMO_FEVR) == E_OK) {
			for (i = 0; i < p_in->len; i++)
				p_out->data[i] = capital(p_in->data[i]);
			p_out->len = p_in->len;
			(void)snd_mbx(OUT_MBX, (T_MSG *)p_out);
		}
		(void)vbrg_rel_msg(p_in);
	}
}

void sender_task(VP_INT exinf)
{
	INT count = 0;

	/* HIGH starts waiting after LOW. */
	if ((INT)exinf == 2)
		(void)dly_tsk(20);
	for (;;)
		(void)snd_dtq(PRIQ_DTQ, (VP_INT)((INT)exinf * SENDER_UNIT +
						 count++));
}
