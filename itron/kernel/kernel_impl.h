/*
 * Unitron - definitions shared by every file of the µITRON core.
 *
 * The core is freestanding C: it includes no host header.  Everything
 * that depends on where the kernel runs (a Linux process, the Linux
 * kernel, bare metal) is behind the port interface described in
 * port_api.h and implemented by the port's port_config.h.
 */
#ifndef UNITRON_KERNEL_IMPL_H
#define UNITRON_KERNEL_IMPL_H

#include "kernel.h"
#include "queue.h"

struct task_control_block;

/*
 * The port's internal header: the CTXB type (a task's saved context)
 * and the port interface of port_api.h.
 */
#include "port_config.h"

/*
 * Trace hooks (see port_api.h), in the style of TOPPERS ASP's LOG_*
 * macros: the core calls them at handler entry and exit and around every
 * wait; a port may define them in port_config.h, otherwise they are
 * nothing.
 */
#ifndef LOG_INH_ENTER
#define LOG_INH_ENTER(inhno)		((void)0)
#endif
#ifndef LOG_INH_LEAVE
#define LOG_INH_LEAVE(inhno)		((void)0)
#endif
#ifndef LOG_TICK_ENTER
#define LOG_TICK_ENTER()		((void)0)
#endif
#ifndef LOG_TICK_LEAVE
#define LOG_TICK_LEAVE()		((void)0)
#endif
#ifndef LOG_CYC_ENTER
#define LOG_CYC_ENTER(p_cyccb)		((void)0)
#endif
#ifndef LOG_CYC_LEAVE
#define LOG_CYC_LEAVE(p_cyccb)		((void)0)
#endif
#ifndef LOG_ALM_ENTER
#define LOG_ALM_ENTER(p_almcb)		((void)0)
#endif
#ifndef LOG_ALM_LEAVE
#define LOG_ALM_LEAVE(p_almcb)		((void)0)
#endif
#ifndef LOG_WAI_ENTER
#define LOG_WAI_ENTER(p_tcb)		((void)0)
#endif
#ifndef LOG_WAI_LEAVE
#define LOG_WAI_LEAVE(p_tcb, p_winfo)	((void)0)
#endif

/* Internal priorities run from 0 (highest) to TNUM_TPRI - 1. */
#define TNUM_TPRI	(TMAX_TPRI - TMIN_TPRI + 1)
#define INT_PRIORITY(pri)	((UINT)((pri) - TMIN_TPRI))
#define EXT_TSKPRI(pri)		((PRI)(pri) + TMIN_TPRI)
#define VALID_TPRI(pri)		(TMIN_TPRI <= (pri) && (pri) <= TMAX_TPRI)

/* Kernel state shared with the port. */
extern BOOL	kerflg;		/* TRUE once the kernel runs tasks */
/*
 * Dispatching is enabled (enadsp) unless dis_dsp() disabled it (disdsp)
 * or the interrupt priority mask is not TIPM_ENAALL (chg_ipm), as in
 * TOPPERS/ASP: set_enadsp() keeps the three in step.
 */
extern BOOL	enadsp;
extern BOOL	disdsp;
extern PRI	intpri_mask;
extern BOOL	reqflg;		/* a handler asked for return_to_task() */

/*
 * Context and state checks at service call entry.  Each expands to a
 * return with the µITRON error code, so a service call reads as a list
 * of its error conditions followed by its work.
 */
#define CHECK(cond, ercd)	do { if (!(cond)) return (ercd); } while (0)

/* Task context, CPU not locked. */
#define CHECK_TSKCTX_UNL() \
	CHECK(!sense_context() && !port_sense_lock(), E_CTX)
/* Non-task context, CPU not locked. */
#define CHECK_INTCTX_UNL() \
	CHECK(sense_context() && !port_sense_lock(), E_CTX)
/*
 * A call that may make the invoking task wait.  Its form with a timeout
 * is refused with dispatching disabled even for TMO_POL, as in TOPPERS/
 * JSP and ASP and by the E_CTX condition the spec gives the call; the
 * polling form (pol_sem, prcv_dtq, ...) is the one that polls there.
 */
#define CHECK_DISPATCH() \
	CHECK(!sense_context() && !port_sense_lock() && enadsp, E_CTX)
#define CHECK_TMOUT(tmout)	CHECK(TMO_FEVR <= (tmout), E_PAR)
#define CHECK_PAR(cond)		CHECK(cond, E_PAR)
#define CHECK_ID(cond)		CHECK(cond, E_ID)
#define CHECK_OBJ(cond)		CHECK(cond, E_OBJ)
#define CHECK_ILUSE(cond)	CHECK(cond, E_ILUSE)
#define CHECK_RSATR(cond)	CHECK(cond, E_RSATR)

static inline void set_enadsp(void)
{
	enadsp = !disdsp && intpri_mask == TIPM_ENAALL;
}

/* Non-task context: a handler, or the kernel not yet running tasks. */
static inline BOOL sense_context(void)
{
	return !kerflg || port_sense_context();
}

/*
 * Critical sections.  Task-context service calls use t_lock_cpu /
 * t_unlock_cpu, handler-context ones i_lock_cpu / i_unlock_cpu; the
 * port decides whether the two differ.
 */
#define t_lock_cpu()	port_lock_cpu()
#define t_unlock_cpu()	port_unlock_cpu()
#define i_lock_cpu()	port_lock_cpu()
#define i_unlock_cpu()	port_unlock_cpu()

/*
 * The body that a service call and its handler-context twin (sig_sem and
 * isig_sem, ...) share once their arguments are checked: op runs with the
 * CPU locked and sets *p_dspreq when a dispatch is needed (task.c).
 */
typedef ER (*LOCKED_OP)(VP p_obj, VP_INT arg, BOOL *p_dspreq);
ER	call_locked(LOCKED_OP op, VP p_obj, VP_INT arg);

/*
 * Definitions made at run time (def_svc, def_inh, def_exc) over the
 * static ones (DEF_SVC, DEF_INH, DEF_EXC): TNUM_RTDEF entries per kind
 * (definition.c).  An entry whose routine is NULL undefines its number.
 * All with the CPU locked.
 */
#define TNUM_RTDEF	16U

typedef struct runtime_definition {
	BOOL		used;
	UINT		no;
	FP		rtn;		/* NULL: no is undefined */
} RTDEF;

void	rtdef_clear(RTDEF *table);
/* The entry for no, or NULL when def_xxx never touched no. */
const RTDEF *rtdef_find(const RTDEF *table, UINT no);
/*
 * def_xxx's work once the packet is checked: the port's check of no
 * (port_define, or NULL when it has none), then rtdef_set, with the CPU
 * locked.  Define (rtn) or undefine (NULL); E_NOMEM when the table is
 * full.
 */
ER	rtdef_define(RTDEF *table, UINT no, ER (*port_define)(UINT no),
		     FP rtn);

/* Extended service routines (DEF_SVC), by function code. */
typedef struct extended_service_call_block {
	FN	fncd;
	ATR	svcatr;
	ER_UINT	(*svcrtn)(VP_INT par1, VP_INT par2, VP_INT par3, VP_INT par4,
			  VP_INT par5, VP_INT par6);
} SVCINIB;

extern const UINT	tnum_svc;
extern const SVCINIB	svcinib_table[];

/* Startup and shutdown (startup.c). */
void	kernel_start(void);
void	call_terrtns(void);
extern BOOL	kernel_aborted;	/* ended by kernel_abort() */

/* Initialization routines (ATT_INI) and termination routines (VATT_TER). */
typedef struct initialization_routine_block {
	void	(*inirtn)(VP_INT exinf);
	VP_INT	exinf;
} INIRTNB;

typedef struct termination_routine_block {
	void	(*terrtn)(VP_INT exinf);
	VP_INT	exinf;
} TERRTNB;

extern const UINT	tnum_inirtn;
extern const INIRTNB	inirtnb_table[];
extern const UINT	tnum_terrtn;
extern const TERRTNB	terrtnb_table[];

/* Per-object initialization, called from kernel_start(). */
void	initialize_task(void);
void	initialize_interrupt(void);
void	initialize_exception(void);
void	initialize_time_event(void);
void	initialize_semaphore(void);
void	initialize_mutex(void);
void	initialize_eventflag(void);
void	initialize_dataqueue(void);
void	initialize_pridataq(void);
void	initialize_mailbox(void);
void	initialize_mempfix(void);
void	initialize_mempvar(void);
void	initialize_messagebuf(void);
void	initialize_rendezvous(void);
void	initialize_cyclic(void);
void	initialize_alarm(void);
void	initialize_overrun(void);
void	initialize_svc(void);

/*
 * Objects created at run time (object.c).  A kind's IDs run from its
 * static objects (1 .. tmax_sxxxid, from CRE_XXX) to its reserved ones
 * (.. tmax_xxxid, from AID_XXX); a reserved ID is free while its control
 * block has no initialization block.  Both with the CPU locked.
 *
 * object_new_id: the ID cre_xxx(id) may create on, or for id 0
 * (acre_xxx) the lowest free reserved one; else E_OBJ or E_NOID.
 * object_deletable: E_OK if del_xxx(id) may delete the object.
 */
typedef BOOL (*OBJ_FREE)(ID id);
ER_ID	object_new_id(ID id, ID tmax_sid, ID tmax_id, OBJ_FREE is_free);
ER	object_deletable(ID id, ID tmax_sid, OBJ_FREE is_free);

/* The RAM initialization block of reserved ID id. */
#define AINIB(obj, objid) \
	(&a##obj##inib_table[(objid) - tmax_s##obj##id - 1])

/*
 * cre_obj, acre_obj and del_obj of one kind, the same for every kind
 * but tasks: the kind's file defines, before this,
 *   ER check_packet(const T_COBJ *pk)  E_RSATR, E_PAR; E_OK
 *   ER construct(ID id, const T_COBJ *pk)  CPU locked: fill AINIB(obj,
 *        id), allocate what pk leaves NULL (E_NOMEM), set up the
 *        control block
 *   ER destruct(OBJCB *p_cb, BOOL *p_dspreq)  CPU locked: release
 *        the waiters (E_DLT), free what construct allocated, and set
 *        the control block's initialization block pointer to NULL;
 *        or an error for an object that cannot go yet
 * and the kind's get_cb(id), whose inib member is NULL while free.
 */
#define OBJECT_LIFE_CALLS(obj, OBJ, get_cb, inib)			\
static BOOL obj##_free(ID id)						\
{									\
	return get_cb(id)->inib == NULL;				\
}									\
									\
static ER_ID create(ID id, const T_C##OBJ *pk)				\
{									\
	ER_ID ercd;							\
	ER ercd_construct;						\
									\
	CHECK_TSKCTX_UNL();						\
	CHECK_PAR(pk != NULL);						\
	ercd = check_packet(pk);					\
	if (ercd != E_OK)						\
		return ercd;						\
	t_lock_cpu();							\
	ercd = object_new_id(id, tmax_s##obj##id, tmax_##obj##id,	\
			     obj##_free);				\
	if (ercd > 0 && (ercd_construct = construct(ercd, pk)) != E_OK) \
		ercd = ercd_construct;					\
	t_unlock_cpu();							\
	return ercd;							\
}									\
									\
ER cre_##obj(ID id, const T_C##OBJ *pk)					\
{									\
	ER_ID ercd;							\
									\
	CHECK_ID(VALID_##OBJ##ID(id));					\
	ercd = create(id, pk);						\
	return ercd < 0 ? ercd : E_OK;					\
}									\
									\
ER_ID acre_##obj(const T_C##OBJ *pk)					\
{									\
	return create(0, pk);						\
}									\
									\
static ER delete(VP p_cb, VP_INT id, BOOL *p_dspreq)			\
{									\
	ER ercd = object_deletable((ID)id, tmax_s##obj##id, obj##_free); \
									\
	if (ercd == E_OK)						\
		ercd = destruct(p_cb, p_dspreq);			\
	return ercd;							\
}									\
									\
ER del_##obj(ID id)							\
{									\
	CHECK_TSKCTX_UNL();						\
	CHECK_ID(VALID_##OBJ##ID(id));					\
	return call_locked(delete, get_cb(id), id);			\
}

/*
 * The kernel memory pool (DEF_MPK) for what cre_xxx allocates: stacks
 * and areas.  kernel_alloc() gives NULL when the pool cannot.  An object
 * whose area the kernel allocated has TA_MEMALLOC in its INIB's
 * attribute (no service call takes that bit), and its destruct() frees
 * only then: an application's area may well lie in the pool too (a
 * block of a pool created there).  CPU locked.
 */
#define TA_MEMALLOC	0x80000000U
extern const SIZE	kmmsz;
extern VP const		kmm;
VP	kernel_alloc(SIZE size);
void	kernel_free(VP blk);
/*
 * An object's area: the one its packet gave (*p_area), or for NULL size
 * bytes of the pool, marked TA_MEMALLOC in *p_atr; E_NOMEM when the pool
 * cannot.  Size 0 needs none.  kernel_area_free() frees what it took.
 */
ER	kernel_area(VP *p_area, SIZE size, ATR *p_atr);
void	kernel_area_free(VP area, ATR atr);

/* Copy n bytes (messages): the core has no C library. */
static inline void copy_bytes(VP dst, const void *src, SIZE n)
{
	UB *d = dst;
	const UB *s = src;

	while (n-- > 0U)
		*d++ = *s++;
}

/* Kernel-internal string formatting, used by syslog (lib/format.c). */
typedef void (*FORMAT_PUTC)(char c, void *arg);
void	format_va(FORMAT_PUTC putc, void *arg, const char *fmt,
		  __builtin_va_list ap);

#endif /* UNITRON_KERNEL_IMPL_H */
