/*
 * The own-core test image: see hello.cfg.  Every line it logs starts
 * with a word the guest script looks for.
 */
#include <t_services.h>
#include "kernel_id.h"
#include "hello.h"

void cycle(VP_INT exinf)
{
	(void)isig_sem(CYCLED);
}

/* Counts the cyclic handler's calls: one line a second. */
void worker(VP_INT exinf)
{
	SYSTIM now;
	int n;

	for (n = 1;; n++) {
		wai_sem(CYCLED);
		if (n % (1000 / CYCLE_MS) != 0)
			continue;
		get_tim(&now);
		syslog(LOG_NOTICE, "cyclic: %d calls, systim %lu ms", n, now);
	}
}

/* dly_tsk: three half-second sleeps, then the fault or hang built in. */
void sleeper(VP_INT exinf)
{
	SYSTIM before, after;
	int i;

	for (i = 1; i <= 3; i++) {
		get_tim(&before);
		dly_tsk(500);
		get_tim(&after);
		syslog(LOG_NOTICE, "dly_tsk: 500 ms took %lu ms of systim",
		       after - before);
	}
#ifdef FAULT
	syslog(LOG_NOTICE, "fault: executing ud2");
	__asm__ volatile("ud2");
#endif
#ifdef DOUBLE_FAULT
	/*
	 * A stack beyond the identity map: the page fault cannot push its
	 * frame, which makes a double fault, which has a stack of its own.
	 */
	syslog(LOG_NOTICE, "bad stack: pushing onto an unmapped one");
	__asm__ volatile("movq $0x4000000000, %%rsp; pushq $0" ::: "memory");
#endif
#ifdef HANG
	/* No interrupt, so no tick, ever again: the loader must notice. */
	syslog(LOG_NOTICE, "hang: interrupts off, looping for ever");
	__asm__ volatile("cli");
	for (;;)
		__asm__ volatile("pause");
#endif
}

/* The lowest priority, never waiting: Linux must not notice. */
void spinner(VP_INT exinf)
{
	syslog(LOG_NOTICE, "spin: spinning for ever");
	for (;;)
		__asm__ volatile("pause");
}

void main_task(VP_INT exinf)
{
	syslog(LOG_NOTICE, "hello from µITRON on CPU %u", vxget_cpu());
	act_tsk(WORKER);
	act_tsk(SLEEPER);
#ifdef SPIN
	act_tsk(SPINNER);
#endif
}
