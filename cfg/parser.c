/*
 * Unitron configurator - the statement parser.
 *
 * The input is a sequence of static API calls, each
 *
 *	NAME ( arg , arg ... ) ;
 *
 * where an argument is a C expression or a "{ }" packet of expressions
 * separated by commas.  This file finds the calls and their arguments;
 * static_api.c checks them against each API's parameters.  Expressions
 * are only split here (on top-level commas, with brackets balanced);
 * expr.c parses them.
 *
 * After a syntax error the parser skips to the next ";" and goes on, so
 * one run reports the errors of several statements.
 */
#include "cfg.h"

#include <string.h>

int is_keyword(const char *s)
{
	static const char *const kw[] = {
		"auto", "break", "case", "char", "const", "continue",
		"default", "do", "double", "else", "enum", "extern", "float",
		"for", "goto", "if", "inline", "int", "long", "register",
		"restrict", "return", "short", "signed", "sizeof", "static",
		"struct", "switch", "typedef", "union", "unsigned", "void",
		"volatile", "while", "_Alignas", "_Alignof", "_Atomic",
		"_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
		"_Static_assert", "_Thread_local", "asm", "typeof",
		"__attribute__", "__asm__", "__typeof__", "__extension__",
		"__inline", "__inline__", "__restrict", "__restrict__",
	};
	size_t i;

	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (!strcmp(s, kw[i]))
			return 1;
	return 0;
}

/*
 * Skip what is not a static API call, starting at pos: up to and
 * including the next ";" outside brackets, or up to a "}" that closes
 * the brackets opened here (then a ";" right after it too).
 */
static size_t skip_junk(cfg *c, size_t pos)
{
	int d = 0;

	for (;;) {
		const token *t = &c->toks[pos];

		if (t->kind == TK_EOF)
			return pos;
		pos++;
		if (tok_is(t, "(") || tok_is(t, "[") || tok_is(t, "{")) {
			d++;
		} else if (tok_is(t, ")") || tok_is(t, "]") ||
			   tok_is(t, "}")) {
			if (d > 0 && --d == 0 && tok_is(t, "}")) {
				if (tok_is(&c->toks[pos], ";"))
					pos++;
				return pos;
			}
		} else if (tok_is(t, ";") && d == 0) {
			return pos;
		}
	}
}

static size_t not_a_call(cfg *c, size_t pos)
{
	const token *t = &c->toks[pos];

	if (t->bad)
		;	/* already reported */
	else if (tok_is(t, ";"))
		cfg_error_at(c, t, "syntax error: stray ';'");
	else if (t->kind == TK_IDENT)
		cfg_error_at(c, t, "syntax error: expected a static API call, "
			     "found '%s' (a C declaration or statement? hide "
			     "it from the configurator with "
			     "#ifndef _MACRO_ONLY)", cfg_show(c, t->text, 40));
	else
		cfg_error_at(c, t, "syntax error: expected a static API call, "
			     "found %s", cfg_show_tok(c, t));
	if (tok_is(t, ";"))
		return pos + 1;
	return skip_junk(c, pos);
}

/* The argument lists of one call, built up as it is read. */
typedef struct {
	arg		*args;
	size_t		nargs, capargs;
	span		*elems;
	size_t		nelems, capelems;
} call;

static void add_arg(cfg *c, call *k, const arg *a)
{
	k->args = cfg_grow(c, k->args, &k->capargs, k->nargs + 1,
			   sizeof(*k->args));
	k->args[k->nargs++] = *a;
}

static void add_elem(cfg *c, call *k, const token *t, size_t n)
{
	k->elems = cfg_grow(c, k->elems, &k->capelems, k->nelems + 1,
			    sizeof(*k->elems));
	k->elems[k->nelems].tok = t;
	k->elems[k->nelems].ntok = n;
	k->nelems++;
}

/* A call: pos at its name, which is followed by "(". */
static size_t parse_call(cfg *c, size_t pos)
{
	const token *name = &c->toks[pos];
	const token *toks = c->toks;
	char nest[CFG_MAX_NEST];
	size_t nnest = 0, i = pos + 2, start = pos + 2;
	int in_packet = 0, closed = 0, bad = name->bad;
	const token *popen = NULL;
	call k;
	arg a;

	memset(&k, 0, sizeof(k));
#define FAIL(t, ...)							\
	do {								\
		if (!bad)						\
			cfg_error_at(c, (t), __VA_ARGS__);		\
		goto fail;						\
	} while (0)

	for (;; i++) {
		const token *t = &toks[i];

		if (t->bad)
			bad = 1;
		if (t->kind == TK_EOF)
			FAIL(&toks[pos + 1], "%s: missing ')': the parameter "
			     "list is not closed", name->text);
		if (tok_is(t, ";"))
			FAIL(t, "%s: missing ')' before ';'", name->text);
		if (nnest > 0) {
			if (tok_is(t, "(") || tok_is(t, "[")) {
				if (nnest == CFG_MAX_NEST)
					FAIL(t, "%s: brackets nested too "
					     "deeply", name->text);
				nest[nnest++] = t->text[0];
			} else if (tok_is(t, ")") || tok_is(t, "]")) {
				if (nest[nnest - 1] !=
				    (t->text[0] == ')' ? '(' : '['))
					FAIL(t, "%s: unbalanced '%s'",
					     name->text, t->text);
				nnest--;
			} else if (tok_is(t, "}")) {
				FAIL(t, "%s: missing '%c' before '}'",
				     name->text, nest[nnest - 1] == '(' ?
				     ')' : ']');
			} else if (tok_is(t, "{")) {
				FAIL(t, "%s: unexpected '{' inside brackets",
				     name->text);
			}
			continue;
		}
		if (tok_is(t, "(") || tok_is(t, "[")) {
			if (closed)
				FAIL(t, "%s: expected ',' or ')' after '}', "
				     "found '%s'", name->text, t->text);
			nest[nnest++] = t->text[0];
		} else if (tok_is(t, "]")) {
			FAIL(t, "%s: unbalanced ']'", name->text);
		} else if (tok_is(t, ",")) {
			if (in_packet) {
				add_elem(c, &k, &toks[start], i - start);
			} else if (!closed) {
				memset(&a, 0, sizeof(a));
				a.open = &toks[start];
				a.expr.tok = &toks[start];
				a.expr.ntok = i - start;
				add_arg(c, &k, &a);
			}
			closed = 0;
			start = i + 1;
		} else if (tok_is(t, ")")) {
			if (in_packet)
				FAIL(t, "%s: missing '}' before ')'",
				     name->text);
			if (!closed && (i > start || k.nargs > 0)) {
				memset(&a, 0, sizeof(a));
				a.open = &toks[start];
				a.expr.tok = &toks[start];
				a.expr.ntok = i - start;
				add_arg(c, &k, &a);
			}
			break;
		} else if (tok_is(t, "{")) {
			if (in_packet)
				FAIL(t, "%s: unexpected '{' inside a '{ }' "
				     "packet", name->text);
			if (closed || i > start)
				FAIL(t, "%s: unexpected '{'", name->text);
			in_packet = 1;
			popen = t;
			k.nelems = 0;
			k.elems = NULL;
			k.capelems = 0;
			start = i + 1;
		} else if (tok_is(t, "}")) {
			if (!in_packet)
				FAIL(t, "%s: unbalanced '}'", name->text);
			/* "{ }" is an empty packet, "{ a, }" ends empty. */
			if (i > start || k.nelems > 0)
				add_elem(c, &k, &toks[start], i - start);
			memset(&a, 0, sizeof(a));
			a.packet = 1;
			a.open = popen;
			a.elems = k.elems;
			a.nelems = k.nelems;
			add_arg(c, &k, &a);
			in_packet = 0;
			closed = 1;
			start = i + 1;
		} else if (closed) {
			FAIL(t, "%s: expected ',' or ')' after '}', found %s",
			     name->text, cfg_show_tok(c, t));
		}
	}
#undef FAIL
	/* toks[i] is the closing ")". */
	if (!tok_is(&toks[i + 1], ";")) {
		if (!bad)
			cfg_error_at(c, &toks[i], "%s: missing ';' after ')'",
				     name->text);
		i++;
	} else {
		i += 2;
	}
	if (!bad)
		api_call(c, name, k.args, k.nargs);
	return i;

fail:
	/* Resume after the next ";". */
	while (toks[i].kind != TK_EOF && !tok_is(&toks[i], ";"))
		i++;
	if (toks[i].kind != TK_EOF)
		i++;
	return i;
}

void parse(cfg *c)
{
	size_t pos = 0;

	while (!c->stop && c->toks[pos].kind != TK_EOF) {
		if (c->toks[pos].kind == TK_IDENT &&
		    tok_is(&c->toks[pos + 1], "("))
			pos = parse_call(c, pos);
		else
			pos = not_a_call(c, pos);
	}
}
