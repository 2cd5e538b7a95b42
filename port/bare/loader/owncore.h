/* SPDX-License-Identifier: GPL-2.0 */
/*
 * unitron_core: the loader of the own-core port.  It takes one CPU from
 * Linux, keeps Linux off it while µITRON owns it, and gives it back.
 */
#ifndef UNITRON_OWNCORE_H
#define UNITRON_OWNCORE_H

#include <linux/types.h>

/* hold.c: the CPU taken from Linux */
int own_hold_init(void);
void own_hold_exit(void);
int own_take_cpu(unsigned int cpu);
int own_give_cpu(unsigned int cpu);

/* park.c: INIT and SIPI by raw ICR writes */
int own_apic_check(void);
void own_park(u32 apicid);
void own_sipi(u32 apicid, unsigned long start);
void own_send_ipi(u32 apicid, u8 vector);

/* symbols.c */
unsigned long own_lookup_name(const char *name);

/* boot.c: trampoline, stub and the pages they run on */
struct own_boot_block;
int own_boot_init(void);
void own_boot_exit(void);
#define OWN_TICK_US	1000	/* µITRON's time unit: 1 ms */
u64 own_boot_stub_entry(bool mute);
void own_boot_map_image(u64 phys, size_t size);
int own_boot_start(unsigned int cpu, u32 apicid, u64 entry, u32 tsc_khz,
		   const char *what);
struct own_boot_block *own_boot_block(void);

/* image.c: a µITRON image, read from a file and checked */
struct own_image_header;
int own_image_load(const char *path, struct own_image_header *header);
bool own_image_mem_given(void);
void own_image_free(void);
void *own_image_ptr(u64 addr, size_t len);
phys_addr_t own_image_phys(u64 addr);

/* status.c: the image's status file (unitronctl ps) */
void own_status_init(u64 status_addr, u32 apicid, const char *image);
void own_status_exit(void);

/* bridge.c: Linux processes' calls to the image, Linux I/O for it */
int own_bridge_init(u64 area_addr, unsigned int cpu, u32 apicid);
void own_bridge_stopped(void);
void own_bridge_exit(void);

/* log.c: the image's console ring copied to the kernel log */
void own_log_start(unsigned int cpu);
void own_log_stop(void);
bool own_log_hung(void);

#endif
