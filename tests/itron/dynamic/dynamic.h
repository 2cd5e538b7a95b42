/* Conformance: dynamic creation - the test's own names. */
#ifndef DYNAMIC_H
#define DYNAMIC_H

/* IDs reserved for cre_xxx and acre_xxx, per kind (AID_XXX). */
#define NA_TSK		3
#define NA_SEM		3
#define NA_FLG		2
#define NA_DTQ		3	/* the last one measures the kernel pool */
#define NA_PDQ		2
#define NA_MBX		2
#define NA_MTX		3
#define NA_MBF		2
#define NA_POR		2
#define NA_MPF		2
#define NA_MPL		2
#define NA_CYC		2
#define NA_ALM		2

/*
 * The kernel pool (DEF_MPK): one created task's stack and a few small
 * areas, not two stacks.  A create-and-delete loop that leaked a stack
 * would run out at its second round.
 */
#define MPK_SIZE	(TSZ_TSKSTK(STK) + 4096)

#endif /* DYNAMIC_H */
