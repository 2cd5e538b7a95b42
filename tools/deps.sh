#!/bin/bash
# Unitron - install the Debian packages the project needs (make deps).
# Idempotent: a fast no-op when everything is installed.  The QEMU
# kernel-test harness's own packages come from tools/vm/deps.sh.
set -euo pipefail

case "${1:-}" in
-h|--help)
	echo "usage: tools/deps.sh   (as root; installs build, test and"
	echo "benchmark packages with apt-get, then the QEMU harness's)"
	exit 0 ;;
esac

PKGS=(
	build-essential make perl valgrind strace util-linux pkg-config
	clang llvm libclang-rt-14-dev
	rt-tests stress-ng cloc liburing-dev
)

missing=()
for p in "${PKGS[@]}"; do
	[[ $p == \#* ]] && continue
	dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' ||
		missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
	if [[ $(id -u) -ne 0 ]]; then
		echo "deps.sh: missing packages: ${missing[*]}; run as root" >&2
		exit 1
	fi
	echo "deps.sh: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
exec "$(dirname "$0")/vm/deps.sh"
