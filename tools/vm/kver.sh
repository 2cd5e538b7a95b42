#!/bin/bash
# Resolve the installed Debian kernel of a flavour (std or rt).
# Never looks at the running kernel: the host's kernel is irrelevant.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: tools/vm/kver.sh std|rt [FIELD]

Finds the newest installed Debian kernel of the flavour that has both its
image and its headers (std: *-amd64, rt: *-rt-amd64) and prints
  KVER=6.1.0-NN-amd64
  KDIR=/lib/modules/KVER/build     (Kbuild tree of linux-headers-KVER)
  VMLINUZ=/boot/vmlinuz-KVER
  SYSMAP=/boot/System.map-KVER
or only the value of FIELD (KVER, KDIR, VMLINUZ, SYSMAP).
Override with UNITRON_KVER_STD / UNITRON_KVER_RT=<version>.
Exit status 1 if no such kernel is installed (run tools/vm/deps.sh).
EOF
}

[[ "${1:-}" == -h || "${1:-}" == --help ]] && { usage; exit 0; }
[[ $# -ge 1 && $# -le 2 ]] || { usage >&2; exit 2; }

flavour=$1
field=${2:-}
case "$flavour" in
std) re='^[0-9]+\.[0-9]+\.[0-9]+-[0-9]+-amd64$'; override=${UNITRON_KVER_STD:-} ;;
rt)  re='^[0-9]+\.[0-9]+\.[0-9]+-[0-9]+-rt-amd64$'; override=${UNITRON_KVER_RT:-} ;;
*) echo "kver.sh: unknown flavour '$flavour' (std or rt)" >&2; exit 2 ;;
esac

complete() {
	[[ -f /boot/vmlinuz-$1 && -f /lib/modules/$1/build/Makefile ]]
}

kver=""
if [[ -n "$override" ]]; then
	complete "$override" || {
		echo "kver.sh: $override: missing /boot/vmlinuz-$override or its headers" >&2
		exit 1
	}
	kver=$override
else
	while read -r v; do
		[[ "$v" =~ $re ]] || continue
		complete "$v" && kver=$v
	done < <(find /lib/modules -mindepth 1 -maxdepth 1 -printf '%f\n' \
		2>/dev/null | sort -V)
fi

if [[ -z "$kver" ]]; then
	echo "kver.sh: no installed Debian '$flavour' kernel with headers" \
		"(run tools/vm/deps.sh or make vm-deps)" >&2
	exit 1
fi

KVER=$kver
KDIR=/lib/modules/$kver/build
VMLINUZ=/boot/vmlinuz-$kver
SYSMAP=/boot/System.map-$kver

case "$field" in
"") printf 'KVER=%s\nKDIR=%s\nVMLINUZ=%s\nSYSMAP=%s\n' \
	"$KVER" "$KDIR" "$VMLINUZ" "$SYSMAP" ;;
KVER|KDIR|VMLINUZ|SYSMAP) printf '%s\n' "${!field}" ;;
*) echo "kver.sh: unknown field '$field'" >&2; exit 2 ;;
esac
