/*
 * Unitron bare port - the local APIC timer as the µITRON tick.
 *
 * Its input clock differs from machine to machine and QEMU's TCG has no
 * TSC-deadline mode, so the periodic timer's count per tick is measured
 * at start against the TSC, whose frequency Linux measured already and
 * the loader passes in the boot block (tsc_khz).  xAPIC (MMIO) only:
 * that is what Linux runs on QEMU's TCG.
 */
#include "bare.h"

#define MSR_APIC_BASE		0x1bU
#define APIC_BASE_ENABLE	(1UL << 11)
#define APIC_BASE_X2APIC	(1UL << 10)
#define APIC_BASE_MASK		0x000ffffffffff000UL

#define APIC_TPR		0x080U
#define APIC_EOI		0x0b0U
#define APIC_SVR		0x0f0U
#define APIC_LVT_TIMER		0x320U
#define APIC_LVT_THERMAL	0x330U
#define APIC_LVT_PERF		0x340U
#define APIC_LVT_LINT0		0x350U
#define APIC_LVT_LINT1		0x360U
#define APIC_LVT_ERROR		0x370U
#define APIC_ICR_LOW		0x300U
#define APIC_ICR_HIGH		0x310U
#define APIC_TIMER_INIT		0x380U
#define APIC_TIMER_CURRENT	0x390U
#define APIC_TIMER_DIVIDE	0x3e0U

#define SVR_ENABLE		(1U << 8)
#define ICR_SELF		(1U << 18)	/* destination shorthand */
#define ICR_PENDING		(1U << 12)	/* delivery status */
#define LVT_MASKED		(1U << 16)
#define LVT_PERIODIC		(1U << 17)
#define DIVIDE_BY_16		0x3U
#define CALIBRATE_US		10000U
#define CALIBRATE_TRIES		3U

static volatile UW	*apic;

static unsigned long rdmsr(UW msr)
{
	UW lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((unsigned long)hi << 32) | lo;
}

static UW apic_read(UINT reg)
{
	return apic[reg / 4U];
}

static void apic_write(UINT reg, UW v)
{
	apic[reg / 4U] = v;
}

void bare_apic_eoi(void)
{
	apic_write(APIC_EOI, 0U);
}

/* Busy-wait @us microseconds by the TSC. */
static void tsc_delay(UINT us)
{
	unsigned long end = bare_rdtsc() +
			    (unsigned long)bare_boot->tsc_khz * us / 1000UL;

	while (bare_rdtsc() < end)
		__asm__ volatile("pause");
}

/*
 * The APIC after INIT: software-disabled, every LVT masked.  Enable it
 * with no local interrupt but the timer: LINT0/1 (ExtINT, NMI) are
 * Linux's CPU 0's business.
 */
BOOL bare_apic_init(void)
{
	unsigned long base = rdmsr(MSR_APIC_BASE);

	if (!(base & APIC_BASE_ENABLE) || (base & APIC_BASE_X2APIC) ||
	    bare_boot->tsc_khz == 0U)
		return FALSE;
	/* Below 4 GiB: in the loader's identity map. */
	apic = (volatile UW *)(base & APIC_BASE_MASK);
	apic_write(APIC_SVR, SVR_ENABLE | BARE_SPURIOUS_VECTOR);
	apic_write(APIC_LVT_LINT0, LVT_MASKED);
	apic_write(APIC_LVT_LINT1, LVT_MASKED);
	apic_write(APIC_LVT_ERROR, LVT_MASKED);
	apic_write(APIC_LVT_PERF, LVT_MASKED);
	apic_write(APIC_LVT_THERMAL, LVT_MASKED);
	apic_write(APIC_TPR, 0U);
	return TRUE;
}

/* Counts of the timer (divided by 16) in CALIBRATE_US, by the TSC. */
static UW calibrate_once(void)
{
	apic_write(APIC_TIMER_DIVIDE, DIVIDE_BY_16);
	apic_write(APIC_LVT_TIMER, LVT_MASKED | BARE_TICK_VECTOR);
	apic_write(APIC_TIMER_INIT, 0xffffffffU);
	tsc_delay(CALIBRATE_US);
	return 0xffffffffU - apic_read(APIC_TIMER_CURRENT);
}

/*
 * The fewest counts of a few tries: under QEMU the virtual CPU may lose
 * its host CPU between the TSC's end and the read of the count, which
 * only adds counts.
 */
static UW calibrate(void)
{
	UW best = 0xffffffffU, c;
	UINT i;

	for (i = 0; i < CALIBRATE_TRIES; i++) {
		c = calibrate_once();
		if (c < best)
			best = c;
	}
	return best;
}

/* Start the periodic tick: one BARE_TICK_VECTOR interrupt per tick_us. */
void bare_apic_start(UINT tick_us)
{
	UW counts = calibrate();
	UW per_tick = (UW)((unsigned long)counts * tick_us / CALIBRATE_US);

	bare_boot->apic_per_tick = per_tick;
	apic_write(APIC_TIMER_INIT, 0U);
	apic_write(APIC_LVT_TIMER, LVT_PERIODIC | BARE_TICK_VECTOR);
	apic_write(APIC_TIMER_INIT, per_tick);
}

static void wait_icr_idle(void)
{
	while (apic_read(APIC_ICR_LOW) & ICR_PENDING)
		__asm__ volatile("pause");
}

/*
 * A fixed interrupt on @vector to the CPU with APIC ID @apicid
 * (physical destination): Linux's doorbell.  The two ICR writes must
 * not be split by a handler that sends too: interrupts off meanwhile.
 */
void bare_apic_send(UW apicid, UINT vector)
{
	unsigned long flags;

	__asm__ volatile("pushf; pop %0; cli" : "=r"(flags) :: "memory");
	wait_icr_idle();
	apic_write(APIC_ICR_HIGH, apicid << 24);
	apic_write(APIC_ICR_LOW, vector);
	wait_icr_idle();
	__asm__ volatile("push %0; popf" :: "r"(flags) : "memory", "cc");
}

/*
 * Timer counts since the periodic timer last expired: it reloads the
 * initial count at each expiry and counts down from there.
 */
UW bare_apic_timer_elapsed(void)
{
	return bare_boot->apic_per_tick - apic_read(APIC_TIMER_CURRENT);
}

/* A fixed interrupt on @vector to this CPU itself. */
void bare_apic_self_ipi(UINT vector)
{
	apic_write(APIC_ICR_LOW, ICR_SELF | vector);
	wait_icr_idle();
}
