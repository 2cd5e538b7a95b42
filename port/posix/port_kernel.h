/*
 * Unitron posix port - what applications may name on this port.
 *
 * Interrupts are host signals and file-descriptor events; CPU exceptions
 * are the synchronous fault signals.  Included by kernel.h, so it stays
 * freestanding (the core includes it too): signal numbers are Linux's.
 */
#ifndef UNITRON_PORT_KERNEL_H
#define UNITRON_PORT_KERNEL_H

/* TOPPERS/JSP's Linux port defines LINUX; JSP applications test it. */
#ifndef LINUX
#define LINUX
#endif
#define UNITRON_PORT_POSIX

/*
 * Interrupt numbers (DEF_INH inhno, ATT_ISR intno).  A signal number
 * binds the handler to that signal (SIGUSR1 is 10, SIGUSR2 12, real-time
 * signals 35..64 on glibc).  INHNO_FD(fd) binds it to "fd is readable",
 * delivered through O_ASYNC; the handler must drain the fd.
 */
#define INHNO_FD_BASE	0x100U
#define INHNO_FD(fd)	(INHNO_FD_BASE + (fd))
#define INTNO_FD(fd)	INHNO_FD(fd)

#define INTNO_SWI1	10U	/* SIGUSR1: software interrupt for tests */
#define INTNO_SWI2	12U	/* SIGUSR2 */
#define INHNO_SWI1	INTNO_SWI1
#define INHNO_SWI2	INTNO_SWI2

/* The bridge's line (bridge/bridge.cfg): SIGRTMAX, from its thread. */
#define INHNO_BRIDGE	64U

/* The console's input: the serial driver's interrupt. */
#define INHNO_SERIAL	INHNO_FD(0)

/* CPU exception numbers (DEF_EXC excno) are fault signal numbers. */
#define EXCNO_ILL	4U	/* SIGILL */
#define EXCNO_TRAP	5U	/* SIGTRAP */
#define EXCNO_BUS	7U	/* SIGBUS */
#define EXCNO_FPE	8U	/* SIGFPE, e.g. integer division by zero */
#define EXCNO_SEGV	11U	/* SIGSEGV */

/* Serial ports: port 1 is the process's stdin/stdout. */
#define TNUM_PORT	1
#define CONSOLE_PORTID	1
#define LOGTASK_PORTID	1

/*
 * What a task's stack needs beyond the size the application gives:
 * signal frames and the host functions a handler may call.  Configured
 * stacks have it, and the stacks cre_tsk allocates (TSZ_TSKSTK).
 */
#define PORT_STACK_MARGIN	(32U * 1024U)

#endif /* UNITRON_PORT_KERNEL_H */
