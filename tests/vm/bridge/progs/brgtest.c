/*
 * Guest program: the bridge's shared test client (tests/bridge/brgtest.c)
 * with libunitron, as one static program.
 */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "tests/bridge/brgtest.c"
