// SPDX-License-Identifier: GPL-2.0
/*
 * unitron_core: the loader of the own-core port (issue 12).
 *
 * insmod unitron_core.ko cpu=N takes CPU N from Linux, resets it by INIT
 * and starts it in a freestanding 64-bit stub that reports "alive" in
 * shared memory, or, with image=FILE, in a µITRON image (port/bare);
 * rmmod parks it again and gives it back to Linux.  The
 * stage parameter stops earlier, so that each bring-up step stays
 * testable on its own.  /sys/kernel/unitron_core/ shows the state.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <asm/smp.h>
#include <asm/tsc.h>

#include "owncore.h"
#include "owncore_abi.h"

static unsigned int cpu = 1;
module_param(cpu, uint, 0444);
MODULE_PARM_DESC(cpu, "CPU to take from Linux (not 0; default 1)");

enum stage { STAGE_OFFLINE, STAGE_PARK, STAGE_STUB };
static const char * const stage_names[] = { "offline", "parked", "alive" };
static char *stage = "stub";
module_param(stage, charp, 0444);
MODULE_PARM_DESC(stage,
		 "offline: only take the CPU; park: also reset it by INIT; stub: also start the 64-bit stub (default)");

static char *image;
module_param(image, charp, 0444);
MODULE_PARM_DESC(image,
		 "µITRON image to run on the CPU (port/bare/mkimage.sh); without it, the 64-bit stub");

static bool test_mute_stub;
module_param(test_mute_stub, bool, 0444);
MODULE_PARM_DESC(test_mute_stub,
		 "tests only: the stub never says alive (the loader's timeout)");

static enum stage stage_n;
static struct own_image_header header;	/* the image's */
static bool logging;		/* the console ring is being copied */
static u32 apicid;
static struct kobject *kobj;

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
	static const char * const params[] = { "offline", "park", "stub" };
	int i = match_string(params, ARRAY_SIZE(params), stage);

	if (i < 0) {
		pr_err("stage=%s refused: offline, park or stub\n", stage);
		return -EINVAL;
	}
	stage_n = i;
	return 0;
}

static ssize_t cpu_show(struct kobject *k, struct kobj_attribute *a,
			char *buf)
{
	return sysfs_emit(buf, "%u\n", cpu);
}

static ssize_t state_show(struct kobject *k, struct kobj_attribute *a,
			  char *buf)
{
	return sysfs_emit(buf, "%s\n", stage_names[stage_n]);
}

/* The alive word as it is in shared memory now. */
static ssize_t alive_show(struct kobject *k, struct kobj_attribute *a,
			  char *buf)
{
	if (stage_n < STAGE_STUB)
		return sysfs_emit(buf, "none\n");
	return sysfs_emit(buf, "%#x\n", READ_ONCE(own_boot_block()->alive));
}

/* The image's tick count: isig_tim() calls so far. */
static ssize_t ticks_show(struct kobject *k, struct kobj_attribute *a,
			  char *buf)
{
	if (!image)
		return sysfs_emit(buf, "none\n");
	return sysfs_emit(buf, "%llu\n", READ_ONCE(own_boot_block()->ticks));
}

/* What the image says it does. */
static ssize_t image_state_show(struct kobject *k, struct kobj_attribute *a,
				char *buf)
{
	static const char * const names[] = {
		"boot", "running", "fault", "stopped", "error",
	};
	u32 st = READ_ONCE(own_boot_block()->state);

	if (!image)
		return sysfs_emit(buf, "none\n");
	/* The image says it runs, but its tick stands still (log.c). */
	if (own_log_hung())
		return sysfs_emit(buf, "hung\n");
	return sysfs_emit(buf, "%s\n", st < ARRAY_SIZE(names) ? names[st] : "?");
}

/* Interrupts that reached the image on vectors it does not use. */
static ssize_t foreign_irqs_show(struct kobject *k, struct kobj_attribute *a,
				 char *buf)
{
	if (!image)
		return sysfs_emit(buf, "none\n");
	return sysfs_emit(buf, "%u\n", READ_ONCE(own_boot_block()->foreign_irqs));
}

/* The longest time between two of the image's tick interrupts. */
static ssize_t tick_gap_max_us_show(struct kobject *k,
				    struct kobj_attribute *a, char *buf)
{
	if (!image)
		return sysfs_emit(buf, "none\n");
	return sysfs_emit(buf, "%u\n",
			  READ_ONCE(own_boot_block()->tick_gap_max_us));
}

static struct kobj_attribute cpu_attr = __ATTR_RO(cpu);
static struct kobj_attribute state_attr = __ATTR_RO(state);
static struct kobj_attribute alive_attr = __ATTR_RO(alive);
static struct kobj_attribute ticks_attr = __ATTR_RO(ticks);
static struct kobj_attribute image_state_attr = __ATTR_RO(image_state);
static struct kobj_attribute foreign_irqs_attr = __ATTR_RO(foreign_irqs);
static struct kobj_attribute tick_gap_attr = __ATTR_RO(tick_gap_max_us);
static struct attribute *attrs[] = {
	&cpu_attr.attr, &state_attr.attr, &alive_attr.attr, &ticks_attr.attr,
	&image_state_attr.attr, &foreign_irqs_attr.attr, &tick_gap_attr.attr,
	NULL,
};
static const struct attribute_group attr_group = { .attrs = attrs };

static int status_init(void)
{
	int ret;

	kobj = kobject_create_and_add("unitron_core", kernel_kobj);
	if (!kobj)
		return -ENOMEM;
	ret = sysfs_create_group(kobj, &attr_group);
	if (ret)
		kobject_put(kobj);
	return ret;
}

/* Run the CPU taken from Linux as far as the stage asks. */
static int start_cpu(void)
{
	int ret;

	if (stage_n < STAGE_PARK)
		return 0;
	own_park(apicid);
	pr_info("CPU %u parked by INIT\n", cpu);
	if (stage_n < STAGE_STUB)
		return 0;
	if (!image)
		return own_boot_start(cpu, apicid,
				      own_boot_stub_entry(test_mute_stub),
				      tsc_khz, "64-bit stub");
	ret = own_boot_start(cpu, apicid, header.entry, tsc_khz, "µITRON image");
	if (!ret) {
		own_log_start(cpu);
		logging = true;
		own_status_init(header.status, apicid, image);
	}
	return ret;
}

/*
 * Ask a running image to end: it ends its bridge's calls and halts.
 * One that does not within STOP_MS (interrupts off, hung) is parked
 * all the same.
 */
#define STOP_MS	100
static void stop_image(void)
{
	struct own_boot_block *bb = own_boot_block();
	unsigned long end = jiffies + msecs_to_jiffies(STOP_MS);

	if (READ_ONCE(bb->state) != OWN_STATE_RUNNING || own_log_hung())
		return;
	WRITE_ONCE(bb->stop, 1);
	own_send_ipi(apicid, OWN_STOP_VECTOR);
	while (READ_ONCE(bb->state) == OWN_STATE_RUNNING) {
		if (time_after(jiffies, end)) {
			pr_warn("CPU %u: µITRON did not stop within %u ms: parked anyway\n",
				cpu, STOP_MS);
			return;
		}
		usleep_range(100, 200);
	}
}

/* Give a CPU in any stage back to Linux, then the loader's pages. */
static void release_cpu(void)
{
	own_status_exit();
	if (image)
		stop_image();
	/* A parked CPU runs nothing: it is not on the pages any more. */
	if (stage_n >= STAGE_STUB)
		own_park(apicid);
	own_bridge_stopped();
	if (logging)
		own_log_stop();
	logging = false;
	if (!own_give_cpu(cpu))
		pr_info("CPU %u given back to Linux\n", cpu);
	own_hold_exit();
	own_bridge_exit();
	if (stage_n >= STAGE_STUB) {
		own_image_free();
		own_boot_exit();
	}
}

static int __init owncore_init(void)
{
	int ret = check_cpu();

	if (!ret)
		ret = check_stage();
	if (!ret)
		ret = own_apic_check();
	if (!ret && image && stage_n != STAGE_STUB) {
		pr_err("image= needs stage=stub (the default)\n");
		ret = -EINVAL;
	}
	if (!ret && !image && own_image_mem_given()) {
		pr_err("mem= refused without image=: it sizes the image's memory\n");
		ret = -EINVAL;
	}
	if (!ret && stage_n >= STAGE_STUB)
		ret = own_boot_init();
	if (ret)
		return ret;
	apicid = cpu_physical_id(cpu);
	if (image) {
		ret = own_image_load(image, &header);
		if (!ret) {
			ret = own_bridge_init(header.bridge, cpu, apicid);
			if (ret)
				own_image_free();
		}
		if (ret) {
			own_boot_exit();
			return ret;
		}
	}
	ret = own_hold_init();
	if (!ret) {
		ret = own_take_cpu(cpu);
		if (ret)
			own_hold_exit();
	}
	if (ret) {
		own_bridge_exit();
		if (stage_n >= STAGE_STUB) {
			own_image_free();
			own_boot_exit();
		}
		return ret;
	}
	pr_info("CPU %u (APIC ID %u) taken from Linux\n", cpu, apicid);
	ret = start_cpu();
	if (!ret)
		ret = status_init();
	if (ret)
		release_cpu();
	return ret;
}

static void __exit owncore_exit(void)
{
	kobject_put(kobj);
	release_cpu();
}

module_init(owncore_init);
module_exit(owncore_exit);
MODULE_DESCRIPTION("Unitron own-core loader: a CPU of its own for µITRON");
MODULE_LICENSE("GPL");
