/*
 * Unitron configurator tests: run the expression evaluator (cfg/expr.c)
 * on each line of standard input and print what it made of it:
 *
 *	value TYPE VALUE	an integer constant (TYPE: int, uint, long,
 *				ulong, llong, ullong)
 *	unknown			valid, not evaluable by the configurator
 *	error MESSAGE		an error message
 *
 * tests/cfg/expr.t compares the values with what the C compiler
 * computes for the same expressions.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"

static const char *const types[] = {
	"int", "uint", "long", "ulong", "llong", "ullong"
};

static void one(const char *line, size_t len)
{
	cfg *c = calloc(1, sizeof(*c));
	char *msg = NULL;
	size_t msglen = 0;
	FILE *err = open_memstream(&msg, &msglen);
	ival v;
	int st;

	if (c == NULL || err == NULL)
		abort();
	c->name = "expr";
	c->err = err;
	if (setjmp(c->oom) != 0) {
		printf("error out of memory\n");
	} else {
		lex(c, line, len);
		if (c->nerrors == 0 && c->ntoks > 1) {
			st = expr_eval(c, c->toks, c->ntoks - 1, "X", "e", &v);
		} else {
			st = EV_ERROR;
		}
		fflush(err);
		if (st == EV_OK) {
			if (ival_is_neg(v))
				printf("value %s %lld\n", types[v.t],
				       (long long)v.v);
			else
				printf("value %s %llu\n", types[v.t],
				       (unsigned long long)v.v);
		} else if (st == EV_UNKNOWN) {
			printf("unknown\n");
		} else {
			msg[strcspn(msg, "\n")] = '\0';
			printf("error %s\n", msg);
		}
	}
	fclose(err);
	free(msg);
	cfg_free_all(c);
	free(c);
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		one(line, (size_t)n);
		fflush(stdout);
	}
	free(line);
	return 0;
}
