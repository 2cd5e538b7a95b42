// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - the trace hooks of the core (port_api.h) and the
 * port's dispatches, as ftrace events (unitron_trace.h).  All run on the
 * µITRON CPU with the CPU locked or in a handler.
 */
#define CREATE_TRACE_POINTS
#include "unitron_trace.h"

#include "kernel_int.h"
#include "status.h"
#include "t_services.h"		/* itron_strerror() */

void unitron_trace_dispatch(const TCB *p_from, const TCB *p_to)
{
	if (!trace_unitron_dispatch_enabled())
		return;
	trace_unitron_dispatch(p_from ? TSKID(p_from) : 0,
			       p_from ? status_task_state(p_from) : 0,
			       p_to ? TSKID(p_to) : 0,
			       p_to ? EXT_TSKPRI(p_to->priority) : 0);
}

static void handler_event(unsigned int kind, unsigned int no, BOOL enter)
{
	if (enter)
		trace_unitron_handler_enter(kind, no);
	else
		trace_unitron_handler_exit(kind, no);
}

void unitron_log_inh(UINT inhno, BOOL enter)
{
	if (inhno < TNUM_SWI)
		handler_event(UNITRON_HDR_SWI, inhno, enter);
	else if (inhno >= INHNO_DEV_BASE && inhno < INHNO_DEV_BASE + TNUM_DEV)
		handler_event(UNITRON_HDR_DEV, inhno - INHNO_DEV_BASE, enter);
	else
		handler_event(UNITRON_HDR_INH, inhno, enter);
}

void unitron_log_tick(BOOL enter)
{
	handler_event(UNITRON_HDR_TICK, 0, enter);
}

void unitron_log_cyc(const CYCCB *p_cyccb, BOOL enter)
{
	handler_event(UNITRON_HDR_CYC, (p_cyccb - cyccb_table) + TMIN_CYCID,
		      enter);
}

void unitron_log_wai_enter(const TCB *p_tcb)
{
	const WINFO *p_winfo = p_tcb->p_winfo;

	if (!trace_unitron_wait_start_enabled())
		return;
	trace_unitron_wait_start(TSKID(p_tcb), p_winfo->wreason,
				 wait_object_id(p_winfo),
				 wait_lefttmo(p_winfo));
}

void unitron_log_wai_leave(const TCB *p_tcb, const WINFO *p_winfo)
{
	if (!trace_unitron_wait_end_enabled())
		return;
	trace_unitron_wait_end(TSKID(p_tcb), p_winfo->wreason,
			       wait_object_id(p_winfo), p_winfo->wercd,
			       itron_strerror(p_winfo->wercd));
}
