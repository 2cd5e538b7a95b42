/*
 * Unitron - TOPPERS/ASP compatibility: the start-up banner
 * (syssvc/banner.cfg), one line on the system log.
 */
#ifndef UNITRON_ASP_BANNER_H
#define UNITRON_ASP_BANNER_H

#include <t_stddef.h>

#ifndef _MACRO_ONLY
void	print_banner(intptr_t exinf);
#endif

#endif /* UNITRON_ASP_BANNER_H */
