// SPDX-License-Identifier: GPL-2.0
/*
 * The µITRON image's console: a byte ring in the boot block, copied line
 * by line to the kernel log every few milliseconds by a delayed work,
 * which also reports, once, a CPU exception that stopped the image.
 * Polling: no interrupt from the image reaches Linux yet.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/workqueue.h>

#include "owncore.h"
#include "owncore_abi.h"

#define LOG_POLL_MS	10
#define LINE_MAX	200

static struct delayed_work log_work;
static unsigned int log_cpu;
static char line[LINE_MAX + 1];
static unsigned int line_len;
static bool fault_reported, stop_reported;

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

static void log_poll(struct work_struct *w)
{
	struct own_boot_block *bb = own_boot_block();

	drain(bb);
	check_state(bb);
	schedule_delayed_work(&log_work, msecs_to_jiffies(LOG_POLL_MS));
}

void own_log_start(unsigned int cpu)
{
	log_cpu = cpu;
	line_len = 0;
	fault_reported = stop_reported = false;
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
