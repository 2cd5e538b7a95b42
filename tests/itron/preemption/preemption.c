/*
 * Conformance: a task preempted by a handler (an interrupt that readies a
 * higher-priority task) resumes with its flags and general registers as
 * they were.  LOW_TASK runs check_spin(), which never calls the kernel,
 * while a 1 ms cyclic handler activates HIGH_TASK PREEMPTIONS times.
 *
 * check_spin() loads known values into every general register but rsp,
 * rbp and r8, then loops: a compare and a conditional jump that must not
 * be taken, then an OR of each register XOR its value, which must be 0.
 * The jump straddles a page boundary so that QEMU's TCG, which takes
 * interrupts only between its translation blocks, ends a block between
 * the compare and the jump: a share of the preemptions land there, as
 * they may anywhere on hardware.  (The linux port once resumed tasks
 * with the flags of its own stack arithmetic: 284 of 300 jumps went
 * wrong.)  The loop counts its rounds, wrong jumps and wrong registers.
 */
#include "tests.h"

#define PREEMPTIONS	300

unsigned long	spin_rounds, spin_wrong_jumps, spin_wrong_regs;
const int	spin_three = 3;
static UINT	preemptions;

void check_spin(void) __attribute__((__noreturn__));

/* Load REG with VAL / fold REG ^ VAL into r8. */
#define LOAD(reg, val)	"	movq $" #val ", %" #reg "\n"
#define FOLD(reg, val)	"	xorq $" #val ", %" #reg "\n"		\
			"	orq %" #reg ", %r8\n"			\
			"	xorq $" #val ", %" #reg "\n"
#define EACH(op)							\
	op(rax, 0x11111111) op(rbx, -0x2222222) op(rcx, 0x33333333)	\
	op(rdx, -0x4444444) op(rsi, 0x55555555) op(rdi, -0x6666666)	\
	op(r9, 0x77777777) op(r10, -0x1234567) op(r11, 0x7654321)	\
	op(r12, -0x0abcdef) op(r13, 0x1a2b3c4d) op(r14, -0x5e6f708)	\
	op(r15, 0x600df00d)

asm(	"	.pushsection .text\n"
	"	.p2align 12\n"
	"	.type check_spin, @function\n"
	"check_spin:\n"
	EACH(LOAD)
	/* nops; then incq (7 bytes) and cmpl (7) end at page + 0xfff. */
	"	.skip 0xff1 - (. - check_spin), 0x90\n"
	"1:	incq spin_rounds(%rip)\n"
	"	cmpl $2, spin_three(%rip)\n"
	"	jl 3f\n"
	"	xorl %r8d, %r8d\n"
	EACH(FOLD)
	"	testq %r8, %r8\n"
	"	jnz 4f\n"
	"	jmp 1b\n"
	"3:	incq spin_wrong_jumps(%rip)\n"
	"	jmp 1b\n"
	"4:	incq spin_wrong_regs(%rip)\n"
	EACH(LOAD)
	"	jmp 1b\n"
	"	.size check_spin, . - check_spin\n"
	"	.popsection\n");

void low_task(VP_INT exinf)
{
	(void)exinf;
	check_spin();
}

void cyclic_handler(VP_INT exinf)
{
	(void)exinf;
	(void)iact_tsk(HIGH_TASK);
}

void high_task(VP_INT exinf)
{
	(void)exinf;
	if (++preemptions == PREEMPTIONS) {
		ER_IS(stp_cyc(CYC), E_OK);
		ER_IS(wup_tsk(MAIN_TASK), E_OK);
	}
}

void main_task(VP_INT exinf)
{
	T_RTSK rtsk;

	(void)exinf;
	ER_IS(act_tsk(LOW_TASK), E_OK);
	ER_IS(sta_cyc(CYC), E_OK);
	/* Only HIGH_TASK's PREEMPTIONS-th run wakes us. */
	ER_IS(tslp_tsk(60000), E_OK);
	ER_IS(ref_tsk(LOW_TASK, &rtsk), E_OK);
	tap_int(rtsk.tskstat, TTS_RDY, "the spinning task was preempted, "
		"still ready");
	ER_IS(ter_tsk(LOW_TASK), E_OK);
	tap_int(preemptions, PREEMPTIONS, "the handler readied the high "
		"task PREEMPTIONS times");
	tap_ok(spin_rounds > PREEMPTIONS, "the spinning task ran between "
	       "them");
	tap_int(spin_wrong_jumps, 0, "its flags survived every preemption "
		"(no wrong jump)");
	tap_int(spin_wrong_regs, 0, "... and its registers (none changed)");
	tap_done();
}
