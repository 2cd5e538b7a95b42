#!/bin/bash
# TOPPERS/ASP source compatibility: tests/asp/aspapp is written the way
# ASP applications are (ASP's headers and types, kernel_cfg.h, INCLUDE of
# .cfg files, #include in the .cfg, ASP's test library, mutexes, message
# buffers, alarms, priority data queues, interrupt management); it must
# build unmodified with API=asp and pass its own check points.  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/asp
# shellcheck source=tests/host/tap.sh
. "$top/tests/host/tap.sh"

make -s -C "$top" lib cfg >/dev/null
build_log=$(make -s -f "$top/mk/app.mk" APP="$top/tests/asp" OUT="$out" \
	API=asp 2>&1)
status=$?
ok "aspapp builds with API=asp, without a warning" \
	'[ $status -eq 0 ] && [ -z "$build_log" ]'
[ $status -eq 0 ] || { echo "$build_log" | sed 's/^/# /'; echo "1..$n"; exit 0; }

log=$(timeout 30 "$out/aspapp" --no-rt 2>&1 | tr -d '\r')
status=$?
ok "aspapp exits 0 (check_finish ends the system)" '[ $status -eq 0 ]'
ok "every check point passed, in order" \
	'[ "$(grep -c "^ok [0-9]* - check point" <<<"$log")" = 13 ] &&
	 ! grep -q "^not ok" <<<"$log" && grep -qx "1..13" <<<"$log"'
ok "the banner (syssvc/banner.cfg, an INCLUDEd .cfg)" \
	'grep -q "TOPPERS/ASP API" <<<"$log"'
ok "the ATT_TER routine ran at the end" 'grep -q "ter_routine runs" <<<"$log"'
ok "kernel_cfg.h holds the IDs (asp/include's, over kernel_id.h)" \
	'grep -q "kernel_id.h" "$top/asp/include/kernel_cfg.h" &&
	 grep -q "^#define MTX1" "$out/kernel_id.h"'
ok "kernel_cfg.c includes the header the .cfg #includes" \
	'grep -q "^#include \"aspapp.h\"" "$out/kernel_cfg.c"'
echo "$log" | sed 's/^/# /' | head -30

# The test library reports a check point out of order, and stops there.
make -s -f "$top/mk/app.mk" APP="$top/tests/asp" OUT="$out-wrong" API=asp \
	APP_DEFS=-DASPAPP_SKIP_A_POINT >/dev/null 2>&1
log=$(timeout 30 "$out-wrong/aspapp" --no-rt 2>&1 | tr -d '\r')
ok "a check point out of order: not ok, and the run ends" \
	'grep -q "^not ok 13 - check point 14 reached, 13 expected" <<<"$log" &&
	 grep -qx "1..13" <<<"$log" && ! grep -q "check point 13$" <<<"$log"'

# API= takes only what exists.
log=$(make -s -f "$top/mk/app.mk" APP="$top/tests/asp" OUT="$out-bad" \
	API=itron 2>&1)
ok "API=itron is refused with the choices" \
	'grep -q "API=itron: expected jsp or asp" <<<"$log"'
echo "1..$n"
