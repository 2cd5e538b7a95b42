#!/bin/sh
# Guest script for the bridge on the linux port; prints TAP.  The system
# is tests/bridge/app (echo.ko, and echo2.ko: the same app again); for
# Linux I/O, tests/vm/bridge/vioapp (vioapp.ko) and tests/bridge/vio
# (vio.ko) beside unitron-proxyd.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/module.sh
. /lib/unitron/module.sh
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/bridge.sh
. /lib/unitron/bridge.sh

M=/lib/unitron/modules
DEV=/dev/unitron0

# Load echo.ko with these parameters after a clean kernel log.
load_echo() {
	dmesg -c >/dev/null
	insmod $M/echo.ko cpu=1 "$@"
}

# The device's life: created at load, mode 0600, calls only while the
# system runs, gone at unload.
t_device() {
	check "insmod echo (not started)" load_echo
	check "$DEV is a character device" test -c $DEV
	is "$(stat -c %a $DEV)" 600 "its mode is 0600 by default"
	is "$(stat -c %u:%g $DEV)" 0:0 "it is root's"
	like "$(dmesg)" "echo: bridge: $DEV" "the kernel log names it"
	is "$(brgdev $DEV snd IN_DTQ 1 0)" E_OBJ \
		"a call before the start: E_OBJ (names are found already)"
	is "$(as_nobody brgdev $DEV open)" "Permission denied" \
		"an unprivileged process cannot open it"
	check "unitronctl start echo" unitronctl start echo
	is "$(brgdev $DEV snd IN_DTQ 1 1000)" E_OK "a call once it runs"
	is "$(brgdev $DEV rcv OUT_DTQ 1000)" "E_OK 2" "... and the task's answer"
	check "unitronctl send IN_DTQ 9" unitronctl send -t 1000 IN_DTQ 9
	is "$(unitronctl recv -t 1000 OUT_DTQ)" 10 "unitronctl recv OUT_DTQ"
	check "unitronctl send IN_MBX hello" unitronctl send -t 1000 IN_MBX hello
	is "$(unitronctl recv -t 1000 OUT_MBX)" HELLO "unitronctl recv OUT_MBX"
	like "$(unitronctl recv -t 0 OUT_DTQ 2>&1)" "OUT_DTQ: E_TMOUT" \
		"unitronctl recv of an empty queue: E_TMOUT"
	check "rmmod echo" rmmod echo
	check_fails "$DEV removed" test -e $DEV
	check_fails "... and its sysfs entry" test -e /sys/class/misc/unitron0
}

# bridge_name and bridge_mode.
t_params() {
	check "insmod echo bridge_name=brg bridge_mode=0666" \
		load_echo autostart=1 bridge_name=brg bridge_mode=0666
	check "/dev/brg is there" test -c /dev/brg
	check_fails "$DEV is not" test -e $DEV
	is "$(stat -c %a /dev/brg)" 666 "its mode is 0666"
	is "$(as_nobody brgdev /dev/brg snd IN_DTQ 5 1000)" E_OK \
		"an unprivileged process calls"
	is "$(as_nobody brgdev /dev/brg rcv OUT_DTQ 1000)" "E_OK 6" \
		"... and receives the answer"
	check "brgtest dtq, as an unprivileged process" \
		env UNITRON_SYSTEM=/dev/brg as_nobody brgtest dtq
	check "rmmod echo" rmmod echo
	check_fails "/dev/brg removed" test -e /dev/brg
	check_fails "bridge_name=a/b refused" load_echo bridge_name=a/b
	like "$(dmesg)" "echo: bridge_name=a/b bridge_mode=0600: a device name" \
		"... and said why"
	check_fails "bridge_name= (empty) refused" load_echo bridge_name=
	check_fails "bridge_mode=01666 refused" load_echo bridge_mode=01666
	check_fails "none of them loaded" grep -q '^echo ' /proc/modules
}

# The shared client (tests/bridge/brgtest.c): every case but stop; also
# as a 32-bit process, whose calls go through compat_ioctl.
run_client() {	# PROG
	check "insmod echo (autostart)" load_echo autostart=1
	UNITRON_SYSTEM=$DEV "$1" >"/tmp/$1.tap" 2>&1
	is "$?" 0 "$1 exits 0"
	prog_tap "$1" "/tmp/$1.tap"
	check "rmmod echo" rmmod echo
}

t_client() { run_client brgtest; }
t_client32() { run_client brgtest32; }

t_badargs() {
	check "insmod echo (autostart)" load_echo autostart=1
	brgdev $DEV bad
	is "$(brgdev $DEV snd IN_DTQ 7 1000)" E_OK "the system still answers"
	is "$(brgdev $DEV rcv OUT_DTQ 1000)" "E_OK 8" "... correctly"
	check "rmmod echo" rmmod echo
}

# An open device keeps the module: rmmod fails until the process goes.
t_busy() {
	check "insmod echo (autostart)" load_echo autostart=1
	sleep 600 <>$DEV &
	_holder=$!
	wait_open 1
	is "$(cat /sys/module/echo/refcnt)" 1 "an open device holds the module"
	_out=$(rmmod echo 2>&1)
	is "$?" 1 "rmmod while the device is open fails"
	like "$_out" "can't unload module 'echo': Resource temporarily unavailable" \
		"... with the kernel's error for a module in use"
	check "echo is still loaded" grep -q '^echo ' /proc/modules
	is "$(brgdev $DEV snd IN_DTQ 10 1000)" E_OK "... and answers calls"
	is "$(brgdev $DEV rcv OUT_DTQ 1000)" "E_OK 11" "... correctly"
	kill $_holder
	wait $_holder 2>/dev/null
	is "$(cat /sys/module/echo/refcnt)" 0 "closed: the module is free"

	brgdev $DEV rcv IDLE_DTQ -1 >/tmp/waiter &
	_waiter=$!
	wait_open 1
	check_fails "rmmod while a call waits fails" rmmod echo
	kill -9 $_waiter
	wait $_waiter 2>/dev/null
	is "$(cat /tmp/waiter)" "" "the killed caller printed nothing"
	check "rmmod once the waiting caller was killed" rmmod echo
	check_fails "$DEV removed" test -e $DEV
}

# Fatal signals in a call (brgtest has the handled ones): the process
# dies at once, its call ends on the µITRON side, and the system goes on.
t_killed() {
	check "insmod echo (autostart)" load_echo autostart=1
	for _sig in TERM KILL; do
		brgdev $DEV rcv IDLE_DTQ -1 >/tmp/waiter &
		_waiter=$!
		wait_open 1
		kill -$_sig $_waiter
		wait $_waiter 2>/dev/null
		sleep 0.2
		is "$(brgdev $DEV snd IDLE_DTQ 1 0)" E_TMOUT \
			"SIG$_sig: its call left nothing waiting on IDLE_DTQ"
	done
	# Every worker's call killed at once, twice over: all come back.
	for _round in 1 2; do
		_pids=
		for _i in 1 2 3 4 5 6 7 8; do
			brgdev $DEV rcv IDLE_DTQ -1 >/dev/null &
			_pids="$_pids $!"
		done
		wait_open 8
		is "$(brgdev $DEV snd IN_DTQ 1 0)" E_NOMEM \
			"round $_round: 8 calls wait, one more is E_NOMEM"
		# shellcheck disable=SC2086
		kill -9 $_pids
		wait 2>/dev/null
		sleep 0.2
		is "$(brgdev $DEV snd IN_DTQ 20 1000)" E_OK \
			"round $_round: all killed, the workers are free again"
		is "$(brgdev $DEV rcv OUT_DTQ 1000)" "E_OK 21" "... correctly"
	done
	check "rmmod echo" rmmod echo
}

# Signals keep interrupting a receiver: no datum is lost or doubled.
t_storm() {
	check "insmod echo (autostart)" load_echo autostart=1
	brgdev $DEV storm 400
	check "rmmod echo" rmmod echo
}

# The system stops (ext_ker) under a waiting call: E_DLT.
t_stop() {
	check "insmod echo (autostart)" load_echo autostart=1
	UNITRON_SYSTEM=$DEV brgtest stop >/tmp/brgtest.tap 2>&1
	is "$?" 0 "brgtest stop exits 0"
	prog_tap brgtest /tmp/brgtest.tap
	wait_log echo "µITRON system stopped" 10 || fail "echo did not stop"
	is "$(brgdev $DEV snd IN_DTQ 1 0)" E_OBJ "a call after the stop: E_OBJ"
	is "$(brgdev $DEV rcv OUT_DTQ -1)" E_OBJ "... a waiting one too"
	check "rmmod echo" rmmod echo
	check_fails "$DEV removed" test -e $DEV
}

# Two bridged systems at once, each its own device.
t_two() {
	check "insmod echo (autostart, CPU 1)" load_echo autostart=1
	check_fails "insmod echo2 with echo's device name fails" \
		insmod $M/echo2.ko cpu=0 bridge_name=unitron0
	like "$(dmesg)" "echo2: /dev/unitron0 is taken \(another system's\?\): load with bridge_name=" \
		"... and says why"
	check "insmod echo2 bridge_name=unitron1 (autostart, CPU 0)" \
		insmod $M/echo2.ko cpu=0 autostart=1 bridge_name=unitron1
	is "$(brgdev $DEV snd IN_DTQ 100 1000)" E_OK "a call to echo"
	is "$(brgdev /dev/unitron1 snd IN_DTQ 200 1000)" E_OK "a call to echo2"
	is "$(brgdev /dev/unitron1 rcv OUT_DTQ 1000)" "E_OK 201" "echo2's answer"
	is "$(brgdev $DEV rcv OUT_DTQ 1000)" "E_OK 101" "echo's answer"
	check "rmmod echo2" rmmod echo2
	is "$(brgdev $DEV snd IN_DTQ 300 1000)" E_OK "echo goes on alone"
	is "$(brgdev $DEV rcv OUT_DTQ 1000)" "E_OK 301" "... correctly"
	check "rmmod echo" rmmod echo
}

# ms since boot (10 ms steps).
uptime_ms() {
	read -r _up _ </proc/uptime
	echo $((${_up%.*} * 1000 + (1${_up#*.} - 100) * 10))
}

# Tasks above the bridge's workers spin (tests/bridge/spin): timed calls
# end within max(timeout, UNITRON_BRG_POLL_MS) + a margin for this
# emulated machine, truthfully; a waiting caller dies at once of a
# signal; rmmod works meanwhile once no process holds the device.
SPIN_MARGIN=500
t_spin() {
	dmesg -c >/dev/null
	check "insmod spin (autostart)" insmod $M/spin.ko cpu=1 autostart=1
	UNITRON_SYSTEM=$DEV brgspin "unitronctl raise spin 1" $SPIN_MARGIN \
		>/tmp/brgspin.tap 2>&1
	is "$?" 0 "brgspin exits 0"
	prog_tap brgspin /tmp/brgspin.tap
	check "a task above the workers spins (in 300 ms)" \
		unitronctl send -t 1000 CTL_DTQ 1
	sleep 0.8
	for _cmd in "send -t 1000 IN_DTQ 5" "recv -t 1000 OUT_DTQ"; do
		_t=$(uptime_ms)
		# shellcheck disable=SC2086
		_out=$(unitronctl $_cmd 2>&1)
		_st=$?
		_el=$(($(uptime_ms) - _t))
		is "$_st" 1 "unitronctl $_cmd while it spins: exit 1"
		like "$_out" "E_TMOUT" "... E_TMOUT"
		check "... in $_el ms (1000..$((1000 + SPIN_MARGIN)))" \
			test "$_el" -ge 990 -a "$_el" -le $((1000 + SPIN_MARGIN))
	done
	unitronctl recv OUT_DTQ >/tmp/waiter 2>&1 &
	_waiter=$!
	wait_open 1 spin
	_out=$(rmmod spin 2>&1)
	is "$?" 1 "rmmod while a caller waits (forever) fails: the device is open"
	like "$_out" "Resource temporarily unavailable" "... the module is in use"
	_t=$(uptime_ms)
	kill -TERM $_waiter
	wait $_waiter 2>/dev/null
	_el=$(($(uptime_ms) - _t))
	check "SIGTERM ends the waiting caller at once ($_el ms)" \
		test "$_el" -le 1000
	is "$(cat /tmp/waiter)" "" "... which printed nothing"
	check "rmmod while the task still spins" rmmod spin
	check_fails "$DEV removed" test -e $DEV
	like "$(dmesg)" "spin: µITRON system stopped" "the system stopped"
}

# Load, call, unload: nothing stays behind.
t_reload() {
	_fails=0
	_n=0
	load_echo autostart=1 && rmmod echo	# warm-up: caches, not leaks
	_before=$(kernel_kb)
	while [ "$_n" -lt 30 ]; do
		load_echo autostart=1 || _fails=$((_fails + 1))
		[ "$(brgdev $DEV snd IN_DTQ $_n 1000)" = E_OK ] ||
			_fails=$((_fails + 1))
		[ "$(brgdev $DEV rcv OUT_DTQ 1000)" = "E_OK $((_n + 1))" ] ||
			_fails=$((_fails + 1))
		rmmod echo || _fails=$((_fails + 1))
		[ -e $DEV ] && _fails=$((_fails + 1))
		_n=$((_n + 1))
	done
	is "$_fails" 0 "30 load/call/unload cycles"
	_grown=$(($(kernel_kb) - _before))
	diag "unreclaimable slab + vmalloc after 30 cycles: ${_grown} kB more"
	check "no kernel memory leaked (grew ${_grown} kB)" \
		test "$_grown" -lt 512
	check_fails "no bridge or control device left" \
		sh -c 'ls -d /dev/unitron* 2>/dev/null'
	check_fails "no µITRON thread left" \
		sh -c 'cat /proc/[0-9]*/comm | grep -q "^unitron/"'
}

# ---- Linux I/O (unitron_vio.h): tests/vm/bridge/vioapp and vio ---------

# vioapp's outcome of command $1 (vioapp.h), within 5 s.
vio_cmd() {
	unitronctl send -t 1000 CMD_DTQ "$1" &&
		unitronctl recv -t 5000 RES_DTQ
}

# Load vioapp.ko with these parameters after a clean kernel log.
load_vioapp() {
	dmesg -c >/dev/null
	insmod $M/vioapp.ko cpu=1 "$@"
}

# The ioctls and the mapping, by hand (viodev prints the points).
t_vio_proto() {
	check "insmod vioapp (autostart, bridge_mode=0666)" \
		load_vioapp autostart=1 bridge_mode=0666
	is "$(as_nobody viodev $DEV attach)" "Operation not permitted" \
		"ATTACH by an unprivileged process: EPERM"
	viodev $DEV proto
	is "$(vio_cmd 1)" -6 "a call with the server gone: ENXIO"
	check "rmmod vioapp" rmmod vioapp
}

# unitron-proxyd serves; proxies run as nobody; the server keeps the
# module; killed during two calls, it ends them with EIO.
t_vio_proxyd() {
	make_root
	check "insmod vioapp (autostart)" load_vioapp autostart=1
	start_proxyd
	is "$?" 0 "unitron-proxyd attaches"
	like "$(cat /tmp/proxyd.err)" "serving $DEV in $ROOT, 8 proxies" \
		"... and says so"
	is "$(vio_cmd 1)" 0 "vio_null through a proxy"
	is "$(children "$PROXYD" | wc -l)" 8 "8 proxies"
	is "$(for _p in $(children "$PROXYD"); do
		sed -n 's/^Uid:[[:space:]]*\([0-9]*\).*/\1/p' /proc/"$_p"/status
	done | sort -u)" 65534 "they run as nobody"
	is "$(for _p in $PROXYD $(children "$PROXYD"); do
		sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/"$_p"/status
	done | sort -u)" 0 "the server and its proxies keep off µITRON's CPU 1"
	_out=$(rmmod vioapp 2>&1)
	is "$?" 1 "rmmod while a proxy server is attached fails"
	like "$_out" "Resource temporarily unavailable" "... the module is in use"
	check "vioapp is still loaded" grep -q '^vioapp ' /proc/modules
	is "$(as_nobody viodev $DEV attach 2>&1)" "Permission denied" \
		"(nobody cannot open the device at all by default)"
	is "$(viodev $DEV attach)" "Device or resource busy" \
		"a second proxy server: EBUSY"

	unitronctl send -t 1000 CMD_DTQ 2
	unitronctl send -t 1000 CMD_DTQ 2
	check "two calls wait in Linux (read of an empty FIFO)" wait_readers 2
	# shellcheck disable=SC2046
	kill -9 $(fifo_readers | head -1)
	is "$(unitronctl recv -t 5000 RES_DTQ)" -5 \
		"one's proxy killed: that call ends with EIO"
	is "$(vio_cmd 1)" 0 "a new proxy serves the next call"
	unitronctl send -t 1000 CMD_DTQ 2
	check "... two calls wait again" wait_readers 2
	kill -9 $PROXYD
	wait $PROXYD 2>/dev/null
	is "$(unitronctl recv -t 5000 RES_DTQ) $(unitronctl recv -t 5000 RES_DTQ)" \
		"-5 -5" "the proxy server killed: both calls end with EIO"
	is "$(vio_cmd 1)" -6 "then no server: ENXIO"
	wait_gone vioapp
	check_fails "no proxy is left" sh -c "cat /proc/[0-9]*/comm | grep -q unitron-proxyd"

	start_proxyd
	is "$?" 0 "unitron-proxyd attaches again"
	is "$(vio_cmd 1)" 0 "and serves"
	unitronctl send -t 1000 CMD_DTQ 2
	check "a call waits in Linux" wait_readers 1
	kill -TERM $PROXYD
	wait $PROXYD 2>/dev/null
	is "$(unitronctl recv -t 5000 RES_DTQ)" -5 \
		"SIGTERM to the proxy server: EIO"
	wait_gone vioapp
	check "rmmod once the proxy server is gone" rmmod vioapp
}

# Calls until /tmp/stop exists, each outcome a line of FILE ("none" if
# it had none within 5 s).
vio_calls() {
	while [ ! -e /tmp/stop ]; do
		_r=$(vio_cmd 1 2>/dev/null)
		echo "${_r:-none}" >>"$1"
	done
}

# The proxy server killed at any moment while two tasks keep calling:
# each call ends (served, EIO or ENXIO), none hangs, nothing leaks.
t_vio_churn() {
	make_root
	check "insmod vioapp (autostart)" load_vioapp autostart=1
	: >/tmp/outcomes
	_bad=0
	for _round in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
		rm -f /tmp/stop
		start_proxyd || _bad=$((_bad + 1))
		vio_calls /tmp/outcomes &
		_c1=$!
		vio_calls /tmp/outcomes &
		_c2=$!
		sleep "0.$((_round * 6))"
		kill -9 $PROXYD
		wait $PROXYD 2>/dev/null
		sleep 0.1
		touch /tmp/stop
		wait $_c1 $_c2
		wait_gone vioapp
	done
	is "$_bad" 0 "unitron-proxyd attached 15 times"
	diag "outcomes: $(sort /tmp/outcomes | uniq -c | tr -s ' \n' ' ')"
	is "$(grep -cvxE -- '0|-5|-6' /tmp/outcomes)" 0 \
		"each call served (0), ended by the kill (EIO) or found no server (ENXIO)"
	check "some calls were served" grep -qx 0 /tmp/outcomes
	check "... some found no server" grep -qx -- -6 /tmp/outcomes
	is "$(cat /sys/module/vioapp/refcnt)" 0 "no file of the device is left"
	check "rmmod vioapp" rmmod vioapp
}

# The shared Linux I/O test (tests/bridge/vio): TAP from µITRON, with
# this script killing a proxy (note 1) and the server (note 2).
t_viotest() {
	make_root
	check "insmod vio (autostart)" sh -c \
		"dmesg -c >/dev/null; insmod $M/vio.ko cpu=1 autostart=1"
	start_proxyd
	is "$?" 0 "unitron-proxyd attaches"
	viotest_kills
	wait_log vio "µITRON system stopped" 60 ||
		fail "vio did not stop" "$(dmesg | tail -20)"
	module_tap vio
	check "nothing was made beside the directory" \
		test ! -e /tmp/made_by_task
	check "... it is inside" test -d $ROOT/made_by_task
	wait_gone vio
	check "rmmod vio" rmmod vio
}

run_cases device params client client32 badargs busy killed storm stop two spin \
	reload \
	vio_proto vio_proxyd vio_churn viotest
