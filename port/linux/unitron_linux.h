/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unitron linux port - for an application's Linux side.
 *
 * A µITRON application in a module may have a part that is ordinary
 * Linux driver code: it finds its device, maps it and gets its IRQ, then
 * hands the interrupt to the µITRON handler the .cfg defined for a
 * device line (DEF_INH(INHNO_DEV(n), ...) or ATT_ISR).  That code
 * includes Linux headers and this file, not kernel.h.
 */
#ifndef UNITRON_LINUX_H
#define UNITRON_LINUX_H

#include "port_kernel.h"

/*
 * Optional hooks an application may define.  unitron_linux_init() runs
 * at module load in process context, before the system starts (even
 * with autostart); an error fails the load.  unitron_linux_exit() runs
 * at unload, after the system stopped.
 */
int	unitron_linux_init(void);
void	unitron_linux_exit(void);

/*
 * Bind device line inhno (INHNO_DEV(n)) to Linux interrupt irq: the IRQ
 * is requested with IRQF_NO_THREAD, kept on the µITRON CPU, and enabled
 * when the system has started.  Process context.  -EINVAL when inhno is
 * not a device line with a handler, -EBUSY when it is already bound,
 * else request_irq()'s or irq_set_affinity()'s error.
 */
int	unitron_bind_irq(unsigned int inhno, unsigned int irq);

/* Release the line's IRQ (before the device goes); unbound: no-op. */
void	unitron_unbind_irq(unsigned int inhno);

#endif /* UNITRON_LINUX_H */
