/*
 * viobench - delegated I/O, timed with vxget_tim (µs) over many calls;
 * prints "BENCH <name>_us <mean per operation>" lines.  Needs
 * unitron-proxyd serving a directory with "data" (DATA_SIZE bytes).
 */
#include <kernel.h>
#include <t_syslog.h>
#include <unitron_bridge.h>
#include <unitron_vio.h>
#include "kernel_id.h"
#include "viobench.h"

#define O_RDONLY	0
#define O_WRONLY	1
#define O_RDWR		2
#define O_CREAT		0100
#define SEEK_SET	0
#define ENXIO		6

#ifndef N
#define N		2000
#endif
#define DATA_SIZE	(8L * 1024 * 1024)
#define BIG_SIZE	(200L * 1024 * 1024)	/* "big", for cold runs */

static char buf[8192];

static SYSUTIM now(void)
{
	SYSUTIM t;

	(void)vxget_tim(&t);
	return t;
}

/* "BENCH <prefix><name>_us <mean>". */
static void report_as(const char *prefix, const char *name, SYSUTIM t0,
		      UINT n)
{
	SYSUTIM us = now() - t0;

	syslog(LOG_NOTICE, "BENCH %s%s_us %lu.%02lu", prefix, name, us / n,
	       (us % n) * 100 / n);
}

static void report(const char *name, SYSUTIM t0, UINT n)
{
	report_as("", name, t0, n);
}

static void null_calls(void)
{
	SYSUTIM t0, total = 0;
	UINT i;

	t0 = now();
	for (i = 0; i < N / 4; i++)
		(void)vio_null();
	report("null_oneshot", t0, N / 4);
	vio_begin();
	t0 = now();
	for (i = 0; i < N; i++)
		(void)vio_null();
	report("null_cont", t0, N);
	for (i = 0; i < N / 10; i++) {
		(void)dly_tsk(1);
		t0 = now();
		(void)vio_null();
		total += now() - t0;
	}
	syslog(LOG_NOTICE, "BENCH null_cont_pause_us %lu.%02lu",
	       total / (N / 10), (total % (N / 10)) * 100 / (N / 10));
	(void)vio_end();
}

/* Figure 6: each operation under continuation. */
static void file_calls(void)
{
	T_VIO_STAT st;
	SYSUTIM t0;
	UINT i;
	INT fd;

	vio_begin();
	t0 = now();
	for (i = 0; i < N; i++)
		(void)vio_stat("data", &st);
	report("stat", t0, N);
	t0 = now();
	for (i = 0; i < N; i++)
		(void)vio_close(vio_open("data", O_RDONLY, 0));
	report("open_close", t0, N);
	t0 = now();
	for (i = 0; i < N; i++) {
		fd = vio_open("data", O_RDONLY, 0);
		(void)vio_fstat(fd, &st);
		(void)vio_close(fd);
	}
	report("open_fstat_close", t0, N);
	t0 = now();
	for (i = 0; i < N; i++) {
		fd = vio_open("data", O_RDONLY, 0);
		(void)vio_lseek(fd, 4096, SEEK_SET);
		(void)vio_close(fd);
	}
	report("open_lseek_close", t0, N);
	t0 = now();
	for (i = 0; i < N; i++) {
		fd = vio_open("data", O_RDONLY, 0);
		(void)vio_read(fd, buf, 1024);
		(void)vio_close(fd);
	}
	report("open_read1k_close", t0, N);
	t0 = now();
	for (i = 0; i < N; i++) {
		fd = vio_open("out", O_WRONLY | O_CREAT, 0644);
		(void)vio_write(fd, buf, 1024);
		(void)vio_close(fd);
	}
	report("open_write1k_close", t0, N);
	(void)vio_end();
}

/*
 * Figures 7 and 8 with the page cache dropped before each run (when the
 * script can: it answers ACK_DTQ 1 after dropping, 0 if it cannot).
 */
static BOOL cache_dropped(void)
{
	VP_INT ack = 0;

	(void)snd_dtq(NOTE_DTQ, (VP_INT)1);
	(void)trcv_dtq(ACK_DTQ, &ack, 60000);
	return (INT)ack == 1;
}

/*
 * Figures 7 and 8: 1,000 reads and writes, sequential and random, in
 * file (size bytes); cold: the page cache dropped before each run
 * ("cold_" names; the runs end when it cannot be dropped).
 */
static void transfers(const char *file, long size, BOOL cold)
{
	static const UINT sizes[] = { 1024, 8192 };
	static const char *const names[2][4] = {
		{ "seqread1k", "randread1k", "seqwrite1k", "randwrite1k" },
		{ "seqread8k", "randread8k", "seqwrite8k", "randwrite8k" },
	};
	unsigned long x = cold ? 54321 : 12345;
	SYSUTIM t0;
	UINT s, i, k;
	INT fd;

	vio_begin();
	fd = vio_open(file, O_RDWR, 0);
	/* Warm: all of it in the page cache first. */
	for (i = 0; !cold && fd >= 0 && i < size / 8192; i++)
		(void)vio_pread(fd, buf, 8192, (long long)i * 8192);
	for (s = 0; fd >= 0 && s < 2; s++) {
		for (k = 0; k < 4; k++) {
			if (cold && !cache_dropped())
				goto out;
			t0 = now();
			for (i = 0; i < 1000; i++) {
				long long off = (long long)i * sizes[s];

				if (k == 1 || k == 3) {
					x = x * 1103515245UL + 12345UL;
					off = (long long)(x % (size /
						sizes[s])) * sizes[s];
				}
				if (k < 2)
					(void)vio_pread(fd, buf, sizes[s], off);
				else
					(void)vio_pwrite(fd, buf, sizes[s], off);
			}
			report_as(cold ? "cold_" : "", names[s][k], t0, 1000);
		}
	}
out:
	(void)vio_close(fd);
	(void)vio_end();
}

void par_task(VP_INT exinf)
{
	UINT i;

	(void)exinf;
	vio_begin();
	for (i = 0; i < N; i++)
		(void)vio_null();
	(void)vio_end();
	(void)sig_sem(PAR_SEM);
}

/* Figure 10: NPAR tasks' null calls at once, per call. */
static void parallel(void)
{
	SYSUTIM t0 = now();
	UINT i;

	for (i = 0; i < NPAR; i++)
		(void)act_tsk(PAR1 + (ID)i);
	for (i = 0; i < NPAR; i++)
		(void)wai_sem(PAR_SEM);
	report("null_cont_4tasks", t0, N * NPAR);
}

void main_task(VP_INT exinf)
{
	UINT i;

	(void)exinf;
	for (i = 0; i < 200 && vio_null() < 0 && vio_errno() == ENXIO; i++)
		(void)dly_tsk(50);
	null_calls();
	file_calls();
	transfers("data", DATA_SIZE, FALSE);
	parallel();
	transfers("big", BIG_SIZE, TRUE);
	(void)snd_dtq(NOTE_DTQ, (VP_INT)0);	/* no more cache drops */
	syslog(LOG_NOTICE, "BENCH done 1");
	(void)dly_tsk(100);	/* the bridge's workers answer the script */
	ext_ker();
}
