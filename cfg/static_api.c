/*
 * Unitron configurator - the static APIs: their parameters, the checks
 * made at configuration time, and the cross-references resolved once
 * the whole file is read (ID numbers, DEF_TEX to its task).
 */
#include "cfg.h"

#include <limits.h>
#include <string.h>

/* ---------------------------------------------------------------- tables */

enum check_kind {
	CK_NONE,
	CK_ATTR,	/* no bits outside mask */
	CK_RANGE,	/* lo <= v <= hi */
	CK_NONZERO,	/* 1 <= v <= hi, "must not be zero" for 0 */
	CK_LE,		/* v <= the parameter other (both evaluable) */
	CK_NEGATIVE	/* lo <= v <= -1 */
};

typedef struct {
	enum check_kind		kind;
	long long		lo;
	unsigned long long	hi;
	const char		*allowed;	/* CK_ATTR: the attribute names */
	int			other;		/* CK_LE */
	/*
	 * The condition for _Static_assert when the value is not evaluable
	 * here: '@' stands for the parameter, '$' for parameter other.
	 */
	const char		*assert;
	const char		*what;		/* what the assertion says */
} check;

typedef struct {
	const char	*name;		/* parameter name, for messages */
	int		ptr;		/* pointer-valued: not evaluated */
	check		ck;
	check		ck2;
} pdef;

struct api_def {
	const char	*name;
	enum obj_kind	kind;
	const char	*first;		/* the parameter before the packet */
	int		npk;
	pdef		pk[CFG_MAX_PARAMS];
	int		nopt;		/* the last nopt may be left out */
};

#define ATTR(mask, names) \
	{ CK_ATTR, 0, (mask), (names), 0, \
	  "((ATR)@ & ~(ATR)(" names ")) == 0", "invalid attribute" }
#define PTR(n)		{ (n), 1, { CK_NONE, 0, 0, 0, 0, 0, 0 }, \
			  { CK_NONE, 0, 0, 0, 0, 0, 0 } }
#define INT(n, ck)	{ (n), 0, ck, { CK_NONE, 0, 0, 0, 0, 0, 0 } }
#define RANGE(lo, hi, assert, what) \
	{ CK_RANGE, (lo), (hi), 0, 0, (assert), (what) }
#define NONZERO(hi, assert, what) \
	{ CK_NONZERO, 1, (hi), 0, 0, (assert), (what) }
#define NEGATIVE(lo, assert, what) \
	{ CK_NEGATIVE, (lo), 0, 0, 0, (assert), (what) }
#define LE(other, assert, what) \
	{ CK_LE, 0, 0, 0, (other), (assert), (what) }
#define INT2(n, ck, ck2) { (n), 0, ck, ck2 }
/* AID_*: first names the count of IDs; no packet. */
#define AID(api, k, n)	{ (api), (k), (n), 0, { PTR(NULL) }, 0 }
#define NOCHECK		{ CK_NONE, 0, 0, 0, 0, 0, 0 }
#define RELTIM_MAX	0x7fffffffULL	/* TMAX_RELTIM */
#define UINT_MAXV	0xffffffffULL
#define SIZE_MAXV	0x7fffffffffffffffULL	/* a sane size at most */
#define AID_MAX		65535	/* IDs AID_ reserves for one kind, in all */

static const struct api_def apis[] = {
	{ "CRE_TSK", OK_TSK, "name", 6, {
		INT("tskatr", ATTR(0x02, "TA_HLNG | TA_ACT")),
		PTR("exinf"),
		PTR("task"),
		INT("itskpri", RANGE(1, 16, "TMIN_TPRI <= @ && @ <= TMAX_TPRI",
				     "out of range (must be 1..16)")),
		INT("stksz", NONZERO(SIZE_MAXV, "@ > 0", "must not be zero")),
		PTR("stk"),
	}, 0 },
	{ "DEF_TEX", OK_TEX, "tskid", 2, {
		INT("texatr", ATTR(0, "TA_HLNG")),
		PTR("texrtn"),
	}, 0 },
	{ "CRE_SEM", OK_SEM, "name", 3, {
		INT("sematr", ATTR(0x01, "TA_TFIFO | TA_TPRI")),
		INT2("isemcnt", RANGE(0, 65535, NULL, NULL),
		     LE(2, "(UINT)@ <= (UINT)$", "exceeds maxsem")),
		INT("maxsem", RANGE(1, 65535, "1 <= @ && @ <= TMAX_MAXSEM",
				    "out of range (must be 1..65535)")),
	}, 0 },
	{ "CRE_FLG", OK_FLG, "name", 2, {
		INT("flgatr", ATTR(0x07, "TA_TFIFO | TA_TPRI | TA_WSGL | "
			     "TA_WMUL | TA_CLR")),
		INT("iflgptn", NOCHECK),
	}, 0 },
	{ "CRE_DTQ", OK_DTQ, "name", 3, {
		INT("dtqatr", ATTR(0x01, "TA_TFIFO | TA_TPRI")),
		INT("dtqcnt", RANGE(0, UINT_MAXV, NULL, NULL)),
		PTR("dtq"),
	}, 0 },
	/* TOPPERS/ASP: pdqmb must be NULL (the configurator allocates it). */
	{ "CRE_PDQ", OK_PDQ, "name", 4, {
		INT("pdqatr", ATTR(0x01, "TA_TFIFO | TA_TPRI")),
		INT("pdqcnt", RANGE(0, UINT_MAXV, NULL, NULL)),
		INT("maxdpri", RANGE(1, 16, "TMIN_DPRI <= @ && @ <= TMAX_DPRI",
				     "out of range (must be 1..16)")),
		PTR("pdqmb"),
	}, 0 },
	{ "CRE_MBX", OK_MBX, "name", 3, {
		INT("mbxatr", ATTR(0x03, "TA_TFIFO | TA_TPRI | TA_MFIFO | "
			     "TA_MPRI")),
		INT("maxmpri", RANGE(1, 16, "TMIN_MPRI <= @ && @ <= TMAX_MPRI",
				     "out of range (must be 1..16)")),
		PTR("mprihd"),
	}, 0 },
	/* mpfmb: TOPPERS/ASP's management area, NULL (cfg allocates it). */
	{ "CRE_MPF", OK_MPF, "name", 5, {
		INT("mpfatr", ATTR(0x01, "TA_TFIFO | TA_TPRI")),
		INT("blkcnt", NONZERO(UINT_MAXV, "@ > 0", "must not be zero")),
		INT("blksz", NONZERO(SIZE_MAXV, "@ > 0", "must not be zero")),
		PTR("mpf"),
		PTR("mpfmb"),
	}, 1 },
	{ "CRE_CYC", OK_CYC, "name", 5, {
		INT("cycatr", ATTR(0x06, "TA_HLNG | TA_STA | TA_PHS")),
		PTR("exinf"),
		PTR("cychdr"),
		INT("cyctim", NONZERO(RELTIM_MAX, "0 < @ && @ <= TMAX_RELTIM",
				      "out of range (must be "
				      "1..TMAX_RELTIM)")),
		INT("cycphs", RANGE(0, RELTIM_MAX, "@ <= TMAX_RELTIM",
				    "out of range (must be 0..TMAX_RELTIM)")),
	}, 0 },
	{ "CRE_MTX", OK_MTX, "name", 2, {
		INT("mtxatr", ATTR(0x03, "TA_TFIFO | TA_TPRI | TA_INHERIT | "
			     "TA_CEILING")),
		INT("ceilpri", RANGE(1, 16, "TMIN_TPRI <= @ && @ <= TMAX_TPRI",
				     "out of range (must be 1..16)")),
	}, 0 },
	{ "CRE_MBF", OK_MBF, "name", 4, {
		INT("mbfatr", ATTR(0x01, "TA_TFIFO | TA_TPRI")),
		INT("maxmsz", NONZERO(UINT_MAXV, "@ > 0", "must not be zero")),
		INT("mbfsz", RANGE(0, SIZE_MAXV, NULL, NULL)),
		PTR("mbf"),
	}, 0 },
	{ "CRE_MPL", OK_MPL, "name", 3, {
		INT("mplatr", ATTR(0x01, "TA_TFIFO | TA_TPRI")),
		INT("mplsz", NONZERO(SIZE_MAXV, "@ > 0", "must not be zero")),
		PTR("mpl"),
	}, 0 },
	{ "CRE_POR", OK_POR, "name", 3, {
		INT("poratr", ATTR(0x01, "TA_TFIFO | TA_TPRI")),
		INT("maxcmsz", RANGE(0, UINT_MAXV, NULL, NULL)),
		INT("maxrmsz", RANGE(0, UINT_MAXV, NULL, NULL)),
	}, 0 },
	{ "CRE_ALM", OK_ALM, "name", 3, {
		INT("almatr", ATTR(0, "TA_HLNG")),
		PTR("exinf"),
		PTR("almhdr"),
	}, 0 },
	{ "DEF_INH", OK_INH, "inhno", 2, {
		INT("inhatr", ATTR(0, "TA_HLNG")),
		PTR("inthdr"),
	}, 0 },
	{ "CFG_INT", OK_INT, "intno", 2, {
		INT("intatr", ATTR(0x03, "TA_ENAINT | TA_EDGE")),
		INT("intpri", NEGATIVE(-15, "TMIN_INTPRI <= @ && @ <= TMAX_INTPRI",
				       "out of range (must be -15..-1)")),
	}, 0 },
	/* isrpri: TOPPERS/ASP's order among one interrupt's ISRs. */
	{ "ATT_ISR", OK_ISR, NULL, 5, {
		INT("isratr", ATTR(0, "TA_HLNG")),
		PTR("exinf"),
		INT("intno", NOCHECK),
		PTR("isr"),
		INT("isrpri", RANGE(1, 16, "1 <= @ && @ <= 16",
				    "out of range (must be 1..16)")),
	}, 1 },
	{ "DEF_EXC", OK_EXC, "excno", 2, {
		INT("excatr", ATTR(0, "TA_HLNG")),
		PTR("exchdr"),
	}, 0 },
	{ "ATT_INI", OK_INI, NULL, 3, {
		INT("iniatr", ATTR(0, "TA_HLNG")),
		PTR("exinf"),
		PTR("inirtn"),
	}, 0 },
	{ "VATT_TER", OK_TER, NULL, 3, {
		INT("teratr", ATTR(0, "TA_HLNG")),
		PTR("exinf"),
		PTR("terrtn"),
	}, 0 },
	{ "ATT_TER", OK_TER, NULL, 3, {		/* TOPPERS/ASP's name */
		INT("teratr", ATTR(0, "TA_HLNG")),
		PTR("exinf"),
		PTR("terrtn"),
	}, 0 },
	{ "DEF_SVC", OK_SVC, "fncd", 2, {
		INT("svcatr", ATTR(0, "TA_HLNG")),
		PTR("svcrtn"),
	}, 0 },
	{ "DEF_OVR", OK_OVR, NULL, 2, {
		INT("ovratr", ATTR(0, "TA_HLNG")),
		PTR("ovrhdr"),
	}, 0 },
	/* TOPPERS/ASP's interrupt stack: the port's own; checked, unused. */
	{ "DEF_ICS", OK_ICS, NULL, 2, {
		INT("istksz", NONZERO(SIZE_MAXV, "@ > 0", "must not be zero")),
		PTR("istk"),
	}, 0 },
	/* TOPPERS/ASP3's kernel memory pool, for cre_* at run time. */
	{ "DEF_MPK", OK_MPK, NULL, 2, {
		INT("mpksz", NONZERO(SIZE_MAXV, "@ > 0", "must not be zero")),
		PTR("mpk"),
	}, 0 },
	/* TOPPERS/ASP3: IDs reserved for cre_* and acre_* at run time. */
	AID("AID_TSK", OK_TSK, "notsk"),
	AID("AID_SEM", OK_SEM, "nosem"),
	AID("AID_FLG", OK_FLG, "noflg"),
	AID("AID_DTQ", OK_DTQ, "nodtq"),
	AID("AID_MBX", OK_MBX, "nombx"),
	AID("AID_MPF", OK_MPF, "nompf"),
	AID("AID_CYC", OK_CYC, "nocyc"),
	AID("AID_MTX", OK_MTX, "nomtx"),
	AID("AID_MBF", OK_MBF, "nombf"),
	AID("AID_ALM", OK_ALM, "noalm"),
	AID("AID_MPL", OK_MPL, "nompl"),
	AID("AID_POR", OK_POR, "nopor"),
	AID("AID_PDQ", OK_PDQ, "nopdq"),
	AID("AID_ISR", OK_ISR, "noisr"),	/* only cre_isr has ISR IDs */
	{ "VBRG_DTQ", OK_BRG, "dtqid", 0, { PTR(NULL) }, 0 },
	{ "VBRG_MBX", OK_BRG, "mbxid", 0, { PTR(NULL) }, 0 },
	{ "INCLUDE", OK_INCLUDE, NULL, 0, { PTR(NULL) }, 0 },
};

static const struct api_def *api_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++)
		if (!strcmp(apis[i].name, name))
			return &apis[i];
	return NULL;
}

const char *kind_noun(enum obj_kind k)
{
	static const char *const nouns[OK_NKINDS] = {
		"task", "semaphore", "eventflag", "data queue", "mailbox",
		"fixed-sized memory pool", "cyclic handler", "mutex",
		"message buffer", "alarm handler",
		"variable-size memory pool", "rendezvous port",
		"priority data queue",
		"task exception routine", "interrupt handler", "interrupt",
		"interrupt service routine", "CPU exception handler",
		"initialization routine", "termination routine",
		"interrupt stack", "overrun handler",
		"extended service call", "kernel memory pool",
		"bridge object",
		"include",
	};

	return nouns[k];
}

/* ------------------------------------------------------------ helpers */

/*
 * The tokens t[0..n) as text: separated by single spaces, except inside
 * brackets and before commas, where no two tokens can run together.
 */
static int space_between(const token *a, const token *b)
{
	if (tok_is(a, "(") || tok_is(a, "["))
		return 0;
	if (tok_is(b, ")") || tok_is(b, "]") || tok_is(b, ","))
		return 0;
	if (tok_is(b, "(") && a->kind == TK_IDENT)
		return 0;
	return 1;
}

static char *join(cfg *c, const token *t, size_t n)
{
	size_t len = 0, i;
	char *s, *o;

	for (i = 0; i < n; i++)
		len += t[i].len + 1;
	s = o = cfg_alloc(c, len + 1);
	for (i = 0; i < n; i++) {
		if (i > 0 && space_between(&t[i - 1], &t[i]))
			*o++ = ' ';
		memcpy(o, t[i].text, t[i].len);
		o += t[i].len;
	}
	*o = '\0';
	return s;
}

/* The packet's parameter names, for messages: "{ a, b, c }". */
static const char *packet_names(cfg *c, const struct api_def *d)
{
	const char *s = "{ ";
	int i;

	for (i = 0; i < d->npk; i++)
		s = cfg_printf(c, "%s%s%s", s, i > 0 ? ", " : "",
			       d->pk[i].name);
	return cfg_printf(c, "%s }", s);
}

static void fill_param(cfg *c, param *p, const span *sp, const char *label,
		       const char *pname)
{
	p->tok = sp->tok;
	p->ntok = sp->ntok;
	p->text = join(c, sp->tok, sp->ntok);
	p->st = expr_eval(c, sp->tok, sp->ntok, label, pname, &p->val);
}

/* Run one check on parameter i of o (value known or not). */
static void run_check(cfg *c, cfg_obj *o, const struct api_def *d, int i,
		      const check *ck)
{
	const pdef *pd = &d->pk[i];
	param *p = &o->p[i];
	const token *at = p->tok;

	if (p->st != EV_OK)
		return;		/* unknown: asserted in the output */
	switch (ck->kind) {
	case CK_ATTR: {
		/* As an ATR (32 bits) when it fits, as the kernel sees it. */
		uint64_t v = p->val.v;

		if (ival_in_range(p->val, INT32_MIN, UINT32_MAX))
			v &= 0xffffffffU;
		if ((v & ~(uint64_t)ck->hi) != 0)
			cfg_error_at(c, at, "%s: '%s' has invalid attribute "
				     "bits 0x%llx (allowed: %s)", o->label,
				     pd->name, (unsigned long long)
				     (v & ~(uint64_t)ck->hi), ck->allowed);
		break;
	}
	case CK_NONZERO:
		if (p->val.v == 0) {
			cfg_error_at(c, at, "%s: '%s' must not be zero",
				     o->label, pd->name);
			break;
		}
		/* fall through */
	case CK_RANGE:
		if (!ival_in_range(p->val, ck->lo, ck->hi))
			cfg_error_at(c, at, "%s: '%s' out of range: %s (must "
				     "be %lld..%llu)", o->label, pd->name,
				     ival_str(c, p->val), ck->lo, ck->hi);
		break;
	case CK_NEGATIVE:
		if (!ival_in_range(p->val, ck->lo, 0) ||
		    ival_in_range(p->val, 0, 0))
			cfg_error_at(c, at, "%s: '%s' out of range: %s (must "
				     "be %lld..-1)", o->label, pd->name,
				     ival_str(c, p->val), ck->lo);
		break;
	case CK_LE:
		if (o->p[ck->other].st == EV_OK &&
		    ival_cmp(p->val, o->p[ck->other].val) > 0 &&
		    ival_in_range(o->p[ck->other].val, 1, 65535))
			cfg_error_at(c, at, "%s: '%s' (%s) exceeds '%s' (%s)",
				     o->label, pd->name, ival_str(c, p->val),
				     d->pk[ck->other].name,
				     ival_str(c, o->p[ck->other].val));
		break;
	case CK_NONE:
		break;
	}
}

/* ------------------------------------------------------------ INCLUDE */

static void do_include(cfg *c, const token *name, arg *args, size_t nargs)
{
	const char *usage = "INCLUDE: the parameter must be a string literal "
			    "naming a header, e.g. INCLUDE(\"\\\"app.h\\\"\") "
			    "or INCLUDE(\"<app.h>\")";
	char *hdr, *key;
	size_t i, n;
	cfg_obj *o;

	if (nargs != 1 || args[0].packet || args[0].expr.ntok == 0) {
		cfg_error_at(c, nargs > 1 ? args[1].open : name, "%s", usage);
		return;
	}
	for (i = 0, n = 0; i < args[0].expr.ntok; i++)
		n += args[0].expr.tok[i].len;
	hdr = cfg_alloc(c, n + 1);
	for (i = 0; i < args[0].expr.ntok; i++) {
		const token *t = &args[0].expr.tok[i];
		const char *errmsg;
		size_t len;
		char *s;

		if (t->kind != TK_STRING || t->text[0] != '"') {
			cfg_error_at(c, t, "%s", usage);
			return;
		}
		if (decode_string(c, t->text, t->len, &s, &len,
				  &errmsg) != 0) {
			cfg_error_at(c, t, "INCLUDE: %s in string literal",
				     errmsg);
			return;
		}
		if (strlen(s) != len) {
			cfg_error_at(c, t, "INCLUDE: null character in header "
				     "name");
			return;
		}
		strcat(hdr, s);
	}
	n = strlen(hdr);
	if (n < 3 ||
	    !((hdr[0] == '"' && hdr[n - 1] == '"' &&
	       strcspn(hdr + 1, "\"\n") == n - 2) ||
	      (hdr[0] == '<' && hdr[n - 1] == '>' &&
	       strcspn(hdr + 1, ">\n") == n - 2))) {
		cfg_error_at(c, args[0].expr.tok, "INCLUDE: '%s' is not a "
			     "header name: write INCLUDE(\"\\\"app.h\\\"\") "
			     "or INCLUDE(\"<app.h>\")", cfg_show(c, hdr, 60));
		return;
	}
	key = cfg_printf(c, "#include:%s", hdr);
	if (hmap_get(&c->names, key) != NULL)
		return;			/* emitted once */
	o = cfg_alloc(c, sizeof(*o));
	o->kind = OK_INCLUDE;
	o->api = "INCLUDE";
	o->label = "INCLUDE";
	o->file = name->file;
	o->line = name->line;
	o->include = hdr;
	hmap_put(c, &c->names, key, o);
	objvec_push(c, &c->objs[OK_INCLUDE], o);
}

/* ---------------------------------------------------- VBRG_DTQ/MBX */

/* VBRG_DTQ(name), VBRG_MBX(name): one object name, no packet. */
static void bridge_call(cfg *c, const struct api_def *d, const token *name,
			arg *args, size_t nargs)
{
	const token *t;
	const char *key;
	cfg_obj *o, *prev;

	if (nargs != 1 || args[0].packet || args[0].expr.ntok != 1 ||
	    args[0].expr.tok->kind != TK_IDENT) {
		cfg_error_at(c, nargs > 0 ? args[0].open : name, "%s: expected "
			     "the name of a %s: %s(NAME)", d->name,
			     d->name[5] == 'D' ? "data queue" : "mailbox",
			     d->name);
		return;
	}
	t = args[0].expr.tok;
	key = cfg_printf(c, "#brg:%s", t->text);
	prev = hmap_get(&c->names, key);
	if (prev != NULL) {
		cfg_error_at(c, t, "%s: '%s' is already bridged (at %s:%lu)",
			     d->name, t->text, prev->file, prev->line);
		return;
	}
	o = cfg_alloc(c, sizeof(*o));
	o->kind = OK_BRG;
	o->api = d->name;
	o->label = cfg_printf(c, "%s(%s)", d->name, t->text);
	o->file = name->file;
	o->line = name->line;
	fill_param(c, &o->first, &args[0].expr, d->name, d->first);
	hmap_put(c, &c->names, key, o);
	objvec_push(c, &c->objs[OK_BRG], o);
}

/* --------------------------------------------------------------- AID_* */

/* AID_XXX(noxxx): noxxx more IDs of d->kind, for cre_* and acre_*. */
static void reserve_ids(cfg *c, const struct api_def *d, const token *name,
			arg *args, size_t nargs)
{
	param p;

	if (nargs > 1) {
		cfg_error_at(c, args[1].open, "%s: too many parameters "
			     "(expected %s)", d->name, d->first);
		return;
	}
	if (nargs == 0 || (!args[0].packet && args[0].expr.ntok == 0)) {
		cfg_error_at(c, nargs > 0 ? args[0].open : name, "%s: missing "
			     "parameter '%s'", d->name, d->first);
		return;
	}
	if (args[0].packet) {
		cfg_error_at(c, args[0].open, "%s: '%s' must not be enclosed "
			     "in '{ }'", d->name, d->first);
		return;
	}
	fill_param(c, &p, &args[0].expr, d->name, d->first);
	if (p.st == EV_ERROR)
		return;
	if (p.st != EV_OK) {
		cfg_error_at(c, p.tok, "%s: '%s' must be an integer constant "
			     "(it sizes the tables), not '%s'", d->name,
			     d->first, cfg_show(c, p.text, 40));
		return;
	}
	if (!ival_in_range(p.val, 0, AID_MAX)) {
		cfg_error_at(c, p.tok, "%s: '%s' out of range: %s (must be "
			     "0..%d)", d->name, d->first, ival_str(c, p.val),
			     AID_MAX);
		return;
	}
	if (c->naid[d->kind] + p.val.v > AID_MAX) {
		cfg_error_at(c, p.tok, "%s: %zu %s IDs reserved in all (at "
			     "most %d)", d->name, c->naid[d->kind] +
			     (size_t)p.val.v, kind_noun(d->kind), AID_MAX);
		return;
	}
	c->naid[d->kind] += (size_t)p.val.v;
}

/* ------------------------------------------------------- one API call */

/* The first parameter of CRE_*: a name or an explicit ID. */
static int object_name(cfg *c, cfg_obj *o, const struct api_def *d)
{
	param *f = &o->first;
	cfg_obj *prev;
	char *key;

	if (f->ntok == 1 && f->tok->kind == TK_IDENT) {
		if (is_keyword(f->text)) {
			cfg_error_at(c, f->tok, "%s: '%s' is a C keyword, not "
				     "an object name", d->name, f->text);
			return 0;
		}
		if (is_kernel_constant(f->text) ||
		    !strcmp(f->text, "NULL") ||
		    !strcmp(f->text, "KERNEL_ID_H") ||
		    !strncmp(f->text, "TNUM_", 5) ||
		    !strncmp(f->text, "TMIN_", 5) ||
		    !strncmp(f->text, "TMAX_", 5) ||
		    !strncmp(f->text, "_kernel_", 8)) {
			cfg_error_at(c, f->tok, "%s: '%s' is reserved for the "
				     "kernel, not an object name", d->name,
				     f->text);
			return 0;
		}
		prev = hmap_get(&c->names, f->text);
		if (prev != NULL) {
			if (prev->kind == o->kind)
				cfg_error_at(c, f->tok, "%s: duplicate %s name "
					     "'%s' (first defined at %s:%lu)",
					     d->name, kind_noun(o->kind),
					     f->text, prev->file, prev->line);
			else
				cfg_error_at(c, f->tok, "%s: name '%s' is "
					     "already used for a %s (defined "
					     "at %s:%lu)", d->name, f->text,
					     kind_noun(prev->kind), prev->file,
					     prev->line);
			return 0;
		}
		o->name = f->text;
		hmap_put(c, &c->names, f->text, o);
		return 1;
	}
	if (f->st == EV_ERROR)
		return 0;
	if (f->st != EV_OK) {
		cfg_error_at(c, f->tok, "%s: the object name must be an "
			     "identifier or an integer ID, not '%s'", d->name,
			     cfg_show(c, f->text, 40));
		return 0;
	}
	if (!ival_in_range(f->val, 1, INT_MAX)) {
		cfg_error_at(c, f->tok, "%s: ID %s out of range (IDs start "
			     "at 1)", d->name, ival_str(c, f->val));
		return 0;
	}
	o->xid = (long)f->val.v;
	key = cfg_printf(c, "#id:%d:%ld", (int)o->kind, o->xid);
	prev = hmap_get(&c->names, key);
	if (prev != NULL) {
		cfg_error_at(c, f->tok, "%s: %s ID %ld is already used (at "
			     "%s:%lu)", d->name, kind_noun(o->kind), o->xid,
			     prev->file, prev->line);
		return 0;
	}
	hmap_put(c, &c->names, key, o);
	return 1;
}

/* DEF_INH / DEF_EXC: one handler per number (when comparable). */
static int handler_number(cfg *c, cfg_obj *o, const struct api_def *d)
{
	param *f = &o->first;
	const char *key, *shown;
	cfg_obj *prev;

	if (f->st == EV_ERROR)
		return 0;
	if (f->st == EV_OK) {
		shown = ival_str(c, f->val);
		key = cfg_printf(c, "#%s:v:%s", d->name, shown);
	} else {
		shown = cfg_show(c, f->text, 40);
		key = cfg_printf(c, "#%s:t:%s", d->name, f->text);
	}
	prev = hmap_get(&c->names, key);
	if (prev != NULL) {
		cfg_error_at(c, f->tok, "%s: %s number %s is already defined "
			     "(at %s:%lu)", d->name, kind_noun(o->kind), shown,
			     prev->file, prev->line);
		return 0;
	}
	hmap_put(c, &c->names, key, o);
	return 1;
}

void api_call(cfg *c, const token *name, arg *args, size_t nargs)
{
	const struct api_def *d = api_find(name->text);
	int o_np = d != NULL ? d->npk : 0;
	size_t npos, pk, i;
	cfg_obj *o;
	arg *packet;

	if (d == NULL) {
		cfg_error_at(c, name, "unknown static API '%s'", name->text);
		return;
	}
	if (d->kind == OK_INCLUDE) {
		do_include(c, name, args, nargs);
		return;
	}

	if (d->kind == OK_BRG) {
		bridge_call(c, d, name, args, nargs);
		return;
	}
	if (d->npk == 0) {
		reserve_ids(c, d, name, args, nargs);
		return;
	}

	/* Match the arguments with the parameters. */
	npos = d->first != NULL ? 2 : 1;
	pk = npos - 1;
	if (d->first != NULL && nargs > 0 && args[0].packet) {
		cfg_error_at(c, args[0].open, "%s: missing parameter '%s' "
			     "before '{'", d->name, d->first);
		goto broken;
	}
	if (nargs > pk && !args[pk].packet && args[pk].expr.ntok == 0 &&
	    nargs == npos) {
		cfg_error_at(c, args[pk].open, "%s: missing parameters %s",
			     d->name, packet_names(c, d));
		goto broken;
	}
	if (nargs > pk && !args[pk].packet) {
		cfg_error_at(c, args[pk].open, "%s: parameters %s must be "
			     "enclosed in '{ }'", d->name,
			     packet_names(c, d));
		goto broken;
	}
	if (nargs < npos) {
		if (nargs == 0 && d->first != NULL)
			cfg_error_at(c, name, "%s: missing parameter '%s'",
				     d->name, d->first);
		else
			cfg_error_at(c, name, "%s: missing parameters %s",
				     d->name, packet_names(c, d));
		goto broken;
	}
	if (nargs > npos) {
		cfg_error_at(c, args[npos].open, "%s: too many parameters "
			     "(expected %s%s)", d->name,
			     d->first != NULL ? d->first : "",
			     d->first != NULL ? ", { ... }" : "{ ... }");
		goto broken;
	}
	packet = &args[pk];
	if (packet->nelems == (size_t)d->npk + 1 &&
	    packet->elems[d->npk].ntok == 0) {
		cfg_error_at(c, packet->elems[d->npk].tok, "%s: unexpected "
			     "',' before '}'", d->name);
		goto broken;
	}
	if (packet->nelems + (size_t)d->nopt >= (size_t)d->npk &&
	    packet->nelems < (size_t)d->npk)
		o_np = (int)packet->nelems;	/* optional ones left out */
	if (packet->nelems > (size_t)d->npk) {
		cfg_error_at(c, packet->elems[d->npk].tok, "%s: too many "
			     "parameters (expected %d in %s)", d->name, d->npk,
			     packet_names(c, d));
		goto broken;
	}
	if (packet->nelems < (size_t)o_np) {
		cfg_error_at(c, packet->open, "%s: missing parameter '%s'",
			     d->name, d->pk[packet->nelems].name);
		goto broken;
	}
	if (d->first != NULL && args[0].expr.ntok == 0) {
		cfg_error_at(c, args[0].open, "%s: parameter '%s' is empty",
			     d->name, d->first);
		goto broken;
	}
	for (i = 0; i < packet->nelems; i++) {
		if (packet->elems[i].ntok == 0) {
			cfg_error_at(c, packet->elems[i].tok, "%s: parameter "
				     "'%s' is empty", d->name, d->pk[i].name);
			goto broken;
		}
	}

	o = cfg_alloc(c, sizeof(*o));
	o->kind = d->kind;
	o->api = d->name;
	o->file = name->file;
	o->line = name->line;
	o->np = o_np;
	if (d->first != NULL) {
		o->label = cfg_printf(c, "%s(%s)", d->name, cfg_show(c,
				      join(c, args[0].expr.tok,
					   args[0].expr.ntok), 40));
		fill_param(c, &o->first, &args[0].expr, d->name, d->first);
	} else {
		o->label = d->name;
	}
	for (i = 0; i < (size_t)o_np; i++) {
		fill_param(c, &o->p[i], &packet->elems[i], o->label,
			   d->pk[i].name);
	}

	/* The first parameter. */
	if (d->kind < OK_NIDKINDS) {
		object_name(c, o, d);
	} else if (d->kind == OK_INH || d->kind == OK_INT ||
		   d->kind == OK_EXC || d->kind == OK_SVC) {
		if (d->kind == OK_SVC && o->first.st == EV_OK &&
		    !ival_in_range(o->first.val, 1, INT_MAX))
			cfg_error_at(c, o->first.tok, "DEF_SVC: function code "
				     "%s out of range (must be positive)",
				     ival_str(c, o->first.val));
		handler_number(c, o, d);
	} else if (d->kind == OK_TEX) {
		param *f = &o->first;

		if (f->st == EV_UNKNOWN &&
		    !(f->ntok == 1 && f->tok->kind == TK_IDENT))
			cfg_error_at(c, f->tok, "%s: 'tskid' must be a task "
				     "name or ID, not '%s'", d->name,
				     cfg_show(c, f->text, 40));
	}

	/* Values checked now. */
	for (i = 0; i < (size_t)o_np; i++) {
		if (d->pk[i].ptr)
			continue;
		run_check(c, o, d, (int)i, &d->pk[i].ck);
		run_check(c, o, d, (int)i, &d->pk[i].ck2);
	}
	if ((d->kind == OK_OVR || d->kind == OK_MPK) &&
	    c->objs[d->kind].n > 0)
		cfg_error_at(c, name, "%s: the %s is already defined (at "
			     "%s:%lu)", d->name, kind_noun(d->kind),
			     c->objs[d->kind].v[0]->file,
			     c->objs[d->kind].v[0]->line);
	if (d->kind == OK_PDQ && !tokens_are_null(o->p[3].tok, o->p[3].ntok))
		cfg_error_at(c, o->p[3].tok, "%s: 'pdqmb' must be NULL (the "
			     "configurator allocates the queue)", o->label);
	if (d->kind == OK_MPF && o->np == 5 &&
	    !tokens_are_null(o->p[4].tok, o->p[4].ntok))
		cfg_error_at(c, o->p[4].tok, "%s: 'mpfmb' must be NULL (the "
			     "configurator allocates the management area)",
			     o->label);
	objvec_push(c, &c->objs[d->kind], o);
	return;

broken:
	/*
	 * Remember the name of an object whose creation was wrong, so that
	 * what refers to it is not reported as well.
	 */
	if (d->first != NULL && nargs > 0 && !args[0].packet &&
	    args[0].expr.ntok == 1 && args[0].expr.tok->kind == TK_IDENT)
		hmap_put(c, &c->names, cfg_printf(c, "#seen:%s",
			 args[0].expr.tok->text), c);
}

/* ---------------------------------------------------- after the file */

/* Assign ID numbers: explicit ones first, names fill the gaps. */
static void assign_ids(cfg *c, enum obj_kind k)
{
	objvec *v = &c->objs[k];
	cfg_obj **byid = cfg_alloc(c, (v->n + 1) * sizeof(*byid));
	size_t i, next = 0;

	for (i = 0; i < v->n; i++) {
		cfg_obj *o = v->v[i];

		if (o->xid == 0)
			continue;
		if ((unsigned long)o->xid > v->n) {
			cfg_error(c, o->first.tok->file, o->first.tok->line,
				  "%s: ID %ld out of range: IDs must be "
				  "contiguous from 1, and there %s only %zu "
				  "%s%s", o->api, o->xid, v->n == 1 ? "is" :
				  "are", v->n, kind_noun(k),
				  v->n == 1 ? "" : k == OK_MBX ? "es" : "s");
			continue;
		}
		byid[o->xid - 1] = o;
		o->id = (int)o->xid;
	}
	for (i = 0; i < v->n; i++) {
		cfg_obj *o = v->v[i];

		if (o->xid != 0)
			continue;
		while (next < v->n && byid[next] != NULL)
			next++;
		if (next == v->n)
			break;		/* only after an error above */
		byid[next] = o;
		o->id = (int)(next + 1);
	}
	c->byid[k] = byid;
}

static void resolve_tex(cfg *c, cfg_obj *x)
{
	param *f = &x->first;
	cfg_obj *t = NULL;

	if (f->ntok == 1 && f->tok->kind == TK_IDENT) {
		t = hmap_get(&c->names, f->text);
		if (t == NULL) {
			if (hmap_get(&c->names, cfg_printf(c, "#seen:%s",
						f->text)) == NULL)
				cfg_error_at(c, f->tok, "DEF_TEX: task '%s' is "
					     "not defined (no CRE_TSK for it)",
					     f->text);
			return;
		}
		if (t->kind != OK_TSK) {
			cfg_error_at(c, f->tok, "DEF_TEX: '%s' is not a task "
				     "(it is a %s, defined at %s:%lu)",
				     f->text, kind_noun(t->kind), t->file,
				     t->line);
			return;
		}
	} else if (f->st == EV_OK) {
		if (!ival_in_range(f->val, 1, c->objs[OK_TSK].n) ||
		    (t = c->byid[OK_TSK][f->val.v - 1]) == NULL) {
			cfg_error_at(c, f->tok, "DEF_TEX: there is no task "
				     "with ID %s", ival_str(c, f->val));
			return;
		}
	} else {
		return;		/* reported already */
	}
	if (t->tex != NULL) {
		cfg_error_at(c, f->tok, "DEF_TEX: the task exception routine "
			     "of %s is already defined (at %s:%lu)",
			     t->name != NULL ? t->name :
			     cfg_printf(c, "task %d", t->id),
			     t->tex->file, t->tex->line);
		return;
	}
	t->tex = x;
	x->task = t;
}

/* A VBRG_* names a data queue (mailbox) the file creates. */
static void resolve_brg(cfg *c, cfg_obj *b)
{
	enum obj_kind want = b->api[5] == 'D' ? OK_DTQ : OK_MBX;
	const param *f = &b->first;
	cfg_obj *t = hmap_get(&c->names, f->text);

	if (t == NULL || t->kind != want) {
		if (hmap_get(&c->names, cfg_printf(c, "#seen:%s", f->text)))
			return;		/* its CRE_ was reported */
		if (t == NULL)
			cfg_error_at(c, f->tok, "%s: '%s' is not defined (no "
				     "%s for it)", b->label, f->text,
				     want == OK_DTQ ? "CRE_DTQ" : "CRE_MBX");
		else
			cfg_error_at(c, f->tok, "%s: '%s' is a %s (defined "
				     "at %s:%lu), not a %s", b->label, f->text,
				     kind_noun(t->kind), t->file, t->line,
				     kind_noun(want));
		return;
	}
	b->target = t;
}

/* The bridge's own objects come with its header (bridge/bridge.cfg). */
static void check_bridge_configured(cfg *c)
{
	const objvec *v = &c->objs[OK_BRG];

	if (v->n > 0 && hmap_get(&c->names,
				 "#include:<unitron_bridge.h>") == NULL)
		cfg_error(c, v->v[0]->file, v->v[0]->line, "%s: the bridge "
			  "is not configured: include "
			  "\"@(SRCDIR)/bridge/bridge.cfg\" first",
			  v->v[0]->label);
}

void resolve(cfg *c)
{
	size_t i;
	int k;

	for (k = 0; k < OK_NIDKINDS; k++)
		assign_ids(c, (enum obj_kind)k);
	for (i = 0; i < c->objs[OK_TEX].n && !c->stop; i++)
		resolve_tex(c, c->objs[OK_TEX].v[i]);
	for (i = 0; i < c->objs[OK_BRG].n && !c->stop; i++)
		resolve_brg(c, c->objs[OK_BRG].v[i]);
	check_bridge_configured(c);
}

/* cond with '@' replaced by (a) and '$' by (b). */
static char *subst(cfg *c, const char *cond, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), n = 0;
	const char *s;
	char *out, *o;

	for (s = cond; *s != '\0'; s++)
		n += *s == '@' ? la + 2 : *s == '$' ? lb + 2 : 1;
	out = o = cfg_alloc(c, n + 1);
	for (s = cond; *s != '\0'; s++) {
		const char *r = *s == '@' ? a : *s == '$' ? b : NULL;

		if (r == NULL) {
			*o++ = *s;
			continue;
		}
		*o++ = '(';
		memcpy(o, r, strlen(r));
		o += strlen(r);
		*o++ = ')';
	}
	*o = '\0';
	return out;
}

/*
 * The checks left to the C compiler for o: a _Static_assert for each
 * check whose value could not be evaluated here (pointers aside).
 */
void api_assertions(cfg *c, const cfg_obj *o, FILE *out)
{
	const struct api_def *d = api_find(o->api);
	int i, j;

	if (d == NULL)
		return;
	for (i = 0; i < o->np; i++) {
		const pdef *pd = &d->pk[i];

		if (pd->ptr)
			continue;
		for (j = 0; j < 2; j++) {
			const check *ck = j == 0 ? &pd->ck : &pd->ck2;
			const char *what;

			if (ck->kind == CK_NONE || ck->assert == NULL)
				continue;
			if (o->p[i].st == EV_OK &&
			    (ck->kind != CK_LE ||
			     o->p[ck->other].st == EV_OK))
				continue;
			what = ck->kind == CK_ATTR ?
			       cfg_printf(c, "%s has invalid attribute bits "
					  "(allowed: %s)", pd->name,
					  ck->allowed) :
			       cfg_printf(c, "%s %s", pd->name, ck->what);
			fprintf(out, "_Static_assert(%s,\n\t\"%s\");\n",
				subst(c, ck->assert, o->p[i].text,
				      ck->kind == CK_LE ?
				      o->p[ck->other].text : ""),
				cfg_c_string(c, cfg_printf(c, "%s:%lu: %s: %s",
					     o->p[i].tok->file,
					     o->p[i].tok->line, o->label,
					     what)));
		}
	}
}
