#!/bin/sh
# Guest script of the cluster benchmarks (bench/cluster/group.conf).
# Prints TAP, and "# bench: ..." lines that bench/cluster.sh reads:
#   # bench: null local|remote|tipc n=N min=US avg=US   (one call)
#   # bench: trip local|remote n=N min=US avg=US        (through a task)
#   # bench: discover tipc|unitron|insmod US            (one name)
# shellcheck source=SCRIPTDIR/../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../tools/vm/guest/tipcnet.sh
NODES="a b" . /lib/unitron/tipcnet.sh
# shellcheck source=SCRIPTDIR/../lib/guest.sh
. /lib/unitron/bench.sh

M=/lib/unitron/modules
W=/tmp/bench
mkdir -p $W
N=$(param calls)
R=$(param rounds)
TYPE=4243

# bench WHAT LINE: LINE ("null n=..."), relabelled, as a bench line.
bench() { echo "# bench: $1 ${2#* }"; like "$2" '^[a-z]+ n=' "$1"; }

t_net() {
	make_nodes
	enable_bearers 30
	check "insmod echo as /dev/echoa in a" \
		insmod $M/echo.ko cpu=1 autostart=1 bridge_name=echoa
	$NSX a unitron-netd -n a -s /dev/echoa -s /dev/echoc >$W/netd 2>&1 &
	$NSX a tipcprobe serve -k seq $TYPE 1 >$W/serve &
	wait_line $W/serve '^bound' 10
	_i=0
	until nsx b unitronctl ls -c | grep -q echoa/OUT_DTQ; do
		_i=$((_i + 1))
		[ $_i -lt 100 ] || break
		usleep 100000
	done
	check "b sees a's objects" nsx b unitronctl ls -c
}

# In turns, R rounds: so that each sees the host's changing load alike.
t_calls() {
	_r=0
	while [ $_r -lt "$R" ]; do
		bench "null local" "$(nsx a env UNITRON_SYSTEM=/dev/echoa \
			clustertest null OUT_DTQ "$N")"
		bench "null remote" "$(nsx b clustertest null echoa/OUT_DTQ "$N")"
		bench "null tipc" "$(nsx b tipcprobe call -k seq -n "$N" \
			$TYPE 1 | sed 's/^rtt/tipc/')"
		bench "trip local" "$(nsx a env UNITRON_SYSTEM=/dev/echoa \
			clustertest rtt IN_DTQ OUT_DTQ $((N / 5)))"
		bench "trip remote" "$(nsx b clustertest rtt echoa/IN_DTQ \
			echoa/OUT_DTQ $((N / 5)))"
		_r=$((_r + 1))
	done
}

# A name seen in b: a plain TIPC name bound in a (from the bind), and a
# new system's (from the start of its insmod in a: module load, the
# daemon's inotify wake-up and enumeration, TIPC's distribution).
t_discover() {
	_r=0
	while [ $_r -lt $((R * 2)) ]; do
		_r=$((_r + 1))
		$NSX b tipcprobe watch -t 20000 -u published $TYPE $((_r + 10)) \
			>$W/watch &
		_w=$!
		wait_line $W/watch '^subscribed' 10
		$NSX a tipcprobe serve -k rdm $TYPE $((_r + 10)) >$W/s &
		_s=$!
		wait_line $W/watch ' published ' 20
		wait $_w
		echo "# bench: discover tipc $(($(awk '/ published /{print $1}' \
			$W/watch) - $(sed -n 's/^bound //p' $W/s)))"
		stop_bg $_s
		$NSX b clustertest appear echoc/IN_DTQ 20000 >$W/appear &
		_w=$!
		wait_line $W/appear '^subscribed' 10
		_t0=$(now)
		insmod $M/echo2.ko cpu=1 autostart=1 bridge_name=echoc
		echo "# bench: discover insmod $(($(now) - _t0))"
		wait $_w
		if grep -q '^appeared' $W/appear; then
			echo "# bench: discover unitron $(($(sed -n \
				's/^appeared //p' $W/appear) - _t0))"
			pass "round $_r: echoc/IN_DTQ seen in b"
		else
			fail "round $_r: echoc/IN_DTQ seen in b" "$(cat $W/netd)"
		fi
		rmmod echo2
		_i=0
		while nsx b unitronctl ls -c | grep -q echoc/; do
			_i=$((_i + 1))
			[ $_i -lt 100 ] || break
			usleep 100000
		done
	done
}

run_cases net calls discover
