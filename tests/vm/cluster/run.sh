#!/bin/sh
# cluster group guest script: µITRON objects across three TIPC nodes
# (group.conf).  Each node runs tests/bridge/app (a: echo.ko as
# /dev/echoa, b: the posix port's build, c: echo2.ko as /dev/echoc) and
# its unitron-netd; clients are unitronctl, brgtest and clustertest.
#
# Cases, in order (each builds on the ones before): net publish calls
# brgtest imports withdraw loss many junk owncore.  Figures go to diagnostics
# as "# fact: ..." lines (docs/cluster.md quotes them).
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/bridge.sh
. /lib/unitron/bridge.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tipcnet.sh
. /lib/unitron/tipcnet.sh

M=/lib/unitron/modules
W=/tmp/cluster
mkdir -p $W
NOBJ=7		# the echo app's bridged objects

# Cases run in subshells: the background programs' pids are in files,
# $W/pid.NAME, and they are not the case's children (no wait).
pid_of() { cat $W/pid.$1 2>/dev/null; }
running() {
	[ -e /proc/$1 ] &&
		[ "$(sed 's/.*) \(.\).*/\1/' /proc/$1/stat 2>/dev/null)" != Z ]
}
# stop NAME [SIGNAL]: signal it (TERM) and wait up to 10 s for its end.
stop() {
	_p=$(pid_of $1)
	rm -f $W/pid.$1
	[ -n "$_p" ] || return 0
	kill -${2:-TERM} "$_p" 2>/dev/null
	_i=0
	while running "$_p" && [ $_i -lt 500 ]; do
		usleep 20000
		_i=$((_i + 1))
	done
	! running "$_p"
}

# await PID SECS: until the case's child PID ends (killed after SECS).
await() {
	_i=0
	while running "$1" && [ $_i -lt $(($2 * 50)) ]; do
		usleep 20000
		_i=$((_i + 1))
	done
	kill -9 "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

load_a() { insmod $M/echo.ko cpu=1 autostart=1 bridge_name=echoa; }
load_c() { insmod $M/echo2.ko cpu=1 autostart=1 bridge_name=echoc; }

start_b() {
	$NSX b env UNITRON_BRIDGE=$W/echob.sock posix-echo --no-rt \
		</dev/null >>$W/echob.log 2>&1 &
	echo $! >$W/pid.echob
}

# netd NODE ARGS...: (re)start NODE's daemon (pid.netd.NODE).
netd() {
	_n=$1
	shift
	stop netd.$_n
	$NSX $_n unitron-netd -n $_n "$@" >>$W/netd.$_n 2>&1 &
	echo $! >$W/pid.netd.$_n
}

netd_a_args="-s /dev/echoa"
netd_b_args="-s echob=$W/echob.sock"
netd_c_args="-s /dev/echoc"

# count NODE SYSTEM: the objects of SYSTEM that NODE's `ls -c` lists.
count() { nsx "$1" unitronctl ls -c | grep -c "^$2/"; }

# wait_count NODE SYSTEM N SECS: until count is N.
wait_count() {
	_i=0
	while [ "$(count "$1" "$2")" != "$3" ] && [ $_i -lt $(($4 * 10)) ]; do
		usleep 100000
		_i=$((_i + 1))
	done
	[ "$(count "$1" "$2")" = "$3" ]
}

t_net() {
	make_nodes
	enable_bearers 30
}

# Systems and daemons come up; ls shows each object with its node; a
# watcher in c sees them appear.
t_publish() {
	$NSX c unitronctl ls -w >>$W/watch 2>&1 &
	echo $! >$W/pid.watch
	usleep 300000
	netd a $netd_a_args
	netd b $netd_b_args
	netd c $netd_c_args
	usleep 300000
	is "$(nsx c unitronctl ls -c)" "" "no system yet: ls -c lists nothing"
	t0=$(now)
	check "insmod echo (a's system)" load_a
	if wait_line $W/watch '^\+ echoa/PRIQ_DTQ ' 10; then
		pass "c's watcher sees a's objects appear"
		fact "publication: a's objects seen in c $(ms "$t0" "$(now)") ms after insmod began (polled every 20 ms)"
	else
		fail "c's watcher sees a's objects appear" "$(cat $W/watch $W/netd.a)"
	fi
	start_b
	check "posix echo in b" wait_line $W/netd.b 'echob .*published' 10
	check "insmod echo2 (c's system)" load_c
	check "c's objects published" wait_count c echoc $NOBJ 10
	check "b's objects listed in a" wait_count a echob $NOBJ 10
	for n in a b c; do
		is "$(count $n echoa) $(count $n echob) $(count $n echoc)" \
			"$NOBJ $NOBJ $NOBJ" "$n: ls -c lists every system's objects"
	done
	like "$(nsx a unitronctl ls -c)" 'echob/IN_MBX  *mbx b' \
		"ls -c: name, kind and node"
	is "$(grep -c '^+ ' $W/watch)" $((3 * NOBJ)) \
		"c's watcher: each object appeared once"
	like "$(cat $W/netd.a)" 'unitron-netd: echoa \(/dev/echoa\): 7 objects published' \
		"a's daemon logs the publication"
}

# Process -> task across nodes, both ways, by full and short names.
t_calls() {
	for from in c b a; do
		for sys in echoa echob echoc; do
			nsx $from unitronctl send -t 5000 $sys/IN_DTQ 41
			is "$(nsx $from unitronctl recv -t 5000 $sys/OUT_DTQ)" \
				42 "$from -> $sys: a datum through its task"
		done
	done
	check "c -> echob: a message" \
		nsx c unitronctl send -t 5000 echob/IN_MBX "hello, b"
	is "$(nsx a unitronctl recv -t 5000 echob/OUT_MBX)" "HELLO, B" \
		"a <- echob: the task's answer"
	like "$(nsx c unitronctl send -t 0 IN_DTQ 1 2>&1)" \
		'IN_DTQ: E_OBJ: several systems .* SYSTEM/NAME' \
		"a short name three systems have: E_OBJ, and the way out"
	like "$(nsx c unitronctl send nosuch/IN_DTQ 1 2>&1)" \
		'nosuch/IN_DTQ: E_NOEXS' "an unknown system: E_NOEXS"
	like "$(nsx c unitronctl recv -t 200 echoa/IDLE_DTQ 2>&1)" \
		'E_TMOUT' "a remote call times out: E_TMOUT"
	# The local system first: in a, with its device, IN_DTQ is a's own.
	nsx a env UNITRON_SYSTEM=/dev/echoa unitronctl send -t 5000 IN_DTQ 1
	is "$(nsx a unitronctl recv -t 5000 echoa/OUT_DTQ)" 2 \
		"a's own system first: a short name clash does not matter"
	nsx c clustertest names echoa echob >$W/names
	prog_tap names $W/names
	r=$(nsx c clustertest rtt echoa/IN_DTQ echoa/OUT_DTQ 50)
	fact "process in c -> echo task in a -> c (two remote calls): $r"
	r=$(nsx a env UNITRON_SYSTEM=/dev/echoa clustertest rtt IN_DTQ \
		OUT_DTQ 50)
	fact "process in a -> its own echo task -> a (two local calls): $r"
}

# The bridge's own client test, against a system of another node: the
# same code as against a local one (the bridge group runs it so).
t_brgtest() {
	stop echob
	check "b's objects withdrawn when its system ends" \
		wait_count c echob 0 5
	rmmod echo2
	check "c's objects withdrawn at rmmod" wait_count a echoc 0 5
	UNITRON_SYSTEM=cluster nsx c brgtest dtq mbx errors signal kill many \
		>$W/brgtest 2>&1
	prog_tap "brgtest in c on echoa" $W/brgtest
	start_b
	check "b's system back: its objects again" wait_count c echob $NOBJ 10
	check "echo2 back in c" load_c
	check "c's objects again" wait_count a echoc $NOBJ 10
}

# Task -> task: a's daemon imports echob/IN_DTQ as what a's echo task
# sends to its OUT_DTQ; c's imports echob/OUT_MBX into echoc/IN_MBX.
t_imports() {
	netd a $netd_a_args -o echoa/OUT_DTQ=echob/IN_DTQ
	netd c $netd_c_args -i echoc/IN_MBX=echob/OUT_MBX
	check "a's import runs" wait_line $W/netd.a 'import echoa/OUT_DTQ -> echob/IN_DTQ: running' 10
	check "c's import runs" wait_line $W/netd.c 'import echoc/IN_MBX <- echob/OUT_MBX: running' 10
	nsx b unitronctl send -t 5000 echoa/IN_DTQ 10
	is "$(nsx b unitronctl recv -t 5000 echob/OUT_DTQ)" 12 \
		"b -> task in a -> (import) -> task in b -> b: datum + 2"
	for i in 1 2 3 4 5; do
		nsx c unitronctl send -t 5000 echoa/IN_DTQ $((i * 100))
	done
	got=
	for i in 1 2 3 4 5; do
		got="$got $(nsx c unitronctl recv -t 5000 echob/OUT_DTQ)"
	done
	is "$got" " 102 202 302 402 502" "five in a row, in order"
	nsx a unitronctl send -t 5000 echob/IN_MBX "task to task"
	is "$(nsx a unitronctl recv -t 5000 echoc/OUT_MBX)" "TASK TO TASK" \
		"a -> task in b -> (import into c) -> task in c -> a"
	# Its far end goes: the import waits, and nothing is lost.
	stop echob
	wait_count a echob 0 5
	nsx c unitronctl send -t 5000 echoa/IN_DTQ 7
	start_b
	wait_count c echob $NOBJ 10
	is "$(nsx c unitronctl recv -t 15000 echob/OUT_DTQ)" 9 \
		"a datum sent while b's system was away arrives when it is back"
	cat $W/watch >>$W/watch.all
	: >$W/watch
	netd a $netd_a_args
	netd c $netd_c_args
}

# Withdrawal on stop and rmmod, seen by the watcher; names come back.
t_withdraw() {
	# The daemons restarted at the end of imports: their objects first.
	check "c's watcher sees a's objects (again)" \
		wait_line $W/watch '^\+ echoa/PRIQ_DTQ ' 10
	cat $W/watch >>$W/watch.all
	: >$W/watch
	t0=$(now)
	check "rmmod echo (a's system)" rmmod echo
	if wait_line $W/watch '^- echoa/PRIQ_DTQ ' 10; then
		pass "c's watcher sees a's objects go at rmmod"
		fact "withdrawal: a's objects gone in c $(ms "$t0" "$(now)") ms after rmmod began (polled every 20 ms)"
	else
		fail "c's watcher sees a's objects go at rmmod" "$(cat $W/watch)" \
			"watcher running: $(running "$(pid_of watch)" && echo yes)" \
			"$(cat $W/netd.a)" "$(cat $W/watch.all)" "$(nsx c tipc nametable show)"
	fi
	like "$(nsx c unitronctl send echoa/IN_DTQ 1 2>&1)" E_NOEXS \
		"a call to a withdrawn object: E_NOEXS"
	check "insmod echo again" load_a
	check "a's objects back" wait_line $W/watch '^\+ echoa/PRIQ_DTQ ' 10
	nsx c unitronctl send -t 5000 echoa/IN_DTQ 1
	is "$(nsx c unitronctl recv -t 5000 echoa/OUT_DTQ)" 2 \
		"calls reach it again"
	: >$W/watch
	stop echob KILL
	if wait_line $W/watch '^- echob/PRIQ_DTQ ' 10; then
		pass "a posix system killed: its objects go"
	else
		fail "a posix system killed: its objects go" "$(cat $W/watch)"
	fi
	start_b
	check "... and come back with it" wait_line $W/watch '^\+ echob/PRIQ_DTQ ' 10
	t0=$(now)
	stop netd.b
	check "b's daemon stopped: its objects go" \
		wait_line $W/watch '^- echob/PRIQ_DTQ ' 10
	fact "daemon stop: b's objects gone in c $(ms "$t0" "$(now)") ms after SIGTERM"
	like "$(cat $W/netd.b)" 'every name withdrawn' "its log says so"
	netd b $netd_b_args
	check "... and come back with it" \
		wait_line $W/watch '^\+ echob/PRIQ_DTQ .*' 10
}

# A call waits on a node that is cut off, a daemon killed, a system
# killed: each ends with E_DLT, within the bound docs/cluster.md states.
t_loss() {
	wait_count c echob $NOBJ 10
	$NSX c clustertest wait echob/IDLE_DTQ -1 >$W/w1 &
	w1=$!
	usleep 500000
	t0=$(now)
	stop netd.b KILL
	await $w1 10
	like "$(cat $W/w1)" '^E_DLT ' "daemon killed mid-call: E_DLT"
	fact "daemon killed: the waiting call ended $(ms "$t0" "$(now)") ms later"
	netd b $netd_b_args
	wait_count c echob $NOBJ 10
	$NSX c clustertest wait echob/IDLE_DTQ -1 >$W/w2 &
	w2=$!
	usleep 500000
	stop echob KILL
	await $w2 10
	like "$(cat $W/w2)" '^E_DLT ' "system killed mid-call: E_DLT"
	start_b
	wait_count c echob $NOBJ 10
	$NSX c clustertest wait echoa/IDLE_DTQ -1 >$W/w3 &
	w3=$!
	$NSX c clustertest wait echoa/IDLE_DTQ 10000 >$W/w4 &
	w4=$!
	usleep 500000
	t0=$(now)
	ip link set va down
	await $w3 10
	await $w4 10
	t=$(ms "$t0" "$(now)")
	like "$(cat $W/w3)" '^E_DLT ' "node cut off mid-call (TMO_FEVR): E_DLT"
	like "$(cat $W/w4)" '^E_DLT ' "... and a call with a timeout: E_DLT"
	if [ "$t" -le 2750 ]; then
		pass "within 1.5 x 1500 + 500 = 2750 ms ($t ms)"
	else
		fail "within 1.5 x 1500 + 500 = 2750 ms ($t ms)"
	fi
	fact "node cut off: the waiting calls ended $t ms later"
	like "$(nsx c unitronctl send -t 0 echoa/IN_DTQ 1 2>&1)" E_NOEXS \
		"its objects are gone from c"
	ip link set va up
	check "links back" wait_links 30
	check "a's objects back in c" wait_count c echoa $NOBJ 10
	nsx c unitronctl send -t 5000 echoa/IN_DTQ 1
	is "$(nsx c unitronctl recv -t 5000 echoa/OUT_DTQ)" 2 \
		"calls reach a again"
}

t_many() {
	r=$(nsx c clustertest many 4 50 echoa echob echoc)
	is "$r" "processes=12 wrong=0" \
		"c: 4 processes on each of 3 systems, 50 round trips each"
	# Callers share an echo task's queues: each run its own system.
	$NSX a clustertest many 3 30 echob >$W/ma &
	ma=$!
	r=$(nsx b clustertest many 3 30 echoc)
	await $ma 120
	is "$r $(cat $W/ma)" "processes=3 wrong=0 processes=3 wrong=0" \
		"a and b at once, each on another node's system"
}

t_junk() {
	nsx c clustertest junk >$W/junk 2>&1
	prog_tap junk $W/junk
	for n in a b c; do
		check "$n's daemon still runs" running "$(pid_of netd.$n)"
	done
	check_fails "unitron-netd -s relative/path" unitron-netd -s x/y
	check_fails "unitron-netd -o without =" unitron-netd -o echoa/X
	like "$(unitron-netd -h)" 'SYSTEM/NAME and NAME' "unitron-netd -h"
}

# The own-core port's system: the same app as an image on CPU 1 (taken
# from Linux: the linux-port systems, which run there, go first), with
# its bridge device as /dev/echoa: a's daemon serves it as it served the
# module.
t_owncore() {
	rmmod echo echo2
	check "a's and c's objects withdrawn" wait_count b echoa 0 5
	check "insmod unitron_core.ko image=echo.img bridge_name=echoa" \
		insmod $M/unitron_core.ko cpu=1 image=/lib/unitron/images/echo.img \
		bridge_name=echoa
	check "the own core's objects published" wait_count c echoa $NOBJ 10
	like "$(nsx c unitronctl ls -c)" 'echoa/IN_DTQ  *dtq a' \
		"ls -c: the own core's objects, on node a"
	nsx c unitronctl send -t 5000 echoa/IN_DTQ 41
	is "$(nsx c unitronctl recv -t 5000 echoa/OUT_DTQ)" 42 \
		"c -> the echo task on a's own core -> c"
	nsx b unitronctl send -t 5000 echoa/IN_MBX "own core"
	is "$(nsx b unitronctl recv -t 5000 echoa/OUT_MBX)" "OWN CORE" \
		"b -> its mailbox task -> b"
	r=$(nsx c clustertest rtt echoa/IN_DTQ echoa/OUT_DTQ 50)
	fact "process in c -> echo task on a's own core -> c: $r"
	$NSX c clustertest wait echoa/IDLE_DTQ -1 >$W/w5 &
	w5=$!
	usleep 500000
	check "the image stops (ext_ker)" \
		nsx b unitronctl send -t 5000 echoa/IN_DTQ -1
	await $w5 10
	like "$(cat $W/w5)" '^E_DLT ' "a call waiting when it stopped: E_DLT"
	check "rmmod unitron_core: CPU 1 is Linux's again" rmmod unitron_core
	check "its objects withdrawn" wait_count c echoa 0 5
}

run_cases net publish calls brgtest imports withdraw loss many junk owncore
