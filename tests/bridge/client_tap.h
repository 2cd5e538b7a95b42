/*
 * TAP for the bridge's client test programs (brgtest, brgspin): test
 * points, µITRON error codes against the expected one, a ms clock.
 * Included once per program; main() prints "1..ntests".
 */
#ifndef UNITRON_CLIENT_TAP_H
#define UNITRON_CLIENT_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "unitron.h"

static int ntests, nfailed;

static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	if (!cond)
		nfailed++;
}

static void is_er(int got, int want, const char *what)
{
	ok(got == want, "%s: %s%s%s", what, unitron_ername(want),
	   got == want ? "" : ", got ", got == want ? "" :
	   got >= 0 ? "a length" : unitron_ername(got));
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

#endif /* UNITRON_CLIENT_TAP_H */
