# Unitron VM guest TAP helpers (busybox sh), /lib/unitron/tap.sh.
# Source from a group's run.sh:   . /lib/unitron/tap.sh
#
# Test points are printed without numbers ("ok - desc"); the host runner
# numbers them. A case groups test points; the runner attributes every
# kernel error logged while a case runs to that case.
#
#   run_cases DEFAULT...   run t_<name> for each name in $UNITRON_ARGS, or
#                          in DEFAULT when no args were given; each case
#                          runs in a subshell between case markers
#   case_begin NAME / case_end   (run_cases does this for you)
#   pass DESC | fail DESC [DIAG...] | skip DESC REASON | diag MSG...
#   check DESC CMD...      ok if CMD exits 0; its output shown on failure
#   check_fails DESC CMD...  ok if CMD exits non-zero
#   is GOT WANT DESC       string equality
#   like GOT ERE DESC      extended regexp match (grep -E)
#   kmsg MSG               write MSG to the kernel log

kmsg() { echo "<4>unitron-vm: $*" >/dev/kmsg; }
diag() { for _l in "$@"; do echo "$_l" | sed 's/^/# /'; done; }
pass() { echo "ok - $1"; }
fail() {
	echo "not ok - $1"
	shift
	[ $# -gt 0 ] && diag "$@"
	return 0
}
skip() { echo "ok - $1 # SKIP ${2:-}"; }

check() {
	_d=$1
	shift
	if _out=$("$@" 2>&1); then
		pass "$_d"
	else
		fail "$_d" "command failed (exit $?): $*" "$_out"
	fi
}

check_fails() {
	_d=$1
	shift
	if _out=$("$@" 2>&1); then
		fail "$_d" "command unexpectedly succeeded: $*" "$_out"
	else
		pass "$_d"
	fi
}

is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3" "got:      '$1'" "expected: '$2'"
	fi
}

like() {
	if echo "$1" | grep -qE -- "$2"; then
		pass "$3"
	else
		fail "$3" "got:      '$1'" "expected: /$2/"
	fi
}

_tap_case=
case_begin() {
	_tap_case=$1
	kmsg "case-begin $1"
	echo "# unitron-case-begin $1"
}

case_end() {
	kmsg "case-end $_tap_case"
	echo "# unitron-case-end $_tap_case"
	_tap_case=
}

run_cases() {
	_cases=${UNITRON_ARGS:-$*}
	for _c in $_cases; do
		case_begin "$_c"
		if type "t_$_c" >/dev/null 2>&1; then
			( "t_$_c" ) || fail "$_c: case exited with status $?"
		else
			fail "$_c: no such case (no function t_$_c in run.sh)"
		fi
		case_end
	done
}
