#!/bin/sh
# Run sample1 with a scripted console session and check what it did.
# Usage: demo.sh path/to/sample1
set -eu
bin=${1:?usage: demo.sh path/to/sample1}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# Watch the workers take turns once the cyclic handler rotates them,
# then put task2 to sleep and wake it, suspend and resume task3, give
# task1 a task exception, make task3 divide by zero (its CPU exception
# handler raises task exception 0x8000, which ends it), and quit.
script='..c....2s..2w..3u..3m..1x..3z..C.q'

printf '%s' "$script" | timeout 30 "$bin" --no-rt >"$out" 2>&1 || {
	status=$?
	cat "$out"
	echo "demo: sample1 failed (status $status)" >&2
	exit 1
}
tr -d '\r' <"$out"

fail=0
expect() {
	if ! grep -q -- "$1" "$out"; then
		echo "demo: expected output missing: $1" >&2
		fail=1
	fi
}
expect 'Sample program starts'
expect 'task1 is running'
expect 'task2 is running'
expect 'task3 is running'
expect '#2# slp_tsk()'
expect '#wup_tsk(2)'
expect '#sus_tsk(3)'
expect 'task1 receives exception 0x0001'
expect 'CPU exception handler (task context: yes)'
expect 'task3 receives exception 0x8000'
expect 'Sample program ends'
[ "$fail" -eq 0 ] && echo "demo: OK"
exit "$fail"
