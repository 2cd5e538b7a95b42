// SPDX-License-Identifier: GPL-2.0
/*
 * Taking a CPU from Linux and keeping it.
 *
 * The CPU is offlined with remove_cpu(), the same path as writing 0 to
 * its sysfs "online".  While µITRON owns it, a CPU-hotplug state in the
 * prepare section (run on a control CPU before the CPU is kicked) makes
 * every attempt to online it fail: Linux never sends its own INIT-SIPI
 * to a core µITRON runs on.
 *
 * A reboot, power-off or kexec (kernel_kexec() runs the reboot
 * notifiers too) would leave µITRON running: on after a kexec, in memory
 * the new kernel takes over.  A reboot notifier parks the CPU by INIT
 * instead and leaves it offline: an INIT'ed CPU touches no memory, and
 * it is what a firmware reset or the next kernel's INIT-SIPI expects.
 * Not covered: an emergency restart (sysrq b) and a crash kexec run no
 * notifier; a reset restarts every CPU anyway.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/notifier.h>
#include <linux/reboot.h>
#include <asm/smp.h>

#include "owncore.h"

#define NO_CPU	(-1)

static int held_cpu = NO_CPU;
static int guard_state;

/* Prepare callback for every CPU Linux is about to bring up. */
static int guard_prepare(unsigned int cpu)
{
	if ((int)cpu != READ_ONCE(held_cpu))
		return 0;
	pr_warn("CPU %u belongs to µITRON: onlining refused (rmmod unitron_core gives it back)\n",
		cpu);
	return -EBUSY;
}

/* The system goes down with the CPU held: park it. */
static int guard_reboot(struct notifier_block *nb, unsigned long action,
			void *data)
{
	int cpu = READ_ONCE(held_cpu);

	if (cpu == NO_CPU)
		return NOTIFY_DONE;
	own_park(cpu_physical_id(cpu));
	pr_info("system going down (%s): CPU %d parked by INIT, left offline\n",
		action == SYS_POWER_OFF ? "power off" :
		action == SYS_HALT ? "halt" : "restart or kexec", cpu);
	return NOTIFY_DONE;
}

static struct notifier_block reboot_nb = { .notifier_call = guard_reboot };

int own_hold_init(void)
{
	/* No callbacks now: the state only guards CPUs coming up later. */
	int ret = cpuhp_setup_state_nocalls(CPUHP_BP_PREPARE_DYN,
					    "unitron/core:guard",
					    guard_prepare, NULL);

	if (ret < 0) {
		pr_err("cannot install the CPU-hotplug guard (%d)\n", ret);
		return ret;
	}
	guard_state = ret;
	ret = register_reboot_notifier(&reboot_nb);
	if (ret)
		cpuhp_remove_state_nocalls(guard_state);
	return ret;
}

void own_hold_exit(void)
{
	unregister_reboot_notifier(&reboot_nb);
	cpuhp_remove_state_nocalls(guard_state);
}

/*
 * Offline @cpu for good.  The guard is armed first, so that nothing can
 * online the CPU between its removal and the loader's use of it.
 */
int own_take_cpu(unsigned int cpu)
{
	int ret;

	WRITE_ONCE(held_cpu, cpu);
	ret = remove_cpu(cpu);
	if (ret) {
		WRITE_ONCE(held_cpu, NO_CPU);
		/* device_offline() says 1 for a CPU that was already offline. */
		if (ret > 0) {
			pr_err("cpu=%u went offline meanwhile: online it first\n",
			       cpu);
			return -EINVAL;
		}
		pr_err("Linux would not give up CPU %u (remove_cpu: %d)\n",
		       cpu, ret);
		return ret;
	}
	return 0;
}

/* Disarm the guard and let Linux boot @cpu again. */
int own_give_cpu(unsigned int cpu)
{
	int ret;

	WRITE_ONCE(held_cpu, NO_CPU);
	ret = add_cpu(cpu);
	if (ret)
		pr_err("Linux could not bring CPU %u back (add_cpu: %d)\n",
		       cpu, ret);
	return ret;
}
