// SPDX-License-Identifier: GPL-2.0
/*
 * The edu test application's Linux side: an ordinary PCI driver for
 * QEMU's edu device that maps its registers and binds its interrupt to
 * µITRON device line 0.
 */
#include <linux/module.h>
#include <linux/pci.h>

#include "unitron_linux.h"
#include "edu.h"

static void __iomem *edu_mmio;
int edu_bad_bind_result[EDU_BAD_BINDS];

unsigned int edu_read(unsigned int reg)
{
	return ioread32(edu_mmio + reg);
}

void edu_write(unsigned int reg, unsigned int val)
{
	iowrite32(val, edu_mmio + reg);
}

int edu_present(void)
{
	return edu_mmio != NULL;
}

/* Each must fail: the µITRON side checks the errors. */
static void try_bad_binds(unsigned int irq)
{
	edu_bad_bind_result[0] = unitron_bind_irq(1, irq);	/* SWI line */
	edu_bad_bind_result[1] = unitron_bind_irq(INHNO_DEV(1), irq);
	edu_bad_bind_result[2] = unitron_bind_irq(INHNO_DEV(0), irq);
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err, irq;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0), KBUILD_MODNAME);
	if (err)
		return err;
	pci_set_master(pdev);	/* an MSI is a write by the device */
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_LEGACY);
	if (err < 0)
		return err;
	irq = pci_irq_vector(pdev, 0);
	edu_mmio = pcim_iomap_table(pdev)[0];
	err = unitron_bind_irq(INHNO_DEV(0), irq);
	if (err) {
		edu_mmio = NULL;
		pci_free_irq_vectors(pdev);
		return err;
	}
	try_bad_binds(irq);
	dev_info(&pdev->dev, "edu on µITRON device line 0 (IRQ %d, %s)\n",
		 irq, pdev->msi_enabled ? "MSI" : "INTx");
	return 0;
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
	return pci_register_driver(&edu_driver);
}

void unitron_linux_exit(void)
{
	pci_unregister_driver(&edu_driver);
}
