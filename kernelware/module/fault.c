// SPDX-License-Identifier: GPL-2.0
/*
 * Kernelware - exceptions and interrupts of kernelware code.
 *
 * Kernelware code is the process's own code in ring 0, so its faults are
 * the process's, not the kernel's: a page fault on a valid address is
 * resolved as for user mode; anything else ends kernel mode with the
 * signal user mode would have got (code entered by KW_IOC_ENTER goes on
 * in user mode at the faulting instruction and takes the real fault
 * there).  No oops, whatever the code does.  After an interrupt, before the code resumes: the scheduler, a
 * pending signal, and the FPU registers (another task, or kernel code
 * using the FPU, may have left them).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <asm/fpu/api.h>
#include <asm/irq_vectors.h>
#include <asm/special_insns.h>
#include <asm/trap_pf.h>
#include <asm/traps.h>

#include "kernelware_int.h"

static int fault_signal(unsigned long vector)
{
	switch (vector) {
	case X86_TRAP_DE:
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return SIGFPE;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_BP:
		return SIGTRAP;
	case X86_TRAP_NP:
	case X86_TRAP_SS:
	case X86_TRAP_AC:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

/*
 * A page fault at a user address, as user mode would take it: 0 when
 * the page is now there.  Executing a present page can only fail again.
 * (Since Linux 6.1.37 this does not grow a VM_GROWSDOWN stack: such a
 * fault ends kernel mode and the stack grows in user mode.)
 */
static int resolve_page_fault(unsigned long addr, unsigned long error_code)
{
	unsigned int flags = FAULT_FLAG_USER;
	struct mm_struct *mm = current->mm;
	bool unlocked = false;
	int err;

	if (addr >= TASK_SIZE_MAX || (error_code & X86_PF_RSVD) ||
	    (error_code & (X86_PF_PROT | X86_PF_INSTR)) ==
	    (X86_PF_PROT | X86_PF_INSTR))
		return -EFAULT;
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (mmap_read_lock_killable(mm))
		return -EINTR;
	err = fixup_user_fault(mm, addr, flags, &unlocked);
	mmap_read_unlock(mm);
	return err;
}

/*
 * Work the kernel does on a return to user mode (task_work such as the
 * deferred fput of a closed file, rseq, uprobes, livepatch): kernel mode
 * ends for it and, through the re-entry code, comes back at once.  A
 * KW_IOC_CALL function leaves it to the end of the call.
 */
#define USER_MODE_WORK	(_TIF_NOTIFY_RESUME | _TIF_NOTIFY_SIGNAL | \
			 _TIF_UPROBE | _TIF_PATCH_PENDING)

/*
 * Before kernelware code runs again from regs, interrupts off: what a
 * return to user mode would do.  A pending signal ends kernel mode; the
 * device call then returns to user mode, where the signal is delivered.
 */
void kw_prepare_resume(struct pt_regs *regs)
{
	while (need_resched()) {
		local_irq_enable();
		schedule();
		local_irq_disable();
	}
	/* Not scheduling for long in ring 0 is no Tasks-RCU hold-out. */
	rcu_note_voluntary_context_switch(current);
	if (signal_pending(current))
		kw_end(regs, true, KW_LEFT_SIGNAL);
	if (kw_task(current)->mode == KW_MODE_CONTEXT &&
	    (read_thread_flags() & USER_MODE_WORK))
		kw_end(regs, true, KW_LEFT_WORK);
	if (test_thread_flag(TIF_NEED_FPU_LOAD))
		switch_fpu_return();
}

__visible void kw_do_exception(struct pt_regs *regs)
{
	unsigned long vector = kw_task(current)->vector;
	unsigned long addr = read_cr2();

	local_irq_enable();
	if (vector == X86_TRAP_PF &&
	    resolve_page_fault(addr, regs->orig_ax) == 0) {
		local_irq_disable();
		kw_prepare_resume(regs);
		return;
	}
	if (kw_task(current)->mode == KW_MODE_CALL) {
		force_sig(fault_signal(vector));
		kw_end(NULL, false, KW_LEFT_FAULT);
	}
	/* Code that goes on in user mode faults again there, for real. */
	if (vector == X86_TRAP_BP)
		regs->ip--;
	else if (vector == IA32_SYSCALL_VECTOR)
		regs->ip -= 2;		/* int n (idt_stubs.S): made in user mode */
	regs->orig_ax = -1;	/* it held the error code */
	kw_end(regs, false, KW_LEFT_FAULT);
}

__visible void kw_resume_check(struct pt_regs *regs)
{
	struct kw_task *kt = kw_task(current);

	regs->ip = kt->resume_ip;
	regs->sp = kt->resume_sp;
	regs->flags = kt->resume_flags;
	regs->cs = __KERNEL_CS;
	regs->ss = __KERNEL_DS;
	kw_prepare_resume(regs);
}
