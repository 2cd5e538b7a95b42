/* TIPC probes: plain TIPC round trips and discovery, the baselines. */
#include "tests/vm/tipc/progs/tipcprobe.c"
