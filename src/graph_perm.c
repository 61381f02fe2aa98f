/* graph_perm: permission edges, what each function may do to which resource. */
#include "graph.h"

/* Placeholder until the permission model lands: no edges. */
void graph_perm_build(graph *g)
{
    (void)g;
}
