// SPDX-License-Identifier: GPL-2.0
/*
 * Unitron linux port - device interrupts for µITRON handlers.
 *
 * A device line (INHNO_DEV(n)) is bound to a Linux IRQ by the
 * application's Linux side.  The IRQ is requested with IRQF_NO_THREAD,
 * so it stays a hard interrupt on PREEMPT_RT too, and its affinity is
 * the µITRON CPU, where the handler runs the µITRON handler at once.
 * Lines are enabled only while the system runs: before the start there
 * is nothing to wake, after the stop nothing may run.
 *
 * Should an interrupt still arrive on another CPU (its affinity moved
 * by hand), it is masked and handed to the next tick on the µITRON CPU.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/module.h>
#include <linux/mutex.h>

#include "kernel_int.h"
#include "linux_port.h"
#include "unitron_linux.h"

struct dev_line {
	unsigned int	irq;
	bool		bound;		/* requested, under bind_mutex */
	bool		enabled;	/* enable_irq() done, under dev_lock */
};

static struct dev_line dev_lines[TNUM_DEV];
static DEFINE_MUTEX(bind_mutex);
static DEFINE_RAW_SPINLOCK(dev_lock);
static bool dev_ready;			/* the system runs: lines enabled */
static unsigned long dev_forwarded;	/* lines that came to another CPU */

bool unitron_device_line(unsigned int inhno)
{
	return inhno >= INHNO_DEV_BASE && inhno - INHNO_DEV_BASE < TNUM_DEV;
}

static irqreturn_t dev_irq_handler(int irq, void *data)
{
	unsigned int n = (struct dev_line *)data - dev_lines;

	if (!READ_ONCE(dev_ready)) {
		disable_irq_nosync(irq);
	} else if (smp_processor_id() != unitron_cpu) {
		disable_irq_nosync(irq);
		set_bit(n, &dev_forwarded);
		pr_warn_once("IRQ %d came to CPU %d: handled at the next tick on CPU %u (keep its affinity)\n",
			     irq, smp_processor_id(), unitron_cpu);
	} else {
		unitron_interrupt(INHNO_DEV(n));
	}
	return IRQ_HANDLED;
}

/* From the tick, handler context: lines other CPUs received. */
void unitron_run_forwarded(void)
{
	unsigned long bits;

	if (!READ_ONCE(dev_forwarded))
		return;
	raw_spin_lock(&dev_lock);
	bits = xchg(&dev_forwarded, 0);
	while (bits) {
		struct dev_line *line = &dev_lines[__ffs(bits)];

		bits &= bits - 1;
		if (!line->enabled)
			continue;
		interrupt_handle(INHNO_DEV(line - dev_lines));
		enable_irq(line->irq);
	}
	raw_spin_unlock(&dev_lock);
}

/* The system starts (true) or stops (false); on its CPU, irqs off. */
void unitron_devices_run(bool run)
{
	unsigned int n;

	raw_spin_lock(&dev_lock);
	WRITE_ONCE(dev_ready, run);
	for (n = 0; n < TNUM_DEV; n++) {
		struct dev_line *line = &dev_lines[n];

		if (run && line->bound && !line->enabled) {
			enable_irq(line->irq);
			line->enabled = true;
		} else if (!run && line->enabled) {
			disable_irq_nosync(line->irq);
			line->enabled = false;
		}
	}
	raw_spin_unlock(&dev_lock);
}

static int request_line(struct dev_line *line, unsigned int irq)
{
	int err;

	err = request_irq(irq, dev_irq_handler,
			  IRQF_NO_THREAD | IRQF_NO_AUTOEN | IRQF_NOBALANCING,
			  KBUILD_MODNAME, line);
	if (err)
		return err;
	err = irq_set_affinity(irq, cpumask_of(unitron_cpu));
	if (err) {
		free_irq(irq, line);
		return err;
	}
	line->irq = irq;
	line->bound = true;
	raw_spin_lock_irq(&dev_lock);
	if (dev_ready) {
		enable_irq(irq);
		line->enabled = true;
	}
	raw_spin_unlock_irq(&dev_lock);
	return 0;
}

int unitron_bind_irq(unsigned int inhno, unsigned int irq)
{
	struct dev_line *line;
	int err;

	if (!unitron_device_line(inhno) || !interrupt_attached(inhno))
		return -EINVAL;
	line = &dev_lines[inhno - INHNO_DEV_BASE];
	mutex_lock(&bind_mutex);
	err = line->bound ? -EBUSY : request_line(line, irq);
	mutex_unlock(&bind_mutex);
	if (!err)
		pr_info("device line %u is IRQ %u\n", inhno - INHNO_DEV_BASE, irq);
	return err;
}

static void unbind_line(struct dev_line *line)
{
	if (!line->bound)
		return;
	raw_spin_lock_irq(&dev_lock);
	line->enabled = false;
	clear_bit(line - dev_lines, &dev_forwarded);
	raw_spin_unlock_irq(&dev_lock);
	free_irq(line->irq, line);
	line->bound = false;
}

void unitron_unbind_irq(unsigned int inhno)
{
	if (!unitron_device_line(inhno))
		return;
	mutex_lock(&bind_mutex);
	unbind_line(&dev_lines[inhno - INHNO_DEV_BASE]);
	mutex_unlock(&bind_mutex);
}

/* Unload: after the application's own exit, whatever it left bound. */
void unitron_unbind_all(void)
{
	unsigned int n;

	mutex_lock(&bind_mutex);
	for (n = 0; n < TNUM_DEV; n++)
		unbind_line(&dev_lines[n]);
	mutex_unlock(&bind_mutex);
}

/* Defaults for applications without a Linux side. */
int __weak unitron_linux_init(void)
{
	return 0;
}

void __weak unitron_linux_exit(void)
{
}
