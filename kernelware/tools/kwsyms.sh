#!/bin/sh
# kwsyms - the paper's linker-script way to kernel symbols: print a GNU ld
# script of PROVIDE(name = address) for the running kernel, to link a
# program that calls or reads them by plain name:
#
#   kwsyms _printk jiffies > kernel.ld
#   gcc -o prog prog.c kernel.ld -lkw
#
# The addresses hold until the next boot only (KASLR moves the kernel at
# every boot): kw_kernel_symbol() looks them up at run time instead.
# Needs root (/proc/kallsyms shows zeros to others).
set -eu
kallsyms=${KWSYMS_KALLSYMS:-/proc/kallsyms}
[ $# -gt 0 ] || { echo "usage: kwsyms NAME..." >&2; exit 2; }
for name in "$@"; do
	addr=$(awk -v n="$name" '$3 == n && NF == 3 { print $1; exit }' "$kallsyms")
	case "$addr" in
	"") echo "kwsyms: $name: no such kernel symbol" >&2; exit 1 ;;
	0000000000000000) echo "kwsyms: $name: address hidden (run as root)" >&2; exit 1 ;;
	esac
	echo "PROVIDE($name = 0x$addr);"
done
