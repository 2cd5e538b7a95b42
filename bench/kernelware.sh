# shellcheck shell=bash disable=SC2154
# Unitron - kernelware's benchmarks, in QEMU (bench/run.sh sources this
# file: $out, $intervals, $report, records and ratio).  The guest side is
# bench/kernelware/ (kwbench); one boot of the standard kernel.

kw_records=$out/kernelware.records

# Field KEY of the N-th (default first) record of CASE whose first word
# is KIND and whose other fields match SEL (key=value ...).
kw_field() {	# CASE KIND SEL KEY [N]
	awk -v c="$1" -v k="$2" -v sel="$3" -v key="$4" -v n="${5:-1}" '
	$1 == c && $2 == k {
		split("", v)
		for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		m = split(sel, s, " ")
		for (i = 1; i <= m; i++) { split(s[i], kv, "="); if (v[kv[1]] != kv[2]) next }
		if (++seen == n) { print v[key]; exit }
	}' "$kw_records"
}

# MB/s (bytes per µs) of copying SIZE-byte files by METHOD.
copy_rate() {	# SIZE METHOD
	local sel="size=$1 method=$2"
	awk -v b="$(kw_field copy copy "$sel" bytes)" \
	    -v t="$(kw_field copy copy "$sel" ns)" \
	    'BEGIN { print (t > 0 ? b * 1000 / t : 0) }'
}

pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? 100 * a / b : 0) }'; }

kw_syscall_table() {
	local name user insn call
	echo "System calls, TSC cycles per call ($1 calls each), in one process:"
	echo "user mode, then kernel mode through the syscall instruction (as an"
	echo "unmodified binary makes them) and through kw_syscall() (libkw)."
	echo
	echo "| call | user mode | kernel mode, syscall insn | % of user | kernel mode, kw_syscall() | % of user |"
	echo "| --- | --- | --- | --- | --- | --- |"
	for name in getpid chdir gettimeofday read_1 read_8192 write_1 write_8192; do
		user=$(kw_field syscalls syscall "name=$name" user)
		insn=$(kw_field syscalls syscall "name=$name" kernel)
		call=$(kw_field syscalls syscall "name=$name" call)
		echo "| $name | $user | $insn | $(pct "$insn" "$user") | $call | $(pct "$call" "$user") |"
	done
	echo
}

kw_other_tables() {
	local before after u k size m row
	local -A rate
	# Each case made two such records: the first is the baseline.
	before=$(kw_field overhead getpid "" user 1)
	after=$(kw_field overhead getpid "" user 2)
	u=$(kw_field ls run "" ns 1)
	k=$(kw_field ls run "" ns 2)
	echo "| measure | without | with | ratio |"
	echo "| --- | --- | --- | --- |"
	echo "| getpid in an ordinary process, cycles: module not loaded / loaded | $before | $after | $(ratio "$after" "$before") |"
	echo "| ls -l over 1,000 files, ms per run: user mode / kernel mode | $((u / 1000000)) | $((k / 1000000)) | $(ratio "$k" "$u") |"
	echo
	echo "File copy on tmpfs, MB/s (64 KB chunks; small files copied 1,024 times per MB):"
	echo
	echo "| size | read/write | copy_file_range | io_uring | kernelware, in-kernel copy | kernelware vs read/write |"
	echo "| --- | --- | --- | --- | --- | --- |"
	for size in 1 1024 65536 1048576 2097152; do
		row="| $size B"
		for m in rw copy_file_range io_uring kernel; do
			rate[$m]=$(copy_rate "$size" "$m")
			row+=" | $(printf '%.1f' "${rate[$m]}")"
		done
		echo "$row | $(ratio "${rate[kernel]}" "${rate[rw]}") × |"
	done
	echo
}

kernelware_bench() {
	local calls=1000000 start
	[[ $intervals -eq 10000 ]] || calls=100000
	echo "== kernelware in QEMU, std kernel: one boot, $calls calls per system call =="
	start=$SECONDS
	# -i: virtual time, where TSC cycles count guest instructions
	# (2^N ns each), not the host's.
	BENCH_CALLS=$calls BENCH_COPY_MB=16 UNITRON_VM_ICOUNT=$icount \
		tools/vm/test-group.sh -n "bench-kernelware$vmtag" \
		bench/kernelware std >"$out/kernelware.tap" ||
		echo "bench-kernelware: some guest checks failed: $out/kernelware.tap" >&2
	records "$vmlogs/bench-kernelware$vmtag.log" >"$kw_records"
	{
		kw_syscall_table "$calls"
		kw_other_tables
		echo "(one boot, $(((SECONDS - start) / 60)) min with the build)"
		echo
	} | tee -a "$report"
}
