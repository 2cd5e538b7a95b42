#!/bin/bash
# Linux I/O for µITRON tasks on the posix port: tests/bridge/vio (TAP
# from its tasks) beside unitron-proxyd, which this script kills at the
# points the application names on NOTE_DTQ.  Then what only the outside
# sees: files owned by the proxies' user, nothing made outside.  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/tests/vio
tmp=$(mktemp -d)
app_pid= pd_pid=
cleanup() {
	[ -n "$pd_pid" ] && kill -9 "$pd_pid" 2>/dev/null
	[ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export UNITRON_BRIDGE=$tmp/vio.sock UNITRON_SYSTEM=$tmp/vio.sock

make -s -C "$top" lib cfg unitronctl unitron-proxyd >/dev/null
make -s -f "$top/mk/app.mk" APP="$top/tests/bridge/vio" OUT="$out" \
	EXTRA_SRCS="$top/tests/itron/lib/tap.c" \
	EXTRA_INCLUDES=-I"$top/tests/itron/lib" >/dev/null
ctl=$top/build/unitronctl

# The proxies' directory: a FIFO, a link out, a secret beside it.
root=$tmp/root
mkdir "$root"
chmod 777 "$root"
mkfifo -m 666 "$root/fifo"
ln -s /etc/passwd "$root/link_out"
echo secret >"$tmp/secret"

# The application bound to the first CPU this script may use (taskset):
# the proxies keep off it.
affinity() { sed -n 's/^Cpus_allowed_list:\t*//p' "/proc/$1/status" 2>/dev/null; }
# "0-2,5" -> "0 1 2 5"
cpu_list() {
	local r
	for r in ${1//,/ }; do
		if [[ $r == *-* ]]; then seq "${r%-*}" "${r#*-}"; else echo "$r"; fi
	done | tr '\n' ' '
}
allowed=$(cpu_list "$(affinity $$)")
sys_cpu=${allowed%% *}
cpus=$(wc -w <<<"$allowed")
bind=()
[ "$cpus" -ge 2 ] && bind=(taskset -c "$sys_cpu")
timeout 120 "${bind[@]}" "$out/vio" --no-rt </dev/null >"$tmp/tap" \
	2>"$tmp/app.err" &
app_pid=$!
for _ in $(seq 50); do [ -S "$UNITRON_BRIDGE" ] && break; sleep 0.1; done
"$top/build/unitron-proxyd" -d "$root" 2>"$tmp/pd.err" &
pd_pid=$!
for _ in $(seq 50); do grep -q serving "$tmp/pd.err" && break; sleep 0.1; done
pd_cpus=$(affinity "$pd_pid")
# A proxy's: one-shot proxies come and go, so the first one still there.
proxy_cpus=
for _ in $(seq 20); do
	for p in $(pgrep -P "$pd_pid"); do
		proxy_cpus=$(affinity "$p")
		[ -n "$proxy_cpus" ] && break 2
	done
	sleep 0.05
done

# 1: kill the proxies (the one making the call gives EIO); 2: the server.
if "$ctl" recv -t 60000 NOTE_DTQ >/dev/null; then
	sleep 0.5
	pkill -KILL -P "$pd_pid"
fi
if "$ctl" recv -t 60000 NOTE_DTQ >/dev/null; then
	sleep 0.5
	kill -9 "$pd_pid"
	wait "$pd_pid" 2>/dev/null
	pd_pid=
fi
wait "$app_pid"
app_pid=

n=0
while IFS= read -r line; do
	case $line in
	"ok "*|"not ok "*) n=$((n + 1)); echo "$line" ;;
	"1.."*) ;;
	*) echo "# $line" ;;
	esac
done <"$tmp/tap"
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }
ok "the application ran every test (its plan printed)" 'grep -q "^1\.\." "$tmp/tap"'
ok "the log file holds what the task wrote" '[ "$(cat "$root/log.txt")" = hello ]'
if [ "$(id -u)" = 0 ]; then
	ok "the proxies ran as nobody (file owner)" \
		'[ "$(stat -c %U "$root/log.txt")" = nobody ]'
else
	ok "the proxies ran as this user (not root: no change)" \
		'[ "$(stat -c %u "$root/log.txt")" = "$(id -u)" ]'
fi
ok "\"../made_by_task\" was made inside the directory" \
	'[ -d "$root/made_by_task" ] && [ ! -e "$tmp/made_by_task" ]'
ok "nothing else appeared beside it" \
	'[ "$(ls "$tmp" | sort | tr "\n" " ")" = "app.err pd.err root secret tap vio.sock " ] || [ "$(ls "$tmp" | sort | tr "\n" " ")" = "app.err pd.err root secret tap " ]'
if [ "$cpus" -ge 2 ]; then
	ok "the proxy server keeps off the system's CPU $sys_cpu ($pd_cpus)" \
		'[ "$(cpu_list "$pd_cpus")" = "${allowed#* }" ]'
	ok "... and so do its proxies ($proxy_cpus)" \
		'[ -n "$proxy_cpus" ] && [ "$proxy_cpus" = "$pd_cpus" ]'
else
	n=$((n + 2))
	echo "ok $((n - 1)) # skip one CPU: nothing to keep off"
	echo "ok $n # skip one CPU: nothing to keep off"
fi
echo "1..$n"
