/*
 * Unitron posix port - a whole µITRON system in one Linux process.
 *
 * All tasks run on the process's single thread, each on its own stack;
 * dispatching is posix_switch(), a register and stack switch.  Interrupts
 * are signals: the system tick (SIGALRM from a POSIX timer), signals bound
 * with DEF_INH/ATT_ISR, and file descriptors made to signal readiness with
 * O_ASYNC.  CPU lock is a flag (port_config.h): a signal arriving while it
 * is set, or while a handler runs, is recorded in posix_int_pending and
 * run at unlock or at the handler's exit.
 *
 * A handler that readies a higher-priority task dispatches right from the
 * signal handler: the interrupted task's signal frame stays on its own
 * stack until it is resumed and the handler returns, so the kernel's
 * sigreturn restores every register, FPU state included.  Idle is
 * sigsuspend() on a stack of its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "kernel_int.h"
#include "posix.h"

volatile int		posix_cpu_lock = 1;
volatile int		posix_int_nest;
volatile unsigned long	posix_int_pending;

void	posix_switch(CTXB *from, CTXB *to);
void	posix_jump(CTXB *to) __attribute__((noreturn));

/* Interrupt lines: line 0 is the tick, the others come from the cfg. */
#define MAX_LINES	64
#define LINE_TICK	0
#define NO_LINE		(-1)

struct line {
	UINT	no;		/* interrupt number (signal or INHNO_FD) */
	int	fd;		/* for INHNO_FD lines, else -1 */
};

static struct line	lines[MAX_LINES];
static int		nlines;
static int		sig_line[_NSIG];
static int		fd_signal;	/* carries O_ASYNC readiness */

static struct posix_options	options;
int			posix_exit_status;
BOOL			posix_realtime;
BOOL			posix_memlocked;
static timer_t		tick_timer;
static struct timespec	tick_origin;
static unsigned long	ticks_done;

#define IDLE_STACK_SIZE	(64 * 1024)
static STK_T		idle_stack[COUNT_STK_T(IDLE_STACK_SIZE)]
				__attribute__((aligned(64)));
static CTXB		idle_ctxb;
static sigset_t		irq_sigset;	/* every interrupt signal */

static void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2),
						       noreturn));

static void fatal(const char *fmt, ...)
{
	va_list ap;

	posix_console_restore();
	fputs("unitron: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* ---- interrupts ---------------------------------------------------- */

static void set_pending(int line)
{
	__atomic_fetch_or(&posix_int_pending, 1UL << line, __ATOMIC_SEQ_CST);
}

/* Tick periods elapsed in real time since the timer started. */
static unsigned long ticks_due(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (unsigned long)((now.tv_sec - tick_origin.tv_sec) * 1000000000L +
			       (now.tv_nsec - tick_origin.tv_nsec)) /
	       (options.tick_ms * 1000000UL);
}

UINT port_tick_lag(void)
{
	unsigned long due;

	if (!kerflg)
		return 0U;
	due = ticks_due();
	return due > ticks_done ? (UINT)(due - ticks_done) : 0U;
}

/* Catch up with real time: one isig_tim() per elapsed tick period. */
static void tick(void)
{
	unsigned long due = ticks_due();

	while (ticks_done < due) {
		ticks_done++;
		(void)isig_tim();
	}
}

static void run_line(int line)
{
	if (line == LINE_TICK)
		tick();
	else
		(void)interrupt_handle(lines[line].no);
}

/* Run every pending line; handler context, CPU unlocked. */
static void run_pending_lines(void)
{
	unsigned long bits;

	while ((bits = __atomic_exchange_n(&posix_int_pending, 0UL,
					   __ATOMIC_SEQ_CST)) != 0UL) {
		while (bits != 0UL) {
			int line = __builtin_ctzl(bits);

			bits &= bits - 1UL;
			posix_cpu_lock = 0;
			run_line(line);
		}
	}
}

/*
 * Run pending interrupts as if they had just arrived: from the signal
 * entry, or from port_unlock_cpu() when they came in while locked.  Then,
 * back in task context, dispatch if a handler asked for it.
 */
void posix_run_interrupts(void)
{
	do {
		posix_int_nest = 1;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		run_pending_lines();
		posix_cpu_lock = 1;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		posix_int_nest = 0;
		if (runtsk != NULL)
			return_to_task();
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
		posix_cpu_lock = 0;
		__atomic_signal_fence(__ATOMIC_SEQ_CST);
	} while (posix_int_pending != 0UL);
}

static int line_of_signal(int sig, const siginfo_t *si)
{
	int i;

	if (sig != fd_signal)
		return sig_line[sig];
	for (i = 1; i < nlines; i++)
		if (lines[i].fd == si->si_fd)
			return i;
	return NO_LINE;
}

static void interrupt_entry(int sig, siginfo_t *si, void *uc)
{
	int saved_errno = errno;
	int line = line_of_signal(sig, si);

	(void)uc;
	if (line == NO_LINE)
		return;
	set_pending(line);
	if (posix_cpu_lock == 0 && posix_int_nest == 0)
		posix_run_interrupts();
	errno = saved_errno;
}

static void install(int sig, void (*entry)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = entry;
	/*
	 * SA_NODEFER: a handler may dispatch to another task, which must
	 * not run with this signal blocked; the virtual lock serialises.
	 */
	sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) < 0)
		fatal("sigaction(%d): %s", sig, strerror(errno));
}

static BOOL fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGTRAP;
}

static int add_line(UINT no, int fd)
{
	lines[nlines].no = no;
	lines[nlines].fd = fd;
	return nlines++;
}

/* Make fd raise fd_signal at this thread whenever it becomes readable. */
static const char *bind_fd(int fd, UINT no)
{
	struct f_owner_ex owner = { F_OWNER_TID, (pid_t)syscall(SYS_gettid) };
	int flags = fcntl(fd, F_GETFL);

	if (flags < 0 || fcntl(fd, F_SETOWN_EX, &owner) < 0 ||
	    fcntl(fd, F_SETSIG, fd_signal) < 0 ||
	    fcntl(fd, F_SETFL, flags | O_ASYNC) < 0)
		return "its file descriptor cannot signal readiness";
	/* Readiness before binding raised no signal: start pending. */
	set_pending(add_line(no, fd));
	return NULL;
}

/*
 * Deliver interrupt number no: a signal, or INHNO_FD(fd)'s readiness.
 * NULL, or why it cannot be (DEF_INH and ATT_ISR at start, def_inh).
 */
static const char *bind_number(UINT no)
{
	int sig = (int)no;
	int i;

	for (i = 1; i < nlines; i++)
		if (lines[i].no == no)
			return NULL;
	if (nlines == MAX_LINES)
		return "too many interrupt numbers";
	if (no >= INHNO_FD_BASE)
		return bind_fd((int)(no - INHNO_FD_BASE), no);
	if (sig <= 0 || sig >= _NSIG || sig == SIGKILL || sig == SIGSTOP)
		return "not a signal or INHNO_FD(fd)";
	if (sig == SIGALRM || sig == fd_signal)
		return "its signal is used by the port";
	if (fault_signal(sig))
		return "its signal is a CPU exception (use DEF_EXC)";
	sig_line[sig] = add_line(no, -1);
	sigaddset(&irq_sigset, sig);
	install(sig, interrupt_entry);
	return NULL;
}

static void bind_configured(UINT no)
{
	const char *why = bind_number(no);

	if (why != NULL)
		fatal("interrupt number %u: %s", no, why);
}

ER port_define_inh(INHNO inhno)
{
	return bind_number(inhno) == NULL ? E_OK : E_PAR;
}

ER port_define_exc(EXCNO excno)
{
	return fault_signal((int)excno) ? E_OK : E_PAR;
}

static void initialize_lines(void)
{
	UINT i;

	for (i = 0; i < (UINT)_NSIG; i++)
		sig_line[i] = NO_LINE;
	sigemptyset(&irq_sigset);
	fd_signal = SIGRTMIN;
	(void)add_line(0U, -1);		/* LINE_TICK */
	sig_line[SIGALRM] = LINE_TICK;
	sigaddset(&irq_sigset, SIGALRM);
	install(SIGALRM, interrupt_entry);
	sigaddset(&irq_sigset, fd_signal);
	install(fd_signal, interrupt_entry);

	for (i = 0; i < tnum_inhno; i++)
		bind_configured(inhinib_table[i].inhno);
	for (i = 0; i < tnum_isr; i++)
		bind_configured(isrinib_table[i].intno);
}

/* A line bound once stays bound: def_inh(NULL) leaves nothing on it. */
ER ras_int(INTNO intno)
{
	int i;

	if (!interrupt_attached(intno))
		return E_PAR;
	for (i = 1; i < nlines; i++) {
		if (lines[i].no != intno)
			continue;
		set_pending(i);
		if (posix_cpu_lock == 0 && posix_int_nest == 0 &&
		    posix_int_pending != 0UL)
			posix_run_interrupts();
		return E_OK;
	}
	return E_PAR;
}

/* ---- CPU exceptions ------------------------------------------------ */

struct posix_excinf {
	int		sig;
	siginfo_t	*si;
	ucontext_t	*uc;
	BOOL		in_context;	/* non-task context when it happened */
	BOOL		locked;		/* CPU locked when it happened */
};

BOOL port_exc_sense_context(VP p_excinf)
{
	return ((struct posix_excinf *)p_excinf)->in_context;
}

BOOL port_exc_sense_lock(VP p_excinf)
{
	return ((struct posix_excinf *)p_excinf)->locked;
}

/*
 * A fault signal.  With a DEF_EXC handler, that handler runs in non-task
 * context; returning to a task then delivers task exceptions it raised.
 * Without one the process dies of the signal, as any program would.
 */
static void exception_entry(int sig, siginfo_t *si, void *uc)
{
	int saved_errno = errno;
	struct posix_excinf excinf = {
		sig, si, uc, posix_int_nest > 0 || runtsk == NULL,
		posix_cpu_lock != 0
	};
	int saved_lock = posix_cpu_lock;

	posix_int_nest++;
	if (!exception_handle((EXCNO)sig, &excinf)) {
		posix_console_restore();
		fprintf(stderr, "unitron: CPU exception %d (%s) with no "
			"DEF_EXC handler\n", sig, strsignal(sig));
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	posix_int_nest--;
	posix_cpu_lock = saved_lock;
	if (!excinf.in_context && !excinf.locked) {
		posix_cpu_lock = 1;
		return_to_task();
		port_unlock_cpu();
	}
	errno = saved_errno;
}

static void initialize_exceptions(void)
{
	static const int faults[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE,
				      SIGTRAP };
	UINT i;

	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		install(faults[i], exception_entry);
	for (i = 0; i < tnum_excno; i++) {
		int sig = (int)excinib_table[i].excno;

		if (!fault_signal(sig))
			fatal("DEF_EXC(%d): not a CPU exception signal "
			      "(EXCNO_SEGV, EXCNO_FPE, ...)", sig);
	}
}

/* ---- dispatching ---------------------------------------------------- */

void port_activate_context(TCB *p_tcb)
{
	char *top = (char *)p_tcb->p_tinib->stk + p_tcb->p_tinib->stksz;

	/* Entered by a jump: the ABI wants rsp + 8 16-byte aligned. */
	p_tcb->tskctxb.sp = (void *)(((__UINTPTR_TYPE__)top & ~15UL) - 8U);
	p_tcb->tskctxb.pc = task_start;
}

void port_dispatch(void)
{
	TCB *p_from = runtsk;

	if (schedtsk == NULL) {
		posix_switch(&p_from->tskctxb, &idle_ctxb);
		return;
	}
	if (posix_idle_poll != NULL)
		(void)posix_idle_poll(TRUE);	/* another task: no polling */
	set_runtsk(schedtsk);
	posix_switch(&p_from->tskctxb, &runtsk->tskctxb);
}

void port_exit_and_dispatch(void)
{
	if (schedtsk == NULL)
		posix_jump(&idle_ctxb);
	set_runtsk(schedtsk);
	posix_jump(&runtsk->tskctxb);
}

/* Poll for an interrupt expected soon (posix_idle_poll). */
static void idle_poll(void)
{
	unsigned int i;

	do {
		for (i = 0; i < 64; i++)
			__builtin_ia32_pause();
	} while (schedtsk == NULL && posix_idle_poll(FALSE));
}

/* Sleep until a signal; blocked first, so none comes between. */
static void idle_sleep(void)
{
	sigset_t open;

	sigprocmask(SIG_BLOCK, &irq_sigset, &open);
	if (schedtsk == NULL && posix_int_pending == 0UL)
		sigsuspend(&open);
	sigprocmask(SIG_SETMASK, &open, NULL);
}

/*
 * No task to run: wait for an interrupt with the CPU unlocked, on a
 * stack of its own, entered afresh each time with the CPU locked.
 * Signals come in as anywhere else; they are blocked only to check for
 * work before sigsuspend(), which opens them again.
 */
static void idle_loop(void)
{
	BOOL polled = FALSE;

	runtsk = NULL;
	port_unlock_cpu();
	while (schedtsk == NULL) {
		if (posix_int_pending != 0UL) {
			posix_run_interrupts();
		} else if (!polled && posix_idle_poll != NULL &&
			   posix_idle_poll(FALSE)) {
			idle_poll();
			polled = TRUE;
		} else {
			idle_sleep();
			polled = FALSE;
		}
	}
	/* Locked first: a handler may still change schedtsk until then. */
	port_lock_cpu();
	if (posix_idle_poll != NULL)
		(void)posix_idle_poll(TRUE);
	set_runtsk(schedtsk);
	posix_jump(&runtsk->tskctxb);
}

/*
 * The tick timer runs on absolute times from tick_origin, so the k-th
 * expiry is exactly k periods after it and tick() counts it as tick k
 * whatever the delivery delay (less than a period).
 */
static void start_tick(void)
{
	struct sigevent sev;
	struct itimerspec its;
	long ns = (long)options.tick_ms * 1000000L;

	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = SIGALRM;
	sev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
	if (timer_create(CLOCK_MONOTONIC, &sev, &tick_timer) < 0)
		fatal("timer_create: %s", strerror(errno));
	clock_gettime(CLOCK_MONOTONIC, &tick_origin);
	its.it_interval.tv_sec = ns / 1000000000L;
	its.it_interval.tv_nsec = ns % 1000000000L;
	its.it_value.tv_sec = tick_origin.tv_sec + its.it_interval.tv_sec;
	its.it_value.tv_nsec = tick_origin.tv_nsec + its.it_interval.tv_nsec;
	if (its.it_value.tv_nsec >= 1000000000L) {
		its.it_value.tv_sec++;
		its.it_value.tv_nsec -= 1000000000L;
	}
	if (timer_settime(tick_timer, TIMER_ABSTIME, &its, NULL) < 0)
		fatal("timer_settime: %s", strerror(errno));
}

void port_start_dispatch(void)
{
	idle_ctxb.sp = (char *)idle_stack + sizeof(idle_stack) - 8;
	idle_ctxb.pc = idle_loop;
	start_tick();
	posix_int_nest = 0;		/* idle_loop runs what came in */
	/* Interrupts open from here on (a blocked start must not stay). */
	sigprocmask(SIG_UNBLOCK, &irq_sigset, NULL);
	posix_jump(&idle_ctxb);
}

void port_exit_kernel(void)
{
	timer_delete(tick_timer);
	posix_console_restore();
	exit(kernel_aborted ? 1 : posix_exit_status);
}

void port_get_utim(SYSUTIM *p_sysutim)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	*p_sysutim = (SYSUTIM)ts.tv_sec * 1000000UL +
		     (SYSUTIM)ts.tv_nsec / 1000UL;
}

/* ---- process start ---------------------------------------------------- */

/* SCHED_FIFO and locked memory when permitted; silently without. */
static void become_realtime(void)
{
	struct sched_param sp = { .sched_priority = options.rtprio };

	if (!options.realtime)
		return;
	if (sched_setscheduler(0, SCHED_FIFO, &sp) == 0)
		posix_realtime = TRUE;
	if (mlockall(MCL_CURRENT | MCL_FUTURE) == 0)
		posix_memlocked = TRUE;
}

int main(int argc, char **argv)
{
	posix_parse_options(argc, argv, &options);
	tick_ms = options.tick_ms;
	become_realtime();
	posix_console_initialize();
	initialize_lines();
	initialize_exceptions();
	posix_cpu_lock = 1;
	/* Interrupts stay pending, as in a handler, until the first dispatch:
	 * kernel_start() unlocks the CPU for the ATT_INI routines. */
	posix_int_nest = 1;
	kernel_start();
}
