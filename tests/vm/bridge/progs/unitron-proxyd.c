/* The guest gets the real proxy server, built from its source. */
#include "bridge/proxy/unitron-proxyd.c"
