#!/bin/sh
# Guest script for kernelware; prints TAP.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh

KO=/lib/unitron/modules/kernelware.ko

t_load() {
	check "insmod kernelware" insmod $KO
	check "/dev/kernelware is root-only" \
		test "$(stat -c %a /dev/kernelware)" = 600
}

t_call() {
	check "a function runs in ring 0 and returns its result" kwtest call
	check "ring-0 code takes page faults on fresh heap pages" kwtest heap
	check "red-zone data survives interrupts in ring 0" kwtest redzone
	check "libc system calls in ring 0 are function calls" kwtest syscalls
	check "a signal ends a kernelware call and its handler runs" \
		kwtest signal
	check "SIGKILL kills a process making syscalls in ring 0" kwtest kill
	check "FPU state stays right across preemption in ring 0" kwtest fpu
}

# Bugs in kernelware code hurt the process, never the kernel (the
# harness fails the case on any oops or warning in the console).
t_faults() {
	check "NULL, wild and kernel-address accesses, ud2 and stack overflow in ring 0 end as signals" \
		kwtest faults
	check "a SIGSEGV handler runs after a ring-0 fault" kwtest segv-handler
	check "an endless ring-0 loop is preemptible and killable" kwtest spin
}

t_refuse() {
	check "bad arguments are refused (EINVAL, EFAULT, ENOTTY)" kwtest bad
	check "an unprivileged caller is refused (EPERM)" kwtest unpriv
}

t_unload() {
	check "rmmod kernelware" rmmod kernelware
	check_fails "device removed" test -e /dev/kernelware
}

run_cases load call faults refuse unload
