/*
 * viobench - the cost of Linux I/O delegated to proxies (unitron_vio.h),
 * seed 001's table 6 and figures 6-10, beside bench/vio/native.c.
 */
#ifndef VIOBENCH_H
#define VIOBENCH_H

#define MAIN_PRI	5
#define PAR_PRI		6
#define STK		16384
#define NPAR		4

#ifndef _MACRO_ONLY
void	main_task(VP_INT exinf);
void	par_task(VP_INT exinf);
#endif

#endif /* VIOBENCH_H */
