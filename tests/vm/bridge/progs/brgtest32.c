/*
 * Guest program: the shared test client as a 32-bit program (built with
 * -m32, group.conf), for the device's compat ioctl.
 */
#include "bridge/lib/libunitron.c"
#include "bridge/lib/cluster.c"
#include "tests/bridge/brgtest.c"
