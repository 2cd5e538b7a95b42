#!/bin/sh
# Guest script: load each conformance test module with autostart=1 on
# CPU 1, wait for its µITRON system to stop (the test ends with ext_ker),
# and re-emit its TAP, one host test point per µITRON test point.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/module.sh
. /lib/unitron/module.sh

M=/lib/unitron/modules

run_test() {
	name=$1
	dmesg -c >/dev/null
	if ! insmod "$M/$name.ko" autostart=1 cpu=1; then
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

run_cases conformance
