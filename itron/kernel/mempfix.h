/*
 * Unitron - fixed-size memory pools.
 */
#ifndef UNITRON_MEMPFIX_H
#define UNITRON_MEMPFIX_H

#include "wait.h"

/*
 * Free-list links live in a management array beside the pool, not in the
 * blocks themselves, so a task writing past its block cannot corrupt the
 * pool, and releasing a block twice is detected.
 */
typedef struct mempfix_management_block {
	UINT		next;		/* next free index, or a marker */
} MPFMB;

#define MPFMB_NULL	(~0U)		/* end of the free list */
#define MPFMB_ALLOC	(~0U - 1U)	/* the block is in use */

/* Block size as laid out in the pool: rounded up to pointer alignment. */
#define ROUND_MPF_T(blksz) \
	(((SIZE)(blksz) + sizeof(VP) - 1U) & ~(SIZE)(sizeof(VP) - 1U))

typedef struct mempfix_initialization_block {
	ATR		mpfatr;
	UINT		blkcnt;
	SIZE		blksz;		/* rounded up to pointer alignment */
	VP		mpf;		/* the pool, blkcnt * blksz bytes */
	MPFMB		*p_mpfmb;	/* blkcnt entries */
} MPFINIB;

typedef struct mempfix_control_block {
	QUEUE		wait_queue;
	const MPFINIB	*p_mpfinib;
	UINT		freelist;	/* first free index or MPFMB_NULL */
	UINT		fblkcnt;	/* free blocks */
} MPFCB;

typedef struct mempfix_waiting_information {
	WINFO		winfo;
	VP		blk;
} WINFO_MPF;

extern const ID		tmax_mpfid;
extern const ID		tmax_smpfid;
extern const MPFINIB	mpfinib_table[];
extern MPFINIB		ampfinib_table[];
extern MPFCB		mpfcb_table[];

#define TMIN_MPFID	1
#define VALID_MPFID(id)	(TMIN_MPFID <= (id) && (id) <= tmax_mpfid)
#define get_mpfcb(id)	(&mpfcb_table[(id) - TMIN_MPFID])

#endif /* UNITRON_MEMPFIX_H */
