/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Unitron bridge - Linux I/O for µITRON tasks: the request area shared
 * by a µITRON system and its proxy server (unitron-proxyd), the same
 * on both ports (seed 001's structure).
 *
 * The area is an array of slots; a µITRON task that makes a delegated
 * call owns one slot for the call (for as long as it keeps continuation
 * on).  A slot's state word moves IDLE -> REQUESTED (the task) -> BUSY
 * (the slot's proxy took it) -> DONE (the proxy: result and errno in)
 * -> IDLE (the task read them).  Each slot has one proxy process, a child
 * of the proxy server, which runs as an unprivileged user and resolves
 * every path inside the server's directory.
 */
#ifndef UNITRON_VIO_ABI_H
#define UNITRON_VIO_ABI_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define UNITRON_VIO_NSLOT_MAX	32
#define UNITRON_VIO_BUFSZ	8192	/* path, data, entry name */

enum unitron_vio_state {
	UNITRON_VIO_IDLE,
	UNITRON_VIO_REQUESTED,
	UNITRON_VIO_BUSY,
	UNITRON_VIO_DONE,
};

/* Calls: arguments in arg[], a path or data in buf. */
enum unitron_vio_op {
	UNITRON_VIO_NULL = 1,	/* nothing: the delegation's own cost */
	UNITRON_VIO_OPEN,	/* buf path, arg0 flags, arg1 mode */
	UNITRON_VIO_CLOSE,	/* arg0 fd */
	UNITRON_VIO_READ,	/* arg0 fd, arg1 count: data in buf */
	UNITRON_VIO_WRITE,	/* arg0 fd, len bytes of buf */
	UNITRON_VIO_PREAD,	/* arg0 fd, arg1 count, arg2 offset */
	UNITRON_VIO_PWRITE,	/* arg0 fd, len bytes, arg2 offset */
	UNITRON_VIO_LSEEK,	/* arg0 fd, arg1 offset, arg2 whence */
	UNITRON_VIO_STAT,	/* buf path: struct unitron_vio_stat in buf */
	UNITRON_VIO_FSTAT,	/* arg0 fd: the same */
	UNITRON_VIO_UNLINK,	/* buf path */
	UNITRON_VIO_MKDIR,	/* buf path, arg1 mode */
	UNITRON_VIO_READDIR,	/* arg0 fd of a directory: the next name in
				   buf, result its d_type, 0 at the end */
	UNITRON_VIO_NOPS
};

struct unitron_vio_stat {
	__u64	dev, ino, mode, nlink, uid, gid, rdev, size, blksize, blocks;
	__s64	atime_ns, mtime_ns, ctime_ns;
};

struct unitron_vio_slot {
	__u32	state;		/* enum unitron_vio_state (a futex word) */
	__u32	op;
	__u32	cont;		/* continuation: the proxy stays after it */
	__u32	len;		/* bytes in buf */
	__s64	arg[3];
	__s64	result;		/* the call's return value */
	__s32	err;		/* its errno when it failed */
	__u32	seq;		/* calls made in this slot */
	/* Posix port: */
	__u32	proxy_sleeps;	/* its proxy waits in futex() */
	__u32	proxy_cpu;	/* the CPU its proxy last polled on */
	__u32	itron_looks;	/* seq of the call the system polls for
				   (0: none): its DONE needs no telling */
	__u32	reserved;
	__u8	buf[UNITRON_VIO_BUFSZ];
};

struct unitron_vio_area {
	__u32	nslot;
	__u32	slot_size;	/* sizeof(struct unitron_vio_slot) */
	__u32	itron_cpu;	/* the system's CPU (posix: at the last post) */
	__u32	done_bytes;	/* posix: bytes the DONE pipe was given */
	__s32	bound_cpu;	/* the one CPU the system may run on, or -1:
				   the proxy server keeps off it */
	__u32	reserved;
	struct unitron_vio_slot slot[];
};

/*
 * Linux port: the proxy server opens the system's bridge device and
 *   ATTACH      becomes its proxy server (CAP_SYS_ADMIN; one at a time:
 *               EBUSY); returns the number of slots; mmap() of the
 *               device at offset 0 then maps the area;
 *   WAIT(slot)  a proxy waits until its slot is REQUESTED (EINTR on a
 *               signal);
 *   DONE(slot)  a proxy has put the slot in DONE: the task is woken.
 * When the server's file is closed, every call in progress ends with
 * EIO.  Posix port: ATTACH is a bridge call (UNITRON_BRG_VIO_ATTACH)
 * answered with the area's memfd and a pipe (SCM_RIGHTS); a proxy
 * waits on its state word with futex(); DONE is a write to the pipe.
 *
 * Continuation calls come in quick succession, and a wake-up costs more
 * than the call: after a call with continuation on, a proxy polls its
 * state word for a while before it waits (and says so in proxy_sleeps,
 * so that the posix side makes no futex() call for a polling proxy).
 * On the posix port the idle µITRON thread polls for a young call's DONE
 * when its proxy was polling (itron_looks); the proxy then writes
 * nothing to the pipe.  Neither polls on the other's CPU.
 */
#define UNITRON_IOC_VIO_ATTACH	_IO(0xb7, 17)
#define UNITRON_IOC_VIO_WAIT	_IO(0xb7, 18)
#define UNITRON_IOC_VIO_DONE	_IO(0xb7, 19)
#define UNITRON_BRG_VIO_ATTACH	0x7ffffffeU

#endif /* UNITRON_VIO_ABI_H */
