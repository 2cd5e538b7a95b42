#!/bin/bash
# prove entry point: VM test group tests/vm/bridge/ on Debian's std kernel.
set -euo pipefail
exec "$(dirname "$0")/../../tools/vm/test-group.sh" bridge std
