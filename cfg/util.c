/*
 * Unitron configurator - memory, messages, strings and a hash map.
 */
#include "cfg.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- arena */

#define CHUNK_SIZE	(64U * 1024U)

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			used, cap;
	max_align_t		data[];
};

/*
 * Allocate size bytes, aligned for any type, zero-filled.  Never returns
 * NULL: when memory runs out, the run ends through c->oom.
 */
void *cfg_alloc(cfg *c, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	struct arena_chunk *ch = c->arena;
	void *p;

	if (size > SIZE_MAX / 2)
		longjmp(c->oom, 1);
	size = (size + align - 1) & ~(align - 1);
	if (size == 0)
		size = align;
	if (ch == NULL || ch->cap - ch->used < size) {
		/* Small inputs need little: chunks grow up to CHUNK_SIZE. */
		size_t cap = ch == NULL ? CHUNK_SIZE / 8 :
			     ch->cap >= CHUNK_SIZE ? CHUNK_SIZE : ch->cap * 2;

		if (cap < size)
			cap = size;

		ch = malloc(sizeof(*ch) + cap);
		if (ch == NULL)
			longjmp(c->oom, 1);
		ch->cap = cap;
		ch->used = 0;
		/*
		 * A big block gets a chunk of its own behind the current
		 * one, so the current chunk's free space is not lost.
		 */
		if (c->arena != NULL && cap > CHUNK_SIZE) {
			ch->next = c->arena->next;
			c->arena->next = ch;
		} else {
			ch->next = c->arena;
			c->arena = ch;
		}
	}
	p = (char *)ch->data + ch->used;
	ch->used += size;
	memset(p, 0, size);
	return p;
}

/*
 * Make room for need elements in the array p of capacity *cap.  Old
 * arrays stay in the arena until the run ends (at most as much again).
 */
void *cfg_grow(cfg *c, void *p, size_t *cap, size_t need, size_t elsize)
{
	size_t ncap;
	void *np;

	if (need <= *cap)
		return p;
	ncap = *cap < 16 ? 16 : *cap;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			longjmp(c->oom, 1);
		ncap *= 2;
	}
	if (ncap > SIZE_MAX / 2 / elsize)
		longjmp(c->oom, 1);
	np = cfg_alloc(c, ncap * elsize);
	if (p != NULL && *cap > 0)
		memcpy(np, p, *cap * elsize);
	*cap = ncap;
	return np;
}

char *cfg_strndup(cfg *c, const char *s, size_t n)
{
	char *p = cfg_alloc(c, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *cfg_strdup(cfg *c, const char *s)
{
	return cfg_strndup(c, s, strlen(s));
}

char *cfg_printf(cfg *c, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		longjmp(c->oom, 1);
	p = cfg_alloc(c, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void cfg_free_all(cfg *c)
{
	struct arena_chunk *ch = c->arena, *next;

	while (ch != NULL) {
		next = ch->next;
		free(ch);
		ch = next;
	}
	c->arena = NULL;
}

/* ------------------------------------------------------------- messages */

static void verror(cfg *c, const char *file, unsigned long line,
		   const char *fmt, va_list ap)
{
	if (c->stop)
		return;
	if (file == NULL)
		file = c->name;
	if (++c->nerrors > CFG_MAX_ERRORS) {
		fprintf(c->err, "%s:%lu: error: too many errors, stopping\n",
			file, line);
		c->stop = 1;
		return;
	}
	fprintf(c->err, "%s:%lu: error: ", file, line);
	vfprintf(c->err, fmt, ap);
	fputc('\n', c->err);
}

void cfg_error(cfg *c, const char *file, unsigned long line,
	       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(c, file, line, fmt, ap);
	va_end(ap);
}

void cfg_error_at(cfg *c, const token *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(c, t->file, t->line, fmt, ap);
	va_end(ap);
}

/*
 * Text from the input made fit for a message: control characters
 * escaped, cut after max bytes (0: no limit) with "...".
 */
const char *cfg_show(cfg *c, const char *s, size_t max)
{
	size_t n = strlen(s), i, o = 0;
	int cut = 0;
	char *buf;

	if (max != 0 && n > max) {
		n = max;
		cut = 1;
	}
	buf = cfg_alloc(c, n * 4 + 4);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7f) {
			static const char hex[] = "0123456789abcdef";

			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[ch >> 4];
			buf[o++] = hex[ch & 15];
		} else {
			buf[o++] = (char)ch;
		}
	}
	if (cut) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

const char *cfg_show_tok(cfg *c, const token *t)
{
	if (t->kind == TK_EOF)
		return "end of input";
	return cfg_printf(c, "'%s'", cfg_show(c, t->text, 40));
}

/*
 * The contents of a C string literal (without the quotes) that reads as
 * s.  '?' is escaped against trigraphs; bytes outside printable ASCII
 * become three-digit octal escapes.
 */
char *cfg_c_string(cfg *c, const char *s)
{
	size_t n = strlen(s), i, o = 0;
	char *buf = cfg_alloc(c, n * 4 + 1);

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\' || ch == '?') {
			buf[o++] = '\\';
			buf[o++] = (char)ch;
		} else if (ch < 0x20 || ch >= 0x7f) {
			buf[o++] = '\\';
			buf[o++] = (char)('0' + (ch >> 6));
			buf[o++] = (char)('0' + ((ch >> 3) & 7));
			buf[o++] = (char)('0' + (ch & 7));
		} else {
			buf[o++] = (char)ch;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* s made safe inside a C comment: no "*" "/", no control characters. */
char *cfg_comment_safe(cfg *c, const char *s)
{
	size_t n = strlen(s), i;
	char *buf = cfg_strndup(c, s, n);

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)buf[i];

		if (ch < 0x20 || ch == 0x7f || ch == '\\')
			buf[i] = '?';
		else if (ch == '/' && i > 0 && buf[i - 1] == '*')
			buf[i] = '|';
		else if (ch == '*' && i > 0 && buf[i - 1] == '/')
			buf[i] = '+';
	}
	return buf;
}

/* ------------------------------------------------------------- hash map */

struct hmap_slot {
	const char	*key;
	void		*val;
};

static size_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return (size_t)(h ^ (h >> 32));
}

void *hmap_get(const hmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = hash_str(key) & (m->cap - 1); m->slots[i].key != NULL;
	     i = (i + 1) & (m->cap - 1)) {
		if (strcmp(m->slots[i].key, key) == 0)
			return m->slots[i].val;
	}
	return NULL;
}

/* Insert or replace; the key is copied. */
void hmap_put(cfg *c, hmap *m, const char *key, void *val)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap) {
		size_t ncap = m->cap == 0 ? 64 : m->cap * 2, j;
		struct hmap_slot *ns;

		if (ncap > SIZE_MAX / 4 / sizeof(*ns))
			longjmp(c->oom, 1);
		ns = cfg_alloc(c, ncap * sizeof(*ns));
		for (j = 0; j < m->cap; j++) {
			if (m->slots[j].key == NULL)
				continue;
			i = hash_str(m->slots[j].key) & (ncap - 1);
			while (ns[i].key != NULL)
				i = (i + 1) & (ncap - 1);
			ns[i] = m->slots[j];
		}
		m->slots = ns;
		m->cap = ncap;
	}
	for (i = hash_str(key) & (m->cap - 1); m->slots[i].key != NULL;
	     i = (i + 1) & (m->cap - 1)) {
		if (strcmp(m->slots[i].key, key) == 0) {
			m->slots[i].val = val;
			return;
		}
	}
	m->slots[i].key = cfg_strdup(c, key);
	m->slots[i].val = val;
	m->count++;
}

void objvec_push(cfg *c, objvec *v, cfg_obj *o)
{
	v->v = cfg_grow(c, v->v, &v->cap, v->n + 1, sizeof(*v->v));
	v->v[v->n++] = o;
}
