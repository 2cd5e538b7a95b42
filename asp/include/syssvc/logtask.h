/* Unitron - TOPPERS/ASP compatibility: the system log task. */
#include <logtask.h>
