/*
 * Conformance: rendezvous - cal_por tcal_por acp_por pacp_por tacp_por
 * fwd_por rpl_rdv ref_por ref_rdv, their error codes, both messages,
 * pattern matching, callers in TA_TFIFO and TA_TPRI order, a call's
 * timeout ending at its acceptance, the rendezvous number going stale
 * when the rendezvous ends (reply, rel_wai, ter_tsk), forwarding.
 */
#include "tests.h"

/* The tests run inside kernels too: no C library. */
static UINT str_len(const char *s)
{
	UINT n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

static BOOL str_eq(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static void str_copy(char *dst, const char *src)
{
	while ((*dst++ = *src++) != '\0')
		;
}

/* What a waiter does: call, or accept (and reply itself, or not). */
enum { OP_CAL, OP_ACP, OP_ACP_RPL };

/* The pattern and call message of the next waiter. */
static volatile RDVPTN	op_ptn;
static char		op_msg[16];
/* What each waiter got: its buffer, rendezvous number (by exinf). */
static char		got_msg[4][32];
static volatile RDVNO	got_rdvno[4];

void act_task(VP_INT exinf)
{
	char *buf = got_msg[exinf];
	RDVNO rdvno = 0;
	ER_UINT ercd;
	UINT i;

	for (i = 0; i < sizeof(got_msg[0]); i++)
		buf[i] = 0;
	switch (op) {
	case OP_CAL:
		str_copy(buf, op_msg);
		ercd = tcal_por(op_id, op_ptn, buf, str_len(buf) + 1, op_tmout);
		break;
	default:
		ercd = tacp_por(op_id, op_ptn, &rdvno, buf, op_tmout);
		got_rdvno[exinf] = rdvno;
		if (op == OP_ACP_RPL && ercd >= 0)
			(void)rpl_rdv(rdvno, "reply", 6);
		break;
	}
	record((INT)exinf, ercd >= 0 ? E_OK : ercd, ercd);
}

static void call_as(ID tskid, ID porid, RDVPTN ptn, const char *msg,
		    TMO tmout)
{
	op_ptn = ptn;
	str_copy(op_msg, msg);
	start(tskid, OP_CAL, porid, tmout);
}

static void accept_as(ID tskid, INT how, ID porid, RDVPTN ptn, TMO tmout)
{
	op_ptn = ptn;
	start(tskid, how, porid, tmout);
}

static T_RTSK task(ID tskid)
{
	T_RTSK r = { 0xff, -1, -1, 0xff, -1, -2, 99, 99, 99 };

	(void)ref_tsk(tskid, &r);
	return r;
}

static ID caller_of(RDVNO rdvno)
{
	T_RRDV r = { -1 };

	(void)ref_rdv(rdvno, &r);
	return r.wtskid;
}

static volatile ER	sw_ercd[4];

void swi_handler(void)
{
	char buf[16];
	RDVNO rdvno;

	sw_ercd[0] = tcal_por(POR1, 1, buf, 1, TMO_POL);
	sw_ercd[1] = pacp_por(POR1, 1, &rdvno, buf);
	sw_ercd[2] = rpl_rdv(1, buf, 1);
	sw_ercd[3] = fwd_por(POR1, 1, 1, buf, 1);
}

static void test_errors(void)
{
	char buf[64];
	RDVNO rdvno;
	T_RPOR rpor;
	ER_UINT e[4];
	SYSTIM t0, dt;

	ER_IS(cal_por(0, 1, buf, 1), E_ID);
	ER_IS(tcal_por(TNUM_PORID + 1, 1, buf, 1, 10), E_ID);
	ER_IS(acp_por(0, 1, &rdvno, buf), E_ID);
	ER_IS(pacp_por(TNUM_PORID + 1, 1, &rdvno, buf), E_ID);
	ER_IS(fwd_por(0, 1, 1, buf, 1), E_ID);
	ER_IS(ref_por(0, &rpor), E_ID);
	tap_ercd(tcal_por(POR1, 0, buf, 1, TMO_POL), E_PAR, "calptn 0: E_PAR");
	tap_ercd(tcal_por(POR1, 1, buf, 17, TMO_POL), E_PAR,
		 "cmsgsz above maxcmsz: E_PAR");
	ER_IS(tcal_por(POR1, 1, NULL, 1, TMO_POL), E_PAR);
	ER_IS(tcal_por(POR1, 1, buf, 1, -100), E_PAR);
	tap_ercd(pacp_por(POR1, 0, &rdvno, buf), E_PAR, "acpptn 0: E_PAR");
	ER_IS(pacp_por(POR1, 1, NULL, buf), E_PAR);
	ER_IS(pacp_por(POR1, 1, &rdvno, NULL), E_PAR);
	ER_IS(ref_por(POR1, NULL), E_PAR);
	ER_IS(ref_rdv(1, NULL), E_PAR);
	tap_ercd(rpl_rdv(0x12345, buf, 1), E_OBJ, "rpl_rdv: no such rendezvous");
	tap_ercd(fwd_por(POR1, 1, 0x12345, buf, 1), E_OBJ,
		 "fwd_por: no such rendezvous");
	INT_IS(caller_of(0x12345), TSK_NONE);

	tap_ercd(tcal_por(POR1, 1, buf, 1, TMO_POL), E_TMOUT,
		 "tcal_por(TMO_POL), no acceptor: E_TMOUT");
	ER_IS(pacp_por(POR1, 1, &rdvno, buf), E_TMOUT);
	t0 = now();
	ER_IS(tacp_por(POR1, 1, &rdvno, buf, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);
	t0 = now();
	ER_IS(tcal_por(POR1, 1, buf, 1, 20), E_TMOUT);
	dt = now() - t0;
	OK(dt >= 20 && dt < 1000);

	loc_cpu();
	e[0] = tcal_por(POR1, 1, buf, 1, TMO_POL);
	e[1] = pacp_por(POR1, 1, &rdvno, buf);
	e[2] = rpl_rdv(1, buf, 1);
	e[3] = ref_por(POR1, &rpor);
	unl_cpu();
	ER_IS(e[0], E_CTX);
	ER_IS(e[1], E_CTX);
	ER_IS(e[2], E_CTX);
	ER_IS(e[3], E_CTX);
	dis_dsp();
	e[0] = cal_por(POR1, 1, buf, 1);
	e[1] = tcal_por(POR1, 1, buf, 1, TMO_POL);
	e[2] = pacp_por(POR1, 1, &rdvno, buf);
	e[3] = tacp_por(POR1, 1, &rdvno, buf, TMO_POL);
	ena_dsp();
	ER_IS(e[0], E_CTX);
	tap_ercd(e[1], E_CTX, "a call always may wait: E_CTX with "
		 "dispatching disabled");
	tap_ercd(e[2], E_TMOUT, "pacp_por polls with dispatching disabled");
	ER_IS(e[3], E_CTX);
	ER_IS(ras_int(INTNO_SWI1), E_OK);
	ER_IS(sw_ercd[0], E_CTX);
	ER_IS(sw_ercd[1], E_CTX);
	ER_IS(sw_ercd[2], E_CTX);
	ER_IS(sw_ercd[3], E_CTX);
}

static void test_call_accept(void)
{
	char buf[64];
	RDVNO rdvno = 0;
	T_RPOR rpor;
	T_RTSK r;

	/* The caller waits; the main task accepts and replies. */
	rec_reset();
	call_as(TASK2, POR1, 0x1, "hello", TMO_FEVR);
	ER_IS(ref_por(POR1, &rpor), E_OK);
	tap_int(rpor.ctskid, TASK2, "ref_por: the waiting caller");
	INT_IS(rpor.atskid, TSK_NONE);
	r = task(TASK2);
	tap_int(r.tskwait, TTW_CAL, "the caller waits: TTW_CAL");
	INT_IS(r.wobjid, POR1);
	tap_int(pacp_por(POR1, 0x1, &rdvno, buf), 6,
		"pacp_por: the call message's length");
	tap_ok(str_eq(buf, "hello"), "... and the message");
	tap_int(task(TASK2).tskwait, TTW_RDV, "the caller is in the "
		"rendezvous: TTW_RDV");
	tap_int(caller_of(rdvno), TASK2, "ref_rdv: the caller");
	INT_IS(nrec, 0);
	tap_ercd(rpl_rdv(rdvno, "too long a reply", 17), E_PAR,
		 "rpl_rdv: rmsgsz above maxrmsz");
	ER_IS(rpl_rdv(rdvno, "world!", 7), E_OK);
	tap_int(nrec, 1, "rpl_rdv releases the caller (it preempts)");
	tap_int(rec_val[0], 7, "... with the reply's length");
	tap_ok(str_eq(got_msg[2], "world!"), "... and the reply");
	tap_ercd(rpl_rdv(rdvno, "x", 2), E_OBJ, "a second reply: E_OBJ");
	tap_int(caller_of(rdvno), TSK_NONE, "ref_rdv: over");

	/* The acceptor waits; the main task calls. */
	rec_reset();
	accept_as(TASK2, OP_ACP_RPL, POR1, 0x2, TMO_FEVR);
	ER_IS(ref_por(POR1, &rpor), E_OK);
	tap_int(rpor.atskid, TASK2, "ref_por: the waiting acceptor");
	INT_IS(task(TASK2).tskwait, TTW_ACP);
	str_copy(buf, "abc");
	tap_int(cal_por(POR1, 0x6, buf, 4), 6,
		"cal_por: the reply's length (patterns 0x6 and 0x2 meet)");
	tap_ok(str_eq(buf, "reply"), "... and the reply");
	tap_ok(str_eq(got_msg[2], "abc"), "the acceptor got the call");
	INT_IS(rec_val[0], 4);

	/* Patterns that do not meet. */
	rec_reset();
	accept_as(TASK2, OP_ACP, POR1, 0x4, 1000);
	tap_ercd(tcal_por(POR1, 0x3, buf, 1, TMO_POL), E_TMOUT,
		 "patterns without a common bit do not meet");
	ER_IS(rel_wai(TASK2), E_OK);
}

static void test_order(void)
{
	char buf[64];
	RDVNO rdvno[3];
	UINT i;

	/* Callers skipped when their pattern does not match. */
	rec_reset();
	call_as(TASK1, POR1, 0x1, "one", TMO_FEVR);
	call_as(TASK3, POR1, 0x2, "three", TMO_FEVR);
	tap_int(pacp_por(POR1, 0x2, &rdvno[0], buf), 6,
		"a later caller whose pattern matches is taken");
	tap_int(caller_of(rdvno[0]), TASK3, "... TASK3");
	ER_IS(pacp_por(POR1, 0x1, &rdvno[1], buf), 4);
	ER_IS(rpl_rdv(rdvno[1], "", 1), E_OK);
	ER_IS(rpl_rdv(rdvno[0], "", 1), E_OK);
	tap_int(rec_order(), 13, "both replied");

	/* TA_TPRI: callers by priority. */
	rec_reset();
	call_as(TASK1, POR_TPRI, 0x1, "1", TMO_FEVR);
	call_as(TASK2, POR_TPRI, 0x1, "2", TMO_FEVR);
	call_as(TASK3, POR_TPRI, 0x1, "3", TMO_FEVR);
	for (i = 0; i < 3; i++) {
		(void)pacp_por(POR_TPRI, 0x1, &rdvno[i], buf);
		got_msg[0][i] = buf[0];
	}
	tap_ok(got_msg[0][0] == '3' && got_msg[0][1] == '2' &&
	       got_msg[0][2] == '1', "TA_TPRI: callers accepted by priority");
	for (i = 0; i < 3; i++)
		(void)rpl_rdv(rdvno[2 - i], "", 1);
	tap_int(rec_order(), 123, "replies end the rendezvous in any order");
}

static void test_ending(void)
{
	char buf[64];
	RDVNO rdvno = 0;

	/* The call's timeout bounds only the wait for an acceptor. */
	rec_reset();
	call_as(TASK2, POR1, 0x1, "t", 30);
	ER_IS(pacp_por(POR1, 0x1, &rdvno, buf), 2);
	(void)dly_tsk(60);
	tap_int(nrec, 0, "accepted: the call no longer times out");
	ER_IS(rpl_rdv(rdvno, "", 1), E_OK);
	INT_IS(nrec, 1);

	/* rel_wai and ter_tsk end a rendezvous: its number goes stale. */
	rec_reset();
	call_as(TASK2, POR1, 0x1, "r", TMO_FEVR);
	ER_IS(pacp_por(POR1, 0x1, &rdvno, buf), 2);
	ER_IS(rel_wai(TASK2), E_OK);
	tap_ercd(rec_ercd[0], E_RLWAI, "rel_wai: the caller gets E_RLWAI");
	tap_ercd(rpl_rdv(rdvno, "", 1), E_OBJ, "... the reply then E_OBJ");
	call_as(TASK2, POR1, 0x1, "t", TMO_FEVR);
	ER_IS(pacp_por(POR1, 0x1, &rdvno, buf), 2);
	ER_IS(ter_tsk(TASK2), E_OK);
	tap_ercd(rpl_rdv(rdvno, "", 1), E_OBJ, "ter_tsk: the reply E_OBJ");
	INT_IS(caller_of(rdvno), TSK_NONE);
}

static void test_forward(void)
{
	char buf[64];
	RDVNO rdvno = 0, rdvno2 = 0;

	rec_reset();
	call_as(TASK2, POR1, 0x1, "abc", TMO_FEVR);
	ER_IS(pacp_por(POR1, 0x1, &rdvno, buf), 4);
	tap_ercd(fwd_por(POR_BIG, 0x1, rdvno, "x", 2), E_ILUSE,
		 "fwd_por to a port with longer replies: E_ILUSE");
	ER_IS(fwd_por(POR1, 0, rdvno, "x", 2), E_PAR);
	ER_IS(fwd_por(POR_TPRI, 0x1, rdvno, "xyz", 4), E_OK);
	tap_int(task(TASK2).tskwait, TTW_CAL, "forwarded: the caller calls "
		"the other port");
	INT_IS(task(TASK2).wobjid, POR_TPRI);
	tap_ercd(rpl_rdv(rdvno, "", 1), E_OBJ, "the old number is stale");
	tap_int(pacp_por(POR_TPRI, 0x1, &rdvno2, buf), 4,
		"accepted there, with the forwarded message");
	tap_ok(str_eq(buf, "xyz") && rdvno2 != rdvno, "... a new number");
	ER_IS(rpl_rdv(rdvno2, "done", 5), E_OK);
	tap_int(rec_val[0], 5, "the reply reaches the first caller");
	tap_ok(str_eq(got_msg[2], "done"), "... into its buffer");

	/* Forwarded to a waiting acceptor: it gets the call at once. */
	rec_reset();
	accept_as(TASK3, OP_ACP, POR_SMALL, 0x1, TMO_FEVR);
	call_as(TASK2, POR1, 0x1, "abc", TMO_FEVR);
	ER_IS(pacp_por(POR1, 0x1, &rdvno, buf), 4);
	ER_IS(fwd_por(POR_SMALL, 0x1, rdvno, "fwd", 4), E_OK);
	tap_int(rec_order(), 3, "fwd_por to a waiting acceptor releases it");
	tap_ok(str_eq(got_msg[3], "fwd"), "... with the message");
	tap_ercd(fwd_por(POR1, 0x1, got_rdvno[3], "0123456789", 11), E_PAR,
		 "fwd_por: a message the caller's reply room cannot hold");
	ER_IS(rpl_rdv(got_rdvno[3], "small", 6), E_OK);
	tap_int(rec_order(), 32, "the caller gets the reply");
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	test_errors();
	test_call_accept();
	test_order();
	test_ending();
	test_forward();
	tap_done();
}
