#!/bin/sh
# Guest script of kernelware's benchmarks: records "BENCH ..." in the
# kernel log (bench/kernelware.sh reads them), TAP for the harness.
# shellcheck source=SCRIPTDIR/../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh

param() { sed -n "s/.*kwbench\.$1=\([0-9]*\).*/\1/p" /proc/cmdline; }
CALLS=$(param calls)
COPY_MB=$(param copy_mb)

# Run a measure, its records to the kernel log.
record() {
	_d=$1
	shift
	if _out=$("$@" 2>&1); then
		echo "$_out" | while read -r _l; do
			echo "BENCH $_l" >/dev/kmsg
		done
		pass "$_d"
	else
		fail "$_d" "$_out"
	fi
}

t_overhead() {
	record "getpid, module not loaded" kwbench getpid "$CALLS"
	check "insmod kernelware" insmod /lib/unitron/modules/kernelware.ko
	record "getpid, module loaded" kwbench getpid "$CALLS"
}

t_syscalls() {
	record "system calls, user and kernel mode" kwbench syscalls "$CALLS"
}

t_ls() {
	mkdir -p /tmp/ls1000
	_i=0
	while [ "$_i" -lt 1000 ]; do
		: >/tmp/ls1000/f$_i
		_i=$((_i + 1))
	done
	# As kwrun runs it (no rseq), in both modes.
	export GLIBC_TUNABLES=glibc.pthread.rseq=0
	record "ls -l over 1,000 files, user mode" \
		kwbench run 20 /usr/bin/ls -l /tmp/ls1000
	record "ls -l over 1,000 files, kernel mode" \
		kwbench run-kernel 20 /usr/bin/ls -l /tmp/ls1000
}

t_copy() {
	record "file copy throughput" kwbench copy "$COPY_MB"
}

run_cases overhead syscalls ls copy
