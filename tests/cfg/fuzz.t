#!/bin/sh
# Unitron configurator: fuzz it for a while (TAP for prove).
#
# Builds cfg/fuzz/fuzz_cfg with clang's libFuzzer, ASan and UBSan and
# runs it for FUZZ_SECONDS (default 20) from the seed corpus.  A crash,
# leak, timeout or undefined behaviour makes the test fail; without clang
# or its libFuzzer runtime it is skipped.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
secs=${FUZZ_SECONDS:-20}

echo "1..1"
# A build directory of its own: a long fuzzing session may be using
# cfg/fuzz/build.
build=$(mktemp -d "${TMPDIR:-/tmp}/unitron-fuzz.XXXXXX")
trap 'rm -rf "$build"' EXIT
out=$(FUZZ_BUILD="$build" "$top/cfg/fuzz/run.sh" "$secs" 2>&1)
rc=$?
if [ $rc -eq 77 ]; then
	echo "ok 1 # SKIP clang with libFuzzer not available"
	exit 0
fi
echo "$out" | sed 's/^/# /'
if [ $rc -eq 0 ]; then
	execs=$(echo "$out" | sed -n 's/^stat::number_of_executed_units: *//p' | tail -n 1)
	echo "ok 1 - fuzz_cfg ran ${secs}s (${execs:-?} inputs) without a crash"
else
	mkdir -p "$top/cfg/fuzz/build"
	cp "$build"/crash-* "$build"/leak-* "$build"/timeout-* \
		"$build"/oom-* "$top/cfg/fuzz/build/" 2>/dev/null
	echo "not ok 1 - fuzz_cfg found a problem (inputs in cfg/fuzz/build)"
fi
