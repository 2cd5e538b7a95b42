/*
 * Unitron - TOPPERS/ASP compatibility: kernel_cfg.h, where ASP
 * applications find the object IDs.  Unitron's configurator writes them
 * to kernel_id.h, beside the application's build.
 */
#include "kernel_id.h"
