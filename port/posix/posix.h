/*
 * Unitron posix port - internals shared by the port's host-side files.
 */
#ifndef UNITRON_POSIX_H
#define UNITRON_POSIX_H

struct posix_options {
	UINT	tick_ms;	/* tick period, ms */
	BOOL	realtime;	/* try SCHED_FIFO + mlockall */
	int	rtprio;		/* SCHED_FIFO priority */
};

void	posix_parse_options(int argc, char **argv,
			    struct posix_options *p_options);
void	posix_console_initialize(void);
void	posix_console_restore(void);

extern int	posix_exit_status;	/* exit status of ext_ker() */
extern BOOL	posix_realtime;		/* running SCHED_FIFO */
extern BOOL	posix_memlocked;	/* memory locked */
extern int	posix_argc;		/* arguments after "--" */
extern char	**posix_argv;

#endif /* UNITRON_POSIX_H */
