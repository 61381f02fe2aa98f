/* graph_perm: what each function may read or write, from policies, roles and connectors. */
#ifndef SAMLINT_GRAPH_PERM_H
#define SAMLINT_GRAPH_PERM_H

#include <stdio.h>

#include "graph.h"

/* Fill g->perms (called last by graph_build): one perm per function,
 * target, granting node and action. A policy statement gives one perm per
 * action that applies to the target's service ("s3:PutObject", with the
 * action's access); a SAM policy template one perm named after the
 * template, with the template's access (rules/data/policy_templates.c); a
 * connector one perm with action "Read" or "Write". Deny statements,
 * NotAction statements, trust and resource policies grant nothing here. */
void graph_perm_build(graph *g);

/* What function `function` may do to resource `target` (indexes in
 * t->res): the ACCESS_* bits of all its perms on it, 0 for none. *via,
 * when not NULL, gets the perm that grants write (else the first one). */
int graph_perm_access(const graph *g, int function, int target, const graph_perm **via);

/* Debug listing of g->perms, one a line (hidden option --dump-perms):
 * "FUNCTION -> TARGET read|write|full ACTION LINE:COL", TARGET being a
 * logical id or the literal name/ARN in quotes. */
void graph_perm_dump(const graph *g, FILE *out);

#endif
