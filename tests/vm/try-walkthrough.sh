#!/bin/bash
# make try's non-interactive form, on FLAVOUR: the README's walk-through
# of the linux port (the block after "<!-- try-walkthrough"), with core
# that of the own-core port ("<!-- try-core-walkthrough", make try
# CORE=1), with cluster that of two nodes ("<!-- try-cluster-walkthrough"),
# run as it is with `set -e` in the guest, checked by its output; then
# an exit status of the script's own, which make try must report.  TAP.
#   tests/vm/try-walkthrough.sh std|rt STATUS [core|cluster]
set -uo pipefail
flavour=$1 status=$2 mode=${3:-}
core=
[[ $mode == core ]] && core=1
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
ok() {
	n=$((n + 1))
	if [[ $1 -eq 0 ]]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=1
	fi
}
# has ERE DESC: a line of the output matches.
has() {
	grep -qE -- "$1" "$tmp/out"
	ok $? "$2"
}

marker=try-walkthrough apps="examples/hello examples/logger"
[[ -n $core ]] && marker=try-core-walkthrough apps=examples/logger
[[ $mode == cluster ]] &&
	marker=try-cluster-walkthrough apps="examples/sensor examples/logger"
awk -v m="<!-- $marker" 'index($0, m) == 1 { on = 1; next }
     on && /^```sh/ { inblock = 1; next }
     inblock && /^```/ { exit }
     inblock { print }' "$top/README.md" >"$tmp/walk"
{
	echo "set -e"
	cat "$tmp/walk"
	echo "echo walkthrough: done"
	echo "exit $status"
} >"$tmp/script"

[[ $(wc -l <"$tmp/walk") -gt 10 ]]
ok $? "the README has the walk-through ($(wc -l <"$tmp/walk") lines)"

cd "$top" || exit 1
make -s try APP="$apps" ${core:+CORE=1} FLAVOUR="$flavour" \
	SCRIPT="$tmp/script" TRY_TIMEOUT=240 >"$tmp/out" 2>&1
rc=$?
sed 's/^/# /' "$tmp/out"
# Kept for a look after a failed run (prove shows only the summary).
mkdir -p "$top/build/vm/logs"
cp "$tmp/out" "$top/build/vm/logs/$marker-$flavour.out"
# make turns a failed recipe into its own status 2; it names the
# script's status (tools/vm/try.sh returns it as it is).
if [[ $status -eq 0 ]]; then
	[[ $rc -eq 0 ]]
else
	[[ $rc -eq 2 ]] && grep -qE "^make(\[[0-9]+\])?: \*\*\* \[.*try\] Error $status$" "$tmp/out"
fi
ok $? "make try fails exactly when the script does, with its status $status (got $rc)"
has "^walkthrough: done$" "every command of the walk-through succeeded"
if [[ $mode == cluster ]]; then
	has "^sensor/READING_DTQ +dtq a$" "ls -c in a: the sensor's queue, in a"
	has "^logger/ANSWER_DTQ +dtq b$" "... and the logger's, in b"
	has "import sensor/READING_DTQ -> REQUEST_DTQ: running" "a's import runs"
	i=0
	for sq in 1 4 9 16 25; do
		i=$((i + 1))
		has "^$sq$" "reading $i went from the sensor task in a to the logger task in b, whose answer a process in a got: $sq"
		has "^request $i -> $sq$" "... and the logger wrote it to its file"
	done
	! grep -qE "^(unitronctl|rmmod|insmod|try): " "$tmp/out"
	ok $? "no command complained"
	echo "1..$n"
	exit $failed
fi
if [[ -n $core ]]; then
	has "^µITRON image /lib/unitron/images/logger.img runs on CPU 1 " "unitronctl boot says where it runs"
	has "^0$" "CPU 1 offline for Linux while µITRON runs"
	has "^144$" "send 12, recv: 144 from the µITRON task on its own core"
	has "^9$" "send 3, recv: 9"
	has "^request 12 -> 144$" "the task wrote requests.log through unitron-proxyd"
	has "unitron_core: cpu1: logger: serving REQUEST_DTQ" "its syslog in the kernel log"
	has "^µITRON stopped; CPU 1 is Linux's again$" "unitronctl stop says so"
	has "^1$" "after stop: CPU 1 online again"
	! grep -qE "^(unitronctl|rmmod|insmod|try): " "$tmp/out"
	ok $? "no command complained"
	echo "1..$n"
	exit $failed
fi
has "^ +1 +MAIN_TASK +[A-Z]" "ps hello names its tasks"
has "^sem 1 +READY " "ps hello names its objects"
has "hello: tick 5$" "hello ticked"
has "hello: poked: goodbye$" "raise hello 1 ran its handler"
has "^144$" "send 12, recv: 144 from the µITRON task"
has "^ +[0-9]+ +SERVER_TASK +[A-Z]+ " "ps logger names its task"
has "unitron_dispatch: +prev=" "trace-cmd recorded µITRON dispatches from the start"
has "^9$" "send 3, recv: 9"
has "^request 12 -> 144$" "the task wrote requests.log through unitron-proxyd"
has "^request 3 -> 9$" "... both requests"
! grep -qE "^(unitronctl|rmmod|insmod|try): " "$tmp/out"
ok $? "no command complained"
echo "1..$n"
exit $failed
