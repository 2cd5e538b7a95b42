/*
 * Unitron - everything the generated kernel_cfg.c needs: the types of
 * every initialization block and control block.
 */
#ifndef UNITRON_KERNEL_INT_H
#define UNITRON_KERNEL_INT_H

#include "kernel_impl.h"
#include "task.h"
#include "wait.h"
#include "time_event.h"
#include "semaphore.h"
#include "mutex.h"
#include "eventflag.h"
#include "dataqueue.h"
#include "pridataq.h"
#include "mailbox.h"
#include "mempfix.h"
#include "mempvar.h"
#include "messagebuf.h"
#include "rendezvous.h"
#include "cyclic.h"
#include "alarm.h"
#include "overrun.h"
#include "interrupt.h"
#include "exception.h"

/* A task's state as ref_tsk reports it (task_refer.c), CPU locked. */
STAT	task_state(const TCB *p_tcb);
/* The ID of the object a wait is on, 0 for slp_tsk and dly_tsk. */
ID	wait_object_id(const WINFO *p_winfo);
/* The time left before a wait times out, TMO_FEVR without a timeout. */
TMO	wait_lefttmo(const WINFO *p_winfo);

#endif /* UNITRON_KERNEL_INT_H */
