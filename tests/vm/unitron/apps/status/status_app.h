/*
 * Linux port: a system held in a known state for the status file
 * (unitronctl ps) and the trace events.  Shared by the .cfg and the C
 * code: under _MACRO_ONLY only macros are visible.
 */
#define MAIN_PRI	2
#define SEM_HIGH_PRI	4
#define SEM_LOW_PRI	6
#define WAITER_PRI	5
#define SUSPENDED_PRI	7
#define SPIN_PRI	9
#define DORMANT_PRI	10
#define SEM_TMOUT	100000	/* ms: longer than the test */
#define CYC_PERIOD	10	/* ms */

#ifndef _MACRO_ONLY
void	sem_low(VP_INT exinf);
void	sem_high(VP_INT exinf);
void	delayed(VP_INT exinf);
void	receiver(VP_INT exinf);
void	flagged(VP_INT exinf);
void	suspended(VP_INT exinf);
void	spinner(VP_INT exinf);
void	behind(VP_INT exinf);
#endif
