/*
 * Unitron configurator - TOPPERS/ASP's .cfg conventions, before the C
 * preprocessor:
 *
 *	unitron-cfg --expand [-I DIR]... FILE.cfg
 *
 * writes FILE.cfg to standard output with
 *
 *  - every INCLUDE("other.cfg"); replaced by that file's text (found
 *    beside the including file, then in the -I directories), itself
 *    expanded, between line markers, so messages still name the file
 *    and line each static API came from;
 *  - every #include of a header (a name ending in .h) followed by an
 *    INCLUDE of the same header, so that kernel_cfg.c includes it, as
 *    ASP's configurator copies a .cfg's #include lines there.
 *
 * INCLUDE("\"app.h\"") and INCLUDE("<app.h>"), TOPPERS/JSP's header
 * form, are left alone.  The output then goes through the preprocessor
 * and unitron-cfg as a JSP .cfg does (mk/app.mk, API=asp).
 */
#define _POSIX_C_SOURCE 200809L

#include "cfg.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXPAND_MAX_DEPTH	32

struct expander {
	const char	**dirs;		/* -I directories */
	int		ndirs;
	FILE		*out;
};

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* s starts with word w followed by a non-identifier character. */
static const char *skip_word(const char *s, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(s, w, n) != 0 || isalnum((unsigned char)s[n]) ||
	    s[n] == '_')
		return NULL;
	return s + n;
}

/*
 * INCLUDE("name"); with a plain name (not "\"h\"" or "<h>"): the name,
 * in a malloc'ed string, or NULL.
 */
static char *include_cfg_name(const char *line)
{
	const char *s = skip_space(line), *start;
	char *name;
	size_t n;

	if ((s = skip_word(s, "INCLUDE")) == NULL)
		return NULL;
	s = skip_space(s);
	if (*s++ != '(')
		return NULL;
	s = skip_space(s);
	if (*s++ != '"' || *s == '\\' || *s == '<' || *s == '"')
		return NULL;
	start = s;
	while (*s != '"' && *s != '\\' && *s != '\0' && *s != '\n')
		s++;
	if (*s != '"')
		return NULL;
	n = (size_t)(s - start);
	s = skip_space(s + 1);
	if (*s++ != ')')
		return NULL;
	s = skip_space(s);
	if (*s != ';')
		return NULL;
	name = malloc(n + 1);
	if (name != NULL) {
		memcpy(name, start, n);
		name[n] = '\0';
	}
	return name;
}

/*
 * #include "x.h" or #include <x.h>: the header as written, with its
 * quotes or brackets, or NULL.
 */
static char *include_header(const char *line)
{
	const char *s = skip_space(line), *start;
	char close;
	char *hdr;
	size_t n;

	if (*s++ != '#')
		return NULL;
	s = skip_space(s);
	if ((s = skip_word(s, "include")) == NULL)
		return NULL;
	s = skip_space(s);
	if (*s != '"' && *s != '<')
		return NULL;
	close = *s == '"' ? '"' : '>';
	start = s++;
	while (*s != close && *s != '\0' && *s != '\n')
		s++;
	if (*s != close)
		return NULL;
	n = (size_t)(s - start) + 1;
	if (n < 5 || strncmp(s - 2, ".h", 2) != 0)
		return NULL;
	hdr = malloc(n + 1);
	if (hdr != NULL) {
		memcpy(hdr, start, n);
		hdr[n] = '\0';
	}
	return hdr;
}

static char *path_join(const char *dir, size_t dirlen, const char *name)
{
	size_t n = strlen(name);
	char *p = malloc(dirlen + n + 2);

	if (p == NULL)
		return NULL;
	memcpy(p, dir, dirlen);
	p[dirlen] = '/';
	memcpy(p + dirlen + 1, name, n + 1);
	return p;
}

/* name beside the file from, then in the -I directories; NULL: none. */
static char *find_cfg(const struct expander *x, const char *from,
		      const char *name)
{
	const char *slash = strrchr(from, '/');
	char *p;
	int i;

	if (name[0] == '/')
		return access(name, R_OK) == 0 ? strdup(name) : NULL;
	p = slash != NULL ? path_join(from, (size_t)(slash - from), name) :
	    strdup(name);
	if (p != NULL && access(p, R_OK) == 0)
		return p;
	free(p);
	for (i = 0; i < x->ndirs; i++) {
		p = path_join(x->dirs[i], strlen(x->dirs[i]), name);
		if (p != NULL && access(p, R_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

/* A file name in a line marker: backslashes and quotes escaped. */
static void put_marker(FILE *out, unsigned long line, const char *file)
{
	fprintf(out, "# %lu \"", line);
	for (; *file != '\0'; file++) {
		if (*file == '"' || *file == '\\')
			fputc('\\', out);
		fputc(*file, out);
	}
	fputs("\"\n", out);
}

static int expand_file(struct expander *x, const char *path, int depth)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *name;
	unsigned long lineno = 0;
	size_t cap = 0;
	int rc = 0;

	if (f == NULL) {
		fprintf(stderr, "unitron-cfg: error: cannot open '%s': %s\n",
			path, strerror(errno));
		return -1;
	}
	put_marker(x->out, 1, path);
	while (rc == 0 && getline(&line, &cap, f) >= 0) {
		lineno++;
		if ((name = include_cfg_name(line)) != NULL) {
			char *found = find_cfg(x, path, name);

			if (found == NULL) {
				fprintf(stderr, "%s:%lu: error: INCLUDE: "
					"cannot find '%s'\n", path, lineno,
					name);
				rc = -1;
			} else if (depth >= EXPAND_MAX_DEPTH) {
				fprintf(stderr, "%s:%lu: error: INCLUDE: "
					"nested too deeply (a loop?)\n", path,
					lineno);
				rc = -1;
			} else {
				rc = expand_file(x, found, depth + 1);
				put_marker(x->out, lineno + 1, path);
			}
			free(found);
			free(name);
			continue;
		}
		fputs(line, x->out);
		if (strchr(line, '\n') == NULL)
			fputc('\n', x->out);
		if ((name = include_header(line)) != NULL) {
			fputs("INCLUDE(\"", x->out);
			for (const char *s = name; *s != '\0'; s++) {
				if (*s == '"' || *s == '\\')
					fputc('\\', x->out);
				fputc(*s, x->out);
			}
			fputs("\");\n", x->out);
			put_marker(x->out, lineno + 1, path);
			free(name);
		}
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "unitron-cfg: error: cannot read '%s': %s\n",
			path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

int expand_main(int argc, char **argv)
{
	struct expander x = { NULL, 0, stdout };
	const char *input = NULL;
	int i, rc;

	x.dirs = calloc((size_t)argc, sizeof(*x.dirs));
	if (x.dirs == NULL) {
		fprintf(stderr, "unitron-cfg: error: out of memory\n");
		return 1;
	}
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "-I") && i + 1 < argc) {
			x.dirs[x.ndirs++] = argv[++i];
		} else if (!strncmp(argv[i], "-I", 2) && argv[i][2] != '\0') {
			x.dirs[x.ndirs++] = argv[i] + 2;
		} else if (argv[i][0] != '-' && input == NULL) {
			input = argv[i];
		} else {
			fprintf(stderr, "unitron-cfg: error: --expand: "
				"unexpected '%s' (usage: unitron-cfg --expand "
				"[-I DIR]... FILE.cfg)\n", argv[i]);
			free(x.dirs);
			return 1;
		}
	}
	if (input == NULL) {
		fprintf(stderr, "unitron-cfg: error: --expand: no input file "
			"(usage: unitron-cfg --expand [-I DIR]... FILE.cfg)\n");
		free(x.dirs);
		return 1;
	}
	rc = expand_file(&x, input, 0);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "unitron-cfg: error: cannot write the output: "
			"%s\n", strerror(errno));
		rc = -1;
	}
	free(x.dirs);
	return rc == 0 ? 0 : 1;
}
