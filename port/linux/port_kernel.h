/*
 * Unitron linux port - what applications may name on this port.
 *
 * Included by kernel.h, so freestanding: no Linux header here.
 */
#ifndef UNITRON_PORT_KERNEL_H
#define UNITRON_PORT_KERNEL_H

#define UNITRON_PORT_LINUX

/*
 * Interrupt numbers.  0..31 are software interrupt lines, raised with
 * ras_int() or by a Linux process through the control device.
 * INHNO_DEV(0..31) are device lines: the application's Linux side binds
 * each to a device's Linux IRQ with unitron_bind_irq() (unitron_linux.h).
 */
#define TNUM_SWI	32U
#define INHNO_SWI(n)	((UINT)(n))
#define INTNO_SWI1	INHNO_SWI(1)
#define INTNO_SWI2	INHNO_SWI(2)
#define INHNO_SWI1	INTNO_SWI1
#define INHNO_SWI2	INTNO_SWI2
/* Reserved for the bridge (bridge/linux/transport.c): calls, cancels. */
#define INHNO_BRIDGE	INHNO_SWI(31)
#define TNUM_DEV	32U
#define INHNO_DEV_BASE	0x1000U
#define INHNO_DEV(n)	(INHNO_DEV_BASE + (n))

/*
 * Nanosecond times on Linux's monotonic clock (ktime_get(), which user
 * space reads as CLOCK_MONOTONIC), for measurements (bench/latency):
 * vxget_nsec() now, in any context; vxget_int_nsec(), in a handler, when
 * the interrupt it serves was raised: a software line when ras_int() or
 * the control device raised it, the tick when its timer was due, a
 * device line when Linux took its IRQ (E_CTX outside handlers).  Plain
 * types (ER, UD): an application's Linux side includes this file alone.
 */
#ifndef _MACRO_ONLY
int	vxget_nsec(unsigned long long *p_nsec);
int	vxget_int_nsec(unsigned long long *p_nsec);
#endif

/* Serial port 1 is the kernel log (output only, no input). */
#define TNUM_PORT	1
#define CONSOLE_PORTID	1
#define LOGTASK_PORTID	1

/*
 * What a task's stack needs beyond the size the application gives:
 * the Linux functions a task may call (printk) and an interrupt entry
 * frame.  Configured stacks have it, and the stacks cre_tsk allocates
 * (TSZ_TSKSTK).
 */
#define PORT_STACK_MARGIN	(8U * 1024U)

#endif /* UNITRON_PORT_KERNEL_H */
