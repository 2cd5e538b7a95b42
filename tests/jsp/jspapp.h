/*
 * jspapp - a test application written the way TOPPERS/JSP applications
 * are: a header shared with the .cfg under _MACRO_ONLY, target blocks
 * keyed on LINUX, JSP type names, t_services.h.
 */
#if defined(LINUX)
#define WORK_LOOPS	100000	/* compute between two reports */
#else
#define WORK_LOOPS	10000
#endif

#define MAIN_PRIORITY	5
#define WORKER_PRIORITY	10

#ifndef TASK_PORTID
#define TASK_PORTID	1
#endif
#ifndef STACK_SIZE
#define STACK_SIZE	8192
#endif

#ifndef _MACRO_ONLY
extern void	worker(VP_INT exinf);
extern void	worker_tex(TEXPTN texptn, VP_INT exinf);
extern void	main_task(VP_INT exinf);
extern void	tick_handler(VP_INT exinf);
#endif /* _MACRO_ONLY */
