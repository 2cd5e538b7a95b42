/* The preempt app's own handler, beside the ones tests.h declares. */
#ifndef PREEMPT_H
#define PREEMPT_H

#include "tests.h"

#ifndef _MACRO_ONLY
void	fast_cyclic_handler(VP_INT exinf);
#endif

#endif
