/*
 * The status text (systask/status.c, `unitronctl ps`) with reserved IDs,
 * on the posix port, for tests/host/status.t: each snapshot after a line
 * "== TITLE".
 *   configured  not live: the static objects, as the .cfg has them
 *   created     live, with an object created on the last reserved ID of
 *               each kind (the first stays free): a task waiting on the
 *               created semaphore, the created mutex locked, the created
 *               handlers started
 *   deleted     live, after deleting them
 */
#include <stdio.h>
#include <stdlib.h>
#include <t_services.h>
#include "kernel_id.h"
#include "ps.h"
#include "status.h"

/* The last reserved ID of a kind with tnum static objects. */
#define CREATED(tnum)	((ID)((tnum) + NA))

static void put(char c, void *arg)
{
	putc(c, arg);
}

static void show(const char *title, BOOL live)
{
	struct ps_snap s = {
		.task = calloc(tmax_tskid, sizeof(*s.task)),
		.obj = calloc(status_objects(), sizeof(*s.obj)),
		.waiter = calloc(tmax_tskid, sizeof(*s.waiter)),
	};

	if (s.task == NULL || s.obj == NULL || s.waiter == NULL)
		abort();
	loc_cpu();
	status_take(&s, live);
	unl_cpu();
	printf("== %s\n", title);
	status_write(&s, put, stdout);
	fflush(stdout);
	free(s.task);
	free(s.obj);
	free(s.waiter);
}

void handler(VP_INT exinf)
{
}

void waiter(VP_INT exinf)
{
	(void)wai_sem(CREATED(TNUM_SEMID));	/* E_DLT at del_sem */
}

/* Stops the system at the first error. */
static void check(ER ercd, const char *call)
{
	if (ercd >= 0)
		return;
	printf("%s: %s\n", call, itron_strerror(ercd));
	ext_ker();
}

#define TRY(call)	check((call), #call)

static void create(void)
{
	static const T_CTSK ctsk = { TA_HLNG, 0, (FP)waiter, WAITER_PRI,
				     STK, NULL };
	static const T_CSEM csem = { TA_TFIFO, 0, 9 };
	static const T_CFLG cflg = { TA_TFIFO | TA_WSGL, 0x42 };
	static const T_CDTQ cdtq = { TA_TFIFO, 5, NULL };
	static const T_CPDQ cpdq = { TA_TFIFO, 6, 4, NULL };
	static const T_CMBX cmbx = { TA_TFIFO | TA_MFIFO, 1, NULL };
	static const T_CMTX cmtx = { TA_TFIFO, 1 };
	static const T_CMBF cmbf = { TA_TFIFO, 8, 40, NULL };
	static const T_CPOR cpor = { TA_TFIFO, 11, 12 };
	static const T_CMPF cmpf = { TA_TFIFO, 3, 24, NULL };
	static const T_CMPL cmpl = { TA_TFIFO, 256, NULL };
	static const T_CCYC ccyc = { TA_HLNG | TA_STA, 0, (FP)handler, 250, 0 };
	static const T_CALM calm = { TA_HLNG, 0, (FP)handler };

	TRY(cre_sem(CREATED(TNUM_SEMID), &csem));
	TRY(cre_flg(CREATED(TNUM_FLGID), &cflg));
	TRY(cre_dtq(CREATED(TNUM_DTQID), &cdtq));
	TRY(cre_pdq(CREATED(TNUM_PDQID), &cpdq));
	TRY(cre_mbx(CREATED(TNUM_MBXID), &cmbx));
	TRY(cre_mtx(CREATED(TNUM_MTXID), &cmtx));
	TRY(cre_mbf(CREATED(TNUM_MBFID), &cmbf));
	TRY(cre_por(CREATED(TNUM_PORID), &cpor));
	TRY(cre_mpf(CREATED(TNUM_MPFID), &cmpf));
	TRY(cre_mpl(CREATED(TNUM_MPLID), &cmpl));
	TRY(cre_cyc(CREATED(TNUM_CYCID), &ccyc));
	TRY(cre_alm(CREATED(TNUM_ALMID), &calm));
	TRY(cre_tsk(CREATED(TNUM_TSKID), &ctsk));
	TRY(sta_alm(CREATED(TNUM_ALMID), 1000));
	TRY(loc_mtx(CREATED(TNUM_MTXID)));
	TRY(act_tsk(CREATED(TNUM_TSKID)));	/* waits at once */
}

static void delete(void)
{
	TRY(unl_mtx(CREATED(TNUM_MTXID)));
	TRY(del_sem(CREATED(TNUM_SEMID)));	/* the waiter ends */
	TRY(del_tsk(CREATED(TNUM_TSKID)));
	TRY(del_flg(CREATED(TNUM_FLGID)));
	TRY(del_dtq(CREATED(TNUM_DTQID)));
	TRY(del_pdq(CREATED(TNUM_PDQID)));
	TRY(del_mbx(CREATED(TNUM_MBXID)));
	TRY(del_mtx(CREATED(TNUM_MTXID)));
	TRY(del_mbf(CREATED(TNUM_MBFID)));
	TRY(del_por(CREATED(TNUM_PORID)));
	TRY(del_mpf(CREATED(TNUM_MPFID)));
	TRY(del_mpl(CREATED(TNUM_MPLID)));
	TRY(del_cyc(CREATED(TNUM_CYCID)));
	TRY(del_alm(CREATED(TNUM_ALMID)));
}

void main_task(VP_INT exinf)
{
	show("configured", FALSE);
	create();
	show("created", TRUE);
	delete();
	show("deleted", TRUE);
	ext_ker();
}
