/* The real unitronctl, with libunitron. */
#include "tests/vm/cluster/progs/unitronctl.c"
