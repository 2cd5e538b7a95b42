/*
 * Unitron - TOPPERS/ASP 1.x compatibility: the kernel header an ASP
 * application includes.
 *
 * It is Unitron's µITRON 4.0 kernel.h (include_next) with ASP's types
 * (t_stddef.h) and the few places where ASP encodes a value differently
 * from µITRON 4.0: TTEX_ENA/TTEX_DIS, TWF_ANDW, TCYC_* and TALM_*.  The
 * calls that take or return those values are wrapped here, so the
 * kernel itself stays the spec's and one kernel serves JSP and ASP
 * applications alike.  Build an ASP application with `make APP=dir
 * API=asp` (mk/app.mk), which puts this directory first on the include
 * path.
 *
 * The kernel's own sources never take this header: where they share the
 * include path with the application (the linux port's module), they are
 * built with UNITRON_CORE_BUILD and get the µITRON header.
 */
#ifdef UNITRON_CORE_BUILD
#include_next <kernel.h>
#elif !defined(UNITRON_ASP_KERNEL_H)
#define UNITRON_ASP_KERNEL_H

#include "t_stddef.h"
#include_next <kernel.h>

/* µITRON 4.0's values, which the kernel takes and returns. */
#define UNITRON_TWF_ANDW	0x00U
#define UNITRON_TTEX_ENA	0x00U
#define UNITRON_TCYC_STA	0x01U
#define UNITRON_TALM_STA	0x01U

#undef TWF_ANDW
#undef TTEX_ENA
#undef TTEX_DIS
#undef TCYC_STP
#undef TCYC_STA
#undef TALM_STP
#undef TALM_STA
#define TWF_ANDW	0x02U	/* eventflag: wait for all bits */
#define TTEX_ENA	0x01U	/* task exceptions enabled */
#define TTEX_DIS	0x02U	/* task exceptions disabled */
#define TCYC_STP	0x01U	/* cyclic handler stopped */
#define TCYC_STA	0x02U	/* cyclic handler started */
#define TALM_STP	0x01U	/* alarm handler stopped */
#define TALM_STA	0x02U	/* alarm handler started */

#define TA_NONKERNEL	0x02U	/* interrupt: not managed by the kernel */
#define TMIN_ISRPRI	1
#define TMAX_ISRPRI	16

#define TOPPERS_SUPPORT_DIS_INT		/* dis_int */
#define TOPPERS_SUPPORT_ENA_INT		/* ena_int */
#define TOPPERS_SUPPORT_GET_UTM		/* get_utm */
#define TOPPERS_SUPPORT_MUTEX		/* CRE_MTX, loc_mtx, ... */
#define TOPPERS_SUPPORT_MESSAGEBUF	/* CRE_MBF, snd_mbf, ... */

/*
 * Memory pool areas in units of MPF_T.  (Task stacks: leave stk NULL in
 * CRE_TSK; the port sizes them, with its own STK_T.)
 */
#define TOPPERS_COUNT_SZ(sz, unit)	(((sz) + (unit) - 1) / (unit))
#define TOPPERS_ROUND_SZ(sz, unit)	(((sz) + (unit) - 1) & ~((unit) - 1))
#define COUNT_MPF_T(blksz)	TOPPERS_COUNT_SZ(blksz, sizeof(MPF_T))

#ifndef _MACRO_ONLY

typedef void	(*TASK)(intptr_t exinf);
typedef void	(*TEXRTN)(TEXPTN texptn, intptr_t exinf);
typedef void	(*CYCHDR)(intptr_t exinf);
typedef void	(*ALMHDR)(intptr_t exinf);
typedef void	(*ISR)(intptr_t exinf);
typedef void	(*INTHDR)(void);
typedef void	(*EXCHDR)(void *p_excinf);
typedef void	(*INIRTN)(intptr_t exinf);
typedef void	(*TERRTN)(intptr_t exinf);
typedef intptr_t	MPF_T;

static inline MODE asp_wfmode(MODE wfmode)
{
	/* ASP's TWF_ANDW (2) is µITRON's (0); anything else stays wrong. */
	return wfmode == TWF_ANDW ? UNITRON_TWF_ANDW :
	       wfmode == UNITRON_TWF_ANDW ? 0xffU : wfmode;
}

static inline ER asp_wai_flg(ID flgid, FLGPTN waiptn, MODE wfmode,
			     FLGPTN *p_flgptn)
{
	return wai_flg(flgid, waiptn, asp_wfmode(wfmode), p_flgptn);
}

static inline ER asp_pol_flg(ID flgid, FLGPTN waiptn, MODE wfmode,
			     FLGPTN *p_flgptn)
{
	return pol_flg(flgid, waiptn, asp_wfmode(wfmode), p_flgptn);
}

static inline ER asp_twai_flg(ID flgid, FLGPTN waiptn, MODE wfmode,
			      FLGPTN *p_flgptn, TMO tmout)
{
	return twai_flg(flgid, waiptn, asp_wfmode(wfmode), p_flgptn, tmout);
}

/*
 * ref_tex, ref_cyc, ref_alm: the state field in ASP's encoding.  The
 * kernel's "on" value (ENA, STA) becomes ASP's, anything else ASP's
 * "off" value.
 */
#define UNITRON_ASP_REF(call, pkt, field, on, asp_on, asp_off)		\
static inline ER asp_##call(ID id, pkt *pk)				\
{									\
	ER ercd = call(id, pk);						\
									\
	if (ercd == E_OK)						\
		pk->field = pk->field == (on) ? (asp_on) : (asp_off);	\
	return ercd;							\
}

UNITRON_ASP_REF(ref_tex, T_RTEX, texstat, UNITRON_TTEX_ENA, TTEX_ENA, TTEX_DIS)
UNITRON_ASP_REF(ref_cyc, T_RCYC, cycstat, UNITRON_TCYC_STA, TCYC_STA, TCYC_STP)
UNITRON_ASP_REF(ref_alm, T_RALM, almstat, UNITRON_TALM_STA, TALM_STA, TALM_STP)

#define wai_flg		asp_wai_flg
#define pol_flg		asp_pol_flg
#define twai_flg	asp_twai_flg
#define ref_tex		asp_ref_tex
#define ref_cyc		asp_ref_cyc
#define ref_alm		asp_ref_alm

#endif /* _MACRO_ONLY */
#endif /* UNITRON_CORE_BUILD, UNITRON_ASP_KERNEL_H */
