/* The bridge group's brgtest, against a system on its own core. */
#include "tests/vm/bridge/progs/brgtest.c"
