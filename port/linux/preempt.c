// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - the kernel's preemption model.
 *
 * µITRON tasks win over Linux only if Linux's own kernel code can be
 * preempted: when a handler readies a task while a Linux thread runs
 * kernel code on the µITRON CPU, the µITRON thread gets the CPU at the
 * next preemption point, which on a kernel that is not fully
 * preemptible (preempt=none or voluntary) can be many milliseconds
 * away.  Debian's standard kernel is PREEMPT_DYNAMIC and boots
 * voluntary; preempt=full fixes that, PREEMPT_RT needs nothing.
 *
 * The system still works on such a kernel, without its real-time
 * guarantee, so loading it is only warned about, not refused: a
 * development machine can run it as it is.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/printk.h>
#include <linux/sched.h>

#include "kernel_impl.h"
#include "linux_port.h"

/* NULL if Linux is fully preemptible, else its preemption model. */
const char *unitron_preempt_lacking(void)
{
	if (preempt_model_preemptible())
		return NULL;
	return preempt_model_none() ? "none" : "voluntary";
}

void unitron_check_preempt(void)
{
	const char *model = unitron_preempt_lacking();

	if (model)
		pr_warn("Linux is not fully preemptible (preempt=%s): µITRON tasks may wait for Linux kernel code on CPU %u, no real-time guarantee; add preempt=full to the kernel command line and reboot\n",
			model, unitron_cpu);
}
