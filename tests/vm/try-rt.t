#!/bin/bash
# prove entry point: make try SCRIPT= on Debian's rt kernel, running the
# README's walk-through of the linux port, then exit 3 (make try must fail with it).
set -euo pipefail
exec "$(dirname "$0")/try-walkthrough.sh" rt 3
