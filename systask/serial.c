/*
 * Unitron - serial interface driver.
 *
 * Host independent: the port's sio driver (sio.h) moves the bytes.  A
 * reader that finds nothing waits on the port's receive semaphore, which
 * the input interrupt signals; serial.cfg passes that semaphore's ID to
 * serial_initialize().
 */
#include "kernel.h"
#include "t_syslog.h"
#include "serial.h"
#include "sio.h"

typedef struct serial_port_control_block {
	BOOL	opened;
	BOOL	eof;		/* the input has ended */
	UINT	ioctl;
	ID	rcv_semid;
} SPCB;

static SPCB	spcb_table[TNUM_PORT];

#define VALID_PORTID(id)	(1 <= (id) && (id) <= TNUM_PORT)
#define get_spcb(id)		(&spcb_table[(id) - 1])

/* exinf: the console's receive semaphore (serial.cfg). */
void serial_initialize(VP_INT exinf)
{
	spcb_table[0].rcv_semid = (ID)exinf;
	(void)serial_opn_por(CONSOLE_PORTID);
}

ER serial_opn_por(ID portid)
{
	SPCB *p_spcb;

	if (!VALID_PORTID(portid))
		return E_ID;
	p_spcb = get_spcb(portid);
	if (p_spcb->opened)
		return E_OBJ;
	p_spcb->opened = TRUE;
	p_spcb->eof = FALSE;
	p_spcb->ioctl = IOCTL_ECHO | IOCTL_CRLF | IOCTL_FCSND | IOCTL_FCRCV;
	return E_OK;
}

ER serial_cls_por(ID portid)
{
	if (!VALID_PORTID(portid))
		return E_ID;
	if (!get_spcb(portid)->opened)
		return E_OBJ;
	get_spcb(portid)->opened = FALSE;
	return E_OK;
}

/* Check a task-context call on an open port. */
static ER check_port(ID portid)
{
	if (sns_dpn())
		return E_CTX;
	if (!VALID_PORTID(portid))
		return E_ID;
	if (!get_spcb(portid)->opened)
		return E_OBJ;
	return E_OK;
}

void serial_write_direct(ID portid, const char *buf, UINT len)
{
	UINT start = 0U;
	UINT i;

	if (!VALID_PORTID(portid) ||
	    (get_spcb(portid)->ioctl & IOCTL_CRLF) == 0U) {
		sio_write(portid, buf, len);
		return;
	}
	for (i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		sio_write(portid, buf + start, i - start);
		sio_write(portid, "\r\n", 2U);
		start = i + 1U;
	}
	sio_write(portid, buf + start, len - start);
}

/*
 * Read exactly len characters, waiting for them.  If the input ends
 * first, returns what was read, or E_OBJ when nothing was.
 */
ER_UINT serial_rea_dat(ID portid, char *buf, UINT len)
{
	SPCB *p_spcb;
	UINT got = 0U;
	ER ercd = check_port(portid);

	if (ercd != E_OK)
		return ercd;
	if (buf == NULL)
		return E_PAR;
	p_spcb = get_spcb(portid);
	while (got < len && !p_spcb->eof) {
		INT n = sio_read(portid, buf + got, len - got);

		if (n == SIO_EOF) {
			p_spcb->eof = TRUE;
		} else if (n > 0) {
			if ((p_spcb->ioctl & IOCTL_ECHO) != 0U)
				serial_write_direct(portid, buf + got, (UINT)n);
			got += (UINT)n;
		} else {
			ercd = wai_sem(p_spcb->rcv_semid);
			if (ercd != E_OK)
				return ercd;
		}
	}
	if (got == 0U && len > 0U)
		return E_OBJ;
	return (ER_UINT)got;
}

ER_UINT serial_wri_dat(ID portid, const char *buf, UINT len)
{
	ER ercd = check_port(portid);

	if (ercd != E_OK)
		return ercd;
	if (buf == NULL)
		return E_PAR;
	serial_write_direct(portid, buf, len);
	return (ER_UINT)len;
}

ER serial_ctl_por(ID portid, UINT ioctl)
{
	ER ercd = check_port(portid);

	if (ercd != E_OK)
		return ercd;
	get_spcb(portid)->ioctl = ioctl;
	return E_OK;
}

/* Writes complete before returning, so nothing ever waits to be sent. */
ER serial_ref_por(ID portid, T_SERIAL_RPOR *pk_rpor)
{
	ER ercd = check_port(portid);

	if (ercd != E_OK)
		return ercd;
	if (pk_rpor == NULL)
		return E_PAR;
	pk_rpor->reacnt = sio_pending(portid);
	pk_rpor->wricnt = 0U;
	return E_OK;
}

void serial_in_handler(void)
{
	(void)isig_sem(spcb_table[0].rcv_semid);
}
