/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Unitron linux port - the control device's interface, shared with
 * user space (unitronctl).  Each loaded application creates
 * /dev/unitron-<module name>; only CAP_SYS_ADMIN may use it.
 */
#ifndef UNITRON_IOCTL_H
#define UNITRON_IOCTL_H

#include <linux/ioctl.h>

#define UNITRON_IOC_MAGIC	0xb7
/* Start the µITRON system (-EBUSY if it already ran). */
#define UNITRON_IOC_START	_IO(UNITRON_IOC_MAGIC, 1)
/* Raise software interrupt line n (0..31): the arg is the line. */
#define UNITRON_IOC_RAISE	_IO(UNITRON_IOC_MAGIC, 2)

#endif /* UNITRON_IOCTL_H */
