/*
 * Unitron bare port - the fixed-width types of Linux's ABI headers
 * (bridge/include), for the freestanding image, which has no host
 * header.
 */
#ifndef UNITRON_BARE_LINUX_TYPES_H
#define UNITRON_BARE_LINUX_TYPES_H

typedef __UINT8_TYPE__	__u8;
typedef __UINT16_TYPE__	__u16;
typedef __UINT32_TYPE__	__u32;
typedef __UINT64_TYPE__	__u64;
typedef __INT32_TYPE__	__s32;
typedef __INT64_TYPE__	__s64;

#endif
