#ifndef LATENCY_BENCH_H
#define LATENCY_BENCH_H
#ifndef SAMPLES
#define SAMPLES		10000U
#endif
#define SWI_LINE	1	/* raised by a Linux process: unitronctl raise */
#define EDU_PERIOD_US	2000	/* edu device raises, from Linux's CPU 0 */
#ifndef _MACRO_ONLY
/* latency_linux.c, the Linux side */
int	lat_edu_present(void);
void	lat_edu_enable(int on);
unsigned long long lat_edu_ack(void);
#ifndef UNITRON_LINUX_H
void	main_task(VP_INT exinf);
void	tick_handler(VP_INT exinf);
void	swi_handler(void);
void	dev_handler(void);
#endif
#endif
#endif
