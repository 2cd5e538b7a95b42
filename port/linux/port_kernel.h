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
 * INHNO_IRQ(n) is Linux interrupt n, requested with IRQF_NO_THREAD on the
 * µITRON CPU (an initialization routine binds a device's IRQ with
 * unitron_bind_irq()).
 */
#define TNUM_SWI	32U
#define INHNO_SWI(n)	((UINT)(n))
#define INTNO_SWI1	INHNO_SWI(1)
#define INTNO_SWI2	INHNO_SWI(2)
#define INHNO_SWI1	INTNO_SWI1
#define INHNO_SWI2	INTNO_SWI2
#define INHNO_IRQ_BASE	0x1000U
#define INHNO_IRQ(n)	(INHNO_IRQ_BASE + (n))

/* Serial port 1 is the kernel log (output only, no input). */
#define TNUM_PORT	1
#define CONSOLE_PORTID	1
#define LOGTASK_PORTID	1

#endif /* UNITRON_PORT_KERNEL_H */
