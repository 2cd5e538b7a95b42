/*
 * The linux port's own Linux I/O test application (tests/vm/bridge):
 * client tasks make delegated calls on command, so that the guest script
 * controls the proxy server around them.  A datum on CMD_DTQ is one
 * call; its outcome goes to RES_DTQ as one datum: the result, or minus
 * vio_errno() when the call failed.
 *
 *	1	vio_null()
 *	2	vio_begin(); open "fifo" O_RDWR; read a byte; vio_end():
 *		the read's outcome (it waits in Linux until a byte comes)
 */
#ifndef VIOAPP_H
#define VIOAPP_H

#define CLIENT_PRI	5
#define STK		8192

#define CMD_NULL	1
#define CMD_READ_FIFO	2

#ifndef _MACRO_ONLY
void	client_task(VP_INT exinf);
#endif

#endif /* VIOAPP_H */
