/*
 * Unitron posix port - the port interface for the core (see
 * itron/kernel/port_api.h).
 *
 * The "CPU" is the process's one thread.  CPU lock is virtual: a flag the
 * signal entry respects, with interrupts that arrive meanwhile recorded as
 * pending and run when the lock is released.  So loc_cpu/unl_cpu and the
 * kernel's own critical sections cost a few instructions and no system
 * call; signal fences stop the compiler from moving memory accesses across
 * them (a signal handler is the only other party on this thread).
 *
 * Freestanding, like the core that includes it.
 */
#ifndef UNITRON_PORT_CONFIG_H
#define UNITRON_PORT_CONFIG_H

/* A task's saved context: stack pointer and resume address. */
typedef struct task_context_block {
	void	*sp;
	void	(*pc)(void);
} CTXB;

/*
 * Task stacks.  Signals are delivered on the interrupted task's stack
 * (so a handler can dispatch from there), so every configured stack gets
 * room for a signal frame with the largest XSAVE area on top of what the
 * application asked for.
 */
typedef struct {
	unsigned long long	w[2];
} STK_T;
#define COUNT_STK_T(sz)	(((sz) + sizeof(STK_T) - 1U) / sizeof(STK_T))
#define STACK_AREA(name, sz) \
	static STK_T name[COUNT_STK_T((SIZE)(sz) + PORT_STACK_MARGIN)] \
		__attribute__((aligned(64)))

extern volatile int		posix_cpu_lock;
extern volatile int		posix_int_nest;
extern volatile unsigned long	posix_int_pending;
void	posix_run_interrupts(void);

static inline BOOL port_sense_context(void)
{
	return posix_int_nest > 0;
}

static inline BOOL port_sense_lock(void)
{
	return posix_cpu_lock != 0;
}

static inline void port_lock_cpu(void)
{
	posix_cpu_lock = 1;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

/*
 * An interrupt that arrived while locked runs now, unless a handler is
 * running: then the handler's exit path runs it.
 */
static inline void port_unlock_cpu(void)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	posix_cpu_lock = 0;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	if (posix_int_pending != 0UL && posix_int_nest == 0)
		posix_run_interrupts();
}

void	port_activate_context(struct task_control_block *p_tcb);
void	port_dispatch(void);
void	port_exit_and_dispatch(void) __attribute__((noreturn));
void	port_start_dispatch(void) __attribute__((noreturn));
void	port_exit_kernel(void) __attribute__((noreturn));
void	port_get_utim(SYSUTIM *p_sysutim);
UINT	port_tick_lag(void);
BOOL	port_exc_sense_context(VP p_excinf);
BOOL	port_exc_sense_lock(VP p_excinf);
ER	port_define_inh(INHNO inhno);
ER	port_define_exc(EXCNO excno);
void	port_console_write(const char *buf, UINT len);

/*
 * Idle polling, for a source whose interrupt is expected within
 * microseconds, when being signalled costs more than polling (the
 * bridge's proxies).  If the application has one, the idle loop calls
 * posix_idle_poll(FALSE) before it sleeps, and again for as long as it
 * returns TRUE and no task is ready; then posix_idle_poll(TRUE) to end
 * polling, which a task that waits also calls when it gives the CPU to
 * another task.
 */
BOOL	posix_idle_poll(BOOL end) __attribute__((weak));

#endif /* UNITRON_PORT_CONFIG_H */
