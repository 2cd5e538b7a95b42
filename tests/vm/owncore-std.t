#!/bin/bash
# prove entry point: VM test group tests/vm/owncore/ on Debian's std kernel.
set -euo pipefail
exec "$(dirname "$0")/../../tools/vm/test-group.sh" owncore std
