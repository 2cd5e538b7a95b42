/* Unitron - TOPPERS/ASP compatibility: the system log service. */
#include <t_syslog.h>
