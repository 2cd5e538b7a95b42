// SPDX-License-Identifier: GPL-2.0
/*
 * The latency benchmark's Linux side: QEMU's edu PCI device as a device
 * interrupt source.  Its interrupt is bound to µITRON device line 0; an
 * hrtimer raises it (edu's raise register) every EDU_PERIOD_US
 * while the µITRON side asks for it, and notes when: the µITRON handler
 * on the µITRON CPU takes that as the interrupt's time.  Without an edu
 * device the module loads all the same and the phase is skipped.  The
 * hrtimer runs on a CPU other than µITRON's, or on µITRON's when there
 * is no other (the one-vCPU -icount lab).
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/hrtimer.h>
#include <linux/smp.h>

#include "unitron_linux.h"
#include "latency.h"

extern unsigned int unitron_cpu;	/* port/linux: µITRON's CPU */

#define EDU_INTR_STATUS	0x24
#define EDU_INTR_RAISE	0x60
#define EDU_INTR_ACK	0x64
#define EDU_RAISE_BIT	0x100

static void __iomem *edu_mmio;
static struct hrtimer raise_timer;
static bool timer_started;
static int raise_enabled;
static u64 raise_ns;

static enum hrtimer_restart raise_fn(struct hrtimer *t)
{
	if (READ_ONCE(raise_enabled) && edu_mmio) {
		WRITE_ONCE(raise_ns, ktime_get_ns());
		iowrite32(EDU_RAISE_BIT, edu_mmio + EDU_INTR_RAISE);
	}
	hrtimer_forward_now(t, ns_to_ktime(EDU_PERIOD_US * NSEC_PER_USEC));
	return HRTIMER_RESTART;
}

static void start_timer(void *unused)
{
	hrtimer_start(&raise_timer, ns_to_ktime(EDU_PERIOD_US * NSEC_PER_USEC),
		      HRTIMER_MODE_REL_PINNED_HARD);
}

int lat_edu_present(void)
{
	return edu_mmio != NULL;
}

void lat_edu_enable(int on)
{
	WRITE_ONCE(raise_enabled, on);
}

/* In the µITRON handler: acknowledge; the raise's time, ns. */
unsigned long long lat_edu_ack(void)
{
	iowrite32(ioread32(edu_mmio + EDU_INTR_STATUS),
		  edu_mmio + EDU_INTR_ACK);
	return READ_ONCE(raise_ns);
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0), KBUILD_MODNAME);
	if (err)
		return err;
	pci_set_master(pdev);
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_LEGACY);
	if (err < 0)
		return err;
	edu_mmio = pcim_iomap_table(pdev)[0];
	err = unitron_bind_irq(INHNO_DEV(0), pci_irq_vector(pdev, 0));
	if (err) {
		edu_mmio = NULL;
		pci_free_irq_vectors(pdev);
	}
	return err;
}

static void edu_remove(struct pci_dev *pdev)
{
	unitron_unbind_irq(INHNO_DEV(0));
	pci_free_irq_vectors(pdev);
	edu_mmio = NULL;
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ }
};

static struct pci_driver edu_driver = {
	.name		= KBUILD_MODNAME,
	.id_table	= edu_ids,
	.probe		= edu_probe,
	.remove		= edu_remove,
};

int unitron_linux_init(void)
{
	int err;

	hrtimer_init(&raise_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_HARD);
	raise_timer.function = raise_fn;
	err = pci_register_driver(&edu_driver);
	if (err)
		return err;
	if (edu_mmio) {
		unsigned int cpu = cpumask_any_but(cpu_online_mask, unitron_cpu);

		if (cpu >= nr_cpu_ids)
			cpu = unitron_cpu;
		err = smp_call_function_single(cpu, start_timer, NULL, 1);
		if (err) {
			pci_unregister_driver(&edu_driver);
			return err;
		}
		timer_started = true;
	}
	return 0;
}

void unitron_linux_exit(void)
{
	if (timer_started)
		hrtimer_cancel(&raise_timer);
	pci_unregister_driver(&edu_driver);
}
