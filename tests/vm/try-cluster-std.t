#!/bin/bash
# prove entry point: make try SCRIPT= on Debian's std kernel, running the
# README's two-node walk-through (sensor and logger on TIPC).
set -euo pipefail
exec "$(dirname "$0")/try-walkthrough.sh" std 0 cluster
