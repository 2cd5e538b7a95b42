#!/bin/bash
# Build the guest initramfs: busybox, the guest /init and TAP helpers, the
# project's modules, test programs and guest tools (with their shared
# libraries), and a group's guest script. Cached by a hash of all inputs.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: tools/vm/mkinitramfs.sh -f FLAVOUR -o OUT.cpio [options]

  -f FLAVOUR   std or rt (Debian kernel modules come from this flavour)
  -o FILE      output newc cpio archive (staging dir: FILE.d/)
  -s SCRIPT    guest test script, installed as /unitron/run.sh
  -m KO        project module, installed in /lib/unitron/modules/ (repeat)
  -k NAME      Debian kernel module to include with its dependencies,
               loadable with modprobe NAME in the guest (repeat)
  -b BINARY    host program (name in PATH or path) installed in /usr/bin/
               with the shared libraries ldd finds (repeat)
  -d SRC=DEST  extra file or directory copied to DEST in the guest (repeat)
  -F           rebuild even if the inputs are unchanged
  -h           this help

Prints the path of the archive. Rebuilds only when the hash of the inputs
(file contents, options, kernel version, this script and tools/vm/guest/)
changed; the hash is kept in FILE.hash.
EOF
}

die() { echo "mkinitramfs.sh: $*" >&2; exit 1; }

flavour='' out='' script='' force=0
kos=() kmods=() bins=() extras=()
while getopts "f:o:s:m:k:b:d:Fh" opt; do
	case "$opt" in
	f) flavour=$OPTARG ;;
	o) out=$OPTARG ;;
	s) script=$OPTARG ;;
	m) kos+=("$OPTARG") ;;
	k) kmods+=("$OPTARG") ;;
	b) bins+=("$OPTARG") ;;
	d) extras+=("$OPTARG") ;;
	F) force=1 ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || { usage >&2; exit 2; }
[[ -n "$flavour" && -n "$out" ]] || { usage >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
kver=$("$here/kver.sh" "$flavour" KVER)
busybox=$(command -v busybox) || die "busybox not found (run tools/vm/deps.sh)"
file -L "$busybox" | grep -q 'statically linked' ||
	die "$busybox is not static (install busybox-static)"

# --- The plan: "SRC<TAB>DEST" lines, DEST relative to the guest root. ----
plan=()
add() { plan+=("$1"$'\t'"$2"); }

add "$busybox" bin/busybox
add "$here/guest/init" init
add "$here/guest/tap.sh" lib/unitron/tap.sh
add "$here/guest/module.sh" lib/unitron/module.sh
add "$here/guest/bridge.sh" lib/unitron/bridge.sh
add "$here/guest/tipcnet.sh" lib/unitron/tipcnet.sh
if [[ -n "$script" ]]; then
	[[ -f "$script" ]] || die "no such guest script: $script"
	add "$script" unitron/run.sh
fi
for ko in "${kos[@]}"; do
	[[ -f "$ko" ]] || die "no such module: $ko"
	add "$ko" "lib/unitron/modules/$(basename "$ko")"
done

declare -A seen_lib=()
add_libs() {	# shared libraries of $1, at their own paths
	local line lib
	ldd "$1" >/dev/null 2>&1 || return 0	# static
	while read -r line; do
		case "$line" in
		*"=> not found"*) die "$1: missing library: $line" ;;
		*"=> /"*) lib=${line#*=> }; lib=${lib%% (*} ;;
		/*) lib=${line%% (*} ;;
		*) continue ;;
		esac
		[[ -n "${seen_lib[$lib]:-}" ]] && continue
		seen_lib[$lib]=1
		add "$(readlink -f "$lib")" "${lib#/}"
	done < <(ldd "$1")
}

for b in "${bins[@]}"; do
	p=$b
	[[ "$p" == */* ]] || p=$(command -v "$b") || die "program not found: $b"
	[[ -f "$p" && -x "$p" ]] || die "not an executable: $p"
	add "$(readlink -f "$p")" "usr/bin/$(basename "$p")"
	add_libs "$p"
done

for e in "${extras[@]}"; do
	src=${e%%=*} dest=${e#*=}
	[[ "$e" == *=* && -n "$src" && -n "$dest" ]] || die "bad -d '$e' (SRC=DEST)"
	dest=${dest#/}
	if [[ -d "$src" ]]; then
		while IFS= read -r -d '' f; do
			add "$src/$f" "$dest/$f"
		done < <(cd "$src" && find . -type f -printf '%P\0' | LC_ALL=C sort -z)
	elif [[ -f "$src" ]]; then
		add "$src" "$dest"
	else
		die "no such file or directory: $src"
	fi
done

if [[ ${#kmods[@]} -gt 0 ]]; then
	moddir=/lib/modules/$kver
	for m in "${kmods[@]}"; do
		deps=$(modprobe -S "$kver" --show-depends "$m" 2>&1) ||
			die "Debian module '$m' not found for $kver: $deps"
		while read -r kind path _; do
			[[ "$kind" == insmod ]] || continue
			add "$path" "${path#/}"
		done <<<"$deps"
	done
	for f in modules.order modules.builtin modules.builtin.modinfo; do
		[[ -f "$moddir/$f" ]] && add "$moddir/$f" "lib/modules/$kver/$f"
	done
fi

# --- Cache check. ---------------------------------------------------------
key=$(
	echo "kver=$kver"
	sha256sum "$0" "$here"/guest/* | sed "s|  $here/|  |"
	for entry in "${plan[@]}"; do
		src=${entry%%$'\t'*} dest=${entry#*$'\t'}
		echo "$dest $(sha256sum <"$src" | cut -d' ' -f1)"
	done | LC_ALL=C sort
)
hash=$(sha256sum <<<"$key" | cut -d' ' -f1)
mkdir -p "$(dirname "$out")"
if [[ $force -eq 0 && -f "$out" && -f "$out.hash" &&
      "$(cat "$out.hash")" == "$hash" ]]; then
	echo "$out"
	exit 0
fi

# --- Stage and pack. -----------------------------------------------------
stage=$out.d
rm -rf "$stage" "$out.hash"
mkdir -p "$stage"
(cd "$stage" && mkdir -p bin sbin usr/bin usr/sbin lib lib64 etc root \
	proc sys dev tmp run var/log unitron lib/unitron/modules)

for entry in "${plan[@]}"; do
	src=${entry%%$'\t'*} dest=${entry#*$'\t'}
	mkdir -p "$stage/$(dirname "$dest")"
	cp -L "$src" "$stage/$dest"
done
chmod 0755 "$stage/init"
[[ -f "$stage/unitron/run.sh" ]] && chmod 0755 "$stage/unitron/run.sh"

# busybox applets as symlinks, never shadowing a real program we added.
while read -r applet; do
	[[ -e "$stage/$applet" || -L "$stage/$applet" ]] && continue
	[[ -e "$stage/usr/bin/$(basename "$applet")" ]] && continue
	mkdir -p "$stage/$(dirname "$applet")"
	ln -s /bin/busybox "$stage/$applet"
done < <("$busybox" --list-full)

if [[ ${#kmods[@]} -gt 0 ]]; then
	depmod -b "$stage" "$kver" || die "depmod failed"
fi

cat >"$stage/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
cat >"$stage/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
echo unitron-vm >"$stage/etc/hostname"
echo "$kver" >"$stage/etc/unitron-kver"

tmp=$out.tmp.$$
(cd "$stage" && find . -mindepth 1 -print0 | LC_ALL=C sort -z |
	cpio --null -o -H newc --quiet --owner=0:0 --reproducible) >"$tmp"
mv -f "$tmp" "$out"
echo "$hash" >"$out.hash"
echo "$out"
