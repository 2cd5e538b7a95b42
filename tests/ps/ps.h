/*
 * The status text's check on the posix port (ps.c): shared by the .cfg
 * and the C code; under _MACRO_ONLY only macros are visible.
 */
#define MAIN_PRI	5
#define WAITER_PRI	4	/* the created task: above MAIN_TASK */
#define STK		16384
#define NA		2	/* IDs reserved per kind; ps.c uses the last */

#ifndef _MACRO_ONLY
void	main_task(VP_INT exinf);
void	waiter(VP_INT exinf);
void	handler(VP_INT exinf);
#endif
