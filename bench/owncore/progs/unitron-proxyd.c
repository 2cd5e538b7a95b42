/* The real proxy server, built from its source. */
#include "bridge/proxy/unitron-proxyd.c"
