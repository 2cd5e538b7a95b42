#ifndef PINGPONG_H
#define PINGPONG_H
#ifndef _MACRO_ONLY
void	main_task(VP_INT exinf);
void	ping_task(VP_INT exinf);
void	pong_task(VP_INT exinf);
void	empty_task(VP_INT exinf);
void	mtx_low_task(VP_INT exinf);
void	mtx_high_task(VP_INT exinf);
#endif
#endif
