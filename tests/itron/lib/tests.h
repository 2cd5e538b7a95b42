/*
 * Unitron conformance tests - what every test application shares:
 * priorities, stack size, the TAP helpers, the waiter bookkeeping of the
 * object tests and the test entry points.
 */
#ifndef UNITRON_TESTS_H
#define UNITRON_TESTS_H

#include <t_services.h>

#define HIGH_PRI	3
#define MID_PRI		5
#define LOW_PRI		7
#define STK		8192

#ifndef _MACRO_ONLY
#include "tap.h"
#include "waiters.h"
#include "kernel_id.h"

/* Entry points a test's .cfg may name; each test defines what it uses. */
void	main_task(VP_INT exinf);
void	high_task(VP_INT exinf);
void	mid_task(VP_INT exinf);
void	low_task(VP_INT exinf);
void	act_task(VP_INT exinf);
void	swi_handler(void);
void	swi2_handler(void);
void	swi_isr(VP_INT exinf);
void	cyclic_handler(VP_INT exinf);
void	alarm_handler(VP_INT exinf);
void	overrun_handler(ID tskid, VP_INT exinf);
void	tex_routine(TEXPTN texptn, VP_INT exinf);
void	exc_handler(VP p_excinf);
void	ini_routine(VP_INT exinf);
void	ter_routine(VP_INT exinf);
#endif

#endif /* UNITRON_TESTS_H */
