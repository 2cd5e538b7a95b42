/*
 * Unitron - the time event heap and the tick.
 *
 * Events sit in a binary min-heap on evttim (1-based, index 0 meaning
 * "not queued"), so inserting, removing and firing cost O(log n).  Times
 * are 64-bit milliseconds since start, so they do not wrap.
 */
#include "task.h"
#include "time_event.h"
#include "overrun.h"

EVTTIM	current_evttim;
SYSTIM	systim_offset;
UINT	tick_ms = 1U;

static UINT	heap_count;

void initialize_time_event(void)
{
	current_evttim = 0UL;
	systim_offset = 0UL;
	heap_count = 0U;
}

static void heap_place(UINT index, TMEVTB *p_tmevtb)
{
	tmevt_heap[index] = p_tmevtb;
	p_tmevtb->index = index;
}

/* Move the event at index up until its parent is not later. */
static void heap_up(UINT index)
{
	TMEVTB *p_tmevtb = tmevt_heap[index];

	while (index > 1U) {
		UINT parent = index / 2U;

		if (tmevt_heap[parent]->evttim <= p_tmevtb->evttim)
			break;
		heap_place(index, tmevt_heap[parent]);
		index = parent;
	}
	heap_place(index, p_tmevtb);
}

/* Move the event at index down until no child is earlier. */
static void heap_down(UINT index)
{
	TMEVTB *p_tmevtb = tmevt_heap[index];

	for (;;) {
		UINT child = index * 2U;

		if (child > heap_count)
			break;
		if (child < heap_count &&
		    tmevt_heap[child + 1U]->evttim < tmevt_heap[child]->evttim)
			child++;
		if (p_tmevtb->evttim <= tmevt_heap[child]->evttim)
			break;
		heap_place(index, tmevt_heap[child]);
		index = child;
	}
	heap_place(index, p_tmevtb);
}

void tmevtb_enqueue_evttim(TMEVTB *p_tmevtb, EVTTIM evttim, CBACK callback,
			   VP arg)
{
	p_tmevtb->evttim = evttim;
	p_tmevtb->callback = callback;
	p_tmevtb->arg = arg;
	heap_count++;
	heap_place(heap_count, p_tmevtb);
	heap_up(heap_count);
}

/*
 * Relative times count from real time: ticks that have elapsed but whose
 * interrupt has not been handled yet (port_tick_lag) are part of "now",
 * or a late tick would make a timeout expire early.
 */
void tmevtb_enqueue(TMEVTB *p_tmevtb, RELTIM reltim, CBACK callback, VP arg)
{
	EVTTIM now = current_evttim + (EVTTIM)port_tick_lag() * tick_ms;

	tmevtb_enqueue_evttim(p_tmevtb, now + reltim + tick_ms, callback, arg);
}

void tmevtb_dequeue(TMEVTB *p_tmevtb)
{
	UINT index = p_tmevtb->index;
	TMEVTB *p_last = tmevt_heap[heap_count];

	p_tmevtb->index = 0U;
	heap_count--;
	if (p_last == p_tmevtb)
		return;
	heap_place(index, p_last);
	if (index > 1U && p_last->evttim < tmevt_heap[index / 2U]->evttim)
		heap_up(index);
	else
		heap_down(index);
}

RELTIM tmevtb_lefttim(const TMEVTB *p_tmevtb)
{
	EVTTIM now = current_evttim + (EVTTIM)port_tick_lag() * tick_ms;

	if (p_tmevtb->evttim <= now + tick_ms)
		return 0U;
	return (RELTIM)(p_tmevtb->evttim - now - tick_ms);
}

void call_time_handler(void (*handler)(VP_INT), VP_INT exinf)
{
	i_unlock_cpu();
	handler(exinf);
	/* A handler that ends with the CPU locked (iloc_cpu) stays so. */
	if (!port_sense_lock())
		i_lock_cpu();
}

BOOL tick_fires_event(void)
{
	return heap_count > 0U &&
	       tmevt_heap[1]->evttim <= current_evttim + tick_ms;
}

/*
 * The tick: advance the time and fire due events, each with the CPU
 * locked.  A callback may enqueue again (cyclic handlers).
 */
ER isig_tim(void)
{
	CHECK_INTCTX_UNL();

	LOG_TICK_ENTER();
	i_lock_cpu();
	overrun_tick();
	current_evttim += tick_ms;
	while (heap_count > 0U && tmevt_heap[1]->evttim <= current_evttim) {
		TMEVTB *p_tmevtb = tmevt_heap[1];

		tmevtb_dequeue(p_tmevtb);
		p_tmevtb->callback(p_tmevtb->arg);
	}
	i_unlock_cpu();
	LOG_TICK_LEAVE();
	return E_OK;
}
