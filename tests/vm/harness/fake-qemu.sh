#!/bin/bash
# Stand-in for qemu-system-x86_64 in tests/vm/harness.t: replays a canned
# guest run. Writes $FAKE_DIR/tap to the second -serial file: first (so the
# runner must wait for the console's markers), then $FAKE_DIR/console to the
# first, prints $FAKE_DIR/stderr if present and exits with $FAKE_DIR/rc
# (default 0).
set -euo pipefail
: "${FAKE_DIR:?FAKE_DIR not set}"
files=()
while [[ $# -gt 0 ]]; do
	if [[ "$1" == -serial && "${2:-}" == file:* ]]; then
		files+=("${2#file:}")
		shift
	fi
	shift
done
[[ ${#files[@]} -eq 2 ]] || { echo "fake-qemu: need two -serial file:" >&2; exit 1; }
[[ -f "$FAKE_DIR/tap" ]] && cat "$FAKE_DIR/tap" >>"${files[1]}"
sleep 0.3
[[ -f "$FAKE_DIR/console" ]] && cat "$FAKE_DIR/console" >>"${files[0]}"
[[ -f "$FAKE_DIR/stderr" ]] && cat "$FAKE_DIR/stderr" >&2
exit "$(cat "$FAKE_DIR/rc" 2>/dev/null || echo 0)"
