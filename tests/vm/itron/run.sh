#!/bin/sh
# Guest script: load each conformance test module with autostart=1 on
# CPU 1, wait for its µITRON system to stop (the test ends with ext_ker),
# and re-emit its TAP, one host test point per µITRON test point.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/module.sh
. /lib/unitron/module.sh

M=/lib/unitron/modules

run_test() {	# NAME [PARAM...]
	name=$1
	shift
	dmesg -c >/dev/null
	if ! insmod "$M/$name.ko" autostart=1 cpu=1 "$@"; then
		fail "$name: insmod"
		return
	fi
	if ! wait_log "$name" "µITRON system stopped" 60; then
		fail "$name: µITRON system did not stop within 60 s" \
			"$(dmesg | tail -20)"
	fi
	module_tap "$name"
	check "rmmod $name" rmmod "$name"
}

t_conformance() {
	for ko in "$M"/*.ko; do
		run_test "$(basename "$ko" .ko)"
	done
}

# The tests with timeouts and cyclic handlers again, with each tick that
# fires time events taken 500 µs early (tick_advance_us): the idle
# thread takes it, or the tick's handler waits for its due time.  An
# advance of a whole tick or more is refused.
t_advance() {
	for name in time cyclic task_sync semaphore eventflag dataqueue \
		mailbox mempfix; do
		run_test "$name" tick_advance_us=500
	done
	check_fails "tick_advance_us=1000 (the tick) is refused" \
		insmod "$M/time.ko" tick_advance_us=1000
	like "$(dmesg | tail -3)" "tick_advance_us=1000: must be less than tick_us=1000" \
		"the refusal says why"
}

run_cases conformance advance
