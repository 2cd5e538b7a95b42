/* Declarations for assert_fails.cfg. */
#include <kernel.h>
#ifndef _MACRO_ONLY
void	task(VP_INT exinf);
enum { BAD_PRIORITY = 20 };
#endif
