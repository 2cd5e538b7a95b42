#ifndef LATENCY_BENCH_H
#define LATENCY_BENCH_H
#ifndef SAMPLES
#define SAMPLES		10000U
#endif
#define SWI_LINE	1	/* raised by a Linux process: unitronctl raise */
#ifndef _MACRO_ONLY
void	main_task(VP_INT exinf);
void	tick_handler(VP_INT exinf);
void	swi_handler(void);
#endif
#endif
