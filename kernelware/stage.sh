#!/bin/sh
# Stage kernelware.ko's Kbuild directory (the module sources and the
# uapi header) in DIR, for tools/vm/kbuild.sh or make -C KDIR M=DIR.
set -eu
[ $# -eq 1 ] || { echo "usage: kernelware/stage.sh DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$1"
mkdir -p "$1/include"
cp "$here"/module/* "$1/"
cp "$here/include/kernelware.h" "$here/include/kw_reentry.h" "$1/include/"
