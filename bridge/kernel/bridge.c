/*
 * Unitron bridge - the µITRON side: Linux processes' calls on data
 * queues and mailboxes, carried out by worker tasks.
 *
 * The transport's interrupt handler queues each new call on BRG_REQ_DTQ;
 * a free worker takes it and makes the service call itself, with the
 * caller's timeout, so the call waits in the object's wait queue as a
 * task would.  A call the process gave up (a signal, its exit) ends as
 * rel_wai would end it: the handler releases the worker's wait, or, when
 * the worker is between taking the call and waiting (the handler
 * interrupted it, or a task preempted it), the canceller task does once
 * the worker waits: it runs one priority level below the workers, so a
 * worker that is ready always gets there first.
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

	if (call->op < UNITRON_BRG_SND_DTQ || call->op >= UNITRON_BRG_NOPS)
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

/* ---- the calls ------------------------------------------------------ */

void brg_copy(void *to, const void *from, UINT n)
{
	UB *t = to;
	const UB *f = from;

	while (n-- > 0U)
		*t++ = *f++;
}

static ER send_message(ID mbxid, BRG_CALL *call)
{
	T_BRGMSG *p_msg;
	ER ercd;

	ercd = vbrg_get_msg(&p_msg, call->tmout);
	if (ercd != E_OK)
		return ercd;
	p_msg->msgque.msgpri = (PRI)call->data;
	p_msg->len = call->len;
	brg_copy(p_msg->data, call->msg, call->len);
	ercd = snd_mbx(mbxid, (T_MSG *)p_msg);
	if (ercd != E_OK)
		(void)vbrg_rel_msg(p_msg);
	return ercd;
}

static ER receive_message(ID mbxid, BRG_CALL *call)
{
	T_MSG *pk_msg;
	T_BRGMSG *p_msg;
	ER ercd;

	ercd = trcv_mbx(mbxid, &pk_msg, call->tmout);
	if (ercd != E_OK)
		return ercd;
	p_msg = (T_BRGMSG *)pk_msg;
	/* Not a bridge message (a task's mistake): nothing is copied. */
	if (p_msg->len > BRG_MSGSZ)
		return E_SYS;
	call->len = p_msg->len;
	brg_copy(call->msg, p_msg->data,
		   p_msg->len < call->size ? p_msg->len : call->size);
	return vbrg_rel_msg(p_msg);
}

static ER perform(BRG_CALL *call)
{
	ID id = object(call->obj)->id;

	switch (call->op) {
	case UNITRON_BRG_SND_DTQ:
		return tsnd_dtq(id, call->data, call->tmout);
	case UNITRON_BRG_FSND_DTQ:
		return fsnd_dtq(id, call->data);
	case UNITRON_BRG_RCV_DTQ:
		return trcv_dtq(id, &call->data, call->tmout);
	case UNITRON_BRG_SND_MBX:
		return send_message(id, call);
	default:	/* UNITRON_BRG_RCV_MBX: brg_check() let no other in */
		return receive_message(id, call);
	}
}

void brg_worker(VP_INT exinf)
{
	BRG_CALL *call;
	VP_INT item;
	BOOL cancelled;
	ID self;

	(void)exinf;
	(void)get_tid(&self);
	for (;;) {
		/* A late cancel may release this wait: then wait again. */
		if (rcv_dtq(BRG_REQ_DTQ, &item) != E_OK)
			continue;
		call = (BRG_CALL *)item;
		(void)loc_cpu();
		cancelled = call->cancel;
		call->state = BRG_RUNNING;
		call->worker = self;
		(void)unl_cpu();
		call->ercd = cancelled ? E_RLWAI : perform(call);
		(void)loc_cpu();
		call->state = BRG_IDLE;
		(void)unl_cpu();
		brg_port_done(call);
	}
}

/*
 * Release the waits of cancelled calls.  With dispatching disabled no
 * worker can finish its call and take another between the test and
 * rel_wai.
 */
void brg_canceller(VP_INT exinf)
{
	BRG_CALL *call;
	UINT i;

	(void)exinf;
	for (;;) {
		(void)slp_tsk();
		(void)dis_dsp();
		for (i = 0; (call = brg_port_call(i)) != NULL; i++)
			if (call->cancel && call->state == BRG_RUNNING)
				(void)rel_wai(call->worker);
		(void)ena_dsp();
	}
}

static void cancel_calls(void)
{
	BRG_CALL *call;
	UINT i;

	for (i = 0; (call = brg_port_call(i)) != NULL; i++)
		if (call->cancel && call->state == BRG_RUNNING &&
		    irel_wai(call->worker) == E_OBJ)
			(void)iwup_tsk(BRG_CANCELLER);
}

/* INHNO_BRIDGE: new calls from Linux, and calls given up. */
void brg_handler(void)
{
	BRG_CALL *call;

	brg_port_ack();
	while ((call = brg_port_fetch()) != NULL) {
		call->state = BRG_QUEUED;
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
