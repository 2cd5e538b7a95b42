/*
 * Unitron - variable-size memory pools.
 */
#ifndef UNITRON_MEMPVAR_H
#define UNITRON_MEMPVAR_H

#include "wait.h"

/*
 * Every block, free or in use, starts with this header (MPL_HEADER
 * bytes, so that what follows keeps the alignment); free blocks are on
 * a list in address order, so that a released block merges with its
 * free neighbours.  The mark tells a block in use from anything else:
 * releasing a pointer that is not one is refused (E_PAR).
 */
typedef struct mempvar_block {
	SIZE			size;	/* with the header */
	union {
		struct mempvar_block *next;	/* when free */
		__UINTPTR_TYPE__ mark;	/* MPL_INUSE ^ address, in use */
	} u;
} MPLBLK;

#define MPL_ALIGN	(2U * sizeof(VP))
#define MPL_HEADER	((sizeof(MPLBLK) + MPL_ALIGN - 1U) & ~(MPL_ALIGN - 1U))
#define MPL_ROUND(sz)	(((SIZE)(sz) + MPL_ALIGN - 1U) & ~(SIZE)(MPL_ALIGN - 1U))

typedef struct mempvar_initialization_block {
	ATR		mplatr;
	SIZE		mplsz;
	VP		mpl;		/* the pool, mplsz bytes */
} MPLINIB;

typedef struct mempvar_control_block {
	QUEUE		wait_queue;
	const MPLINIB	*p_mplinib;
	MPLBLK		*freelist;	/* in address order */
	char		*start, *end;	/* the aligned pool */
	UINT		gen;		/* ini_mpl's count: in the marks */
} MPLCB;

typedef struct mempvar_waiting_information {
	WINFO		winfo;
	SIZE		blksz;
	VP		blk;
} WINFO_MPL;

extern const ID		tmax_mplid;
extern const ID		tmax_smplid;
extern const MPLINIB	mplinib_table[];
extern MPLINIB		amplinib_table[];
extern MPLCB		mplcb_table[];

#define TMIN_MPLID	1
#define VALID_MPLID(id)	(TMIN_MPLID <= (id) && (id) <= tmax_mplid)
#define get_mplcb(id)	(&mplcb_table[(id) - TMIN_MPLID])

/* Free bytes (in blocks' payloads) and the largest block; CPU locked. */
SIZE	mempvar_free(const MPLCB *p_mplcb, UINT *p_largest);

/*
 * The first waiting task left or changed places: the new first one's
 * request may be met.  CPU locked; the caller checks for a dispatch.
 */
void	mempvar_waiters_changed(MPLCB *p_mplcb);

#endif /* UNITRON_MEMPVAR_H */
