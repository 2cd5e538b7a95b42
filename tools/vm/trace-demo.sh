#!/bin/bash
# Record a µITRON system's trace events beside Linux's own scheduler and
# IRQ events in QEMU: boots the unitron group's trace_demo case (the
# status app, tests/vm/unitron/apps/status) and decodes what it prints.
set -euo pipefail

usage() {
	cat <<'EOF_USAGE'
Usage: tools/vm/trace-demo.sh [-f std|rt] [-o OUT_DIR]

Writes OUT_DIR/trace.dat (trace-cmd's format: open it with kernelshark,
or read it with trace-cmd report -i) and OUT_DIR/ps.txt (unitronctl ps of
the app while it ran). The default OUT_DIR is build/vm/trace-demo.

  -f FLAVOUR   std (default) or rt
  -o OUT_DIR   where to write
  -h           this help
EOF_USAGE
}

die() { echo "trace-demo.sh: $*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${UNITRON_VM_BUILD:-$top/build/vm}
flavour=std out=''
while getopts "f:o:h" opt; do
	case "$opt" in
	f) flavour=$OPTARG ;;
	o) out=$OPTARG ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || { usage >&2; exit 2; }
out=${out:-$build/trace-demo}
mkdir -p "$out"

name=trace-demo-$flavour
"$here/test-group.sh" -n "$name" -a trace_demo unitron "$flavour" \
	>"$out/run.tap" || { cat "$out/run.tap" >&2; die "the guest run failed"; }

# The lines between "# trace-demo: WHAT begin" and "... end", unprefixed.
section() {
	tr -d '\r' <"$build/logs/$name.guest-tap" |
		sed -n "/^# trace-demo: $1 begin$/,/^# trace-demo: $1 end$/p" |
		sed '1d;$d;s/^# //'
}

section ps >"$out/ps.txt"
section trace.dat | base64 -d | gunzip >"$out/trace.dat" ||
	die "no trace in $build/logs/$name.guest-tap"
echo "$out/trace.dat"
echo "$out/ps.txt"
