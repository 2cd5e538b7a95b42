/* The bridge's shared test client (tests/bridge/brgtest.c), here against
 * a system of another node (UNITRON_SYSTEM=cluster). */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "tests/bridge/brgtest.c"
