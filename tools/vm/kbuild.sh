#!/bin/bash
# Build one out-of-tree kernel module directory with Kbuild against the
# headers of a Debian kernel flavour; any warning fails the build.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: tools/vm/kbuild.sh [-q] FLAVOUR SRC_DIR OUT_DIR [MAKE_ARGS...]

Builds the Kbuild module directory SRC_DIR (a Kbuild or Makefile with
obj-m) for FLAVOUR (std or rt, see tools/vm/kver.sh; or the path of a
kernel build tree, e.g. /lib/modules/$(uname -r)/build) in OUT_DIR:
the sources are copied into OUT_DIR (Linux 6.1 cannot put external
module objects outside M=), then `make -C $KDIR M=OUT_DIR modules` runs.
The source tree stays clean. The full build output is in OUT_DIR/build.log.

Fails (exit 1) on a build error or on any "warning:" in the output
(compiler, objtool, modpost, Kbuild). The built *.ko are left in OUT_DIR.
Messages name the files as in SRC_DIR, or where SRC_DIR/.unitron-srcmap
says they came from (lines "REL_PATH<TAB>ORIGINAL", port/linux/mkmodule.sh
writes it), so that they point at the user's own sources.
If nothing changed since the last clean build (sources, kernel headers,
MAKE_ARGS), make is skipped; otherwise OUT_DIR is rebuilt from scratch.

  -q   print the build log only on failure
  -h   this help
EOF
}

quiet=0
while getopts "qh" opt; do
	case "$opt" in
	q) quiet=1 ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -ge 3 ]] || { usage >&2; exit 2; }

flavour=$1 src=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)

[[ -d "$src" ]] || { echo "kbuild.sh: no such directory: $src" >&2; exit 1; }
if [[ ! -f "$src/Kbuild" && ! -f "$src/Makefile" ]]; then
	echo "kbuild.sh: $src has neither Kbuild nor Makefile" >&2
	exit 1
fi
if [[ $flavour == */* ]]; then
	kdir=$flavour
	[[ -f $kdir/Makefile ]] || { echo "kbuild.sh: $kdir: not a kernel build tree" >&2; exit 1; }
else
	kdir=$("$here/kver.sh" "$flavour" KDIR)
fi
src=$(cd "$src" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
case "$out/" in
"$src"/*) echo "kbuild.sh: OUT_DIR must not be inside SRC_DIR" >&2; exit 1 ;;
esac

# The sources, less build products that a stray in-tree build left there.
is_product() {
	case "$1" in
	*.o|*.ko|*.mod|*.mod.c|*.cmd|*.a|*.symvers|*.order|*.log|\
	.tmp_*|*/.tmp_*|.cache.mk) return 0 ;;
	esac
	return 1
}
manifest=$(cd "$src" && find . -type f -printf '%P\n' | LC_ALL=C sort |
	while read -r f; do is_product "$f" || printf '%s\n' "$f"; done)

# Inputs unchanged since the last warning-free build: nothing to do (a
# no-op Kbuild run still costs about two seconds). Otherwise build from
# scratch: an incremental make would not recompile an object whose
# warnings were seen once, and they would pass unseen the next time.
stamp=$(
	echo "$kdir $(readlink -f "$kdir") $*"
	sha256sum "$0" "$kdir/Makefile" "$kdir/.config" | cut -d' ' -f1
	cd "$src" && while read -r f; do
		[[ -n "$f" ]] && sha256sum "$f"
	done <<<"$manifest"
)
stamp=$(sha256sum <<<"$stamp" | cut -d' ' -f1)
if [[ -f "$out/.unitron-stamp" && "$(cat "$out/.unitron-stamp")" == "$stamp" ]] &&
   compgen -G "$out/*.ko" >/dev/null; then
	[[ $quiet -eq 1 ]] || echo "kbuild.sh: $out is up to date"
	exit 0
fi
if [[ -n "$(ls -A "$out")" && ! -f "$out/.unitron-kbuild" ]]; then
	echo "kbuild.sh: $out is not empty and not a kbuild.sh output dir;" \
		"refusing to clean it" >&2
	exit 1
fi
find "$out" -mindepth 1 -delete
touch "$out/.unitron-kbuild"
while read -r f; do
	[[ -n "$f" ]] || continue
	mkdir -p "$out/$(dirname "$f")"
	cp "$src/$f" "$out/$f"
done <<<"$manifest"

log=$out/build.log
rc=0
make -C "$kdir" M="$out" -j"$(nproc)" "$@" modules >"$log" 2>&1 || rc=$?

# The log with the paths of the sources, not of their copies in OUT_DIR.
map=$out/.unitron-srcmap
if [[ ! -f $map ]]; then
	map=$(mktemp)
	trap 'rm -f "$map"' EXIT
	while read -r f; do
		[[ -n "$f" ]] && printf '%s\t%s\n' "$f" "$src/$f"
	done <<<"$manifest" >"$map"
fi
perl -i -e '
	my ($map, $out) = (shift, shift);
	open(my $m, "<", $map) or die "$map: $!";
	my %to = map { chomp; split(/\t/, $_, 2) } <$m>;
	my @from = sort { length($b) <=> length($a) } keys %to;
	my $re = join("|", map { quotemeta } @from);
	while (<>) {
		s{\Q$out\E/($re)\b}{$to{$1}}g if @from;
		print;
	}' "$map" "$out" "$log"

warnings=$(grep -inE 'warning:' "$log" || true)
if [[ $rc -ne 0 || -n "$warnings" ]]; then
	cat "$log" >&2
	if [[ $rc -ne 0 ]]; then
		echo "kbuild.sh: build of $src for $flavour FAILED (make exit $rc)" >&2
	else
		echo "kbuild.sh: build of $src for $flavour has warnings:" >&2
		printf '%s\n' "$warnings" >&2
	fi
	exit 1
fi
[[ $quiet -eq 1 ]] || cat "$log"
if ! compgen -G "$out/*.ko" >/dev/null; then
	echo "kbuild.sh: build of $src produced no .ko" >&2
	exit 1
fi
echo "$stamp" >"$out/.unitron-stamp"
