/*
 * Unitron conformance tests - waiter bookkeeping for the object tests.
 */
#include "tests.h"

volatile UINT	nrec;
volatile INT	rec_who[REC_MAX];
volatile ER	rec_ercd[REC_MAX];
volatile VP_INT	rec_val[REC_MAX];

volatile INT	op;
volatile ID	op_id;
volatile TMO	op_tmout;

void record(INT who, ER ercd, VP_INT val)
{
	/* A test that lets more waiters return fails rather than overruns. */
	if (nrec >= REC_MAX) {
		tap_ok(FALSE, "more waiters returned than REC_MAX");
		return;
	}
	rec_who[nrec] = who;
	rec_ercd[nrec] = ercd;
	rec_val[nrec] = val;
	nrec++;
}

void rec_reset(void)
{
	nrec = 0U;
}

INT rec_order(void)
{
	INT v = 0;
	UINT i;

	for (i = 0; i < nrec; i++)
		v = v * 10 + rec_who[i];
	return v;
}

BOOL rec_all(ER ercd)
{
	UINT i;

	for (i = 0; i < nrec; i++)
		if (rec_ercd[i] != ercd)
			return FALSE;
	return TRUE;
}

void start(ID tskid, INT how, ID id, TMO tmout)
{
	op = how;
	op_id = id;
	op_tmout = tmout;
	(void)act_tsk(tskid);
}

void yield_to_lower(void)
{
	/* Below every task, then back: the others run in between. */
	(void)chg_pri(TSK_SELF, LOW_PRI + 1);
	(void)chg_pri(TSK_SELF, TPRI_INI);
}

SYSTIM now(void)
{
	SYSTIM t;

	(void)get_tim(&t);
	return t;
}
