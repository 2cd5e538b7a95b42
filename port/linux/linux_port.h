/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unitron linux port - internals shared by the port's files.
 */
#ifndef UNITRON_LINUX_PORT_H
#define UNITRON_LINUX_PORT_H

#include <linux/types.h>

/* switch_x86_64.S */
void unitron_switch(CTXB *from, CTXB *to);
void unitron_jump(CTXB *to);
void unitron_preempt_entry(void);
void unitron_stop_entry(void);

/* port.c */
extern unsigned int unitron_cpu;	/* the CPU that runs µITRON */
unsigned long unitron_preempted(void);
void unitron_stopped(void);
int unitron_start(void);
int unitron_not_running(void);	/* 0, or why not: -ENOTCONN, -EAGAIN, -ESHUTDOWN */
int unitron_raise_swi(unsigned int line);
void unitron_interrupt(unsigned int inhno);

/* preempt.c: is Linux fully preemptible?  Warn at load if not. */
const char *unitron_preempt_lacking(void);
void unitron_check_preempt(void);

/* device.c: device interrupts */
bool unitron_device_line(unsigned int inhno);
void unitron_devices_run(bool run);
void unitron_run_forwarded(void);
void unitron_unbind_all(void);

/* control.c: the control device */
int unitron_control_init(void);
void unitron_control_exit(void);
bool unitron_misc_name_taken(const char *name);	/* after init */

/*
 * bridge/linux/transport.c, when the application includes the bridge
 * (port.c has empty defaults): its device at load and unload (after the
 * system stopped), in process context, and the end of the calls in
 * flight when the system stops.
 */
int unitron_bridge_init(void);
void unitron_bridge_exit(void);
void unitron_bridge_stopped(void);

/* port.c: the system's life, on the µITRON CPU with interrupts off */
enum unitron_sys_state {
	UNITRON_NOT_STARTED,	/* objects not initialised yet */
	UNITRON_RUNNING,
	UNITRON_STOPPED,	/* objects as the system left them */
};
enum unitron_sys_state unitron_sys_state(void);

/* status.c: the status file (systask/status.h: what trace events share) */
void unitron_status_init(void);
void unitron_status_exit(void);

/* trace.c: a dispatch, from p_from to p_to (NULL: idle) */
void unitron_trace_dispatch(const struct task_control_block *p_from,
			    const struct task_control_block *p_to);

#endif /* UNITRON_LINUX_PORT_H */
