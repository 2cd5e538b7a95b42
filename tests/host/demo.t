#!/bin/bash
# make demo's application: builds, runs its scripted session, and every
# expected line shows up (examples/sample1/demo.sh checks them).  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/demo
make -s -C "$top" lib cfg >/dev/null
if make -s -f "$top/mk/app.mk" APP="$top/examples/sample1" OUT="$out" >/dev/null 2>&1
then echo "ok 1 - sample1 builds"; else echo "not ok 1 - sample1 builds"; echo "1..1"; exit 0; fi
log=$("$top/examples/sample1/demo.sh" "$out/sample1" 2>&1)
status=$?
if [ $status -eq 0 ]; then echo "ok 2 - scripted demo session"
else echo "not ok 2 - scripted demo session"; echo "$log" | sed 's/^/# /' | tail -30; fi
# --help documents the port's options and exits 0.
if "$out/sample1" --help | grep -q -- '--tick-ms'; then echo "ok 3 - --help"
else echo "not ok 3 - --help"; fi
# A bad option is refused with a message and status 2.
"$out/sample1" --bogus >/dev/null 2>"$out/err"; st=$?
if [ $st -eq 2 ] && grep -q "unknown option '--bogus'" "$out/err"; then
	echo "ok 4 - unknown option refused"; else echo "not ok 4 - unknown option refused"; fi
UNITRON_TICK_MS=0 "$out/sample1" </dev/null >/dev/null 2>"$out/err"; st=$?
if [ $st -eq 2 ] && grep -q "invalid UNITRON_TICK_MS" "$out/err"; then
	echo "ok 5 - bad tick period refused"; else echo "not ok 5 - bad tick period refused"; fi
# Input ending early: serial_rea_dat fails, the sample ends cleanly.
if printf '.' | timeout 10 "$out/sample1" --no-rt 2>&1 | grep -q 'Sample program ends'; then
	echo "ok 6 - console EOF ends the sample"; else echo "not ok 6 - console EOF ends the sample"; fi
echo "1..6"
