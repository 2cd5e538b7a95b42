/*
 * jspapp - a console-driven application using the TOPPERS/JSP service
 * conventions: syscall() error reports, vmsk_log/LOG_UPTO, syslog_N,
 * serial_ctl_por/serial_rea_dat/serial_wri_dat on TASK_PORTID, MERCD,
 * kernel_exit().  Commands (one character each):
 *
 *   a  activate the worker     w  wake it       t  terminate it
 *   x  raise task exception    c/C start/stop the cyclic handler
 *   e  make a failing call     p  print the time via serial_wri_dat
 *   .  pause 100 ms            Q  end
 */
#include <t_services.h>
#include "kernel_id.h"
#include "jspapp.h"

static UW	ticks;

void worker(VP_INT exinf)
{
	volatile UW	i;
	INT		tskno = (INT) exinf;
	INT		n = 0;

	ena_tex();
	while (1) {
		syslog_2(LOG_NOTICE, "worker%d is running (%03d).", tskno, ++n);
		for (i = 0; i < WORK_LOOPS; i++);
		syscall(slp_tsk());
	}
}

void worker_tex(TEXPTN texptn, VP_INT exinf)
{
	syslog(LOG_NOTICE, "worker%d receives exception 0x%04x.",
					(INT) exinf, texptn);
}

void tick_handler(VP_INT exinf)
{
	ticks++;
}

static void print_time(void)
{
	SYSTIM	now;
	char	buf[32];
	INT	len = 0;
	char	digits[16];
	INT	n = 0;

	syscall(get_tim(&now));
	do {
		digits[n++] = (char)('0' + now % 10);
		now /= 10;
	} while (now > 0 && n < 16);
	buf[len++] = 't';
	buf[len++] = '=';
	while (n > 0)
		buf[len++] = digits[--n];
	buf[len++] = '\n';
	syscall(serial_wri_dat(TASK_PORTID, buf, len));
}

void main_task(VP_INT exinf)
{
	char	c;
	ER_UINT	ercd;

	vmsk_log(LOG_UPTO(LOG_INFO), LOG_UPTO(LOG_EMERG));
	syslog(LOG_NOTICE, "jspapp starts (exinf = %d).", (INT) exinf);
	syscall(serial_ctl_por(TASK_PORTID,
			(IOCTL_CRLF | IOCTL_FCSND | IOCTL_FCRCV)));

	do {
		syscall(serial_rea_dat(TASK_PORTID, &c, 1));
		switch (c) {
		case 'a':
			syslog_0(LOG_INFO, "#act_tsk(WORKER)");
			syscall(act_tsk(WORKER));
			break;
		case 'w':
			syslog_0(LOG_INFO, "#wup_tsk(WORKER)");
			syscall(wup_tsk(WORKER));
			break;
		case 't':
			syslog_0(LOG_INFO, "#ter_tsk(WORKER)");
			syscall(ter_tsk(WORKER));
			break;
		case 'x':
			syslog_0(LOG_INFO, "#ras_tex(WORKER, 0x0001)");
			syscall(ras_tex(WORKER, 0x0001));
			break;
		case 'c':
			syscall(sta_cyc(TICKER));
			break;
		case 'C':
			syscall(stp_cyc(TICKER));
			syslog_1(LOG_NOTICE, "ticker ran %d times", ticks > 0);
			break;
		case 'e':
			ercd = syscall(act_tsk(99));
			syslog_1(LOG_NOTICE, "main error code %d", MERCD(ercd));
			break;
		case 'p':
			print_time();
			break;
		case '.':
			syscall(dly_tsk(100));
			break;
		default:
			break;
		}
	} while (c != '\003' && c != 'Q');

	syslog(LOG_NOTICE, "jspapp ends.");
	kernel_exit();
}
