/*
 * Unitron conformance tests - TAP output from µITRON applications.
 *
 * Usable from tasks and handlers on every port: output goes through
 * syslog at LOG_EMERG, which every port prints at once.  The plan is
 * printed at the end (tap_done), so a test that dies early fails.
 */
#ifndef UNITRON_TAP_H
#define UNITRON_TAP_H

#include <t_services.h>

/* Record one test point; returns cond. */
BOOL	tap_ok(BOOL cond, const char *name);
/* A service call's result against the expected error code. */
BOOL	tap_ercd(ER got, ER expected, const char *name);
/* An integer against the expected value. */
BOOL	tap_int(long got, long expected, const char *name);
/*
 * Execution order: checkpoints must be reached in order 1, 2, 3...; each
 * is a test point, and one out of order fails.
 */
void	tap_step(UINT n);
void	tap_diag(const char *text);
/*
 * Print the plan without ending the system: for a test whose last points
 * come from termination routines, the last of which calls this.
 */
void	tap_plan(void);
/* Print the plan and end the system. */
void	tap_done(void) NORETURN;

#define OK(cond)		tap_ok((cond), #cond)
#define ER_IS(call, expected)	tap_ercd((call), (expected), #call)
#define INT_IS(val, expected)	tap_int((long)(val), (long)(expected), #val)

#endif /* UNITRON_TAP_H */
