#!/bin/sh
# Guest script for the own-core loader (port/bare/loader); prints TAP.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh

M=/lib/unitron/modules
KO=$M/unitron_core.ko
ONLINE=/sys/devices/system/cpu/cpu1/online
LOOPS=${OWNCORE_LOOPS:-20}

# The CPU a command pinned on CPU $1 really ran on (field 39 of stat).
ran_on() {
	taskset -c "$1" cat /proc/self/stat | cut -d' ' -f39
}

# CPU 1 is Linux's again: online, and a task pinned on it runs there.
cpu1_back() {
	[ "$(cat $ONLINE)" = 1 ] || return 1
	[ "$(ran_on 1)" = 1 ]
}

# The design facts (design/own-core.md) that the guest itself shows.
t_facts() {
	check_fails "CPU 0 cannot be offlined (no sysfs online file)" \
		test -e /sys/devices/system/cpu/cpu0/online
	like "$(dmesg)" "IPI shorthand broadcast: disabled" \
		"no_ipi_broadcast=1 took (dmesg says so)"
	diag "buddyinfo: $(grep DMA32 /proc/buddyinfo)"
	like "$(sed -n 's/.*DMA32//p' /proc/buddyinfo | wc -w)" "^11$" \
		"11 buddy orders: the largest block is 4 MiB"
}

t_bad_params() {
	dmesg -c >/dev/null
	check_fails "cpu=0 refused" insmod $KO cpu=0
	like "$(dmesg)" "unitron_core: cpu=0 refused: CPU 0 stays with Linux" \
		"... with its reason in the kernel log"
	check_fails "cpu=99 refused" insmod $KO cpu=99
	like "$(dmesg)" "unitron_core: cpu=99 refused: no such CPU" \
		"... with its reason in the kernel log"
	echo 0 >$ONLINE
	check_fails "an offline CPU refused" insmod $KO cpu=1
	like "$(dmesg)" "unitron_core: cpu=1 refused: it is offline" \
		"... with its reason in the kernel log"
	echo 1 >$ONLINE
	check_fails "stage=bogus refused" insmod $KO cpu=1 stage=bogus
	like "$(dmesg)" "unitron_core: stage=bogus refused" \
		"... with its reason in the kernel log"
	# insmod reports the init's errno; busybox prints strerror.
	like "$(insmod $KO cpu=0 2>&1)" "Invalid argument|EINVAL" \
		"the refusal is EINVAL"
	check_fails "no module left loaded" grep -q '^unitron_core ' /proc/modules
	check "CPU 1 still Linux's" cpu1_back
}

t_guard() {
	dmesg -c >/dev/null
	check "insmod cpu=1" insmod $KO cpu=1
	is "$(cat $ONLINE)" 0 "CPU 1 offline while held"
	check_fails "writing 1 to cpu1/online fails while held" \
		sh -c "echo 1 >$ONLINE"
	like "$(dmesg)" "CPU 1 belongs to µITRON: onlining refused" \
		"... and the kernel log says why"
	like "$(sh -c "echo 1 >$ONLINE" 2>&1)" "busy" "... the write fails with EBUSY"
	is "$(cat $ONLINE)" 0 "CPU 1 still offline"
	check "rmmod" rmmod unitron_core
	check "CPU 1 back online and usable" cpu1_back
}

# rounds DESC ARGS...: $LOOPS loads with ARGS and unloads, CPU 1 back
# after each.
rounds() {
	_d=$1
	shift
	_n=0 _bad=0
	while [ $_n -lt "$LOOPS" ]; do
		_n=$((_n + 1))
		if ! _o=$(insmod $KO cpu=1 "$@" 2>&1); then
			fail "insmod #$_n" "$_o" "$(dmesg | tail -5)"
			_bad=$((_bad + 1))
			break
		fi
		if ! _o=$(rmmod unitron_core 2>&1); then
			fail "rmmod #$_n" "$_o" "$(dmesg | tail -5)"
			_bad=$((_bad + 1))
			break
		fi
		if ! cpu1_back; then
			fail "CPU 1 back after #$_n" "$(dmesg | tail -5)"
			_bad=$((_bad + 1))
			break
		fi
	done
	is "$_bad" 0 "$LOOPS rounds ($_d), CPU 1 back online and usable after each"
}

t_stub() {
	dmesg -c >/dev/null
	check "insmod (stage=stub, the default)" insmod $KO cpu=1
	like "$(dmesg)" "unitron_core: Linux's SMP trampoline at 0x[0-9a-f]*000, read-only in the direct map" \
		"Linux's trampoline found, page aligned, read-only in the direct map"
	diag "$(dmesg | grep -E 'trampoline|alive')"
	like "$(dmesg)" "unitron_core: CPU 1 alive in the 64-bit stub after [0-9]+ us .alive word 0x4556494c, APIC ID 1." \
		"the stub's alive word seen, written by APIC ID 1"
	is "$(cat /sys/kernel/unitron_core/state)" alive "sysfs state: alive"
	is "$(cat /sys/kernel/unitron_core/alive)" 0x4556494c \
		"sysfs alive: the word in shared memory"
	is "$(cat /sys/kernel/unitron_core/cpu)" 1 "sysfs cpu: 1"
	check_fails "writing 1 to cpu1/online fails while the stub runs" \
		sh -c "echo 1 >$ONLINE"
	check "rmmod" rmmod unitron_core
	like "$(dmesg)" "unitron_core: CPU 1 given back to Linux" "CPU 1 given back"
	check "CPU 1 online and usable after the stub" cpu1_back
	check_fails "the status directory is gone" test -e /sys/kernel/unitron_core
}

# A stub that never says alive: the load fails after the timeout, with
# the CPU parked and given back.
t_mute() {
	dmesg -c >/dev/null
	like "$(insmod $KO cpu=1 test_mute_stub=1 2>&1)" "timed out|ETIMEDOUT" \
		"insmod with a mute stub fails (ETIMEDOUT)"
	like "$(dmesg)" "unitron_core: CPU 1: no alive from the stub within 2000 ms; parked again" \
		"... and the kernel log says so"
	check_fails "no module left loaded" grep -q '^unitron_core ' /proc/modules
	check "CPU 1 back online and usable" cpu1_back
	check "a normal load works after it" insmod $KO cpu=1
	check "rmmod" rmmod unitron_core
	check "CPU 1 back online and usable" cpu1_back
}

t_loop() {
	rounds "offline, INIT, stub alive, INIT, online"
}

t_loop_offline() {
	rounds "offline, online" stage=offline
}

t_loop_park() {
	rounds "offline, INIT, online" stage=park
}

t_park() {
	dmesg -c >/dev/null
	check "insmod stage=park" insmod $KO cpu=1 stage=park
	like "$(dmesg)" "unitron_core: CPU 1 .APIC ID 1. taken from Linux" \
		"CPU 1 taken"
	like "$(dmesg)" "unitron_core: CPU 1 parked by INIT" "... and parked"
	like "$(dmesg)" "unitron_core: APIC driver .*, Linux's IPIs in .* mode" \
		"the APIC mode is logged"
	diag "$(dmesg | grep 'APIC driver')"
	check "rmmod" rmmod unitron_core
	check "Linux brought the parked CPU 1 back; a task runs on it" cpu1_back
}

run_cases facts bad_params guard park stub mute loop loop_offline loop_park
