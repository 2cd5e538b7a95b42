/*
 * Unitron - serial interface driver (TOPPERS/JSP 1.4 API).
 *
 * Port 1 is the console; on the posix port it is stdin/stdout.  Reads
 * wait in µITRON (other tasks run) until data arrives.
 */
#ifndef UNITRON_SERIAL_H
#define UNITRON_SERIAL_H

#define IOCTL_NULL	0x0000U
#define IOCTL_ECHO	0x0001U	/* echo received characters */
#define IOCTL_CRLF	0x0010U	/* send LF as CR LF */
#define IOCTL_FCSND	0x0100U	/* flow control, sending (accepted) */
#define IOCTL_FCANY	0x0200U	/* any character resumes (accepted) */
#define IOCTL_FCRCV	0x0400U	/* flow control, receiving (accepted) */

#ifndef _MACRO_ONLY

typedef struct {
	UINT	reacnt;		/* characters waiting to be read */
	UINT	wricnt;		/* characters waiting to be sent */
} T_SERIAL_RPOR;

void	serial_initialize(VP_INT exinf);
ER	serial_opn_por(ID portid);
ER	serial_cls_por(ID portid);
ER_UINT	serial_rea_dat(ID portid, char *buf, UINT len);
ER_UINT	serial_wri_dat(ID portid, const char *buf, UINT len);
ER	serial_ctl_por(ID portid, UINT ioctl);
ER	serial_ref_por(ID portid, T_SERIAL_RPOR *pk_rpor);

/* The console's input interrupt handler (serial.cfg binds it). */
void	serial_in_handler(void);
/* Write with the port's line-end conversion, from any context. */
void	serial_write_direct(ID portid, const char *buf, UINT len);

#endif /* _MACRO_ONLY */
#endif /* UNITRON_SERIAL_H */
