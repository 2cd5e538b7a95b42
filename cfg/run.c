/*
 * Unitron configurator - one run, in memory.
 */
#include "cfg.h"

#include <stdlib.h>

/* The run itself; running out of memory comes back to the setjmp. */
static int run(cfg *c, const char *name, const char *buf, size_t len,
	       FILE *id_out, FILE *cfg_out)
{
	if (setjmp(c->oom) != 0)
		return -1;
	c->name = cfg_show(c, name, 0);
	lex(c, buf, len);
	if (!c->stop)
		parse(c);
	if (!c->stop)
		resolve(c);
	if (c->nerrors != 0)
		return 1;
	generate(c, id_out, cfg_out);
	return 0;
}

int cfg_run(const char *name, const char *buf, size_t len,
	    FILE *id_out, FILE *cfg_out, FILE *err)
{
	cfg *c;
	int rc;

	if (name == NULL)
		name = "<input>";
	c = calloc(1, sizeof(*c));
	if (c == NULL) {
		fprintf(err, "%s: error: out of memory\n", name);
		return 1;
	}
	c->name = name;
	c->err = err;
	rc = run(c, name, buf, len, id_out, cfg_out);
	if (rc < 0) {
		fprintf(err, "%s: error: out of memory\n", name);
		rc = 1;
	}
	cfg_free_all(c);
	free(c);
	return rc;
}
