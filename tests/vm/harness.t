#!/bin/bash
# Self-test of the kernel test harness (tools/vm/), for prove.
#
#  1. console scanner on canned logs (tests/vm/harness/logs/): each kind of
#     kernel error is detected, a real clean log is not flagged;
#  2. runner TAP conversion and attribution, with a fake QEMU replaying
#     canned runs (tests/vm/harness/fake/);
#  3. kbuild.sh: a clean module builds, a module with a warning is rejected;
#  4. real boots of the smoke group's deliberate-fault cases: a WARN_ON and
#     an Oops fail their cases (std), a panic fails its case at once (rt),
#     a hang is a timeout of its case (std).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
vm=$top/tools/vm
h=$top/tests/vm/harness
build=${UNITRON_VM_BUILD:-$top/build/vm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
point() {	# point STATUS DESC [DIAG_FILE]: STATUS 0 is ok
	n=$((n + 1))
	if [[ $1 -eq 0 ]]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		[[ -n "${3:-}" && -f "$3" ]] && sed 's/^/#   /' "$3" | head -60 >&2
	fi
	return 0
}
has() { grep -qE -- "$2" "$1"; }	# has FILE ERE

# --- 1. Console scanner on canned logs. -----------------------------------
declare -A want=(
	[bug]="BUG" [oops]="Oops" [warning]="WARNING"
	[rcu-stall-preempt]="RCU stall" [rcu-stall-sched]="RCU stall"
	[soft-lockup]="soft lockup" [hard-lockup]="hard LOCKUP"
	[hung-task]="hung task" [panic]="Kernel panic"
	[reboot]="unexpected reboot"
)
for log in bug oops warning rcu-stall-preempt rcu-stall-sched soft-lockup \
	hard-lockup hung-task panic reboot; do
	rc=0
	python3 "$vm/vmrun.py" scan "$h/logs/$log.log" >"$tmp/scan" 2>&1 || rc=$?
	st=1
	[[ $rc -eq 1 ]] && has "$tmp/scan" ": ${want[$log]}(/[^:]*)?: " && st=0
	point $st "scanner: $log.log detected as ${want[$log]}" "$tmp/scan"
done
rc=0
python3 "$vm/vmrun.py" scan "$h/logs/clean.log" >"$tmp/scan" 2>&1 || rc=$?
st=1
[[ $rc -eq 0 && ! -s "$tmp/scan" ]] && st=0
point $st "scanner: clean.log (real boot + benign look-alikes) not flagged" \
	"$tmp/scan"

# --- 2. Runner with a fake QEMU. ------------------------------------------
fake_run() {	# fake_run NAME: replay fake/NAME; $d/got, $d/diff and rc set
	d=$tmp/fake-$1
	mkdir -p "$d"
	rc=0
	FAKE_DIR=$h/fake/$1 python3 "$vm/vmrun.py" run --console "$d/con" \
		--tap "$d/tap" --kernel 6.1.0-56-amd64 --timeout 30 -- \
		"$h/fake-qemu.sh" -serial "file:$d/con" -serial "file:$d/tap" \
		>"$d/out" 2>&1 || rc=$?
	sed -e "s|$d/con|LOG|g" -e 's/in [0-9.]* s$/in X s/' \
		-e '1{/^# vm: /d}' "$d/out" >"$d/got"
	diff -u "$h/fake/$1/expected" "$d/got" >"$d/diff" || rc=diff
}
for s in mixed died qemu-fails; do
	fake_run "$s"
	st=1
	[[ $rc == 1 ]] && st=0
	point $st "runner: fake run '$s' gives the expected host TAP, exit 1" \
		"$d/diff"
done
# A failing TODO point is no failure: the run exits 0.
fake_run todo
st=1
[[ $rc == 0 ]] && st=0
point $st "runner: a failing TODO point fails nothing, exit 0" "$d/diff"

# --- 3. kbuild.sh. -----------------------------------------------------------
if ! "$vm/deps.sh" -c >/dev/null 2>&1; then
	echo "Bail out! VM test dependencies missing: run 'make vm-deps'"
	exit 1
fi
for fl in std rt; do
	rc=0
	"$vm/kbuild.sh" -q "$fl" "$top/tests/vm/smoke/modules/smoke_hello" \
		"$build/$fl/selftest/smoke_hello" >"$tmp/kb" 2>&1 || rc=$?
	st=1
	[[ $rc -eq 0 && -f "$build/$fl/selftest/smoke_hello/smoke_hello.ko" ]] &&
		st=0
	point $st "kbuild: smoke_hello builds warning-free for $fl" "$tmp/kb"
done
for attempt in first second; do
	rc=0
	"$vm/kbuild.sh" -q std "$h/kbuild-warn" "$build/std/selftest/kbuild-warn" \
		>"$tmp/kb" 2>&1 || rc=$?
	st=1
	[[ $rc -ne 0 ]] && has "$tmp/kb" "has warnings:" &&
		has "$tmp/kb" "warning: unused variable" && st=0
	point $st "kbuild: a module with a warning is rejected ($attempt try)" \
		"$tmp/kb"
done

# --- 4. Real boots with deliberate faults. ------------------------------------
run_group() {	# run_group NAME ARGS...: output in $tmp/NAME.{out,err}
	local name=$1 t0 rc=0
	shift
	t0=$(date +%s)
	"$vm/test-group.sh" -n "$name" "$@" >"$tmp/$name.out" \
		2>"$tmp/$name.err" || rc=$?
	echo "$rc $(($(date +%s) - t0))"
}

read -r rc secs < <(run_group selftest-fault-std -a warn,oops,hello smoke std)
o=$tmp/selftest-fault-std.out e=$tmp/selftest-fault-std.err
cat "$o" "$e" >"$tmp/all"
echo "# fault run (std): exit $rc, ${secs} s"
point $((rc == 0)) "fault run (std) fails as a whole" "$tmp/all"
st=1
has "$o" "^not ok [0-9]+ - warn: kernel console clean$" &&
	has "$e" "WARNING at .*selftest-fault-std.log:[0-9]+:" &&
	has "$e" "WARNING: CPU: [0-9]+ PID: [0-9]+ at .*smoke_fault.c:[0-9]+ smoke_fault_init" &&
	st=0
point $st "WARN_ON at load: case 'warn' fails with the WARNING line shown" \
	"$tmp/all"
st=1
has "$o" "^not ok [0-9]+ - oops: kernel console clean$" &&
	has "$e" "BUG: kernel NULL pointer dereference" &&
	has "$e" "Oops: [0-9a-f]+ \[#1\]" && st=0
point $st "NULL write at load: case 'oops' fails with the Oops shown" "$tmp/all"
st=1
[[ $(grep -cE "^ok [0-9]+ - hello: " "$o") -eq 11 ]] &&
	! has "$o" "^not ok [0-9]+ - hello: " && st=0
point $st "a clean case after the faulty ones still passes (11 points)" \
	"$tmp/all"
st=1
has "$o" "^ok [0-9]+ - warn: insmod smoke_fault.ko action=warn" &&
	has "$o" "^ok [0-9]+ - run: guest script completed" && st=0
point $st "guest points and run check unaffected by the faults" "$tmp/all"

read -r rc secs < <(run_group selftest-panic-rt -a hello,panic,env smoke rt)
o=$tmp/selftest-panic-rt.out e=$tmp/selftest-panic-rt.err
cat "$o" "$e" >"$tmp/all"
echo "# panic run (rt): exit $rc, ${secs} s"
st=1
[[ $rc -ne 0 ]] &&
	has "$o" "^not ok [0-9]+ - panic: guest died \(Kernel panic\) while this case was running$" &&
	has "$e" "Kernel panic - not syncing: smoke_fault: deliberate panic" &&
	has "$o" "^not ok [0-9]+ - run: guest did not complete its script$" &&
	st=0
point $st "panic (rt): failure of case 'panic', panic message shown" "$tmp/all"
st=1
[[ $secs -lt 60 ]] && ! has "$o" " - env: " && has "$o" "^ok [0-9]+ - hello: kernel console clean$" && st=0
point $st "panic (rt): reported at once (${secs} s), not as a timeout" \
	"$tmp/all"

read -r rc secs < <(run_group selftest-hang-std -t 20 -a hang smoke std)
o=$tmp/selftest-hang-std.out
cat "$o" "$tmp/selftest-hang-std.err" >"$tmp/all"
echo "# hang run (std, TIMEOUT 20 s): exit $rc, ${secs} s"
st=1
[[ $rc -ne 0 && $secs -lt 50 ]] &&
	has "$o" "^not ok [0-9]+ - hang: timeout after 20 s while this case was running$" &&
	has "$o" "^not ok [0-9]+ - run: timeout after 20 s" && st=0
point $st "hang: the timeout is a failure of case 'hang'" "$tmp/all"

echo "1..$n"
