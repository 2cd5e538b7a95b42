/* Unitron - TOPPERS/ASP compatibility: the start-up banner. */
#include <kernel.h>
#include <t_syslog.h>
#include "syssvc/banner.h"

void print_banner(intptr_t exinf)
{
	(void)exinf;
	syslog(LOG_NOTICE, "Unitron: a µITRON 4.0 kernel with the "
	       "TOPPERS/ASP API (spec %04x, release %04x)", TKERNEL_SPVER,
	       TKERNEL_PRVER);
}
