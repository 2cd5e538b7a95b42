/*
 * Unitron - starting and ending the kernel.
 */
#include "task.h"

/*
 * Called by the port, CPU locked, in non-task context (kerflg FALSE), with
 * interrupts held until port_start_dispatch().  Objects are initialised
 * before the initialization routines run, so those may use them: they run
 * with the CPU unlocked, so the non-task-context service calls work there.
 * Tasks start only after the last routine returns.
 */
void kernel_start(void)
{
	UINT i;

	initialize_time_event();
	initialize_task();
	initialize_interrupt();
	initialize_exception();
	initialize_semaphore();
	initialize_mutex();
	initialize_eventflag();
	initialize_dataqueue();
	initialize_pridataq();
	initialize_mailbox();
	initialize_mempfix();
	initialize_mempvar();
	initialize_messagebuf();
	initialize_rendezvous();
	initialize_cyclic();
	initialize_alarm();
	initialize_overrun();
	initialize_svc();

	i_unlock_cpu();
	for (i = 0; i < tnum_inirtn; i++)
		inirtnb_table[i].inirtn(inirtnb_table[i].exinf);
	if (!port_sense_lock())
		i_lock_cpu();

	kerflg = TRUE;
	reqflg = FALSE;
	port_start_dispatch();
}

/* Termination routines run in the reverse order of their definition. */
void call_terrtns(void)
{
	UINT i = tnum_terrtn;

	while (i > 0U) {
		i--;
		terrtnb_table[i].terrtn(terrtnb_table[i].exinf);
	}
}

/*
 * End the whole system from any context.  Runs the termination routines
 * (VATT_TER) with the CPU locked, then the port stops.
 */
ER ext_ker(void)
{
	if (!port_sense_lock())
		port_lock_cpu();
	kerflg = FALSE;
	call_terrtns();
	port_exit_kernel();
	return E_SYS;
}

void kernel_exit(void)
{
	(void)ext_ker();
	for (;;)
		;
}
