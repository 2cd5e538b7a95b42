/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unitron linux port - internals shared by the port's files.
 */
#ifndef UNITRON_LINUX_PORT_H
#define UNITRON_LINUX_PORT_H

/* switch_x86_64.S */
void unitron_switch(CTXB *from, CTXB *to);
void unitron_jump(CTXB *to);
void unitron_preempt_entry(void);
void unitron_stop_entry(void);

/* port.c */
unsigned long unitron_preempted(void);
void unitron_stopped(void);
int unitron_start(void);
int unitron_raise_swi(unsigned int line);

/* control.c: the control device */
int unitron_control_init(void);
void unitron_control_exit(void);

#endif /* UNITRON_LINUX_PORT_H */
