/*
 * Unitron - target configuration, for TOPPERS/JSP sources that include
 * <t_config.h> (serial.cfg does): the port's definitions.
 */
#ifndef UNITRON_T_CONFIG_H
#define UNITRON_T_CONFIG_H

#include "port_kernel.h"

#endif /* UNITRON_T_CONFIG_H */
