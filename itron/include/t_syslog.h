/*
 * Unitron - system log (TOPPERS/JSP compatible names).
 *
 * syslog(prio, format, ...) formats a message and either prints it at
 * once (low-level output) or queues it for the log task (logtask.cfg),
 * as selected with vmsk_log().  Callable from any context, CPU locked
 * included.  Formats: %d %u %x %X %p %c %s %%, with an optional '0' or
 * '-' flag, a width, and an 'l' for long arguments.
 */
#ifndef UNITRON_T_SYSLOG_H
#define UNITRON_T_SYSLOG_H

#define LOG_EMERG	0U	/* system is unusable */
#define LOG_ALERT	1U
#define LOG_CRIT	2U
#define LOG_ERROR	3U
#define LOG_WARNING	4U
#define LOG_NOTICE	5U
#define LOG_INFO	6U
#define LOG_DEBUG	7U

#define LOG_MASK(prio)	(1U << (prio))
#define LOG_UPTO(prio)	((1U << ((prio) + 1U)) - 1U)

#define LOG_TYPE_COMMENT	0x09U	/* a formatted message */
#define LOG_TYPE_ASSERT		0x0aU	/* an assertion failure */
#define TMAX_LOGINFO		6

#ifndef _MACRO_ONLY

/* A log record: a format and its arguments (JSP's SYSLOG packet). */
typedef struct {
	UINT	logtype;
	SYSTIM	logtim;
	VP_INT	loginfo[TMAX_LOGINFO];
} SYSLOG;

ER	syslog(UINT prio, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
ER	vwri_log(UINT prio, SYSLOG *p_log);
/*
 * logmask: priorities recorded (for the log task, or printed at once
 * when there is none); lowmask: priorities printed at once.
 */
ER	vmsk_log(UINT logmask, UINT lowmask);

/* Fixed-argument forms, as in TOPPERS/JSP. */
#define syslog_0(prio, format)	syslog(prio, format)
#define syslog_1(prio, format, a1)	syslog(prio, format, a1)
#define syslog_2(prio, format, a1, a2)	syslog(prio, format, a1, a2)
#define syslog_3(prio, format, a1, a2, a3) \
	syslog(prio, format, a1, a2, a3)
#define syslog_4(prio, format, a1, a2, a3, a4) \
	syslog(prio, format, a1, a2, a3, a4)
#define syslog_5(prio, format, a1, a2, a3, a4, a5) \
	syslog(prio, format, a1, a2, a3, a4, a5)

/*
 * The log task's side: take the oldest queued message (text with its
 * newline) into buf; returns its length, 0 when none.  *p_lost counts
 * messages dropped because the queue was full.
 */
UINT	syslog_take(char *buf, UINT size, UINT *p_lost);
/* Route queued priorities to the log task from now on. */
void	syslog_use_logtask(BOOL use);

#endif /* _MACRO_ONLY */
#endif /* UNITRON_T_SYSLOG_H */
