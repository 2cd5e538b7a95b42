// SPDX-License-Identifier: GPL-2.0
/*
 * The µITRON image's console: a byte ring in the boot block, copied line
 * by line to the kernel log every few milliseconds by a delayed work,
 * which also reports, once, a CPU exception that stopped the image, and
 * a hang: a running image whose tick count stands still.
 * Polling: no interrupt from the image reaches Linux yet.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/workqueue.h>

#include "owncore.h"
#include "owncore_abi.h"

#define LOG_POLL_MS	10
#define LINE_MAX	200
/*
 * No tick for this long while the image says it runs: hung (interrupts
 * off for good, or the CPU halted).  Under QEMU TCG on a loaded host
 * tick gaps reach about 80 ms: a second is well clear of that.
 */
#define HANG_MS		1000

static struct delayed_work log_work;
static unsigned int log_cpu;
static char line[LINE_MAX + 1];
static unsigned int line_len;
static bool fault_reported, stop_reported;
static u64 last_ticks;
static unsigned long last_tick_at;	/* jiffies when ticks last moved */
static bool hung;

static void flush_line(void)
{
	line[line_len] = '\0';
	pr_info("cpu%u: %s\n", log_cpu, line);
	line_len = 0;
}

/*
 * Everything the image wrote since the last call.  The room is given
 * back line by line: printing a line to a serial console takes
 * milliseconds, and the image waits for room meanwhile.
 */
static void drain(struct own_boot_block *bb)
{
	u32 head = smp_load_acquire(&bb->log_head);
	u32 tail = bb->log_tail;

	for (; tail != head; tail++) {
		char c = bb->log[tail % OWN_LOG_SIZE];

		if (c == '\n' || line_len == LINE_MAX) {
			/* The bytes read before their room is given back. */
			smp_store_release(&bb->log_tail, tail);
			flush_line();
		}
		if (c != '\n')
			line[line_len++] = c;
	}
	smp_store_release(&bb->log_tail, tail);
}

static const char *vector_name(u32 v)
{
	static const char * const names[] = {
		"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF",
		"-", "#TS", "#NP", "#SS", "#GP", "#PF", "-", "#MF", "#AC",
		"#MC", "#XM", "#VE", "#CP",
	};

	return v < ARRAY_SIZE(names) ? names[v] : "?";
}

static void check_state(struct own_boot_block *bb)
{
	u32 state = READ_ONCE(bb->state);

	if (state == OWN_STATE_FAULT && !fault_reported) {
		fault_reported = true;
		pr_err("CPU %u: µITRON stopped by CPU exception %u (%s) at RIP %#llx, error code %#llx, CR2 %#llx\n",
		       log_cpu, bb->fault_vector, vector_name(bb->fault_vector),
		       bb->fault_rip, bb->fault_error, bb->fault_cr2);
		/* Nothing answers the bridge's calls now. */
		own_bridge_stopped();
	} else if (state == OWN_STATE_ERROR && !stop_reported) {
		stop_reported = true;
		pr_err("CPU %u: the µITRON port could not start (no xAPIC, or no TSC frequency)\n",
		       log_cpu);
	}
}

/*
 * A running image's tick count must move.  Once the system is going
 * down, a reboot notifier has parked the CPU (hold.c): no hang then.
 */
static void check_ticks(struct own_boot_block *bb)
{
	u64 ticks = READ_ONCE(bb->ticks);
	unsigned int still_ms = jiffies_to_msecs(jiffies - last_tick_at);

	if (ticks != last_ticks || READ_ONCE(bb->state) != OWN_STATE_RUNNING ||
	    system_state != SYSTEM_RUNNING) {
		if (hung && ticks != last_ticks)
			pr_warn("CPU %u: µITRON ticks again, after %u ms\n",
				log_cpu, still_ms);
		hung = false;
		last_ticks = ticks;
		last_tick_at = jiffies;
	} else if (!hung && still_ms >= HANG_MS) {
		hung = true;
		pr_err("CPU %u: µITRON hung: no tick for %u ms (tick count %llu; interrupts off or the CPU halted); rmmod unitron_core resets it and gives it back\n",
		       log_cpu, still_ms, ticks);
	}
}

/* The loader found the image hung (sysfs image_state). */
bool own_log_hung(void)
{
	return READ_ONCE(hung);
}

static void log_poll(struct work_struct *w)
{
	struct own_boot_block *bb = own_boot_block();

	drain(bb);
	check_state(bb);
	check_ticks(bb);
	schedule_delayed_work(&log_work, msecs_to_jiffies(LOG_POLL_MS));
}

void own_log_start(unsigned int cpu)
{
	log_cpu = cpu;
	line_len = 0;
	fault_reported = stop_reported = hung = false;
	last_ticks = 0;
	last_tick_at = jiffies;
	INIT_DELAYED_WORK(&log_work, log_poll);
	schedule_delayed_work(&log_work, 0);
}

/* The last of it, with the CPU parked. */
void own_log_stop(void)
{
	struct own_boot_block *bb = own_boot_block();

	cancel_delayed_work_sync(&log_work);
	drain(bb);
	check_state(bb);
	if (line_len)
		flush_line();
	if (READ_ONCE(bb->log_lost))
		pr_warn("CPU %u: %u bytes of µITRON's console lost (ring full)\n",
			log_cpu, bb->log_lost);
}
