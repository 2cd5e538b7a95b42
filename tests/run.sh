#!/bin/bash
# Unitron - build and run the tests under one prove run.
#
#   tests/run.sh host|vm|all [prove options]
#
# host: the µITRON conformance tests (tests/itron/NAME/), the configurator
# and the host checks.  The conformance tests are applications: each is
# built for the posix port and run through a generated NAME.t wrapper with
# a time limit, so prove counts its TAP like any other test.
# vm: the kernel-side groups in QEMU (tests/vm/*.t), one at a time: two
# TCG guests on two cores starve each other.  all: both, one at a time.
set -euo pipefail
what=${1:-all}
shift || true
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=build/tests
mkdir -p "$out/itron"

build_itron_test() {
	local dir=$1 name
	name=$(basename "$dir")
	make -s -f mk/app.mk APP="$dir" OUT="$out/itron/$name" \
		EXTRA_SRCS="tests/itron/lib/tap.c tests/itron/lib/waiters.c" \
		EXTRA_INCLUDES=-I"$top/tests/itron/lib" >/dev/null
	cat >"$out/itron/$name.t" <<EOT
#!/bin/sh
exec timeout 60 "$top/$out/itron/$name/$name" --no-rt
EOT
	chmod +x "$out/itron/$name.t"
}

host_tests() {
	make -s lib cfg
	for dir in tests/itron/*/; do
		[ "$(basename "$dir")" = lib ] && continue
		build_itron_test "${dir%/}"
	done
	files+=("$out"/itron/*.t tests/host/*.t tests/cfg/*.t)
}

files=()
case "$what" in
host)	host_tests ;;
vm)	files+=(tests/vm/*.t) ;;
all)	host_tests; files+=(tests/vm/*.t) ;;
*)	echo "usage: tests/run.sh host|vm|all [prove options]" >&2; exit 2 ;;
esac
export UNITRON_VM_BUILD="${UNITRON_VM_BUILD:-$top/build/vm}"
# Host tests run two at a time, but never beside a TCG guest: a host
# starved by another test injects the guest's timer interrupts late, and
# the µITRON timing tests inside it see that as lost time.
jobs=-j2
[[ $what == host ]] || jobs=-j1
exec prove "$jobs" "$@" "${files[@]}"
