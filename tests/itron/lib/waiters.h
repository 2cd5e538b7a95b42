/*
 * Unitron conformance tests - waiter bookkeeping for the object tests.
 *
 * An object test activates waiter tasks (act_task) that block on the
 * object under test.  As each wait ends, the waiter records who it is,
 * the error code and a value: the datum, message, block, pattern or time
 * it got.  The test then checks how many came back, in which order and
 * with what.  Waiters and the main task run on one µITRON CPU, so the
 * record needs no lock; it is volatile because other tasks write it
 * between the main task's service calls.
 */
#ifndef UNITRON_WAITERS_H
#define UNITRON_WAITERS_H

#include <t_services.h>

/* More waiters than any test has returning between two rec_reset()s. */
#define REC_MAX		8

/* Returned waiters: nrec of them, in the order they returned. */
extern volatile UINT	nrec;
extern volatile INT	rec_who[REC_MAX];
extern volatile ER	rec_ercd[REC_MAX];
extern volatile VP_INT	rec_val[REC_MAX];

/* Called by a waiter as its wait ends. */
void	record(INT who, ER ercd, VP_INT val);
/* Forget every waiter recorded so far. */
void	rec_reset(void);
/* The waiters recorded so far as digits in order: 132 = 1, 3, 2. */
INT	rec_order(void);
/* Whether every waiter recorded so far returned ercd. */
BOOL	rec_all(ER ercd);

/*
 * What the next waiter activated does: a test-defined operation (op) on
 * object op_id with timeout op_tmout.  A waiter reads them as it starts,
 * so start() suits waiters above the caller's priority, or one waiter at
 * a time below it.
 */
extern volatile INT	op;
extern volatile ID	op_id;
extern volatile TMO	op_tmout;

/* Set op, op_id and op_tmout, then activate waiter tskid. */
void	start(ID tskid, INT how, ID id, TMO tmout);
/* Let lower-priority tasks run until they block or end. */
void	yield_to_lower(void);
/* The system time, for measuring waits. */
SYSTIM	now(void);

#endif /* UNITRON_WAITERS_H */
