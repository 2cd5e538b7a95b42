/*
 * Unitron bare port - what the compiler may call even in freestanding
 * code (structure copies and clears).
 */
#include "bare.h"

void *memset(void *dst, int c, SIZE n);
void *memcpy(void *dst, const void *src, SIZE n);
void *memmove(void *dst, const void *src, SIZE n);
int memcmp(const void *a, const void *b, SIZE n);

void *memset(void *dst, int c, SIZE n)
{
	unsigned char *d = dst;

	while (n-- > 0U)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, SIZE n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n-- > 0U)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, SIZE n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s)
		return memcpy(dst, src, n);
	while (n-- > 0U)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, SIZE n)
{
	const unsigned char *x = a, *y = b;

	for (; n > 0U; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}
