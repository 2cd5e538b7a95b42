/*
 * libunitron - a Linux process's side of the Unitron bridge: the data
 * queues and mailboxes a µITRON system makes reachable (VBRG_DTQ,
 * VBRG_MBX in its .cfg), the same on both ports.
 *
 *	unitron_t *u = unitron_open(NULL);
 *	int dtq = unitron_object(u, "CMD_DTQ");
 *	ER ercd = unitron_tsnd_dtq(u, dtq, 42, 100);
 *
 * Calls mirror the µITRON service calls and return their error codes:
 * E_OK, E_TMOUT (timeout or polling failure), E_RLWAI (a signal handler
 * ran during the wait: the call ended as rel_wai ends a wait, with no
 * effect), E_NOEXS (no such name), E_ID (not an object of this
 * handle), E_OBJ (a mailbox call on a data queue, or the reverse; the
 * system is not running), E_PAR (bad timeout, message too long), E_MACV
 * (a bad pointer), E_NOMEM (too many calls at once), E_DLT (the system
 * stopped or went away during the call).  Timeouts are in ms:
 * UNITRON_TMO_POL, UNITRON_TMO_FEVR or a positive count.
 *
 * A timeout is a bound, whatever the µITRON tasks do (even tasks above
 * the bridge's workers that never block): a call with tmout >= 0
 * returns within max(tmout, UNITRON_BRG_POLL_MS: 100 ms) + e, where e is
 * the caller's own scheduling latency (and a jiffy on the linux port;
 * on the posix port also the latency of the application's socket
 * thread) plus, for a call a worker has taken
 * already, the latency of the bridge's interrupt handler (on the linux
 * port up to linux_slice_ms, 5 ms, when Linux has the µITRON CPU).  Its
 * result is true: E_TMOUT means the call had no effect and never will;
 * a call whose service call took effect returns E_OK (a datum or
 * message received is returned).  UNITRON_TMO_POL tries the call once
 * if a worker takes it within 100 ms, else E_TMOUT.  With
 * UNITRON_TMO_FEVR a call may wait for ever, but a signal handler ends
 * it within the same e (E_RLWAI unless it took effect), and so does the
 * process's death.  The bound needs the system's interrupts to run: a
 * task that spins with the CPU locked holds off the handler, and a taken
 * call then waits for it (a signal still ends the wait, SIGKILL at once).
 * A call withdrawn at its deadline keeps its slot until a worker passes
 * or the system stops: with every slot so held, calls get E_NOMEM.
 *
 * A handle makes one call at a time; give each thread its own.
 * Link with -lunitron (pkg-config unitron).
 */
#ifndef UNITRON_H
#define UNITRON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int unitron_er;		/* a µITRON error code (ER) */
typedef struct unitron unitron_t;

#define UNITRON_TMO_POL		0
#define UNITRON_TMO_FEVR	(-1)

/* The error codes these calls return, with µITRON's names and values. */
#ifndef E_OK
#define E_OK		0
#define E_SYS		(-5)
#define E_RSFN		(-10)
#define E_PAR		(-17)
#define E_ID		(-18)
#define E_MACV		(-26)
#define E_NOMEM		(-33)
#define E_OBJ		(-41)
#define E_NOEXS		(-42)
#define E_RLWAI		(-49)
#define E_TMOUT		(-50)
#define E_DLT		(-51)
#endif

/*
 * Connect to a µITRON system: a linux-port device (/dev/unitron0) or a
 * posix-port application's socket.  NULL means $UNITRON_SYSTEM, or
 * /dev/unitron0 when that is not set; if that does not exist either, and
 * on "cluster", the handle has no system of its own: only the cluster's
 * objects.  NULL with errno on failure.
 *
 * The cluster: where the node has TIPC (tipc.ko loaded), a name the
 * handle's own system lacks is looked up among the objects every node's
 * unitron-netd publishes, "NAME" or "SYSTEM/NAME" (docs/cluster.md).
 * The calls on it are the same, with the same results, and E_DLT when
 * its node, daemon or system goes away during a call (TIPC tells within
 * 1.5 x the link tolerance + 0.5 s: 2.75 s by default) or has gone
 * before it; a call that has a timeout gives up E_DLT when the far side
 * stays silent 2 s past it.  The handle finds the object again when it
 * is back.  unitron_object() returns E_OBJ when a short NAME is several
 * systems' (name one with SYSTEM/NAME).
 */
unitron_t	*unitron_open(const char *system);
void		unitron_close(unitron_t *u);

/* The handle of a bridged object (> 0), or E_NOEXS. */
int		unitron_object(unitron_t *u, const char *name);
/* What it is: UNITRON_DTQ or UNITRON_MBX, or E_NOEXS. */
#define UNITRON_DTQ	1
#define UNITRON_MBX	2
int		unitron_object_kind(unitron_t *u, const char *name);
/* Both in one call: the handle, and the kind in *p_kind (if not NULL). */
int		unitron_lookup(unitron_t *u, const char *name, int *p_kind);
/*
 * The objects, by handle 1, 2, ...: the name of object obj into name
 * (size bytes, always terminated; a longer one is cut) and its kind in
 * *p_kind (if not NULL).  The name's full length, or E_ID past the last
 * object (E_MACV: a bad buffer, E_PAR: none).
 */
int		unitron_object_name(unitron_t *u, int obj, char *name,
				    size_t size, int *p_kind);

/* Data queues. */
unitron_er	unitron_snd_dtq(unitron_t *u, int dtq, intptr_t data);
unitron_er	unitron_psnd_dtq(unitron_t *u, int dtq, intptr_t data);
unitron_er	unitron_tsnd_dtq(unitron_t *u, int dtq, intptr_t data,
				 int tmout);
unitron_er	unitron_fsnd_dtq(unitron_t *u, int dtq, intptr_t data);
unitron_er	unitron_rcv_dtq(unitron_t *u, int dtq, intptr_t *p_data);
unitron_er	unitron_prcv_dtq(unitron_t *u, int dtq, intptr_t *p_data);
unitron_er	unitron_trcv_dtq(unitron_t *u, int dtq, intptr_t *p_data,
				 int tmout);

/*
 * Mailboxes: a message is up to the system's BRG_MSGSZ bytes (at most
 * 4096); msgpri matters for TA_MPRI mailboxes (1 is the highest).  A
 * send waits up to tmout for a free message block.  A receive returns
 * the message's length (>= 0; if it exceeds size, only size bytes were
 * copied) or an error code.
 */
unitron_er	unitron_snd_mbx(unitron_t *u, int mbx, const void *msg,
				size_t len, int msgpri);
unitron_er	unitron_tsnd_mbx(unitron_t *u, int mbx, const void *msg,
				 size_t len, int msgpri, int tmout);
int		unitron_rcv_mbx(unitron_t *u, int mbx, void *buf,
				size_t size);
int		unitron_prcv_mbx(unitron_t *u, int mbx, void *buf,
				 size_t size);
int		unitron_trcv_mbx(unitron_t *u, int mbx, void *buf,
				 size_t size, int tmout);

/*
 * The cluster's objects: those every node's unitron-netd publishes on
 * TIPC (docs/cluster.md).  fn(arg, event, node, name, kind) is called
 * for each object: event UNITRON_OBJECT_NEW, node the name of the node
 * that serves it, name its full name SYSTEM/NAME.  With watch, the call
 * then goes on and reports every object that appears (NEW) or goes
 * (UNITRON_OBJECT_GONE), until fn returns nonzero.  0 (or fn's nonzero
 * answer), E_NOEXS if this node has no TIPC, E_SYS if TIPC fails.
 */
#define UNITRON_OBJECT_NEW	1
#define UNITRON_OBJECT_GONE	2
typedef int	unitron_cluster_fn(void *arg, int event, const char *node,
				   const char *name, int kind);
int		unitron_cluster_objects(unitron_cluster_fn *fn, void *arg,
					int watch);

/* "E_TMOUT" for E_TMOUT, and so on. */
const char	*unitron_ername(unitron_er ercd);

#ifdef __cplusplus
}
#endif
#endif /* UNITRON_H */
