/*
 * The latency benchmark's own-core side (bench/latency/latency.c on
 * port/bare): the software line's raiser, a task below the measuring
 * one, which latency.c starts for its swi phase: ras_int() is a
 * self-IPI, taken as soon as the raiser's ras_int() has sent it, so the
 * figure is the self-IPI's delivery, the handler and the dispatch to
 * the woken task.  No edu device reaches the own core: its phase is
 * skipped.
 */
#include <t_services.h>
#include "kernel_id.h"
#include "latency.h"
#include "raiser.h"

void raiser(VP_INT exinf)
{
	(void)exinf;
	for (;;) {
		(void)dly_tsk(RAISE_MS);
		(void)ras_int(INTNO_SWI(SWI_LINE));
	}
}

int lat_edu_present(void)
{
	return 0;
}

void lat_edu_enable(int on)
{
	(void)on;
}

unsigned long long lat_edu_ack(void)
{
	return 0;
}
