/*
 * An application written the TOPPERS/ASP way (see aspapp.h): every step
 * is a check point of ASP's test library, so it prints TAP.
 */
#include <kernel.h>
#include <t_syslog.h>
#include <t_stdlib.h>
#include "syssvc/serial.h"
#include "syssvc/syslog.h"
#include "kernel_cfg.h"
#include "test_lib.h"
#include "aspapp.h"

static volatile uint_t	isr_count;

/* Strings compared without the C library (the kernel ports have none). */
static bool_t str_eq(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* HIGH_TASK: waits for the mutex MAIN_TASK holds, then sends a message. */
void high_task(intptr_t exinf)
{
	static const char msg[] = "from high_task";

	check_assert(exinf == 1);
	check_point(3);
	check_ercd(loc_mtx(MTX1), E_OK);
	check_point(5);
	check_ercd(unl_mtx(MTX1), E_OK);
	check_ercd(snd_mbf(MBF1, (void *)msg, sizeof(msg)), E_OK);
	check_point(6);
}

void alarm_handler(intptr_t exinf)
{
	check_assert(exinf == 1);
	check_state_i(true, false, false, true, true);
	check_ercd(iset_flg(FLG1, 0x03), E_OK);
}

void swi_isr(intptr_t exinf)
{
	check_assert(exinf == 1);
	isr_count++;
}

static volatile TEXPTN	tex_ptn;

void tex_routine(TEXPTN texptn, intptr_t exinf)
{
	check_assert(exinf == 0);
	tex_ptn = texptn;
}

void ter_routine(intptr_t exinf)
{
	(void)exinf;
	syslog(LOG_NOTICE, "# ter_routine runs at the end (ATT_TER)");
}

static void test_mutex(void)
{
	PRI pri;

	check_ercd(loc_mtx(MTX1), E_OK);
	check_point(2);
	check_ercd(act_tsk(HIGH_TASK), E_OK);
	/* HIGH_TASK waits for MTX1: its priority is ours now. */
	check_point(4);
	check_ercd(get_pri(TSK_SELF, &pri), E_OK);
	check_assert(pri == HIGH_PRIORITY);
	check_ercd(unl_mtx(MTX1), E_OK);
	check_point(7);
	check_ercd(get_pri(TSK_SELF, &pri), E_OK);
	check_assert(pri == MAIN_PRIORITY);
}

static void test_messagebuf(void)
{
	char buf[MSG_MAX];
	T_RMBF rmbf;
	ER_UINT len;

	len = rcv_mbf(MBF1, buf);
	check_assert(len == sizeof("from high_task"));
	check_assert(str_eq(buf, "from high_task"));
	check_ercd(psnd_mbf(MBF1, "one", 4), E_OK);
	check_ercd(psnd_mbf(MBF1, "two", 4), E_OK);
	check_ercd(psnd_mbf(MBF1, "three", 6), E_OK);
	check_ercd(psnd_mbf(MBF1, "sixteen bytes...", MSG_MAX), E_TMOUT);
	check_ercd(ref_mbf(MBF1, &rmbf), E_OK);
	check_assert(rmbf.smsgcnt == 3);
	check_assert(prcv_mbf(MBF1, buf) == 4 && str_eq(buf, "one"));
	check_assert(prcv_mbf(MBF1, buf) == 4 && str_eq(buf, "two"));
	check_assert(prcv_mbf(MBF1, buf) == 6 && str_eq(buf, "three"));
	check_point(8);
}

static void test_alarm(void)
{
	T_RALM ralm;
	FLGPTN ptn;

	check_ercd(sta_alm(ALM1, 10), E_OK);
	check_ercd(ref_alm(ALM1, &ralm), E_OK);
	check_assert(ralm.almstat == TALM_STA);
	/* ASP's TWF_ANDW: both bits, which the alarm handler sets. */
	check_ercd(twai_flg(FLG1, 0x03, TWF_ANDW, &ptn, 1000), E_OK);
	check_assert(ptn == 0x03);
	check_ercd(ref_alm(ALM1, &ralm), E_OK);
	check_assert(ralm.almstat == TALM_STP);
	check_point(9);
}

static void test_interrupts(void)
{
	check_ercd(chg_ipm(INTPRI_SWI), E_OK);
	check_state(false, false, INTPRI_SWI, false, true, true);
	check_ercd(ras_int(INTNO_SWI1), E_OK);
	check_assert(isr_count == 0);
	check_ercd(dly_tsk(1), E_CTX);
	check_ercd(chg_ipm(TIPM_ENAALL), E_OK);
	check_assert(isr_count == 1);
	check_ercd(dis_int(INTNO_SWI1), E_OK);
	check_ercd(ras_int(INTNO_SWI1), E_OK);
	check_assert(isr_count == 1);
	check_ercd(ena_int(INTNO_SWI1), E_OK);
	check_assert(isr_count == 2);
	check_point(10);
}

static void test_pridataq(void)
{
	intptr_t data;
	PRI datapri;
	T_RPDQ rpdq;

	check_ercd(snd_pdq(PDQ1, 10, 3), E_OK);
	check_ercd(snd_pdq(PDQ1, 20, 1), E_OK);
	check_ercd(psnd_pdq(PDQ1, 30, 3), E_OK);
	check_ercd(psnd_pdq(PDQ1, 40, 1), E_TMOUT);
	check_ercd(ref_pdq(PDQ1, &rpdq), E_OK);
	check_assert(rpdq.spdqcnt == 3);
	check_ercd(rcv_pdq(PDQ1, &data, &datapri), E_OK);
	check_assert(data == 20 && datapri == 1);
	check_ercd(prcv_pdq(PDQ1, &data, &datapri), E_OK);
	check_assert(data == 10 && datapri == 3);
	check_ercd(ini_pdq(PDQ1), E_OK);
	check_ercd(prcv_pdq(PDQ1, &data, &datapri), E_TMOUT);
	check_point(12);
}

static void test_exception_and_pool(void)
{
	T_RTEX rtex;
	void *blk1, *blk2, *blk3;

	check_ercd(ref_tex(TSK_SELF, &rtex), E_OK);
	check_assert(rtex.texstat == TTEX_DIS);
	check_ercd(ras_tex(TSK_SELF, 0x10), E_OK);
	check_assert(tex_ptn == 0);
	check_ercd(ena_tex(), E_OK);
	check_assert(tex_ptn == 0x10);
	check_ercd(ref_tex(TSK_SELF, &rtex), E_OK);
	check_assert(rtex.texstat == TTEX_ENA);

	check_ercd(get_mpf(MPF1, &blk1), E_OK);
	check_ercd(pget_mpf(MPF1, &blk2), E_OK);
	check_ercd(pget_mpf(MPF1, &blk3), E_TMOUT);
	check_ercd(rel_mpf(MPF1, blk1), E_OK);
	check_ercd(rel_mpf(MPF1, blk2), E_OK);
	check_point(11);
}

void main_task(intptr_t exinf)
{
	intptr_t inf;
	SYSUTM utm;

	test_start(__FILE__);
	check_point(1);
	check_state(false, false, TIPM_ENAALL, false, false, true);
	check_ercd(get_inf(&inf), E_OK);
	check_assert(inf == exinf);
	check_assert(!sns_ker());
	check_ercd(get_utm(&utm), E_OK);

	test_mutex();
	test_messagebuf();
	test_alarm();
	test_interrupts();
	test_exception_and_pool();
	test_pridataq();
#ifdef ASPAPP_SKIP_A_POINT
	check_point(14);	/* tests/host/asp.t: the library must fail */
#endif
	check_finish(13);
}
