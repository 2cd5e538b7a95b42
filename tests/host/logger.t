#!/bin/bash
# examples/logger: a µITRON task serves a shell's requests over the
# bridge and logs them to a Linux file through a proxy (the README's
# example of both halves of the bridge).  TAP.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
make -s -C "$top" lib cfg unitronctl unitron-proxyd >/dev/null
make -s -C "$top" APP=examples/logger >/dev/null 2>&1
echo "1..4"
out=$(timeout 60 "$top/examples/logger/demo.sh" 2>/dev/null); st=$?
[ $st = 0 ] && echo "ok 1 - demo.sh ends well" || echo "not ok 1 - demo.sh ends well (status $st)"
for want in "12 squared: 144" "-7 squared: 49"; do
	n=$(( ${n:-1} + 1 ))
	grep -qxF -- "$want" <<<"$out" && echo "ok $n - answer: $want" ||
		echo "not ok $n - answer: $want"
done
grep -qxF "request -7 -> 49" <<<"$out" && echo "ok 4 - the task logged each request to its file" ||
	echo "not ok 4 - the task logged each request to its file"
