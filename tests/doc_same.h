/* doc_same: do two loads of one text give the same tree and problems? For
 * comparing the JSON fast path with libyaml (tests/unit_json.c, fuzz). */
#ifndef SAMLINT_DOC_SAME_H
#define SAMLINT_DOC_SAME_H

#include <stdio.h>
#include <string.h>

#include "../src/doc.h"

static int doc_same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* 1 when equal; else 0 with the first difference in why. */
static int doc_same(const doc_result *x, const doc_result *y, char *why, size_t n)
{
    if (x->fatal != y->fatal || x->n_problems != y->n_problems) {
        snprintf(why, n, "fatal %d/%d, problems %zu/%zu (%s / %s)", x->fatal, y->fatal, x->n_problems,
                 y->n_problems, x->n_problems ? x->problems[0].message : "-",
                 y->n_problems ? y->problems[0].message : "-");
        return 0;
    }
    for (size_t i = 0; i < x->n_problems; i++) {
        const doc_problem *p = &x->problems[i], *q = &y->problems[i];
        if (strcmp(p->rule, q->rule) || p->line != q->line || p->col != q->col || strcmp(p->message, q->message)) {
            snprintf(why, n, "problem %zu: %s %u:%u %s / %s %u:%u %s", i, p->rule, p->line, p->col, p->message,
                     q->rule, q->line, q->col, q->message);
            return 0;
        }
    }
    if (x->fatal) return 1;
    const doc *a = x->d, *b = y->d;
    if (a->root != b->root || a->n_nodes != b->n_nodes || a->n_items != b->n_items) {
        snprintf(why, n, "root %d/%d, nodes %zu/%zu, items %zu/%zu", a->root, b->root, a->n_nodes, b->n_nodes,
                 a->n_items, b->n_items);
        return 0;
    }
    for (size_t i = 0; i < a->n_nodes; i++) {
        const doc_node *p = &a->nodes[i], *q = &b->nodes[i];
        int same = p->kind == q->kind && p->style == q->style && p->line == q->line && p->col == q->col &&
                   doc_end_line(a, (doc_id)i) == doc_end_line(b, (doc_id)i) &&
                   doc_end_col(a, (doc_id)i) == doc_end_col(b, (doc_id)i) && p->tagged == q->tagged &&
                   doc_same_str(doc_tag(a, (doc_id)i), doc_tag(b, (doc_id)i)) && p->len == q->len &&
                   doc_subtree_end(a, (doc_id)i) == doc_subtree_end(b, (doc_id)i) &&
                   (p->kind == DOC_SCALAR ? memcmp(p->str, q->str, p->len + 1) == 0 : p->first == q->first);
        if (!same) {
            snprintf(why, n, "node %zu: kind %d/%d style %d/%d at %u:%u-%u:%u / %u:%u-%u:%u len %u/%u '%.40s' / '%.40s'",
                     i, p->kind, q->kind, p->style, q->style, p->line, p->col, doc_end_line(a, (doc_id)i),
                     doc_end_col(a, (doc_id)i), q->line, q->col, doc_end_line(b, (doc_id)i), doc_end_col(b, (doc_id)i), p->len, q->len, p->kind == DOC_SCALAR ? p->str : "", q->kind == DOC_SCALAR ? q->str : "");
            return 0;
        }
    }
    if (a->n_items && memcmp(a->items, b->items, a->n_items * sizeof *a->items) != 0) {
        snprintf(why, n, "items differ");
        return 0;
    }
    return 1;
}

#endif
