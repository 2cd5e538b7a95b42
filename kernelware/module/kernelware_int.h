/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - internals shared by the module's files.
 */
#ifndef KERNELWARE_INT_H
#define KERNELWARE_INT_H

#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <asm/syscall.h>

#include "kernelware.h"
#include "kw_task.h"

struct kw_session;

/*
 * A task's kernelware state, kept at the bottom of its kernel stack just
 * above the stack-end canary, where the entry stubs find it from the
 * current task.  The first part is valid while the task runs kernelware
 * code; the rest, from cookie on, for the task's life once this load of
 * the module claimed it (kw_claim(): a new task's stack is zeroed).
 */
struct kw_task {
	unsigned long	floor;		/* kernel stack pointer: work below */
	unsigned long	frame;		/* kw_enter's frame, for kw_leave */
	unsigned long	resume_ip;	/* where an interrupt came ... */
	unsigned long	resume_sp;
	unsigned long	resume_flags;
	unsigned long	vector;		/* the exception being handled */
	unsigned long	syscalls;	/* function-call syscalls made */
	unsigned int	mode;		/* KW_MODE_* */
	bool		active;		/* in kernel mode now */
	bool		interrupted;	/* kernel mode ended early */

	u64		cookie;		/* the module load that claimed it */
	unsigned long	resume;		/* user re-entry code, or 0 */
	struct pt_regs	saved;		/* where kernel mode ended, ... */
	bool		saved_valid;	/* ... until the re-entry code */
	bool		cloning;	/* in kw_clone() */
	bool		exec_hook;	/* KW_IOC_EXEC */
	bool		exec_pending;	/* exec_work queued */
	unsigned long	rax;		/* for rax_work */
	struct callback_head rax_work;
	struct kw_session *session;	/* KW_IOC_STATS, or NULL */
	struct kw_thread_stats stats;
	struct callback_head exec_work;
};

/* How kernel mode was entered, and so how it ends. */
enum {
	KW_MODE_CALL,		/* KW_IOC_CALL: fn returns to the ioctl */
	KW_MODE_CONTEXT,	/* KW_IOC_ENTER: the code goes on in user mode */
};

static_assert(offsetof(struct kw_task, floor) == KW_TASK_FLOOR);
static_assert(offsetof(struct kw_task, frame) == KW_TASK_FRAME);
static_assert(offsetof(struct kw_task, resume_ip) == KW_TASK_RESUME_IP);
static_assert(offsetof(struct kw_task, resume_sp) == KW_TASK_RESUME_SP);
static_assert(offsetof(struct kw_task, resume_flags) == KW_TASK_RESUME_FLAGS);
static_assert(offsetof(struct kw_task, vector) == KW_TASK_VECTOR);

static inline struct kw_task *kw_task(struct task_struct *p)
{
	return (struct kw_task *)((char *)p->stack + KW_TASK_BASE);
}

/* entry.S */
long kw_enter(long (*fn)(long), long arg, unsigned long stack_top,
	      struct kw_task *kt);
long kw_enter_regs(struct pt_regs *regs, struct kw_task *kt);
void kw_leave_to(long ret, unsigned long frame);

/* main.c */
extern const struct file_operations kw_fops;
void kw_end(struct pt_regs *regs, bool resume, unsigned int why);
void kw_end_syscall(struct pt_regs *regs);
long kw_clone(struct pt_regs *regs, sys_call_ptr_t syscall);
void kw_start_child(struct kw_task *pk, struct kw_task *ck,
		    struct pt_regs *child);

/* exec.c */
int kw_exec_init(void);
void kw_exec_exit(void);
void kw_claim(struct kw_task *kt);
bool kw_claimed(struct kw_task *kt);
long kw_exec_mark(unsigned long arg);
long kw_stats_start(struct file *file);
long kw_stats_read(struct file *file, struct kw_stats_read __user *uread);
void kw_stats_release(struct file *file);

/* guard.c */
int kw_guard_init(void);
void kw_guard_exit(void);

/* idt.c */
int kw_idt_install(void);
void kw_idt_remove(void);

/* fault.c */
void kw_do_exception(struct pt_regs *regs);
void kw_resume_check(struct pt_regs *regs);
void kw_prepare_resume(struct pt_regs *regs);

/* symbols.c */
int kw_symbols_init(void);
unsigned long kw_lookup_name(const char *name);

/* syscall.c */
int kw_syscall_init(void);
void kw_syscall_cpu_start(void);
void kw_syscall_cpu_stop(void);

#endif /* KERNELWARE_INT_H */
