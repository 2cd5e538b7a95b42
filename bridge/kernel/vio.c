/*
 * Unitron bridge - Linux I/O for µITRON tasks (unitron_vio.h): the
 * µITRON side, the same on every port.
 *
 * A task claims a slot of the request area (and keeps it under
 * continuation), writes its call there, tells the slot's proxy
 * (brg_port_vio_post) and waits on VIO_FLG for its slot's bit, which
 * brg_handler() sets (vio_handler) when a proxy has put the slot in
 * DONE.  A wait ended by rel_wai leaves the call to finish in Linux: the
 * slot is abandoned, and its result dropped when it comes.
 *
 * Compiled with every application; empty unless it includes bridge.cfg.
 */
#include <kernel.h>
#include "kernel_id.h"

#ifdef BRG_REQ_DTQ
#include "bridge_port.h"
#include "unitron_vio.h"

/* Linux's errno values these calls set themselves. */
#define VIO_EPERM	1
#define VIO_EINTR	4
#define VIO_EIO		5
#define VIO_ENXIO	6
#define VIO_EFAULT	14
#define VIO_EBUSY	16
#define VIO_ENAMETOOLONG 36

#define NO_SLOT		(-1)

static INT	task_errno[TNUM_TSKID];
static BOOL	task_cont[TNUM_TSKID];		/* continuation on */
static INT	task_slot[TNUM_TSKID];		/* slot + 1, 0: none */
static ID	slot_owner[VIO_NSLOT];		/* 0: free */
static BOOL	slot_abandoned[VIO_NSLOT];	/* by rel_wai */
static BOOL	slot_waiting[VIO_NSLOT];	/* its owner waits for it */

static struct unitron_vio_slot *slot_at(INT s)
{
	return &brg_port_vio_area()->slot[s];
}

static UINT slot_state(INT s)
{
	return __atomic_load_n(&slot_at(s)->state, __ATOMIC_ACQUIRE);
}

static void set_slot_state(INT s, UINT state)
{
	__atomic_store_n(&slot_at(s)->state, state, __ATOMIC_RELEASE);
}

static void release_slot(INT s)
{
	task_slot[slot_owner[s] - 1] = 0;
	slot_owner[s] = 0;
}

/* INHNO_BRIDGE (from brg_handler): wake the tasks whose calls are done. */
void vio_handler(void)
{
	FLGPTN done = 0U;
	INT s;

	for (s = 0; s < VIO_NSLOT; s++) {
		if (slot_owner[s] == 0 || slot_state(s) != UNITRON_VIO_DONE)
			continue;
		done |= (FLGPTN)1U << s;
		if (!slot_abandoned[s])
			continue;
		/* Its result is nobody's; a one-shot slot is free again. */
		slot_abandoned[s] = FALSE;
		set_slot_state(s, UNITRON_VIO_IDLE);
		if (!task_cont[slot_owner[s] - 1] && !slot_waiting[s])
			release_slot(s);
	}
	if (done != 0U)
		(void)iset_flg(VIO_FLG, done);
}

/* The calling task's slot, claimed if it has none: NO_SLOT if all taken. */
static INT own_slot(ID tskid)
{
	INT s = NO_SLOT, i;

	(void)loc_cpu();
	if (task_slot[tskid - 1] != 0) {
		s = task_slot[tskid - 1] - 1;
	} else {
		for (i = 0; i < VIO_NSLOT && s == NO_SLOT; i++) {
			if (slot_owner[i] == 0) {
				s = i;
				slot_owner[s] = tskid;
				task_slot[tskid - 1] = s + 1;
			}
		}
	}
	(void)unl_cpu();
	return s;
}

/* Wait until slot s is DONE (or IDLE too): E_OK, or E_RLWAI. */
static ER wait_slot(INT s, BOOL idle_too)
{
	FLGPTN bit = (FLGPTN)1U << s, ptn;
	UINT state;
	ER ercd;

	for (;;) {
		(void)clr_flg(VIO_FLG, ~bit);
		state = slot_state(s);
		if (state == UNITRON_VIO_DONE ||
		    (idle_too && state == UNITRON_VIO_IDLE))
			return E_OK;
		ercd = wai_flg(VIO_FLG, bit, TWF_ORW, &ptn);
		if (ercd != E_OK)
			return ercd;
	}
}

/*
 * The slot free for a new call: a call left by rel_wai (abandoned) may
 * still be on its way; the handler drops its result when it comes.
 */
static ER slot_ready(INT s)
{
	ER ercd;

	(void)loc_cpu();
	slot_waiting[s] = TRUE;
	(void)unl_cpu();
	ercd = wait_slot(s, TRUE);
	(void)loc_cpu();
	slot_waiting[s] = FALSE;
	if (ercd == E_OK) {
		slot_abandoned[s] = FALSE;
		set_slot_state(s, UNITRON_VIO_IDLE);
	}
	(void)unl_cpu();
	return ercd;
}

/* -1, err the calling task's errno (none outside a task). */
static INT fail(INT err)
{
	ID tskid;

	if (!sns_ctx() && !sns_loc() && get_tid(&tskid) == E_OK)
		task_errno[tskid - 1] = err;
	return -1;
}

/* A request, made and awaited; -1 and the task's errno on failure. */
struct vio_request {
	UINT		op;
	long long	arg[3];
	const void	*in;		/* into buf */
	UINT		inlen;
	void		*out;		/* out of buf */
	UINT		outsize;
};

static long long vio_call(const struct vio_request *rq)
{
	struct unitron_vio_slot *p_slot;
	long long result;
	ID tskid;
	INT s;

	/* Not a task, or one that cannot wait: no task's errno to set. */
	if (sns_ctx() || sns_loc() || get_tid(&tskid) != E_OK)
		return -1;
	if ((rq->in == NULL && rq->inlen > 0U) ||
	    (rq->out == NULL && rq->outsize > 0U))
		return fail(VIO_EFAULT);
	if (sns_dsp())
		return fail(VIO_EPERM);
	if (!brg_port_vio_attached())
		return fail(VIO_ENXIO);
	s = own_slot(tskid);
	if (s == NO_SLOT)
		return fail(VIO_EBUSY);
	if (slot_ready(s) != E_OK)
		return fail(VIO_EINTR);

	p_slot = slot_at(s);
	p_slot->op = rq->op;
	p_slot->cont = task_cont[tskid - 1];
	p_slot->arg[0] = rq->arg[0];
	p_slot->arg[1] = rq->arg[1];
	p_slot->arg[2] = rq->arg[2];
	p_slot->len = rq->inlen;
	brg_copy(p_slot->buf, rq->in, rq->inlen);
	p_slot->seq++;
	brg_port_vio_post((UINT)s);	/* REQUESTED, to its proxy */

	if (wait_slot(s, FALSE) != E_OK) {
		(void)loc_cpu();
		slot_abandoned[s] = TRUE;
		(void)unl_cpu();
		return fail(VIO_EINTR);
	}
	result = p_slot->result;
	if (result >= 0 && rq->out != NULL)
		brg_copy(rq->out, p_slot->buf, p_slot->len < rq->outsize ?
			   p_slot->len : rq->outsize);
	if (result < 0)
		task_errno[tskid - 1] = p_slot->err;
	(void)loc_cpu();
	set_slot_state(s, UNITRON_VIO_IDLE);
	if (!task_cont[tskid - 1])
		release_slot(s);
	(void)unl_cpu();
	return result < 0 ? -1 : result;
}

/* ---- the calls ---------------------------------------------------- */

static UINT string_length(const char *s)
{
	UINT n = 0;

	while (s[n] != '\0' && n < UNITRON_VIO_BUFSZ)
		n++;
	return n;
}

/* A call on a path (with its NUL, which must fit in the buffer). */
static long long path_call(UINT op, const char *path, long long arg0,
			   long long arg1, void *out, UINT outsize)
{
	struct vio_request rq = { op, { arg0, arg1, 0 }, path, 0, out,
				  outsize };

	if (path == NULL || string_length(path) >= UNITRON_VIO_BUFSZ)
		return fail(path == NULL ? VIO_EFAULT : VIO_ENAMETOOLONG);
	rq.inlen = string_length(path) + 1U;
	return vio_call(&rq);
}

static long long fd_call(UINT op, INT fd, long long arg1, long long arg2,
			 const void *in, UINT inlen, void *out, UINT outsize)
{
	struct vio_request rq = { op, { fd, arg1, arg2 }, in, inlen, out,
				  outsize };

	return vio_call(&rq);
}

static UINT clip(UINT len)
{
	return len < UNITRON_VIO_BUFSZ ? len : UNITRON_VIO_BUFSZ;
}

INT vio_open(const char *path, INT flags, INT mode)
{
	return (INT)path_call(UNITRON_VIO_OPEN, path, flags, mode, NULL, 0);
}

INT vio_close(INT fd)
{
	return (INT)fd_call(UNITRON_VIO_CLOSE, fd, 0, 0, NULL, 0, NULL, 0);
}

INT vio_read(INT fd, VP buf, UINT len)
{
	return (INT)fd_call(UNITRON_VIO_READ, fd, clip(len), 0, NULL, 0, buf,
			    clip(len));
}

INT vio_write(INT fd, const void *buf, UINT len)
{
	return (INT)fd_call(UNITRON_VIO_WRITE, fd, 0, 0, buf, clip(len), NULL,
			    0);
}

INT vio_pread(INT fd, VP buf, UINT len, long long offset)
{
	return (INT)fd_call(UNITRON_VIO_PREAD, fd, clip(len), offset, NULL, 0,
			    buf, clip(len));
}

INT vio_pwrite(INT fd, const void *buf, UINT len, long long offset)
{
	return (INT)fd_call(UNITRON_VIO_PWRITE, fd, 0, offset, buf, clip(len),
			    NULL, 0);
}

long long vio_lseek(INT fd, long long offset, INT whence)
{
	return fd_call(UNITRON_VIO_LSEEK, fd, offset, whence, NULL, 0, NULL, 0);
}

INT vio_stat(const char *path, T_VIO_STAT *p_stat)
{
	if (p_stat == NULL)
		return fail(VIO_EFAULT);
	return (INT)path_call(UNITRON_VIO_STAT, path, 0, 0, p_stat,
			      sizeof(*p_stat));
}

INT vio_fstat(INT fd, T_VIO_STAT *p_stat)
{
	return (INT)fd_call(UNITRON_VIO_FSTAT, fd, 0, 0, NULL, 0, p_stat,
			    p_stat != NULL ? sizeof(*p_stat) : 1U);
}

INT vio_unlink(const char *path)
{
	return (INT)path_call(UNITRON_VIO_UNLINK, path, 0, 0, NULL, 0);
}

INT vio_mkdir(const char *path, INT mode)
{
	return (INT)path_call(UNITRON_VIO_MKDIR, path, 0, mode, NULL, 0);
}

INT vio_readdir(INT fd, char *name, UINT size)
{
	return (INT)fd_call(UNITRON_VIO_READDIR, fd, 0, 0, NULL, 0, name,
			    name != NULL ? size : 1U);
}

INT vio_null(void)
{
	return (INT)fd_call(UNITRON_VIO_NULL, 0, 0, 0, NULL, 0, NULL, 0);
}

/* ---- continuation, errno --------------------------------------------- */

void vio_begin(void)
{
	ID tskid;

	if (get_tid(&tskid) == E_OK)
		task_cont[tskid - 1] = TRUE;
}

/*
 * Continuation off: the proxy ends with a last (null) call made one-shot,
 * closing the files it holds.
 */
INT vio_end(void)
{
	ID tskid;

	if (get_tid(&tskid) != E_OK)
		return -1;
	if (!task_cont[tskid - 1])
		return 0;
	task_cont[tskid - 1] = FALSE;
	if (task_slot[tskid - 1] == 0)
		return 0;
	return vio_null();
}

INT vio_errno(void)
{
	ID tskid;

	return get_tid(&tskid) == E_OK ? task_errno[tskid - 1] : VIO_EPERM;
}

#endif /* BRG_REQ_DTQ */
