/*
 * Benchmark (linux port, own core): latency from an interrupt to the first
 * instruction of the µITRON task its handler wakes, in ns.
 *
 *   tick  a cyclic handler at every tick: from the moment the tick's
 *         hrtimer was due (own core: the APIC timer expired)
 *   swi   software interrupt SWI_LINE, raised by a Linux process
 *         through the control device: from the moment of the ioctl
 *         (on the own core, port/bare: by a lower-priority µITRON task,
 *         bench/owncore/apps/latency, with ras_int(), a self-IPI);
 *         raises that come while the last one is pending merge into it,
 *         so the phase ends after 2 s without one
 *   dev   QEMU's edu PCI device's interrupt (device line 0, bound by
 *         latency_linux.c), raised every EDU_PERIOD_US by an hrtimer on
 *         a Linux CPU: from the raise (skipped without an edu device)
 *
 * The handler takes the interrupt's time from the port (vxget_int_nsec)
 * and wakes the waiting task, which reads the clock (vxget_nsec) first
 * thing.  A source is a handler calling event(): a device interrupt is
 * one more DEF_INH line and one more measure() call.  Prints one record
 * per source (bench/lib/devstat.h); integer arithmetic only.
 */
#include <t_services.h>
#include "kernel_id.h"
#include "latency.h"
#include "devstat.h"

static volatile BOOL	waiting;	/* the task sleeps for an event */
static volatile UD	raised;		/* the event's interrupt, ns */
static volatile UINT	missed;		/* events the task was busy for */

/* An interrupt raised at ns: time it, if the task waits. */
static void event_at(UD ns)
{
	if (!waiting) {
		missed++;
		return;
	}
	waiting = FALSE;
	raised = ns;
	(void)iwup_tsk(MAIN_TASK);
}

/* An interrupt whose time the port knows. */
static void event(void)
{
	UD ns;

	(void)vxget_int_nsec(&ns);
	event_at(ns);
}

void tick_handler(VP_INT exinf)
{
	(void)exinf;
	event();
}

void swi_handler(void)
{
	event();
}

void dev_handler(void)
{
	event_at(lat_edu_ack());
}

/*
 * Time up to SAMPLES events of one source: until one does not come
 * within first ms, or a later one within next ms.
 */
static void measure(const char *source, TMO first, TMO next)
{
	struct devstat s;
	UD now;

	devstat_init(&s);
	missed = 0;
	while (s.n < SAMPLES) {
		waiting = TRUE;
		if (tslp_tsk(s.n ? next : first) != E_OK)
			break;
		(void)vxget_nsec(&now);
		devstat_add(&s, (long long)(now - raised));
	}
	waiting = FALSE;
	syslog(LOG_EMERG, "BENCH latency_ns_%s " BENCH_WHO " " DEVSTAT_FMT
	       " missed=%u",
	       source, DEVSTAT_ARGS(&s), missed);
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	(void)sta_cyc(TICKER);
	measure("tick", 1000, 1000);
	(void)stp_cyc(TICKER);
	syslog(LOG_EMERG, "BENCH ready swi %d", SWI_LINE);
#ifdef UNITRON_PORT_BARE
	/* No Linux process can raise a line of the own core: a task does. */
	(void)act_tsk(RAISER);
#endif
	measure("swi", 60000, 2000);
	if (lat_edu_present()) {
		lat_edu_enable(1);
		measure("dev", 1000, 1000);
		lat_edu_enable(0);
	}
	kernel_exit();
}
