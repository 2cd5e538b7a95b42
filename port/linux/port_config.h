/*
 * Unitron linux port - the port interface for the core (see
 * itron/kernel/port_api.h).
 *
 * One kernel thread runs the whole µITRON system on one CPU.  CPU lock is
 * local_irq_disable() on that CPU in task context; in a handler, which
 * already runs with interrupts off, it is only a flag.  Freestanding,
 * like the core that includes it: the functions are in port.c.
 */
#ifndef UNITRON_PORT_CONFIG_H
#define UNITRON_PORT_CONFIG_H

/* A task's saved context. */
typedef struct task_context_block {
	void	*sp;		/* stack pointer */
	void	(*pc)(void);	/* resume address */
	unsigned long	preempt_ip;	/* where an interrupt preempted it */
} CTXB;

/*
 * Task stacks: the application's size plus room for the Linux functions
 * a task may call (printk) and an interrupt entry frame.
 */
typedef struct {
	unsigned long long	w[2];
} STK_T;
#define COUNT_STK_T(sz)	(((sz) + sizeof(STK_T) - 1U) / sizeof(STK_T))
#define STACK_AREA(name, sz) \
	static STK_T name[COUNT_STK_T((SIZE)(sz) + PORT_STACK_MARGIN)] \
		__attribute__((aligned(16)))

/* The configurator's object names, for the status file (status.h). */
#define CFG_OBJECT_NAMES

extern int	unitron_int_nest;	/* > 0 in a µITRON handler */
extern int	unitron_locked;		/* µITRON's CPU-locked state */

static inline BOOL port_sense_context(void)
{
	return unitron_int_nest > 0;
}

static inline BOOL port_sense_lock(void)
{
	return unitron_locked != 0;
}

void	port_lock_cpu(void);
void	port_unlock_cpu(void);
void	port_activate_context(struct task_control_block *p_tcb);
void	port_dispatch(void);
void	port_exit_and_dispatch(void);
void	port_start_dispatch(void);
void	port_exit_kernel(void);
void	port_get_utim(SYSUTIM *p_sysutim);
UINT	port_tick_lag(void);
BOOL	port_exc_sense_context(VP p_excinf);
BOOL	port_exc_sense_lock(VP p_excinf);
ER	port_define_inh(INHNO inhno);
ER	port_define_exc(EXCNO excno);
void	port_console_write(const char *buf, UINT len);

/*
 * Trace hooks (port_api.h): ftrace events of the module (trace.c,
 * unitron_trace.h).  Dispatches are traced by port.c itself.
 */
struct cyclic_handler_control_block;
struct waiting_information;
void	unitron_log_inh(UINT inhno, BOOL enter);
void	unitron_log_tick(BOOL enter);
void	unitron_log_cyc(const struct cyclic_handler_control_block *p_cyccb,
			BOOL enter);
void	unitron_log_wai_enter(const struct task_control_block *p_tcb);
void	unitron_log_wai_leave(const struct task_control_block *p_tcb,
			      const struct waiting_information *p_winfo);

#define LOG_INH_ENTER(inhno)		unitron_log_inh((inhno), TRUE)
#define LOG_INH_LEAVE(inhno)		unitron_log_inh((inhno), FALSE)
#define LOG_TICK_ENTER()		unitron_log_tick(TRUE)
#define LOG_TICK_LEAVE()		unitron_log_tick(FALSE)
#define LOG_CYC_ENTER(p_cyccb)		unitron_log_cyc((p_cyccb), TRUE)
#define LOG_CYC_LEAVE(p_cyccb)		unitron_log_cyc((p_cyccb), FALSE)
#define LOG_WAI_ENTER(p_tcb)		unitron_log_wai_enter(p_tcb)
#define LOG_WAI_LEAVE(p_tcb, p_winfo)	unitron_log_wai_leave((p_tcb), (p_winfo))

#endif /* UNITRON_PORT_CONFIG_H */
