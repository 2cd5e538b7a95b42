/*
 * Unitron bridge - the µITRON side: Linux processes' calls on data
 * queues and mailboxes, carried out by worker tasks.
 *
 * The transport's interrupt handler queues each new call on BRG_REQ_DTQ;
 * a free worker takes it and makes the service call itself, with the
 * caller's timeout, so the call waits in the object's wait queue as a
 * task would.
 *
 * A call ends on time even when tasks above the workers never let them
 * run.  The transport enforces the caller's deadline itself (the
 * timeout, at least UNITRON_BRG_POLL_MS) and gives up on a call on a
 * signal or the
 * process's exit.  It withdraws a call no worker has taken by itself
 * (owner: one compare-and-swap against the worker's claim): no effect.
 * It marks a taken call (cancel) and raises INHNO_BRIDGE; the handler,
 * which runs whatever the tasks do, ends it there: the worker's guard
 * (vxset_grd) tells, atomically with the service call's effect, whether
 * that call has not begun or waits (then it never has an effect: E_TMOUT
 * or E_RLWAI) or has ended (then its result is the answer).  The worker
 * does everything else with dispatching disabled, where only handlers
 * can delay it; the handler leaves those moments to it.
 *
 * Compiled with every application; empty unless it includes bridge.cfg.
 */
#include <kernel.h>
#include "kernel_id.h"

#ifdef BRG_REQ_DTQ
#include "bridge_port.h"

/* ---- checks made on the Linux side, before a call is queued ------- */

static const BRGINIB *object(INT obj)
{
	if (obj < 1 || (UINT)obj > tnum_brgobj)
		return NULL;
	return &brginib_table[obj - 1];
}

static UINT kind_of_op(UINT op)
{
	return op == UNITRON_BRG_SND_MBX || op == UNITRON_BRG_RCV_MBX ?
	       TBRG_MBX : TBRG_DTQ;
}

ER brg_check(const BRG_CALL *call)
{
	const BRGINIB *p_obj = object(call->obj);

	/* LOOKUP and NAME are the transport's (brg_lookup, brg_name). */
	if (call->op < UNITRON_BRG_SND_DTQ || call->op > UNITRON_BRG_RCV_MBX)
		return E_RSFN;
	if (p_obj == NULL)
		return E_ID;
	if (p_obj->kind != kind_of_op(call->op))
		return E_OBJ;
	if (call->tmout < TMO_FEVR)
		return E_PAR;
	if (call->op == UNITRON_BRG_SND_MBX && call->len > BRG_MSGSZ)
		return E_PAR;
	return E_OK;
}

static BOOL same_name(const char *name, const char *s, UINT len)
{
	UINT i;

	for (i = 0; i < len; i++)
		if (name[i] != s[i] || s[i] == '\0')
			return FALSE;
	return name[len] == '\0';
}

ER brg_lookup(const char *s, UINT len, INT *p_obj, UINT *p_kind)
{
	UINT i;

	for (i = 0; i < tnum_brgobj; i++) {
		if (same_name(brginib_table[i].name, s, len)) {
			*p_obj = (INT)i + 1;
			*p_kind = brginib_table[i].kind;
			return E_OK;
		}
	}
	return E_NOEXS;
}

ER brg_name(INT obj, const char **p_name, UINT *p_kind)
{
	const BRGINIB *p_obj = object(obj);

	if (p_obj == NULL)
		return E_ID;
	*p_name = p_obj->name;
	*p_kind = p_obj->kind;
	return E_OK;
}

/* ---- the calls ------------------------------------------------------ */

void brg_copy(void *to, const void *from, UINT n)
{
	UB *t = to;
	const UB *f = from;

	while (n-- > 0U)
		*t++ = *f++;
}

/* A received message into call->msg: E_OK, or E_SYS if it is not one of
 * the bridge's (a task's mistake: nothing is copied). */
static ER copy_message(BRG_CALL *call)
{
	T_BRGMSG *p_msg = (T_BRGMSG *)call->pk_msg;

	if (p_msg->len > BRG_MSGSZ)
		return E_SYS;
	call->len = p_msg->len;
	brg_copy(call->msg, p_msg->data,
		 p_msg->len < call->size ? p_msg->len : call->size);
	return E_OK;
}

static ER cancel_code(const BRG_CALL *call)
{
	return call->cancel == BRG_CANCEL_TMOUT ? E_TMOUT : E_RLWAI;
}

/*
 * A taken call's outcome once its guarded service call has ended with
 * ercd: a mailbox send has only got its block then, so it has had no
 * effect yet (and will have none: the worker sees the call answered).
 */
static ER ended_result(BRG_CALL *call, ER ercd, ER not_sent)
{
	if (call->op == UNITRON_BRG_SND_MBX && ercd == E_OK)
		return not_sent;
	if (call->op == UNITRON_BRG_RCV_MBX && ercd == E_OK)
		return copy_message(call);
	return ercd;
}

ER brg_stopped_result(BRG_CALL *call)
{
	if (call->owner != BRG_TAKEN || call->answered ||
	    call->phase != BRG_GUARDED || call->grd.state != TGRD_ENDED)
		return E_DLT;
	return ended_result(call, call->grd.ercd, E_DLT);
}

/*
 * The worker's one service call that may wait, made under its guard:
 * what a Linux process waits for in µITRON.  A forced send never waits:
 * it is made with dispatching disabled (finish()).
 */
static ER guarded_call(ID id, BRG_CALL *call)
{
	switch (call->op) {
	case UNITRON_BRG_SND_DTQ:
		return tsnd_dtq(id, call->data, call->tmout);
	case UNITRON_BRG_RCV_DTQ:
		return trcv_dtq(id, &call->data, call->tmout);
	case UNITRON_BRG_SND_MBX:
		return tget_mpf(BRG_MSG_MPF, (VP *)&call->pk_msg, call->tmout);
	case UNITRON_BRG_RCV_MBX:
		return trcv_mbx(id, &call->pk_msg, call->tmout);
	default:	/* UNITRON_BRG_FSND_DTQ: brg_check() let no other in */
		return E_OK;
	}
}

/* A mailbox send's message, in the block it got. */
static ER send_message(ID mbxid, BRG_CALL *call)
{
	T_BRGMSG *p_msg = (T_BRGMSG *)call->pk_msg;
	ER ercd;

	p_msg->msgque.msgpri = (PRI)call->data;
	p_msg->len = call->len;
	brg_copy(p_msg->data, call->msg, call->len);
	ercd = snd_mbx(mbxid, call->pk_msg);
	if (ercd != E_OK)
		(void)vbrg_rel_msg(p_msg);
	return ercd;
}

/*
 * The rest of a call, with dispatching disabled, after its guarded call
 * ended with ercd: the effects that never wait, and the blocks that go
 * back.  answered: brg_handler ended the call already (its guarded call
 * had no effect, or its result was taken): no further effect.
 */
static ER finish(ID id, BRG_CALL *call, ER ercd, BOOL answered)
{
	switch (call->op) {
	case UNITRON_BRG_FSND_DTQ:
		return answered ? E_RLWAI : fsnd_dtq(id, call->data);
	case UNITRON_BRG_SND_MBX:
		if (ercd != E_OK)
			return ercd;
		if (answered) {
			(void)vbrg_rel_msg((T_BRGMSG *)call->pk_msg);
			return E_RLWAI;
		}
		return send_message(id, call);
	case UNITRON_BRG_RCV_MBX:
		if (ercd != E_OK)
			return ercd;
		if (((T_BRGMSG *)call->pk_msg)->len > BRG_MSGSZ)
			return E_SYS;	/* not the bridge's: not released */
		if (!answered)
			ercd = copy_message(call);
		(void)vbrg_rel_msg((T_BRGMSG *)call->pk_msg);
		return ercd;
	default:
		return ercd;
	}
}

/*
 * A worker takes each call from BRG_REQ_DTQ, unless the transport took
 * it back first (brg_port_claim), and makes the call's waiting service
 * call under a guard (kernel.h: vxset_grd) in phase BRG_GUARDED; the
 * rest runs with dispatching disabled (BRG_ATOMIC), where no task can
 * hold the worker up.  brg_handler may end a call in phase BRG_GUARDED
 * (cancel_calls); the worker then only gives back what it holds.
 */
void brg_worker(VP_INT exinf)
{
	BRG_CALL *call;
	VP_INT item;
	BOOL answered;
	ID self, id;
	ER ercd;

	(void)exinf;
	(void)get_tid(&self);
	for (;;) {
		/* A late rel_wai may release this wait: then wait again. */
		if (rcv_dtq(BRG_REQ_DTQ, &item) != E_OK)
			continue;
		call = (BRG_CALL *)item;
		/* The handler looks at a call only once it is taken. */
		call->worker = self;
		call->phase = BRG_GUARDED;
		call->answered = FALSE;
		call->grd.state = TGRD_OPEN;
		if (!brg_port_claim(call)) {
			brg_port_release(call);
			continue;
		}
		id = object(call->obj)->id;
		(void)vxset_grd(&call->grd);
		ercd = guarded_call(id, call);
		(void)vxset_grd(NULL);
		(void)dis_dsp();
		(void)loc_cpu();
		call->phase = BRG_ATOMIC;
		answered = call->answered;
		(void)unl_cpu();
		ercd = finish(id, call, ercd, answered);
		if (!answered) {
			call->ercd = ercd;
			call->answered = TRUE;
			brg_port_done(call);
		}
		(void)ena_dsp();
		brg_port_release(call);
	}
}

/*
 * A taken call the transport gave up on, in phase BRG_GUARDED: its
 * guarded call has not begun, or waits (the guard is aborted, and the
 * wait released: no effect), or has ended (its result stands).  Either
 * way the call ends here, whether or not its worker ever runs again.
 */
static void end_call(BRG_CALL *call)
{
	ER ercd;

	if (call->grd.state == TGRD_OPEN) {
		call->grd.state = TGRD_ABORT;
		(void)irel_wai(call->worker);	/* E_OBJ: not waiting yet */
		ercd = cancel_code(call);
	} else {
		ercd = ended_result(call, call->grd.ercd, cancel_code(call));
	}
	call->ercd = ercd;
	call->answered = TRUE;
	brg_port_done(call);
}

static void cancel_calls(void)
{
	BRG_CALL *call;
	UINT i;

	for (i = 0; (call = brg_port_call(i)) != NULL; i++)
		if (call->cancel != 0U && call->owner == BRG_TAKEN &&
		    call->phase == BRG_GUARDED && !call->answered)
			end_call(call);
}

/* INHNO_BRIDGE: new calls from Linux, and calls given up. */
void brg_handler(void)
{
	BRG_CALL *call;

	brg_port_ack();
	while ((call = brg_port_fetch()) != NULL) {
		if (call->owner == BRG_WITHDRAWN) {
			brg_port_release(call);
			continue;
		}
		/* BRG_REQ_DTQ holds every call there can be. */
		(void)ipsnd_dtq(BRG_REQ_DTQ, (VP_INT)call);
	}
	if (brg_port_cancelled())
		cancel_calls();
	vio_handler();
}

/* ---- messages for tasks --------------------------------------------- */

ER vbrg_get_msg(T_BRGMSG **pp_msg, TMO tmout)
{
	return tget_mpf(BRG_MSG_MPF, (VP *)pp_msg, tmout);
}

ER vbrg_rel_msg(T_BRGMSG *p_msg)
{
	return rel_mpf(BRG_MSG_MPF, p_msg);
}

void brg_initialize(VP_INT exinf)
{
	(void)exinf;
	brg_port_initialize();
}

#endif /* BRG_REQ_DTQ */
