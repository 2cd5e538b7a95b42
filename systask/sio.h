/*
 * Unitron - the serial I/O driver interface a port provides to the serial
 * service (systask/serial.c).  Ports are numbered from 1 (TNUM_PORT).
 */
#ifndef UNITRON_SIO_H
#define UNITRON_SIO_H

#include "kernel.h"

#define SIO_EOF		(-1)

/*
 * Read what is available now, without blocking: the count read, 0 when
 * nothing is available (the port's INHNO_SERIAL interrupt comes when
 * there is), or SIO_EOF when the input has ended.
 */
INT	sio_read(ID portid, char *buf, UINT len);
/* Characters that can be read now without waiting. */
UINT	sio_pending(ID portid);
/* Write everything; may block the whole system briefly, like a UART. */
void	sio_write(ID portid, const char *buf, UINT len);

#endif /* UNITRON_SIO_H */
