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
#include "mailbox.h"
#include "mempfix.h"
#include "messagebuf.h"
#include "cyclic.h"
#include "alarm.h"
#include "interrupt.h"
#include "exception.h"

#endif /* UNITRON_KERNEL_INT_H */
