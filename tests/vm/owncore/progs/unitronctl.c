/* The bridge group's unitronctl, against a system on its own core. */
#include "tests/vm/bridge/progs/unitronctl.c"
