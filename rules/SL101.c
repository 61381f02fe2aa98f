/* SL101 hardcoded-access-key: an AWS access key id in any scalar of the template. */
#include "../src/rule.h"
#include "../src/secret.h"

RULE_CHECK(SL101)
{
    const doc *d = ctx->d;
    for (size_t i = 0; i < d->n_nodes; i++) {
        const doc_node *n = &d->nodes[i];
        size_t off = 0;
        if (n->kind != DOC_SCALAR || !n->str || (n->style & DOC_SYNTH) || n->len < SECRET_ACCESS_KEY_LEN)
            continue;
        if (secret_find_credential_id(n->str, n->len, &off))
            report(ctx, (doc_id)i, "hardcoded AWS access key id %s",
                   lint_mask(ctx, n->str + off, SECRET_ACCESS_KEY_LEN));
    }
}
