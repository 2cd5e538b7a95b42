/*
 * Unitron - interrupt handler dispatch.
 *
 * The port's interrupt entry calls interrupt_handle() in handler context.
 * Each DEF_INH handler and ATT_ISR routine runs with the CPU unlocked; a
 * handler that returns with it locked is unlocked for it.
 */
#include "interrupt.h"

static void unlock_after(void)
{
	if (port_sense_lock())
		i_unlock_cpu();
}

BOOL interrupt_attached(UINT no)
{
	UINT i;

	for (i = 0; i < tnum_inhno; i++)
		if (inhinib_table[i].inhno == no)
			return TRUE;
	for (i = 0; i < tnum_isr; i++)
		if (isrinib_table[i].intno == no)
			return TRUE;
	return FALSE;
}

BOOL interrupt_handle(UINT no)
{
	BOOL handled = FALSE;
	UINT i;

	LOG_INH_ENTER(no);
	for (i = 0; i < tnum_inhno; i++) {
		if (inhinib_table[i].inhno != no)
			continue;
		inhinib_table[i].inthdr();
		unlock_after();
		handled = TRUE;
	}
	for (i = 0; i < tnum_isr; i++) {
		if (isrinib_table[i].intno != no)
			continue;
		isrinib_table[i].isr(isrinib_table[i].exinf);
		unlock_after();
		handled = TRUE;
	}
	LOG_INH_LEAVE(no);
	return handled;
}
