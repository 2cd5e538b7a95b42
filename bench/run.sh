#!/bin/bash
# Unitron - benchmarks (make bench).  Every figure is printed beside a
# baseline measured in the same run, with their ratio; the tables also go
# to build/bench/results.md for bench/RESULTS.md.
#
#   bench/run.sh [-q] [-i] [posix|linux|kernelware|owncore|cluster]...
#
# -q: quick, 1,000 cyclic intervals and latency samples instead of
# 10,000 (and fewer kernelware calls).
# -i: deterministic virtual time for the QEMU parts: the guest runs on
# QEMU's instruction-counting clock (-icount shift=N,sleep=off,align=off,
# single-threaded TCG; N from UNITRON_VM_ICOUNT, default 2: every guest
# instruction takes 4 ns of guest time), so that the host's load cannot
# reach the figures.  Results go to build/bench-icount/ instead of
# build/bench/.  What it models and what not: tools/vm/README.md.
# BENCH_CASES=a,b,...: only these cases of bench/linux/run.sh (or of
# bench/owncore/run.sh).  Parts (default all): posix, the
# posix port on this machine; linux, the linux port in QEMU, one boot per
# kernel (Debian 6.1 std and PREEMPT_RT; bench/linux/, about 14 minutes
# each, about 5 with -q); kernelware, in QEMU (bench/kernelware/);
# owncore, the own-core port (a µITRON image on CPU 1 taken from Linux)
# beside the linux port and cyclictest, and its boot and stop times, in
# QEMU, one boot per kernel (bench/owncore/); cluster, µITRON objects
# across TIPC nodes (remote call beside a local one and a plain TIPC
# round trip, discovery), in QEMU, one boot per kernel (bench/cluster/,
# about a minute each; BENCH_FLAVOURS=std for one).  The
# source line counts (seed 000's table 3.2) end every run.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=build/bench
intervals=10000
icount=
while [[ ${1:-} == -[qi] ]]; do
	case $1 in
	-q) intervals=1000 ;;
	-i) icount=${UNITRON_VM_ICOUNT:-2}; out=build/bench-icount ;;
	esac
	shift
done
mkdir -p "$out"
parts=("$@")
[[ ${#parts[@]} -gt 0 ]] || parts=(posix linux kernelware owncore cluster)
for part in "${parts[@]}"; do
	[[ " posix linux kernelware owncore cluster " == *" $part "* ]] ||
		{ echo "usage: bench/run.sh [-q] [-i] [posix|linux|kernelware|owncore|cluster]..." >&2; exit 2; }
done

command -v cyclictest >/dev/null && command -v hackbench >/dev/null &&
	command -v cloc >/dev/null || tools/deps.sh
make -s lib cfg

# The number after KEY on the first line that has it.
value() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }' "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# The records (bench/lib/devstat.h) on the lines of FILE starting with
# PREFIX, merged, divided by DIV, OFFSET added to min, max and mean:
# "min max mean stddev worst n", worst being the largest |sample| / DIV.
devstat() {	# FILE PREFIX OFFSET DIV
	awk -v p="$2 " -v off="$3" -v d="$4" 'index($0, p) == 1 {
		for (i = 1; i <= NF; i++)
			if (split($i, kv, "=") == 2)
				v[kv[1]] = kv[2]
		if (v["n"] == 0) next
		if (!n || v["min"] < min) min = v["min"]
		if (!n || v["max"] > max) max = v["max"]
		n += v["n"]; sum += v["sum"]; sq += v["sumsq"] }
	     END {
		if (!n) { print "0 0 0 0 0 0"; exit }
		m = sum / n; var = sq / n - m * m
		w = -min > max ? -min : max
		printf "%.1f %.1f %.1f %.1f %.1f %d\n", min / d + off,
		       max / d + off, m / d + off,
		       sqrt(var > 0 ? var : 0) / d, w / d, n }' "$1"
}

report=$out/results.md
quick=
[[ $intervals -eq 10000 ]] || quick=" -q"
[[ -z "$icount" ]] || quick+=" -i (UNITRON_VM_ICOUNT=$icount)"
{
	echo "Run: \`bench/run.sh$quick ${parts[*]}\` on $(date -u +%Y-%m-%d)," \
	     "$(nproc) CPUs, kernel $(uname -r)."
	echo
} >"$report"

# Seed 000's table 3.2: source lines of the core and of each port.
loc_table() {
	local dir c h asm
	echo "== source lines =="
	{
		echo "Source lines (seed 000's table 3.2): code lines as cloc counts them,"
		echo "no blanks or comments."
		echo
		echo "| part | C | C headers | assembly |"
		echo "| --- | --- | --- | --- |"
		for dir in itron port/linux port/posix port/bare; do
			cloc --quiet --csv "$dir" >"$out/cloc.csv"
			c=$(awk -F, '$2 == "C" { print $5 }' "$out/cloc.csv")
			h=$(awk -F, '$2 == "C/C++ Header" { print $5 }' "$out/cloc.csv")
			asm=$(awk -F, '$2 == "Assembly" { print $5 }' "$out/cloc.csv")
			echo "| $dir/ | ${c:-0} | ${h:-0} | ${asm:-0} |"
		done
		echo
	} | tee -a "$report"
}

# shellcheck source=bench/posix.sh
. bench/posix.sh
# shellcheck source=bench/linux.sh
. bench/linux.sh
# shellcheck source=bench/kernelware.sh
. bench/kernelware.sh
# shellcheck source=bench/owncore.sh
. bench/owncore.sh
# shellcheck source=bench/cluster.sh
. bench/cluster.sh

for part in "${parts[@]}"; do
	"${part}_bench"
done
loc_table
echo
echo "results: $report (copy into bench/RESULTS.md with the command)"
