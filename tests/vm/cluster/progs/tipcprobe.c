/* TIPC probes (tests/vm/tipc): the clock, and plain TIPC round trips. */
#include "tests/vm/tipc/progs/tipcprobe.c"
