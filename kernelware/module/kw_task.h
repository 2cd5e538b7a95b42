/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - where the entry code finds a task's kernelware state:
 * struct kw_task (kernelware_int.h) sits at the bottom of the task's
 * kernel stack, just above the stack-end canary.  Offsets for the .S
 * files; kernelware_int.h checks them against the struct.
 */
#ifndef KW_TASK_H
#define KW_TASK_H

#define KW_TASK_BASE		8	/* from task_struct.stack */
#define KW_TASK_FLOOR		0
#define KW_TASK_FRAME		8
#define KW_TASK_RESUME_IP	16
#define KW_TASK_RESUME_SP	24
#define KW_TASK_RESUME_FLAGS	32
#define KW_TASK_VECTOR		40

#ifdef __ASSEMBLY__
/* reg = this task's struct kw_task; clobbers tmp. */
.macro KW_TASK reg, tmp
	movq	PER_CPU_VAR(current_task), \reg
	movq	kw_task_stack_off(%rip), \tmp
	movq	(\reg, \tmp), \reg
	addq	$KW_TASK_BASE, \reg
.endm
#endif

#endif /* KW_TASK_H */
