/*
 * Linux I/O delegation test (unitron_vio.h), on both ports: TAP from a
 * µITRON task; tests/host/vio.t (posix) and tests/vm/bridge (linux) run
 * it beside unitron-proxyd -d DIR, with DIR holding a FIFO "fifo" and a
 * symbolic link "link_out" to /etc/passwd, and a file "secret" beside
 * DIR.  NOTE_DTQ tells the script when to kill a proxy (1) or the
 * proxy server (2).
 */
#ifndef VIOTEST_H
#define VIOTEST_H

#define MAIN_PRI	5
#define RELEASER_PRI	4
#define HELPER_PRI	6
#define SPIN_PRI	12
#define BUSY_PRI	13
#define STK		8192
#define NPARALLEL	4

#ifndef _MACRO_ONLY
void	main_task(VP_INT exinf);
void	releaser_task(VP_INT exinf);
void	writer_task(VP_INT exinf);
void	spin_task(VP_INT exinf);
void	busy_task(VP_INT exinf);
void	parallel_task(VP_INT exinf);
#endif

#endif /* VIOTEST_H */
