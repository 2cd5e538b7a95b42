/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - the kernelware page: user code that the module copies
 * into a program at its exec (exec.c), which starts the program in
 * kernel mode at its entry point, and brings it back there whenever
 * kernel mode is left for a moment.  Position-independent: its data, a
 * struct kw_page_data (the first entry's state, the device's fd), is one
 * page above it, reached rip-relative.  Never run by the kernel: it is
 * data here, in .rodata.
 */
#include <linux/linkage.h>
#include <asm/unistd_64.h>
#include <uapi/asm-generic/mman-common.h>

#include "kw_page.h"
#include "kw_reentry.h"

#define F_DUPFD_CLOEXEC	1030	/* uapi/linux/fcntl.h, which is C */
/* A GAS macro argument: no spaces. */
#define DATA(off)	(.Lpage+KW_PAGE_DATA+(off))(%rip)

/* No way back to kernel mode: say so, and end with a shell's 126. */
.macro page_failed
	movl	$2, %edi
	leaq	.Lmessage(%rip), %rsi
	movl	$(.Lmessage_end - .Lmessage), %edx
	movl	$__NR_write, %eax
	syscall
	movl	$126, %edi
	movl	$__NR_exit_group, %eax
	syscall
	ud2
.endm

	.section .rodata, "a"
	.balign	16
SYM_DATA_START(kw_page_code)
/*
 * The program's start, with the registers it would start with (saved in
 * the data's struct kw_enter): the code read-only, the device moved out
 * of the program's way, then into kernel mode from that state.
 */
.Lpage:
	leaq	.Lpage(%rip), %rdi
	movl	$KW_PAGE_DATA, %esi
	movl	$(PROT_READ | PROT_EXEC), %edx
	movl	$__NR_mprotect, %eax
	syscall
	movl	DATA(KW_PAGE_FD), %edi
	movl	$F_DUPFD_CLOEXEC, %esi
	movl	$KW_PAGE_FD_MIN, %edx
	movl	$__NR_fcntl, %eax
	syscall
	testl	%eax, %eax
	js	1f
	movl	DATA(KW_PAGE_FD), %edi
	movl	%eax, DATA(KW_PAGE_FD)
	movl	$__NR_close, %eax
	syscall
1:	movl	DATA(KW_PAGE_FD), %edi
	movq	DATA(KW_PAGE_CMD), %rsi
	leaq	DATA(KW_PAGE_ENTER), %rdx
	movl	$__NR_ioctl, %eax
	syscall
	page_failed

	syscall				/* a bounced or restarted syscall */
.Lresume:
	KW_RESUME .Lresume, DATA(KW_PAGE_FD), page_failed

.Lmessage:
	.ascii	"kernelware: cannot enter kernel mode\n"
.Lmessage_end:
SYM_DATA_END(kw_page_code)

	.balign	8

SYM_DATA(kw_page_resume, .quad .Lresume - .Lpage)
SYM_DATA(kw_page_size, .quad .Lmessage_end - .Lpage)
