#!/bin/bash
# Unitron bare port - build a µITRON application into an image for a CPU
# of its own (issue 12): the core, the port, the system tasks, the
# application and its generated kernel_cfg.c, compiled freestanding by
# the host's gcc and linked into one flat file that unitron_core.ko
# boots (insmod unitron_core.ko image=/path/NAME.img).
#
#   port/bare/mkimage.sh APP_DIR OUT_DIR [NAME] [-- EXTRA_SRC...]
#
# Makes OUT_DIR/NAME.img (NAME: that of the .cfg by default).  In the
# environment, as for the other ports: CFGFILE, the .cfg when APP_DIR
# has several; APP_DEFS, -D options for the .cfg and the C code; API=asp
# for a TOPPERS/ASP application (asp/README.md).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
usage() { echo "usage: $0 APP_DIR OUT_DIR [NAME] [-- EXTRA_SRC...]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
[[ -d $1 ]] || { echo "mkimage.sh: $1: no such directory" >&2; exit 1; }
app=$(cd "$1" && pwd) out=$2
shift 2
if [[ -n ${CFGFILE:-} ]]; then
	cfg=$app/$CFGFILE
else
	cfgs=("$app"/*.cfg)
	[[ ${#cfgs[@]} -eq 1 ]] || {
		echo "mkimage.sh: $app: expected one .cfg; name one with CFGFILE=" >&2
		exit 1
	}
	cfg=${cfgs[0]}
fi
[[ -f $cfg ]] || { echo "mkimage.sh: $cfg: no such file" >&2; exit 1; }
name=$(basename "$cfg" .cfg)
if [[ $# -gt 0 && $1 != -- ]]; then name=$1; shift; fi
[[ ${1:-} == -- ]] && shift
extra=("$@")
read -ra defs <<<"${APP_DEFS:-}"
api=${API:-jsp}
[[ $api == jsp || $api == asp ]] ||
	{ echo "mkimage.sh: API=$api: expected jsp or asp" >&2; exit 1; }

make -s -C "$top" cfg
mkdir -p "$out/obj"
out=$(cd "$out" && pwd)
inc=(-I"$out" -I"$app" -I"$top/itron/include" -I"$top/port/bare"
	-I"$top/port/bare/loader" -I"$top/itron/kernel" -I"$top/systask"
	-I"$top/bridge/include" -I"$top/bridge/kernel"
	-I"$top/port/bare/include")
for f in "${extra[@]}"; do inc+=(-I"$(dirname "$f")"); done
# The application's own sources: with ASP's headers first (API=asp).
app_inc=()
cfg_defs=("${defs[@]}")
if [[ $api == asp ]]; then
	app_inc=(-I"$top/asp/include")
	"$top/cfg/unitron-cfg" --expand "${app_inc[@]}" "${inc[@]}" "$cfg" \
		>"$out/$name.x.cfg"
	cfg=$out/$name.x.cfg
	cfg_defs+=(-DTOPPERS_MACRO_ONLY)
fi

ln -sfn "$top" "$out/@(SRCDIR)"
cc -E -x c -D_MACRO_ONLY= -DUNITRON_CFG "${cfg_defs[@]}" "${app_inc[@]}" \
	"${inc[@]}" "$cfg" -o "$out/$name.i"
rm "$out/@(SRCDIR)"
"$top/cfg/unitron-cfg" -o "$out" "$out/$name.i"

# No SSE (the port does not enable it, nor save it), no red zone
# (interrupts push onto the running stack), addresses in the top 2 GiB.
cflags=(-std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter
	-ffreestanding -nostdinc -fno-pic -fno-pie -fno-stack-protector
	-fno-builtin -fno-tree-loop-distribute-patterns
	-fno-asynchronous-unwind-tables -fcf-protection=none
	-mno-red-zone -mgeneral-regs-only -mcmodel=kernel
	"${defs[@]}" "${inc[@]}")
objs=()
for f in "$top"/itron/kernel/*.c "$top"/port/bare/*.c "$top"/systask/*.c \
	"$top"/bridge/kernel/*.c "$top"/bridge/bare/*.c \
	"$top"/port/bare/*.S; do
	[[ -f $f ]] || continue
	o=$out/obj/$(basename "$(dirname "$f")")_$(basename "${f%.*}").o
	cc "${cflags[@]}" -c "$f" -o "$o"
	objs+=("$o")
done
app_srcs=("$app"/*.c "$out/kernel_cfg.c")
[[ $api == asp ]] && app_srcs+=("$top"/asp/lib/*.c)
for f in "${app_srcs[@]}" "${extra[@]}"; do
	[[ $f == *.c && -f $f ]] || continue
	o=$out/obj/x_$(basename "$(dirname "$f")")_$(basename "${f%.c}").o
	cc "${app_inc[@]}" "${cflags[@]}" -c "$f" -o "$o"
	objs+=("$o")
done
cc -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments -Wl,-T,"$top/port/bare/image.ld" \
	-o "$out/$name.elf" "${objs[@]}" -lgcc
objcopy -O binary "$out/$name.elf" "$out/$name.img"
echo "$out/$name.img"
