/* The guest gets bench/linux's cycstat (cyclictest's output as records). */
#include "bench/linux/progs/cycstat.c"
