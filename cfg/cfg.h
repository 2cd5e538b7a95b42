/*
 * Unitron configurator - shared definitions.
 *
 * The configurator reads an application's .cfg file after the C
 * preprocessor and writes kernel_id.h and kernel_cfg.c.  Everything runs
 * in memory through cfg_run(): main.c only reads the input and moves the
 * output into place, and the fuzz harness calls cfg_run() directly.
 *
 * One run owns one struct cfg.  All memory of a run comes from its arena
 * and is released at once at the end; running out of memory unwinds to
 * cfg_run() with longjmp.  There is no global state.
 */
#ifndef UNITRON_CFG_H
#define UNITRON_CFG_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Run the configurator over buf[0..len) (preprocessed .cfg text; need not
 * be NUL-terminated and may contain any bytes).  name is the input's name
 * for messages and for the generated files' header comment.  On success,
 * writes kernel_id.h to id_out and kernel_cfg.c to cfg_out and returns 0.
 * On error, writes "file:line: error: text" lines to err, writes nothing
 * to id_out and cfg_out, and returns 1.
 */
int	cfg_run(const char *name, const char *buf, size_t len,
		FILE *id_out, FILE *cfg_out, FILE *err);

/* unitron-cfg --expand: TOPPERS/ASP's INCLUDE of .cfg files (expand.c). */
int	expand_main(int argc, char **argv);

#define CFG_MAX_ERRORS	20	/* stop after this many errors */
#define CFG_MAX_NEST	64	/* brackets nested in one parameter */
#define CFG_MAX_DEPTH	512	/* expression parser recursion */

/* ---------------------------------------------------------------- memory */

struct arena_chunk;
struct hmap_slot;

/* A hash map from strings to pointers, in the arena. */
typedef struct {
	struct hmap_slot	*slots;
	size_t			cap;	/* power of two, or 0 */
	size_t			count;
} hmap;

/* -------------------------------------------------------------- tokens */

enum tok_kind {
	TK_EOF,
	TK_IDENT,
	TK_NUMBER,	/* a preprocessing number */
	TK_CHAR,	/* character constant, with prefix and quotes */
	TK_STRING,	/* string literal, with prefix and quotes */
	TK_PUNCT
};

typedef struct {
	enum tok_kind	kind;
	unsigned char	bad;	/* malformed: its error is already reported */
	const char	*text;	/* NUL-terminated spelling */
	size_t		len;
	const char	*file;	/* original file, from the line markers */
	unsigned long	line;
} token;

/* ------------------------------------------------------------- values */

/*
 * Integer values as the target's C compiler sees them (LP64: int 32
 * bits, long and long long 64 bits).  v holds the value converted to
 * 64 bits: sign-extended for signed types, zero-extended for unsigned.
 */
enum ival_type { IT_INT, IT_UINT, IT_LONG, IT_ULONG, IT_LLONG, IT_ULLONG };

typedef struct {
	uint64_t	v;
	int		t;	/* enum ival_type */
} ival;

/* Results of evaluating an expression. */
enum {
	EV_OK,		/* an integer constant: value known */
	EV_UNKNOWN,	/* valid, but not evaluable here */
	EV_ERROR	/* an error, already reported */
};

/* ------------------------------------------------------ static API data */

enum obj_kind {
	OK_TSK, OK_SEM, OK_FLG, OK_DTQ, OK_MBX, OK_MPF, OK_CYC, OK_MTX,
	OK_MBF, OK_ALM, OK_MPL, OK_POR, OK_PDQ,
	OK_TEX, OK_INH, OK_INT, OK_ISR, OK_EXC, OK_INI, OK_TER, OK_ICS, OK_OVR, OK_SVC,
	OK_MPK,		/* DEF_MPK: the kernel memory pool */
	OK_BRG,		/* VBRG_DTQ, VBRG_MBX: objects Linux may use */
	OK_INCLUDE,
	OK_NKINDS
};
#define OK_NIDKINDS	(OK_PDQ + 1)	/* kinds with ID numbers */

#define CFG_MAX_PARAMS	6	/* the largest packet (CRE_TSK) */

typedef struct {
	const token	*tok;		/* first token */
	size_t		ntok;
	const char	*text;		/* tokens joined by single spaces */
	int		st;		/* EV_* */
	ival		val;		/* when st == EV_OK */
} param;

typedef struct cfg_obj {
	enum obj_kind	kind;
	const char	*api;		/* "CRE_TSK" ... */
	const char	*label;		/* "CRE_TSK(TASK1)", for messages */
	const char	*name;		/* object name, or NULL */
	long		xid;		/* explicit ID, 0 if none */
	int		id;		/* assigned ID (1...) */
	const char	*file;
	unsigned long	line;
	param		first;		/* name / inhno / excno, if any */
	param		p[CFG_MAX_PARAMS];
	int		np;
	struct cfg_obj	*tex;		/* tasks: their DEF_TEX, or NULL */
	struct cfg_obj	*task;		/* DEF_TEX: its task, once resolved */
	struct cfg_obj	*target;	/* VBRG_*: its object, once resolved */
	char		*include;	/* INCLUDE: decoded header name */
} cfg_obj;

/* A growable array of object pointers. */
typedef struct {
	cfg_obj		**v;
	size_t		n, cap;
} objvec;

/* --------------------------------------------------------- a run's state */

typedef struct cfg {
	const char	*name;		/* input name */
	FILE		*err;
	jmp_buf		oom;		/* longjmp here when out of memory */
	struct arena_chunk *arena;
	int		nerrors;
	int		stop;		/* too many errors: give up */

	/* lexer output */
	token		*toks;
	size_t		ntoks, captoks;

	hmap		names;		/* object names and other keys */
	objvec		objs[OK_NKINDS];
	cfg_obj		**byid[OK_NIDKINDS];	/* objects in ID order */
	size_t		naid[OK_NKINDS];	/* IDs reserved by AID_* */
} cfg;

/* util.c */
void	*cfg_alloc(cfg *c, size_t size);
void	*cfg_grow(cfg *c, void *p, size_t *cap, size_t need, size_t elsize);
char	*cfg_strndup(cfg *c, const char *s, size_t n);
char	*cfg_strdup(cfg *c, const char *s);
char	*cfg_printf(cfg *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void	cfg_free_all(cfg *c);
void	cfg_error(cfg *c, const char *file, unsigned long line,
		  const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void	cfg_error_at(cfg *c, const token *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *cfg_show(cfg *c, const char *s, size_t max);
const char *cfg_show_tok(cfg *c, const token *t);
char	*cfg_c_string(cfg *c, const char *s);
char	*cfg_comment_safe(cfg *c, const char *s);
void	*hmap_get(const hmap *m, const char *key);
void	hmap_put(cfg *c, hmap *m, const char *key, void *val);
void	objvec_push(cfg *c, objvec *v, cfg_obj *o);

/* lexer.c */
void	lex(cfg *c, const char *buf, size_t len);
int	decode_string(cfg *c, const char *text, size_t len, char **out,
		      size_t *outlen, const char **errmsg);
int	tok_is(const token *t, const char *punct);

/* expr.c */
int	expr_eval(cfg *c, const token *t, size_t n, const char *label,
		  const char *pname, ival *out);
int	ival_is_neg(ival v);
int	ival_cmp(ival a, ival b);
int	ival_in_range(ival v, long long lo, unsigned long long hi);
const char *ival_str(cfg *c, ival v);
int	tokens_are_null(const token *t, size_t n);
int	is_kernel_constant(const char *s);

/* parser.c */
void	parse(cfg *c);
int	is_keyword(const char *s);

/*
 * A static API call as the parser hands it over: its arguments, each an
 * expression or a "{ }" packet of expressions.  An empty expression has
 * ntok == 0 and tok pointing at the token after where it would be.
 */
typedef struct {
	const token	*tok;
	size_t		ntok;
} span;

typedef struct {
	int		packet;		/* a "{ }" group */
	const token	*open;		/* its "{", or the expression's start */
	span		expr;		/* !packet */
	span		*elems;		/* packet: its expressions */
	size_t		nelems;
} arg;

/* static_api.c */
void	api_call(cfg *c, const token *name, arg *args, size_t nargs);
void	resolve(cfg *c);
void	api_assertions(cfg *c, const cfg_obj *o, FILE *out);
const char *kind_noun(enum obj_kind k);

/* generate.c */
void	generate(cfg *c, FILE *id_out, FILE *cfg_out);

#endif /* UNITRON_CFG_H */
