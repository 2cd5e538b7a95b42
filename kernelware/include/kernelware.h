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

#define KW_IOC_MAGIC	0xb8
#define KW_IOC_CALL	_IOWR(KW_IOC_MAGIC, 1, struct kw_call)

#endif /* KERNELWARE_H */
