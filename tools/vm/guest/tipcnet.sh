#!/bin/sh
# Guest helpers for TIPC clusters in one guest (tests/vm/tipc,
# tests/vm/cluster): nodes are network namespaces (NODES, default
# "a b c") whose eth0 are veth peers of ports v<node> of a bridge br0 in
# the root namespace; each has its own TIPC identity unitron-<node> and
# an eth bearer.  Needs iproute2's ip and tipc (GUEST_TOOLS="ip tipc"),
# KMODS="tipc veth bridge", tipcprobe (tests/vm/tipc/progs) and tap.sh.
# Installed as /lib/unitron/tipcnet.sh.

NODES=${NODES:-"a b c"}

# iproute2's ip: busybox sh runs its own applets before PATH, and
# busybox's ip has no netns, veth or bridge.
ip() { /usr/bin/ip "$@"; }
nsx() { _n=$1; shift; ip netns exec "$_n" "$@"; }
# In the background, "$NSX node cmd &": a function put in the background
# runs in a subshell, and $! would not be the program's pid.
# shellcheck disable=SC2034
NSX="/usr/bin/ip netns exec"
now() { tipcprobe now; }
ms() { echo $((($2 - $1) / 1000)); }	# ms from µs time $1 to $2
fact() { echo "# fact: $*"; }

# wait_line FILE ERE SECS: until a line of FILE matches, or SECS pass.
wait_line() {
	_i=0
	while [ "$_i" -lt "$(($3 * 50))" ]; do
		grep -qE -- "$2" "$1" 2>/dev/null && return 0
		usleep 20000
		_i=$((_i + 1))
	done
	return 1
}

# Working links of node $1 (not the broadcast link).
links_up() {
	nsx "$1" tipc link list 2>/dev/null | grep -v '^broadcast-link' |
		grep -c ': up$'
}

# wait_links SECS: until every node has a working link to each other one.
wait_links() {
	_want=$(($(echo $NODES | wc -w) - 1))
	_i=0
	while [ "$_i" -lt "$(($1 * 20))" ]; do
		_ok=1
		for _n in $NODES; do
			[ "$(links_up $_n)" -ge $_want ] || { _ok=0; break; }
		done
		[ $_ok -eq 1 ] && return 0
		usleep 50000
		_i=$((_i + 1))
	done
	return 1
}

stop_bg() {
	for _p in "$@"; do kill "$_p" 2>/dev/null; done
	for _p in "$@"; do wait "$_p" 2>/dev/null; done
	return 0
}

# make_nodes: tipc.ko, the bridge, and each node's namespace and identity
# (test points); bearers come with enable_bearers.
make_nodes() {
	check "modprobe tipc (Debian's tipc.ko)" modprobe tipc
	check "modprobe veth bridge" modprobe -a veth bridge
	check "bridge br0" ip link add br0 type bridge forward_delay 0 \
		stp_state 0
	ip link set br0 up
	_i=1
	for _n in $NODES; do
		ip netns add $_n &&
		ip link add v$_n type veth peer name eth0 netns $_n &&
		ip link set v$_n master br0 up &&
		nsx $_n ip link set lo up &&
		nsx $_n ip link set eth0 address 02:00:00:00:00:0$_i up &&
		nsx $_n tipc node set identity unitron-$_n
		is "$?" 0 "netns $_n: veth v$_n<->eth0 on br0, identity unitron-$_n"
		_i=$((_i + 1))
	done
}

# enable_bearers SECS: an eth bearer on each node, then every link up.
enable_bearers() {
	for _n in $NODES; do
		check "netns $_n: eth bearer on eth0" \
			nsx $_n tipc bearer enable media eth device eth0
	done
	if wait_links "$1"; then
		pass "links up between all nodes"
	else
		fail "links up between all nodes" \
			"$(for _n in $NODES; do nsx $_n tipc link list; done)"
		return 1
	fi
}
