#!/bin/bash
# unitron-cfg --expand: TOPPERS/ASP's INCLUDE("x.cfg") and #include of
# headers in a .cfg (cfg/expand.c), through the preprocessor and the
# configurator as mk/app.mk runs them with API=asp.  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tests/host/tap.sh
. "$top/tests/host/tap.sh"
cfg=${UNITRON_CFG:-$top/cfg/unitron-cfg}
make -s -C "$top" cfg >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/app/sub" "$tmp/lib"

cat >"$tmp/app/main.cfg" <<'CFG'
#include "app.h"
INCLUDE("sub/a.cfg");
  INCLUDE ( "lib.cfg" ) ;
INCLUDE("\"jsp.h\"");
CRE_SEM(SEM_MAIN, { TA_TPRI, 0, 1 });
DEF_MPK({ 4096, NULL });
CFG
printf '#define APP_MAX 3\n' >"$tmp/app/app.h"
printf '/* a */\nCRE_SEM(SEM_A, { TA_TFIFO, 0, APP_MAX });\nAID_SEM(APP_MAX);\n' \
	>"$tmp/app/sub/a.cfg"
printf '#include <lib.h>\nCRE_SEM(SEM_LIB, { TA_TFIFO, 1, 1 });\n' \
	>"$tmp/lib/lib.cfg"
printf '/* lib */\n' >"$tmp/lib/lib.h"

(cd "$tmp" && "$cfg" --expand -I lib app/main.cfg) >"$tmp/x.cfg" 2>"$tmp/err"
st=$?
ok "expands: exit 0" '[ $st -eq 0 ] && [ ! -s "$tmp/err" ]'
ok "the nested file's text is in" 'grep -q "SEM_A" "$tmp/x.cfg"'
ok "a file found on -I is in" 'grep -q "SEM_LIB" "$tmp/x.cfg"'
ok "#include of a header gets an INCLUDE" \
	'grep -qF "INCLUDE(\"\\\"app.h\\\"\");" "$tmp/x.cfg"'
ok "... also <header>" 'grep -qF "INCLUDE(\"<lib.h>\");" "$tmp/x.cfg"'
ok "JSP's INCLUDE of a header is left alone" \
	'grep -qF "INCLUDE(\"\\\"jsp.h\\\"\");" "$tmp/x.cfg"'
ok "INCLUDE lines of .cfg files are gone" '! grep -q "a.cfg\")" "$tmp/x.cfg"'

(cd "$tmp" && gcc -E -x c -D_MACRO_ONLY -I"$top/itron/include" -Iapp -Ilib \
	x.cfg -o x.i) && printf '/* jsp */\n' >"$tmp/app/jsp.h" &&
	(cd "$tmp" && "$cfg" -o . x.i) 2>"$tmp/err"
st=$?
ok "preprocessed and configured: exit 0" '[ $st -eq 0 ]' ||
	sed 's/^/# /' "$tmp/err"
ok "kernel_cfg.c includes the .cfg's headers" \
	'grep -q "^#include \"app.h\"" "$tmp/kernel_cfg.c" &&
	 grep -q "^#include <lib.h>" "$tmp/kernel_cfg.c"'
ok "every semaphore, in order" \
	'grep -q "SEM_A.1" "$tmp/kernel_id.h" && grep -q "SEM_LIB.2" "$tmp/kernel_id.h" &&
	 grep -q "SEM_MAIN.3" "$tmp/kernel_id.h"'
ok "AID_ and DEF_MPK pass through" \
	'grep -qF "tmax_semid = (TMIN_SEMID + 3 + 3 - 1);" "$tmp/kernel_cfg.c" &&
	 grep -qF "_kernel_mpk[((SIZE)(4096) +" "$tmp/kernel_cfg.c"'

# Messages name the file and line a static API came from.
printf '/* b */\n\nCRE_SEM(SEM_B, { TA_TFIFO, 5, 1 });\n' >"$tmp/lib/b.cfg"
printf 'CRE_SEM(SEM_C, { TA_TFIFO, 0, 1 });\nINCLUDE("b.cfg");\nCRE_SEM(SEM_C, { TA_TFIFO, 0, 1 });\n' \
	>"$tmp/app/bad.cfg"
(cd "$tmp" && "$cfg" --expand -Ilib app/bad.cfg >y.cfg &&
	gcc -E -x c -I"$top/itron/include" y.cfg -o y.i && "$cfg" -o . y.i) \
	2>"$tmp/err"
st=$?
ok "errors: exit 1" '[ $st -eq 1 ]'
ok "... at the included file's line" \
	'grep -q "^lib/b.cfg:3: error: CRE_SEM(SEM_B): .isemcnt. (5) exceeds" "$tmp/err"'
ok "... and at the includer's line after it" \
	'grep -q "^app/bad.cfg:3: error: CRE_SEM: duplicate semaphore name" "$tmp/err"'

printf 'INCLUDE("nowhere.cfg");\n' >"$tmp/app/missing.cfg"
(cd "$tmp" && "$cfg" --expand app/missing.cfg) >/dev/null 2>"$tmp/err"
st=$?
ok "a file not found: exit 1" '[ $st -eq 1 ]'
ok "... says which and where" \
	'grep -q "^app/missing.cfg:1: error: INCLUDE: cannot find .nowhere.cfg." "$tmp/err"'
printf 'INCLUDE("loop.cfg");\n' >"$tmp/app/loop.cfg"
(cd "$tmp" && "$cfg" --expand app/loop.cfg) >/dev/null 2>"$tmp/err"
st=$?
ok "an INCLUDE loop: exit 1, not a hang" '[ $st -eq 1 ]'
ok "... nested too deeply" 'grep -q "nested too deeply" "$tmp/err"'
(cd "$tmp" && "$cfg" --expand) >/dev/null 2>"$tmp/err"
st=$?
ok "no input: exit 1 with the usage" '[ $st -eq 1 ] && grep -q "usage" "$tmp/err"'
echo "1..$n"
