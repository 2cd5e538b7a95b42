// SPDX-License-Identifier: GPL-2.0
/*
 * unitron_core: the loader of the own-core port (issue 12).
 *
 * insmod unitron_core.ko cpu=N takes CPU N from Linux; rmmod gives it
 * back.  What runs on the CPU meanwhile grows step by step (see the
 * README's "own-core port" section).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/module.h>
#include <linux/string.h>
#include <asm/smp.h>

#include "owncore.h"

static unsigned int cpu = 1;
module_param(cpu, uint, 0444);
MODULE_PARM_DESC(cpu, "CPU to take from Linux (not 0; default 1)");

/* How far the loader goes with the CPU: each bring-up step stays testable. */
enum stage { STAGE_OFFLINE, STAGE_PARK };
static const char * const stage_names[] = { "offline", "park" };
static char *stage = "park";
module_param(stage, charp, 0444);
MODULE_PARM_DESC(stage, "offline: only take the CPU; park: also reset it by INIT (default)");

static enum stage stage_n;
static u32 apicid;

/* Refuse, with the reason, a CPU the loader cannot take. */
static int check_cpu(void)
{
	if (cpu == 0) {
		pr_err("cpu=0 refused: CPU 0 stays with Linux (it cannot be offlined)\n");
		return -EINVAL;
	}
	if (cpu >= nr_cpu_ids || !cpu_present(cpu)) {
		pr_err("cpu=%u refused: no such CPU (CPUs 0-%u present)\n",
		       cpu, nr_cpu_ids - 1);
		return -EINVAL;
	}
	if (!cpu_online(cpu)) {
		pr_err("cpu=%u refused: it is offline; online it first (the loader takes an online CPU from Linux)\n",
		       cpu);
		return -EINVAL;
	}
	if (num_online_cpus() < 2) {
		pr_err("cpu=%u refused: it is Linux's last online CPU\n", cpu);
		return -EINVAL;
	}
	return 0;
}

static int check_stage(void)
{
	int i = match_string(stage_names, ARRAY_SIZE(stage_names), stage);

	if (i < 0) {
		pr_err("stage=%s refused: offline or park\n", stage);
		return -EINVAL;
	}
	stage_n = i;
	return 0;
}

static int __init owncore_init(void)
{
	int ret = check_cpu();

	if (!ret)
		ret = check_stage();
	if (!ret)
		ret = own_apic_check();
	if (ret)
		return ret;
	apicid = cpu_physical_id(cpu);
	ret = own_hold_init();
	if (ret)
		return ret;
	ret = own_take_cpu(cpu);
	if (ret) {
		own_hold_exit();
		return ret;
	}
	pr_info("CPU %u (APIC ID %u) taken from Linux\n", cpu, apicid);
	if (stage_n >= STAGE_PARK) {
		own_park(apicid);
		pr_info("CPU %u parked by INIT\n", cpu);
	}
	return 0;
}

static void __exit owncore_exit(void)
{
	if (!own_give_cpu(cpu))
		pr_info("CPU %u given back to Linux\n", cpu);
	own_hold_exit();
}

module_init(owncore_init);
module_exit(owncore_exit);
MODULE_DESCRIPTION("Unitron own-core loader: a CPU of its own for µITRON");
MODULE_LICENSE("GPL");
