/*
 * sample1 - the classic µITRON demonstration, Unitron edition.
 *
 * Three workers share one priority and compute forever, reporting as
 * they go.  A cyclic handler, once started, rotates their ready queue so
 * they take turns.  The main task reads one-letter commands from the
 * console and applies service calls to the selected worker; commands a
 * worker must run itself ('e' exit, 's' sleep, 'd' delay, 'y'/'Y' task
 * exceptions, 'z' a CPU exception) go to it through a data queue.
 *
 *   1 2 3   select a worker          a A   act_tsk / can_act
 *   e       the worker exits         t     ter_tsk
 *   > = <   chg_pri high/mid/low     G     get_pri
 *   s S     slp_tsk / tslp_tsk(2 s)  w W   wup_tsk / can_wup
 *   d       dly_tsk(1 s)             l     rel_wai
 *   u m M   sus_tsk / rsm / frsm     x X   ras_tex 0x0001 / 0x0002
 *   y Y     dis_tex / ena_tex        r     rot_rdq on three priorities
 *   c C     sta_cyc / stp_cyc        z     divide by zero in the worker
 *   .       pause 0.4 s              q Q   end the system
 */
#include <t_services.h>
#include "kernel_id.h"
#include "sample1.h"

static const ID worker_tskid[] = { TASK1, TASK2, TASK3 };
static const ID cmd_dtq[] = { CMD1, CMD2, CMD3 };

/* Compute for ms milliseconds: a task that never waits. */
static void consume_time(SYSTIM ms)
{
	SYSTIM start, now;

	(void)get_tim(&start);
	do {
		(void)get_tim(&now);
	} while (now - start < ms);
}

static void divide_by_zero(void)
{
	volatile int zero = 0;

	syslog(LOG_NOTICE, "10 / 0 = %d", 10 / zero);
}

/* A command the worker runs on itself. */
static void run_own_command(INT tskno, char c)
{
	switch (c) {
	case 'e':
		syslog(LOG_INFO, "#%d# ext_tsk()", tskno);
		(void)ext_tsk();
		break;
	case 's':
		syslog(LOG_INFO, "#%d# slp_tsk()", tskno);
		syscall(slp_tsk());
		break;
	case 'S':
		syslog(LOG_INFO, "#%d# tslp_tsk(2000)", tskno);
		syscall(tslp_tsk(2000));
		break;
	case 'd':
		syslog(LOG_INFO, "#%d# dly_tsk(1000)", tskno);
		syscall(dly_tsk(1000));
		break;
	case 'y':
		syslog(LOG_INFO, "#%d# dis_tex()", tskno);
		syscall(dis_tex());
		break;
	case 'Y':
		syslog(LOG_INFO, "#%d# ena_tex()", tskno);
		syscall(ena_tex());
		break;
	case 'z':
		syslog(LOG_NOTICE, "#%d# divides by zero", tskno);
		divide_by_zero();
		break;
	default:
		break;
	}
}

void worker(VP_INT exinf)
{
	static const char *const graph[] = { "|", "  +", "    *" };
	INT tskno = (INT)exinf;
	UINT n = 0;
	VP_INT c;

	(void)ena_tex();
	for (;;) {
		syslog(LOG_NOTICE, "task%d is running (%03u).  %s", tskno, ++n,
		       graph[tskno - 1]);
		consume_time(WORK_MS);
		while (prcv_dtq(cmd_dtq[tskno - 1], &c) == E_OK)
			run_own_command(tskno, (char)c);
	}
}

void worker_tex(TEXPTN texptn, VP_INT exinf)
{
	INT tskno = (INT)exinf;

	syslog(LOG_NOTICE, "task%d receives exception 0x%04x.", tskno, texptn);
	if ((texptn & 0x8000U) != 0U) {
		syslog(LOG_INFO, "#%d# ext_tsk()", tskno);
		(void)ext_tsk();
	}
}

/*
 * The division fault lands here, in non-task context.  The worker cannot
 * resume the faulting instruction, so it gets task exception 0x8000,
 * which makes it exit.
 */
void fault_handler(VP p_excinf)
{
	ID tskid;

	syslog(LOG_NOTICE, "CPU exception handler (task context: %s).",
	       vxsns_ctx(p_excinf) ? "no" : "yes");
	if (!vxsns_ctx(p_excinf) && !vxsns_loc(p_excinf) &&
	    iget_tid(&tskid) == E_OK) {
		syscall(iras_tex(tskid, 0x8000U));
	} else {
		syslog(LOG_EMERG, "unrecoverable CPU exception");
		kernel_abort();
	}
}

void rotate_handler(VP_INT exinf)
{
	(void)exinf;
	(void)irot_rdq(HIGH_PRIORITY);
	(void)irot_rdq(MID_PRIORITY);
	(void)irot_rdq(LOW_PRIORITY);
}

static void show_priority(INT tskno, ID tskid)
{
	PRI pri;

	if (syscall(get_pri(tskid, &pri)) == E_OK)
		syslog(LOG_NOTICE, "priority of task%d is %d", tskno, pri);
}

/* A command the main task applies to the selected worker. */
static void run_command(INT tskno, ID tskid, char c)
{
	ER_UINT ercd;

	switch (c) {
	case 'a':
		syslog(LOG_INFO, "#act_tsk(%d)", tskno);
		syscall(act_tsk(tskid));
		break;
	case 'A':
		ercd = syscall(can_act(tskid));
		if (ercd >= 0)
			syslog(LOG_NOTICE, "can_act(%d) returns %d", tskno, ercd);
		break;
	case 't':
		syslog(LOG_INFO, "#ter_tsk(%d)", tskno);
		syscall(ter_tsk(tskid));
		break;
	case '>':
	case '=':
	case '<':
		syslog(LOG_INFO, "#chg_pri(%d, %c)", tskno, c);
		syscall(chg_pri(tskid, c == '>' ? HIGH_PRIORITY
				: c == '=' ? MID_PRIORITY : LOW_PRIORITY));
		break;
	case 'G':
		show_priority(tskno, tskid);
		break;
	case 'w':
		syslog(LOG_INFO, "#wup_tsk(%d)", tskno);
		syscall(wup_tsk(tskid));
		break;
	case 'W':
		ercd = syscall(can_wup(tskid));
		if (ercd >= 0)
			syslog(LOG_NOTICE, "can_wup(%d) returns %d", tskno, ercd);
		break;
	case 'l':
		syslog(LOG_INFO, "#rel_wai(%d)", tskno);
		syscall(rel_wai(tskid));
		break;
	case 'u':
		syslog(LOG_INFO, "#sus_tsk(%d)", tskno);
		syscall(sus_tsk(tskid));
		break;
	case 'm':
		syslog(LOG_INFO, "#rsm_tsk(%d)", tskno);
		syscall(rsm_tsk(tskid));
		break;
	case 'M':
		syslog(LOG_INFO, "#frsm_tsk(%d)", tskno);
		syscall(frsm_tsk(tskid));
		break;
	case 'x':
	case 'X':
		syslog(LOG_INFO, "#ras_tex(%d, 0x000%c)", tskno,
		       c == 'x' ? '1' : '2');
		syscall(ras_tex(tskid, c == 'x' ? 0x0001U : 0x0002U));
		break;
	case 'r':
		syslog(LOG_INFO, "#rot_rdq(three priorities)");
		syscall(rot_rdq(HIGH_PRIORITY));
		syscall(rot_rdq(MID_PRIORITY));
		syscall(rot_rdq(LOW_PRIORITY));
		break;
	case 'c':
		syslog(LOG_INFO, "#sta_cyc(ROTATE)");
		syscall(sta_cyc(ROTATE));
		break;
	case 'C':
		syslog(LOG_INFO, "#stp_cyc(ROTATE)");
		syscall(stp_cyc(ROTATE));
		break;
	case '.':
		syscall(dly_tsk(PAUSE_MS));
		break;
	case 'e': case 's': case 'S': case 'd': case 'y': case 'Y': case 'z':
		syscall(psnd_dtq(cmd_dtq[tskno - 1], (VP_INT)c));
		break;
	default:
		break;
	}
}

void main_task(VP_INT exinf)
{
	INT tskno = 1;
	char c;

	(void)exinf;
	syscall(vmsk_log(LOG_UPTO(LOG_INFO), LOG_UPTO(LOG_EMERG)));
	syslog(LOG_NOTICE, "Sample program starts.");
	syscall(serial_ctl_por(CONSOLE_PORTID, IOCTL_NULL));
	syscall(act_tsk(TASK1));
	syscall(act_tsk(TASK2));
	syscall(act_tsk(TASK3));

	while (serial_rea_dat(CONSOLE_PORTID, &c, 1) == 1 &&
	       c != 'q' && c != 'Q' && c != '\003') {
		if (c >= '1' && c <= '3') {
			tskno = c - '0';
			syslog(LOG_INFO, "# task%d selected", tskno);
		} else {
			run_command(tskno, worker_tskid[tskno - 1], c);
		}
	}
	syslog(LOG_NOTICE, "Sample program ends.");
	kernel_exit();
}
