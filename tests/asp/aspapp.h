/*
 * An application written the TOPPERS/ASP way (tests/host/asp.t builds
 * it with API=asp, unmodified): ASP's headers and types, kernel_cfg.h,
 * ASP's .cfg conventions and test library, and what ASP's extensions
 * add - mutexes, message buffers - with alarm handlers, priority data
 * queues and interrupt management.
 */
#include <target_test.h>

#define MAIN_PRIORITY	10
#define HIGH_PRIORITY	9
#define LOW_PRIORITY	11
#define INTPRI_SWI	(-2)

#define MSG_MAX		16

#ifndef TOPPERS_MACRO_ONLY
extern void	main_task(intptr_t exinf);
extern void	high_task(intptr_t exinf);
extern void	tex_routine(TEXPTN texptn, intptr_t exinf);
extern void	alarm_handler(intptr_t exinf);
extern void	swi_isr(intptr_t exinf);
extern void	ter_routine(intptr_t exinf);
#endif
