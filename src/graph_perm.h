/* graph_perm: what each function may read or write, from policies, roles and connectors. */
#ifndef SAMLINT_GRAPH_PERM_H
#define SAMLINT_GRAPH_PERM_H

#include <stdio.h>

#include "graph.h"

/* Fill g->perms (called last by graph_build). */
void graph_perm_build(graph *g);

/* Debug listing of g->perms, one a line (hidden option --dump-perms):
 * "FUNCTION -> TARGET read|write|full ACTION LINE:COL", TARGET being a
 * logical id or the literal name/ARN in quotes. */
void graph_perm_dump(const graph *g, FILE *out);

#endif
