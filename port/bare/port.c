/*
 * Unitron bare port - µITRON alone on a CPU of its own (issue 12).
 *
 * The loader (port/bare/loader, unitron_core.ko) starts the image at
 * _start with the boot block; bare_start() sets up the CPU's tables and
 * the APIC timer and starts the kernel.  Tasks run on their own stacks
 * (bare_switch); an interrupt runs its handler on the interrupted
 * task's stack and dispatches from there when the handler readied a
 * task of higher priority, so the interrupted task resumes, later, by
 * returning from that interrupt.  With no task ready the CPU halts with
 * interrupts on until the next one.
 */
#include "bare.h"

#define IDLE_STACK_SIZE	4096U
/* The most isig_tim() one tick interrupt makes when it is late. */
#define TICKS_PER_INTERRUPT	2U

volatile int	bare_int_nest;
volatile int	bare_locked;
struct own_boot_block	*bare_boot;

static CTXB	idle_ctxb;
static STK_T	idle_stack[COUNT_STK_T(IDLE_STACK_SIZE)]
			__attribute__((aligned(16)));
static UINT	tick_us;
static unsigned long	tsc_per_tick;
static unsigned long	tick_origin;	/* TSC half a tick before tick 0 */
static unsigned long	ticks_done;	/* isig_tim() calls */
static volatile UW	handled[BARE_VECTORS];	/* interrupts run, by vector */
static unsigned long	raised[BARE_VECTORS];	/* TSC of ras_int(), by vector */
static unsigned long	int_tsc;	/* TSC when the running one was raised */

/* ---- dispatching ---------------------------------------------------- */

void port_activate_context(TCB *p_tcb)
{
	char *top = (char *)p_tcb->p_tinib->stk + p_tcb->p_tinib->stksz;

	/* Entered by a jump: the ABI wants rsp + 8 16-byte aligned. */
	p_tcb->tskctxb.sp = (void *)(((unsigned long)top & ~15UL) - 8UL);
	p_tcb->tskctxb.pc = task_start;
}

void port_dispatch(void)
{
	TCB *p_from = runtsk;

	if (schedtsk == NULL) {
		bare_switch(&p_from->tskctxb, &idle_ctxb);
		return;
	}
	set_runtsk(schedtsk);
	bare_switch(&p_from->tskctxb, &runtsk->tskctxb);
}

void port_exit_and_dispatch(void)
{
	if (schedtsk == NULL)
		bare_jump(&idle_ctxb);
	set_runtsk(schedtsk);
	bare_jump(&runtsk->tskctxb);
}

/*
 * No task to run: halt with interrupts on until a handler readies one,
 * or, while a young Linux I/O call is looked at (bare_idle_poll()),
 * poll for its end with interrupts on.  Entered with the CPU locked,
 * afresh each time, on a stack of its own.  "sti; hlt" cannot lose a
 * wake-up: sti takes effect only after hlt.
 */
static void idle_loop(void)
{
	runtsk = NULL;
	while (schedtsk == NULL) {
		/* Locked: its ras_int() is taken at the sti, not waited for. */
		BOOL looking = bare_idle_poll(FALSE);

		bare_locked = 0;
		if (looking)
			__asm__ volatile("sti; pause; cli" ::: "memory");
		else
			__asm__ volatile("sti; hlt; cli" ::: "memory");
		bare_locked = 1;
	}
	(void)bare_idle_poll(TRUE);
	set_runtsk(schedtsk);
	bare_jump(&runtsk->tskctxb);
}

void port_start_dispatch(void)
{
	idle_ctxb.sp = (char *)idle_stack + sizeof(idle_stack) - 8;
	idle_ctxb.pc = idle_loop;
	bare_int_nest = 0;
	tsc_per_tick = (unsigned long)bare_boot->tsc_khz * tick_us / 1000UL;
	bare_apic_start(tick_us);
	tick_origin = bare_rdtsc() - tsc_per_tick / 2U;
	bare_jump(&idle_ctxb);
}

/* The system ends for good: the bridge's calls first, then halt. */
static void __attribute__((noreturn)) stop(const char *msg, UINT len)
{
	bare_bridge_stopped();
	port_console_write(msg, len);
	bare_halt(OWN_STATE_STOPPED);
}

/* ext_ker(): nothing to return to; the loader sees the state. */
void port_exit_kernel(void)
{
	static const char msg[] = "µITRON system stopped\n";

	stop(msg, sizeof(msg) - 1U);
}

/* ---- interrupts ----------------------------------------------------- */

/* Tick periods due by the TSC, rounded to the nearest. */
static unsigned long ticks_due(void)
{
	return (bare_rdtsc() - tick_origin) / tsc_per_tick;
}

/* The longest gap between tick interrupts so far, for the loader. */
static void note_gap(unsigned long now)
{
	static unsigned long last, longest;

	if (last != 0U && now - last > longest) {
		longest = now - last;
		bare_boot->tick_gap_max_us =
			(UW)(longest * 1000UL / bare_boot->tsc_khz);
	}
	last = now;
}

/*
 * The APIC timer's period is only as good as its calibration (and under
 * QEMU its clock is not the TSC's): the TSC, Linux's clock too, says how
 * many ticks are due, so that µITRON time keeps with Linux's.  An
 * interrupt a little early or late still counts its own tick: the
 * origin lies half a period back.  Ticks missed while the CPU could not
 * take the interrupt (a virtual CPU its host held off) are caught up a
 * few per interrupt, not all at once: the tasks run in between, as they
 * would have, rather than seeing every time event of the gap fire
 * together (port_tick_lag() meanwhile counts new timeouts from real
 * time).
 */
static void tick(void)
{
	unsigned long now = bare_rdtsc();
	UW elapsed = bare_apic_timer_elapsed();
	unsigned long due = ticks_due();
	UINT n;

	/* When the timer expired: the counts since then, in TSC cycles. */
	int_tsc = now - (unsigned long)elapsed * tsc_per_tick /
			bare_boot->apic_per_tick;
	note_gap(now);
	bare_apic_eoi();
	for (n = 0; n < TICKS_PER_INTERRUPT && ticks_done < due; n++) {
		ticks_done++;
		bare_boot->ticks = ticks_done;
		(void)isig_tim();
	}
}

/* The loader's stop request (rmmod, unitronctl stop). */
static const char stop_msg[] = "µITRON system stopped by the loader\n";

/*
 * An interrupt, with interrupts off, on the interrupted context's
 * stack.  Handlers do not nest.  Back in a task, dispatch if a handler
 * asked for it: the task resumes later by returning from here.
 */
void bare_interrupt(UINT vector)
{
	bare_int_nest++;
	bare_locked = 0;
	if (vector == BARE_TICK_VECTOR) {
		tick();
	} else if (vector == OWN_STOP_VECTOR && bare_boot->stop) {
		stop(stop_msg, sizeof(stop_msg) - 1U);
	} else if (vector == OWN_PS_VECTOR) {
		bare_apic_eoi();
		bare_status();
	} else {
		int_tsc = raised[vector];
		bare_apic_eoi();
		if (!interrupt_handle(vector))
			bare_boot->foreign_irqs++;
		handled[vector]++;
	}
	bare_int_nest--;
	bare_locked = 1;
	if (runtsk != NULL && reqflg)
		return_to_task();
	bare_locked = 0;
}

/*
 * A software interrupt is a self-IPI: like any interrupt it waits while
 * the CPU is locked or a handler runs.  Otherwise it has run when
 * ras_int() returns, as a real interrupt would have by then: wait for
 * it, since the APIC may take a few instructions to deliver it.
 */
/*
 * A vector an interrupt handler may take: not an exception's, nor one
 * the port or the loader's requests (stop, status) use.
 */
static BOOL interrupt_vector(UINT no)
{
	return BARE_EXCEPTIONS <= no && no < BARE_VECTORS &&
	       no != BARE_TICK_VECTOR && no != BARE_SPURIOUS_VECTOR &&
	       no != OWN_STOP_VECTOR && no != OWN_PS_VECTOR;
}

ER port_define_inh(INHNO inhno)
{
	return interrupt_vector(inhno) ? E_OK : E_PAR;
}

ER ras_int(INTNO intno)
{
	UW before;

	if (!interrupt_vector(intno) || !interrupt_attached(intno))
		return E_PAR;
	before = handled[intno];
	raised[intno] = bare_rdtsc();
	bare_apic_self_ipi(intno);
	if (bare_int_nest == 0 && bare_locked == 0)
		while (handled[intno] == before)
			__asm__ volatile("pause");
	return E_OK;
}

/* Ticks due by the TSC whose interrupt has not come yet. */
UINT port_tick_lag(void)
{
	unsigned long due;

	if (!kerflg || tsc_per_tick == 0U)
		return 0U;
	due = ticks_due();
	return due > ticks_done ? (UINT)(due - ticks_done) : 0U;
}

/* Performance time from the TSC. */
void port_get_utim(SYSUTIM *p_sysutim)
{
	*p_sysutim = bare_rdtsc() * 1000UL / bare_boot->tsc_khz;
}

/* A TSC count in ns, without overflow for years of it. */
static unsigned long tsc_ns(unsigned long tsc)
{
	unsigned long khz = bare_boot->tsc_khz;

	return tsc / khz * 1000000UL + tsc % khz * 1000000UL / khz;
}

ER vxget_nsec(UD *p_nsec)
{
	if (p_nsec == NULL)
		return E_PAR;
	*p_nsec = tsc_ns(bare_rdtsc());
	return E_OK;
}

ER vxget_int_nsec(UD *p_nsec)
{
	if (p_nsec == NULL)
		return E_PAR;
	if (bare_int_nest == 0)
		return E_CTX;
	*p_nsec = tsc_ns(int_tsc);
	return E_OK;
}

/* ---- start ---------------------------------------------------------- */

static UW initial_apic_id(void)
{
	UW a = 1U, b, c = 0U, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return b >> 24;
}

/*
 * From _start, interrupts off, on the boot stack.  Alive is said as
 * soon as the image no longer needs the loader's trampoline page (its
 * own GDT is loaded), so that the loader gives that page back to Linux.
 */
void bare_start(struct own_boot_block *bb) __attribute__((noreturn));
void bare_start(struct own_boot_block *bb)
{
	bare_boot = bb;
	bare_cpu_init();
	bb->apicid = initial_apic_id();
	bb->tsc = bare_rdtsc();
	__asm__ volatile("" ::: "memory");
	bb->alive = OWN_ALIVE_MAGIC;
	tick_us = bb->tick_us;
	if (tick_us != 1000U * TIC_NUME / TIC_DENO || !bare_apic_init())
		bare_halt(OWN_STATE_ERROR);
	bb->state = OWN_STATE_RUNNING;
	bare_locked = 1;
	/* Interrupts stay off, as in a handler, until the first dispatch. */
	bare_int_nest = 1;
	kernel_start();
	bare_halt(OWN_STATE_ERROR);
}

unsigned int vxget_cpu(void)
{
	return bare_boot->cpu;
}
