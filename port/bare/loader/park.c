// SPDX-License-Identifier: GPL-2.0
/*
 * INIT and SIPI to the CPU taken from Linux, by raw ICR writes.
 *
 * Linux's own IPI calls cannot reach it: with up to 8 CPUs and no
 * x2APIC Linux addresses CPUs in logical flat mode, and a CPU reset by
 * INIT has lost its logical ID.  apic->icr_write() with a physical
 * destination (the APIC ID) always reaches it.  An offlined CPU (in
 * play_dead, its local APIC soft-disabled) and a parked one both take
 * INIT and SIPI; Linux's own bring-up starts with an INIT too, so a
 * parked CPU is what add_cpu() expects anyway.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/irqflags.h>
#include <asm/apic.h>

#include "owncore.h"

/* The APIC driver must give the raw ICR access the loader relies on. */
int own_apic_check(void)
{
	if (!apic || !apic->icr_write || !apic->wait_icr_idle) {
		pr_err("the APIC driver (%s) has no raw ICR access: cannot start a CPU\n",
		       apic ? apic->name : "none");
		return -ENODEV;
	}
	pr_info("APIC driver %s, Linux's IPIs in %s mode; INIT/SIPI go physical\n",
		apic->name, apic->dest_mode_logical ? "logical" : "physical");
	return 0;
}

/*
 * One ICR command to @apicid in physical destination mode.  Interrupts
 * off: the ICR of one and the same CPU is written and polled, and no
 * interrupt handler's IPI comes between its two halves.
 */
static void icr_send(u32 low, u32 apicid)
{
	unsigned long flags;

	local_irq_save(flags);
	apic->icr_write(low | APIC_DEST_PHYSICAL, apicid);
	apic->wait_icr_idle();
	local_irq_restore(flags);
}

/* A fixed interrupt on @vector to the image's CPU. */
void own_send_ipi(u32 apicid, u8 vector)
{
	icr_send(APIC_DM_FIXED | vector, apicid);
}

/* Reset the CPU: it waits for a SIPI, running nothing. */
void own_park(u32 apicid)
{
	icr_send(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	/* The MP specification's 10 ms with INIT asserted. */
	usleep_range(10000, 11000);
	icr_send(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
}

/* Start a parked CPU in real mode at @start (page aligned, < 1 MiB). */
void own_sipi(u32 apicid, unsigned long start)
{
	int i;

	/* Two SIPIs as the MP specification asks; a started CPU ignores
	 * the second.
	 */
	for (i = 0; i < 2; i++) {
		icr_send(APIC_DM_STARTUP | (start >> PAGE_SHIFT), apicid);
		udelay(200);
	}
}
