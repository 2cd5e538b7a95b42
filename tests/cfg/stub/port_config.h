/*
 * Unitron configurator tests - a minimal port_config.h, enough to compile
 * (and link into a table dump) the generated kernel_cfg.c against the
 * core's headers without any real port.
 */
#ifndef CFG_TEST_PORT_CONFIG_H
#define CFG_TEST_PORT_CONFIG_H

typedef struct task_context_block {
	void	*sp;
} CTXB;

/* Task stacks: the configurator names the area and asks sizeof() it. */
typedef struct {
	unsigned long long	w[2];
} STK_T;
#define STACK_AREA(name, sz) \
	static STK_T name[((SIZE)(sz) + sizeof(STK_T) - 1U) / sizeof(STK_T)]

BOOL	port_sense_context(void);
BOOL	port_sense_lock(void);
void	port_lock_cpu(void);
void	port_unlock_cpu(void);
void	port_activate_context(struct task_control_block *p_tcb);
void	port_dispatch(void);
void	port_exit_and_dispatch(void) __attribute__((noreturn));
void	port_start_dispatch(void) __attribute__((noreturn));
void	port_exit_kernel(void) __attribute__((noreturn));
void	port_get_utim(SYSUTIM *p_sysutim);
BOOL	port_exc_sense_context(VP p_excinf);
BOOL	port_exc_sense_lock(VP p_excinf);
void	port_console_write(const char *buf, UINT len);

#endif /* CFG_TEST_PORT_CONFIG_H */
