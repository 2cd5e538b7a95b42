#!/bin/bash
# posix port properties: CPU lock and dispatch disable make no system
# call; idle does not busy-wait; SCHED_FIFO and locked memory with
# privileges, the same program unprivileged.  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/posix
probe=$out/probe
# shellcheck source=tests/host/tap.sh
. "$top/tests/host/tap.sh"
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

make -s -C "$top" lib cfg >/dev/null
make -s -f "$top/mk/app.mk" APP="$top/tests/posix/probe" OUT="$out" \
	>/dev/null 2>&1
ok "probe builds" '[ -x "$probe" ]'

# 1. strace: nothing but signal deliveries between the two markers.
if command -v strace >/dev/null; then
	strace -qq -o "$out/trace" "$probe" --no-rt -- nosyscall >/dev/null 2>&1
	between=$(sed -n '/write(1, "begin/,/write(1, "end/p' "$out/trace" |
		sed '1d;$d' | grep -v -e '^--- SIG' -e '^rt_sigreturn' || true)
	ok "markers found in the trace" 'grep -q "write(1, \"end" "$out/trace"'
	ok "loc_cpu/unl_cpu/dis_dsp/ena_dsp x100000: no system call" '[ -z "$between" ]'
	[ -z "$between" ] || echo "$between" | head -5 | sed 's/^/# /'
else
	skip "markers found in the trace" "strace not installed"
	skip "no system call in CPU lock" "strace not installed"
fi

# 2. Idle: a second of nothing to run costs little CPU time.
TIMEFORMAT='%U %S %R'
t=$( { time "$probe" --no-rt -- idle >/dev/null 2>&1; } 2>&1 | tail -1)
read -r user sys real <<<"$t"
ok "idle for 1 s uses under 10% CPU ($user user + $sys sys of $real s)" \
	'awk -v u="$user" -v s="$sys" -v r="$real" "BEGIN { exit !((u + s) < 0.1 * r) }"'

# 3. Scheduling policy and locked memory, read from /proc while it runs.
policy_and_lock() {	# args for the probe -> "policy vmlck_kb"
	"$probe" "$@" -- hold >/dev/null 2>&1 &
	local pid=$! pol lck
	sleep 0.2
	pol=$(awk '{ print $41 }' "/proc/$pid/stat" 2>/dev/null)
	lck=$(awk '/^VmLck:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
	wait "$pid"
	echo "${pol:-?} ${lck:-?} $?"
}
if [ "$(id -u)" -eq 0 ]; then
	read -r pol lck st <<<"$(policy_and_lock)"
	ok "privileged: SCHED_FIFO (policy $pol)" '[ "$pol" = 1 ]'
	ok "privileged: memory locked (VmLck $lck kB)" '[ "$lck" != "?" ] && [ "$lck" -gt 0 ]'
	read -r pol lck st <<<"$(policy_and_lock --no-rt)"
	ok "--no-rt: normal policy, nothing locked" '[ "$pol" = 0 ] && [ "$lck" = 0 ]'
	if command -v setpriv >/dev/null; then
		chmod -R a+rX "$out"
		log=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$probe" -- hold 2>&1); st=$?
		ok "unprivileged: runs the same and exits 0" \
			'[ $st -eq 0 ] && grep -q holding <<<"$log"'
	else
		skip "unprivileged run" "setpriv not installed"
	fi
else
	read -r pol lck st <<<"$(policy_and_lock)"
	ok "unprivileged: runs with the normal policy" '[ "$pol" = 0 ] && [ "$st" = 0 ]'
fi
echo "1..$n"
