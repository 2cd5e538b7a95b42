#ifndef LATENCY_RAISER_H
#define LATENCY_RAISER_H
#define RAISE_MS	2	/* between two raises of the software line */
#ifndef _MACRO_ONLY
void	raiser(VP_INT exinf);
#endif
#endif
