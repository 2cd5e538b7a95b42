#!/bin/bash
# Unitron bare port - stage the loader (port/bare/loader, unitron_core.ko)
# as one Kbuild directory: its sources, the bridge's ABI headers
# (bridge/include) in include/, and the proxy server's side of Linux I/O
# it shares with the linux port (bridge/linux/vio_server.[ch]).  Kbuild
# builds no source from outside a module's directory.
#
#   port/bare/mkloader.sh OUT_DIR
#
# Then: make -C KDIR M=OUT_DIR (or tools/vm/kbuild.sh FLAVOUR OUT_DIR ...).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
[[ $# -eq 1 ]] || { echo "usage: $0 OUT_DIR" >&2; exit 2; }
rm -rf "$1"
mkdir -p "$1/include"
cp "$top"/port/bare/loader/* "$1/"
cp "$top"/bridge/linux/vio_server.[ch] "$1/"
cp "$top"/bridge/include/unitron_brg_abi.h \
	"$top"/bridge/include/unitron_vio_abi.h "$1/include/"
