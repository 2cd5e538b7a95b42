#ifndef CYCLIC_BENCH_H
#define CYCLIC_BENCH_H
#ifndef PERIOD_MS
#define PERIOD_MS	10
#endif
#ifndef _MACRO_ONLY
void	main_task(VP_INT exinf);
void	sample_handler(VP_INT exinf);
#endif
#endif
