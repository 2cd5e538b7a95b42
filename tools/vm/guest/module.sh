# Unitron VM guest helpers for µITRON systems loaded as modules of the
# linux port (busybox sh), /lib/unitron/module.sh.  Source after tap.sh:
#   . /lib/unitron/tap.sh
#   . /lib/unitron/module.sh
#
# A module prints its syslog, µITRON TAP included, to the kernel log as
# "NAME: ..." lines; clear the log (dmesg -c) before loading it so that
# only its own run is read back.
#
#   wait_log NAME TEXT SECS  wait up to SECS for "NAME: TEXT" in the log;
#                            non-zero if it did not come
#   module_tap NAME [PREFIX] re-emit NAME's TAP, from the log lines that
#                            start with PREFIX (default "NAME: "):
#                            "NAME: ok 3 - x" becomes
#                            "ok - NAME: x", its diagnostics are kept, and
#                            a test point checks its plan against the
#                            points it printed
#   kernel_kb                kernel memory a module leak would grow
#                            (unreclaimable slab and vmalloc, where module
#                            images live), in kB, after dropping caches

wait_log() {
	_i=0
	while [ "$_i" -lt "$(($3 * 10))" ]; do
		dmesg | grep -q "$1: $2" && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}

module_tap() {
	dmesg | sed -n "s/^\[[^]]*\] ${2:-$1: }//p" >/tmp/tap
	sed -n 's/^\(not ok\|ok\) [0-9]* - \(.*\)$/\1 - '"$1"': \2/p' /tmp/tap
	# Nested, so that no diagnostic reads as one of the runner's markers.
	grep '^#' /tmp/tap | sed 's/^/# /'
	# A system that stopped early printed fewer points than its plan, or
	# no plan at all.
	_plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' /tmp/tap)
	is "$(grep -cE '^(not ok|ok) [0-9]+' /tmp/tap)" "${_plan:-none}" \
		"$1: plan matches the test points run"
}

kernel_kb() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	awk '/^(SUnreclaim|VmallocUsed):/ { kb += $2 } END { print kb }' \
		/proc/meminfo
}
