# Guest library: helpers for tests of a µITRON system's bridge (the
# linux port's and the own-core port's), sourced after tap.sh.  DEV: the
# bridge device; ROOT: unitron-proxyd's directory.
DEV=${DEV:-/dev/unitron0}

# Wait until N files of the device are open (each holds the module,
# echo or the one named), then a little more for their calls to reach
# the µITRON side.
wait_open() {
	_i=0
	while [ "$(cat /sys/module/"${2:-echo}"/refcnt)" != "$1" ] &&
	      [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	sleep 0.3
}

# Re-emit a program's numbered TAP (in FILE) as this script's points,
# NAME: before each, with a point that checks its plan.
prog_tap() {
	sed -n 's/^\(not ok\|ok\) [0-9]* - \(.*\)$/\1 - '"$1"': \2/p' "$2"
	# Nested, so that no diagnostic reads as one of the runner's markers.
	grep '^#' "$2" | sed 's/^/# /'
	grep '^Bail out!' "$2" | sed 's/^/not ok - '"$1"': /'
	_plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$2")
	is "$(grep -cE '^(not ok|ok) [0-9]+' "$2")" "${_plan:-none}" \
		"$1: plan matches the test points run"
}

ROOT=/tmp/vioroot

# ROOT as tests/bridge/vio/viotest.h wants it, writable by nobody.
make_root() {
	rm -rf $ROOT /tmp/secret
	mkdir -p $ROOT
	mkfifo -m 0666 $ROOT/fifo
	ln -s /etc/passwd $ROOT/link_out
	echo secret >/tmp/secret
	chown -R 65534:65534 $ROOT
}

# Start unitron-proxyd on $DEV as root, proxies as nobody; PROXYD is its
# pid.  Wait until it serves.  Not in a subshell (check): PROXYD.
start_proxyd() {
	: >/tmp/proxyd.err
	unitron-proxyd -s $DEV -d $ROOT -u nobody \
		</dev/null >/dev/null 2>/tmp/proxyd.err &
	PROXYD=$!
	_i=0
	while ! grep -q serving /tmp/proxyd.err && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	grep -q serving /tmp/proxyd.err
}

# The processes whose parent is $1.
children() {
	grep -l "^PPid:[[:space:]]*$1\$" /proc/[0-9]*/status 2>/dev/null |
		sed 's|^/proc/\([0-9]*\)/status$|\1|'
}

# Does process $1 have ROOT/fifo open?
has_fifo() {
	for _f in /proc/"$1"/fd/*; do
		[ "$(readlink "$_f" 2>/dev/null)" = "$ROOT/fifo" ] && return 0
	done
	return 1
}

# Proxies blocked in read(2) (syscall 0) of ROOT/fifo, one pid a line.
fifo_readers() {
	for _p in $(children "$PROXYD"); do
		has_fifo "$_p" && grep -q '^0 ' /proc/"$_p"/syscall 2>/dev/null &&
			echo "$_p"
	done
}

# Wait until N proxies are blocked reading the FIFO.
wait_readers() {
	_i=0
	while [ "$(fifo_readers | wc -l)" -lt "$1" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ "$(fifo_readers | wc -l)" -ge "$1" ]
}

# Wait until the proxy server and every proxy are gone.
wait_gone() {
	_i=0
	while [ "$(cat /sys/module/"$1"/refcnt)" != 0 ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}

# tests/bridge/vio's two notes, after start_proxyd: kill one of the
# proxies in a call, then the proxy server itself.
viotest_kills() {
	for _note in 1 2; do
		is "$(unitronctl recv -t 30000 NOTE_DTQ)" $_note \
			"the test asks to kill (note $_note)"
		wait_readers 1 || fail "no proxy reads the FIFO"
		if [ $_note = 1 ]; then
			# shellcheck disable=SC2046
			kill -9 $(fifo_readers | head -1)
		else
			kill -9 $PROXYD
			wait $PROXYD 2>/dev/null
		fi
	done
}
