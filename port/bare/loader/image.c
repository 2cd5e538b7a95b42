// SPDX-License-Identifier: GPL-2.0
/*
 * A µITRON image (port/bare/mkimage.sh): read from a file, checked, and
 * copied to a physically contiguous, 2 MiB aligned block of the buddy
 * allocator (an order-9 or order-10 block is aligned to its size), which
 * the loader's page tables map at the image's link address.
 *
 * The image runs on a CPU Linux no longer controls: a wrong file would
 * run wild on it.  So its header is checked before anything is copied,
 * and a bad image is refused, with the reason, before the CPU is taken.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel_read_file.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/pgtable.h>
#include <linux/vmalloc.h>
#include <asm/io.h>

#include "owncore.h"
#include "owncore_abi.h"

static char *mem;
module_param(mem, charp, 0444);
MODULE_PARM_DESC(mem,
		 "memory block for the image, with K or M (e.g. 4M): at least its memory size, at most 4M (default: its memory size, rounded up to 2M)");

static struct page *image_pages;
static unsigned int image_order;

/* mem= sizes an image's block: it makes no sense without one. */
bool own_image_mem_given(void)
{
	return mem != NULL;
}

static u64 image_mem_size;

/* The header's promises, against the file's real size. */
static int check_header(const char *path, const struct own_image_header *h,
			size_t size)
{
	const char *why = NULL;

	if (size < sizeof(*h))
		why = "shorter than its header";
	else if (h->magic != OWN_IMAGE_MAGIC)
		why = "no image magic (not built by port/bare/mkimage.sh?)";
	else if (h->version != OWN_IMAGE_VERSION)
		why = "unknown image version";
	else if (h->base != OWN_IMAGE_BASE)
		why = "linked at another address";
	else if (h->file_size != size)
		why = "file size differs from its header's";
	else if (h->mem_size < h->file_size || h->mem_size > OWN_IMAGE_MAX)
		why = "memory size out of range (at most 4 MiB)";
	else if (h->entry < h->base + sizeof(*h) ||
		 h->entry >= h->base + h->file_size)
		why = "entry point outside the image";
	if (why) {
		pr_err("image %s refused: %s\n", path, why);
		return -EINVAL;
	}
	return 0;
}

/*
 * The size of the image's block: mem= if given, else its memory size;
 * whole 2 MiB pages, as the loader maps it.  0: refused.
 */
static size_t block_size(const struct own_image_header *h)
{
	unsigned long long size = h->mem_size;
	char *end;

	if (mem) {
		size = memparse(mem, &end);
		if (end == mem || *end) {
			pr_err("mem=%s refused: a size, with K or M (e.g. 4M)\n",
			       mem);
			return 0;
		}
		if (size < h->mem_size || size > OWN_IMAGE_MAX) {
			pr_err("mem=%s refused: the image needs %llu bytes, a block is at most 4M (the buddy allocator's largest)\n",
			       mem, h->mem_size);
			return 0;
		}
	}
	return ALIGN(size, PMD_SIZE);
}

/* Copy the checked image to its own block and map it. */
static int place(const void *buf, const struct own_image_header *h)
{
	size_t span = block_size(h);

	if (!span)
		return -EINVAL;
	image_order = get_order(span);
	/* Zeroed: the image's .bss. */
	image_pages = alloc_pages(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN,
				  image_order);
	if (!image_pages) {
		pr_err("no physically contiguous %zu KiB for the image\n",
		       span / 1024);
		return -ENOMEM;
	}
	memcpy(page_address(image_pages), buf, h->file_size);
	image_mem_size = h->mem_size;
	own_boot_map_image(page_to_phys(image_pages), span);
	return 0;
}

/* Read, check and place the image at @path; *header: its header. */
int own_image_load(const char *path, struct own_image_header *header)
{
	void *buf = NULL;
	size_t file_size;
	ssize_t n;
	int ret;

	n = kernel_read_file_from_path(path, 0, &buf, OWN_IMAGE_MAX,
				       &file_size, READING_FIRMWARE);
	if (n < 0) {
		pr_err("image %s: cannot read it (%zd)\n", path, n);
		return n;
	}
	ret = check_header(path, buf, n);
	if (!ret)
		ret = place(buf, buf);
	if (!ret) {
		*header = *(struct own_image_header *)buf;
		pr_info("image %s: %zd bytes, %llu in memory, entry %#llx, at physical %#llx, %lu KiB block\n",
			path, n, header->mem_size, header->entry,
			(u64)page_to_phys(image_pages),
			(PAGE_SIZE << image_order) / 1024);
	}
	vfree(buf);
	return ret;
}

/*
 * Where @len bytes at the image's address @addr are, for Linux: NULL
 * unless they lie inside the image.
 */
void *own_image_ptr(u64 addr, size_t len)
{
	u64 off = addr - OWN_IMAGE_BASE;

	if (!image_pages || addr < OWN_IMAGE_BASE || off > image_mem_size ||
	    len > image_mem_size - off)
		return NULL;
	return page_address(image_pages) + off;
}

/* The physical address of the image's address @addr (inside it). */
phys_addr_t own_image_phys(u64 addr)
{
	return page_to_phys(image_pages) + (addr - OWN_IMAGE_BASE);
}

/* Only once the CPU is parked: it may be running on these pages. */
void own_image_free(void)
{
	if (image_pages)
		__free_pages(image_pages, image_order);
	image_pages = NULL;
}
