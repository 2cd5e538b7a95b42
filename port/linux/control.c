// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - the control device, /dev/unitron-<module>:
 * start the system and raise software interrupts from Linux processes;
 * its sysfs directory has the system's state.  It also brings the status
 * file (status.c) along.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

#include "kernel_impl.h"
#include "linux_port.h"
#include "unitron_ioctl.h"

static long control_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	switch (cmd) {
	case UNITRON_IOC_START:
		return unitron_start();
	case UNITRON_IOC_RAISE:
		return unitron_raise_swi(arg < TNUM_SWI ? arg : TNUM_SWI);
	default:
		return -ENOTTY;
	}
}

/* /sys/class/misc/unitron-<module>/state, for unitronctl's messages */
static ssize_t state_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	const char *state;

	switch (unitron_not_running()) {
	case 0:
		state = UNITRON_STATE_RUNNING;
		break;
	case -ENOTCONN:
		state = UNITRON_STATE_NOT_STARTED;
		break;
	case -EAGAIN:
		state = UNITRON_STATE_STARTING;
		break;
	default:
		state = UNITRON_STATE_ENDED;
		break;
	}
	return sysfs_emit(buf, "%s\n", state);
}
static DEVICE_ATTR_RO(state);

static struct attribute *control_attrs[] = {
	&dev_attr_state.attr,
	NULL
};
ATTRIBUTE_GROUPS(control);

static const struct file_operations control_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= control_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static struct miscdevice control_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "unitron-" KBUILD_MODNAME,
	.fops	= &control_fops,
	.mode	= 0600,
	.groups	= control_groups,
};

/* The control device and the status file (status.c). */
int unitron_control_init(void)
{
	int err = misc_register(&control_dev);

	if (!err)
		unitron_status_init();
	return err;
}

/*
 * Is NAME another misc device's (another system's bridge)?  Asked before
 * misc_register(), whose failure on a duplicate dumps a stack trace.
 */
bool unitron_misc_name_taken(const char *name)
{
	struct device *dev;

	dev = class_find_device_by_name(control_dev.this_device->class, name);
	put_device(dev);
	return dev != NULL;
}

void unitron_control_exit(void)
{
	unitron_status_exit();
	misc_deregister(&control_dev);
}
