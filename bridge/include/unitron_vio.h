/*
 * Unitron bridge - Linux I/O for µITRON tasks.
 *
 * A task calls Linux's file system through these functions; a proxy
 * process of the proxy server (unitron-proxyd) makes the real call while
 * the task waits in a µITRON wait state (other tasks run; rel_wai ends
 * the wait).  The proxy runs as an unprivileged user, and every path is
 * resolved inside the server's directory: ".." and symbolic links stop
 * at its top.
 *
 * Like their POSIX namesakes, the calls return -1 on failure, the reason
 * in vio_errno() (per task; Linux errno values: <errno.h>, or
 * <linux/errno.h> in a module).  Besides the real call's errno:
 *	EINTR	rel_wai ended the wait (the call may still complete in
 *		Linux; its result is dropped)
 *	EIO	the proxy or the proxy server died during the call
 *	ENXIO	no proxy server is attached
 *	EBUSY	every slot is in use (VIO_NSLOT tasks already call)
 *	EPERM	called with dispatching disabled (from a handler, or
 *		with the CPU locked, a call just returns -1)
 *	EFAULT	a NULL pointer
 * Flags, modes and whence are Linux's (O_RDONLY ..., SEEK_SET ...).
 *
 * One-shot and continuation: by default each call gets a fresh proxy,
 * which ends after it (a file it opened is closed with it).  Between
 * vio_begin() and vio_end() the task keeps one proxy, and its open files.
 * read and write move at most UNITRON_VIO_BUFSZ (8192) bytes a call.
 */
#ifndef UNITRON_VIO_H
#define UNITRON_VIO_H

#include <kernel.h>
#include "unitron_vio_abi.h"

typedef struct unitron_vio_stat T_VIO_STAT;

INT	vio_open(const char *path, INT flags, INT mode);
INT	vio_close(INT fd);
INT	vio_read(INT fd, VP buf, UINT len);
INT	vio_write(INT fd, const void *buf, UINT len);
INT	vio_pread(INT fd, VP buf, UINT len, long long offset);
INT	vio_pwrite(INT fd, const void *buf, UINT len, long long offset);
long long vio_lseek(INT fd, long long offset, INT whence);
INT	vio_stat(const char *path, T_VIO_STAT *p_stat);
INT	vio_fstat(INT fd, T_VIO_STAT *p_stat);
INT	vio_unlink(const char *path);
INT	vio_mkdir(const char *path, INT mode);
/* The next name in directory fd (opened with O_DIRECTORY) into name:
 * its d_type (> 0), 0 at the end, -1 on failure. */
INT	vio_readdir(INT fd, char *name, UINT size);
/* A call that does nothing: what the delegation itself costs. */
INT	vio_null(void);

/* Continuation: keep this task's proxy (and its files) until vio_end(). */
void	vio_begin(void);
INT	vio_end(void);

INT	vio_errno(void);

#endif /* UNITRON_VIO_H */
