#!/bin/bash
# prove entry point: make try CORE=1 SCRIPT= on Debian's std kernel,
# running the README's walk-through of the own-core port.
set -euo pipefail
exec "$(dirname "$0")/try-walkthrough.sh" std 0 core
