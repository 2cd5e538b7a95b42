/*
 * The application header of dynamic.cfg: the area it gives the kernel
 * memory pool.
 */
#ifndef DYNAMIC_H
#define DYNAMIC_H

#include <kernel.h>

#define NSEM	2

#ifndef _MACRO_ONLY
extern VP_INT	mpk_area[512];
#endif

#endif /* DYNAMIC_H */
