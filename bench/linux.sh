# shellcheck shell=bash disable=SC2154
# Unitron - benchmarks of the linux port, in QEMU (bench/run.sh sources
# this file: $out, $intervals, $report and its helpers).  The guest side
# is the group bench/linux/; its records land in the console log.

vmlogs=${UNITRON_VM_BUILD:-$top/build/vm}/logs
# -i (icount): its own log names, beside the wall-clock runs'.
vmtag=${icount:+-icount}
# The µITRON CPU and the raisers' (bench/linux/run.sh: one vCPU under -i).
if [[ -n "$icount" ]]; then icpu=0 lcpu=0; else icpu=1 lcpu=0; fi
cases_cyclic="cyc10_idle cyc10_load cyc1_idle cyc1_load"

# A console log's BENCH records, each prefixed with the case it ran in.
records() {	# LOG
	awk '{ sub(/\r$/, "") }
	     /unitron-vm: case-begin / { c = $NF; next }
	     /BENCH / { sub(/.*BENCH /, ""); print c, $0 }' "$1"
}

# The host's load average and QEMU processes, every 10 s: other guests
# on this machine take host CPUs from ours, which shows as latency.
sample_host() {
	while sleep 10; do
		echo "$(cut -d' ' -f1 /proc/loadavg) $(pgrep -c qemu-system)"
	done
}

# "mean load, most QEMU processes at once" of sample_host's output.
host_summary() {	# FILE
	awk '{ l += $1; if ($2 > q) q = $2 }
	     END { printf "host load average %.1f, up to %d QEMU guests at once (ours included)", NR ? l / NR : 0, q }' "$1"
}

# One boot of the bench group on kernel flavour FL.
boot() {	# FL
	local sampler start
	echo "== linux port in QEMU, $1 kernel: one boot, $intervals samples =="
	sample_host >"$out/host-$1.load" &
	sampler=$!
	start=$SECONDS
	local tg=(-n "bench-linux$vmtag-$1")
	[[ -z "${BENCH_CASES:-}" ]] || tg+=(-a "$BENCH_CASES")
	BENCH_INTERVALS=$intervals UNITRON_VM_ICOUNT=$icount \
		tools/vm/test-group.sh "${tg[@]}" \
		bench/linux "$1" >"$out/linux-$1.tap" ||
		echo "bench-linux-$1: some guest checks failed: $out/linux-$1.tap" >&2
	kill "$sampler"
	records "$vmlogs/bench-linux$vmtag-$1.log" >"$out/linux-$1.records"
	echo "- $1 kernel: $(((SECONDS - start) / 60)) min (build and boot included), $(host_summary "$out/host-$1.load")." >>"$out/linux-runs.md"
}

case_period() { local p=${1#cyc}; echo "${p%%_*}"; }
case_load() { [[ $1 == *_load ]] && echo "ls -lR / + hackbench" || echo idle; }

# "min / max / mean / stddev (worst w)" of a cyclic measurer's intervals.
interval_cell() {	# FL CASE WHO
	local min max mean sd worst
	read -r min max mean sd worst _ < <(devstat "$out/linux-$1.records" \
		"$2 interval_us $3" $(($(case_period "$2") * 1000)) 1)
	echo "$min / $max / $mean / $sd ($worst)"
}

cyclic_table() {	# FL
	local c
	echo "Cyclic activations on CPU $icpu, $1 kernel, $intervals intervals per measurer"
	echo "in alternating rounds: interval min / max / mean / stddev, and (the worst"
	echo "deviation from the period), µs.  µITRON adv: loaded with"
	echo "tick_advance_us=${BENCH_ADVANCE:-50}."
	echo
	echo "| period | load | µITRON cyclic handler | µITRON adv | ualarm, SCHED_FIFO 99 | cyclictest -p99 |"
	echo "| --- | --- | --- | --- | --- | --- |"
	for c in $cases_cyclic; do
		echo "| $(case_period "$c") ms | $(case_load "$c") |" \
		     "$(interval_cell "$1" "$c" itron) |" \
		     "$(interval_cell "$1" "$c" itron_adv) |" \
		     "$(interval_cell "$1" "$c" ualarm) |" \
		     "$(interval_cell "$1" "$c" cyclictest) |"
	done
	echo
}

# A / B where B is a figure printed to resolution RES (1 µs, or 0.1 µs
# for a stddev): a B below it is only known to be less, so the ratio is
# "> A / RES".
ratio_res() {	# A B RES
	if awk -v b="$2" -v r="$3" 'BEGIN { exit !(b < r) }'; then
		echo "> $(ratio "$1" "$3")"
	else
		ratio "$1" "$2"
	fi
}

# stddev and worst-deviation ratios of cyclictest and ualarm to µITRON.
ratio_row() {	# FL CASE
	local f="$out/linux-$1.records" p isd iw asd aw usd uw csd cw
	p=$(($(case_period "$2") * 1000))
	read -r _ _ _ isd iw _ < <(devstat "$f" "$2 interval_us itron" "$p" 1)
	read -r _ _ _ asd aw _ < <(devstat "$f" "$2 interval_us itron_adv" "$p" 1)
	read -r _ _ _ usd uw _ < <(devstat "$f" "$2 interval_us ualarm" "$p" 1)
	read -r _ _ _ csd cw _ < <(devstat "$f" "$2 interval_us cyclictest" "$p" 1)
	echo "| $1 | $(case_period "$2") ms | $(case_load "$2") |" \
	     "$(ratio "$csd" "$isd") | $(ratio "$cw" "$iw") |" \
	     "$(ratio "$usd" "$isd") | $(ratio "$uw" "$iw") |" \
	     "$(ratio_res "$csd" "$asd" 0.1) | $(ratio_res "$cw" "$aw" 1) |"
}

ratio_table() {
	local fl c
	echo "Ratios of the Linux measurers' interval stddev and worst deviation to"
	echo "µITRON's: > 1 means the µITRON cyclic handler is steadier."
	echo
	echo "| kernel | period | load | stddev: cyclictest / µITRON | worst: cyclictest / µITRON | stddev: ualarm / µITRON | worst: ualarm / µITRON | stddev: cyclictest / µITRON adv | worst: cyclictest / µITRON adv |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		for c in $cases_cyclic; do
			ratio_row "$fl" "$c"
		done
	done
	echo
}

# min / mean / max in µs of a latency record; DIV 1000 for ns.
latency_cell() {	# FL PREFIX DIV
	local min max mean n
	read -r min max mean _ _ n < <(devstat "$out/linux-$1.records" "$2" 0 "$3")
	echo "$min / $mean / $max ($n)"
}

latency_row() {	# FL LOAD
	local f="$out/linux-$1.records" it at ct
	read -r _ _ _ _ it _ < <(devstat "$f" "latency_$2 latency_ns_tick itron" 0 1000)
	read -r _ _ _ _ at _ < <(devstat "$f" "latency_$2 latency_ns_tick itron_adv" 0 1000)
	read -r _ _ _ _ ct _ < <(devstat "$f" "cyc1_$2 latency_us cyclictest" 0 1)
	echo "| $1 | $(case_load "_$2") |" \
	     "$(latency_cell "$1" "latency_$2 latency_ns_tick itron" 1000) |" \
	     "$(latency_cell "$1" "cyc1_$2 latency_us cyclictest" 1) |" \
	     "$(ratio "$ct" "$it") |" \
	     "$(latency_cell "$1" "latency_$2 latency_ns_tick itron_adv" 1000) |" \
	     "$(ratio "$ct" "$at") |" \
	     "$(latency_cell "$1" "latency_$2 latency_ns_swi itron" 1000) |" \
	     "$(latency_cell "$1" "latency_$2 latency_ns_dev itron" 1000) |"
}

latency_table() {
	local fl
	echo "Latency to the first instruction of the woken task or thread, µs:"
	echo "min / mean / max (samples).  Tick: from the moment the µITRON tick's"
	echo "hrtimer was due to the task a cyclic handler woke (the idle µITRON"
	echo "thread is woken through Linux's scheduler, as cyclictest's thread is);"
	echo "cyclictest: its wake-up latency at 1 ms.  SWI: from the ioctl of a"
	echo "process on CPU $lcpu (unitronctl raise, 2 ms apart) to the task the"
	echo "handler woke on CPU $icpu.  edu: from an hrtimer on CPU $lcpu writing QEMU's"
	echo "edu PCI device's raise register (every 2 ms) to the task the device"
	echo "interrupt's µITRON handler woke on CPU $icpu.  µITRON adv: loaded with"
	echo "tick_advance_us=${BENCH_ADVANCE:-50}: the idle thread is woken that much"
	echo "early and takes the tick at its due time itself."
	echo
	echo "| kernel | load | µITRON tick → task | cyclictest -p99, 1 ms | worst: cyclictest / µITRON | µITRON adv tick → task | worst: cyclictest / µITRON adv | µITRON SWI from a process → task | µITRON edu device interrupt → task |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		latency_row "$fl" idle
		latency_row "$fl" load
	done
	echo
}

# A row per kernel: µITRON's KEY against the kthreads' BASE_KEY, each
# a rate, from the guest's log.
faster_rows() {	# KEY BASE_KEY
	local fl log it kt

	for fl in ${BENCH_FLAVOURS:-std rt}; do
		log=$vmlogs/bench-linux$vmtag-$fl.log
		it=$(value "$1" "$log")
		kt=$(value "$2" "$log")
		echo "| $fl | $it | $kt | $(ratio "$it" "$kt") × faster |"
	done
}

switch_table() {
	echo "Task switching on CPU $icpu: semaphore ping-pong between two µITRON tasks"
	echo "against completion ping-pong between two SCHED_FIFO 99 kthreads (a"
	echo "round trip is two switches; no inter-OS slice, no RT throttling)."
	echo
	echo "| kernel | µITRON round trips/s | kthreads round trips/s | ratio |"
	echo "| --- | --- | --- | --- |"
	faster_rows itron_sem_round_trips_per_s kthread_round_trips_per_s
	echo
	echo "Priority-inheritance handover on CPU $icpu: a high task waits for a"
	echo "TA_INHERIT mutex a low one holds, which inherits, unlocks and hands"
	echo "it over, against the same between two SCHED_FIFO kthreads and an"
	echo "rt_mutex (the kernel's PI mutex)."
	echo
	echo "| kernel | µITRON handovers/s | kthreads + rt_mutex handovers/s | ratio |"
	echo "| --- | --- | --- | --- |"
	faster_rows itron_pi_handovers_per_s rt_mutex_pi_handovers_per_s
	echo
}

# The mean of KEY's values in FL's records that start with PREFIX (the
# case, then the guest's WHO for a Linux program's records): the rounds
# merged.  Empty without one.
rec() {	# FL PREFIX KEY
	awk -v p="$2 " -v k="$3" 'index($0, p) == 1 {
		split(substr($0, length(p) + 1), a, " ")
		if (a[1] == k) { s += a[2]; n++ } }
	     END { if (n) printf "%.2f\n", s / n }' "$out/linux-$1.records"
}

# "| ... | VALUE | LABEL: BASE | ratio × |" of a measurement and a baseline.
vs_cells() {	# VALUE LABEL BASE
	echo "${1:--} | $2${2:+: }${3:--} | $(ratio "${1:-0}" "${3:-0}") × |"
}

bridge_table() {
	local fl b who key label
	echo "The bridge: a process on CPU 0 calls tests/bridge/app's echo task on"
	echo "CPU 1 through /dev/unitron0, snd IN_DTQ + rcv OUT_DTQ (two calls, a"
	echo "round trip), $((intervals * 2)) times in 5 rounds, beside brgbench's two"
	echo "processes exchanging a call-sized packet ($((intervals * 2)) times, in"
	echo "turn with the bridge) over a SOCK_SEQPACKET pair or two pipes, both"
	echo "on CPU 0 or both free on CPUs 0-1, and beside vio_native's byte through"
	echo "two pipes between processes pinned to CPU 0 and CPU 1.  Every Linux"
	echo "process SCHED_OTHER; mean µs per round trip; ratio > 1: the bridge is"
	echo "slower."
	echo
	echo "| kernel | process → µITRON task → process, µs | Linux baseline, µs | ratio |"
	echo "| --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		b=$(rec "$fl" "bridge itron" bridge_round_trip_us)
		while IFS=: read -r who key label; do
			echo "| $fl | $(vs_cells "$b" "$label" \
				"$(rec "$fl" "$who" "${key}_round_trip_us")")"
		done <<-EOF
		bridge cpu0:socket:socket pair, both on CPU 0
		bridge cpu0:pipe:pipes, both on CPU 0
		bridge cpu01:socket:socket pair, both free on CPUs 0-1
		bridge cpu01:pipe:pipes, both free on CPUs 0-1
		vio native:pipe:pipes, pinned to CPU 0 and CPU 1 (1 byte)
		EOF
	done
	echo
}

vio_keys="null_oneshot null_cont null_cont_pause null_cont_4tasks stat
	open_close open_fstat_close open_lseek_close open_read1k_close
	open_write1k_close seqread1k randread1k seqwrite1k randwrite1k
	seqread8k randread8k seqwrite8k randwrite8k"

vio_table() {
	local k fl row base
	echo "Linux I/O delegated (bench/vio as a module, µITRON on CPU 1) to"
	echo "unitron-proxyd's proxies on CPU 0 (SCHED_OTHER, /dev/unitron0), beside"
	echo "the same calls made natively by vio_native (CPU 0) in the same tmpfs"
	echo "directory; the null call beside getpid.  Mean µs per call; ratio:"
	echo "delegated / native.  Warm runs only: the guest has no disk, and 512 MB"
	echo "hold no 200 MB file to drop from the page cache (no cold runs)."
	echo
	echo "| call | std: delegated | std: native | std: ratio | rt: delegated | rt: native | rt: ratio |"
	echo "| --- | --- | --- | --- | --- | --- | --- |"
	for k in $vio_keys; do
		row="| $k |"
		for fl in ${BENCH_FLAVOURS:-std rt}; do
			if [[ $k == null_* ]]; then
				base=$(rec "$fl" "vio native" getpid_us)
				row+=" $(vs_cells "$(rec "$fl" vio "${k}_us")" getpid "$base")"
			else
				base=$(rec "$fl" "vio native" "${k}_us")
				row+=" $(vs_cells "$(rec "$fl" vio "${k}_us")" "" "$base")"
			fi
		done
		echo "$row"
	done
	echo
	echo "The null call beside its bare transport: vio_native's byte to a process"
	echo "on CPU 1 and back through two pipes, continuously and after a 1 ms"
	echo "pause (the delegated call after a 1-tick dly_tsk)."
	echo
	echo "| kernel | call | delegated, µs | Linux baseline, µs | ratio |"
	echo "| --- | --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		for k in null_cont:pipe_round_trip \
			 null_cont_pause:pipe_round_trip_pause; do
			echo "| $fl | ${k%:*} | $(vs_cells \
				"$(rec "$fl" vio "${k%:*}_us")" "${k#*:}" \
				"$(rec "$fl" "vio native" "${k#*:}_us")")"
		done
	done
	echo
}

linux_bench() {
	local fl
	: >"$out/linux-runs.md"
	# BENCH_FLAVOURS: the kernels to boot (default both).
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		boot "$fl"
	done
	{
		if [[ -n "$icount" ]]; then
			echo "linux port in QEMU (TCG, 1 vCPU, -icount shift=$icount,sleep=off,align=off:"
			echo "virtual time, $((1 << icount)) ns per guest instruction), Debian 6.1 std (preempt=full) and"
		else
			echo "linux port in QEMU (TCG, 2 vCPUs), Debian 6.1 std (preempt=full) and"
		fi
		echo "PREEMPT_RT; load: \`ls -lR /\` and \`hackbench -g 4\` in loops on both CPUs:"
		echo
		cat "$out/linux-runs.md"
		echo
	} >>"$report"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		cyclic_table "$fl"
	done | tee -a "$report"
	{ ratio_table; latency_table; switch_table; bridge_table; vio_table; } |
		tee -a "$report"
}
