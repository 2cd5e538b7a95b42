/*
 * logger - a µITRON task that serves Linux processes over the bridge and
 * logs every request to a Linux file (Linux I/O through a proxy).
 */
#ifndef LOGGER_H
#define LOGGER_H

#define SERVER_PRIORITY	8
#define STACK_SIZE	8192
#define LOG_FILE	"requests.log"

#ifndef _MACRO_ONLY
void	server_task(VP_INT exinf);
#endif

#endif /* LOGGER_H */
