/*
 * Unitron - TOPPERS/ASP compatibility: t_stdlib.h.  ASP's own small
 * library functions are not provided; applications use the C library
 * where the port has one.
 */
#ifndef UNITRON_ASP_T_STDLIB_H
#define UNITRON_ASP_T_STDLIB_H

#include "t_stddef.h"

#endif /* UNITRON_ASP_T_STDLIB_H */
