/*
 * Unitron configurator - the command.
 *
 *	unitron-cfg [-o OUTDIR] [--kernel-id FILE] [--kernel-cfg FILE] INPUT
 *
 * Reads INPUT (an application's .cfg after the C preprocessor; "-" is
 * standard input) and writes kernel_id.h and kernel_cfg.c.  The outputs
 * are written to temporary files beside their destinations and renamed
 * into place only when everything succeeded, so an error leaves the old
 * files (or none) behind, never half-written ones.
 */
#define _POSIX_C_SOURCE 200809L

#include "cfg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *prog = "unitron-cfg";

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [-o OUTDIR] [--kernel-id FILE] [--kernel-cfg FILE] "
		"INPUT\n"
		"\n"
		"Generate kernel_id.h and kernel_cfg.c from INPUT, a µITRON "
		"application\n"
		"configuration file (.cfg) already run through the C "
		"preprocessor\n"
		"(e.g. gcc -E -x c -D_MACRO_ONLY app.cfg > app.i).  "
		"INPUT \"-\" is\n"
		"standard input.\n"
		"\n"
		"  -o OUTDIR          write the files into OUTDIR (default: .)\n"
		"  --kernel-id FILE   write kernel_id.h as FILE\n"
		"  --kernel-cfg FILE  write kernel_cfg.c as FILE\n"
		"  -h, --help         show this help\n"
		"\n"
		"       %s --expand [-I DIR]... FILE.cfg\n"
		"\n"
		"Write FILE.cfg with TOPPERS/ASP's INCLUDE(\"other.cfg\") "
		"replaced by that file\n"
		"and an INCLUDE after each #include of a header, for the "
		"preprocessor.\n"
		"\n"
		"Errors are reported as FILE:LINE: error: TEXT, with the "
		"original .cfg\n"
		"file and line; the exit status is then 1 and no file is "
		"written.\n", prog, prog);
}

static char *read_all(FILE *f, size_t *lenp)
{
	size_t len = 0, cap = 65536, n;
	char *buf = malloc(cap), *nb;

	if (buf == NULL)
		return NULL;
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			if (cap > SIZE_MAX / 2 ||
			    (nb = realloc(buf, cap * 2)) == NULL) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (ferror(f)) {
		free(buf);
		return NULL;
	}
	*lenp = len;
	return buf;
}

/* An output file being written: path and its temporary sibling. */
typedef struct {
	const char	*path;
	char		*tmp;
	FILE		*f;
} output;

static int out_open(output *o, const char *path, mode_t mode)
{
	size_t n = strlen(path);
	int fd;

	o->path = path;
	o->f = NULL;
	o->tmp = malloc(n + sizeof(".tmpXXXXXX"));
	if (o->tmp == NULL) {
		fprintf(stderr, "%s: error: out of memory\n", prog);
		return -1;
	}
	memcpy(o->tmp, path, n);
	memcpy(o->tmp + n, ".tmpXXXXXX", sizeof(".tmpXXXXXX"));
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		fprintf(stderr, "%s: error: cannot write '%s': %s\n", prog,
			path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	(void)fchmod(fd, mode);
	o->f = fdopen(fd, "w");
	if (o->f == NULL) {
		fprintf(stderr, "%s: error: cannot write '%s': %s\n", prog,
			path, strerror(errno));
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

/* Close; returns 0 if everything reached the file. */
static int out_close(output *o)
{
	int err = 0;

	if (o->f == NULL)
		return 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		err = errno != 0 ? errno : EIO;
	if (fclose(o->f) != 0 && err == 0)
		err = errno;
	o->f = NULL;
	if (err != 0) {
		fprintf(stderr, "%s: error: cannot write '%s': %s\n", prog,
			o->path, strerror(err));
		return -1;
	}
	return 0;
}

static void out_discard(output *o)
{
	if (o->f != NULL) {
		fclose(o->f);
		o->f = NULL;
	}
	if (o->tmp != NULL) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}

static int out_commit(output *o)
{
	if (rename(o->tmp, o->path) != 0) {
		fprintf(stderr, "%s: error: cannot write '%s': %s\n", prog,
			o->path, strerror(errno));
		return -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

static char *join_path(const char *dir, const char *file)
{
	size_t n = strlen(dir), m = strlen(file);
	char *p = malloc(n + m + 2);

	if (p == NULL)
		return NULL;
	memcpy(p, dir, n);
	p[n] = '/';
	memcpy(p + n + 1, file, m + 1);
	return p;
}

/* The option's value: "--opt VALUE" or "--opt=VALUE". */
static const char *opt_value(int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);
	const char *a = argv[*i];

	if (strncmp(a, opt, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "%s: error: option '%s' needs a value\n",
			prog, opt);
		exit(1);
	}
	return argv[++*i];
}

int main(int argc, char **argv)
{
	const char *outdir = ".", *id_file = NULL, *cfg_file = NULL;
	const char *input = NULL, *v;
	char *id_path = NULL, *cfg_path = NULL, *buf;
	output id_out = { 0 }, cfg_out = { 0 };
	int i, only_args = 0, rc;
	size_t len;
	mode_t mask;
	FILE *in;

	if (argc > 1 && !strcmp(argv[1], "--expand"))
		return expand_main(argc, argv);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (only_args || a[0] != '-' || a[1] == '\0') {
			if (input != NULL) {
				fprintf(stderr, "%s: error: more than one "
					"input file\n", prog);
				usage(stderr);
				return 1;
			}
			input = a;
		} else if (!strcmp(a, "--")) {
			only_args = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "-o")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "%s: error: option '-o' needs "
					"a value\n", prog);
				return 1;
			}
			outdir = argv[++i];
		} else if (!strncmp(a, "-o", 2)) {
			outdir = a + 2;
		} else if ((v = opt_value(argc, argv, &i, "--kernel-id"))) {
			id_file = v;
		} else if ((v = opt_value(argc, argv, &i, "--kernel-cfg"))) {
			cfg_file = v;
		} else {
			fprintf(stderr, "%s: error: unknown option '%s'\n",
				prog, a);
			usage(stderr);
			return 1;
		}
	}
	if (input == NULL) {
		fprintf(stderr, "%s: error: no input file\n", prog);
		usage(stderr);
		return 1;
	}

	if (!strcmp(input, "-")) {
		in = stdin;
		input = "<stdin>";
	} else if ((in = fopen(input, "rb")) == NULL) {
		fprintf(stderr, "%s: error: cannot open '%s': %s\n", prog,
			input, strerror(errno));
		return 1;
	}
	buf = read_all(in, &len);
	if (buf == NULL) {
		fprintf(stderr, "%s: error: cannot read '%s': %s\n", prog,
			input, strerror(errno));
		if (in != stdin)
			fclose(in);
		return 1;
	}
	if (in != stdin)
		fclose(in);

	id_path = id_file != NULL ? strdup(id_file) :
		  join_path(outdir, "kernel_id.h");
	cfg_path = cfg_file != NULL ? strdup(cfg_file) :
		   join_path(outdir, "kernel_cfg.c");
	if (id_path == NULL || cfg_path == NULL) {
		fprintf(stderr, "%s: error: out of memory\n", prog);
		rc = 1;
		goto out;
	}
	if (!strcmp(id_path, cfg_path)) {
		fprintf(stderr, "%s: error: kernel_id.h and kernel_cfg.c would "
			"both be '%s'\n", prog, id_path);
		rc = 1;
		goto out;
	}
	mask = umask(0);
	umask(mask);
	if (out_open(&id_out, id_path, 0666 & ~mask) != 0 ||
	    out_open(&cfg_out, cfg_path, 0666 & ~mask) != 0) {
		rc = 1;
		goto out;
	}

	rc = cfg_run(input, buf, len, id_out.f, cfg_out.f, stderr);

	if (rc == 0 && (out_close(&id_out) != 0 || out_close(&cfg_out) != 0))
		rc = 1;
	if (rc == 0 && out_commit(&cfg_out) == 0) {
		if (out_commit(&id_out) != 0) {
			unlink(cfg_path);	/* both or neither */
			rc = 1;
		}
	} else {
		rc = 1;
	}
out:
	out_discard(&id_out);
	out_discard(&cfg_out);
	free(id_path);
	free(cfg_path);
	free(buf);
	return rc;
}
