# shellcheck shell=bash
# The host tests' TAP helper (tests/host/*.t source it):
#   ok DESC EXPR   a test point: "ok" if the shell expression EXPR holds
n=0
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }
