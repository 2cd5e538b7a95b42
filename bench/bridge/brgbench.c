/*
 * brgbench - a Linux process's round trip through the bridge against the
 * same exchange between two Linux processes.
 *
 *   brgbench bridge N   N x (snd IN_DTQ, rcv OUT_DTQ) with the echo task
 *                       of tests/bridge/app ($UNITRON_SYSTEM)
 *   brgbench socket N   N x (send, receive) of a call-sized packet with
 *                       a process that answers it at once, over a
 *                       SOCK_SEQPACKET socket pair (the posix transport's
 *                       kind of socket, without µITRON)
 *   brgbench pipe N     the same over two pipes
 *
 * Prints "BENCH <mode>_round_trip_us <mean>".
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unitron.h"
#include "unitron_brg_abi.h"

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static double bridge(long n)
{
	unitron_t *u = unitron_open(NULL);
	int in, out;
	intptr_t back;
	double t0;
	long i;

	if (!u) {
		perror("brgbench: unitron_open");
		exit(1);
	}
	in = unitron_object(u, "IN_DTQ");
	out = unitron_object(u, "OUT_DTQ");
	t0 = now_us();
	for (i = 0; i < n; i++)
		if (unitron_snd_dtq(u, in, i) != E_OK ||
		    unitron_rcv_dtq(u, out, &back) != E_OK || back != i + 1) {
			fprintf(stderr, "brgbench: round trip %ld failed\n", i);
			exit(1);
		}
	return (now_us() - t0) / n;
}

/* Round trips of a call-sized message over fds (to peer, from peer). */
static double exchange(int to, int from, int peer_in, int peer_out, long n)
{
	struct unitron_brg_call c = { 0 };
	pid_t pid = fork();
	double t0;
	long i;

	if (pid == 0) {
		close(to);
		close(from);
		while (read(peer_in, &c, sizeof(c)) == sizeof(c))
			if (write(peer_out, &c, sizeof(c)) != sizeof(c))
				break;
		_exit(0);
	}
	close(peer_in);
	close(peer_out);
	t0 = now_us();
	for (i = 0; i < n; i++) {
		c.data = i;
		if (write(to, &c, sizeof(c)) != sizeof(c) ||
		    read(from, &c, sizeof(c)) != sizeof(c)) {
			perror("brgbench: exchange");
			exit(1);
		}
	}
	t0 = (now_us() - t0) / n;
	close(to);
	close(from);
	waitpid(pid, NULL, 0);
	return t0;
}

int main(int argc, char **argv)
{
	long n = argc == 3 ? atol(argv[2]) : 0;
	int sv[2], p1[2], p2[2];
	double us;

	if (n <= 0) {
		fprintf(stderr, "usage: brgbench bridge|socket|pipe N\n");
		return 2;
	}
	if (!strcmp(argv[1], "bridge")) {
		us = bridge(n);
	} else if (!strcmp(argv[1], "socket") &&
		   socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == 0) {
		us = exchange(sv[0], sv[0], sv[1], sv[1], n);
	} else if (!strcmp(argv[1], "pipe") && pipe(p1) == 0 &&
		   pipe(p2) == 0) {
		us = exchange(p1[1], p2[0], p1[0], p2[1], n);
	} else {
		fprintf(stderr, "usage: brgbench bridge|socket|pipe N\n");
		return 2;
	}
	printf("BENCH %s_round_trip_us %.2f\n", argv[1], us);
	return 0;
}
