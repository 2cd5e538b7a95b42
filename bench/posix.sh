# shellcheck shell=bash disable=SC2154
# Unitron - benchmarks of the posix port on this machine (bench/run.sh
# sources this file: $out, $intervals, $report and its helpers).

build_app() {	# dir name [defines]
	make -s -f mk/app.mk APP="bench/$1" OUT="$out/$2" APP_DEFS="${3:-}" \
		EXTRA_INCLUDES="-I$top/bench/lib" >/dev/null
}

load_pids=()
start_load() {
	( while :; do ls -lR / >/dev/null 2>&1; done ) &
	load_pids+=($!)
	( while :; do hackbench -l 1000 >/dev/null 2>&1; done ) &
	load_pids+=($!)
}
stop_load() {
	kill "${load_pids[@]}" 2>/dev/null || true
	wait "${load_pids[@]}" 2>/dev/null || true
	load_pids=()
}

# cyclictest's histogram (µs buckets) -> lateness stddev and spread.
cyclictest_stats() {	# file
	awk '/^[0-9]+ +[0-9]+/ { n += $2; s += $1 * $2; q += $1 * $1 * $2;
		if ($2 > 0) { if (min == "") min = $1; max = $1 } }
	     END { m = s / n; printf "%.1f %.1f %.1f\n", m, sqrt(q / n - m * m), max - min }' "$1"
}

cyclic_row() {	# period_ms key label rt_option
	local p=$1 label=$3 f="$out/cyclic$1-$2" rt=$4
	local imin imax imean isd lmin lmax lsd lspread cs cspread
	taskset -c 1 "$out/cyclic$p/cyclic" "$rt" >"$f.itron"
	cyclictest -q -m -a 1 -p 99 -i $((p * 1000)) -l "$intervals" -h 30000 \
		>"$f.cyclictest" 2>&1
	read -r _ cs cspread < <(cyclictest_stats "$f.cyclictest")
	read -r imin imax imean isd _ < <(devstat "$f.itron" \
		"BENCH interval_us itron" $((p * 1000)) 1)
	read -r lmin lmax _ lsd _ < <(devstat "$f.itron" "BENCH lateness_us itron" 0 1)
	lspread=$(awk -v a="$lmax" -v b="$lmin" 'BEGIN { printf "%.1f", a - b }')
	echo "| $p ms | $label | $imin / $imax / $imean / $isd | $lsd / $lspread | $cs / $cspread | $(ratio "$cs" "$lsd") | $(ratio "$cspread" "$lspread") |"
}

# A Linux process's round trip through the bridge (tests/bridge/app's
# echo task: tsnd_dtq + trcv_dtq, two calls) against two processes
# exchanging the same packets over a SOCK_SEQPACKET pair and two pipes.
bridge_bench() {
	local n=$((intervals * 2)) sock=$out/bridge.sock pid b s p
	make -s libunitron
	make -s -f mk/app.mk APP=tests/bridge/app OUT="$out/bridge-app" >/dev/null
	cc -O2 -Wall -Ibridge/include -o "$out/brgbench" bench/bridge/brgbench.c \
		build/lib/libunitron.a
	UNITRON_BRIDGE=$sock "$out/bridge-app/echo" --no-rt </dev/null \
		>/dev/null 2>&1 &
	pid=$!
	for _ in $(seq 50); do [[ -S $sock ]] && break; sleep 0.1; done
	echo "== the bridge (posix port), $n round trips =="
	UNITRON_SYSTEM=$sock "$out/brgbench" bridge "$n" >"$out/bridge.txt"
	"$out/brgbench" socket "$n" >>"$out/bridge.txt"
	"$out/brgbench" pipe "$n" >>"$out/bridge.txt"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	b=$(value bridge_round_trip_us "$out/bridge.txt")
	s=$(value socket_round_trip_us "$out/bridge.txt")
	p=$(value pipe_round_trip_us "$out/bridge.txt")
	{
		echo "| measure | bridge | Linux baseline | ratio |"
		echo "| --- | --- | --- | --- |"
		echo "| process -> µITRON task -> process (2 calls), µs | $b | socket pair round trip: $s | $(ratio "$b" "$s") × |"
		echo "| process -> µITRON task -> process (2 calls), µs | $b | pipe round trip: $p | $(ratio "$b" "$p") × |"
		echo
	} | tee -a "$report"
}

# One run of bench/vio into $out/vio-NAME.txt: the application and the
# proxy server started by the commands in $2 and $3 (taskset or env);
# cold: with the runs that drop the page cache (root only).
vio_run() {	# name app-prefix proxyd-prefix cold|warm
	local sock=$out/vio.sock app pd ack
	# shellcheck disable=SC2086
	UNITRON_BRIDGE=$sock $2 "$out/vio/viobench" --no-rt </dev/null \
		>"$out/vio-$1.txt" 2>&1 &
	app=$!
	for _ in $(seq 50); do [[ -S $sock ]] && break; sleep 0.1; done
	# shellcheck disable=SC2086
	UNITRON_SYSTEM=$sock $3 build/unitron-proxyd -d "$out/vio-files" \
		2>/dev/null &
	pd=$!
	# Cold runs: the task asks (1) for the cache to be dropped; 0 ends.
	while [[ $(UNITRON_SYSTEM=$sock build/unitronctl recv -t 600000 \
		   NOTE_DTQ 2>/dev/null) == 1 ]]; do
		ack=0
		sync
		[[ $4 == cold ]] && echo 3 2>/dev/null >/proc/sys/vm/drop_caches &&
			ack=1
		UNITRON_SYSTEM=$sock build/unitronctl send ACK_DTQ $ack
	done
	wait "$app" || true
	kill "$pd" 2>/dev/null || true
	wait "$pd" 2>/dev/null || true
}

# Linux I/O delegated to proxies (bench/vio, seed 001's table 6 and
# figures 6-10) beside the same calls made natively, same directory.
# Two placements: wherever the scheduler puts the µITRON thread and the
# proxies, and on two CPUs of their own (taskset), where both poll.
vio_bench() {
	local dir=$out/vio-files k d p nat sep="env" sep_pd="env" c0 c1
	make -s unitron-proxyd unitronctl
	make -s -f mk/app.mk APP=bench/vio OUT="$out/vio" >/dev/null
	cc -O2 -Wall -o "$out/vio-native" bench/baseline/vio_native.c
	rm -rf "$dir"
	mkdir -p "$dir"
	chmod 777 "$dir"
	head -c $((8 * 1024 * 1024)) /dev/urandom >"$dir/data"
	head -c $((200 * 1024 * 1024)) /dev/zero >"$dir/big"
	chmod 666 "$dir/data" "$dir/big"
	# The first two CPUs this process may use.
	read -r c0 c1 _ < <(awk -F'\t' '/^Cpus_allowed_list/ {
		n = split($2, r, ",")
		for (i = 1; i <= n; i++) {
			if (split(r[i], ab, "-") == 1) ab[2] = ab[1]
			for (c = ab[1]; c <= ab[2]; c++) printf "%d ", c
		}
		print "" }' /proc/self/status)
	if [[ -n ${c1:-} ]]; then
		sep="taskset -c $c0"
		sep_pd="taskset -c $c1"
	fi
	echo "== Linux I/O delegated to proxy processes (posix port) =="
	vio_run shared env env warm
	vio_run separate "$sep" "$sep_pd" cold
	"$out/vio-native" "$dir" >"$out/vio-native.txt"
	{
		echo "| call | delegated, CPUs shared, µs | delegated, separate CPUs, µs | native, µs | ratio shared | ratio separate |"
		echo "| --- | --- | --- | --- | --- | --- |"
		for k in null_oneshot null_cont null_cont_pause null_cont_4tasks \
			 stat open_close open_fstat_close open_lseek_close \
			 open_read1k_close open_write1k_close seqread1k randread1k \
			 seqwrite1k randwrite1k seqread8k randread8k seqwrite8k \
			 randwrite8k cold_seqread1k cold_randread1k \
			 cold_seqwrite1k cold_randwrite1k cold_seqread8k \
			 cold_randread8k cold_seqwrite8k cold_randwrite8k; do
			d=$(awk -v k="${k}_us" '$2 == k { print $3 }' "$out/vio-shared.txt")
			p=$(awk -v k="${k}_us" '$2 == k { print $3 }' "$out/vio-separate.txt")
			if [[ $k == null_* ]]; then
				nat="getpid: $(value getpid_us "$out/vio-native.txt")"
			else
				nat=$(value "${k}_us" "$out/vio-native.txt")
			fi
			[[ -n $p && -n ${nat#getpid: } ]] || continue	# cold: not root
			echo "| $k | ${d:--} | $p | $nat | $(ratio "${d:-0}" "${nat#getpid: }") × | $(ratio "$p" "${nat#getpid: }") × |"
		done
		echo
		echo "The null call beside its bare transport: a byte to a process on another CPU and back (two pipes)."
		echo
		echo "| call | delegated, separate CPUs, µs | Linux baseline, µs | ratio |"
		echo "| --- | --- | --- | --- |"
		for k in null_cont:pipe_round_trip null_cont_pause:pipe_round_trip_pause; do
			p=$(awk -v k="${k%:*}_us" '$2 == k { print $3 }' "$out/vio-separate.txt")
			nat=$(value "${k#*:}_us" "$out/vio-native.txt")
			echo "| ${k%:*} | $p | ${k#*:}: $nat | $(ratio "$p" "$nat") × |"
		done
		echo
	} | tee -a "$report"
}

posix_bench() {
	local rt=--no-rt it pt pr lu sp ae pc p ml pl mh ph
	[[ $(id -u) -eq 0 ]] && rt=--rtprio=99
	build_app pingpong pingpong
	build_app cyclic cyclic10 "-DPERIOD_MS=10 -DINTERVALS=$intervals"
	build_app cyclic cyclic1 "-DPERIOD_MS=1 -DINTERVALS=$intervals"
	cc -O2 -Wall -o "$out/baseline" bench/baseline/baseline.c -lpthread
	echo "posix port: $( [[ $rt == --no-rt ]] && echo unprivileged ||
		echo SCHED_FIFO 99)." >>"$report"
	echo >>"$report"

	echo "== service calls and task switching (posix port, one CPU) =="
	taskset -c 0 "$out/pingpong/pingpong" $rt >"$out/pingpong.txt"
	for mode in threads processes sigmask spawn pimutex; do
		"$out/baseline" "$mode"
	done >"$out/baseline.txt"
	it=$(value itron_sem_round_trips_per_s "$out/pingpong.txt")
	pt=$(value pthread_sem_round_trips_per_s "$out/baseline.txt")
	pr=$(value process_sem_round_trips_per_s "$out/baseline.txt")
	lu=$(value itron_loc_unl_cpu_ns "$out/pingpong.txt")
	sp=$(value sigprocmask_pair_ns "$out/baseline.txt")
	ae=$(value itron_act_ext_tsk_ns "$out/pingpong.txt")
	pc=$(value pthread_create_join_ns "$out/baseline.txt")
	ml=$(value itron_loc_unl_mtx_ns "$out/pingpong.txt")
	pl=$(value pthread_pi_lock_unlock_ns "$out/baseline.txt")
	mh=$(value itron_pi_handovers_per_s "$out/pingpong.txt")
	ph=$(value pthread_pi_handovers_per_s "$out/baseline.txt")
	{
		echo "| measure | µITRON (posix port) | Linux baseline | ratio |"
		echo "| --- | --- | --- | --- |"
		echo "| semaphore ping-pong, round trips/s | $it | pthreads: $pt | $(ratio "$it" "$pt") × faster |"
		echo "| semaphore ping-pong, round trips/s | $it | processes: $pr | $(ratio "$it" "$pr") × faster |"
		echo "| CPU lock: loc_cpu+unl_cpu vs sigprocmask pair, ns | $lu | $sp | $(ratio "$sp" "$lu") × cheaper |"
		echo "| act_tsk+ext_tsk vs pthread_create+join, ns | $ae | $pc | $(ratio "$pc" "$ae") × cheaper |"
		echo "| loc_mtx+unl_mtx (TA_INHERIT) vs PTHREAD_PRIO_INHERIT lock+unlock, uncontended, ns | $ml | $pl | $(ratio "$pl" "$ml") × cheaper |"
		echo "| priority-inheritance handover (the high task waits, the low one inherits and unlocks), handovers/s | $mh | SCHED_FIFO threads: ${ph:-n/a (not root)} | $(ratio "$mh" "${ph:-0}") × faster |"
		echo
	} | tee -a "$report"

	bridge_bench
	vio_bench

	trap stop_load EXIT
	echo "== cyclic handler vs cyclictest, $intervals intervals =="
	{
		echo "Cyclic handler (µITRON, posix port) beside cyclictest, same CPU, same load."
		echo "Intervals: min / max / mean / stddev (µs). Lateness: activation k against"
		echo "k periods after the first; stddev / worst-case spread (max − min, µs)."
		echo "Ratios > 1 mean µITRON is steadier than cyclictest."
		echo
		echo "| period | load | µITRON intervals | µITRON lateness stddev / spread | cyclictest stddev / spread | stddev ratio | spread ratio |"
		echo "| --- | --- | --- | --- | --- | --- | --- |"
	} | tee -a "$report"
	for p in 10 1; do
		cyclic_row "$p" idle idle "$rt" | tee -a "$report"
		start_load
		cyclic_row "$p" load "ls -lR / + hackbench" "$rt" | tee -a "$report"
		stop_load
	done
	echo | tee -a "$report"
}
