#!/bin/bash
# make module: CFGFILE picks the .cfg, the module is named after it, bad
# input gets a clear error, and compiler messages name the user's own
# source files (not their copies in the build directory).  Builds
# against Debian's std headers (tools/vm/deps.sh installs them).  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$top/tools/vm/kver.sh" std KDIR >/dev/null 2>&1; then
	echo "1..0 # SKIP Debian's std kernel headers are not installed (make deps)"
	exit 0
fi

n=0
ok() {
	n=$((n + 1))
	if [[ $1 -eq 0 ]]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
# module EXPECTED_STATUS DESC ARGS...: make module ARGS, output in $tmp/out.
module() {
	local want=$1 desc=$2
	shift 2
	make -s -C "$top" BUILD="$tmp/build" module "$@" >"$tmp/out" 2>&1
	local st=$? same=1
	[[ $st -eq $want ]] && same=0
	ok $same "$desc: exit $want (got $st)"
	[[ $st -eq $want ]] || sed 's/^/# /' "$tmp/out" | tail -20
}
says() {
	grep -qE -- "$1" "$tmp/out"
	ok $? "$2"
	grep -qE -- "$1" "$tmp/out" || sed 's/^/# /' "$tmp/out" | tail -20
}

app=$tmp/app
mkdir -p "$app"
cp "$top"/examples/hello/hello.[ch] "$app/"
sed 's/MAIN_TASK/FIRST_TASK/' "$top/examples/hello/hello.cfg" >"$app/first.cfg"
sed -i 's/MAIN_TASK/FIRST_TASK/' "$app/hello.c"
cp "$app/first.cfg" "$app/second.cfg"

module 2 "two .cfg, no CFGFILE" APP="$app"
says "expected one \.cfg, found 'first\.cfg second\.cfg'; set CFGFILE=" \
	"... says which and what to set"
module 2 "no such APP" APP="$tmp/nosuch"
says "APP=$tmp/nosuch: no such directory" "... says so"
module 2 "CFGFILE of another directory's name" APP="$app" CFGFILE=nosuch.cfg
says "no nosuch\.cfg \(CFGFILE\)" "... says so"
cp "$app/first.cfg" "$app/bad-name.cfg"
module 2 "a .cfg that cannot name a module" APP="$app" CFGFILE=bad-name.cfg
says "'bad-name' cannot name a module" "... says so"
rm "$app/bad-name.cfg"

module 0 "CFGFILE=second.cfg builds" APP="$app" CFGFILE=second.cfg
ko=$tmp/build/modules/std/second/second.ko
says "^module: $ko$" "... and says where the module is"
[[ "$(modinfo -F name "$ko" 2>/dev/null)" == second ]]
ok $? "the module is named after the .cfg: second"

# A warning in the user's header, an error in the user's .c.
sed -i 's/^#endif$/static int unused_in_header;\n#endif/' "$app/hello.h"
sed -i 's/^\tact_tsk(WORKER);/\tact_tsk(WORKER);\n\tundeclared_thing();/' \
	"$app/hello.c"
hline=$(grep -n unused_in_header "$app/hello.h" | cut -d: -f1)
cline=$(grep -n undeclared_thing "$app/hello.c" | cut -d: -f1)
module 2 "a build with an error fails" APP="$app" CFGFILE=first.cfg
says "^$app/hello\.c:$cline:[0-9]+: error: implicit declaration of function .undeclared_thing." \
	"the error names the user's hello.c:$cline"
says "^$app/hello\.h:$hline:[0-9]+: warning: .unused_in_header. defined but not used" \
	"the warning names the user's hello.h:$hline"
! grep -E "(module-src|modules/std)/first/app/hello\.[ch]:" "$tmp/out" >/dev/null
ok $? "no message names the copies in the build directory"
echo "1..$n"
