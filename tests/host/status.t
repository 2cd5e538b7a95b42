#!/bin/bash
# The status text (systask/status.c: `unitronctl ps`) with IDs reserved
# for created objects, on the posix port (tests/ps): as configured, only
# the static objects; live, the created ones too, without names, and
# neither free reserved IDs nor deleted objects.  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/ps
# shellcheck source=tests/host/tap.sh
. "$top/tests/host/tap.sh"

make -s -C "$top" lib cfg >/dev/null
make -s -f "$top/mk/app.mk" APP="$top/tests/ps" OUT="$out" \
	APP_DEFS=-DCFG_OBJECT_NAMES EXTRA_SRCS="$top/systask/status.c" \
	>/dev/null 2>&1
ok "tests/ps builds" '[ -x "$out/ps" ]'
timeout 30 "$out/ps" --no-rt >"$out/ps.txt" 2>&1
st=$?
ok "it runs to its end (exit $st)" '[ $st -eq 0 ]'
[ $st -eq 0 ] || sed 's/^/# /' "$out/ps.txt" | tail -20

# The snapshot after "== TITLE".
section() { awk -v t="$1" '/^== / { on = ($2 == t); next } on' "$out/ps.txt"; }
# has TITLE ERE DESC: a line of the snapshot matches.
has() { ok "$3" "section $1 | grep -qE -- '$2'"; }
# lines TITLE ERE: how many lines of the snapshot match.
lines() { section "$1" | grep -cE -- "$2"; }
task='^ +[0-9]+  '
obj='^[a-z]{3} [0-9]+ '

has configured '^ +1 +MAIN_TASK +DORMANT +5 +5 +- +- +0$' \
	"configured: the static task"
ok "configured: no reserved task ID" '[ "$(lines configured "$task")" = 1 ]'
has configured '^sem 1 +SEM_S +count 1, max 3 +-$' \
	"configured: an object as the .cfg has it"
ok "configured: the 12 static objects, no reserved ID" \
	'[ "$(lines configured "$obj")" = 12 ] &&
	 [ "$(lines configured "^[a-z]{3} 1 ")" = 12 ]'

has created '^ +3 +- +WAITING +4 +4 +sem 3 +- +1$' \
	"created: a task on a reserved ID, no name, waiting on a created semaphore"
ok "created: the free reserved task ID is not shown" \
	'[ "$(lines created "$task")" = 2 ]'
ok "created: each kind's static and created object, no free ID" \
	'[ "$(lines created "$obj")" = 24 ] &&
	 [ "$(lines created "^[a-z]{3} 3 ")" = 12 ]'
while read -r kind state; do
	has created "^$kind 3 +- +$state" "created: $kind 3, from its packet"
done <<'EOT'
sem count 0, max 9 +3$
flg pattern 0x00000042 +-$
dtq 0 of 5 queued +send: - receive: -$
pdq 0 of 6 queued +send: - receive: -$
mbx 0 messages +-$
mpf 3 of 3 free, 24 bytes +-$
cyc started, every 250 ms, next in [0-9]+ ms$
mtx locked by 1 +-$
mbf 0 messages, 40 of 40 bytes free +send: - receive: -$
mpl [0-9]+ of 256 bytes free +-$
por messages 11, replies 12 bytes +call: - accept: -$
alm started, in [0-9]+ ms$
EOT
ok "created: the NAME column as wide as configured" \
	'[ "$(section created | grep "^OBJECT")" = "$(section configured | grep "^OBJECT")" ]'

ok "deleted: the static task only" '[ "$(lines deleted "$task")" = 1 ]'
ok "deleted: the static objects only" \
	'[ "$(lines deleted "$obj")" = 12 ] &&
	 [ "$(lines deleted "^[a-z]{3} 1 ")" = 12 ]'
echo "1..$n"
