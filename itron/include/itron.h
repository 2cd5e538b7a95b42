/*
 * Unitron - ITRON general definitions (µITRON 4.0 chapter 2, "ITRON
 * general concepts"): data types, constants, error codes.
 *
 * Freestanding: this header includes nothing, so it compiles the same in
 * a Linux process, in the Linux kernel and on bare metal.  Types are
 * chosen for LP64 hosts (x86-64, arm64) and for ILP32.
 *
 * With _MACRO_ONLY defined (as the configurator's preprocessing pass
 * does) only macros are visible.
 */
#ifndef UNITRON_ITRON_H
#define UNITRON_ITRON_H

#ifndef _MACRO_ONLY

typedef signed char	B;		/* signed 8-bit integer */
typedef short		H;		/* signed 16-bit integer */
typedef int		W;		/* signed 32-bit integer */
typedef long long	D;		/* signed 64-bit integer */
typedef unsigned char	UB;		/* unsigned 8-bit integer */
typedef unsigned short	UH;		/* unsigned 16-bit integer */
typedef unsigned int	UW;		/* unsigned 32-bit integer */
typedef unsigned long long UD;		/* unsigned 64-bit integer */

typedef signed char	VB;		/* 8-bit value of unknown type */
typedef short		VH;		/* 16-bit value of unknown type */
typedef int		VW;		/* 32-bit value of unknown type */
typedef long long	VD;		/* 64-bit value of unknown type */

typedef void		*VP;		/* pointer to unknown type */
typedef void		(*FP)(void);	/* program start address */

typedef int		INT;		/* natural-size signed integer */
typedef unsigned int	UINT;		/* natural-size unsigned integer */
typedef int		BOOL;		/* boolean */

typedef INT		FN;		/* function code */
typedef INT		ER;		/* error code */
typedef INT		ID;		/* object ID number */
typedef UINT		ATR;		/* object attribute */
typedef UINT		STAT;		/* object state */
typedef UINT		MODE;		/* service call operational mode */
typedef INT		PRI;		/* priority */
typedef __SIZE_TYPE__	SIZE;		/* memory area size */

typedef INT		TMO;		/* timeout, in milliseconds */
typedef UINT		RELTIM;		/* relative time, in milliseconds */
typedef unsigned long	SYSTIM;		/* system time, in milliseconds */

typedef __INTPTR_TYPE__	VP_INT;		/* pointer or signed integer */

typedef ER		ER_BOOL;	/* error code or boolean */
typedef ER		ER_ID;		/* error code or ID number */
typedef ER		ER_UINT;	/* error code or unsigned integer */

#endif /* _MACRO_ONLY */

/*
 * A function that does not return.  Not declared so in Linux kernel
 * builds: objtool cannot see it across objects and would flag callers.
 */
#ifdef __KERNEL__
#define NORETURN
#else
#define NORETURN	__attribute__((noreturn))
#endif

#ifndef NULL
#define NULL		((void *) 0)
#endif
#define TRUE		1
#define FALSE		0
#define E_OK		0

/* Main error codes (µITRON 4.0 table 2-2). */
#define E_SYS		(-5)	/* system error */
#define E_NOSPT		(-9)	/* unsupported function */
#define E_RSFN		(-10)	/* reserved function code */
#define E_RSATR		(-11)	/* reserved attribute */
#define E_PAR		(-17)	/* parameter error */
#define E_ID		(-18)	/* invalid ID number */
#define E_CTX		(-25)	/* context error */
#define E_MACV		(-26)	/* memory access violation */
#define E_OACV		(-27)	/* object access violation */
#define E_ILUSE		(-28)	/* illegal service call use */
#define E_NOMEM		(-33)	/* insufficient memory */
#define E_NOID		(-34)	/* no ID number available */
#define E_OBJ		(-41)	/* object state error */
#define E_NOEXS		(-42)	/* non-existent object */
#define E_QOVR		(-43)	/* queue overflow */
#define E_RLWAI		(-49)	/* forced release from waiting */
#define E_TMOUT		(-50)	/* polling failure or timeout */
#define E_DLT		(-51)	/* waiting object deleted */
#define E_CLS		(-52)	/* waiting object state changed */
#define E_WBLK		(-57)	/* non-blocking call accepted */
#define E_BOVR		(-58)	/* buffer overflow */

/* Error code composition: main code in the low 8 bits, sub code above. */
#define ERCD(mercd, sercd) \
	((ER)(((UINT)(sercd) << 8) | ((UINT)(mercd) & 0xffU)))
#define MERCD(ercd)	((ER)(B)(ercd))
#define SERCD(ercd)	((ER)((ercd) >> 8))

/* Object attributes. */
#define TA_NULL		0U	/* no attribute */
#define TA_HLNG		0x00U	/* high-level language interface */
#define TA_ASM		0x01U	/* assembly language interface */

/* Timeouts. */
#define TMO_POL		0	/* polling */
#define TMO_FEVR	(-1)	/* wait forever */
#define TMO_NBLK	(-2)	/* non-blocking */

#endif /* UNITRON_ITRON_H */
