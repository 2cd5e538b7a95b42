/*
 * Unitron - TOPPERS/ASP compatibility: ASP's basic types and macros
 * (t_stddef.h), beside the µITRON ones of itron.h.
 *
 * The fixed-width types come from the compiler's predefined macros, so
 * the header works where there is no C library (the linux and own-core
 * ports); a hosted build may include <stdint.h> as well, since C11
 * allows repeating a typedef of the same type.
 */
#ifndef UNITRON_ASP_T_STDDEF_H
#define UNITRON_ASP_T_STDDEF_H

#if defined(TOPPERS_MACRO_ONLY) && !defined(_MACRO_ONLY)
#define _MACRO_ONLY
#endif

#include <itron.h>

#ifndef _MACRO_ONLY
#if __STDC_HOSTED__ && !defined(__KERNEL__)
#include <stdint.h>
#endif
typedef __INTPTR_TYPE__		intptr_t;
typedef __UINTPTR_TYPE__	uintptr_t;

typedef int		bool_t;
typedef int		int_t;
typedef unsigned int	uint_t;
typedef long		long_t;
typedef unsigned long	ulong_t;
typedef uintptr_t	MB_T;		/* management area unit */
typedef uint_t		ACPTN;		/* access permission (unused) */
#endif /* _MACRO_ONLY */

#ifndef true
#define true		1
#define false		0
#endif

#define UINT_C(val)	(val ## U)
#define ULONG_C(val)	(val ## UL)

#define Inline		static inline
#define NoReturn	__attribute__((noreturn))

#endif /* UNITRON_ASP_T_STDDEF_H */
