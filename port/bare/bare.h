/*
 * Unitron bare port - what the port's own files share.  Freestanding.
 */
#ifndef UNITRON_BARE_H
#define UNITRON_BARE_H

#include "kernel_int.h"
#include "owncore_abi.h"

#define BARE_TICK_VECTOR	0x40U	/* the local APIC timer */
#define BARE_SPURIOUS_VECTOR	0xffU	/* the APIC's spurious interrupts */
#define BARE_EXCEPTIONS		32U	/* vectors 0..31 */
#define BARE_VECTORS		256U

/* What the vector stubs leave on the stack (entry_x86_64.S). */
struct bare_frame {
	unsigned long	r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long	rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long	vector, error;
	unsigned long	rip, cs, rflags, rsp, ss;	/* the CPU's */
};

/* What a DEF_EXC handler gets (p_excinf): the state it interrupted. */
struct bare_excinf {
	struct bare_frame	*frame;
	int	int_nest;
	int	locked;
};

extern struct own_boot_block	*bare_boot;

/* entry_x86_64.S */
extern const char	bare_vectors[];	/* 256 stubs, 16 bytes apart */
void	bare_switch(CTXB *from, CTXB *to);
void	bare_jump(CTXB *to) __attribute__((noreturn));

/* cpu.c */
void	bare_cpu_init(void);
void	bare_halt(UW state) __attribute__((noreturn));
unsigned long	bare_rdtsc(void);
void	bare_trap(struct bare_frame *f);

/* apic.c */
BOOL	bare_apic_init(void);
void	bare_apic_start(UINT tick_us);
void	bare_apic_eoi(void);
void	bare_apic_self_ipi(UINT vector);
UW	bare_apic_timer_elapsed(void);
void	bare_apic_send(UW apicid, UINT vector);

/* bridge/bare/transport.c: end the bridge's calls, the system stops;
 * the idle loop's look at Linux I/O calls (TRUE: look again) */
void	bare_bridge_stopped(void);
BOOL	bare_idle_poll(BOOL end);

/* port.c */
void	bare_interrupt(UINT vector);

/* status.c: the loader's status request */
void	bare_status(void);

#endif /* UNITRON_BARE_H */
