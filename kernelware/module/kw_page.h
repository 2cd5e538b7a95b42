/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernelware - the kernelware page's data (struct kw_page_data in
 * exec.c), for page.S: one page above the code.
 */
#ifndef KW_PAGE_H
#define KW_PAGE_H

#define KW_PAGE_DATA	4096	/* above the code: PAGE_SIZE */
#define KW_PAGE_ENTER	0	/* struct kw_enter */
#define KW_PAGE_CMD	176	/* KW_IOC_ENTER */
#define KW_PAGE_FD	184	/* the device */
#define KW_PAGE_FD_MIN	512	/* moved there, out of the program's way */

#endif /* KW_PAGE_H */
