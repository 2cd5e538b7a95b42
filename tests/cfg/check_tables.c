/*
 * Unitron configurator tests: link the kernel_cfg.c generated for
 * good/sample.cfg and print its tables, to compare with
 * good/sample.tables.  It checks what the C compiler made of the
 * configurator's output, not just the text.
 */
#include <stdio.h>

#include "kernel_int.h"
#include "sample.h"
#include "kernel_id.h"

VP_INT	user_dtq_area[4];
VP	user_mpf_area[64];
char	user_stack[4096];
UB	user_mbf_area[100];
VP	user_mpl_area[64];

void task(VP_INT exinf) { (void)exinf; }
void main_task(VP_INT exinf) { (void)exinf; }
void tex_routine(TEXPTN texptn, VP_INT exinf) { (void)texptn; (void)exinf; }
void cyclic_handler(VP_INT exinf) { (void)exinf; }
void alarm_handler(VP_INT exinf) { (void)exinf; }
void overrun_handler(ID tskid, VP_INT exinf) { (void)tskid; (void)exinf; }
ER_UINT svc_routine(VP_INT p1, VP_INT p2, VP_INT p3, VP_INT p4, VP_INT p5,
		    VP_INT p6)
{
	return (ER_UINT)(p1 + p2 + p3 + p4 + p5 + p6);
}
void timer_handler(void) { }
void isr_routine(VP_INT exinf) { (void)exinf; }
void exc_handler(VP p_excinf) { (void)p_excinf; }
void init_routine(VP_INT exinf) { (void)exinf; }
void term_routine(VP_INT exinf) { (void)exinf; }

#define FN(f, name) ((f) == NULL ? "NULL" : (f) == (name) ? #name : "?")

static const char *area(const void *p, const void *user)
{
	if (p == NULL)
		return "NULL";
	return p == user ? "user" : "cfg";
}

int main(void)
{
	int i;

	printf("TNUM tsk=%d sem=%d flg=%d dtq=%d mbx=%d mpf=%d cyc=%d "
	       "mtx=%d mbf=%d alm=%d mpl=%d\n", TNUM_TSKID, TNUM_SEMID,
	       TNUM_FLGID, TNUM_DTQID, TNUM_MBXID, TNUM_MPFID, TNUM_CYCID,
	       TNUM_MTXID, TNUM_MBFID, TNUM_ALMID, TNUM_MPLID);
	printf("ids TASK1=%d TASK2=%d TASK3=%d MAIN_TASK=%d SEM2=%d "
	       "CYCHDR2=%d\n", TASK1, TASK2, TASK3, MAIN_TASK, SEM2, CYCHDR2);
	printf("tmax tsk=%d sem=%d flg=%d dtq=%d mbx=%d mpf=%d cyc=%d\n",
	       tmax_tskid, tmax_semid, tmax_flgid, tmax_dtqid, tmax_mbxid,
	       tmax_mpfid, tmax_cycid);
	printf("tmax_s tsk=%d sem=%d flg=%d dtq=%d mbx=%d mpf=%d cyc=%d "
	       "mtx=%d mbf=%d alm=%d mpl=%d por=%d pdq=%d\n", tmax_stskid,
	       tmax_ssemid, tmax_sflgid, tmax_sdtqid, tmax_smbxid,
	       tmax_smpfid, tmax_scycid, tmax_smtxid, tmax_smbfid,
	       tmax_salmid, tmax_smplid, tmax_sporid, tmax_spdqid);
	for (i = 0; i < tmax_stskid; i++) {
		const TINIB *p = &tinib_table[i];

		printf("tsk %d atr=%u exinf=%ld task=%s ipri=%u stksz_ok=%d "
		       "stk=%s texatr=%u texrtn=%s\n", i + 1, p->tskatr,
		       (long)p->exinf, FN(p->task, task) [0] == '?' ?
		       FN(p->task, main_task) : FN(p->task, task),
		       p->ipriority,
		       p->stk == user_stack ? p->stksz == 4096 :
		       p->stksz >= 8192,
		       area(p->stk, user_stack), p->texatr,
		       FN(p->texrtn, tex_routine));
	}
	for (i = 0; i < tmax_ssemid; i++)
		printf("sem %d atr=%u isemcnt=%u maxsem=%u\n", i + 1,
		       seminib_table[i].sematr, seminib_table[i].isemcnt,
		       seminib_table[i].maxsem);
	for (i = 0; i < tmax_sflgid; i++)
		printf("flg %d atr=%u iflgptn=%#x\n", i + 1,
		       flginib_table[i].flgatr, flginib_table[i].iflgptn);
	for (i = 0; i < tmax_sdtqid; i++)
		printf("dtq %d atr=%u cnt=%u mb=%s\n", i + 1,
		       dtqinib_table[i].dtqatr, dtqinib_table[i].dtqcnt,
		       area(dtqinib_table[i].p_dtqmb, user_dtq_area));
	for (i = 0; i < tmax_smbxid; i++)
		printf("mbx %d atr=%u maxmpri=%d\n", i + 1,
		       mbxinib_table[i].mbxatr, mbxinib_table[i].maxmpri);
	for (i = 0; i < tmax_smpfid; i++)
		printf("mpf %d atr=%u blkcnt=%u blksz=%lu mpf=%s mb=%s\n",
		       i + 1, mpfinib_table[i].mpfatr, mpfinib_table[i].blkcnt,
		       (unsigned long)mpfinib_table[i].blksz,
		       area(mpfinib_table[i].mpf, user_mpf_area),
		       mpfinib_table[i].p_mpfmb != NULL ? "cfg" : "NULL");
	for (i = 0; i < tmax_scycid; i++)
		printf("cyc %d atr=%u exinf=%ld hdr=%s cyctim=%u cycphs=%u\n",
		       i + 1, cycinib_table[i].cycatr,
		       (long)cycinib_table[i].exinf,
		       FN(cycinib_table[i].cychdr, cyclic_handler),
		       cycinib_table[i].cyctim, cycinib_table[i].cycphs);
	for (i = 0; i < tmax_smtxid; i++)
		printf("mtx %d atr=%u ceilpri=%d\n", i + 1,
		       mtxinib_table[i].mtxatr, mtxinib_table[i].ceilpri);
	for (i = 0; i < tmax_smbfid; i++)
		printf("mbf %d atr=%u maxmsz=%u mbfsz=%lu mb=%s\n", i + 1,
		       mbfinib_table[i].mbfatr, mbfinib_table[i].maxmsz,
		       (unsigned long)mbfinib_table[i].mbfsz,
		       area(mbfinib_table[i].mbfmb, user_mbf_area));
	for (i = 0; i < tmax_salmid; i++)
		printf("alm %d atr=%u exinf=%ld hdr=%s\n", i + 1,
		       alminib_table[i].almatr, (long)alminib_table[i].exinf,
		       FN(alminib_table[i].almhdr, alarm_handler));
	for (i = 0; i < (int)tnum_inhno; i++)
		printf("inh %u atr=%u hdr=%s\n", inhinib_table[i].inhno,
		       inhinib_table[i].inhatr,
		       FN(inhinib_table[i].inthdr, timer_handler));
	for (i = 0; i < tmax_spdqid; i++)
		printf("pdq %d atr=%u pdqcnt=%u maxdpri=%d mb=%s\n", i + 1,
		       pdqinib_table[i].pdqatr, pdqinib_table[i].pdqcnt,
		       pdqinib_table[i].maxdpri,
		       pdqinib_table[i].p_pdqmb != NULL ? "cfg" : "NULL");
	for (i = 0; i < tmax_sporid; i++)
		printf("por %d atr=%u maxcmsz=%u maxrmsz=%u\n", i + 1,
		       porinib_table[i].poratr, porinib_table[i].maxcmsz,
		       porinib_table[i].maxrmsz);
	for (i = 0; i < tmax_smplid; i++)
		printf("mpl %d atr=%u mplsz=%lu mpl=%s\n", i + 1,
		       mplinib_table[i].mplatr,
		       (unsigned long)mplinib_table[i].mplsz,
		       area(mplinib_table[i].mpl, user_mpl_area));
	for (i = 0; i < (int)tnum_intno; i++)
		printf("int %u atr=%u intpri=%d\n", intinib_table[i].intno,
		       intinib_table[i].intatr, intinib_table[i].intpri);
	for (i = 0; i < (int)tnum_isr; i++)
		printf("isr intno=%u atr=%u exinf=%ld isr=%s\n",
		       isrinib_table[i].intno, isrinib_table[i].isratr,
		       (long)isrinib_table[i].exinf,
		       FN(isrinib_table[i].isr, isr_routine));
	for (i = 0; i < (int)tnum_excno; i++)
		printf("exc %u atr=%u hdr=%s\n", excinib_table[i].excno,
		       excinib_table[i].excatr,
		       FN(excinib_table[i].exchdr, exc_handler));
	for (i = 0; i < (int)tnum_inirtn; i++)
		printf("ini exinf=%ld rtn=%s\n", (long)inirtnb_table[i].exinf,
		       FN(inirtnb_table[i].inirtn, init_routine));
	for (i = 0; i < (int)tnum_terrtn; i++)
		printf("ter exinf=%ld rtn=%s\n", (long)terrtnb_table[i].exinf,
		       FN(terrtnb_table[i].terrtn, term_routine));
	for (i = 0; i < (int)tnum_svc; i++)
		printf("svc %d atr=%u rtn=%s\n", svcinib_table[i].fncd,
		       svcinib_table[i].svcatr,
		       FN(svcinib_table[i].svcrtn, svc_routine));
	printf("ovr atr=%u hdr=%s\n", ovrinib.ovratr,
	       FN(ovrinib.ovrhdr, overrun_handler));
	printf("tmevt %u\n", tnum_tmevt);
	printf("kmm size=%lu area=%s\n", (unsigned long)kmmsz,
	       area(kmm, NULL));
	/* The test compares these with the sizes nm shows. */
	printf("sizeof TCB=%zu SEMCB=%zu DTQCB=%zu MPFCB=%zu CYCCB=%zu "
	       "MTXCB=%zu MBFCB=%zu ALMCB=%zu TMEVTB*=%zu TINIB=%zu "
	       "SEMINIB=%zu CYCINIB=%zu PDQINIB=%zu\n", sizeof(TCB),
	       sizeof(SEMCB), sizeof(DTQCB), sizeof(MPFCB), sizeof(CYCCB),
	       sizeof(MTXCB), sizeof(MBFCB), sizeof(ALMCB), sizeof(TMEVTB *),
	       sizeof(TINIB), sizeof(SEMINIB), sizeof(CYCINIB),
	       sizeof(PDQINIB));
	return 0;
}
