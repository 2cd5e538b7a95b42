/*
 * Unitron - interrupt handler dispatch and interrupt management.
 *
 * The port's interrupt entry calls interrupt_handle() in handler context.
 * Each DEF_INH handler and ATT_ISR routine runs with the CPU unlocked; a
 * handler that returns with it locked is unlocked for it.
 *
 * The interrupts configured with CFG_INT can be disabled (dis_int) and
 * masked by priority (chg_ipm), as on TOPPERS/ASP.  Neither needs the
 * hardware: every port's interrupts come through interrupt_handle(), which
 * holds one that is disabled or masked, and the call that lets it through
 * raises it again as software raises any interrupt (ras_int), so it runs
 * as a real one would, once, however many came meanwhile.
 *
 * def_inh defines a handler at run time, over DEF_INH's for the same
 * number, or undefines one; the port makes sure it can deliver the
 * number (port_define_inh).
 */
#include "interrupt.h"
#include "task.h"

static RTDEF	defined_inh[TNUM_RTDEF];

void initialize_interrupt(void)
{
	UINT i;

	rtdef_clear(defined_inh);
	for (i = TMIN_ISRID; i <= (UINT)tmax_isrid; i++)
		get_aisrinib(i)->isr = NULL;
	for (i = 0; i < tnum_intno; i++) {
		intcb_table[i].enabled =
			(intinib_table[i].intatr & TA_ENAINT) != 0U;
		intcb_table[i].pending = FALSE;
	}
}

/* The configuration of interrupt no, by its CFG_INT index; -1: none. */
static INT find_interrupt(INTNO no)
{
	UINT i;

	for (i = 0; i < tnum_intno; i++)
		if (intinib_table[i].intno == no)
			return (INT)i;
	return -1;
}

static BOOL interrupt_held(UINT i)
{
	return !intcb_table[i].enabled ||
	       (intpri_mask != TIPM_ENAALL &&
		intinib_table[i].intpri >= intpri_mask);
}

/*
 * Raise again, one at a time, the held interrupts now let through.  With
 * the CPU locked (ext_tsk, the end of a task exception routine), each
 * runs when it is unlocked.
 */
void interrupt_raise_released(void)
{
	BOOL locked = port_sense_lock();
	INT next;
	UINT i;

	do {
		next = -1;
		if (!locked)
			t_lock_cpu();
		for (i = 0; i < tnum_intno && next < 0; i++) {
			if (intcb_table[i].pending && !interrupt_held(i)) {
				intcb_table[i].pending = FALSE;
				next = (INT)i;
			}
		}
		if (!locked)
			t_unlock_cpu();
		if (next >= 0)
			(void)ras_int(intinib_table[next].intno);
	} while (next >= 0);
}

static ER set_enabled(INTNO intno, BOOL enabled)
{
	BOOL locked = port_sense_lock();
	INT i;

	CHECK(!sense_context(), E_CTX);
	i = find_interrupt(intno);
	CHECK_OBJ(i >= 0);

	if (!locked)
		t_lock_cpu();
	intcb_table[i].enabled = enabled;
	if (!locked)
		t_unlock_cpu();
	if (enabled)
		interrupt_raise_released();
	return E_OK;
}

/* Task context, also with the CPU locked (TOPPERS/ASP 1.x). */
ER dis_int(INTNO intno)
{
	return set_enabled(intno, FALSE);
}

ER ena_int(INTNO intno)
{
	return set_enabled(intno, TRUE);
}

/*
 * The interrupts whose priority is intpri or lower (numerically not
 * below it) are masked; dispatching and the task exception routine wait
 * until the mask is TIPM_ENAALL again.
 */
ER chg_ipm(PRI intpri)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(TMIN_INTPRI <= intpri && intpri <= TIPM_ENAALL);

	t_lock_cpu();
	intpri_mask = intpri;
	set_enadsp();
	t_unlock_cpu();
	/* What the mask held runs first, as it would have on real lines. */
	interrupt_raise_released();
	t_lock_cpu();
	if (dispatch_needed())
		dispatch();
	else if (texrtn_due())
		call_texrtn();
	t_unlock_cpu();
	return E_OK;
}

ER get_ipm(PRI *p_intpri)
{
	CHECK_TSKCTX_UNL();
	CHECK_PAR(p_intpri != NULL);
	*p_intpri = intpri_mask;
	return E_OK;
}

static void unlock_after(void)
{
	if (port_sense_lock())
		i_unlock_cpu();
}

/* no's handler, def_inh's if it touched no, else DEF_INH's; or NULL. */
static void (*interrupt_handler(UINT no))(void)
{
	const RTDEF *p_def = rtdef_find(defined_inh, no);
	UINT i;

	if (p_def != NULL)
		return (void (*)(void))p_def->rtn;
	for (i = 0; i < tnum_inhno; i++)
		if (inhinib_table[i].inhno == no)
			return inhinib_table[i].inthdr;
	return NULL;
}

ER def_inh(INHNO inhno, const T_DINH *pk_dinh)
{
	CHECK_TSKCTX_UNL();
	if (pk_dinh != NULL) {
		CHECK_RSATR((pk_dinh->inhatr & ~TA_HLNG) == 0U);
		CHECK_PAR(pk_dinh->inthdr != NULL);
	}
	return rtdef_define(defined_inh, inhno, port_define_inh,
			    pk_dinh != NULL ? pk_dinh->inthdr : NULL);
}

static BOOL isr_free(ID isrid)
{
	return get_aisrinib(isrid)->isr == NULL;
}

static ER_ID create_isr(ID isrid, const T_CISR *pk_cisr)
{
	ISRINIB *p_inib;
	ER_ID ercd;

	CHECK_TSKCTX_UNL();
	CHECK_PAR(pk_cisr != NULL);
	CHECK_RSATR((pk_cisr->isratr & ~TA_HLNG) == 0U);
	CHECK_PAR(pk_cisr->isr != NULL);

	t_lock_cpu();
	ercd = object_new_id(isrid, 0, tmax_isrid, isr_free);
	if (ercd > 0 && port_define_inh(pk_cisr->intno) != E_OK)
		ercd = E_PAR;
	if (ercd > 0) {
		p_inib = get_aisrinib(ercd);
		p_inib->isratr = pk_cisr->isratr;
		p_inib->exinf = pk_cisr->exinf;
		p_inib->intno = pk_cisr->intno;
		/* Last: interrupt_attached() reads without the lock. */
		__atomic_store_n(&p_inib->isr, (void (*)(VP_INT))pk_cisr->isr,
				 __ATOMIC_RELEASE);
	}
	t_unlock_cpu();
	return ercd;
}

ER cre_isr(ID isrid, const T_CISR *pk_cisr)
{
	ER_ID ercd;

	CHECK_ID(VALID_ISRID(isrid));
	ercd = create_isr(isrid, pk_cisr);
	return ercd < 0 ? ercd : E_OK;
}

ER_ID acre_isr(const T_CISR *pk_cisr)
{
	return create_isr(0, pk_cisr);
}

ER del_isr(ID isrid)
{
	ER ercd;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_ISRID(isrid));

	t_lock_cpu();
	ercd = object_deletable(isrid, 0, isr_free);
	if (ercd == E_OK)
		get_aisrinib(isrid)->isr = NULL;
	t_unlock_cpu();
	return ercd;
}

ER ref_isr(ID isrid, T_RISR *pk_risr)
{
	const ISRINIB *p_inib;
	ER ercd = E_OK;

	CHECK_TSKCTX_UNL();
	CHECK_ID(VALID_ISRID(isrid));
	CHECK_PAR(pk_risr != NULL);
	p_inib = get_aisrinib(isrid);

	t_lock_cpu();
	if (p_inib->isr == NULL) {
		ercd = E_NOEXS;
	} else {
		pk_risr->intno = p_inib->intno;
		pk_risr->exinf = p_inib->exinf;
	}
	t_unlock_cpu();
	return ercd;
}

BOOL interrupt_attached(UINT no)
{
	UINT i;

	if (interrupt_handler(no) != NULL)
		return TRUE;
	for (i = TMIN_ISRID; i <= (UINT)tmax_isrid; i++)
		if (__atomic_load_n(&get_aisrinib(i)->isr, __ATOMIC_ACQUIRE) &&
		    get_aisrinib(i)->intno == no)
			return TRUE;
	for (i = 0; i < tnum_isr; i++)
		if (isrinib_table[i].intno == no)
			return TRUE;
	return FALSE;
}

BOOL interrupt_handle(UINT no)
{
	BOOL handled = FALSE;
	INT cfg = find_interrupt(no);
	void (*inthdr)(void);
	UINT i;

	if (cfg >= 0 && interrupt_held((UINT)cfg)) {
		intcb_table[cfg].pending = TRUE;
		return TRUE;
	}
	LOG_INH_ENTER(no);
	inthdr = interrupt_handler(no);
	if (inthdr != NULL) {
		inthdr();
		unlock_after();
		handled = TRUE;
	}
	for (i = 0; i < tnum_isr; i++) {
		if (isrinib_table[i].intno != no)
			continue;
		isrinib_table[i].isr(isrinib_table[i].exinf);
		unlock_after();
		handled = TRUE;
	}
	for (i = TMIN_ISRID; i <= (UINT)tmax_isrid; i++) {
		const ISRINIB *p_inib = get_aisrinib(i);

		if (p_inib->isr == NULL || p_inib->intno != no)
			continue;
		p_inib->isr(p_inib->exinf);
		unlock_after();
		handled = TRUE;
	}
	LOG_INH_LEAVE(no);
	return handled;
}
