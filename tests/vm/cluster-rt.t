#!/bin/bash
# prove entry point: VM test group tests/vm/cluster/ on Debian's rt kernel.
set -euo pipefail
exec "$(dirname "$0")/../../tools/vm/test-group.sh" cluster rt
