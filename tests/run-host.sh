#!/bin/bash
# Unitron - build and run every host-side test under prove.
#
# The µITRON conformance tests (tests/itron/NAME/) are applications: each
# is built for the posix port and run through a generated NAME.t wrapper
# with a time limit, so prove counts its TAP like any other test.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=build/tests
mkdir -p "$out/itron"

build_itron_test() {
	local dir=$1 name
	name=$(basename "$dir")
	make -s -f mk/app.mk APP="$dir" OUT="$out/itron/$name" \
		EXTRA_SRCS=tests/itron/lib/tap.c \
		EXTRA_INCLUDES=-I"$top/tests/itron/lib" >/dev/null
	cat >"$out/itron/$name.t" <<EOT
#!/bin/sh
exec timeout 60 "$top/$out/itron/$name/$name" --no-rt
EOT
	chmod +x "$out/itron/$name.t"
}

for dir in tests/itron/*/; do
	[ "$(basename "$dir")" = lib ] && continue
	build_itron_test "${dir%/}"
done

exec prove -j2 "$@" "$out"/itron/*.t tests/host/*.t tests/cfg/*.t
