/* Declarations for explicit_ids.cfg. */
#include <kernel.h>
#ifndef _MACRO_ONLY
void	task(VP_INT exinf);
void	tex(TEXPTN texptn, VP_INT exinf);
#endif
