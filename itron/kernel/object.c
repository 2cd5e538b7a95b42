/*
 * Unitron - IDs of objects created at run time (µITRON 4.0 cre_xxx,
 * acre_xxx, del_xxx), the same for every kind.
 */
#include "kernel_impl.h"

ER_ID object_new_id(ID id, ID tmax_sid, ID tmax_id, OBJ_FREE is_free)
{
	if (id != 0)
		return id > tmax_sid && is_free(id) ? id : E_OBJ;
	for (id = tmax_sid + 1; id <= tmax_id; id++)
		if (is_free(id))
			return id;
	return E_NOID;
}

ER object_deletable(ID id, ID tmax_sid, OBJ_FREE is_free)
{
	if (id <= tmax_sid)
		return E_OBJ;		/* static objects stay */
	return is_free(id) ? E_NOEXS : E_OK;
}
