/*
 * Linux I/O delegation test: TAP from µITRON tasks (see viotest.h).
 */
#include <kernel.h>
#include <t_syslog.h>
#include <unitron_bridge.h>
#include <unitron_vio.h>
#include "kernel_id.h"
#include "tap.h"
#include "viotest.h"

/* Linux's values (x86-64), without host headers, for both ports. */
#define O_RDONLY	0
#define O_WRONLY	1
#define O_RDWR		2
#define O_CREAT		0100
#define O_TRUNC		01000
#define O_DIRECTORY	0200000
#define SEEK_SET	0
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define ENOENT		2
#define EBADF		9
#define EEXIST		17
#define EISDIR		21
#define DT_REG		8

static volatile UINT spins;
static char long_path[UNITRON_VIO_BUFSZ + 1];

static BOOL same(const void *a, const char *b, UINT n)
{
	const char *p = a;
	UINT i;

	for (i = 0; i < n; i++)
		if (p[i] != b[i])
			return FALSE;
	return TRUE;
}

static BOOL fails_with(INT r, INT err)
{
	return r == -1 && vio_errno() == err;
}

static void wait_for_server(void)
{
	INT i;

	for (i = 0; i < 200 && vio_null() < 0 && vio_errno() == ENXIO; i++)
		(void)dly_tsk(50);
	tap_ok(vio_null() == 0, "a proxy server is attached (vio_null)");
}

static void t_files(void)
{
	char buf[64];
	T_VIO_STAT st;
	INT fd;

	tap_ok(fails_with(vio_open("nope", O_RDONLY, 0), ENOENT),
	       "open of a missing file: ENOENT, the real call's errno");
	vio_begin();
	fd = vio_open("log.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	tap_ok(fd >= 0, "open O_CREAT under continuation");
	tap_int(vio_write(fd, "hello\n", 6), 6, "write 6 bytes");
	tap_int(vio_close(fd), 0, "close");
	tap_int(vio_end(), 0, "vio_end");

	vio_begin();
	fd = vio_open("log.txt", O_RDONLY, 0);
	tap_int(vio_read(fd, buf, sizeof(buf)), 6, "read it back: 6 bytes");
	tap_ok(same(buf, "hello\n", 6), "... the bytes written");
	tap_int(vio_lseek(fd, 1, SEEK_SET), 1, "lseek");
	tap_ok(vio_read(fd, buf, 5) == 5 && same(buf, "ello\n", 5),
	       "read after lseek");
	tap_ok(vio_pread(fd, buf, 3, 2) == 3 && same(buf, "llo", 3), "pread");
	tap_ok(vio_fstat(fd, &st) == 0 && st.size == 6, "fstat: size 6");
	tap_ok(fails_with(vio_write(fd, "x", 1), EBADF),
	       "write on a read-only file: EBADF");
	tap_int(vio_close(fd), 0, "close");
	(void)vio_end();

	tap_ok(vio_stat("log.txt", &st) == 0 && st.size == 6 &&
	       (st.mode & 0170000) == 0100000, "stat: a 6-byte regular file");
	tap_ok(fails_with(vio_stat("nope", &st), ENOENT), "stat: ENOENT");
	fd = vio_open("log.txt", O_RDONLY, 0);
	tap_ok(fd >= 0 && fails_with(vio_read(fd, buf, 1), EBADF),
	       "one-shot: the file closes with its proxy");
	tap_ok(fails_with(vio_read(fd + 100, buf, 1), EBADF),
	       "a number never opened: EBADF");
	tap_ok(fails_with(vio_stat(NULL, &st), 14), "NULL path: EFAULT");
	tap_ok(fails_with(vio_stat("log.txt", NULL), 14), "NULL stat: EFAULT");
	long_path[sizeof(long_path) - 1] = '\0';
	for (fd = 0; fd < (INT)sizeof(long_path) - 1; fd++)
		long_path[fd] = 'a';
	tap_ok(fails_with(vio_open(long_path, O_RDONLY, 0), 36),
	       "a path longer than the buffer: ENAMETOOLONG");
	(void)dis_dsp();
	tap_ok(fails_with(vio_null(), 1), "dispatching disabled: EPERM");
	(void)ena_dsp();
}

static void t_dirs(void)
{
	char name[64];
	INT fd, type, found = 0, n = 0;

	tap_int(vio_mkdir("d", 0755), 0, "mkdir");
	tap_ok(fails_with(vio_mkdir("d", 0755), EEXIST), "mkdir again: EEXIST");
	vio_begin();
	fd = vio_open("d/f", O_WRONLY | O_CREAT, 0644);
	tap_ok(fd >= 0 && vio_close(fd) == 0, "a file in it");
	fd = vio_open("d", O_RDONLY | O_DIRECTORY, 0);
	while ((type = vio_readdir(fd, name, sizeof(name))) > 0 && n++ < 10)
		if (same(name, "f", 2))
			found = type;
	tap_ok(type == 0 && found == DT_REG,
	       "readdir lists it as a regular file, then ends");
	(void)vio_close(fd);
	(void)vio_end();
	tap_int(vio_unlink("d/f"), 0, "unlink");
	tap_ok(fails_with(vio_unlink("d"), EISDIR), "unlink a directory: EISDIR");
}

static void t_confined(void)
{
	char buf[16];
	INT fd;

	tap_ok(fails_with(vio_open("../secret", O_RDONLY, 0), ENOENT),
	       "\"../secret\" (beside the directory) is not reachable");
	tap_ok(fails_with(vio_open("/../../secret", O_RDONLY, 0), ENOENT),
	       "nor through an absolute path");
	tap_ok(fails_with(vio_open("link_out", O_RDONLY, 0), ENOENT),
	       "a symbolic link to /etc/passwd resolves inside");
	tap_ok(fails_with(vio_read(0, buf, 1), EBADF) &&
	       fails_with(vio_read(3, buf, 1), EBADF),
	       "the proxy's own files are not the task's");
	fd = vio_open("..", O_RDONLY | O_DIRECTORY, 0);
	tap_ok(fd >= 0, "\"..\" of the top is the top");
	tap_int(vio_mkdir("../made_by_task", 0755), 0,
		"mkdir \"../made_by_task\" lands inside");
}

void spin_task(VP_INT exinf)
{
	(void)exinf;
	for (;;) {
		spins++;
		(void)dly_tsk(1);
	}
}

void releaser_task(VP_INT exinf)
{
	(void)exinf;
	(void)dly_tsk(300);
	(void)rel_wai(MAIN_TASK);
}

void writer_task(VP_INT exinf)
{
	INT fd;

	(void)exinf;
	vio_begin();
	fd = vio_open("fifo", O_WRONLY, 0);
	(void)vio_write(fd, "w", 1);
	(void)vio_close(fd);
	(void)vio_end();
}

/* A call that waits in Linux: rel_wai ends it; tasks run meanwhile. */
static void t_release(void)
{
	char buf[4];
	INT fd;
	UINT before;

	(void)act_tsk(SPIN_TASK);
	vio_begin();
	fd = vio_open("fifo", O_RDWR, 0);
	tap_ok(fd >= 0, "open the FIFO (nothing in it)");
	before = spins;
	(void)act_tsk(RELEASER_TASK);
	tap_ok(fails_with(vio_read(fd, buf, 1), EINTR),
	       "rel_wai ends a delegated read waiting in Linux: EINTR");
	tap_ok(spins > before, "lower-priority tasks ran during the call");
	(void)act_tsk(WRITER_TASK);
	tap_int(vio_close(fd), 0,
		"the next call, once the abandoned read got its byte");
	(void)vio_end();
}

void parallel_task(VP_INT exinf)
{
	char path[] = "par0.txt", buf[8];
	INT i, fd, good = 0;

	path[3] = (char)('0' + (INT)exinf);
	for (i = 0; i < 20; i++) {
		vio_begin();
		fd = vio_open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
		if (vio_write(fd, path, 4) == 4 &&
		    vio_pread(fd, buf, 4, 0) == 4 && same(buf, path, 4))
			good++;
		(void)vio_close(fd);
		(void)vio_end();
	}
	tap_int(good, 20, "a task's 20 rounds of open/write/pread/close, "
		"beside three others");
	(void)sig_sem(DONE_SEM);
}

static void t_parallel(void)
{
	INT i;

	for (i = 0; i < NPARALLEL; i++)
		(void)act_tsk(PAR1 + i);
	for (i = 0; i < NPARALLEL; i++)
		(void)wai_sem(DONE_SEM);
}

static volatile BOOL busy_stop;
static volatile UINT busy_count;

void busy_task(VP_INT exinf)
{
	(void)exinf;
	while (!busy_stop)
		busy_count++;
}

/*
 * Calls while a lower-priority task keeps the CPU: the system does not
 * poll then, and every answer must come by signal (nothing lost).
 */
static void t_busy(void)
{
	INT i, good = 0;

	busy_stop = FALSE;
	(void)act_tsk(BUSY_TASK);
	vio_begin();
	for (i = 0; i < 2000; i++)
		good += vio_null() == 0;
	(void)vio_end();
	busy_stop = TRUE;
	tap_int(good, 2000, "2000 calls beside a task that never waits");
	tap_ok(busy_count > 0, "it ran while the calls were in Linux");
	tap_int(vio_null(), 0, "then a call with the CPU idle");
}

/* The script kills a proxy, then the proxy server, during a call. */
static void t_killed(void)
{
	char buf[4];
	INT fd;

	vio_begin();
	fd = vio_open("fifo", O_RDWR, 0);
	(void)snd_dtq(NOTE_DTQ, (VP_INT)1);
	tap_ok(fails_with(vio_read(fd, buf, 1), EIO),
	       "a proxy killed during a call: EIO");
	(void)vio_end();
	tap_int(vio_null(), 0, "a new proxy serves the next call");
	vio_begin();
	fd = vio_open("fifo", O_RDWR, 0);
	(void)snd_dtq(NOTE_DTQ, (VP_INT)2);
	tap_ok(fails_with(vio_read(fd, buf, 1), EIO),
	       "the proxy server killed during a call: EIO");
	tap_ok(fails_with(vio_null(), ENXIO), "then no server: ENXIO");
	(void)vio_end();
}

void main_task(VP_INT exinf)
{
	(void)exinf;
	wait_for_server();
	t_files();
	t_dirs();
	t_confined();
	t_release();
	t_parallel();
	t_busy();
	t_killed();
	tap_done();
}
