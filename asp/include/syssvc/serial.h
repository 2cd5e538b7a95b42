/* Unitron - TOPPERS/ASP compatibility: the serial driver (systask/serial.h). */
#include <t_stddef.h>
#include <serial.h>
