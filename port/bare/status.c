/*
 * Unitron bare port - the system's status for `unitronctl ps`: on the
 * loader's request (OWN_PS_VECTOR) the handler takes the snapshot and
 * writes its text (systask/status.c) into struct own_status, which the
 * loader finds through the image header and shows in debugfs.  The
 * system waits meanwhile, as for any handler: a diagnostic's price.
 */
#include "bare.h"
#include "kernel_id.h"
#include "status.h"

/* Static and reserved (AID_XXX) IDs. */
#define NUM(k)	(TNUM_##k##ID + TNUM_A##k##ID)
#define NOBJ	(NUM(SEM) + NUM(FLG) + NUM(DTQ) + NUM(MBX) + NUM(MPF) + \
		 NUM(CYC) + NUM(MTX) + NUM(MBF) + NUM(MPL) + NUM(POR) + \
		 NUM(ALM) + NUM(PDQ))

static struct ps_task	tasks[NUM(TSK) + 1];
static ID		waiters[NUM(TSK) + 1];
static struct ps_obj	objs[NOBJ + 1];

struct own_status	own_status;

static void text_putc(char c, void *arg)
{
	(void)arg;
	if (own_status.len < OWN_STATUS_TEXT)
		own_status.text[own_status.len++] = c;
	else
		own_status.lost++;
}

/* OWN_PS_VECTOR: the text the loader asked for, unless it has it. */
void bare_status(void)
{
	struct ps_snap s = { .task = tasks, .obj = objs, .waiter = waiters };
	UW request = __atomic_load_n(&own_status.request, __ATOMIC_ACQUIRE);

	if (request == own_status.done)
		return;
	status_take(&s, TRUE);
	own_status.len = 0U;
	own_status.lost = 0U;
	own_status.now = s.now;
	status_write(&s, text_putc, NULL);
	__atomic_store_n(&own_status.done, request, __ATOMIC_RELEASE);
}
