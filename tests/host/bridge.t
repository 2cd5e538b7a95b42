#!/bin/bash
# The bridge on the posix port: tests/bridge/brgtest (libunitron, built
# with pkg-config) against tests/bridge/app, unitronctl send/recv, the
# socket's life.  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/bridge
app=$out/app/echo
# shellcheck source=tests/host/tap.sh
. "$top/tests/host/tap.sh"
mkdir -p "$out"
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
export UNITRON_BRIDGE=$tmp/echo.sock UNITRON_SYSTEM=$tmp/echo.sock

make -s -C "$top" lib cfg libunitron unitronctl >/dev/null
make -s -f "$top/mk/app.mk" APP="$top/tests/bridge/app" OUT="$out/app" >/dev/null
ok "the application builds" '[ -x "$app" ]'
export PKG_CONFIG_PATH=$top/build/lib/pkgconfig
# shellcheck disable=SC2046
cc -std=gnu11 -O2 -Wall -Wextra -Werror -o "$out/brgtest" \
	"$top/tests/bridge/brgtest.c" $(pkg-config --cflags --libs unitron) \
	-Wl,-rpath,"$top/build/lib"
ok "brgtest builds with pkg-config's flags" '[ -x "$out/brgtest" ]'
ctl=$top/build/unitronctl

start() {
	"$app" --no-rt </dev/null >"$tmp/app.out" 2>"$tmp/app.err" &
	pid=$!
	for _ in $(seq 50); do [ -S "$UNITRON_BRIDGE" ] && return; sleep 0.1; done
}
start
ok "it serves its socket" '[ -S "$UNITRON_BRIDGE" ]'
ok "... and says where" 'grep -qx "bridge: $UNITRON_BRIDGE" "$tmp/app.err"'
ok "... mode 0600" '[ "$(stat -c %a "$UNITRON_BRIDGE")" = 600 ]'
"$app" --no-rt </dev/null >/dev/null 2>"$tmp/second.err"; st=$?
ok "a second system on the same socket is refused" \
	'[ $st = 1 ] && grep -q "another system serves it" "$tmp/second.err"'

# brgtest's points, numbered on; its other lines as comments.
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
renumber < <(timeout 120 "$out/brgtest" 2>&1)

ok "unitronctl send to a data queue" '"$ctl" send IN_DTQ 9'
ok "unitronctl recv the answer" '[ "$("$ctl" recv -t 5000 OUT_DTQ)" = 10 ]'
ok "unitronctl send a message" '"$ctl" send IN_MBX "hello there"'
ok "unitronctl recv the answer" \
	'[ "$("$ctl" recv -t 5000 OUT_MBX)" = "HELLO THERE" ]'
ok "unitronctl send a message from stdin" \
	'printf "from stdin" | "$ctl" send IN_MBX -'
ok "... and back" '[ "$("$ctl" recv -t 5000 OUT_MBX)" = "FROM STDIN" ]'
ok "unitronctl ls: the 7 bridged objects, each with its kind" \
	'[ "$("$ctl" ls | wc -l)" = 7 ] && "$ctl" ls | grep -qE "^PRIQ_DTQ +dtq$"'
ok "unitronctl ls of no system: exit 1" \
	'! "$ctl" ls -s /nonexistent 2>/dev/null'
"$ctl" recv -t 0 OUT_DTQ 2>"$tmp/err"; st=$?
ok "unitronctl recv -t 0 on an empty queue: E_TMOUT, exit 1" \
	'[ $st = 1 ] && grep -q "recv OUT_DTQ: E_TMOUT" "$tmp/err"'
"$ctl" send NOPE 1 2>"$tmp/err"; st=$?
ok "unitronctl send to an unknown object: E_NOEXS, exit 1" \
	'[ $st = 1 ] && grep -q "NOPE: E_NOEXS" "$tmp/err"'
"$ctl" send IN_DTQ hello 2>"$tmp/err"; st=$?
ok "unitronctl send text to a data queue: a usage error" \
	'[ $st = 2 ] && grep -q "takes an integer" "$tmp/err"'
"$ctl" send 2>/dev/null; st=$?
ok "unitronctl send without arguments: exit 2" '[ $st = 2 ]'
"$ctl" recv -s "$tmp/none.sock" OUT_DTQ 2>"$tmp/err"; st=$?
ok "unitronctl to a system that is not there: exit 1" \
	'[ $st = 1 ] && grep -q "none.sock: No such file" "$tmp/err"'

# Stopping: waiting calls end with E_DLT; the socket goes.
renumber < <(timeout 60 "$out/brgtest" stop 2>&1 |
	sed '1,/PRIQ_DTQ found/d')
for _ in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -9 $pid 2>/dev/null
wait $pid; st=$?
ok "ext_ker ends the application with status 0" '[ $st = 0 ]'
pid=
ok "... and removes its socket" '[ ! -e "$UNITRON_BRIDGE" ]'

# A socket left by a killed system is taken over.
start
kill -9 $pid; wait $pid 2>/dev/null
ok "a killed system leaves its socket" '[ -S "$UNITRON_BRIDGE" ]'
start
ok "the next one takes it over" '"$ctl" send IN_DTQ 1 && [ "$("$ctl" recv -t 5000 OUT_DTQ)" = 2 ]'
kill -9 $pid
wait $pid 2>/dev/null
pid=
echo "1..$n"
