/*
 * Unitron - the tables of what def_svc, def_inh and def_exc define at
 * run time, over what the configuration defined.
 */
#include "kernel_impl.h"

void rtdef_clear(RTDEF *table)
{
	UINT i;

	for (i = 0; i < TNUM_RTDEF; i++)
		table[i].used = FALSE;
}

/*
 * Entries are taken in order and never given back (undefining keeps the
 * entry, with a NULL routine), so the used ones are a prefix of the
 * table: an interrupt with no def_inh made costs one compare.
 */
const RTDEF *rtdef_find(const RTDEF *table, UINT no)
{
	UINT i;

	for (i = 0; i < TNUM_RTDEF && table[i].used; i++)
		if (table[i].no == no)
			return &table[i];
	return NULL;
}

static ER rtdef_set(RTDEF *table, UINT no, FP rtn)
{
	RTDEF *p_entry = (RTDEF *)rtdef_find(table, no);
	UINT i;

	for (i = 0; p_entry == NULL && i < TNUM_RTDEF; i++)
		if (!table[i].used)
			p_entry = &table[i];
	if (p_entry == NULL)
		return E_NOMEM;
	/* Complete before used: ports read attachments unlocked. */
	p_entry->no = no;
	p_entry->rtn = rtn;
	__atomic_store_n(&p_entry->used, TRUE, __ATOMIC_RELEASE);
	return E_OK;
}

ER rtdef_define(RTDEF *table, UINT no, ER (*port_define)(UINT no), FP rtn)
{
	ER ercd = E_OK;

	t_lock_cpu();
	if (port_define != NULL)
		ercd = port_define(no);
	if (ercd == E_OK)
		ercd = rtdef_set(table, no, rtn);
	t_unlock_cpu();
	return ercd;
}
