/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Kernelware - the re-entry code (struct kw_enter's resume, in
 * kernelware.h): back to kernel mode from the state the module kept
 * where kernel mode ended.  One body for libkw and for the kernelware
 * page (module/page.S); each says where its device's fd is.
 */
#ifndef KW_REENTRY_H
#define KW_REENTRY_H

/* kernelware.h's _IO(KW_IOC_MAGIC, 7) and 8: the module checks them. */
#define KW_IOC_RESUME_NR	0xb807
#define KW_IOC_RESUME_SYSCALL_NR 0xb808

#if defined(__ASSEMBLY__) || defined(__ASSEMBLER__)
/* struct kw_regs */
#define KW_RAX			80
#define KW_RIP			128
#define KW_EFLAGS		144
#define KW_RSP			152
#define KW_NR_IOCTL		16

/*
 * At \resume, after the syscall instruction at \resume - 2: rcx is
 * \resume if that syscall returned (its result in rax).  The program's
 * rax goes to the module as the ioctl's argument; it keeps the rest.
 * No memory used: not the program's stack, whose red zone is below rsp,
 * nor any of the thread's.  failed: what runs if the ioctl returns.
 */
.macro KW_RESUME resume, fd, failed
	movq	%rax, %rdx
	leaq	\resume(%rip), %rsi
	cmpq	%rsi, %rcx
	movl	$KW_IOC_RESUME_NR, %esi
	jne	1f
	movl	$KW_IOC_RESUME_SYSCALL_NR, %esi
1:	movl	\fd, %edi
	movl	$KW_NR_IOCTL, %eax
	syscall
	\failed
.endm
#endif

#endif /* KW_REENTRY_H */
