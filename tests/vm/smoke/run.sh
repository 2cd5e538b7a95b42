#!/bin/sh
# Smoke group guest script: runs inside the QEMU guest, prints TAP.
#
# Default cases: env hello tools. The fault cases (warn oops panic hang)
# misbehave on purpose; only the harness self-test (tests/vm/harness.t)
# runs them, with test-group.sh -a.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh

M=/lib/unitron/modules

t_env() {
	is "$(cat /etc/unitron-kver)" "$(uname -r)" \
		"initramfs was built for the running kernel"
	check "debugfs mounted" grep -q ' /sys/kernel/debug debugfs ' /proc/mounts
	check "tracefs mounted" grep -q ' tracefs ' /proc/mounts
	is "$(nproc)" 2 "2 CPUs online (-smp 2)"
	is "$(cat /proc/sys/kernel/hung_task_timeout_secs)" 30 \
		"hung task detector at 30 s (harness default)"
	is "$(cat /proc/sys/kernel/printk_devkmsg)" on \
		"/dev/kmsg not rate limited (case markers)"
	case "$(uname -r)" in
	*-rt-*)
		is "$(cat /sys/kernel/realtime 2>/dev/null)" 1 \
			"PREEMPT_RT kernel (/sys/kernel/realtime)"
		;;
	*)
		like "$(cat /sys/kernel/debug/sched/preempt)" '\(full\)' \
			"preempt=full in effect"
		;;
	esac
	# QEMU's edu device (1234:11e8) from group.conf QEMU_ARGS.
	check "edu PCI device present" grep -qi 'PCI_ID=1234:11E8' \
		/sys/bus/pci/devices/*/uevent
}

t_hello() {
	check "insmod smoke_hello.ko magic=42" insmod $M/smoke_hello.ko magic=42
	check "listed in /proc/modules" grep -q '^smoke_hello ' /proc/modules
	is "$(cat /sys/module/smoke_hello/parameters/magic)" 42 \
		"parameter visible in sysfs"
	is "$(cat /sys/kernel/debug/smoke_hello/status)" "magic=42 reads=1" \
		"debugfs status, first read"
	is "$(cat /sys/kernel/debug/smoke_hello/status)" "magic=42 reads=2" \
		"debugfs status counts reads"
	like "$(dmesg | grep 'smoke_hello: ')" 'loaded, magic=42' \
		"load message in the kernel log"
	check "rmmod smoke_hello" rmmod smoke_hello
	check_fails "gone from /proc/modules" grep -q '^smoke_hello ' /proc/modules
	check_fails "debugfs directory removed" test -e /sys/kernel/debug/smoke_hello
	like "$(dmesg | grep 'smoke_hello: ')" 'unloaded after 2 reads' \
		"unload message in the kernel log"
}

t_tools() {
	check "cyclictest: 200 loops at SCHED_FIFO 80" \
		cyclictest -q -m -p 80 -i 1000 -l 200 -t 1
	check "hackbench: 2 groups, 10 loops" hackbench -g 2 -l 10
	check "stress-ng: 1 cpu worker, 50 ops" \
		stress-ng --cpu 1 --cpu-ops 50 --quiet
	check "chrt: run at SCHED_FIFO 50" chrt -f 50 true
}

# --- Deliberate faults, for the harness self-test only. ---
t_warn() {
	check "insmod smoke_fault.ko action=warn (loads, but WARNs)" \
		insmod $M/smoke_fault.ko action=warn
	check "rmmod smoke_fault" rmmod smoke_fault
}

t_oops() {
	check_fails "insmod smoke_fault.ko action=oops is killed" \
		insmod $M/smoke_fault.ko action=oops
}

t_panic() {
	insmod $M/smoke_fault.ko action=panic
	fail "still running after a kernel panic"
}

t_hang() {
	pass "about to hang"
	sleep 100000
}

run_cases env hello tools
