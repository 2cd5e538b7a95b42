/* brgbench (bench/bridge) with libunitron, as one static program. */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "bench/bridge/brgbench.c"
