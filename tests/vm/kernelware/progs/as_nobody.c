/* The unitron group's as_nobody: run a command as uid and gid 65534. */
#include "tests/vm/unitron/progs/as_nobody.c"
