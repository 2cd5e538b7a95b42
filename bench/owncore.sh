# shellcheck shell=bash disable=SC2154
# Unitron - benchmarks of the own-core port, in QEMU (bench/run.sh sources
# this file after bench/linux.sh: $out, $intervals, $report, $icount and
# the helpers of both).  The guest side is the group bench/owncore/; its
# records land in the console log: the own core's through its console
# ring, the linux port's and Linux's as in bench/linux.

own_cases_cyclic="cyc10_idle cyc10_load cyc1_idle cyc1_load"

# One boot of the owncore group on kernel flavour FL.
own_boot() {	# FL
	local sampler start
	echo "== own core in QEMU, $1 kernel: one boot, $intervals samples =="
	sample_host >"$out/host-owncore-$1.load" &
	sampler=$!
	start=$SECONDS
	local tg=(-n "bench-owncore$vmtag-$1")
	[[ -z "${BENCH_CASES:-}" ]] || tg+=(-a "$BENCH_CASES")
	BENCH_INTERVALS=$intervals UNITRON_VM_ICOUNT=$icount \
		tools/vm/test-group.sh "${tg[@]}" \
		bench/owncore "$1" >"$out/owncore-$1.tap" ||
		echo "bench-owncore-$1: some guest checks failed: $out/owncore-$1.tap" >&2
	kill "$sampler"
	records "$vmlogs/bench-owncore$vmtag-$1.log" >"$out/owncore-$1.records"
	echo "- $1 kernel: $(((SECONDS - start) / 60)) min (build and boot included), $(host_summary "$out/host-owncore-$1.load")." >>"$out/owncore-runs.md"
}

# devstat of FL's records starting with PREFIX (bench/run.sh).
own_stat() {	# FL PREFIX OFFSET DIV
	devstat "$out/owncore-$1.records" "$2" "$3" "$4"
}

# "min / max / mean / stddev (worst w)" of a cyclic measurer's intervals.
own_interval_cell() {	# FL CASE WHO
	local min max mean sd worst n
	read -r min max mean sd worst n < <(own_stat "$1" \
		"$2 interval_us $3" $(($(case_period "$2") * 1000)) 1)
	[[ $n -gt 0 ]] || { echo "-"; return; }
	echo "$min / $max / $mean / $sd ($worst)"
}

# The worst deviation (µs) of WHO's intervals in FL's CASE; empty
# without a record.
own_worst() {	# FL CASE WHO
	local worst n
	read -r _ _ _ _ worst n < <(own_stat "$1" "$2 interval_us $3" \
		$(($(case_period "$2") * 1000)) 1)
	[[ $n -eq 0 ]] || echo "$worst"
}

# ratio_res A B 1 (A and B in whole µs), or - when either is missing.
own_ratio() {	# A B
	if [[ -z $1 || -z $2 ]]; then echo "-"; else ratio_res "$1" "$2" 1; fi
}

# The largest value of KEY's single-sample records in FL's CASE, or -.
own_max() {	# FL CASE KEY
	local max n
	read -r _ max _ _ _ n < <(own_stat "$1" "$2 $3" 0 1)
	[[ $n -gt 0 ]] && printf "%.0f\n" "$max" || echo "-"
}

own_cyclic_table() {	# FL
	local c
	echo "Cyclic activations on CPU 1, $1 kernel, $intervals intervals per measurer"
	echo "in alternating rounds: interval min / max / mean / stddev, and (the worst"
	echo "deviation from the period), µs.  Own core: a µITRON image on CPU 1 taken"
	echo "from Linux (port/bare); linux port: µITRON in the kernel on CPU 1"
	echo "(adv: tick_advance_us=${BENCH_ADVANCE:-50}); cyclictest on CPU 1.  Tick gap:"
	echo "the longest time between two of the own core's tick interrupts in the"
	echo "case's runs, µs."
	echo
	echo "| period | load | own core | linux port | linux port adv | cyclictest -p99 | own tick gap |"
	echo "| --- | --- | --- | --- | --- | --- | --- |"
	for c in $own_cases_cyclic; do
		echo "| $(case_period "$c") ms | $(case_load "$c") |" \
		     "$(own_interval_cell "$1" "$c" own) |" \
		     "$(own_interval_cell "$1" "$c" itron) |" \
		     "$(own_interval_cell "$1" "$c" itron_adv) |" \
		     "$(own_interval_cell "$1" "$c" cyclictest) |" \
		     "$(own_max "$1" "$c" "tick_gap_us own") |"
	done
	echo
}

own_ratio_table() {
	local fl c w ci li ai
	echo "Ratios of the other measurers' worst deviation to the own core's (> 1:"
	echo "the own core is steadier), and the aim of issue 12: the own core's"
	echo "worst case under load against idle (≤ 1.1) and below the linux port's."
	echo
	echo "| kernel | period | load | worst: cyclictest / own | worst: linux port / own | worst: linux port adv / own | own worst: loaded / idle | linux port worst: loaded / idle | cyclictest worst: loaded / idle |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		for c in $own_cases_cyclic; do
			w=$(own_worst "$fl" "$c" own)
			ci=- li=- ai=-
			if [[ $c == *_load ]]; then
				ci=$(own_ratio "$w" "$(own_worst "$fl" "${c%_load}_idle" own)")
				li=$(own_ratio "$(own_worst "$fl" "$c" itron)" \
					"$(own_worst "$fl" "${c%_load}_idle" itron)")
				ai=$(own_ratio "$(own_worst "$fl" "$c" cyclictest)" \
					"$(own_worst "$fl" "${c%_load}_idle" cyclictest)")
			fi
			echo "| $fl | $(case_period "$c") ms | $(case_load "$c") |" \
			     "$(own_ratio "$(own_worst "$fl" "$c" cyclictest)" "$w") |" \
			     "$(own_ratio "$(own_worst "$fl" "$c" itron)" "$w") |" \
			     "$(own_ratio "$(own_worst "$fl" "$c" itron_adv)" "$w") |" \
			     "$ci | $li | $ai |"
		done
	done
	echo
}

# A / B, or - when either is missing.
own_vs() {	# A B
	if [[ -z $1 || -z $2 ]]; then echo "-"; else ratio "$1" "$2"; fi
}

# min / mean / max in µs of a latency record; DIV 1000 for ns.
own_latency_cell() {	# FL PREFIX DIV
	local min max mean n
	read -r min max mean _ _ n < <(own_stat "$1" "$2" 0 "$3")
	[[ $n -gt 0 ]] || { echo "-"; return; }
	echo "$min / $mean / $max ($n)"
}

own_latency_row() {	# FL LOAD
	local ot lt at ct n
	read -r _ _ _ _ ot n < <(own_stat "$1" "latency_$2 latency_ns_tick own" 0 1000)
	[[ $n -gt 0 ]] || ot=
	read -r _ _ _ _ lt n < <(own_stat "$1" "latency_$2 latency_ns_tick itron" 0 1000)
	[[ $n -gt 0 ]] || lt=
	read -r _ _ _ _ at n < <(own_stat "$1" "latency_$2 latency_ns_tick itron_adv" 0 1000)
	[[ $n -gt 0 ]] || at=
	read -r _ _ _ _ ct n < <(own_stat "$1" "cyc1_$2 latency_us cyclictest" 0 1)
	[[ $n -gt 0 ]] || ct=
	echo "| $1 | $(case_load "_$2") |" \
	     "$(own_latency_cell "$1" "latency_$2 latency_ns_tick own" 1000) |" \
	     "$(own_latency_cell "$1" "latency_$2 latency_ns_swi own" 1000) |" \
	     "$(own_latency_cell "$1" "latency_$2 latency_ns_tick itron" 1000) |" \
	     "$(own_latency_cell "$1" "latency_$2 latency_ns_tick itron_adv" 1000) |" \
	     "$(own_latency_cell "$1" "cyc1_$2 latency_us cyclictest" 1) |" \
	     "$(own_vs "$ct" "$ot") | $(own_vs "$lt" "$ot") | $(own_vs "$at" "$ot") |"
}

own_latency_table() {
	local fl
	echo "Latency to the first instruction of the woken task or thread, µs:"
	echo "min / mean / max (samples), all on CPU 1.  Own core, tick: from the"
	echo "expiry of the local APIC timer (read back from its current count in"
	echo "the tick interrupt, so a tick taken more than a period late counts"
	echo "from the timer's last expiry: see the tick gaps above) to the task a"
	echo "cyclic handler woke; self-IPI: from"
	echo "ras_int() in a lower-priority task (2 ms apart) to the task the"
	echo "handler woke (no device interrupt reaches the own core yet).  Linux"
	echo "port, tick: from the moment its hrtimer was due (adv:"
	echo "tick_advance_us=${BENCH_ADVANCE:-50}).  cyclictest: its wake-up latency at 1 ms,"
	echo "from the table above's runs.  Ratios: worst case over the own core's"
	echo "tick → task worst case."
	echo
	echo "| kernel | load | own tick → task | own self-IPI → task | linux port tick → task | linux port adv tick → task | cyclictest -p99, 1 ms | worst: cyclictest / own tick | worst: linux port / own tick | worst: linux port adv / own tick |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		own_latency_row "$fl" idle
		own_latency_row "$fl" load
	done
	echo
}

# "min / median / max" in ms of a boot-round record (median= in it).
own_boot_cell() {	# FL CASE WHAT
	awk -v p="$2 $3 " 'index($0, p) == 1 {
		for (i = 1; i <= NF; i++)
			if (split($i, kv, "=") == 2)
				v[kv[1]] = kv[2]
		printf "%.1f / %.1f / %.1f", v["min"] / 1000,
		       v["median"] / 1000, v["max"] / 1000; f = 1; exit }
	     END { if (!f) printf "-" }' "$out/owncore-$1.records"
}

# The median of a boot-round record, µs.
own_boot_median() {	# FL CASE WHAT
	awk -v p="$2 $3 " 'index($0, p) == 1 {
		for (i = 1; i <= NF; i++)
			if (split($i, kv, "=") == 2 && kv[1] == "median")
				print kv[2]
		exit }' "$out/owncore-$1.records"
}

own_boot_table() {
	local fl c
	echo "Booting a µITRON image on CPU 1 and giving the CPU back, ${BENCH_BOOTS:-20}"
	echo "rounds idle, $(((${BENCH_BOOTS:-20} + 3) / 4)) under load (bench/owncore/progs/owntime.c), min / median / max, ms.  insmod:"
	echo "finit_module of unitron_core.ko image=: the CPU offlined, reset by"
	echo "INIT, started, the image copied and alive; first tick: from the same"
	echo "start until sysfs ticks says 1 (µITRON's kernel started, its tick"
	echo "running); rmmod: delete_module, the CPU parked and online again."
	echo "Linux offline / online: writing 0 and 1 to the same CPU's sysfs"
	echo "online file in the same rounds.  Ratio: rmmod's median over Linux's"
	echo "onlining's, insmod's over Linux's offlining's."
	echo
	echo "| kernel | load | insmod → alive | → first tick | rmmod → online | Linux offline | Linux online | insmod / offline | rmmod / online |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		for c in boot_idle boot_load; do
			echo "| $fl | $(case_load "$c") |" \
			     "$(own_boot_cell "$fl" "$c" "insmod_us own") |" \
			     "$(own_boot_cell "$fl" "$c" "running_us own") |" \
			     "$(own_boot_cell "$fl" "$c" "rmmod_us own") |" \
			     "$(own_boot_cell "$fl" "$c" "offline_us linux") |" \
			     "$(own_boot_cell "$fl" "$c" "online_us linux") |" \
			     "$(own_vs "$(own_boot_median "$fl" "$c" "insmod_us own")" \
				"$(own_boot_median "$fl" "$c" "offline_us linux")") |" \
			     "$(own_vs "$(own_boot_median "$fl" "$c" "rmmod_us own")" \
				"$(own_boot_median "$fl" "$c" "online_us linux")") |"
		done
	done
	echo
}

# The mean of KEY's values in FL's records "vio WHO KEY VALUE", or empty.
own_vio() {	# FL WHO KEY
	awk -v p="vio vio $2 $3 " 'index($0, p) == 1 {
		s += substr($0, length(p) + 1); n++ }
	     END { if (n) printf "%.2f\n", s / n }' "$out/owncore-$1.records"
}

# Seed 001's table 6 and the rest of bench/vio: own core, linux port and
# native, with the ratios that matter.
own_vio_table() {
	local fl k own itron base
	echo "Linux I/O delegated to unitron-proxyd's proxies on CPU 0 (SCHED_OTHER,"
	echo "/dev/unitron0) by bench/vio on CPU 1: as an image on the own core,"
	echo "and as a linux-port module; beside the same calls made natively by"
	echo "vio_native on CPU 0 in the same tmpfs directory (the null call beside"
	echo "getpid).  Seed 001's table 6 is the first three rows: one-shot (a"
	echo "proxy per call), with continuation, and after a 1-tick pause.  Mean µs"
	echo "per call; ratios: own core / linux port (< 1: the own core is"
	echo "faster), own core / native.  Idle polling off (idle_poll_us=0)."
	echo
	echo "| kernel | call | own core | linux port | native | own / linux port | own / native |"
	echo "| --- | --- | --- | --- | --- | --- | --- |"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		for k in $vio_keys; do
			own=$(own_vio "$fl" own "${k}_us")
			itron=$(own_vio "$fl" itron "${k}_us")
			if [[ $k == null_* ]]; then
				base=$(own_vio "$fl" native getpid_us)
			else
				base=$(own_vio "$fl" native "${k}_us")
			fi
			echo "| $fl | $k | ${own:--} | ${itron:--} | ${base:--} |" \
			     "$(own_vs "$own" "$itron") | $(own_vs "$own" "$base") |"
		done
	done
	echo
}

owncore_bench() {
	local fl
	: >"$out/owncore-runs.md"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		own_boot "$fl"
	done
	{
		if [[ -n "$icount" ]]; then
			echo "own core in QEMU (TCG, 2 vCPUs run in turns by one thread, -icount"
			echo "shift=$icount,sleep=off,align=off: virtual time, $((1 << icount)) ns per guest instruction;"
			echo "maxcpus=1, CPU 1 onlined from sysfs), Debian 6.1 std (preempt=full) and"
		else
			echo "own core in QEMU (TCG, 2 vCPUs), Debian 6.1 std (preempt=full) and"
		fi
		echo "PREEMPT_RT; load: \`ls -lR /\` and \`hackbench -g 4\` in loops on CPUs 0-1"
		echo "(CPU 0 alone while the own core holds CPU 1):"
		echo
		cat "$out/owncore-runs.md"
		echo
	} >>"$report"
	for fl in ${BENCH_FLAVOURS:-std rt}; do
		own_cyclic_table "$fl"
	done | tee -a "$report"
	{ own_ratio_table; own_latency_table; own_boot_table; own_vio_table; } |
		tee -a "$report"
}
