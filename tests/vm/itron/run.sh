#!/bin/sh
# Guest script: load each conformance test module with autostart=1 on
# CPU 1, wait for its µITRON system to stop (the test ends with ext_ker),
# and re-emit its TAP, one host test point per µITRON test point.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh

M=/lib/unitron/modules

# Wait up to $2 seconds for "$1: µITRON system stopped" in the log.
wait_stopped() {
	_i=0
	while [ "$_i" -lt "$(($2 * 10))" ]; do
		dmesg | grep -q "$1: µITRON system stopped" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

run_test() {
	name=$1
	dmesg -c >/dev/null
	if ! insmod "$M/$name.ko" autostart=1 cpu=1; then
		fail "$name: insmod"
		return
	fi
	if ! wait_stopped "$name" 60; then
		fail "$name: µITRON system did not stop within 60 s" \
			"$(dmesg | tail -20)"
	fi
	# "name: ok 3 - desc" -> "ok - name: desc"; plan and failures checked.
	dmesg | sed -n "s/^\[[^]]*\] $name: //p" >/tmp/tap
	sed -n 's/^\(not ok\|ok\) [0-9]* - \(.*\)$/\1 - '"$name"': \2/p' /tmp/tap
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' /tmp/tap)
	count=$(grep -cE '^(not ok|ok) [0-9]+' /tmp/tap)
	is "$count" "${plan:-none}" "$name: plan matches the test points run"
	grep '^#' /tmp/tap | sed 's/^/# /'
	check "rmmod $name" rmmod "$name"
}

t_conformance() {
	for ko in "$M"/*.ko; do
		run_test "$(basename "$ko" .ko)"
	done
}

run_cases conformance
