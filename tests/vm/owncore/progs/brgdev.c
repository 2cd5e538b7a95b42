/* The bridge group's brgdev: the bridge device by hand (bad ioctls). */
#include "tests/vm/bridge/progs/brgdev.c"
