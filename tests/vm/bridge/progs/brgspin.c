/*
 * Guest program: the shared client for calls under spinning tasks
 * (tests/bridge/brgspin.c) with libunitron, as one static program.
 */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "tests/bridge/brgspin.c"
