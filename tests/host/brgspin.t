#!/bin/bash
# The bridge on the posix port while µITRON tasks above its workers spin
# (tests/bridge/spin, driven by tests/bridge/brgspin.c): timed calls end
# within max(timeout, UNITRON_BRG_POLL_MS) + a margin, truthfully; waits end
# on signals; unitronctl's -t is a bound.  TAP.
#
# A posix application's tasks share one thread: a spinning task holds
# it, but signals still reach it, so the bridge's handler runs, and the
# socket thread keeps each call's deadline itself.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/brgspin
app=$out/app/spin
margin=300	# ms: this host's scheduling, under load
# shellcheck source=tests/host/tap.sh
. "$top/tests/host/tap.sh"
mkdir -p "$out"
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
export UNITRON_BRIDGE=$tmp/spin.sock UNITRON_SYSTEM=$tmp/spin.sock

make -s -C "$top" lib cfg libunitron unitronctl >/dev/null
make -s -f "$top/mk/app.mk" APP="$top/tests/bridge/spin" OUT="$out/app" >/dev/null
ok "the application builds" '[ -x "$app" ]'
cc -std=gnu11 -O2 -Wall -Wextra -Werror -I"$top/bridge/include" \
	-o "$out/brgspin" "$top/tests/bridge/brgspin.c" \
	"$top/build/lib/libunitron.a"
ok "brgspin builds" '[ -x "$out/brgspin" ]'
ctl=$top/build/unitronctl

"$app" --no-rt </dev/null >"$tmp/app.out" 2>"$tmp/app.err" &
pid=$!
for _ in $(seq 50); do [ -S "$UNITRON_BRIDGE" ] && break; sleep 0.1; done
ok "it serves its socket" '[ -S "$UNITRON_BRIDGE" ]'

renumber() {
	while IFS= read -r line; do
		case $line in
		"ok "*|"not ok "*)
			n=$((n + 1))
			echo "$line" | sed -E "s/^(not )?ok [0-9]+/\1ok $n/" ;;
		"1.."*) ;;
		*) echo "# $line" ;;
		esac
	done
}
renumber < <(timeout 120 "$out/brgspin" "kill -USR1 $pid" $margin 2>&1)

# unitronctl: -t is a bound, with the application's high task spinning.
ms() { date +%s%3N; }
"$ctl" send -t 0 CTL_DTQ 1
sleep 0.8
t=$(ms)
"$ctl" send -t 1000 IN_DTQ 5 2>"$tmp/err"; st=$?
el=$(($(ms) - t))
ok "unitronctl send -t 1000 while a high task spins: E_TMOUT, exit 1" \
	'[ $st = 1 ] && grep -q "IN_DTQ: E_TMOUT" "$tmp/err"'
ok "... in ${el} ms (1000..$((1000 + margin)))" \
	'[ $el -ge 1000 ] && [ $el -le $((1000 + margin)) ]'
t=$(ms)
"$ctl" recv -t 1000 OUT_DTQ 2>"$tmp/err"; st=$?
el=$(($(ms) - t))
ok "unitronctl recv -t 1000: E_TMOUT, exit 1" \
	'[ $st = 1 ] && grep -q "OUT_DTQ: E_TMOUT" "$tmp/err"'
ok "... in ${el} ms (1000..$((1000 + margin)))" \
	'[ $el -ge 1000 ] && [ $el -le $((1000 + margin)) ]'
"$ctl" recv IN_DTQ >/dev/null 2>&1 &
waiter=$!
sleep 0.5
kill -9 $waiter; wait $waiter 2>/dev/null
kill -USR1 $pid
sleep 0.3
ok "a killed receiver and the timed-out send left nothing behind" \
	'"$ctl" recv -t 0 OUT_DTQ 2>/dev/null; [ $? = 1 ]'
ok "the application still answers" \
	'"$ctl" send -t 1000 IN_DTQ 30 && [ "$("$ctl" recv -t 1000 OUT_DTQ)" = 31 ]'
ok "it is still running" 'kill -0 $pid'
kill -9 $pid
wait $pid 2>/dev/null
pid=
echo "1..$n"
