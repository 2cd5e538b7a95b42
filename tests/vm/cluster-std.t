#!/bin/bash
# prove entry point: VM test group tests/vm/cluster/ on Debian's std kernel.
set -euo pipefail
exec "$(dirname "$0")/../../tools/vm/test-group.sh" cluster std
