/*
 * Linux port: QEMU's edu PCI device interrupts µITRON.  A task starts a
 * factorial and waits; the device's interrupt, on device line 0, wakes
 * it.  The interrupt also preempts a task that computes without calling
 * the kernel.
 */
#include "tests.h"
#include "edu.h"

#define RAISES		100
#define SPIN_LIMIT	2000000000UL

static volatile UINT intr_status, fact_result, intr_count;
static volatile BOOL low_spinning, low_released;

void edu_handler(void)
{
	UINT status = edu_read(EDU_INTR_STATUS);

	edu_write(EDU_INTR_ACK, status);
	intr_status |= status;
	if (status & EDU_IRQ_FACT)
		fact_result = edu_read(EDU_FACT);
	intr_count++;
	isig_sem(SEM);
}

/* Raise the interrupt, then compute until the woken task says stop. */
void low_task(VP_INT exinf)
{
	unsigned long n = 0;

	low_spinning = TRUE;
	edu_write(EDU_INTR_RAISE, 0x100);
	while (!low_released && n < SPIN_LIMIT)
		n++;
	low_spinning = FALSE;
}

static void test_binds(void)
{
	INT_IS(edu_bad_bind_result[0], -22);	/* not a device line */
	INT_IS(edu_bad_bind_result[1], -22);	/* no handler for it */
	INT_IS(edu_bad_bind_result[2], -16);	/* bound already */
	ER_IS(ras_int(INHNO_DEV(0)), E_PAR);
}

static void test_factorial(void)
{
	edu_write(EDU_STATUS, EDU_STATUS_IRQFACT);
	edu_write(EDU_FACT, 10);
	ER_IS(twai_sem(SEM, 1000), E_OK);
	INT_IS(fact_result, 3628800);
	OK(intr_status & EDU_IRQ_FACT);
	edu_write(EDU_STATUS, 0);
}

static void test_raises(void)
{
	int i, woken = 0;

	for (i = 0; i < RAISES; i++) {
		edu_write(EDU_INTR_RAISE, 0x100);
		if (twai_sem(SEM, 1000) != E_OK)
			break;
		woken++;
	}
	INT_IS(woken, RAISES);
	INT_IS(intr_count, RAISES + 1);
}

/* The woken task runs while the lower one is still in its loop. */
static void test_preempt_spinner(void)
{
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(twai_sem(SEM, 5000), E_OK);
	OK(low_spinning);
	low_released = TRUE;
	ER_IS(dly_tsk(10), E_OK);
	OK(!low_spinning);
}

void main_task(VP_INT exinf)
{
	OK(edu_present());	/* QEMU -device edu */
	if (!edu_present())
		tap_done();
	OK((edu_read(EDU_IDENT) & 0xffU) == 0xedU);
	test_binds();
	test_factorial();
	test_raises();
	test_preempt_spinner();
	tap_done();
}
