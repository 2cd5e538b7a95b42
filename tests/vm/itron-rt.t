#!/bin/bash
# prove entry point: VM test group tests/vm/itron/ on Debian's rt kernel.
set -euo pipefail
exec "$(dirname "$0")/../../tools/vm/test-group.sh" itron rt
