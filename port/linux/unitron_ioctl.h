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
/*
 * Start the µITRON system: EBUSY if it is already running, ESHUTDOWN if
 * it has ended (ext_ker(): unload and load the module to run it again).
 */
#define UNITRON_IOC_START	_IO(UNITRON_IOC_MAGIC, 1)
/*
 * Raise software interrupt line n (0..31): the arg is the line.  EINVAL:
 * no such line; ENXIO: no handler on it (DEF_INH or ATT_ISR of
 * INHNO_SWI(n)); ENOTCONN: the system is not started yet; EAGAIN: it is
 * starting; ESHUTDOWN: it has ended.
 */
#define UNITRON_IOC_RAISE	_IO(UNITRON_IOC_MAGIC, 2)

/*
 * The system's state in words, as sysfs shows it:
 * /sys/class/misc/unitron-<module>/state.
 */
#define UNITRON_STATE_NOT_STARTED	"not started"
#define UNITRON_STATE_STARTING		"starting"
#define UNITRON_STATE_RUNNING		"running"
#define UNITRON_STATE_ENDED		"ended"

#endif /* UNITRON_IOCTL_H */
