#!/bin/bash
# make image and make loader, the own-core port's builds: an application
# becomes an image with the header the loader checks; bad input gets a
# clear error; the loader builds against Debian's std headers (skipped
# without them).  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tap.sh
source "$top/tests/host/tap.sh"

# build EXPECTED_STATUS DESC ARGS...: make ARGS, output in $tmp/out.
build() {
	local want=$1 desc=$2
	shift 2
	make -s -C "$top" BUILD="$tmp/build" "$@" >"$tmp/out" 2>&1
	st=$?
	ok "$desc: exit $want (got $st)" "[[ $st -eq $want ]]"
	[[ $st -eq $want ]] || sed 's/^/# /' "$tmp/out" | tail -20
}
says() { ok "$2" "grep -qE -- '$1' '$tmp/out'"; }

build 2 "make image without APP" image
says "usage: make image APP=dir" "... says how"
build 2 "make image of no such APP" image APP="$tmp/nosuch"
says "APP=$tmp/nosuch: no such directory" "... says so"
mkdir -p "$tmp/two"
cp "$top"/examples/hello/hello.[ch] "$top/examples/hello/hello.cfg" "$tmp/two/"
cp "$tmp/two/hello.cfg" "$tmp/two/other.cfg"
build 2 "make image of an APP with two .cfg" image APP="$tmp/two"
says "expected one \.cfg" "... says what to set"
build 0 "make image CFGFILE=hello.cfg" image APP="$tmp/two" CFGFILE=hello.cfg
img=$tmp/build/images/hello.img
ok "... made build/images/hello.img" "[[ -s $img ]]"
# The header the loader checks (owncore_abi.h): "ITRN", version 2,
# linked at 0xffffffff80000000.
ok "... with the image magic and version 2" \
	"[[ \"\$(od -A n -t x4 -N 8 $img | tr -s ' ')\" == ' 4e525449 00000002' ]]"
ok "... linked at 0xffffffff80000000" \
	"[[ \$(od -A n -t x8 -j 8 -N 8 $img | tr -d ' ') == ffffffff80000000 ]]"
echo 'void broken(void) { this is not C; }' >"$tmp/two/broken.c"
build 2 "make image of an APP that does not compile" image \
	APP="$tmp/two" CFGFILE=hello.cfg
says "broken\.c:1:.*error" "... the compiler names the user's file"

if "$top/tools/vm/kver.sh" std KDIR >/dev/null 2>&1; then
	build 0 "make loader" loader
	ok "... made unitron_core.ko for Debian's std kernel" \
		"[[ -s $tmp/build/modules/std/unitron_core/unitron_core.ko ]]"
fi
echo "1..$n"
