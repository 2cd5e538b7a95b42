/*
 * Unitron posix port - the console: serial port 1 is stdin/stdout.
 *
 * A terminal is put in raw mode (each key is a character, Ctrl-C
 * included, as on a serial line) and restored at exit.  Reads never
 * block the process: the serial driver asks for what is available and
 * waits in µITRON for INHNO_SERIAL (stdin readable) otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include "kernel_impl.h"
#include "posix.h"
#include "sio.h"

static struct termios	saved_termios;
static BOOL		termios_saved;
static int		saved_stdin_flags = -1;

void posix_console_restore(void)
{
	if (termios_saved)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	if (saved_stdin_flags >= 0)
		(void)fcntl(STDIN_FILENO, F_SETFL, saved_stdin_flags);
}

void posix_console_initialize(void)
{
	struct termios raw;

	saved_stdin_flags = fcntl(STDIN_FILENO, F_GETFL);
	if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
		termios_saved = TRUE;
		raw = saved_termios;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
		raw.c_iflag &= ~(tcflag_t)(ICRNL | IXON);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	atexit(posix_console_restore);
}

static void write_all(int fd, const char *buf, UINT len)
{
	while (len > 0U) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;		/* console gone: drop, as a UART would */
		buf += n;
		len -= (UINT)n;
	}
}

void port_console_write(const char *buf, UINT len)
{
	write_all(STDOUT_FILENO, buf, len);
}

INT sio_read(ID portid, char *buf, UINT len)
{
	struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
	ssize_t n;

	(void)portid;
	if (poll(&pfd, 1, 0) <= 0)
		return 0;
	do {
		n = read(STDIN_FILENO, buf, len);
	} while (n < 0 && errno == EINTR);
	if (n == 0 || (n < 0 && errno != EAGAIN))
		return SIO_EOF;
	return n < 0 ? 0 : (INT)n;
}

void sio_write(ID portid, const char *buf, UINT len)
{
	(void)portid;
	port_console_write(buf, len);
}

UINT sio_pending(ID portid)
{
	int n = 0;

	(void)portid;
	if (ioctl(STDIN_FILENO, FIONREAD, &n) < 0 || n < 0)
		return 0U;
	return (UINT)n;
}
