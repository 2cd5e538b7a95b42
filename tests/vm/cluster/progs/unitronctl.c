/* The guest gets the real unitronctl: built from its source, with libunitron. */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "tools/unitronctl/unitronctl.c"
