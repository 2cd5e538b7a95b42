/*
 * Unitron - TOPPERS/ASP compatibility: target_test.h, what ASP's sample
 * and test programs take from the target, for the port in use.
 */
#ifndef UNITRON_ASP_TARGET_TEST_H
#define UNITRON_ASP_TARGET_TEST_H

#include <kernel.h>

#ifdef EXCNO_SEGV
/* A CPU exception a task can raise: a write through a null pointer. */
#define CPUEXC1			EXCNO_SEGV
#define RAISE_CPU_EXCEPTION	(*(volatile int *)0 = 0)
/* The faulting instruction cannot be resumed: the handler must not return. */
#define CANNOT_RETURN_CPUEXC
#endif

#ifndef STACK_SIZE
#define STACK_SIZE	16384	/* room for syslog's formatting */
#endif
#ifndef TASK_PORTID
#define TASK_PORTID	1
#endif
#ifndef LOOP_REF
#define LOOP_REF	1000000UL
#endif

#endif /* UNITRON_ASP_TARGET_TEST_H */
