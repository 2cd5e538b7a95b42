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

/*
 * The IST 7 page: KW_IST_LEVELS stacks of KW_IST_LEVEL bytes, each with
 * a word at its top (above the frame the CPU pushes) that points to this
 * CPU's TSS IST 7 slot.  A stub moves the slot one level down while it
 * runs, so that an exception taken meanwhile by an NMI, machine check
 * or debug handler enters on the next stack, not over this one.
 */
#define KW_IST_LEVEL		1024
#define KW_IST_LEVELS		4
#define KW_IST_META		16	/* reserved at each level's top */

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
