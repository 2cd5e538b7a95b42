#!/bin/bash
# TOPPERS/JSP source compatibility: tests/jsp/jspapp is written the way
# JSP applications are (see its header); it must build unmodified and
# behave.  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/jsp
# shellcheck source=tests/host/tap.sh
. "$top/tests/host/tap.sh"

make -s -C "$top" lib cfg >/dev/null
build_log=$(make -s -f "$top/mk/app.mk" APP="$top/tests/jsp" OUT="$out" 2>&1)
status=$?
ok "jspapp builds with the JSP conventions" '[ $status -eq 0 ]'
[ $status -eq 0 ] || { echo "$build_log" | sed 's/^/# /'; echo "1..$n"; exit 0; }

log=$(printf 'a.e.x.w.c...pC.tQ' | timeout 20 "$out/jspapp" --no-rt 2>&1 | tr -d '\r')
status=$?
ok "jspapp exits 0 on Q" '[ $status -eq 0 ]'
has() { grep -qF -- "$1" <<<"$log"; }
ok "syslog with JSP format" 'has "jspapp starts (exinf = 0)."'
ok "act_tsk starts the worker" 'has "worker1 is running (001)."'
ok "syscall() reports errors JSP-style" \
	'has "E_ID reported by \`act_tsk(99)'"'"' in line"'
ok "MERCD of the error" 'has "main error code -18"'
ok "wup_tsk wakes the sleeping worker" 'has "worker1 is running (002)."'
ok "ras_tex delivers to the worker" 'has "worker1 receives exception 0x0001."'
ok "serial_wri_dat output" 'grep -qE "^t=[0-9]+$" <<<"$log"'
ok "cyclic handler ran" 'has "ticker ran 1 times"'
ok "kernel_exit ends the program" 'has "jspapp ends."'
echo "$log" | sed 's/^/# /' | head -40
echo "1..$n"
