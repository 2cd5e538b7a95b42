/*
 * Unitron bare port - the port interface for the core (see
 * itron/kernel/port_api.h).
 *
 * µITRON alone on a CPU taken from Linux (issue 12): no host below it.
 * CPU lock is the CPU's own interrupt flag (cli/sti) in task context; a
 * handler runs with interrupts off anyway, so there it is only a flag.
 * Freestanding, like the core that includes it: the functions are in
 * port.c.
 */
#ifndef UNITRON_PORT_CONFIG_H
#define UNITRON_PORT_CONFIG_H

/* The configurator's object names, for unitronctl ps (status.h). */
#define CFG_OBJECT_NAMES

/* A task's saved context: stack pointer and resume address. */
typedef struct task_context_block {
	void	*sp;
	void	(*pc)(void);
} CTXB;

/*
 * Task stacks: what the application asked for plus room for an
 * interrupt frame with every register (handlers run on the interrupted
 * task's stack) and the handlers' own calls.
 */
typedef struct {
	unsigned long long	w[2];
} STK_T;
#define COUNT_STK_T(sz)	(((sz) + sizeof(STK_T) - 1U) / sizeof(STK_T))
#define STACK_AREA(name, sz) \
	static STK_T name[COUNT_STK_T((SIZE)(sz) + PORT_STACK_MARGIN)] \
		__attribute__((aligned(16)))

extern volatile int	bare_int_nest;	/* > 0 in a µITRON handler */
extern volatile int	bare_locked;	/* µITRON's CPU-locked state */

static inline BOOL port_sense_context(void)
{
	return bare_int_nest > 0;
}

static inline BOOL port_sense_lock(void)
{
	return bare_locked != 0;
}

/* In a handler interrupts are off already: only the flag changes. */
static inline void port_lock_cpu(void)
{
	if (bare_int_nest == 0)
		__asm__ volatile("cli" ::: "memory");
	bare_locked = 1;
	__asm__ volatile("" ::: "memory");
}

static inline void port_unlock_cpu(void)
{
	__asm__ volatile("" ::: "memory");
	bare_locked = 0;
	if (bare_int_nest == 0)
		__asm__ volatile("sti" ::: "memory");
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

#endif /* UNITRON_PORT_CONFIG_H */
