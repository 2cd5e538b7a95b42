# Guest library of the benchmark groups (bench/linux, bench/owncore),
# in the guest as /lib/unitron/bench.sh; sourced after tap.sh.  The
# group's script sets L (the load's CPUs) and defines cyclic_round.

# A number the host put on the kernel command line: unitron_bench.NAME=N.
param() { sed -n "s/.*unitron_bench\.$1=\([0-9]*\).*/\1/p" /proc/cmdline; }

# The load of table 3.1: ls -lR / and hackbench in loops, as ordinary
# processes on the CPUs L, in a session of their own so that one kill
# ends them all.
start_load() {
	chrt -o 0 taskset -c "$L" setsid sh -c '
		while :; do ls -lR / >/dev/null 2>&1; done &
		while :; do hackbench -g 4 -l 1000 >/dev/null 2>&1; done' &
	_load=$!
	sleep 2
}

stop_load() {
	kill -TERM "-$_load"
	wait
}

# A record line of a program's output: checked for n=N, then passed to
# the kernel log for the host.
record() {	# TEXT WHAT N
	_r=$(echo "$1" | grep "BENCH $2 ")
	like "$_r" "n=$3 " "$2: $3 samples"
	[ -z "$_r" ] || kmsg "$_r"
}

# R rounds of the group's cyclic_round at PERIOD_MS.
cyclic_case() {	# PERIOD_MS
	_round=0
	while [ "$_round" -lt "$R" ]; do
		cyclic_round "$1"
		_round=$((_round + 1))
	done
}
