/*
 * Unitron - eventflags.
 */
#ifndef UNITRON_EVENTFLAG_H
#define UNITRON_EVENTFLAG_H

#include "wait.h"

typedef struct eventflag_initialization_block {
	ATR		flgatr;
	FLGPTN		iflgptn;
} FLGINIB;

typedef struct eventflag_control_block {
	QUEUE		wait_queue;
	const FLGINIB	*p_flginib;
	FLGPTN		flgptn;
} FLGCB;

typedef struct eventflag_waiting_information {
	WINFO		winfo;
	FLGPTN		waiptn;
	MODE		wfmode;
	FLGPTN		flgptn;		/* pattern at release */
} WINFO_FLG;

extern const ID		tmax_flgid;
extern const ID		tmax_sflgid;
extern const FLGINIB	flginib_table[];
extern FLGINIB		aflginib_table[];
extern FLGCB		flgcb_table[];

#define TMIN_FLGID	1
#define VALID_FLGID(id)	(TMIN_FLGID <= (id) && (id) <= tmax_flgid)
#define get_flgcb(id)	(&flgcb_table[(id) - TMIN_FLGID])

#endif /* UNITRON_EVENTFLAG_H */
