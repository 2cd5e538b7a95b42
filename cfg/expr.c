/*
 * Unitron configurator - C expressions in static API parameters.
 *
 * A recursive-descent parser for C expressions that also evaluates
 * integer constant expressions the way the target's C compiler would
 * (LP64 types, usual arithmetic conversions).  Anything it cannot
 * evaluate (an identifier left by the preprocessor, sizeof, a pointer,
 * a call) is "unknown", not an error: the generated code leaves those to
 * the C compiler.  Errors are syntax errors, malformed integer constants,
 * and division by zero, overflow or bad shifts in an evaluated operand.
 *
 * Recursion is bounded (CFG_MAX_DEPTH), so no input can exhaust the
 * stack.
 */
#include "cfg.h"

#include <string.h>

/* ---------------------------------------------------------- integer model */

static int it_width(int t)
{
	return (t == IT_INT || t == IT_UINT) ? 32 : 64;
}

static int it_signed(int t)
{
	return t == IT_INT || t == IT_LONG || t == IT_LLONG;
}

static int it_rank(int t)
{
	return t <= IT_UINT ? 1 : t <= IT_ULONG ? 2 : 3;
}

static int it_unsigned_of(int t)
{
	return it_signed(t) ? t + 1 : t;
}

/* v converted to type t (modulo 2^width, then sign- or zero-extended). */
static uint64_t norm(uint64_t v, int t)
{
	if (it_width(t) == 64)
		return v;
	v &= 0xffffffffULL;
	if (it_signed(t) && (v & 0x80000000ULL) != 0)
		v |= 0xffffffff00000000ULL;
	return v;
}

static int64_t as_i64(uint64_t v)
{
	return v <= (uint64_t)INT64_MAX ? (int64_t)v : -(int64_t)(~v) - 1;
}

static ival mk(uint64_t v, int t)
{
	ival r;

	r.v = norm(v, t);
	r.t = t;
	return r;
}

/* The usual arithmetic conversions (C11 6.3.1.8), for LP64. */
static int common_type(int a, int b)
{
	int u, s;

	if (a == b)
		return a;
	if (it_signed(a) == it_signed(b))
		return it_rank(a) > it_rank(b) ? a : b;
	u = it_signed(a) ? b : a;
	s = it_signed(a) ? a : b;
	if (it_rank(u) >= it_rank(s))
		return u;
	if (it_width(s) > it_width(u))
		return s;
	return it_unsigned_of(s);
}

int ival_is_neg(ival v)
{
	return it_signed(v.t) && as_i64(v.v) < 0;
}

/* Compare the mathematical values. */
int ival_cmp(ival a, ival b)
{
	int na = ival_is_neg(a), nb = ival_is_neg(b);

	if (na != nb)
		return na ? -1 : 1;
	if (na) {
		int64_t x = as_i64(a.v), y = as_i64(b.v);

		return x < y ? -1 : x > y;
	}
	return a.v < b.v ? -1 : a.v > b.v;
}

int ival_in_range(ival v, long long lo, unsigned long long hi)
{
	if (ival_is_neg(v))
		return as_i64(v.v) >= lo;
	if (lo > 0 && v.v < (uint64_t)lo)
		return 0;
	return v.v <= hi;
}

const char *ival_str(cfg *c, ival v)
{
	if (it_signed(v.t))
		return cfg_printf(c, "%lld", (long long)as_i64(v.v));
	return cfg_printf(c, "%llu", (unsigned long long)v.v);
}

/* ---------------------------------------------------------------- parser */

typedef struct {
	cfg		*c;
	const token	*t;
	size_t		n, pos;
	const char	*label;		/* "CRE_TSK(TASK1)" */
	const char	*pname;		/* "itskpri" */
	int		depth;
	int		failed;		/* an error has been reported */
} parser;

typedef struct {
	int	known;
	ival	v;
} res;

static const res UNK = { 0, { 0, IT_INT } };

static res known(ival v)
{
	res r;

	r.known = 1;
	r.v = v;
	return r;
}

static const token *cur(const parser *p)
{
	return p->pos < p->n ? &p->t[p->pos] : NULL;
}

static int is(const parser *p, const char *punct)
{
	return p->pos < p->n && tok_is(&p->t[p->pos], punct);
}

static void syntax_error(parser *p)
{
	const token *t = cur(p);

	if (p->failed)
		return;
	p->failed = 1;
	if (t == NULL)
		cfg_error_at(p->c, &p->t[p->n - 1],
			     "%s: syntax error in '%s': incomplete expression",
			     p->label, p->pname);
	else
		cfg_error_at(p->c, t, "%s: syntax error in '%s': unexpected %s",
			     p->label, p->pname, cfg_show_tok(p->c, t));
}

/* An error in evaluation: reported only where the operand is evaluated. */
static res eval_error(parser *p, int ev, const token *at, const char *what)
{
	if (ev && !p->failed) {
		p->failed = 1;
		cfg_error_at(p->c, at, "%s: %s in '%s'", p->label, what,
			     p->pname);
	}
	return UNK;
}

static int enter(parser *p)
{
	if (++p->depth > CFG_MAX_DEPTH) {
		if (!p->failed) {
			p->failed = 1;
			cfg_error_at(p->c, p->pos < p->n ? &p->t[p->pos] :
				     &p->t[p->n - 1],
				     "%s: expression too deeply nested in '%s'",
				     p->label, p->pname);
		}
		return 0;
	}
	return 1;
}

static void expect(parser *p, const char *punct)
{
	if (p->failed)
		return;
	if (!is(p, punct))
		syntax_error(p);
	else
		p->pos++;
}

/* Skip a bracketed group starting at "(" or "[". */
static void skip_group(parser *p)
{
	int d = 0;

	while (p->pos < p->n) {
		const token *t = &p->t[p->pos++];

		if (tok_is(t, "(") || tok_is(t, "["))
			d++;
		else if ((tok_is(t, ")") || tok_is(t, "]")) && --d == 0)
			return;
	}
	syntax_error(p);
}

static res parse_expr(parser *p, int ev);
static res parse_assign(parser *p, int ev);
static res parse_cast(parser *p, int ev);

/* ------------------------------------------------------------ constants */

static res parse_number(parser *p, const token *t)
{
	const char *s = t->text;
	size_t i = 0, nd = 0;
	int base = 10, u = 0, l = 0, bad = 0, over = 0;
	uint64_t v = 0;
	static const int dec_types[] = { IT_INT, IT_LONG, IT_LLONG };
	static const int oth_types[] = {
		IT_INT, IT_UINT, IT_LONG, IT_ULONG, IT_LLONG, IT_ULLONG
	};
	const int *cand;
	size_t ncand, k;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
		base = 2;
		i = 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	/* Floating constants are not integers: leave them to the compiler. */
	if (strchr(s, '.') != NULL ||
	    (base == 16 && strpbrk(s, "pP") != NULL) ||
	    (base == 10 && strpbrk(s, "eE") != NULL))
		return UNK;
	for (;; i++) {
		int ch = (unsigned char)s[i], d;

		if (ch >= '0' && ch <= '9')
			d = ch - '0';
		else if (base == 16 && ch >= 'a' && ch <= 'f')
			d = ch - 'a' + 10;
		else if (base == 16 && ch >= 'A' && ch <= 'F')
			d = ch - 'A' + 10;
		else
			break;
		if (d >= base) {
			bad = 1;
			d = 0;
		}
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			over = 1;
		v = v * (uint64_t)base + (uint64_t)d;
		nd++;
	}
	if (nd == 0 && base != 8)
		bad = 1;
	for (; s[i] != '\0'; i++) {
		if ((s[i] == 'u' || s[i] == 'U') && !u) {
			u = 1;
		} else if ((s[i] == 'l' || s[i] == 'L') && !l) {
			l = 1;
			if (s[i + 1] == s[i]) {
				l = 2;
				i++;
			}
		} else if ((s[i] == 'i' || s[i] == 'j') && s[i + 1] == '\0') {
			return UNK;	/* GNU imaginary constant */
		} else {
			bad = 1;
			break;
		}
	}
	if (bad) {
		p->failed = 1;
		cfg_error_at(p->c, t, "%s: invalid integer constant '%s' in "
			     "'%s'", p->label, cfg_show(p->c, s, 40),
			     p->pname);
		return UNK;
	}
	if (over) {
		p->failed = 1;
		cfg_error_at(p->c, t, "%s: integer constant '%s' is too large "
			     "in '%s'", p->label, cfg_show(p->c, s, 40),
			     p->pname);
		return UNK;
	}
	if (base == 10 && !u) {
		cand = dec_types;
		ncand = 3;
	} else {
		cand = oth_types;
		ncand = 6;
	}
	for (k = 0; k < ncand; k++) {
		int ty = cand[k];
		uint64_t max;

		if (u && it_signed(ty))
			continue;
		if (l == 1 && it_rank(ty) < 2)
			continue;
		if (l == 2 && it_rank(ty) < 3)
			continue;
		max = it_width(ty) == 32 ?
		      (it_signed(ty) ? 0x7fffffffULL : 0xffffffffULL) :
		      (it_signed(ty) ? (uint64_t)INT64_MAX : UINT64_MAX);
		if (v <= max)
			return known(mk(v, ty));
	}
	/* Too large for any signed type: GCC makes it unsigned. */
	return known(mk(v, IT_ULLONG));
}

static res parse_char(parser *p, const token *t)
{
	char *s;
	size_t n;
	const char *errmsg;

	if (t->text[0] != '\'' ||
	    decode_string(p->c, t->text, t->len, &s, &n, &errmsg) != 0 ||
	    n != 1)
		return UNK;	/* wide, multi-character: the compiler's */
	/* Plain char is signed on the targets (x86-64, arm64 Linux aside). */
	return known(mk((uint64_t)(int64_t)(signed char)s[0], IT_INT));
}

/* -------------------------------------------------------------- casts */

/* What a cast converts to: an ival type, possibly narrowed first. */
typedef struct {
	int	t;		/* resulting (promoted) type */
	int	bits;		/* narrow: 1 (_Bool), 8, 16; else 0 */
	int	sign;		/* narrow type is signed */
} ctype;

static const struct {
	const char	*name;
	ctype		ty;
} typedefs[] = {
	/* itron.h, kernel.h */
	{ "B", { IT_INT, 8, 1 } },	{ "UB", { IT_INT, 8, 0 } },
	{ "VB", { IT_INT, 8, 1 } },	{ "H", { IT_INT, 16, 1 } },
	{ "UH", { IT_INT, 16, 0 } },	{ "VH", { IT_INT, 16, 1 } },
	{ "W", { IT_INT, 0, 0 } },	{ "UW", { IT_UINT, 0, 0 } },
	{ "VW", { IT_INT, 0, 0 } },	{ "D", { IT_LLONG, 0, 0 } },
	{ "UD", { IT_ULLONG, 0, 0 } },	{ "VD", { IT_LLONG, 0, 0 } },
	{ "INT", { IT_INT, 0, 0 } },	{ "UINT", { IT_UINT, 0, 0 } },
	{ "BOOL", { IT_INT, 0, 0 } },	{ "FN", { IT_INT, 0, 0 } },
	{ "ER", { IT_INT, 0, 0 } },	{ "ID", { IT_INT, 0, 0 } },
	{ "ATR", { IT_UINT, 0, 0 } },	{ "STAT", { IT_UINT, 0, 0 } },
	{ "MODE", { IT_UINT, 0, 0 } },	{ "PRI", { IT_INT, 0, 0 } },
	{ "SIZE", { IT_ULONG, 0, 0 } },	{ "TMO", { IT_INT, 0, 0 } },
	{ "RELTIM", { IT_UINT, 0, 0 } }, { "SYSTIM", { IT_ULONG, 0, 0 } },
	{ "VP_INT", { IT_LONG, 0, 0 } }, { "ER_BOOL", { IT_INT, 0, 0 } },
	{ "ER_ID", { IT_INT, 0, 0 } },	{ "ER_UINT", { IT_INT, 0, 0 } },
	{ "TEXPTN", { IT_UINT, 0, 0 } }, { "FLGPTN", { IT_UINT, 0, 0 } },
	{ "INHNO", { IT_UINT, 0, 0 } }, { "INTNO", { IT_UINT, 0, 0 } },
	{ "EXCNO", { IT_UINT, 0, 0 } }, { "SYSUTIM", { IT_ULONG, 0, 0 } },
	/* <stddef.h>, <stdint.h> */
	{ "size_t", { IT_ULONG, 0, 0 } }, { "ptrdiff_t", { IT_LONG, 0, 0 } },
	{ "intptr_t", { IT_LONG, 0, 0 } }, { "uintptr_t", { IT_ULONG, 0, 0 } },
	{ "int8_t", { IT_INT, 8, 1 } },	{ "uint8_t", { IT_INT, 8, 0 } },
	{ "int16_t", { IT_INT, 16, 1 } }, { "uint16_t", { IT_INT, 16, 0 } },
	{ "int32_t", { IT_INT, 0, 0 } }, { "uint32_t", { IT_UINT, 0, 0 } },
	{ "int64_t", { IT_LONG, 0, 0 } }, { "uint64_t", { IT_ULONG, 0, 0 } },
	{ "__SIZE_TYPE__", { IT_ULONG, 0, 0 } },
	{ "__INTPTR_TYPE__", { IT_LONG, 0, 0 } },
};

/*
 * The integer type named by the identifiers t[0..n), or -1 in *ok when
 * it is not one this evaluator knows (pointers, structures, typedefs of
 * the application).
 */
static int cast_type(const token *t, size_t n, ctype *ty)
{
	int sgn = 0, uns = 0, nchar = 0, nshort = 0, nint = 0, nlong = 0;
	int nbool = 0, ntd = 0;
	size_t i, k;

	for (i = 0; i < n; i++) {
		const char *s = t[i].text;

		if (t[i].kind != TK_IDENT)
			return 0;
		if (!strcmp(s, "const") || !strcmp(s, "volatile") ||
		    !strcmp(s, "__const") || !strcmp(s, "__volatile__"))
			continue;
		if (!strcmp(s, "signed") || !strcmp(s, "__signed__"))
			sgn++;
		else if (!strcmp(s, "unsigned"))
			uns++;
		else if (!strcmp(s, "char"))
			nchar++;
		else if (!strcmp(s, "short"))
			nshort++;
		else if (!strcmp(s, "int"))
			nint++;
		else if (!strcmp(s, "long"))
			nlong++;
		else if (!strcmp(s, "_Bool"))
			nbool++;
		else {
			for (k = 0; k < sizeof(typedefs) / sizeof(typedefs[0]);
			     k++)
				if (!strcmp(s, typedefs[k].name))
					break;
			if (k == sizeof(typedefs) / sizeof(typedefs[0]) ||
			    ntd++ > 0)
				return 0;
			*ty = typedefs[k].ty;
		}
	}
	if (ntd > 0)
		return sgn + uns + nchar + nshort + nint + nlong + nbool == 0;
	if (sgn + uns > 1 || nchar > 1 || nshort > 1 || nint > 1 ||
	    nlong > 2 || nbool > 1)
		return 0;
	if (nbool) {
		if (sgn + uns + nchar + nshort + nint + nlong != 0)
			return 0;
		ty->t = IT_INT;
		ty->bits = 1;
		ty->sign = 0;
		return 1;
	}
	if (nchar + nshort + (nlong > 0) > 1 || (nchar && nint))
		return 0;
	ty->bits = nchar ? 8 : nshort ? 16 : 0;
	ty->sign = !uns;
	if (ty->bits)
		ty->t = IT_INT;
	else if (nlong == 2)
		ty->t = uns ? IT_ULLONG : IT_LLONG;
	else if (nlong == 1)
		ty->t = uns ? IT_ULONG : IT_LONG;
	else if (sgn + uns + nint > 0)
		ty->t = uns ? IT_UINT : IT_INT;
	else
		return 0;
	return 1;
}

static ival convert(ival v, ctype ty)
{
	uint64_t x = v.v;

	if (ty.bits == 1)
		return mk(x != 0, IT_INT);
	if (ty.bits) {
		uint64_t mask = (1ULL << ty.bits) - 1;

		x &= mask;
		if (ty.sign && (x >> (ty.bits - 1)) != 0)
			x |= ~mask;
		return mk(x, IT_INT);
	}
	return mk(x, ty.t);
}

/*
 * At "(": does a cast follow?  The parenthesized part must look like a
 * type name (identifiers, "*", parenthesized declarators, array
 * bounds), and what
 * follows must be able to start an operand.  For an unknown identifier
 * "(x) - 1" reads either way and either way is unknown here.
 */
static size_t cast_close(const parser *p)
{
	size_t i = p->pos + 1;
	int d = 0;

	if (i >= p->n || p->t[i].kind != TK_IDENT)
		return 0;
	/* "(TA_ACT) | 1": a known constant is no type name. */
	if (i + 1 < p->n && tok_is(&p->t[i + 1], ")") &&
	    is_kernel_constant(p->t[i].text))
		return 0;
	for (; i < p->n; i++) {
		const token *t = &p->t[i];

		if (tok_is(t, "("))
			d++;
		else if (tok_is(t, ")") && d-- == 0)
			break;
		else if (t->kind != TK_IDENT && t->kind != TK_NUMBER &&
			 !tok_is(t, "*") && !tok_is(t, ",") &&
			 !tok_is(t, "...") && !tok_is(t, "[") &&
			 !tok_is(t, "]") && !tok_is(t, ")"))
			return 0;
	}
	if (i + 1 >= p->n)
		return 0;
	{
		const token *t = &p->t[i + 1];

		if (t->kind == TK_IDENT || t->kind == TK_NUMBER ||
		    t->kind == TK_CHAR || t->kind == TK_STRING ||
		    tok_is(t, "(") || tok_is(t, "-") || tok_is(t, "+") ||
		    tok_is(t, "~") || tok_is(t, "!") || tok_is(t, "*") ||
		    tok_is(t, "&"))
			return i;
	}
	return 0;
}

/* ---------------------------------------------------------- expressions */

/*
 * Constants of kernel.h (µITRON 4.0 values).  An application .cfg that
 * includes kernel.h has them replaced by the preprocessor; one that does
 * not still leaves them for kernel_cfg.c, which includes kernel.h, so
 * their values are known here either way.
 */
static const struct {
	const char	*name;
	uint64_t	v;
	int		t;
} kconsts[] = {
	{ "TA_NULL", 0, IT_UINT },	{ "TA_HLNG", 0, IT_UINT },
	{ "TA_ASM", 1, IT_UINT },	{ "TA_TFIFO", 0, IT_UINT },
	{ "TA_TPRI", 1, IT_UINT },	{ "TA_MFIFO", 0, IT_UINT },
	{ "TA_MPRI", 2, IT_UINT },	{ "TA_ACT", 2, IT_UINT },
	{ "TA_RSTR", 4, IT_UINT },	{ "TA_WSGL", 0, IT_UINT },
	{ "TA_WMUL", 2, IT_UINT },	{ "TA_CLR", 4, IT_UINT },
	{ "TA_STA", 2, IT_UINT },	{ "TA_PHS", 4, IT_UINT },
	{ "TA_INHERIT", 2, IT_UINT },	{ "TA_CEILING", 3, IT_UINT },
	{ "TA_ENAINT", 1, IT_UINT },	{ "TA_EDGE", 2, IT_UINT },
	{ "TMIN_INTPRI", (uint64_t)-15, IT_INT },
	{ "TMAX_INTPRI", (uint64_t)-1, IT_INT },
	{ "TMIN_TPRI", 1, IT_INT },	{ "TMAX_TPRI", 16, IT_INT },
	{ "TMIN_MPRI", 1, IT_INT },	{ "TMAX_MPRI", 16, IT_INT },
	{ "TMAX_MAXSEM", 65535, IT_UINT },
	{ "TMAX_RELTIM", 0x7fffffff, IT_UINT },
	{ "TRUE", 1, IT_INT },		{ "FALSE", 0, IT_INT },
	{ "E_OK", 0, IT_INT },
};

/* Is s one of the kernel.h constants known here? */
int is_kernel_constant(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(kconsts) / sizeof(kconsts[0]); i++)
		if (!strcmp(s, kconsts[i].name))
			return 1;
	return 0;
}

static res ident_value(const token *t)
{
	size_t i;

	for (i = 0; i < sizeof(kconsts) / sizeof(kconsts[0]); i++)
		if (!strcmp(t->text, kconsts[i].name))
			return known(mk(kconsts[i].v, kconsts[i].t));
	return UNK;
}

static res parse_primary(parser *p, int ev)
{
	const token *t = cur(p);
	res r;

	if (t == NULL) {
		syntax_error(p);
		return UNK;
	}
	switch (t->kind) {
	case TK_IDENT:
		p->pos++;
		return ident_value(t);
	case TK_NUMBER:
		p->pos++;
		return parse_number(p, t);
	case TK_CHAR:
		p->pos++;
		return parse_char(p, t);
	case TK_STRING:
		while (p->pos < p->n && p->t[p->pos].kind == TK_STRING)
			p->pos++;
		return UNK;
	default:
		break;
	}
	if (tok_is(t, "(")) {
		p->pos++;
		r = parse_expr(p, ev);
		expect(p, ")");
		return r;
	}
	syntax_error(p);
	return UNK;
}

/* Postfix operators after an operand; TRUE if there were any. */
static int postfix_ops(parser *p)
{
	int any = 0;

	while (!p->failed && p->pos < p->n) {
		if (is(p, "[")) {
			p->pos++;
			parse_expr(p, 0);
			expect(p, "]");
		} else if (is(p, "(")) {
			skip_group(p);		/* a call */
		} else if (is(p, ".") || is(p, "->")) {
			p->pos++;
			if (p->pos < p->n && p->t[p->pos].kind == TK_IDENT)
				p->pos++;
			else
				syntax_error(p);
		} else if (is(p, "++") || is(p, "--")) {
			p->pos++;
		} else {
			break;
		}
		any = 1;
	}
	return any;
}

static res parse_postfix(parser *p, int ev)
{
	res r = parse_primary(p, ev);

	if (postfix_ops(p))
		return UNK;
	return r;
}

static res parse_unary(parser *p, int ev)
{
	const token *t = cur(p);
	res r;

	if (t != NULL && t->kind == TK_PUNCT &&
	    (tok_is(t, "-") || tok_is(t, "+") || tok_is(t, "~") ||
	     tok_is(t, "!") || tok_is(t, "*") || tok_is(t, "&") ||
	     tok_is(t, "++") || tok_is(t, "--"))) {
		p->pos++;
		r = parse_cast(p, ev);
		if (!r.known || p->failed)
			return UNK;
		switch (t->text[0]) {
		case '+':
			if (t->text[1] != '\0')
				return UNK;
			return r;
		case '-':
			if (t->text[1] != '\0')
				return UNK;
			if (it_signed(r.v.t)) {
				int64_t x = as_i64(r.v.v);
				int64_t min = it_width(r.v.t) == 32 ?
					      INT32_MIN : INT64_MIN;

				if (x == min)
					return eval_error(p, ev, t,
							  "integer overflow");
				return known(mk((uint64_t)-x, r.v.t));
			}
			return known(mk(0 - r.v.v, r.v.t));
		case '~':
			return known(mk(~r.v.v, r.v.t));
		case '!':
			return known(mk(r.v.v == 0, IT_INT));
		default:
			return UNK;	/* * & */
		}
	}
	if (t != NULL && t->kind == TK_IDENT &&
	    (!strcmp(t->text, "sizeof") || !strcmp(t->text, "_Alignof") ||
	     !strcmp(t->text, "alignof") || !strcmp(t->text, "__alignof__") ||
	     !strcmp(t->text, "__alignof"))) {
		p->pos++;
		if (is(p, "(")) {
			/* sizeof (type-name) or sizeof (expression)... */
			skip_group(p);
			postfix_ops(p);
		} else {
			parse_unary(p, 0);
		}
		return UNK;
	}
	if (t != NULL && t->kind == TK_IDENT &&
	    !strcmp(t->text, "__extension__")) {
		p->pos++;
		return parse_cast(p, ev);
	}
	return parse_postfix(p, ev);
}

static res parse_cast(parser *p, int ev)
{
	size_t close;
	res r;

	if (!enter(p))
		return UNK;
	if (is(p, "(") && (close = cast_close(p)) != 0) {
		const token *ty = &p->t[p->pos + 1];
		size_t nty = close - p->pos - 1;
		ctype ct;

		p->pos = close + 1;
		r = parse_cast(p, ev);
		if (r.known && cast_type(ty, nty, &ct))
			r = known(convert(r.v, ct));
		else
			r = UNK;
	} else {
		r = parse_unary(p, ev);
	}
	p->depth--;
	return r;
}

/* Binary operators by precedence, lowest first. */
static int binary_prec(const token *t)
{
	static const struct {
		const char	*op;
		int		prec;
	} ops[] = {
		{ "||", 1 }, { "&&", 2 }, { "|", 3 }, { "^", 4 }, { "&", 5 },
		{ "==", 6 }, { "!=", 6 }, { "<", 7 }, { ">", 7 }, { "<=", 7 },
		{ ">=", 7 }, { "<<", 8 }, { ">>", 8 }, { "+", 9 }, { "-", 9 },
		{ "*", 10 }, { "/", 10 }, { "%", 10 },
	};
	size_t i;

	if (t == NULL || t->kind != TK_PUNCT)
		return 0;
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(t->text, ops[i].op))
			return ops[i].prec;
	return 0;
}

static res shift(parser *p, int ev, const token *op, ival a, ival b)
{
	int w = it_width(a.t);
	uint64_t cnt = b.v;

	if (ival_is_neg(b) || cnt >= (uint64_t)w)
		return eval_error(p, ev, op, "shift count out of range");
	if (op->text[0] == '<') {
		if (it_signed(a.t)) {
			int64_t x = as_i64(a.v);

			if (x < 0)
				return eval_error(p, ev, op,
						  "left shift of negative "
						  "value");
			if (((uint64_t)x >> (w - 1 - (int)cnt)) != 0)
				return eval_error(p, ev, op,
						  "integer overflow");
		}
		return known(mk(a.v << cnt, a.t));
	}
	if (it_signed(a.t) && as_i64(a.v) < 0) {
		int64_t x = as_i64(a.v);

		return known(mk((uint64_t)(-1 - ((-1 - x) >> cnt)), a.t));
	}
	return known(mk(a.v >> cnt, a.t));
}

static res arith(parser *p, int ev, const token *op, ival a, ival b)
{
	int t = common_type(a.t, b.t);
	uint64_t x = norm(a.v, t), y = norm(b.v, t);
	const char *o = op->text;

	if (!strcmp(o, "<<") || !strcmp(o, ">>"))
		return shift(p, ev, op, a, b);
	if (!strcmp(o, "==") || !strcmp(o, "!=") || o[0] == '<' ||
	    o[0] == '>') {
		int cmp;

		if (it_signed(t)) {
			int64_t sx = as_i64(x), sy = as_i64(y);

			cmp = sx < sy ? -1 : sx > sy;
		} else {
			cmp = x < y ? -1 : x > y;
		}
		if (!strcmp(o, "=="))
			return known(mk(cmp == 0, IT_INT));
		if (!strcmp(o, "!="))
			return known(mk(cmp != 0, IT_INT));
		if (!strcmp(o, "<"))
			return known(mk(cmp < 0, IT_INT));
		if (!strcmp(o, ">"))
			return known(mk(cmp > 0, IT_INT));
		if (!strcmp(o, "<="))
			return known(mk(cmp <= 0, IT_INT));
		return known(mk(cmp >= 0, IT_INT));
	}
	switch (o[0]) {
	case '&':
		return known(mk(x & y, t));
	case '|':
		return known(mk(x | y, t));
	case '^':
		return known(mk(x ^ y, t));
	default:
		break;
	}
	if ((o[0] == '/' || o[0] == '%') && y == 0)
		return eval_error(p, ev, op, "division by zero");
	if (it_signed(t)) {
		int64_t sx = as_i64(x), sy = as_i64(y), r = 0;
		int ovf = 0;

		switch (o[0]) {
		case '+':
			ovf = __builtin_add_overflow(sx, sy, &r);
			break;
		case '-':
			ovf = __builtin_sub_overflow(sx, sy, &r);
			break;
		case '*':
			ovf = __builtin_mul_overflow(sx, sy, &r);
			break;
		default:
			/* MIN / -1 overflows; C leaves MIN % -1 undefined. */
			if (sy == -1 && sx == (it_width(t) == 32 ?
					       INT32_MIN : INT64_MIN))
				ovf = 1;
			else
				r = o[0] == '/' ? sx / sy : sx % sy;
			break;
		}
		if (!ovf && it_width(t) == 32 && (r < INT32_MIN ||
						  r > INT32_MAX))
			ovf = 1;
		if (ovf)
			return eval_error(p, ev, op, "integer overflow");
		return known(mk((uint64_t)r, t));
	}
	switch (o[0]) {
	case '+':
		return known(mk(x + y, t));
	case '-':
		return known(mk(x - y, t));
	case '*':
		return known(mk(x * y, t));
	case '/':
		return known(mk(x / y, t));
	default:
		return known(mk(x % y, t));
	}
}

static res parse_binary(parser *p, int minprec, int ev)
{
	res lhs = parse_cast(p, ev);

	for (;;) {
		const token *op = cur(p);
		int prec = binary_prec(op), rev = ev;
		res rhs;

		if (p->failed || prec == 0 || prec < minprec)
			return lhs;
		p->pos++;
		if (prec == 2 && lhs.known && lhs.v.v == 0)	/* 0 && x */
			rev = 0;
		if (prec == 1 && lhs.known && lhs.v.v != 0)	/* 1 || x */
			rev = 0;
		if (prec <= 2 && !lhs.known)
			rev = 0;	/* x may short-circuit */
		rhs = parse_binary(p, prec + 1, rev);
		if (p->failed)
			return UNK;
		if (prec == 2) {
			if (lhs.known && lhs.v.v == 0)
				lhs = known(mk(0, IT_INT));
			else if (lhs.known && rhs.known)
				lhs = known(mk(rhs.v.v != 0, IT_INT));
			else
				lhs = UNK;
		} else if (prec == 1) {
			if (lhs.known && lhs.v.v != 0)
				lhs = known(mk(1, IT_INT));
			else if (lhs.known && rhs.known)
				lhs = known(mk(rhs.v.v != 0, IT_INT));
			else
				lhs = UNK;
		} else if (lhs.known && rhs.known) {
			lhs = arith(p, ev, op, lhs.v, rhs.v);
		} else {
			/* A known zero divisor is an error whatever x is. */
			if ((op->text[0] == '/' || op->text[0] == '%') &&
			    rhs.known && rhs.v.v == 0)
				eval_error(p, ev, op, "division by zero");
			lhs = UNK;
		}
		if (p->failed)
			return UNK;
	}
}

static res parse_cond(parser *p, int ev)
{
	res c, a, b;
	int take;

	c = parse_binary(p, 1, ev);
	if (p->failed || !is(p, "?"))
		return c;
	p->pos++;
	if (!enter(p))
		return UNK;
	take = c.known && c.v.v != 0;
	a = parse_expr(p, ev && c.known && take);
	expect(p, ":");
	b = p->failed ? UNK : parse_cond(p, ev && c.known && !take);
	p->depth--;
	if (p->failed || !c.known)
		return UNK;
	if (take ? !a.known : !b.known)
		return UNK;
	if (a.known && b.known) {
		int t = common_type(a.v.t, b.v.t);

		return known(mk(take ? a.v.v : b.v.v, t));
	}
	return take ? a : b;
}

static int is_assign_op(const parser *p)
{
	static const char *const ops[] = {
		"=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=",
		"|=",
	};
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (is(p, ops[i]))
			return 1;
	return 0;
}

static res parse_assign(parser *p, int ev)
{
	res r;

	if (!enter(p))
		return UNK;
	r = parse_cond(p, ev);
	if (!p->failed && is_assign_op(p)) {
		p->pos++;
		parse_assign(p, 0);
		r = UNK;	/* not a constant expression */
	}
	p->depth--;
	return r;
}

static res parse_expr(parser *p, int ev)
{
	res r = parse_assign(p, ev);

	while (!p->failed && is(p, ",")) {
		p->pos++;
		parse_assign(p, 0);
		r = UNK;	/* not a constant expression */
	}
	return r;
}

/*
 * Parse the expression t[0..n) (n > 0), one static API parameter, and
 * evaluate it if it is an integer constant expression.  label and pname
 * name it in messages.
 */
int expr_eval(cfg *c, const token *t, size_t n, const char *label,
	      const char *pname, ival *out)
{
	parser p;
	res r;
	size_t i;

	if (n == 0)
		return EV_UNKNOWN;
	for (i = 0; i < n; i++)
		if (t[i].bad)
			return EV_UNKNOWN;	/* already reported */
	memset(&p, 0, sizeof(p));
	p.c = c;
	p.t = t;
	p.n = n;
	p.label = label;
	p.pname = pname;
	r = parse_assign(&p, 1);
	if (!p.failed && p.pos < p.n)
		syntax_error(&p);
	if (p.failed)
		return EV_ERROR;
	if (!r.known)
		return EV_UNKNOWN;
	*out = r.v;
	return EV_OK;
}

/* ------------------------------------------------------------ NULL */

/* Index of the ")" matching the "(" at t[0], or n. */
static size_t match_paren(const token *t, size_t n)
{
	size_t i;
	int d = 0;

	for (i = 0; i < n; i++) {
		if (tok_is(&t[i], "("))
			d++;
		else if (tok_is(&t[i], ")") && --d == 0)
			return i;
	}
	return n;
}

static int is_zero_literal(const token *t)
{
	const char *s = t->text;

	if (t->kind != TK_NUMBER)
		return 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (*s != '0')
		return 0;
	while (*s == '0')
		s++;
	while (*s == 'u' || *s == 'U' || *s == 'l' || *s == 'L')
		s++;
	return *s == '\0';
}

/*
 * Is t[0..n) a null pointer as the preprocessor leaves it: NULL, 0,
 * ((void *) 0), (VP)0 and the like?
 */
int tokens_are_null(const token *t, size_t n)
{
	while (n > 0) {
		if (n == 1)
			return (t->kind == TK_IDENT &&
				!strcmp(t->text, "NULL")) || is_zero_literal(t);
		if (!tok_is(&t[0], "("))
			return 0;
		if (match_paren(t, n) == n - 1) {
			t++;
			n -= 2;
		} else if (n > 4 && t[1].kind == TK_IDENT &&
			   !strcmp(t[1].text, "void") && tok_is(&t[2], "*") &&
			   tok_is(&t[3], ")")) {
			t += 4;
			n -= 4;
		} else if (n > 3 && t[1].kind == TK_IDENT &&
			   !strcmp(t[1].text, "VP") && tok_is(&t[2], ")")) {
			t += 3;
			n -= 3;
		} else {
			return 0;
		}
	}
	return 0;
}
