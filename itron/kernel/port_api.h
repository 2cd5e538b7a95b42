/*
 * Unitron - the port interface.
 *
 * This header is documentation: it lists what every port provides in its
 * port_config.h (as functions or static inline functions) and what the
 * core provides to the port.  The core includes port_config.h, never a
 * host header.  Seed 000 (ch. 3) calls this "treating the host OS as one
 * more CPU architecture": the posix port is a Linux process, the linux
 * port is the Linux kernel, and the core does not know which.
 *
 * Port provides (port_config.h):
 *
 *   CTXB                         a task's saved context, embedded in the TCB.
 *   PORT_STACK_MARGIN            bytes a task's stack needs beyond what the
 *                                application asks for (interrupt frames,
 *                                host functions): STACK_AREA adds them to
 *                                configured stacks, cre_tsk to the stacks
 *                                it allocates.
 *
 *   BOOL port_sense_context(void)  TRUE while a handler (interrupt, CPU
 *                                  exception, cyclic, initialization) runs.
 *   void port_lock_cpu(void)       enter the CPU-locked state: no interrupt
 *   void port_unlock_cpu(void)     handler runs until the unlock; the unlock
 *   BOOL port_sense_lock(void)     runs any that became pending meanwhile.
 *
 *   void port_activate_context(TCB *p_tcb)
 *        Prepare p_tcb so that dispatching to it calls task_start() on an
 *        empty stack.  Must not write to the task's stack: a task that
 *        re-activates itself in ext_tsk is still running on it.
 *   void port_dispatch(void)
 *        Called in task context with the CPU locked when schedtsk differs
 *        from runtsk.  Saves the running task, runs schedtsk (or idles
 *        while schedtsk is NULL, with the CPU unlocked so that handlers
 *        can run), and returns, CPU still locked, when the caller is
 *        scheduled again.
 *   void port_exit_and_dispatch(void)   as port_dispatch, but the running
 *        task's context is abandoned (ext_tsk).  Does not return.
 *   void port_start_dispatch(void)  first dispatch at the end of
 *        kernel_start(), CPU locked.  Does not return.
 *   void port_exit_kernel(void)     stop the system (ext_ker).
 *   void port_get_utim(SYSUTIM *p)  performance time in microseconds.
 *   UINT port_tick_lag(void)    tick periods that have elapsed in real
 *        time but whose isig_tim() has not run yet (a late interrupt);
 *        0 normally.  Timeouts count from real time with it.
 *   BOOL port_exc_sense_{context,lock}(VP p_excinf)
 *        the state the CPU exception interrupted (vxsns_ctx, vxsns_loc).
 *   ER port_define_inh(INHNO inhno)   def_inh: E_OK if the port delivers
 *        interrupt number inhno (and is ready to: the posix port binds
 *        its signal or descriptor), else E_PAR.  Task context, CPU locked.
 *   ER port_define_exc(EXCNO excno)   def_exc: E_OK if excno is a CPU
 *        exception the port hands to exception_handle(), E_PAR if not,
 *        E_NOSPT if the port has none (the linux port).
 *   void port_console_write(const char *buf, UINT len)
 *        low-level console output for syslog; callable in any context.
 *
 * Port may define (port_config.h): trace hooks, after TOPPERS ASP's LOG_*
 * macros.  The core calls them with the CPU locked or in a handler; left
 * undefined they are nothing (kernel_impl.h).  Dispatches are the port's
 * own work (port_dispatch() and friends), so it traces them itself.
 *
 *   LOG_INH_ENTER(inhno), LOG_INH_LEAVE(inhno)
 *        around interrupt_handle(inhno): its DEF_INH handler and ATT_ISR
 *        routines.
 *   LOG_TICK_ENTER(), LOG_TICK_LEAVE()    around each isig_tim().
 *   LOG_CYC_ENTER(p_cyccb), LOG_CYC_LEAVE(p_cyccb)
 *        around a cyclic handler's call (CYCCB *).
 *   LOG_WAI_ENTER(p_tcb)
 *        the running task p_tcb starts waiting: p_tcb->p_winfo says for
 *        what (wreason, p_wobjcb, p_tmevtb).
 *   LOG_WAI_LEAVE(p_tcb, p_winfo)
 *        its wait ended and it runs again; p_winfo->wercd is the result
 *        (p_tcb->p_winfo is already NULL).
 *
 * Core provides to the port:
 *
 *   runtsk, schedtsk, enadsp, reqflg, kerflg   scheduler state.
 *   kernel_start()              initialise objects, run ATT_INI routines,
 *                               start dispatching.  The port calls it with
 *                               the CPU locked, after its own setup, and
 *                               holds interrupts until port_start_dispatch():
 *                               the ATT_INI routines run with the CPU
 *                               unlocked, as handlers do.
 *   task_start()                first code of every task, CPU locked.
 *   interrupt_handle(no)        run the DEF_INH handler and ATT_ISR
 *                               routines for interrupt number no; the port
 *                               calls it from its interrupt entry with the
 *                               CPU locked and port_sense_context() TRUE.
 *   exception_handle(no, excinf)  run the DEF_EXC handler for no.
 *   return_to_task()            the port calls it, CPU locked and in task
 *                               context, before returning from a handler to
 *                               the interrupted task: it dispatches if a
 *                               handler asked for it and runs a pending task
 *                               exception routine.
 *   tick_fires_event()          TRUE when the next isig_tim() fires a time
 *                               event (a timeout or a cyclic handler): a
 *                               port may prepare for that tick (the linux
 *                               port's tick_advance_us).
 *   inhinib_table, isrinib_table, excinib_table   the configured handlers.
 */
