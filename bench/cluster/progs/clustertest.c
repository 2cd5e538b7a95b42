/* The cluster test client (tests/vm/cluster/progs/clustertest.c): null
 * calls, round trips, a name's appearance. */
#include "tests/vm/cluster/progs/clustertest.c"
