/*
 * Unitron posix port - command line and environment.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_impl.h"
#include "posix.h"

int	posix_argc;
char	**posix_argv;

static void usage(const char *prog, FILE *out)
{
	fprintf(out,
		"usage: %s [options] [-- application arguments]\n"
		"Runs this µITRON application (Unitron posix port).\n"
		"\n"
		"  --tick-ms=N   system tick period in ms (default 1;\n"
		"                environment UNITRON_TICK_MS)\n"
		"  --no-rt       do not try SCHED_FIFO and mlockall\n"
		"                (environment UNITRON_NO_RT=1)\n"
		"  --rtprio=N    SCHED_FIFO priority when permitted (default 80)\n"
		"  -h, --help    this help\n", prog);
}

static unsigned long parse_number(const char *prog, const char *what,
				  const char *text, unsigned long min,
				  unsigned long max)
{
	char *end;
	unsigned long value;

	errno = 0;
	value = strtoul(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || value < min ||
	    value > max) {
		fprintf(stderr, "%s: invalid %s '%s' (expected %lu..%lu)\n",
			prog, what, text, min, max);
		exit(2);
	}
	return value;
}

void posix_parse_options(int argc, char **argv,
			 struct posix_options *p_options)
{
	const char *prog = argc > 0 ? argv[0] : "unitron";
	const char *env;
	int i;

	p_options->tick_ms = 1U;
	p_options->realtime = TRUE;
	p_options->rtprio = 80;
	env = getenv("UNITRON_TICK_MS");
	if (env != NULL && *env != '\0')
		p_options->tick_ms = (UINT)parse_number(prog, "UNITRON_TICK_MS",
							env, 1, 1000);
	env = getenv("UNITRON_NO_RT");
	if (env != NULL && strcmp(env, "1") == 0)
		p_options->realtime = FALSE;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0) {
			i++;
			break;
		} else if (strncmp(arg, "--tick-ms=", 10) == 0) {
			p_options->tick_ms = (UINT)parse_number(prog,
					"tick period", arg + 10, 1, 1000);
		} else if (strcmp(arg, "--no-rt") == 0) {
			p_options->realtime = FALSE;
		} else if (strncmp(arg, "--rtprio=", 9) == 0) {
			p_options->rtprio = (int)parse_number(prog,
					"priority", arg + 9, 1, 99);
		} else if (strcmp(arg, "-h") == 0 ||
			   strcmp(arg, "--help") == 0) {
			usage(prog, stdout);
			exit(0);
		} else {
			fprintf(stderr, "%s: unknown option '%s'\n", prog, arg);
			usage(prog, stderr);
			exit(2);
		}
	}
	posix_argc = argc - i;
	posix_argv = argv + i;
}
