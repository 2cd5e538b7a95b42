#ifndef _MACRO_ONLY
void	main_task(VP_INT exinf);
#endif
