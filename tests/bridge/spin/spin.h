/*
 * The bridge under spinning tasks, on both ports: tasks above the bridge
 * workers' priority that never block (tests/bridge/brgspin.c drives it).
 */
#ifndef SPIN_H
#define SPIN_H

#define CTL_PRIORITY	1	/* takes commands */
#define SPIN_PRIORITY	3	/* spins until told to stop */
#define GRAB_PRIORITY	4	/* take or give a datum, then spin */
#define ECHO_PRIORITY	5
#define STACK_SIZE	4096

/* CTL_DTQ commands: each acts after CMD_DELAY ms, so that its own
 * call is answered before anything spins. */
#define CMD_DELAY	300
#define CMD_SPIN	1	/* SPIN_TASK spins */
#define CMD_GIVE_DTQ	2	/* GIVE_TASK sends GIVE_DATUM, then spins */
#define CMD_GIVE_MBX	3	/* GIVEM_TASK sends GIVE_TEXT, then spins */

#define GIVE_DATUM	42
#define GIVE_TEXT	"given"

#ifndef _MACRO_ONLY
void	ctl_task(VP_INT exinf);
void	spin_task(VP_INT exinf);
void	grab_task(VP_INT exinf);
void	give_task(VP_INT exinf);
void	givem_task(VP_INT exinf);
void	echo_task(VP_INT exinf);
void	stop_handler(void);
#endif

#endif /* SPIN_H */
