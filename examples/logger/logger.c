/*
 * logger - answers each number a Linux process sends on REQUEST_DTQ
 * with its square on ANSWER_DTQ, and appends a line per request to
 * requests.log, a file in the proxy server's directory.  The file stays
 * open (continuation) while the system runs; 0 ends the system.
 */
#include <kernel.h>
#include <t_syslog.h>
#include <unitron_bridge.h>
#include <unitron_vio.h>
#include "kernel_id.h"
#include "logger.h"

/* Linux's open flags (x86-64), for both ports without host headers. */
#define O_WRONLY	01
#define O_CREAT		0100
#define O_APPEND	02000

/* text, then v in decimal, at line + n: the new n. */
static UINT put(char *line, UINT n, const char *text, INT v)
{
	char digits[12];
	UINT i = 0;
	INT u = v < 0 ? -v : v;

	while (*text != '\0')
		line[n++] = *text++;
	do {
		digits[i++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		line[n++] = '-';
	while (i > 0)
		line[n++] = digits[--i];
	return n;
}

/* "request 12 -> 144\n" into line; its length. */
static UINT format_line(char *line, INT request, INT answer)
{
	UINT n = put(line, put(line, 0, "request ", request), " -> ", answer);

	line[n++] = '\n';
	return n;
}

/* The log, opened once a proxy server is there. */
static INT open_log(void)
{
	INT fd;

	vio_begin();
	while ((fd = vio_open(LOG_FILE, O_WRONLY | O_CREAT | O_APPEND,
			      0644)) < 0) {
		syslog(LOG_NOTICE, "logger: waiting for unitron-proxyd (%d)",
		       vio_errno());
		(void)dly_tsk(1000);
	}
	return fd;
}

void server_task(VP_INT exinf)
{
	char line[64];
	VP_INT request;
	INT fd = open_log(), answer;

	(void)exinf;
	syslog(LOG_NOTICE, "logger: serving REQUEST_DTQ, logging to %s",
	       LOG_FILE);
	for (;;) {
		if (rcv_dtq(REQUEST_DTQ, &request) != E_OK)
			continue;
		if ((INT)request == 0)
			break;
		answer = (INT)request * (INT)request;
		(void)snd_dtq(ANSWER_DTQ, (VP_INT)answer);
		if (vio_write(fd, line, format_line(line, (INT)request,
						    answer)) < 0)
			syslog(LOG_ERROR, "logger: write: errno %d",
			       vio_errno());
	}
	(void)vio_close(fd);
	(void)vio_end();
	syslog(LOG_NOTICE, "logger: done");
	(void)dly_tsk(100);	/* the last sender's answer goes out first */
	ext_ker();
}
