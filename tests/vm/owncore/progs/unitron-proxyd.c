/* The bridge group's unitron-proxyd, against a system on its own core. */
#include "tests/vm/bridge/progs/unitron-proxyd.c"
