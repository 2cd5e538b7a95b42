#!/bin/bash
# prove entry point: make try SCRIPT= on Debian's std kernel, running the
# README's walk-through of the linux port.
set -euo pipefail
exec "$(dirname "$0")/try-walkthrough.sh" std 0
