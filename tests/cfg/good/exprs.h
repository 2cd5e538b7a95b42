/* Declarations for exprs.cfg. */
#include <kernel.h>
#ifndef _MACRO_ONLY
void	task(VP_INT exinf);
void	cyc(VP_INT exinf);
extern char stk[4096];
#endif
