/*
 * sample1 - the classic µITRON demonstration, Unitron edition.
 */
#ifndef SAMPLE1_H
#define SAMPLE1_H

#define MAIN_PRIORITY	5	/* the console task: above the workers */
#define HIGH_PRIORITY	9
#define MID_PRIORITY	10	/* the workers start here */
#define LOW_PRIORITY	11

#define STACK_SIZE	8192
#define WORK_MS		150	/* compute time between two reports */
#define ROTATE_MS	100	/* cyclic handler period */
#define PAUSE_MS	400	/* the '.' command */

#ifndef _MACRO_ONLY
void	worker(VP_INT exinf);
void	worker_tex(TEXPTN texptn, VP_INT exinf);
void	main_task(VP_INT exinf);
void	rotate_handler(VP_INT exinf);
void	fault_handler(VP p_excinf);
#endif

#endif /* SAMPLE1_H */
