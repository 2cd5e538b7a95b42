#!/bin/bash
# Install everything the QEMU kernel-test harness needs (Debian 12).
# Idempotent: a fast no-op when every package is already installed.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: tools/vm/deps.sh [-c] [-h]

Installs (apt-get, as root) QEMU, Debian's standard and PREEMPT_RT kernels
with their headers, busybox-static, cpio, rt-tests, stress-ng, kmod,
trace-cmd, sqlite3 and xz-utils (kernelware runs them), iproute2 (TIPC
nodes), the module build toolchain and
gcc-multilib (32-bit test programs for the compat ioctls).
Does nothing when all are already installed.

  -c   check only: exit 0 if everything is present, 1 otherwise
  -h   this help

Initramfs hooks: the harness boots its own initramfs, never Debian's, so in
a container (where update-initramfs is slow and may fail) the kernel
packages are installed with INITRD=No, which /etc/kernel/postinst.d/
initramfs-tools honours (it exits at once). Force this on any host with
UNITRON_VM_NO_INITRD=1, or keep Debian's hooks with UNITRON_VM_NO_INITRD=0.
EOF
}

check_only=0
while getopts "ch" opt; do
	case "$opt" in
	c) check_only=1 ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done

PKGS=(
	qemu-system-x86 qemu-utils
	linux-image-amd64 linux-headers-amd64
	linux-image-rt-amd64 linux-headers-rt-amd64
	busybox-static cpio rt-tests stress-ng kmod trace-cmd sqlite3
	build-essential bc bison flex libelf-dev libssl-dev dwarves gcc-multilib
	perl python3 file zstd iproute2 xz-utils
)

missing=()
declare -A status=()
while read -r p st; do
	status[$p]=$st
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${PKGS[@]}" \
	2>/dev/null || true)
for p in "${PKGS[@]}"; do
	[[ "${status[$p]:-}" == ii* ]] || missing+=("$p")
done

here=$(cd "$(dirname "$0")" && pwd)

if [[ ${#missing[@]} -eq 0 ]]; then
	# Packages are there; make sure both kernel flavours resolve.
	if "$here/kver.sh" std >/dev/null && "$here/kver.sh" rt >/dev/null; then
		exit 0
	fi
	echo "deps.sh: packages installed but a kernel flavour does not resolve" >&2
	[[ $check_only -eq 1 ]] && exit 1
	missing=(linux-image-amd64 linux-headers-amd64 linux-image-rt-amd64 linux-headers-rt-amd64)
fi

if [[ $check_only -eq 1 ]]; then
	echo "deps.sh: missing: ${missing[*]}" >&2
	exit 1
fi

if [[ $(id -u) -ne 0 ]]; then
	echo "deps.sh: missing packages: ${missing[*]}" >&2
	echo "deps.sh: run as root (or: sudo $0)" >&2
	exit 1
fi

in_container() {
	[[ -f /.dockerenv || -f /run/.containerenv ]] && return 0
	if command -v systemd-detect-virt >/dev/null 2>&1 &&
	   systemd-detect-virt -q -c 2>/dev/null; then
		return 0
	fi
	grep -qaE 'container=' /proc/1/environ 2>/dev/null && return 0
	# No init system as PID 1: not a bootable installation.
	local comm
	comm=$(cat /proc/1/comm 2>/dev/null || echo "")
	[[ "$comm" != systemd && "$comm" != init ]]
}

no_initrd=${UNITRON_VM_NO_INITRD:-}
if [[ -z "$no_initrd" ]]; then
	if in_container; then no_initrd=1; else no_initrd=0; fi
fi

export DEBIAN_FRONTEND=noninteractive
export APT_LISTCHANGES_FRONTEND=none
if [[ "$no_initrd" == 1 ]]; then
	export INITRD=No
	echo "deps.sh: installing kernels without a Debian initrd (INITRD=No)"
fi

apt_opts=(-y -q --no-install-recommends
	-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

echo "deps.sh: installing: ${missing[*]}"
apt-get -q update
if ! apt-get install "${apt_opts[@]}" "${missing[@]}"; then
	# A failed maintainer script (typically an initramfs or bootloader hook
	# in a container) leaves packages half-configured: retry without the
	# initrd hook, which the harness never needs.
	echo "deps.sh: install failed; retrying with INITRD=No" >&2
	export INITRD=No
	dpkg --configure -a
	apt-get install "${apt_opts[@]}" "${missing[@]}"
fi

for f in std rt; do
	if ! "$here/kver.sh" "$f" >/dev/null; then
		echo "deps.sh: kernel flavour '$f' still does not resolve" >&2
		exit 1
	fi
done
echo "deps.sh: done"
"$here/kver.sh" std
"$here/kver.sh" rt
