#!/bin/sh
# Guest script of the linux port's benchmarks (bench/linux/group.conf).
# Prints TAP; the measurements are "BENCH ..." records in the kernel log,
# which bench/run.sh reads case by case from the console log.  The µITRON
# system and every measurer run on CPU 1; this script stays on CPU 0, at
# SCHED_FIFO 10 so that the load does not hold it up between measurements.
# The bridge's cases (bridge, vio) run their Linux programs on CPU 0 as
# ordinary processes, against the µITRON system on CPU 1, and pass their
# "BENCH KEY VALUE" lines on as "BENCH WHO KEY VALUE".
# shellcheck source=SCRIPTDIR/../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../tools/vm/guest/module.sh
. /lib/unitron/module.sh
# shellcheck source=SCRIPTDIR/../lib/guest.sh
. /lib/unitron/bench.sh

M=/lib/unitron/modules
# Cyclic measurers: C intervals each per round, R rounds (group.conf);
# latency: N = C * R samples per source.
C=$(param intervals)
R=$(param rounds)
A=$(param advance)
N=$((C * R))
# I: the µITRON and measurers' CPU, S: this script's, L: the load's.
# One vCPU (the -icount lab, bench/run.sh -i): all on CPU 0.
if [ "$(nproc)" -gt 1 ]; then
	I=1 S=0 L=0,1
else
	I=0 S=0 L=0
fi
taskset -pc "$S" $$ >/dev/null
chrt -f -p 10 $$

# A µITRON system (module NAME) run to its end, started at load on
# CPU 1: SECS is how long it should take.
run_itron() {	# NAME SECS [PARAM...]
	_name=$1 _secs=$2
	shift 2
	dmesg -c >/dev/null
	check "insmod $_name" insmod "$M/$_name.ko" autostart=1 cpu=$I "$@"
	sleep "$_secs"
	wait_log "$_name" "µITRON system stopped" $((_secs + 60)) ||
		fail "$_name: system did not stop"
	check "rmmod $_name" rmmod "$_name"
}

# Table 3.1 at PERIOD_MS, one round: the µITRON cyclic handler, ualarm,
# cyclictest, C intervals each.
cyclic_round() {	# PERIOD_MS
	_us=$(($1 * 1000))
	run_itron "cyclic$1" $((C * $1 / 1000))
	like "$(dmesg)" "BENCH interval_us itron n=$C " "µITRON: $C intervals"
	run_itron "cyclic${1}a" $((C * $1 / 1000)) tick_advance_us="$A"
	like "$(dmesg)" "BENCH interval_us itron_adv n=$C " \
		"µITRON, tick_advance_us=$A: $C intervals"
	_out=$(chrt -f 99 taskset -c "$I" cycstat ualarm "$_us" "$C")
	record "$_out" "interval_us ualarm" "$C"
	cyclictest -q -m -p 99 -a "$I" --mainaffinity="$S" -i "$_us" \
		-l $((C + 1)) -v >/tmp/cyclictest.out 2>&1
	_out=$(cycstat cyclictest "$_us" "$C" </tmp/cyclictest.out)
	record "$_out" "interval_us cyclictest" "$C"
	record "$_out" "latency_us cyclictest" $((C + 1))
}

# From the tick, then from software interrupts a Linux process on CPU 0
# raises 2 ms apart, then from the edu device's interrupt an hrtimer on
# CPU 0 raises every 2 ms, to the µITRON task they wake (a raise that
# finds the last one pending merges into it: fewer samples than raises).
# Module NAME, whose records say WHO, loaded with PARAM.
latency_run() {	# NAME WHO [PARAM...]
	_name=$1 _who=$2
	shift 2
	dmesg -c >/dev/null
	check "insmod $_name" insmod "$M/$_name.ko" autostart=1 cpu=$I "$@"
	wait_log "$_name" "BENCH ready swi" $((N / 1000 + 60)) ||
		fail "$_name: tick phase did not end"
	check "unitronctl raise $_name 1, $N times" \
		unitronctl raise "$_name" 1 "$N" 2000
	wait_log "$_name" "µITRON system stopped" 60 ||
		fail "$_name: system did not stop"
	like "$(dmesg)" "BENCH latency_ns_tick $_who n=$N " "tick: $N samples"
	like "$(dmesg)" "BENCH latency_ns_swi $_who n=[1-9]" "swi: samples"
	like "$(dmesg)" "BENCH latency_ns_dev $_who n=[1-9]" "edu device: samples"
	check "rmmod $_name" rmmod "$_name"
}

latency_case() {
	latency_run latency itron
	latency_run latencya itron_adv tick_advance_us="$A"
}

# Two µITRON tasks, then two kthreads, bouncing on CPU 1; neither side
# gives way to Linux meanwhile (no slice, no RT throttling).
t_pingpong() {
	_rt=$(cat /proc/sys/kernel/sched_rt_runtime_us)
	echo -1 >/proc/sys/kernel/sched_rt_runtime_us
	run_itron pingpong 1 itron_slice_ms=0
	like "$(dmesg)" "itron_sem_round_trips_per_s [0-9]" "µITRON ping-pong"
	dmesg -c >/dev/null
	check "insmod kthread_pingpong" insmod "$M/kthread_pingpong.ko" cpu=$I
	like "$(dmesg)" "kthread_round_trips_per_s [0-9]" "kthread ping-pong"
	like "$(dmesg)" "rt_mutex_pi_handovers_per_s [0-9]" \
		"kthreads' rt_mutex priority-inheritance handover"
	check "rmmod kthread_pingpong" rmmod kthread_pingpong
	echo "$_rt" >/proc/sys/kernel/sched_rt_runtime_us
}

t_cyc10_idle() { cyclic_case 10; }
t_cyc10_load() { start_load; cyclic_case 10; stop_load; }
t_cyc1_idle() { cyclic_case 1; }
t_cyc1_load() { start_load; cyclic_case 1; stop_load; }
t_latency_idle() { latency_case; }
t_latency_load() { start_load; latency_case; stop_load; }

# ---- the bridge: a process's round trip, Linux I/O delegated ---------

# Linux programs of the bridge's cases run as ordinary processes
# (SCHED_OTHER), on CPU 0 (linux0) or on either CPU (linux01).
linux0() { chrt -o 0 taskset -c 0 "$@"; }
linux01() { chrt -o 0 taskset -c 0,1 "$@"; }

# Run CMD: its "BENCH KEY VALUE" lines go to the kernel log as
# "BENCH WHO KEY VALUE"; a point checks that it printed some.
bench_out() {	# WHO DESC CMD...
	_who=$1 _d=$2
	shift 2
	_out=$("$@" 2>&1)
	_r=$(echo "$_out" | sed -n "s/^BENCH /BENCH $_who /p")
	if [ -n "$_r" ]; then
		pass "$_d"
	else
		fail "$_d" "$_out"
	fi
	echo "$_r" | while read -r _l; do
		[ -z "$_l" ] || kmsg "$_l"
	done
}

# A process on CPU 0 -> the echo task (tests/bridge/app, echo.ko, on
# CPU 1) -> the process: snd IN_DTQ + rcv OUT_DTQ, two calls a round
# trip; beside two processes exchanging the same packets over a
# SOCK_SEQPACKET pair and over two pipes, both on CPU 0, and on either
# CPU.  R rounds in turn, 2 * N / R round trips each per measurer.
t_bridge() {
	_n=$((2 * N / R))
	dmesg -c >/dev/null
	check "insmod echo" insmod "$M/echo.ko" autostart=1 cpu=1
	_round=1
	while [ "$_round" -le "$R" ]; do
		bench_out itron "bridge round trips, round $_round" \
			linux0 brgbench bridge "$_n"
		for _m in socket pipe; do
			bench_out cpu0 "$_m round trips on CPU 0, round $_round" \
				linux0 brgbench "$_m" "$_n"
			bench_out cpu01 "$_m round trips on CPUs 0-1, round $_round" \
				linux01 brgbench "$_m" "$_n"
		done
		_round=$((_round + 1))
	done
	check "rmmod echo" rmmod echo
}

VDIR=/tmp/viobench

# Linux I/O delegated (bench/vio, viobench.ko on CPU 1) to unitron-proxyd
# and its proxies on CPU 0, then the same calls made natively by
# vio_native (bench/baseline) in the same directory.  No cold runs: the
# guest's files live in RAM (tmpfs), and 512 MB hold no 200 MB file
# whose cache could be dropped; viobench is told the cache was not
# dropped (ACK_DTQ 0) if it asks at all.
t_vio() {
	rm -rf "$VDIR"
	mkdir -p "$VDIR"
	chmod 777 "$VDIR"
	dd if=/dev/urandom of="$VDIR/data" bs=1024 count=8192 2>/dev/null
	chmod 666 "$VDIR/data"
	diag "no cold runs in the guest (tmpfs, 512 MB): warm ones only"
	dmesg -c >/dev/null
	check "insmod viobench" insmod "$M/viobench.ko" autostart=1 cpu=1
	chrt -o 0 taskset -c 0 unitron-proxyd -s /dev/unitron0 -d "$VDIR" \
		</dev/null >/dev/null 2>/tmp/proxyd.err &
	_pd=$!
	# The task asks (1) for the page cache to be dropped; 0: it is done.
	_asked=0
	while [ "$(unitronctl recv -t 300000 NOTE_DTQ 2>/dev/null)" = 1 ]; do
		unitronctl send -t 1000 ACK_DTQ 0
		_asked=$((_asked + 1))
	done
	is "$_asked" 0 "viobench asked for no cold run"
	wait_log viobench "µITRON system stopped" 60 ||
		fail "viobench: system did not stop" "$(dmesg | tail -20)"
	like "$(dmesg)" "viobench: BENCH done 1" "viobench ran to its end"
	like "$(dmesg)" "viobench: BENCH null_cont_4tasks_us [0-9]" \
		"... with its 4-task null calls"
	like "$(cat /tmp/proxyd.err)" "serving /dev/unitron0 in $VDIR" \
		"unitron-proxyd served"
	kill "$_pd"
	wait "$_pd" 2>/dev/null
	_i=0
	while [ "$(cat /sys/module/viobench/refcnt)" != 0 ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	check "rmmod viobench" rmmod viobench
	bench_out native "vio_native in $VDIR" linux0 vio_native "$VDIR"
	rm -rf "$VDIR"
}

run_cases cyc10_idle cyc10_load cyc1_idle cyc1_load latency_idle \
	latency_load pingpong bridge vio
