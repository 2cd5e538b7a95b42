/*
 * Unitron bare port - the console: a byte ring in the boot block that
 * the loader copies, line by line, to Linux's kernel log.  syslog and
 * serial port 1 write there.  There is no console input.
 */
#include "bare.h"
#include "sio.h"

/* How long a writer waits for the loader to make room, µs. */
#define RING_WAIT_US	1000000UL

/* Room in the ring; the loader moves log_tail on as it reads. */
static UW ring_room(void)
{
	UW tail = *(volatile UW *)&bare_boot->log_tail;

	return OWN_LOG_SIZE - (bare_boot->log_head - tail);
}

/*
 * Wait a while for room rather than drop at once: the loader reads
 * every few milliseconds, and a test's output must be whole.  Past
 * that, bytes are dropped and counted (the loader may be gone).
 */
static BOOL wait_room(void)
{
	unsigned long end = bare_rdtsc() +
			    bare_boot->tsc_khz * RING_WAIT_US / 1000UL;

	while (ring_room() == 0U) {
		if (bare_rdtsc() > end)
			return FALSE;
		__asm__ volatile("pause");
	}
	return TRUE;
}

/* Interrupts off, so that a handler's output does not cut into it. */
void port_console_write(const char *buf, UINT len)
{
	unsigned long flags;
	UINT i;

	__asm__ volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	for (i = 0; i < len; i++) {
		UW head = bare_boot->log_head;

		if (!wait_room()) {
			bare_boot->log_lost += len - i;
			break;
		}
		bare_boot->log[head % OWN_LOG_SIZE] = buf[i];
		/* The byte before the index that publishes it. */
		__asm__ volatile("" ::: "memory");
		*(volatile UW *)&bare_boot->log_head = head + 1U;
	}
	if (flags & 0x200UL)
		__asm__ volatile("sti" ::: "memory");
}

INT sio_read(ID portid, char *buf, UINT len)
{
	(void)portid;
	(void)buf;
	(void)len;
	return SIO_EOF;
}

void sio_write(ID portid, const char *buf, UINT len)
{
	(void)portid;
	port_console_write(buf, len);
}

UINT sio_pending(ID portid)
{
	(void)portid;
	return 0U;
}
