/*
 * Unitron - semaphores.
 */
#ifndef UNITRON_SEMAPHORE_H
#define UNITRON_SEMAPHORE_H

#include "wait.h"

typedef struct semaphore_initialization_block {
	ATR		sematr;
	UINT		isemcnt;
	UINT		maxsem;
} SEMINIB;

typedef struct semaphore_control_block {
	QUEUE		wait_queue;
	const SEMINIB	*p_seminib;
	UINT		semcnt;
} SEMCB;

extern const ID		tmax_semid;
extern const ID		tmax_ssemid;
extern const SEMINIB	seminib_table[];
extern SEMINIB		aseminib_table[];
extern SEMCB		semcb_table[];

#define TMIN_SEMID	1
#define VALID_SEMID(id)	(TMIN_SEMID <= (id) && (id) <= tmax_semid)
#define get_semcb(id)	(&semcb_table[(id) - TMIN_SEMID])

#endif /* UNITRON_SEMAPHORE_H */
