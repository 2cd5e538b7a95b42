/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unitron linux port - ftrace events of a µITRON system.
 *
 * Each module has its own event system, unitron_<module> (set by the
 * Kbuild file mkmodule.sh writes), so that several systems can be
 * loaded and traced at once:
 *
 *   unitron_dispatch       a task switch; task 0 is idle
 *   unitron_handler_enter  a handler starts: the tick, a cyclic handler,
 *   unitron_handler_exit   a software interrupt line or a device line
 *   unitron_wait_start     a task starts waiting (reason, object, timeout)
 *   unitron_wait_end       its wait ended, with the service call's result
 *
 * The numbers in __print_symbolic are µITRON's TTS_* and TTW_* values,
 * written out so that user-space parsers read them.  Error codes are
 * negative, which libtraceevent's symbol tables do not match: their
 * names are recorded as strings.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM UNITRON_TRACE_SYSTEM

#if !defined(UNITRON_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define UNITRON_TRACE_H

#include <linux/tracepoint.h>

/* Handler kinds of unitron_handler_enter/exit. */
#define UNITRON_HDR_TICK	0
#define UNITRON_HDR_CYC		1
#define UNITRON_HDR_SWI		2
#define UNITRON_HDR_DEV		3
#define UNITRON_HDR_INH		4	/* another DEF_INH number */

#define unitron_show_tstat(state) __print_symbolic(state,		\
	{ 0x00, "idle" }, { 0x01, "RUNNING" }, { 0x02, "READY" },	\
	{ 0x04, "WAITING" }, { 0x08, "SUSPENDED" },			\
	{ 0x0c, "WAITING-SUSPENDED" }, { 0x10, "DORMANT" })

#define unitron_show_reason(reason) __print_symbolic(reason,		\
	{ 0x0001, "slp" }, { 0x0002, "dly" }, { 0x0004, "sem" },	\
	{ 0x0008, "flg" }, { 0x0010, "sdtq" }, { 0x0020, "rdtq" },	\
	{ 0x0040, "mbx" }, { 0x0080, "mtx" }, { 0x0100, "smbf" },	\
	{ 0x0200, "rmbf" }, { 0x0400, "cal" }, { 0x0800, "acp" },	\
	{ 0x1000, "rdv" }, { 0x2000, "mpf" }, { 0x4000, "mpl" },	\
	{ 0x10000, "spdq" }, { 0x20000, "rpdq" })

TRACE_EVENT(unitron_dispatch,
	TP_PROTO(int prev, unsigned int prev_state, int next,
		 unsigned int next_pri),
	TP_ARGS(prev, prev_state, next, next_pri),
	TP_STRUCT__entry(
		__field(int, prev)
		__field(unsigned int, prev_state)
		__field(int, next)
		__field(unsigned int, next_pri)
	),
	TP_fast_assign(
		__entry->prev = prev;
		__entry->prev_state = prev_state;
		__entry->next = next;
		__entry->next_pri = next_pri;
	),
	TP_printk("prev=%d prev_state=%s next=%d next_pri=%u",
		  __entry->prev, unitron_show_tstat(__entry->prev_state),
		  __entry->next, __entry->next_pri)
);

DECLARE_EVENT_CLASS(unitron_handler,
	TP_PROTO(unsigned int kind, unsigned int no),
	TP_ARGS(kind, no),
	TP_STRUCT__entry(
		__field(unsigned int, kind)
		__field(unsigned int, no)
	),
	TP_fast_assign(
		__entry->kind = kind;
		__entry->no = no;
	),
	TP_printk("%s %u",
		  __print_symbolic(__entry->kind,
				   { UNITRON_HDR_TICK, "tick" },
				   { UNITRON_HDR_CYC, "cyc" },
				   { UNITRON_HDR_SWI, "swi" },
				   { UNITRON_HDR_DEV, "dev" },
				   { UNITRON_HDR_INH, "inh" }),
		  __entry->no)
);

DEFINE_EVENT(unitron_handler, unitron_handler_enter,
	TP_PROTO(unsigned int kind, unsigned int no),
	TP_ARGS(kind, no)
);

DEFINE_EVENT(unitron_handler, unitron_handler_exit,
	TP_PROTO(unsigned int kind, unsigned int no),
	TP_ARGS(kind, no)
);

TRACE_EVENT(unitron_wait_start,
	TP_PROTO(int tid, unsigned int reason, int obj, int tmout),
	TP_ARGS(tid, reason, obj, tmout),
	TP_STRUCT__entry(
		__field(int, tid)
		__field(unsigned int, reason)
		__field(int, obj)
		__field(int, tmout)
	),
	TP_fast_assign(
		__entry->tid = tid;
		__entry->reason = reason;
		__entry->obj = obj;
		__entry->tmout = tmout;
	),
	TP_printk("tid=%d reason=%s obj=%d tmout=%d", __entry->tid,
		  unitron_show_reason(__entry->reason), __entry->obj,
		  __entry->tmout)
);

TRACE_EVENT(unitron_wait_end,
	TP_PROTO(int tid, unsigned int reason, int obj, int ercd,
		 const char *ercd_name),
	TP_ARGS(tid, reason, obj, ercd, ercd_name),
	TP_STRUCT__entry(
		__field(int, tid)
		__field(unsigned int, reason)
		__field(int, obj)
		__field(int, ercd)
		__string(ercd_name, ercd_name)
	),
	TP_fast_assign(
		__entry->tid = tid;
		__entry->reason = reason;
		__entry->obj = obj;
		__entry->ercd = ercd;
		__assign_str(ercd_name, ercd_name);
	),
	TP_printk("tid=%d reason=%s obj=%d ercd=%s", __entry->tid,
		  unitron_show_reason(__entry->reason), __entry->obj,
		  __get_str(ercd_name))
);

#endif /* UNITRON_TRACE_H */

/* The out-of-tree module dir has port/linux on the include path. */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE unitron_trace
#include <trace/define_trace.h>
