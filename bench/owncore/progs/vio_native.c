/* The Linux I/O baseline (bench/baseline/vio_native.c). */
#include "bench/baseline/vio_native.c"
