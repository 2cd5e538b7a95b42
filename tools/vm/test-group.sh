#!/bin/bash
# Build a VM test group's modules and initramfs for a kernel flavour, boot
# it in QEMU and print host TAP (for prove).
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: tools/vm/test-group.sh [options] GROUP [FLAVOUR]

GROUP is a directory under tests/vm/ (or a path to one) with group.conf,
run.sh (the guest script) and modules/<name>/ Kbuild dirs. FLAVOUR is std
or rt; without it every flavour the group lists runs, one boot each, in
one TAP stream. Prints TAP; exit status 0 if all passed.

  -a CASES   run these guest cases (comma separated) instead of the
             group's default list (e.g. -a hello,tools)
  -n NAME    run name for the logs (default GROUP-FLAVOUR)
  -c ARGS    extra kernel command line      -q ARGS  extra QEMU arguments
  -t SEC     override the group's TIMEOUT
  -S         boot to an interactive shell instead (needs a terminal)
  -B         build modules and initramfs only, do not boot
  -v         stream the kernel console to stderr
  -h         this help

Logs and results: build/vm/logs/NAME.{log,tap,guest-tap}; builds under
build/vm/FLAVOUR/. See tools/vm/README.md.
EOF
}

die() { echo "test-group.sh: $*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${UNITRON_VM_BUILD:-$top/build/vm}

cases='' name='' xcmd='' xqemu='' xtimeout='' shell=0 build_only=0 verbose=0
while getopts "a:n:c:q:t:SBvh" opt; do
	case "$opt" in
	a) cases=$OPTARG ;;
	n) name=$OPTARG ;;
	c) xcmd=$OPTARG ;;
	q) xqemu=$OPTARG ;;
	t) xtimeout=$OPTARG ;;
	S) shell=1 ;;
	B) build_only=1 ;;
	v) verbose=1 ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -ge 1 && $# -le 2 ]] || { usage >&2; exit 2; }

group_arg=$1
flavour_arg=${2:-}
if [[ -d "$group_arg" && "$group_arg" == */* ]]; then
	gdir=$(cd "$group_arg" && pwd)
elif [[ -d "$top/tests/vm/$group_arg" ]]; then
	gdir=$top/tests/vm/$group_arg
else
	die "no such group: $group_arg (directories in tests/vm/)"
fi
group=$(basename "$gdir")
[[ -f "$gdir/group.conf" ]] || die "$gdir/group.conf missing"
[[ -f "$gdir/run.sh" ]] || die "$gdir/run.sh (guest script) missing"

# group.conf defaults; the file is sourced (bash) and may override them.
FLAVOURS="std rt"
CMDLINE="" CMDLINE_STD="" CMDLINE_RT=""
QEMU_ARGS="" SMP=2 MEM=512M TIMEOUT=120 CPU="" MACHINE=pc
# ICOUNT=N: QEMU's instruction-counting clock (run.sh -I N); the
# environment's UNITRON_VM_ICOUNT is the default, so that group.conf
# can scale TIMEOUT by it.
ICOUNT=${UNITRON_VM_ICOUNT:-}
MODULES="" KMODS="" MODULES_DIR=""
GUEST_TOOLS="cyclictest hackbench stress-ng chrt"
GUEST_BINS="" PROGS_CFLAGS=""
# FILES="SRC=DEST ...": more files or directories for the guest
# (mkinitramfs.sh -d), e.g. what prepare_modules() built.
FILES=""
# shellcheck source=/dev/null
. "$gdir/group.conf"
[[ -n "$xtimeout" ]] && TIMEOUT=$xtimeout
# A group may generate its module dirs: MODULES_DIR plus prepare_modules().
moddir=${MODULES_DIR:-$gdir/modules}

if [[ -n "$flavour_arg" ]]; then
	case "$flavour_arg" in std|rt) ;; *) die "flavour must be std or rt" ;; esac
	flavours=$flavour_arg
else
	flavours=$FLAVOURS
fi

if ! "$here/deps.sh" -c >/dev/null 2>&1; then
	echo "Bail out! VM test dependencies missing: run 'make vm-deps'" \
		"(tools/vm/deps.sh) as root"
	exit 1
fi

# Build everything for one flavour; prints the initramfs path.
build_flavour() {
	local fl=$1 fbuild=$build/$1 kver m mods=() kos=() args=() p
	kver=$("$here/kver.sh" "$fl" KVER)
	if declare -F prepare_modules >/dev/null; then
		prepare_modules "$moddir" >&2 || die "prepare_modules failed"
	fi
	if [[ -n "$MODULES" ]]; then
		read -ra mods <<<"$MODULES"
	elif [[ -d "$moddir" ]]; then
		for m in "$moddir"/*/; do
			[[ -d "$m" ]] && mods+=("$(basename "$m")")
		done
	fi
	for m in "${mods[@]}"; do
		[[ -d "$moddir/$m" ]] || die "module dir $moddir/$m missing"
		"$here/kbuild.sh" -q "$fl" "$moddir/$m" \
			"$fbuild/modules/$group/$m" >&2 ||
			die "module $m failed to build for $kver"
		for p in "$fbuild/modules/$group/$m"/*.ko; do
			kos+=("$p")
		done
	done
	for p in "${kos[@]}"; do args+=(-m "$p"); done
	for m in $KMODS; do args+=(-k "$m"); done
	for p in $GUEST_TOOLS; do args+=(-b "$p"); done
	for p in $GUEST_BINS; do
		[[ "$p" == /* ]] || p=$top/$p
		args+=(-b "$p")
	done
	if compgen -G "$gdir/progs/*.c" >/dev/null; then
		mkdir -p "$fbuild/progs/$group"
		for p in "$gdir"/progs/*.c; do
			local out name flags
			name=$(basename "$p" .c)
			out=$fbuild/progs/$group/$name
			# PROG_CFLAGS_<name>: that program's own flags (-m32).
			flags=PROG_CFLAGS_${name//[^A-Za-z0-9_]/_}
			# Always: a program may #include other project files.
			# shellcheck disable=SC2086
			cc -static -O2 -g -Wall -Wextra -Werror -I"$top" \
				$PROGS_CFLAGS ${!flags:-} -o "$out" "$p" >&2 ||
				die "test program $p failed to build"
			args+=(-b "$out")
		done
	fi
	[[ -d "$gdir/files" ]] && args+=(-d "$gdir/files=unitron/files")
	for p in $FILES; do args+=(-d "$p"); done
	"$here/mkinitramfs.sh" -f "$fl" -o "$fbuild/initramfs/$group.cpio" \
		-s "$gdir/run.sh" "${args[@]}"
}

run_flavour() {
	local fl=$1 initrd cmd
	mkdir -p "$build/$fl"
	# One builder per group and flavour at a time (prove -j, harness.t).
	exec 9>"$build/$fl/.lock-$group"
	flock 9
	initrd=$(build_flavour "$fl") || die "build for $fl failed"
	flock -u 9
	exec 9>&-
	[[ $build_only -eq 1 ]] && { echo "# built $initrd"; return 0; }

	cmd=$CMDLINE
	if [[ $fl == std ]]; then cmd+=" $CMDLINE_STD"; else cmd+=" $CMDLINE_RT"; fi
	[[ -n "$xcmd" ]] && cmd+=" $xcmd"
	local words=()
	read -ra words <<<"$cmd"
	local ropts=(-f "$fl" -i "$initrd" -n "${name:-$group-$fl}"
		-c "${words[*]}" -q "$QEMU_ARGS $xqemu" -s "$SMP" -m "$MEM"
		-t "$TIMEOUT" -M "$MACHINE")
	[[ -n "$CPU" ]] && ropts+=(-C "$CPU")
	[[ -n "$ICOUNT" ]] && ropts+=(-I "$ICOUNT")
	[[ -n "$cases" ]] && ropts+=(-a "$cases")
	[[ $verbose -eq 1 ]] && ropts+=(-v)
	[[ $shell -eq 1 ]] && ropts+=(-S)
	"$here/run.sh" "${ropts[@]}"
}

read -ra fls <<<"$flavours"
set -- "${fls[@]}"
if [[ $# -eq 1 || $shell -eq 1 || $build_only -eq 1 ]]; then
	rc=0
	for fl in "$@"; do
		run_flavour "$fl" || rc=1
	done
	exit $rc
fi

# Several flavours in one TAP stream: renumber, one plan at the end.
rc=0 total=0
count=$(mktemp)
trap 'rm -f "$count"' EXIT
for fl in "$@"; do
	echo "# flavour $fl"
	set +e
	run_flavour "$fl" | awk -v off="$total" -v count="$count" '
		/^1\.\.[0-9]+/ { next }
		/^(not ok|ok) [0-9]+/ { n++; sub(/ok [0-9]+/, "ok " (off + n)) }
		{ print; fflush() }
		END { print off + n > count }'
	st=("${PIPESTATUS[@]}")
	set -e
	[[ ${st[0]} -eq 0 && ${st[1]} -eq 0 ]] || rc=1
	total=$(cat "$count")
done
echo "1..$total"
exit $rc
