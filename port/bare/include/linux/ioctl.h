/*
 * Unitron bare port - the image makes no ioctl: the ABI headers'
 * request numbers (bridge/include) are only defined, never expanded.
 */
#ifndef UNITRON_BARE_LINUX_IOCTL_H
#define UNITRON_BARE_LINUX_IOCTL_H
#endif
