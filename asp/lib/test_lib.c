/*
 * Unitron - TOPPERS/ASP compatibility: the test library (test_lib.h).
 *
 * Output goes through syslog at LOG_EMERG, which every port prints at
 * once, in any context.  A check point may be reached from a handler, so
 * the count is kept with the CPU locked.
 */
#include <kernel.h>
#include <t_syslog.h>
#include "test_lib.h"

static uint_t	check_count;
static BIT_FUNC	check_bit_func;

void set_bit_func(BIT_FUNC bit_func)
{
	check_bit_func = bit_func;
}

void test_start(const char *progname)
{
	syslog(LOG_EMERG, "# %s", progname);
}

void syslog_flush(void)
{
}

void test_finish(void)
{
	(void)ext_ker();
	for (;;)
		;
}

/* Lock the CPU from either context; TRUE if it was not locked. */
static bool_t lock(void)
{
	if (sns_loc())
		return false;
	if (sns_ctx())
		(void)iloc_cpu();
	else
		(void)loc_cpu();
	return true;
}

static void unlock(bool_t locked)
{
	if (!locked)
		return;
	if (sns_ctx())
		(void)iunl_cpu();
	else
		(void)unl_cpu();
}

/* After a "not ok" (test point n): the plan, and the end of the system. */
static void fail(uint_t n)
{
	syslog(LOG_EMERG, "1..%u", n);
	test_finish();
}

void check_point(uint_t count)
{
	bool_t locked = lock();
	uint_t expected = ++check_count;
	ER ercd = check_bit_func != NULL ? check_bit_func() : E_OK;

	unlock(locked);
	if (count != expected) {
		syslog(LOG_EMERG, "not ok %u - check point %u reached, "
		       "%u expected", expected, count, expected);
		fail(expected);
	}
	if (ercd != E_OK) {
		syslog(LOG_EMERG, "not ok %u - check point %u: the consistency "
		       "check returned %s", expected, count,
		       itron_strerror(ercd));
		fail(expected);
	}
	syslog(LOG_EMERG, "ok %u - check point %u", expected, count);
}

void check_finish(uint_t count)
{
	check_point(count);
	syslog(LOG_EMERG, "1..%u", check_count);
	test_finish();
}

void _check_assert(const char *expr, const char *file, int_t line)
{
	syslog(LOG_EMERG, "not ok %u - assertion `%s' failed at %s:%d",
	       check_count + 1U, expr, file, line);
	fail(check_count + 1U);
}

void _check_ercd(ER ercd, ER expected, const char *file, int_t line)
{
	syslog(LOG_EMERG, "not ok %u - %s returned, %s expected, at %s:%d",
	       check_count + 1U, itron_strerror(ercd),
	       itron_strerror(expected), file, line);
	fail(check_count + 1U);
}
