#!/bin/sh
# Guest script: a kernel booted without the project's parameters.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/module.sh
. /lib/unitron/module.sh

M=/lib/unitron/modules

# Kernelware refuses a kernel with SMEP/SMAP or PTI on.
t_refuse() {
	dmesg -c >/dev/null
	check_fails "insmod kernelware fails" \
		insmod /lib/unitron/modules/kernelware.ko
	like "$(dmesg)" "kernelware: .*boot with clearcpuid=smep,smap nopti" \
		"the kernel log names the boot parameters"
	check_fails "no device" test -e /dev/kernelware
}

# The linux port on the std kernel booted as Debian boots it
# (PREEMPT_DYNAMIC, voluntary): it warns, and runs.
t_nopreempt() {
	dmesg -c >/dev/null
	like "$(cat /sys/kernel/debug/sched/preempt)" '\(voluntary\)' \
		"the kernel runs preempt=voluntary"
	check "insmod hello loads" insmod $M/hello.ko cpu=1
	like "$(dmesg)" "hello: Linux is not fully preemptible \(preempt=voluntary\): .*no real-time guarantee; add preempt=full to the kernel command line and reboot$" \
		"it warns at load and names the boot parameter"
	like "$(unitronctl ps hello)" \
		"^no real-time guarantee: Linux is not fully preemptible \(preempt=voluntary\); boot with preempt=full$" \
		"unitronctl ps says so too"
	check "unitronctl start hello" unitronctl start hello
	wait_log hello "waiting for a poke on line 1" 20 ||
		fail "hello did not tick"
	check "unitronctl raise hello 1" unitronctl raise hello 1
	wait_log hello "µITRON system stopped" 20 || fail "hello did not end"
	like "$(dmesg)" "hello: poked: goodbye" "hello ran to its end"
	check "rmmod hello" rmmod hello
}

run_cases refuse nopreempt
