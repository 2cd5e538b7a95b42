#!/bin/bash
# logger on the posix port: the application, its proxy server, and a
# shell that sends requests and reads the log.
#   examples/logger/demo.sh [BUILD_DIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build}
dir=$(mktemp -d)
trap 'kill $app $proxyd 2>/dev/null || true; rm -rf "$dir"' EXIT
export UNITRON_BRIDGE=$dir/logger.sock UNITRON_SYSTEM=$dir/logger.sock

"$build/app/examples_logger/logger" --no-rt </dev/null &
app=$!
until [ -S "$UNITRON_BRIDGE" ]; do sleep 0.1; done
mkdir "$dir/files"
chmod 777 "$dir/files"	# run as root, the proxies are nobody
"$build/unitron-proxyd" -d "$dir/files" &
proxyd=$!
for n in 3 12 -7; do
	"$build/unitronctl" send REQUEST_DTQ "$n"
	echo "$n squared: $("$build/unitronctl" recv -t 5000 ANSWER_DTQ)"
done
"$build/unitronctl" send REQUEST_DTQ 0	# the end
wait $app
echo "--- $dir/files/requests.log, written by the µITRON task:"
cat "$dir/files/requests.log"
[ "$(wc -l <"$dir/files/requests.log")" = 3 ]
