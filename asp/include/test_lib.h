/*
 * Unitron - TOPPERS/ASP compatibility: the test library of ASP's test
 * programs (check_point, check_ercd, ...), written for Unitron.  Each
 * check point is a TAP test point, so `prove` runs such a program; a
 * failed check prints "not ok" with the file and line, and ends the
 * system, as ASP's does.
 */
#ifndef UNITRON_ASP_TEST_LIB_H
#define UNITRON_ASP_TEST_LIB_H

#include <kernel.h>

#ifndef _MACRO_ONLY

typedef ER	(*BIT_FUNC)(void);

/* A consistency check run at every check point (E_OK: consistent). */
void	set_bit_func(BIT_FUNC bit_func);
void	test_start(const char *progname);
void	syslog_flush(void);
void	test_finish(void);
/* Check points must be reached in order 1, 2, 3, ... */
void	check_point(uint_t count);
/*
 * The last check point: prints the plan and ends the system.  These and
 * the failures below do not return (not declared so: objtool, in the
 * linux port's module, would take the calls for falling through).
 */
void	check_finish(uint_t count);
void	_check_assert(const char *expr, const char *file, int_t line);
void	_check_ercd(ER ercd, ER expected, const char *file, int_t line);

#define check_assert(exp) \
	((void)(!(exp) ? (_check_assert(#exp, __FILE__, __LINE__), 0) : 0))
#define check_ercd(ercd, expected) \
	((void)((ercd) != (expected) ? \
		(_check_ercd((ercd), (expected), __FILE__, __LINE__), 0) : 0))

/* The system state a task (check_state) or a handler sees. */
#define check_state(ctx, loc, ipm, dsp, dpn, tex)	do {	\
	PRI intpri;						\
	check_assert(sns_ctx() == (ctx));			\
	check_assert(sns_loc() == (loc));			\
	check_ercd(get_ipm(&intpri), E_OK);			\
	check_assert(intpri == (ipm));				\
	check_assert(sns_dsp() == (dsp));			\
	check_assert(sns_dpn() == (dpn));			\
	check_assert(sns_tex() == (tex));			\
} while (0)

#define check_state_i(ctx, loc, dsp, dpn, tex)	do {		\
	check_assert(sns_ctx() == (ctx));			\
	check_assert(sns_loc() == (loc));			\
	check_assert(sns_dsp() == (dsp));			\
	check_assert(sns_dpn() == (dpn));			\
	check_assert(sns_tex() == (tex));			\
} while (0)

#endif /* _MACRO_ONLY */
#endif /* UNITRON_ASP_TEST_LIB_H */
