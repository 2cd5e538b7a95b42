/*
 * Unitron bare port - what applications may name on this port.
 *
 * Included by kernel.h, so freestanding.
 */
#ifndef UNITRON_PORT_KERNEL_H
#define UNITRON_PORT_KERNEL_H

#define UNITRON_PORT_BARE

/*
 * Interrupt numbers are the CPU's vectors.  The tick has its own
 * (BARE_TICK_VECTOR in bare.h); no device interrupt reaches this CPU
 * yet, so the lines applications may bind are software ones (ras_int)
 * and the bridge's, which the loader raises.
 */
#define INHNO_SWI(n)	(0x4fU + (n))	/* n = 1, 2 */
#define INTNO_SWI(n)	INHNO_SWI(n)
#define INHNO_SWI1	INHNO_SWI(1)
#define INHNO_SWI2	INHNO_SWI(2)
#define INTNO_SWI1	INHNO_SWI1
#define INTNO_SWI2	INHNO_SWI2
/* The bridge's line: the loader's IPI (OWN_BRG_VECTOR). */
#define INHNO_BRIDGE	0x60U

/*
 * CPU exception numbers (DEF_EXC excno) are the CPU's vectors 0..31; a
 * handler's p_excinf is the port's (vxsns_* read it).  NMI, double
 * fault and machine check always stop the image, as does an exception
 * without a handler: the loader reports it with its vector and RIP.
 */
#define EXCNO_DE	0U	/* divide error */
#define EXCNO_UD	6U	/* invalid opcode */
#define EXCNO_GP	13U	/* general protection */
#define EXCNO_PF	14U	/* page fault */
/* The conformance tests' fault: integer division by zero. */
#define EXCNO_FPE	EXCNO_DE

/* Linux's number of the CPU the image runs on (the loader's cpu=). */
#ifndef _MACRO_ONLY
unsigned int	vxget_cpu(void);
#endif

/*
 * Nanosecond times by the TSC, for measurements (bench/latency), as on
 * the linux port: vxget_nsec() now, in any context; vxget_int_nsec(), in
 * a handler, when the interrupt it serves was raised: a software line
 * when ras_int() raised it, the tick when the APIC timer expired (read
 * back from its current count, which restarts every period: a tick
 * interrupt taken more than a period late is timed from the timer's
 * last expiry, whole periods too late).  E_CTX outside handlers.
 */
#ifndef _MACRO_ONLY
int	vxget_nsec(unsigned long long *p_nsec);
int	vxget_int_nsec(unsigned long long *p_nsec);
#endif

/* Serial port 1 is the console ring the loader copies to Linux's log. */
#define TNUM_PORT	1
#define CONSOLE_PORTID	1
#define LOGTASK_PORTID	1

/*
 * What a task's stack needs beyond the size the application gives:
 * interrupt and exception entry frames.  Configured stacks have it, and
 * the stacks cre_tsk allocates (TSZ_TSKSTK).
 */
#define PORT_STACK_MARGIN	(4U * 1024U)

#endif /* UNITRON_PORT_KERNEL_H */
