/*
 * Unitron - the system log and its formatter.
 *
 * Messages are formatted when logged (so %s arguments need not outlive
 * the call), then printed at once or queued for the log task.  The queue
 * is a ring of fixed-size lines; when full, new messages are counted as
 * lost rather than blocking the caller, who may be a handler.
 */
#include "kernel_impl.h"
#include "t_syslog.h"

#define SYSLOG_LINE_MAX	160U
#define SYSLOG_QUEUE	64U

static UINT	logmask;
static UINT	lowmask = LOG_UPTO(LOG_NOTICE);
static BOOL	logtask_used;

static struct {
	UINT	len;
	char	text[SYSLOG_LINE_MAX];
} queue[SYSLOG_QUEUE];
static UINT	queue_head;
static UINT	queue_count;
static UINT	queue_lost;

/* ---- formatter ------------------------------------------------------- */

struct spec {
	BOOL	zero;		/* pad with zeros */
	BOOL	left;		/* pad on the right */
	UINT	width;
};

static void put_padded(FORMAT_PUTC putc, void *arg, const struct spec *sp,
		       const char *digits, UINT len, BOOL negative)
{
	UINT total = len + (negative ? 1U : 0U);
	UINT pad = sp->width > total ? sp->width - total : 0U;

	if (!sp->left && !sp->zero)
		for (; pad > 0U; pad--)
			putc(' ', arg);
	if (negative)
		putc('-', arg);
	if (!sp->left)
		for (; pad > 0U; pad--)
			putc('0', arg);
	while (len > 0U)
		putc(digits[--len], arg);
	for (; pad > 0U; pad--)
		putc(' ', arg);
}

static void put_number(FORMAT_PUTC putc, void *arg, const struct spec *sp,
		       unsigned long long value, UINT base, BOOL upper,
		       BOOL negative)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24];
	UINT len = 0U;

	do {
		digits[len++] = set[value % base];
		value /= base;
	} while (value != 0ULL);
	put_padded(putc, arg, sp, digits, len, negative);
}

static void put_string(FORMAT_PUTC putc, void *arg, const struct spec *sp,
		       const char *s)
{
	UINT len = 0U;
	UINT pad;

	if (s == NULL)
		s = "(null)";
	while (s[len] != '\0')
		len++;
	pad = sp->width > len ? sp->width - len : 0U;
	if (!sp->left)
		for (; pad > 0U; pad--)
			putc(' ', arg);
	while (*s != '\0')
		putc(*s++, arg);
	for (; pad > 0U; pad--)
		putc(' ', arg);
}

/* Read one conversion's flags and width; returns the conversion char. */
static char parse_spec(const char **p_fmt, struct spec *sp, BOOL *p_long)
{
	const char *fmt = *p_fmt;

	sp->zero = FALSE;
	sp->left = FALSE;
	sp->width = 0U;
	for (;; fmt++) {
		if (*fmt == '0')
			sp->zero = TRUE;
		else if (*fmt == '-')
			sp->left = TRUE;
		else
			break;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10U + (UINT)(*fmt++ - '0');
	*p_long = FALSE;
	while (*fmt == 'l') {
		*p_long = TRUE;
		fmt++;
	}
	*p_fmt = *fmt != '\0' ? fmt + 1 : fmt;
	return *fmt;
}

void format_va(FORMAT_PUTC putc, void *arg, const char *fmt,
	       __builtin_va_list ap)
{
	struct spec sp;
	BOOL lng;
	long long sval;

	while (*fmt != '\0') {
		if (*fmt != '%') {
			putc(*fmt++, arg);
			continue;
		}
		fmt++;
		switch (parse_spec(&fmt, &sp, &lng)) {
		case 'd':
			sval = lng ? __builtin_va_arg(ap, long)
				   : __builtin_va_arg(ap, int);
			put_number(putc, arg, &sp,
				   sval < 0 ? 0ULL - (unsigned long long)sval
					    : (unsigned long long)sval,
				   10U, FALSE, sval < 0);
			break;
		case 'u':
			put_number(putc, arg, &sp,
				   lng ? __builtin_va_arg(ap, unsigned long)
				       : __builtin_va_arg(ap, unsigned int),
				   10U, FALSE, FALSE);
			break;
		case 'x':
		case 'X':
			put_number(putc, arg, &sp,
				   lng ? __builtin_va_arg(ap, unsigned long)
				       : __builtin_va_arg(ap, unsigned int),
				   16U, fmt[-1] == 'X', FALSE);
			break;
		case 'p':
			put_number(putc, arg, &sp, (__UINTPTR_TYPE__)
				   __builtin_va_arg(ap, void *), 16U, FALSE,
				   FALSE);
			break;
		case 'c':
			putc((char)__builtin_va_arg(ap, int), arg);
			break;
		case 's':
			put_string(putc, arg, &sp,
				   __builtin_va_arg(ap, const char *));
			break;
		case '%':
			putc('%', arg);
			break;
		default:
			break;	/* unknown conversion: nothing, as JSP */
		}
	}
}

/* ---- the log ----------------------------------------------------------- */

struct line_buffer {
	char	text[SYSLOG_LINE_MAX];
	UINT	len;
};

static void line_putc(char c, void *arg)
{
	struct line_buffer *p_line = arg;

	/* Keep room for the newline. */
	if (p_line->len < SYSLOG_LINE_MAX - 1U)
		p_line->text[p_line->len++] = c;
}

static void lock(BOOL *p_locked)
{
	*p_locked = port_sense_lock();
	if (!*p_locked)
		port_lock_cpu();
}

static void unlock(BOOL locked)
{
	if (!locked)
		port_unlock_cpu();
}

static void enqueue(const struct line_buffer *p_line)
{
	BOOL locked;
	UINT i;

	lock(&locked);
	if (queue_count == SYSLOG_QUEUE) {
		queue_lost++;
	} else {
		UINT slot = (queue_head + queue_count) % SYSLOG_QUEUE;

		for (i = 0; i < p_line->len; i++)
			queue[slot].text[i] = p_line->text[i];
		queue[slot].len = p_line->len;
		queue_count++;
	}
	unlock(locked);
}

static ER write_log(UINT prio, const char *format, __builtin_va_list ap)
{
	struct line_buffer line;
	BOOL low;

	if (prio > LOG_DEBUG)
		return E_PAR;
	low = (lowmask & LOG_MASK(prio)) != 0U;
	if (!low && (logmask & LOG_MASK(prio)) == 0U)
		return E_OK;
	line.len = 0U;
	format_va(line_putc, &line, format, ap);
	line.text[line.len++] = '\n';
	if (low || !logtask_used)
		port_console_write(line.text, line.len);
	else
		enqueue(&line);
	return E_OK;
}

ER syslog(UINT prio, const char *format, ...)
{
	__builtin_va_list ap;
	ER ercd;

	__builtin_va_start(ap, format);
	ercd = write_log(prio, format, ap);
	__builtin_va_end(ap);
	return ercd;
}

/* Print a JSP log record: a comment's format with up to five arguments. */
ER vwri_log(UINT prio, SYSLOG *p_log)
{
	const VP_INT *a = &p_log->loginfo[1];

	if (p_log->logtype != LOG_TYPE_COMMENT)
		return syslog(prio, "log record type 0x%x", p_log->logtype);
	return syslog(prio, (const char *)p_log->loginfo[0], a[0], a[1], a[2],
		      a[3], a[4]);
}

ER vmsk_log(UINT new_logmask, UINT new_lowmask)
{
	logmask = new_logmask;
	lowmask = new_lowmask;
	return E_OK;
}

void syslog_use_logtask(BOOL use)
{
	logtask_used = use;
}

UINT syslog_take(char *buf, UINT size, UINT *p_lost)
{
	BOOL locked;
	UINT len = 0U;
	UINT i;

	lock(&locked);
	*p_lost = queue_lost;
	queue_lost = 0U;
	if (queue_count > 0U) {
		len = queue[queue_head].len < size ? queue[queue_head].len
						    : size;
		for (i = 0; i < len; i++)
			buf[i] = queue[queue_head].text[i];
		queue_head = (queue_head + 1U) % SYSLOG_QUEUE;
		queue_count--;
	}
	unlock(locked);
	return len;
}
