/*
 * Unitron configurator - libFuzzer harness.
 *
 * Runs the whole configurator (lexer, parser, checks, generator) on the
 * fuzz input, in memory.  Output and messages go to /dev/null: what is
 * looked for is crashes, out-of-bounds accesses, undefined behaviour,
 * leaks and hangs, which the sanitizers and libFuzzer report.
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined cfg/fuzz/fuzz_cfg.c \
 *		cfg/{run,util,lexer,expr,parser,static_api,generate}.c
 *
 * cfg/fuzz/run.sh does that and runs it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../cfg.h"

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	sink = fopen("/dev/null", "w");
	if (sink == NULL)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Pass the bytes as they are: no NUL terminator is promised. */
	cfg_run("fuzz.cfg", (const char *)data, size, sink, sink, sink);
	return 0;
}
