/* The node daemon, built from its source. */
#include "tests/vm/cluster/progs/unitron-netd.c"
