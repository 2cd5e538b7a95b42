/*
 * libunitron's cluster side (cluster.c): objects of other nodes, through
 * their nodes' unitron-netd on TIPC.  Private to libunitron.
 */
#ifndef UNITRON_CLUSTER_H
#define UNITRON_CLUSTER_H

#include <linux/tipc.h>
#include <stdbool.h>
#include <stddef.h>

#include "unitron.h"
#include "unitron_net_abi.h"

/* An object of the cluster, as a handle knows it. */
struct cluster_object {
	char			name[UNITRON_NET_NAME_MAX + 1];	/* as asked */
	int			kind;
	struct tipc_socket_addr	port;	/* its daemon's socket */
	int			fd;	/* connection to it, or -1 */
};

/* Whether this node has TIPC (its module loaded): else no cluster. */
bool		cluster_present(void);
/* name's object: E_OK, E_NOEXS, or E_OBJ when it is not one object. */
unitron_er	cluster_lookup(const char *name, struct cluster_object *o);
/* One bridge call on it; the bridge's error codes, E_DLT for its loss. */
unitron_er	cluster_call(struct cluster_object *o,
			     struct unitron_brg_call *c, const void *out,
			     void *in, size_t size);
void		cluster_forget(struct cluster_object *o);

#endif /* UNITRON_CLUSTER_H */
