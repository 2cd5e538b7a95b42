/*
 * Unitron conformance tests - TAP output from µITRON applications.
 */
#include "tap.h"

static UINT	tests;
static UINT	failed;
static UINT	last_step;

static UINT next_number(void)
{
	return __atomic_add_fetch(&tests, 1U, __ATOMIC_SEQ_CST);
}

BOOL tap_ok(BOOL cond, const char *name)
{
	UINT n = next_number();

	if (!cond)
		__atomic_add_fetch(&failed, 1U, __ATOMIC_SEQ_CST);
	syslog(LOG_EMERG, "%sok %u - %s", cond ? "" : "not ", n, name);
	return cond;
}

BOOL tap_ercd(ER got, ER expected, const char *name)
{
	BOOL pass = got == expected;

	tap_ok(pass, name);
	if (!pass)
		syslog(LOG_EMERG, "#   got %s (%d), expected %s (%d)",
		       itron_strerror(got), got, itron_strerror(expected),
		       expected);
	return pass;
}

BOOL tap_int(long got, long expected, const char *name)
{
	BOOL pass = got == expected;

	tap_ok(pass, name);
	if (!pass)
		syslog(LOG_EMERG, "#   got %ld, expected %ld", got, expected);
	return pass;
}

void tap_step(UINT n)
{
	UINT expected = ++last_step;
	UINT number = next_number();

	if (n != expected) {
		__atomic_add_fetch(&failed, 1U, __ATOMIC_SEQ_CST);
		syslog(LOG_EMERG, "not ok %u - step %u # reached after step %u",
		       number, n, expected - 1U);
		last_step = n;
		return;
	}
	syslog(LOG_EMERG, "ok %u - step %u", number, n);
}

void tap_diag(const char *text)
{
	syslog(LOG_EMERG, "# %s", text);
}

void tap_plan(void)
{
	syslog(LOG_EMERG, "1..%u", tests);
	if (failed > 0U)
		syslog(LOG_EMERG, "# %u of %u failed", failed, tests);
}

void tap_done(void)
{
	tap_plan();
	(void)ext_ker();
	for (;;)
		;
}
