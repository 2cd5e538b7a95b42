/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Kernelware - the device's interface, shared with user space (libkw,
 * kwrun).  /dev/kernelware is root-only: code it runs has ring 0.
 */
#ifndef KERNELWARE_H
#define KERNELWARE_H

#include <linux/ioctl.h>
#include <linux/types.h>

/*
 * Call fn(arg) in ring 0, in the caller's process, on the stack whose
 * top is stack_top (16-byte aligned).  Its system calls are function
 * calls into the kernel.  The result is fn's return value; syscalls
 * counts the system calls it made.  A signal that arrives meanwhile
 * ends the call: the ioctl fails with EINTR and the signal is delivered.
 */
struct kw_call {
	__u64	fn;
	__u64	arg;
	__u64	stack_top;
	__s64	result;
	__u64	syscalls;
};

/* A user register state, laid out as the kernel's struct pt_regs. */
struct kw_regs {
	__u64	r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
	__u64	rax, rcx, rdx, rsi, rdi, orig_rax;
	__u64	rip, cs, eflags, rsp, ss;
};

/*
 * KW_IOC_ENTER continues the calling thread in ring 0 from regs (cs and
 * ss are ignored).  The ioctl returns, in user mode, only when kernel
 * mode ends: switch_to_user_mode(), a signal to deliver, a fault, or a
 * system call that needs user mode (fork, execve, exit, rt_sigreturn).
 * -1 with errno if it could not enter.
 *
 * Threads and vfork children made in kernel mode (clone, clone3 or
 * vfork sharing the memory) are made there: the caller stays in kernel
 * mode, and the child enters it through the re-entry code.
 *
 * With resume 0, the thread goes on in user mode where kernel mode
 * ended, with all its registers.  Otherwise resume is the re-entry
 * code, which the thread goes through to come back to kernel mode at
 * once after a signal handler, or after a system call made in user mode
 * by the syscall instruction two bytes before resume: the module keeps
 * the state where kernel mode ended, and KW_IOC_RESUME (rcx was not
 * resume) or KW_IOC_RESUME_SYSCALL (it was: the syscall returned) with
 * the program's rax as the argument go back to it.  rax replaces the
 * kept rax after the syscall, or when the kept rax was a restart code
 * (-ERESTART*) that signal handling turned into rax.  The re-entry code
 * needs no memory of its own (kw_reentry.h); it serves every thread of
 * the process, and its children.
 */
struct kw_enter {
	struct kw_regs	regs;
	__u64		resume;
};

/* The system call by which ring-0 code leaves kernel mode. */
#define KW_NR_USER_MODE	0x6b770001
/*
 * The system call by which ring-0 code calls a kernel function: rdi the
 * function, rsi, rdx, r10, r8, r9 its first five arguments, the sixth
 * at 8(%rsp); rax its result.  The function runs on the task's kernel
 * stack, with the kernel's rules (it may sleep only where the kernel
 * allows it).
 */
#define KW_NR_KCALL	0x6b770002

/* A kernel symbol's address by name (KASLR-safe: the running kernel's). */
struct kw_symbol {
	char	name[128];
	__u64	addr;
};

/*
 * KW_IOC_EXEC, arg KW_EXEC_ON: the calling task, and every task it
 * creates from then on, starts each program it executes in kernel mode,
 * at the program's entry point (the dynamic loader's for a dynamic
 * program): the module maps the kernelware page into the new program, a
 * few user-mode instructions that enter kernel mode from the registers
 * the program starts with.  No preload: static programs too.  Programs
 * not for x86-64 start in user mode.  KW_EXEC_OFF ends it for the task.
 */
#define KW_EXEC_OFF	0
#define KW_EXEC_ON	1

/* Why a thread's kernel mode ended. */
enum kw_left {
	KW_LEFT_SYSCALL,	/* a system call made in user mode (detail) */
	KW_LEFT_SIGNAL,		/* a signal to deliver */
	KW_LEFT_WORK,		/* the kernel's work on return to user mode */
	KW_LEFT_FAULT,		/* a fault user mode takes (detail: vector) */
	KW_LEFT_REQUEST,	/* switch_to_user_mode() */
	KW_LEFT_NR
};

/* A thread's kernelware life, recorded at its exit. */
struct kw_thread_stats {
	__s32	pid;
	__s32	tgid;
	char	comm[16];
	__u64	calls;			/* system calls made as functions */
	__u64	entries;		/* times it entered kernel mode */
	__u64	left[KW_LEFT_NR];	/* times kernel mode ended, by why */
	__u64	stayed;			/* ... and it went on in user mode */
	__s32	last_left;		/* the last KW_LEFT_*, or -1 */
	__s32	last_detail;
	__u32	flags;			/* KW_STAT_* */
	__u32	pad;
};

/* Its last exit from kernel mode went on in user mode, for good. */
#define KW_STAT_ENDED_IN_USER	1
/* It executed a program not for x86-64, which ran in user mode. */
#define KW_STAT_NOT_X86_64	2

/*
 * KW_IOC_STATS starts a statistics session on this open file: the
 * calling task and every task it creates from then on are recorded when
 * they exit, up to KW_STATS_THREADS (further ones are only counted, in
 * more).  KW_IOC_STATS_READ copies up to count records to buf, and
 * returns how many there are.
 */
#define KW_STATS_THREADS	1024
struct kw_stats_read {
	__u64	buf;		/* struct kw_thread_stats[count] */
	__u32	count;
	__u32	recorded;	/* out: records in the session */
	__u64	more;		/* out: threads beyond KW_STATS_THREADS */
};

#define KW_IOC_MAGIC	0xb8
#define KW_IOC_CALL	_IOWR(KW_IOC_MAGIC, 1, struct kw_call)
#define KW_IOC_ENTER	_IOW(KW_IOC_MAGIC, 2, struct kw_enter)
#define KW_IOC_SYMBOL	_IOWR(KW_IOC_MAGIC, 3, struct kw_symbol)
#define KW_IOC_EXEC	_IO(KW_IOC_MAGIC, 4)
#define KW_IOC_STATS	_IO(KW_IOC_MAGIC, 5)
#define KW_IOC_STATS_READ _IOWR(KW_IOC_MAGIC, 6, struct kw_stats_read)
#define KW_IOC_RESUME	_IO(KW_IOC_MAGIC, 7)
#define KW_IOC_RESUME_SYSCALL _IO(KW_IOC_MAGIC, 8)

#endif /* KERNELWARE_H */
