/*
 * Unitron configurator tests - a minimal port_kernel.h: the interrupt and
 * CPU exception numbers the test configurations name.
 */
#ifndef CFG_TEST_PORT_KERNEL_H
#define CFG_TEST_PORT_KERNEL_H

#define INHNO_TIMER	14U
#define INHNO_SERIAL	0x100U
#define INTNO_SWI1	10U
#define INTNO_SWI2	12U
#define EXCNO_SEGV	11U
#define EXCNO_FPE	8U

#endif /* CFG_TEST_PORT_KERNEL_H */
