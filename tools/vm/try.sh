#!/bin/bash
# Try µITRON applications on the linux port without a Debian machine:
# boot Debian's kernel in QEMU with them as modules, and unitronctl,
# unitron-proxyd and trace-cmd.  `make try` calls this.
set -euo pipefail

usage() {
	cat <<'EOF2'
Usage: tools/vm/try.sh [-c] [-f std|rt] [-s SCRIPT] [-t SEC] APP_DIR...

Builds each APP_DIR (a µITRON application: C files and one .cfg; CFGFILE
and APP_DEFS in the environment as for make module) into a module of the
linux port for Debian's FLAVOUR kernel (std, booted with preempt=full,
or rt), and boots that kernel in QEMU with the modules in
/lib/unitron/modules, unitronctl, unitron-proxyd, unitron-netd,
trace-cmd, TIPC and iproute2's ip (/usr/bin/ip) and tipc.

Without -s: an interactive shell on this terminal ('exit' powers off,
Ctrl-A X kills QEMU).  With -s SCRIPT: the guest runs SCRIPT with its sh
(busybox) and powers off; its output is printed here and its exit status
is this command's.  Kernel errors (BUG, Oops, WARNING, lockups...), a
guest that dies or a run longer than SEC seconds (default 600) make it
fail too, with status 1 if the script itself exited 0.

  -c          the own-core port instead: each APP_DIR becomes an image,
              /lib/unitron/images/NAME.img, for unitronctl boot, with the
              loader unitron_core.ko in /lib/unitron/modules (the kernel
              boots with no_ipi_broadcast=1, as that port needs)
  -f FLAVOUR  std (default) or rt
  -s SCRIPT   run SCRIPT in the guest instead of a shell
  -t SEC      time limit for the boot and the script (default 600)
  -h          this help

Logs: build/vm/logs/try-FLAVOUR.{log,tap,guest-tap}.
EOF2
}

die() { echo "try: $*" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${UNITRON_VM_BUILD:-$top/build/vm}

flavour=std script='' timeout=600 core=
while getopts "cf:s:t:h" opt; do
	case "$opt" in
	c) core=1 ;;
	f) flavour=$OPTARG ;;
	s) script=$OPTARG ;;
	t) timeout=$OPTARG ;;
	h) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -ge 1 ]] || { usage >&2; exit 2; }
case "$flavour" in std|rt) ;; *) die "FLAVOUR must be std or rt, not '$flavour'" ;; esac
[[ "$timeout" =~ ^[1-9][0-9]*$ ]] || die "bad time limit '$timeout'"
[[ -z ${CFGFILE:-} || $# -eq 1 ]] || die "CFGFILE names the .cfg of one APP only"
apps=()
for a in "$@"; do
	[[ -d "$a" ]] || die "APP=$a: no such directory"
	apps+=("$(cd "$a" && pwd)")
done

make -s -C "$top" unitronctl unitron-proxyd unitron-netd
export UNITRON_TRY_APPS="${apps[*]}" UNITRON_TRY_TIMEOUT=$timeout
export UNITRON_TRY_CORE=$core
export UNITRON_VM_BUILD=$build

if [[ -z "$script" ]]; then
	export UNITRON_TRY_BIN=
	exec "$here/test-group.sh" -S "$here/try" "$flavour"
fi

[[ -f "$script" && -r "$script" ]] || die "SCRIPT=$script: no such file"
mkdir -p "$build/try"
install -m 755 "$script" "$build/try/unitron-try-script"
export UNITRON_TRY_BIN=$build/try/unitron-try-script

# The script's output as it comes (the second serial port's log), then
# what the harness found.
logs=$build/logs/try-$flavour
rm -f "$logs.guest-tap"
tap=$(mktemp)
trap 'rm -f "$tap"' EXIT
set +e
"$here/test-group.sh" -n "try-$flavour" "$here/try" "$flavour" >"$tap" &
runner=$!
tail -n +1 -F --pid=$runner "$logs.guest-tap" 2>/dev/null | sed -n 's/^| //p'
wait $runner
harness=$?
set -e
rc=$(sed -n 's/^# unitron-run-end rc=\([0-9]*\).*/\1/p' "$logs.guest-tap" 2>/dev/null)
# What failed besides the script's own exit status.
if [[ $harness -ne 0 ]] &&
   grep '^not ok' "$tap" | grep -qv 'run: guest script exited with status'; then
	{
		echo "try: the run failed (kernel log: $logs.log):"
		sed -n '/^not ok/,/^ok /p' "$tap" | grep -v '^ok '
	} >&2
fi
if [[ -n "$rc" && "$rc" -ne 0 ]]; then
	exit "$rc"
fi
[[ $harness -eq 0 && -n "$rc" ]] || exit 1
exit 0
