/* fuzz_load: libFuzzer target for the loader: doc_load over arbitrary bytes, then check the tree's invariants. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../src/doc.h"
#include "../tests/doc_same.h"

/* A loader bug shows as a broken tree long before it crashes a rule. */
#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

static void check_tree(const doc *d)
{
    REQUIRE(d->root == DOC_NONE || (d->root >= 0 && (size_t)d->root < d->n_nodes));
    REQUIRE(d->text != NULL && d->text[d->text_len] == '\0');
    for (size_t i = 0; i < d->n_nodes; i++) {
        doc_id id = (doc_id)i;
        const doc_node *n = doc_at(d, id);
        REQUIRE(n->kind == DOC_SCALAR || n->kind == DOC_MAP || n->kind == DOC_SEQ);
        REQUIRE(n->line >= 1 && n->col >= 1);
        REQUIRE(doc_subtree_end(d, id) > id && (size_t)doc_subtree_end(d, id) <= d->n_nodes);
        if (n->kind == DOC_SCALAR) {
            REQUIRE(n->str != NULL && n->str[n->len] == '\0');
            (void)doc_is_null(d, id);
            long long v;
            int b;
            (void)doc_get_long(d, id, &v);
            (void)doc_get_bool(d, id, &b);
            continue;
        }
        uint32_t items = n->kind == DOC_MAP ? 2 * n->len : n->len;
        REQUIRE((size_t)n->first + items <= d->n_items);
        for (uint32_t k = 0; k < items; k++) {
            /* An alias shares its anchored node, which was finished earlier. */
            doc_id child = d->items[n->first + k];
            REQUIRE(child >= 0 && (size_t)child < d->n_nodes && child != id);
            REQUIRE(child > id || doc_subtree_end(d, child) <= id);
        }
        if (n->kind == DOC_MAP) {
            for (uint32_t k = 0; k < n->len; k++) {
                doc_id key = doc_key(d, id, k);
                REQUIRE(key >= 0);
                const char *s = doc_str(d, key);
                /* A key with a NUL inside ("\0") cannot be named by a C string. */
                if (s && strlen(s) == doc_at(d, key)->len)
                    REQUIRE(doc_get_key(d, id, s) >= 0);
            }
            doc_id arg;
            (void)doc_intrinsic(d, id, &arg);
            (void)doc_get_ci(d, id, "properties");
            (void)doc_path(d, id, "Properties", "Timeout");
        } else {
            for (uint32_t k = 0; k < n->len; k++)
                REQUIRE(doc_item(d, id, k) >= 0);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    doc_limits lim;
    doc_default_limits(&lim);
    doc_result r = doc_load("fuzz/template.yaml", (const char *)data, size, &lim);
    for (size_t i = 0; i < r.n_problems; i++) {
        REQUIRE(r.problems[i].rule != NULL && r.problems[i].message != NULL);
        REQUIRE(r.problems[i].line >= 1);
    }
    if (r.d) {
        if (!r.fatal)
            check_tree(r.d);
        if (r.d->fast) {
            /* The fast paths must give exactly libyaml's tree. */
            char why[512];
            lim.yaml_only = 1;
            doc_result y = doc_load("fuzz/template.yaml", (const char *)data, size, &lim);
            REQUIRE(doc_same(&r, &y, why, sizeof why));
            doc_free(y.d);
        }
        doc_free(r.d);
    }
    return 0;
}
