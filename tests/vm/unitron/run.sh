#!/bin/sh
# Guest script for the linux port's own tests; prints TAP.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/module.sh
. /lib/unitron/module.sh

M=/lib/unitron/modules

t_preempt() {
	dmesg -c >/dev/null
	check "insmod preempt (autostart, CPU 1)" \
		insmod $M/preempt.ko autostart=1 cpu=1
	wait_log preempt "µITRON system stopped" 60 ||
		fail "preempt: system did not stop" "$(dmesg | tail)"
	module_tap preempt
	check "rmmod preempt" rmmod preempt
}

# With Linux's RT throttling off, only the inter-OS slice gives Linux
# CPU 1 while a µITRON task computes there forever.
t_liveness() {
	dmesg -c >/dev/null
	old=$(cat /proc/sys/kernel/sched_rt_runtime_us)
	echo -1 >/proc/sys/kernel/sched_rt_runtime_us
	check "insmod spinner (autostart, CPU 1)" \
		insmod $M/spinner.ko autostart=1 cpu=1
	wait_log spinner spinning 10 || fail "spinner did not start"
	check "a shell command on the µITRON CPU completes" \
		timeout 20 taskset -c 1 sh -c 'ls -R /lib >/dev/null; echo done'
	check "a shell command on the other CPU completes" \
		timeout 20 taskset -c 0 sh -c 'ls -R /lib >/dev/null; echo done'
	check "rmmod stops the runaway task" timeout 20 rmmod spinner
	check_fails "spinner gone" grep -q '^spinner ' /proc/modules
	echo "$old" >/proc/sys/kernel/sched_rt_runtime_us
}

t_sleep_detect() {
	dmesg -c >/dev/null
	check "insmod sleeper" insmod $M/sleeper.ko autostart=1 cpu=1
	wait_log sleeper "µITRON system stopped" 30 ||
		fail "sleeper: system did not stop"
	like "$(dmesg)" "sleeper: task 1 called a Linux function that sleeps" \
		"a sleeping call from a task is reported"
	module_tap sleeper
	check "rmmod sleeper" rmmod sleeper
}

t_control() {
	dmesg -c >/dev/null
	check "insmod swi (not started)" insmod $M/swi.ko cpu=1
	check "/dev/unitron-swi is root-only" \
		test "$(stat -c %a /dev/unitron-swi)" = 600
	check "unprivileged ioctl refused (EPERM)" \
		unitron_ioctl_test /dev/unitron-swi unpriv
	check "bad ioctl arguments refused (EINVAL, ENOTTY)" \
		unitron_ioctl_test /dev/unitron-swi bad
	like "$(unitronctl list)" "^swi$" "unitronctl list shows it"
	check "unitronctl start swi" unitronctl start swi
	check "START again is EBUSY" unitron_ioctl_test /dev/unitron-swi restart
	wait_log swi "waiting for interrupts" 10 || fail "swi did not start"
	for _n in 1 2 3; do
		check "unitronctl raise swi 1 ($_n)" unitronctl raise swi 1
	done
	wait_log swi "µITRON system stopped" 30 ||
		fail "swi: system did not stop"
	module_tap swi
	check "rmmod swi" rmmod swi
	check_fails "control device removed" test -e /dev/unitron-swi
	check_fails "unitronctl start of an unloaded system fails" \
		unitronctl start swi
}

t_reload() {
	dmesg -c >/dev/null
	_fails=0
	_n=0
	while [ "$_n" -lt 100 ]; do
		kmsg "reload $_n"
		insmod $M/preempt.ko autostart=1 cpu=1 || _fails=$((_fails + 1))
		wait_log preempt "µITRON system stopped" 30 || _fails=$((_fails + 1))
		rmmod preempt || _fails=$((_fails + 1))
		dmesg -c >/dev/null
		_n=$((_n + 1))
	done
	is "$_fails" 0 "100 load/start/unload cycles"
	check_fails "no µITRON thread left" \
		sh -c 'cat /proc/[0-9]*/comm | grep -q "^unitron/"'
}

run_cases preempt liveness sleep_detect control reload
