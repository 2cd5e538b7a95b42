// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - the µITRON kernel inside Linux, as a module.
 *
 * One SCHED_FIFO 99 kernel thread, bound to one CPU, runs every µITRON
 * task, each on its own stack; dispatching switches stacks
 * (unitron_switch).  The tick is a hard hrtimer on that CPU, so µITRON
 * handlers run in hard-interrupt context first, before any Linux thread.
 * When no task is ready the thread sleeps and Linux runs.
 *
 * A handler that readies a higher-priority task preempts the running one
 * at once when the interrupt came from a safe point of a µITRON task:
 * interrupts and preemption enabled, no spinlock or RCU read section
 * held (the frame is redirected to unitron_preempt_entry, which
 * dispatches).  Otherwise the dispatch happens at the task's next service
 * call or the next tick that finds it at a safe point.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/rt.h>
#include <linux/sched/task.h>
#include <uapi/linux/sched/types.h>
#include <asm/irq_regs.h>

#include "kernel_int.h"
#include "linux_port.h"
#include "unitron_linux.h"

unsigned int unitron_cpu = 1;
module_param_named(cpu, unitron_cpu, uint, 0444);
MODULE_PARM_DESC(cpu, "CPU that runs the µITRON system (default 1)");

static unsigned int tick_us = 1000;
module_param(tick_us, uint, 0444);
MODULE_PARM_DESC(tick_us, "µITRON tick period in µs, whole ms (default 1000)");

static bool autostart;
module_param(autostart, bool, 0444);
MODULE_PARM_DESC(autostart, "start the µITRON system at load (default no)");

static unsigned int tick_advance_us;
module_param(tick_advance_us, uint, 0444);
MODULE_PARM_DESC(tick_advance_us,
		 "take a tick that fires µITRON time events this many µs early and wait for its due time with interrupts off, so that cyclic handlers and the tasks they wake do not wait for Linux's interrupt-off sections or scheduler; costs up to that much CPU per such tick (default 0: off; less than tick_us)");

static unsigned int itron_slice_ms = 95;
module_param(itron_slice_ms, uint, 0644);
MODULE_PARM_DESC(itron_slice_ms,
		 "longest time µITRON tasks run before Linux gets its slice, ms (default 95; 0: never; shortened to fit Linux's RT throttling)");

static unsigned int linux_slice_ms = 5;
module_param(linux_slice_ms, uint, 0644);
MODULE_PARM_DESC(linux_slice_ms,
		 "time Linux gets on the µITRON CPU after a full µITRON slice, ms (default 5)");

/*
 * Linux's RT throttling stops every SCHED_FIFO thread of a CPU that used
 * more than kernel.sched_rt_runtime_us of each sched_rt_period_us, for
 * the rest of that period.  With throttling on, µITRON uses at most that
 * share less RT_HEADROOM, which Linux's own RT threads on the CPU (timer,
 * RCU and IRQ threads on PREEMPT_RT) are left.
 */
#define RT_SHARE_ALL	1000		/* ‰ */
#define RT_HEADROOM	100

int unitron_int_nest;
int unitron_locked;

static struct task_struct *itron_thread;
static struct hrtimer tick_timer;
static struct hrtimer kick_timer;	/* runs handlers with irq regs */
static unsigned long swi_pending;	/* SWI lines raised, by bit */
static u64 swi_raised_ns[TNUM_SWI];	/* when each line was raised */
static u64 int_raised_ns;		/* when the current one was raised */
static bool stopping;
static bool running;
static unsigned long started;		/* bit 0: the thread was started */
static unsigned int busy_us;		/* µITRON's slice used, µs */
static unsigned int rt_share = RT_SHARE_ALL;	/* of its CPU µITRON may use */
static bool in_linux_slice;		/* the thread sleeps for Linux */
static u64 tick_due_ns;			/* when the next tick is due */
static bool early_tick;			/* the thread takes the due tick */

static CTXB linux_ctxb;			/* the thread's own context */
static CTXB idle_ctxb;
#define IDLE_STACK_SIZE	(16 * 1024)
static STK_T idle_stack[COUNT_STK_T(IDLE_STACK_SIZE)] __aligned(16);

/* The tick timer fires tick_advance_us before the next tick is due. */
static ktime_t tick_expiry(void)
{
	return ns_to_ktime(tick_due_ns - tick_advance_us * NSEC_PER_USEC);
}

/* ---- CPU lock ------------------------------------------------------- */

void port_lock_cpu(void)
{
	if (!unitron_int_nest)
		local_irq_disable();
	unitron_locked = 1;
	barrier();
}

static void run_swi(void);

/*
 * In task context, leaving the locked state is where software interrupts
 * raised meanwhile run, and where a dispatch a handler asked for, but
 * could not make at once, happens.
 */
void port_unlock_cpu(void)
{
	barrier();
	if (unitron_int_nest) {
		unitron_locked = 0;
		return;
	}
	while (READ_ONCE(swi_pending) || (READ_ONCE(reqflg) && runtsk)) {
		unitron_int_nest = 1;
		unitron_locked = 0;
		run_swi();
		unitron_locked = 1;
		unitron_int_nest = 0;
		if (runtsk)
			return_to_task();
	}
	unitron_locked = 0;
	local_irq_enable();
}

/* ---- dispatching ---------------------------------------------------- */

void port_activate_context(TCB *p_tcb)
{
	char *top = (char *)p_tcb->p_tinib->stk + p_tcb->p_tinib->stksz;

	/* Entered by a jump: the ABI wants rsp + 8 16-byte aligned. */
	p_tcb->tskctxb.sp = (void *)(((unsigned long)top & ~15UL) - 8);
	p_tcb->tskctxb.pc = task_start;
}

void port_dispatch(void)
{
	TCB *p_from = runtsk;

	unitron_trace_dispatch(p_from, schedtsk);
	if (!schedtsk) {
		unitron_switch(&p_from->tskctxb, &idle_ctxb);
		return;
	}
	set_runtsk(schedtsk);
	unitron_switch(&p_from->tskctxb, &runtsk->tskctxb);
}

void port_exit_and_dispatch(void)
{
	unitron_trace_dispatch(runtsk, schedtsk);
	if (!schedtsk)
		unitron_jump(&idle_ctxb);
	set_runtsk(schedtsk);
	unitron_jump(&runtsk->tskctxb);
}

static void take_early_tick(void);

/*
 * No task to run: sleep until a handler readies one, with the CPU
 * unlocked.  Entered with the CPU locked, afresh each time, on a stack
 * of its own.  The state is set before the check, so a wake-up between
 * the check and schedule() is not lost.
 */
static void idle_loop(void)
{
	runtsk = NULL;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (schedtsk || READ_ONCE(stopping))
			break;
		unitron_locked = 0;
		local_irq_enable();
		schedule();
		local_irq_disable();
		unitron_locked = 1;
		if (early_tick)
			take_early_tick();
	}
	__set_current_state(TASK_RUNNING);
	if (READ_ONCE(stopping))
		unitron_jump(&linux_ctxb);
	unitron_trace_dispatch(NULL, schedtsk);
	set_runtsk(schedtsk);
	unitron_jump(&runtsk->tskctxb);
}

void port_start_dispatch(void)
{
	idle_ctxb.sp = (char *)idle_stack + sizeof(idle_stack) - 8;
	idle_ctxb.pc = idle_loop;
	unitron_int_nest = 0;
	tick_due_ns = ktime_get_ns() + tick_us * NSEC_PER_USEC;
	hrtimer_start(&tick_timer, tick_expiry(), HRTIMER_MODE_ABS_PINNED_HARD);
	unitron_devices_run(true);
	/* Returns when the system stops. */
	unitron_switch(&linux_ctxb, &idle_ctxb);
}

/* ext_ker(): back to the thread's own context, which stops the system. */
void port_exit_kernel(void)
{
	WRITE_ONCE(stopping, true);
	unitron_jump(&linux_ctxb);
}

void port_get_utim(SYSUTIM *p_sysutim)
{
	*p_sysutim = ktime_to_us(ktime_get());
}

ER vxget_nsec(UD *p_nsec)
{
	if (!p_nsec)
		return E_PAR;
	*p_nsec = ktime_get_ns();
	return E_OK;
}

ER vxget_int_nsec(UD *p_nsec)
{
	if (!p_nsec)
		return E_PAR;
	if (!unitron_int_nest)
		return E_CTX;
	*p_nsec = int_raised_ns;
	return E_OK;
}

/*
 * tick_due_ns is the first period not yet counted; the tick moves it on
 * before it counts, so that a timeout set meanwhile counts from it.
 */
UINT port_tick_lag(void)
{
	s64 late;

	if (!READ_ONCE(running))
		return 0;
	late = ktime_get_ns() - READ_ONCE(tick_due_ns);
	return late < 0 ? 0 : 1 + (UINT)div_u64(late, tick_us * NSEC_PER_USEC);
}

/* CPU exceptions in the kernel are Linux's to handle: DEF_EXC is refused. */
BOOL port_exc_sense_context(VP p_excinf)
{
	return TRUE;
}

BOOL port_exc_sense_lock(VP p_excinf)
{
	return TRUE;
}

/* ---- interrupts ------------------------------------------------------ */

/*
 * The interrupted context is a µITRON task at a point where switching
 * stacks is safe: interrupts were enabled, and it held no preemption
 * count, RCU read section or (on PREEMPT_RT) sleeping spinlock.  Not
 * while the thread sleeps for Linux's slice on the task's stack: its
 * hrtimer sleeper lives there, and that sleep must end first.
 */
static bool preemptible_task(struct pt_regs *regs)
{
	if (current != itron_thread || !runtsk || in_linux_slice ||
	    !regs || user_mode(regs))
		return false;
	if (!(regs->flags & X86_EFLAGS_IF))
		return false;
	if ((preempt_count() & ~HARDIRQ_MASK) != 0 ||
	    hardirq_count() != HARDIRQ_OFFSET)
		return false;
	if (rcu_preempt_depth() != 0)
		return false;
#ifdef CONFIG_SMP
	if (current->migration_disabled)
		return false;
#endif
	return true;
}

static void redirect(struct pt_regs *regs, void (*entry)(void))
{
	runtsk->tskctxb.preempt_ip = regs->ip;
	regs->ip = (unsigned long)entry;
	regs->flags &= ~X86_EFLAGS_IF;
}

/* Linux's slice, ms: under RT throttling at least 1, or µITRON gets none. */
static unsigned int linux_slice(void)
{
	return rt_share < RT_SHARE_ALL ? max(linux_slice_ms, 1U) :
	       linux_slice_ms;
}

/*
 * The longest µITRON slice, µs (0: none).  With Linux's RT throttling
 * on, the thread may use at most rt_share of its CPU, counting Linux's
 * slices: beyond it, Linux would stop every task, for the rest of its
 * period (50 ms a second by default), at a moment of its choosing.
 */
static unsigned int itron_slice_us(void)
{
	unsigned int us = itron_slice_ms * USEC_PER_MSEC;
	unsigned int limit;

	if (rt_share >= RT_SHARE_ALL)
		return us;
	limit = div_u64((u64)linux_slice() * USEC_PER_MSEC * rt_share,
			RT_SHARE_ALL - rt_share);
	return us && us < limit ? us : limit;
}

/*
 * The tick: us more of µITRON work, or of Linux's.  Without throttling,
 * the slice bounds continuous µITRON work; with it, Linux's time pays
 * the slice back at the rate that keeps µITRON within rt_share.
 */
static void account_slice(unsigned int us)
{
	if (runtsk && current == itron_thread)
		busy_us += us;
	else if (rt_share >= RT_SHARE_ALL)
		busy_us = 0;
	else
		busy_us -= min_t(u64, busy_us,
				 div_u64((u64)us * rt_share, RT_SHARE_ALL - rt_share));
}

/* µITRON tasks have run for a whole slice: Linux's turn. */
static bool linux_slice_due(void)
{
	unsigned int slice = itron_slice_us();

	return slice && busy_us >= slice;
}

/*
 * Leave a µITRON handler.  When the interrupted task is at a safe point,
 * its frame is redirected, with interrupts off, to unitron_preempt_entry
 * (dispatch, or give Linux its slice) or unitron_stop_entry (unload);
 * the redirect happens as this interrupt returns.
 */
static void handler_exit(struct pt_regs *regs)
{
	unitron_int_nest--;
	unitron_locked = 0;
	if (!runtsk) {
		if (reqflg)
			wake_up_process(itron_thread);
		return;
	}
	if (!preemptible_task(regs))
		return;
	if (READ_ONCE(stopping))
		redirect(regs, unitron_stop_entry);
	else if (reqflg || linux_slice_due())
		redirect(regs, unitron_preempt_entry);
}

static void handler_enter(void)
{
	unitron_int_nest++;
	unitron_locked = 0;
}

/*
 * Sleep for Linux's slice with the running task's state kept on its
 * stack, so that Linux runs on this CPU; handlers still run and what
 * they ready runs after the slice.
 */
static void give_linux_slice(void)
{
	ktime_t slice = ms_to_ktime(linux_slice());

	busy_us = 0;
	in_linux_slice = true;
	local_irq_enable();
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule_hrtimeout(&slice, HRTIMER_MODE_REL);
	local_irq_disable();
	in_linux_slice = false;
}

/*
 * Called by unitron_preempt_entry, on the preempted task's stack with
 * interrupts off and every register saved: give Linux its slice if due,
 * dispatch, and return where the task was interrupted.
 */
unsigned long unitron_preempted(void)
{
	unsigned long ip = runtsk->tskctxb.preempt_ip;

	if (linux_slice_due())
		give_linux_slice();
	unitron_locked = 1;
	return_to_task();
	unitron_locked = 0;
	return ip;
}

/* Called by unitron_stop_entry: abandon the tasks, stop the system. */
void unitron_stopped(void)
{
	unitron_locked = 1;
	unitron_jump(&linux_ctxb);
}

/* Run the raised software interrupt lines, handler context. */
static void run_swi(void)
{
	unsigned long bits;

	while ((bits = xchg(&swi_pending, 0)) != 0) {
		while (bits) {
			unsigned int line = __ffs(bits);

			bits &= bits - 1;
			unitron_locked = 0;
			int_raised_ns = READ_ONCE(swi_raised_ns[line]);
			interrupt_handle(INHNO_SWI(line));
		}
	}
}

/*
 * µITRON tasks must not call Linux functions that sleep: the whole
 * system waits with them.  Say so, once per sleep, when the tick finds
 * the thread blocked while a task runs, other than for Linux's slice.
 *
 * The tick checks rather than a preempt notifier: registering one
 * flips a static key patched into __schedule() at every start and stop,
 * live text patching of code that every CPU runs all the time.
 */
static void check_sleeping_task(void)
{
	static bool reported;
	bool asleep = runtsk && current != itron_thread && !in_linux_slice &&
		      !task_is_running(itron_thread);

	if (asleep && !reported)
		pr_err_ratelimited("task %d called a Linux function that sleeps: the µITRON system waits for it (use the bridge)\n",
				   TSKID(runtsk));
	reported = asleep;
}

/*
 * Nor may Linux hold the thread off its CPU while a task runs, other
 * than for Linux's slice: that is RT throttling beyond the policy (the
 * sysctl lowered after the start) or a Linux thread above SCHED_FIFO 99.
 * Say so once per such stretch, when the tick finds it for the second
 * time in a row.
 */
static void check_held_off(void)
{
	static unsigned int ticks;
	bool held = runtsk && current != itron_thread && !in_linux_slice &&
		    task_is_running(itron_thread);

	ticks = held ? ticks + 1 : 0;
	if (ticks == 2)
		pr_warn_ratelimited("Linux holds the µITRON thread off CPU %u while task %d runs: RT throttling (kernel.sched_rt_runtime_us lowered?) or a real-time thread above it\n",
				    unitron_cpu, TSKID(runtsk));
}

/*
 * The tick, handler context: one isig_tim() per period due by now (at
 * least one: an early tick counts as due), each with the time it was
 * due, and the handlers pending.
 */
static void run_tick(void)
{
	u64 period = tick_us * NSEC_PER_USEC;
	u64 due = tick_due_ns, now = ktime_get_ns();
	u64 ticks = 1;

	if (now > due)
		ticks += div64_u64(now - due, period);
	WRITE_ONCE(tick_due_ns, due + ticks * period);
	account_slice(ticks * tick_us);
	check_sleeping_task();
	check_held_off();
	for (; ticks; ticks--, due += period) {
		int_raised_ns = due;
		isig_tim();
	}
	unitron_run_forwarded();
	run_swi();
}

/* Interrupts off: the rest of the advance. */
static void wait_for_tick(void)
{
	while (ktime_get_ns() < tick_due_ns)
		cpu_relax();
}

/*
 * With tick_advance_us, the timer fires that much before a tick that
 * fires time events.  An idle system's thread is woken at once, so that
 * Linux's scheduler is done with by the due time, when the thread takes
 * the tick itself (take_early_tick) and runs what it readies at once;
 * the timer stays, at the due time, in case the thread comes late.
 * Otherwise the handler waits for the due time here.  True when the
 * thread was sent for.
 */
static bool tick_early(struct hrtimer *timer)
{
	if (early_tick) {		/* the thread is late: take it here */
		early_tick = false;
		return false;
	}
	if (!tick_advance_us || !tick_fires_event())
		return false;
	if (!runtsk && ktime_get_ns() < tick_due_ns) {
		early_tick = true;
		wake_up_process(itron_thread);
		hrtimer_set_expires(timer, ns_to_ktime(tick_due_ns));
		return true;
	}
	wait_for_tick();
	return false;
}

/* In the idle loop, interrupts off: the tick tick_early sent for. */
static void take_early_tick(void)
{
	early_tick = false;
	wait_for_tick();
	unitron_int_nest = 1;
	unitron_locked = 0;
	run_tick();
	unitron_locked = 1;
	unitron_int_nest = 0;
	hrtimer_start(&tick_timer, tick_expiry(), HRTIMER_MODE_ABS_PINNED_HARD);
}

static enum hrtimer_restart tick_fn(struct hrtimer *timer)
{
	if (tick_early(timer))
		return HRTIMER_RESTART;
	handler_enter();
	run_tick();
	handler_exit(get_irq_regs());
	hrtimer_set_expires(timer, tick_expiry());
	return HRTIMER_RESTART;
}

/* A device interrupt on the µITRON CPU (device.c). */
void unitron_interrupt(unsigned int inhno)
{
	int_raised_ns = ktime_get_ns();
	handler_enter();
	interrupt_handle(inhno);
	run_swi();
	handler_exit(get_irq_regs());
}

static enum hrtimer_restart kick_fn(struct hrtimer *timer)
{
	handler_enter();
	run_swi();
	handler_exit(get_irq_regs());
	return HRTIMER_NORESTART;
}

/*
 * On the µITRON CPU, interrupts off.  The thread clears running there,
 * with interrupts off, before it cancels kick_timer: a raise that
 * arrives later must not start it again.
 */
static void remote_raise(void *unused)
{
	if (READ_ONCE(running))
		hrtimer_start(&kick_timer, 0, HRTIMER_MODE_REL_PINNED_HARD);
}

/* Mark a line raised, and when; any CPU. */
static void raise_line(unsigned int line)
{
	WRITE_ONCE(swi_raised_ns[line], ktime_get_ns());
	smp_mb__before_atomic();
	set_bit(line, &swi_pending);
}

/*
 * A Linux process raises a line (the control device): an IPI to the
 * µITRON CPU starts a timer there, whose interrupt runs the handlers.
 */
int unitron_raise_swi(unsigned int line)
{
	if (line >= TNUM_SWI)
		return -EINVAL;
	if (!interrupt_attached(line))
		return -ENXIO;
	if (!READ_ONCE(running))
		return unitron_not_running();
	raise_line(line);
	/*
	 * Wait for the IPI: none may be in flight when the module goes
	 * (an open control device keeps it loaded until then).
	 */
	smp_call_function_single(unitron_cpu, remote_raise, NULL, 1);
	return 0;
}

/*
 * µITRON raises a line: as a real interrupt would, it runs at once unless
 * the CPU is locked or a handler runs, and then when that ends.
 */
ER ras_int(INTNO intno)
{
	if (intno >= TNUM_SWI || !interrupt_attached(intno))
		return E_PAR;
	raise_line(intno);
	if (!unitron_int_nest && !unitron_locked) {
		port_lock_cpu();
		port_unlock_cpu();
	}
	return E_OK;
}

/* ---- the thread ------------------------------------------------------ */

static int itron_thread_fn(void *unused)
{
	local_irq_disable();
	unitron_locked = 1;
	unitron_int_nest = 1;	/* initialization runs as a handler */
	WRITE_ONCE(running, true);
	kernel_start();

	/* Stopped: ext_ker() or unload. */
	WRITE_ONCE(running, false);
	unitron_devices_run(false);
	hrtimer_cancel(&tick_timer);
	hrtimer_cancel(&kick_timer);
	unitron_locked = 0;
	unitron_int_nest = 0;
	local_irq_enable();
	/* No handler or task runs any more: end the bridge's calls. */
	unitron_bridge_stopped();
	pr_info("µITRON system stopped\n");
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

/* An integer sysctl, from its file in /proc/sys. */
static int read_sysctl(const char *path, long *val)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	char buf[24];
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	n = kernel_read(file, buf, sizeof(buf) - 1, &pos);
	filp_close(file, NULL);
	if (n < 0)
		return n;
	buf[n] = '\0';
	return kstrtol(strim(buf), 10, val);
}

/* µs as "N ms" or "N.NNN ms". */
static const char *ms_text(char *buf, size_t size, unsigned int us)
{
	if (us % 1000)
		snprintf(buf, size, "%u.%03u ms", us / 1000, us % 1000);
	else
		snprintf(buf, size, "%u ms", us / 1000);
	return buf;
}

/*
 * The inter-OS slice in force under Linux's RT throttling as it is set
 * now, said when it is new: at load, and at a start after a change.
 * Process context.
 */
static int set_slice_policy(void)
{
	static bool said;
	long runtime, period;
	unsigned int share = RT_SHARE_ALL, slice;
	char ms[24];

	if (read_sysctl("/proc/sys/kernel/sched_rt_runtime_us", &runtime) ||
	    read_sysctl("/proc/sys/kernel/sched_rt_period_us", &period) ||
	    period <= 0) {
		pr_warn("cannot read kernel.sched_rt_runtime_us: assuming Linux's default, 950000 of 1000000\n");
		runtime = 950000;
		period = 1000000;
	}
	if (runtime >= 0 && runtime < period)
		share = div_u64((u64)runtime * RT_SHARE_ALL, period);
	if (share < RT_SHARE_ALL) {
		if (share <= RT_HEADROOM) {
			pr_err("kernel.sched_rt_runtime_us=%ld of %ld leaves µITRON no time on CPU %u\n",
			       runtime, period, unitron_cpu);
			return -EINVAL;
		}
		share -= RT_HEADROOM;
	}
	if (share == rt_share && said)
		return 0;
	WRITE_ONCE(rt_share, share);
	said = true;
	slice = itron_slice_us();
	if (share == RT_SHARE_ALL && !slice) {
		pr_info("inter-OS slice: none (itron_slice_ms=0, RT throttling off): µITRON tasks never give CPU %u to Linux (one that computes for 21 s makes RCU report a stall)\n",
			unitron_cpu);
		return 0;
	}
	pr_info("inter-OS slice: µITRON tasks run at most %s, then Linux gets %u ms on CPU %u\n",
		ms_text(ms, sizeof(ms), slice), linux_slice(),
		unitron_cpu);
	if (share == RT_SHARE_ALL)
		return 0;
	pr_info("RT throttling on (kernel.sched_rt_runtime_us=%ld of %ld): µITRON uses at most %u%% of CPU %u, leaving Linux's RT threads %u%%\n",
		runtime, period, share / 10, unitron_cpu, RT_HEADROOM / 10);
	if (!itron_slice_ms || itron_slice_ms * USEC_PER_MSEC > slice)
		pr_notice("itron_slice_ms=%u shortened to fit: for longer slices (or none), run sysctl kernel.sched_rt_runtime_us=-1 before loading\n",
			  itron_slice_ms);
	return 0;
}

int unitron_start(void)
{
	int err;

	if (READ_ONCE(stopping))
		return -ESHUTDOWN;
	err = set_slice_policy();
	if (err)
		return err;
	if (test_and_set_bit(0, &started))
		return -EBUSY;
	wake_up_process(itron_thread);
	return 0;
}

/*
 * Why a request that needs a running system cannot be served:
 * -ENOTCONN before UNITRON_IOC_START, -EAGAIN while it starts,
 * -ESHUTDOWN once it has ended (ext_ker(), or unloading).
 */
int unitron_not_running(void)
{
	if (READ_ONCE(stopping))
		return -ESHUTDOWN;
	if (!test_bit(0, &started))
		return -ENOTCONN;
	return READ_ONCE(running) ? 0 : -EAGAIN;
}

/*
 * For the status file, on the µITRON CPU with interrupts off: the
 * thread initialises the objects there with interrupts off, after it
 * sets running, and clears running there when the system stopped.
 */
enum unitron_sys_state unitron_sys_state(void)
{
	if (READ_ONCE(running))
		return UNITRON_RUNNING;
	if (READ_ONCE(stopping) && test_bit(0, &started))
		return UNITRON_STOPPED;
	return UNITRON_NOT_STARTED;
}

static bool valid_line(unsigned int no)
{
	return no < TNUM_SWI || unitron_device_line(no);
}

/* def_inh: a line the port delivers; task context, CPU locked. */
ER port_define_inh(INHNO inhno)
{
	return valid_line(inhno) ? E_OK : E_PAR;
}

/* CPU exceptions in µITRON code are Linux's to handle (an oops). */
ER port_define_exc(EXCNO excno)
{
	(void)excno;
	return E_NOSPT;
}

static int check_configuration(void)
{
	unsigned int i;

	if (tnum_excno > 0) {
		pr_err("DEF_EXC is not supported on the linux port\n");
		return -EINVAL;
	}
	for (i = 0; i < tnum_inhno; i++) {
		if (!valid_line(inhinib_table[i].inhno)) {
			pr_err("DEF_INH(%#x): not a software or device line\n",
			       inhinib_table[i].inhno);
			return -EINVAL;
		}
	}
	for (i = 0; i < tnum_isr; i++) {
		if (!valid_line(isrinib_table[i].intno)) {
			pr_err("ATT_ISR(%#x): not a software or device line\n",
			       isrinib_table[i].intno);
			return -EINVAL;
		}
	}
	return 0;
}

static int __init unitron_init(void)
{
	struct sched_attr attr = {
		.size = sizeof(attr),
		.sched_policy = SCHED_FIFO,
		.sched_priority = MAX_RT_PRIO - 1,
	};
	char advance[40] = "";
	int err;

	if (unitron_cpu >= nr_cpu_ids || !cpu_online(unitron_cpu)) {
		pr_err("cpu=%u is not an online CPU\n", unitron_cpu);
		return -EINVAL;
	}
	if (tick_us < 1000 || tick_us % 1000 != 0) {
		pr_err("tick_us=%u: must be a whole number of ms\n", tick_us);
		return -EINVAL;
	}
	if (tick_advance_us >= tick_us) {
		pr_err("tick_advance_us=%u: must be less than tick_us=%u\n",
		       tick_advance_us, tick_us);
		return -EINVAL;
	}
	err = check_configuration();
	if (err)
		return err;
	err = set_slice_policy();
	if (err)
		return err;
	unitron_check_preempt();
	tick_ms = tick_us / 1000;

	hrtimer_init(&tick_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_HARD);
	tick_timer.function = tick_fn;
	hrtimer_init(&kick_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_HARD);
	kick_timer.function = kick_fn;

	itron_thread = kthread_create(itron_thread_fn, NULL, "unitron/%u",
				      unitron_cpu);
	if (IS_ERR(itron_thread))
		return PTR_ERR(itron_thread);
	kthread_bind(itron_thread, unitron_cpu);
	err = sched_setattr_nocheck(itron_thread, &attr);
	if (err)
		goto stop_thread;
	get_task_struct(itron_thread);
	err = unitron_linux_init();
	if (err)
		goto unbind;
	err = unitron_control_init();
	if (err)
		goto linux_exit;
	err = unitron_bridge_init();
	if (err)
		goto control_exit;
	if (tick_advance_us)
		snprintf(advance, sizeof(advance),
			 " (%u µs early for time events)", tick_advance_us);
	pr_info("loaded: µITRON on CPU %u, tick %u µs%s%s\n", unitron_cpu,
		tick_us, advance, autostart ? ", starting" : "");
	if (autostart)
		unitron_start();
	return 0;

control_exit:
	unitron_control_exit();
linux_exit:
	unitron_linux_exit();
unbind:
	unitron_unbind_all();
	kthread_stop(itron_thread);
	put_task_struct(itron_thread);
	return err;

stop_thread:
	kthread_stop(itron_thread);
	return err;
}

static void __exit unitron_exit(void)
{
	unitron_control_exit();
	WRITE_ONCE(stopping, true);
	/*
	 * kthread_stop() wakes a thread that sleeps (idle, Linux's slice);
	 * one never started returns without running the system at all.
	 */
	kthread_stop(itron_thread);
	put_task_struct(itron_thread);
	/* After the stop: the system's tasks use the bridge's memory. */
	unitron_bridge_exit();
	unitron_linux_exit();
	unitron_unbind_all();
	pr_info("unloaded\n");
}

/* Defaults for applications without the bridge (bridge/linux/transport.c). */
int __weak unitron_bridge_init(void)
{
	return 0;
}

void __weak unitron_bridge_exit(void)
{
}

void __weak unitron_bridge_stopped(void)
{
}

module_init(unitron_init);
module_exit(unitron_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Unitron: a µITRON 4.0 system inside Linux");
