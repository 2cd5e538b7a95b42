/*
 * The bridge's test application, on both ports: objects Linux processes
 * use (tests/bridge/brgtest.c drives them).
 */
#ifndef ECHO_H
#define ECHO_H

#define ECHO_PRIORITY	5
#define HIGH_PRIORITY	6
#define LOW_PRIORITY	10
#define STACK_SIZE	4096

/* IN_DTQ datum that ends the system (ext_ker). */
#define ECHO_STOP	(-1)
/* PRIQ_DTQ senders send task * SENDER_UNIT + a count. */
#define SENDER_UNIT	1000

#ifndef _MACRO_ONLY
void	echo_task(VP_INT exinf);
void	mbx_echo_task(VP_INT exinf);
void	sender_task(VP_INT exinf);
#endif

#endif /* ECHO_H */
