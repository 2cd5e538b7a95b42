#!/bin/sh
# Guest script: kernelware refuses a kernel with SMEP/SMAP or PTI on.
# shellcheck source=SCRIPTDIR/../../../tools/vm/guest/tap.sh
. /lib/unitron/tap.sh

t_refuse() {
	dmesg -c >/dev/null
	check_fails "insmod kernelware fails" \
		insmod /lib/unitron/modules/kernelware.ko
	like "$(dmesg)" "kernelware: .*boot with clearcpuid=smep,smap nopti" \
		"the kernel log names the boot parameters"
	check_fails "no device" test -e /dev/kernelware
}

run_cases refuse
