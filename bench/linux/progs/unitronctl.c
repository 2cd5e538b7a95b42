/* The guest gets the real unitronctl: built from its one source file. */
#include "tools/unitronctl/unitronctl.c"
