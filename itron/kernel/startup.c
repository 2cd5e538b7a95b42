/*
 * Unitron - starting and ending the kernel.
 */
#include "task.h"

/*
 * Called by the port, CPU locked, in non-task context (kerflg FALSE).
 * Objects are initialised before the initialization routines run, so
 * those may use them; tasks start only after the last routine returns.
 */
void kernel_start(void)
{
	UINT i;

	initialize_time_event();
	initialize_task();
	initialize_semaphore();
	initialize_eventflag();
	initialize_dataqueue();
	initialize_mailbox();
	initialize_mempfix();
	initialize_cyclic();

	for (i = 0; i < tnum_inirtn; i++)
		inirtnb_table[i].inirtn(inirtnb_table[i].exinf);

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
