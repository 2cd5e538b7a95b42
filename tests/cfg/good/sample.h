/*
 * The application header of the configurator's sample test: what
 * sample.cfg names.  Read by the preprocessor on the .cfg (with
 * _MACRO_ONLY: macros only) and by the generated kernel_cfg.c.
 */
#ifndef SAMPLE_H
#define SAMPLE_H

#include <kernel.h>

#define MAIN_PRIORITY	5
#define HIGH_PRIORITY	9
#define MID_PRIORITY	10
#define LOW_PRIORITY	11
#define STACK_SIZE	8192
#define MPK_SIZE	1001	/* not a multiple of sizeof(VP_INT) */

#ifndef _MACRO_ONLY
void	task(VP_INT exinf);
void	main_task(VP_INT exinf);
void	tex_routine(TEXPTN texptn, VP_INT exinf);
void	cyclic_handler(VP_INT exinf);
void	alarm_handler(VP_INT exinf);
void	overrun_handler(ID tskid, VP_INT exinf);
ER_UINT	svc_routine(VP_INT p1, VP_INT p2, VP_INT p3, VP_INT p4, VP_INT p5,
		    VP_INT p6);
void	timer_handler(void);
void	isr_routine(VP_INT exinf);
void	exc_handler(VP p_excinf);
void	init_routine(VP_INT exinf);
void	term_routine(VP_INT exinf);

extern VP_INT	user_dtq_area[4];
extern VP	user_mpf_area[64];
extern char	user_stack[4096];
extern UB	user_mbf_area[100];
extern VP	user_mpl_area[64];

/* Not macros: the configurator cannot evaluate these, the compiler can. */
enum { ENUM_PRIORITY = 7, ENUM_MAXSEM = 3 };
#endif

#endif /* SAMPLE_H */
