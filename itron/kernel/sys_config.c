/*
 * Unitron - system configuration management (µITRON 4.0 4.11): ref_cfg,
 * whose T_RCFG is implementation-defined (here: how many objects of each
 * kind the configuration made), and ref_ver.
 */
#include "kernel_int.h"

ER ref_cfg(T_RCFG *pk_rcfg)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(pk_rcfg != NULL);

	pk_rcfg->tnum_tsk = (UINT)tmax_tskid;
	pk_rcfg->tnum_sem = (UINT)tmax_semid;
	pk_rcfg->tnum_flg = (UINT)tmax_flgid;
	pk_rcfg->tnum_dtq = (UINT)tmax_dtqid;
	pk_rcfg->tnum_mbx = (UINT)tmax_mbxid;
	pk_rcfg->tnum_mtx = (UINT)tmax_mtxid;
	pk_rcfg->tnum_mbf = (UINT)tmax_mbfid;
	pk_rcfg->tnum_mpf = (UINT)tmax_mpfid;
	pk_rcfg->tnum_mpl = (UINT)tmax_mplid;
	pk_rcfg->tnum_cyc = (UINT)tmax_cycid;
	pk_rcfg->tnum_alm = (UINT)tmax_almid;
	pk_rcfg->tnum_por = (UINT)tmax_porid;
	pk_rcfg->tnum_pdq = (UINT)tmax_pdqid;
	pk_rcfg->tmax_tpri = TMAX_TPRI;
	return E_OK;
}

ER ref_ver(T_RVER *pk_rver)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(pk_rver != NULL);

	pk_rver->maker = TKERNEL_MAKER;
	pk_rver->prid = TKERNEL_PRID;
	pk_rver->spver = TKERNEL_SPVER;
	pk_rver->prver = TKERNEL_PRVER;
	pk_rver->prno[0] = 0U;
	pk_rver->prno[1] = 0U;
	pk_rver->prno[2] = 0U;
	pk_rver->prno[3] = 0U;
	return E_OK;
}
