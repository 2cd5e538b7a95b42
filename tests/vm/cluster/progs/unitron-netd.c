/* The guest gets the real node daemon, built from its source, with libunitron. */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "bridge/netd/unitron-netd.c"
