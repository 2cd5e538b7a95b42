#!/bin/sh
# Unitron configurator - build the libFuzzer harness and run it.
#
#   cfg/fuzz/run.sh [SECONDS]      (default 60)
#
# Builds cfg/fuzz/build/fuzz_cfg with clang's libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer, and fuzzes from the seed corpus in
# cfg/fuzz/corpus (new inputs go to cfg/fuzz/build/corpus, not the seed
# directory).  Exits non-zero if the fuzzer finds a crash, a leak, a
# timeout or undefined behaviour (the input is left in cfg/fuzz/build/);
# exits 77 if clang or its libFuzzer runtime is not installed (on Debian:
# apt-get install clang libclang-rt-14-dev).
#
# FUZZ_JOBS=N runs N fuzzing processes in parallel; FUZZ_BUILD=DIR builds
# and works in DIR instead of cfg/fuzz/build.
set -eu

secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${FUZZ_BUILD:-$here/build}
CLANG=${CLANG:-clang}

if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "fuzz: $CLANG not found (apt-get install clang libclang-rt-14-dev)" >&2
	exit 77
fi
mkdir -p "$build/corpus"
if ! "$CLANG" -g -O1 -std=c11 -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-o "$build/fuzz_cfg" "$here/fuzz_cfg.c" \
	"$src/run.c" "$src/util.c" "$src/lexer.c" "$src/expr.c" \
	"$src/parser.c" "$src/static_api.c" "$src/generate.c" \
	2>"$build/build.log"; then
	if grep -q -e 'libclang_rt.fuzzer' -e 'cannot find' -e 'unsupported option' \
		"$build/build.log"; then
		cat "$build/build.log" >&2
		echo "fuzz: no libFuzzer runtime (apt-get install libclang-rt-14-dev)" >&2
		exit 77
	fi
	cat "$build/build.log" >&2
	echo "fuzz: build failed" >&2
	exit 1
fi

jobs=${FUZZ_JOBS:-1}
set +e
if [ "$jobs" -gt 1 ]; then
	"$build/fuzz_cfg" -max_total_time="$secs" -max_len=8192 -timeout=10 \
		-dict="$here/cfg.dict" -artifact_prefix="$build/" \
		-jobs="$jobs" -workers="$jobs" -print_final_stats=1 \
		"$build/corpus" "$here/corpus" >"$build/fuzz.log" 2>&1
else
	"$build/fuzz_cfg" -max_total_time="$secs" -max_len=8192 -timeout=10 \
		-dict="$here/cfg.dict" -artifact_prefix="$build/" \
		-print_final_stats=1 \
		"$build/corpus" "$here/corpus" >"$build/fuzz.log" 2>&1
fi
rc=$?
set -e
cat "$build"/fuzz*.log | grep -a -E '^(stat::number_of_executed_units|Done|==[0-9]+==|SUMMARY)' >&2 || true
if [ $rc -ne 0 ] || ls "$build"/crash-* "$build"/leak-* "$build"/timeout-* "$build"/oom-* >/dev/null 2>&1; then
	tail -n 60 "$build/fuzz.log" >&2
	echo "fuzz: FAILED (see $build)" >&2
	exit 1
fi
echo "fuzz: ok, no crash in ${secs}s" >&2
exit 0
