#!/bin/sh
# Guest script of the own-core port's benchmarks (bench/owncore/group.conf).
# Prints TAP; the measurements are "BENCH ..." records in the kernel log,
# which bench/run.sh reads case by case from the console log: the own
# core's come through its console ring ("unitron_core: cpu1: BENCH ..."),
# the linux port's from its modules, the Linux programs' through kmsg.
# Every measurer runs on CPU 1: the own core's image on CPU 1 taken from
# Linux, the linux port's system and cyclictest on CPU 1 given back.
# This script stays on CPU 0, at SCHED_FIFO 10 so that the load does not
# hold it up between measurements.
# shellcheck source=SCRIPTDIR/../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../tools/vm/guest/module.sh
. /lib/unitron/module.sh
# shellcheck source=SCRIPTDIR/../lib/guest.sh
. /lib/unitron/bench.sh

M=/lib/unitron/modules
IMG=/lib/unitron/images
KO=$M/unitron_core.ko
SYS=/sys/kernel/unitron_core
# C intervals per measurer and round, R rounds; N = C * R latency samples
# per source; A: the linux port's tick_advance_us; B: boot rounds.
C=$(param intervals)
R=$(param rounds)
A=$(param advance)
B=$(param boots)
N=$((C * R))
I=1 S=0 L=0,1
taskset -pc "$S" $$ >/dev/null
chrt -f -p 10 $$

# Set once an own-core run of the case did not end in time (under
# -icount with Linux busy, QEMU 7.2 leaves vCPU 1 without instructions
# for seconds: tools/vm/README.md); the case's later rounds skip the own
# core, so that the case ends, and say so.
_starved=

# The own core's image NAME run to its end on CPU 1: SECS is how long it
# should take.  The longest gap between its tick interrupts goes to the
# log as a record too ("tick_gap_us own"), to tell a late tick from a
# late handler.
run_own() {	# NAME SECS
	dmesg -c >/dev/null
	if [ -n "$_starved" ]; then
		diag "$1: skipped: an earlier run of this case did not end"
		return 1
	fi
	check "insmod image=$1.img" insmod $KO cpu=$I image="$IMG/$1.img"
	if ! wait_log unitron_core "cpu1: µITRON system stopped" \
		$(($2 * 2 + 20)); then
		fail "$1: the own core's system did not stop within $(($2 * 2 + 20)) s" \
			"$(cat $SYS/ticks) ticks of $(($2 * 1000)) expected"
		_starved=1
	fi
	_g=$(cat $SYS/tick_gap_max_us)
	diag "$1: longest gap between tick interrupts $_g µs"
	kmsg "BENCH tick_gap_us own n=1 min=$_g max=$_g sum=$_g sumsq=$((_g * _g)) max_at=1"
	is "$(cat $SYS/foreign_irqs)" 0 "$1: no foreign interrupt on the own core"
	check "rmmod unitron_core" rmmod unitron_core
	check_fails "$1: no console bytes lost" \
		sh -c "dmesg | grep -q 'console lost'"
}

# A linux-port system (module NAME) run to its end on CPU 1: SECS is how
# long it should take (bench/linux/run.sh).
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

# Table 3.1 at PERIOD_MS, one round: the own core's cyclic handler, the
# linux port's (as loaded by default and with tick_advance_us) and
# cyclictest, C intervals each.
cyclic_round() {	# PERIOD_MS
	_us=$(($1 * 1000))
	run_own "cyclic$1" $((C * $1 / 1000)) &&
		like "$(dmesg)" "cpu1: BENCH interval_us own n=$C " \
			"own core: $C intervals"
	run_itron "cyclic$1" $((C * $1 / 1000))
	like "$(dmesg)" "BENCH interval_us itron n=$C " \
		"linux port: $C intervals"
	run_itron "cyclic${1}a" $((C * $1 / 1000)) tick_advance_us="$A"
	like "$(dmesg)" "BENCH interval_us itron_adv n=$C " \
		"linux port, tick_advance_us=$A: $C intervals"
	cyclictest -q -m -p 99 -a "$I" --mainaffinity="$S" -i "$_us" \
		-l $((C + 1)) -v >/tmp/cyclictest.out 2>&1
	_out=$(cycstat cyclictest "$_us" "$C" </tmp/cyclictest.out)
	record "$_out" "interval_us cyclictest" "$C"
	record "$_out" "latency_us cyclictest" $((C + 1))
}

# The own core: from the tick (the APIC timer's expiry) and from a
# self-IPI (ras_int() of a lower-priority task, 2 ms apart) to the task
# the handler woke, N samples each.
own_latency() {
	run_own latency $((N * 4 / 1000)) || return 0
	like "$(dmesg)" "cpu1: BENCH latency_ns_tick own n=$N " \
		"own core, tick: $N samples"
	like "$(dmesg)" "cpu1: BENCH latency_ns_swi own n=$N " \
		"own core, self-IPI: $N samples"
}

# The linux port, as bench/linux/run.sh: from the tick, then from
# software interrupts a process on CPU 0 raises 2 ms apart (no edu
# device in this group: that phase is skipped).
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
	check "rmmod $_name" rmmod "$_name"
}

latency_case() {
	own_latency
	latency_run latency itron
	latency_run latencya itron_adv tick_advance_us="$A"
}

# ROUNDS rounds of booting an image on CPU 1 and giving the CPU back,
# beside Linux offlining and onlining it (bench/owncore/progs/owntime.c).
boot_case() {	# ROUNDS
	dmesg -c >/dev/null
	_out=$(owntime $KO "$IMG/cyclic10.img" $I "$1" 2>&1) ||
		fail "owntime: $1 rounds" "$_out"
	for _w in "insmod_us own" "running_us own" "rmmod_us own" \
		"offline_us linux" "online_us linux"; do
		record "$_out" "$_w" "$1"
	done
	check "CPU 1 online after the rounds" \
		test "$(cat /sys/devices/system/cpu/cpu1/online)" = 1
	diag "$(dmesg | grep -m 3 'alive in the µITRON image')"
}

VDIR=/tmp/viobench

# bench/vio's records, from the system that just ran, again as WHO's.
vio_records() {	# WHO
	dmesg | sed -n 's/.*BENCH \([a-z0-9_]*_us\) \([0-9.]*\)$/\1 \2/p' |
		while read -r _k _v; do kmsg "BENCH vio $1 $_k $_v"; done
}

# The loaded system's delegated calls to unitron-proxyd's proxies on
# CPU 0, to the end (bench/vio: it asks for no cold run here).
vio_serve() {	# WHO
	chrt -o 0 taskset -c 0 unitron-proxyd -s /dev/unitron0 -d "$VDIR" \
		</dev/null >/dev/null 2>/tmp/proxyd.err &
	_pd=$!
	while [ "$(unitronctl recv -t 300000 NOTE_DTQ 2>/dev/null)" = 1 ]; do
		unitronctl send -t 1000 ACK_DTQ 0
	done
	wait_log "${2:-viobench}" "BENCH done 1" 120 ||
		fail "$1: viobench did not end" "$(dmesg | tail -5)"
	like "$(dmesg)" "BENCH null_cont_4tasks_us [0-9]" \
		"$1: viobench ran to its end"
	vio_records "$1"
	kill "$_pd"
	wait "$_pd" 2>/dev/null
	sleep 1
}

# Seed 001's table 6 on a core of its own: Linux I/O delegated by
# bench/vio as an image on CPU 1, beside the same as a linux-port module
# on CPU 1 and beside vio_native's calls made on CPU 0, in one tmpfs
# directory (no cold runs: no disk).
t_vio() {
	rm -rf "$VDIR"
	mkdir -p "$VDIR"
	chmod 777 "$VDIR"
	dd if=/dev/urandom of="$VDIR/data" bs=1024 count=8192 2>/dev/null
	chmod 666 "$VDIR/data"
	dmesg -c >/dev/null
	check "insmod image=viobench.img" \
		insmod $KO cpu=$I image="$IMG/viobench.img"
	vio_serve own cpu1
	check "rmmod unitron_core" rmmod unitron_core
	dmesg -c >/dev/null
	check "insmod viobench" insmod "$M/viobench.ko" autostart=1 cpu=$I
	vio_serve itron
	check "rmmod viobench" rmmod viobench
	_out=$(chrt -o 0 taskset -c 0 vio_native "$VDIR" 2>&1)
	like "$_out" "BENCH getpid_us [0-9]" "vio_native ran"
	echo "$_out" | sed -n 's/^BENCH /BENCH vio native /p' |
		while read -r _l; do kmsg "$_l"; done
	rm -rf "$VDIR"
}

t_cyc10_idle() { _starved=; cyclic_case 10; }
t_cyc10_load() { _starved=; start_load; cyclic_case 10; stop_load; }
t_cyc1_idle() { _starved=; cyclic_case 1; }
t_cyc1_load() { _starved=; start_load; cyclic_case 1; stop_load; }
t_latency_idle() { _starved=; latency_case; }
t_latency_load() { _starved=; start_load; latency_case; stop_load; }
t_boot_idle() { boot_case "$B"; }
# A quarter of the rounds: under load and TCG a round takes about 20 s
# (offlining a CPU beside hackbench takes seconds, for Linux too).
t_boot_load() { start_load; boot_case $(((B + 3) / 4)); stop_load; }

run_cases cyc10_idle cyc10_load cyc1_idle cyc1_load latency_idle \
	latency_load boot_idle boot_load vio
