#!/bin/bash
# Boot a Debian kernel (std or rt) in QEMU with a harness initramfs, run the
# guest script and print host TAP; or give an interactive guest shell.
set -euo pipefail

usage() {
	cat <<'EOF'
Usage: tools/vm/run.sh -f std|rt -i INITRAMFS [options]

Boots Debian's kernel of the flavour with INITRAMFS (tools/vm/mkinitramfs.sh)
and prints TAP for prove: a boot check, the guest's test points, one
"kernel console clean" point per case, and a final run check. Exit status 0
if everything passed. Kernel BUG/Oops/WARNING/RCU stall/soft or hard
lockup/hung task/panic, unexpected reboot or timeout are failures.

  -n NAME    run name; logs: build/vm/logs/NAME.{log,tap,guest-tap}
             (default: vm-FLAVOUR)
  -c ARGS    extra kernel command line (after the harness defaults)
  -q ARGS    extra QEMU arguments, split on whitespace (e.g. "-device edu")
  -s N       vCPUs (default 2)
  -m SIZE    guest memory (default 512M)
  -t SEC     timeout for the whole boot and run (default 120)
  -a CASES   case list for the guest script (comma separated): the
             guest's run_cases runs these instead of its default list
  -C CPU     QEMU CPU model (default: max with TCG, host with KVM)
  -M TYPE    QEMU machine type (default pc)
  -I N       deterministic virtual time: QEMU's instruction-counting clock,
             -icount shift=N,sleep=off,align=off, on single-threaded TCG
             (every guest instruction takes 2^N ns of guest time; host
             load cannot reach guest time).  Forces TCG.  Also from
             UNITRON_VM_ICOUNT=N.  See tools/vm/README.md for what it
             models and for SMP (vCPU 1 is started at run time)
  -S         interactive shell on this terminal instead of a test run
             (Ctrl-A X quits QEMU; 'exit' powers the guest off)
  -v         also stream the kernel console to stderr
  -h         this help

Environment: UNITRON_VM_ACCEL=kvm|tcg forces the accelerator (default:
KVM if /dev/kvm exists and a trial boot works; the answer is cached in
build/vm/kvm-probe). UNITRON_VM_BUILD overrides build/vm.
UNITRON_VM_ICOUNT=N is -I N.
EOF
}

die() { echo "run.sh: $*" >&2; exit 1; }

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${UNITRON_VM_BUILD:-$top/build/vm}

flavour='' initrd='' name='' cmdline='' qargs='' smp=2 mem=512M timeout=120
cases='' cpu='' machine=pc shell=0 verbose=0 icount=${UNITRON_VM_ICOUNT:-}
while getopts "f:i:n:c:q:s:m:t:a:C:M:I:Svh" opt; do
	case "$opt" in
	f) flavour=$OPTARG ;;
	i) initrd=$OPTARG ;;
	n) name=$OPTARG ;;
	c) cmdline=$OPTARG ;;
	q) qargs=$OPTARG ;;
	s) smp=$OPTARG ;;
	m) mem=$OPTARG ;;
	t) timeout=$OPTARG ;;
	a) cases=$OPTARG ;;
	C) cpu=$OPTARG ;;
	M) machine=$OPTARG ;;
	I) icount=$OPTARG ;;
	S) shell=1 ;;
	v) verbose=1 ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || { usage >&2; exit 2; }
[[ -n "$flavour" && -n "$initrd" ]] || { usage >&2; exit 2; }
[[ -f "$initrd" ]] || die "no such initramfs: $initrd"
[[ "$timeout" =~ ^[0-9]+$ ]] || die "bad timeout: $timeout"
[[ -z "$icount" || "$icount" =~ ^[0-9]+$ ]] || die "bad icount shift: $icount"
[[ "$cases" =~ ^[A-Za-z0-9_,.-]*$ ]] || die "bad case list: $cases"
name=${name:-vm-$flavour}

qemu=$(command -v qemu-system-x86_64) ||
	die "qemu-system-x86_64 not found (run tools/vm/deps.sh)"
kver=$("$here/kver.sh" "$flavour" KVER)
vmlinuz=$("$here/kver.sh" "$flavour" VMLINUZ)
[[ -r "$vmlinuz" ]] || die "cannot read $vmlinuz"
python=/usr/bin/python3
[[ -x $python ]] || python=$(command -v python3) || die "python3 not found"

mkdir -p "$build/logs"

# --- Accelerator: KVM only if it really boots. ----------------------------
kvm_works() {
	[[ -e /dev/kvm && -r /dev/kvm && -w /dev/kvm ]] || return 1
	local cache=$build/kvm-probe key answer
	key="$(stat -c '%t:%T:%Z' /dev/kvm) $("$qemu" --version | head -n1)"
	if [[ -f "$cache" ]] && [[ "$(head -n1 "$cache")" == "$key" ]]; then
		answer=$(sed -n 2p "$cache")
	else
		# Trial boot: no initramfs, so the kernel panics at once
		# (cannot mount root) and -no-reboot makes QEMU exit.
		answer=no
		local out
		out=$(timeout 60 "$qemu" -accel kvm -cpu host -M pc -m 256M \
			-nodefaults -no-user-config -display none -no-reboot \
			-kernel "$vmlinuz" -append "console=ttyS0 panic=-1" \
			-serial stdio 2>&1) || true
		grep -q "Kernel panic" <<<"$out" && answer=yes
		printf '%s\n%s\n' "$key" "$answer" >"$cache.$$"
		mv -f "$cache.$$" "$cache"
	fi
	[[ "$answer" == yes ]]
}

accel_mode=${UNITRON_VM_ACCEL:-auto}
[[ -n "$icount" ]] && accel_mode=icount
case "$accel_mode" in
icount) accel=tcg ;;
kvm) accel=kvm ;;
tcg) accel=tcg ;;
auto) if kvm_works; then accel=kvm; else accel=tcg; fi ;;
*) die "UNITRON_VM_ACCEL must be kvm, tcg or auto" ;;
esac
if [[ -z "$cpu" ]]; then
	if [[ $accel == kvm ]]; then cpu=host; else cpu=max; fi
fi

# --- Kernel command line. --------------------------------------------------
# loglevel=7 so that every warning reaches the console; devkmsg=on so that
# the guest's markers are never rate limited; panic=-1 with -no-reboot ends
# QEMU at a panic; hung tasks are reported after 30 s, not 120 s.
# no_timer_check: under TCG on a busy host the boot-time check that the
# IO-APIC timer ticks can miss its window and panic ("IO-APIC + timer
# doesn't work", seen at a host load of 100).
append="console=ttyS0,115200 loglevel=7 printk.devkmsg=on panic=-1"
append+=" sysctl.kernel.hung_task_timeout_secs=30 no_timer_check"
if [[ $shell -eq 1 ]]; then
	append+=" unitron.mode=shell"
else
	append+=" unitron.mode=test"
fi
[[ -n "$cases" ]] && append+=" unitron.args=$cases"
# Under -icount QEMU 7.2's single-threaded TCG gives each vCPU in turn
# the instructions left until the next timer, vCPU 0 first: a vCPU 0
# that busy-waits for vCPU 1 never leaves it any, so the kernel's own
# SMP bring-up hangs.  The guest boots with one CPU and the guest init
# (tools/vm/guest/init) onlines the others once the boot is over.
if [[ -n "$icount" && "$smp" -gt 1 ]]; then
	append+=" maxcpus=1 unitron.online=$smp"
fi
[[ -n "$cmdline" ]] && append+=" $cmdline"

log=$build/logs/$name.log
taplog=$build/logs/$name.guest-tap
tapout=$build/logs/$name.tap

extra=()
read -ra extra <<<"$qargs"
accel_args=(-accel "$accel")
if [[ -n "$icount" ]]; then
	accel_args=(-accel tcg,thread=single
		-icount "shift=$icount,sleep=off,align=off")
fi
qcmd=("$qemu" "${accel_args[@]}" -M "$machine" -cpu "$cpu" -smp "$smp"
	-m "$mem" -nodefaults -no-user-config -display none -no-reboot
	-kernel "$vmlinuz" -initrd "$initrd" -append "$append")

if [[ $shell -eq 1 ]]; then
	echo "run.sh: $kver ($accel), console on this terminal; Ctrl-A X quits" >&2
	exec "$qemu" "${qcmd[@]:1}" -serial mon:stdio \
		-serial "file:$build/logs/$name-shell.guest-tap" "${extra[@]}"
fi

vargs=()
[[ $verbose -eq 1 ]] && vargs+=(--verbose)
exec "$python" "$here/vmrun.py" run --console "$log" --tap "$taplog" \
	--tap-out "$tapout" --name "$name" --kernel "$kver" \
	--timeout "$timeout" "${vargs[@]}" -- \
	"${qcmd[@]}" -serial "file:$log" -serial "file:$taplog" "${extra[@]}"
