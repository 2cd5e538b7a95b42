/*
 * Unitron - the status of a µITRON system, as `unitronctl ps` shows it:
 * every task and kernel object with its name in the .cfg (kernel_cfg.c's
 * name tables), its state and its waiting tasks in queue order.
 *
 * A port takes the snapshot where the system's state cannot change (on
 * its CPU, under CPU lock or in a handler), into arrays it provides
 * (status_objects()), and formats it when and where it likes: the linux
 * port in process context (port/linux/status.c), the own-core port in
 * the image for the loader (port/bare/status.c).  Freestanding; only
 * on ports that define CFG_OBJECT_NAMES (port_config.h), for which the
 * configurator writes the name tables.
 */
#ifndef UNITRON_STATUS_H
#define UNITRON_STATUS_H

#include "kernel_int.h"

/*
 * The configurator's object names, by ID - 1 (NULL: an explicit ID),
 * read for the static IDs only (1 .. tmax_sxxxid): a created object has
 * no name.
 */
extern const char *const tskname_table[], *const semname_table[],
	*const flgname_table[], *const dtqname_table[],
	*const mbxname_table[], *const mpfname_table[],
	*const cycname_table[], *const mtxname_table[],
	*const mbfname_table[], *const almname_table[],
	*const mplname_table[], *const porname_table[],
	*const pdqname_table[];

#define PS_NOTASK	0U	/* a ps_task's state: a free reserved ID */

struct ps_task {
	UINT	state;		/* TTS_*, or PS_NOTASK */
	UINT	pri;		/* current priority */
	UINT	bpri;		/* base priority */
	UINT	wreason;	/* TTW_*, 0: not waiting */
	INT	wobj;		/* object waited for, 0: none */
	INT	tmout;		/* ms until the timeout, -1: none */
	UINT	runcnt;
};

/* Waiting task IDs: waiter[first] .. waiter[first + count - 1]. */
struct ps_waiters {
	UINT	first;
	UINT	count;
};

enum ps_kind { PS_SEM, PS_FLG, PS_DTQ, PS_MBX, PS_MPF, PS_CYC, PS_MTX,
	       PS_MBF, PS_MPL, PS_POR, PS_ALM, PS_PDQ };

#define PS_NONE		(~0UL)	/* a time handler's next: none due */

struct ps_obj {
	enum ps_kind	kind;
	ID		id;
	unsigned long	val[3];		/* as status_write() prints them */
	struct ps_waiters wait[2];	/* senders, receivers (callers,
					   acceptors); or the one queue */
};

struct ps_snap {
	BOOL		live;		/* started: objects initialised */
	unsigned long	now;		/* µITRON time, ms */
	UINT		nobj;
	UINT		nwait;
	struct ps_task	*task;		/* tmax_tskid of them, by ID - 1 */
	struct ps_obj	*obj;		/* status_objects() */
	ID		*waiter;	/* tmax_tskid: a task waits on one
					   queue at most */
};

/*
 * The count of every kind's IDs, reserved ones included: the room struct
 * ps_snap's obj needs.
 */
UINT	status_objects(void);
/* The snapshot, where nothing changes the system meanwhile. */
void	status_take(struct ps_snap *s, BOOL live);
/* Its tables of tasks and objects, as text. */
void	status_write(const struct ps_snap *s, FORMAT_PUTC putc, void *arg);

/*
 * A task's state, TTS_*; a runnable task is READY here (the snapshot is
 * taken from a handler or with the CPU locked; wait_object_id() and
 * wait_lefttmo() of kernel_int.h tell what a waiting task waits for).
 */
UINT	status_task_state(const TCB *p_tcb);

#endif /* UNITRON_STATUS_H */
