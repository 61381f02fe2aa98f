/* SL302: an SQS queue without a redrive policy that is no dead-letter target itself. */
#include <stdlib.h>

#include "evsrc.h"

/* Keys whose value names a dead-letter target or failure destination. */
static const char *const dead_letter_keys[] = {
    "RedrivePolicy", "deadLetterTargetArn", "DeadLetterQueue", "DeadLetterConfig", "OnFailure",
    NULL
};

static int is_dead_letter_key(const char *s)
{
    size_t i;

    if (!s || (s[0] != 'R' && s[0] != 'd' && s[0] != 'D' && s[0] != 'O'))
        return 0;  /* the keys' first letters: most keys end here */
    for (i = 0; dead_letter_keys[i]; i++)
        if (s[0] == dead_letter_keys[i][0] && !strcmp(s, dead_letter_keys[i]))
            return 1;
    return 0;
}

/* A queue with a literal QueueName, for matching ARNs and URLs by name. */
typedef struct named_queue {
    const char *name;
    size_t len;
    int index;
} named_queue;

static int cmp_named(const void *a, const void *b)
{
    const named_queue *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->name, y->name, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static int queue_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
}

/* Mark the queues whose names appear in text as an ARN or URL segment
 * (right after ':' or '/'). */
static void mark_named(const char *text, const named_queue *queues, size_t n_queues,
                       char *is_target)
{
    const char *p;

    for (p = text; *p; p++) {
        named_queue key;
        const named_queue *hit;
        size_t len = 0;
        if (*p != ':' && *p != '/')
            continue;
        while (queue_name_char(p[1 + len]))
            len++;
        if (len == 0)
            continue;
        key.name = p + 1;
        key.len = len;
        hit = bsearch(&key, queues, n_queues, sizeof *queues, cmp_named);
        if (hit)
            is_target[hit->index] = 1;
    }
}

/* A queue that declares itself a dead-letter queue for others. */
static int allows_redrive(const lint_ctx *ctx, const tmpl_resource *r)
{
    doc_id policy = doc_get(ctx->d, r->props, "RedriveAllowPolicy");
    const char *text;

    if (policy == DOC_NONE)
        return 0;
    if (doc_is_map(ctx->d, policy))
        return !doc_str_eq(ctx->d, doc_get(ctx->d, policy, "redrivePermission"), "denyAll");
    text = doc_str(ctx->d, policy);
    return !text || !strstr(text, "denyAll");
}

RULE_CHECK(SL302)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    char *is_target, *in_dead_letter;
    named_queue *queues;
    size_t i, n_queues = 0;
    doc_id n;

    if (t->n_res == 0 || d->n_nodes == 0)
        return;
    is_target = lint_scratch(ctx, t->n_res);
    /* Every node under a dead-letter key. Subtrees nest or are disjoint, so a
     * range whose first node is marked is already marked whole. */
    in_dead_letter = lint_scratch(ctx, d->n_nodes);
    for (n = 0; n < (doc_id)d->n_nodes; n++) {
        uint32_t j, pairs = doc_is_map(d, n) ? doc_count(d, n) : 0;
        for (j = 0; j < pairs; j++) {
            doc_id val = doc_val(d, n, j), m;
            if (!is_dead_letter_key(doc_str(d, doc_key(d, n, j))) || in_dead_letter[val])
                continue;
            for (m = val; m < doc_subtree_end(d, val); m++)
                in_dead_letter[m] = 1;
        }
    }
    for (i = 0; i < ctx->g->n_refs; i++) {
        const graph_ref *ref = &ctx->g->refs[i];
        if (ref->to >= 0 && ref->node >= 0 && in_dead_letter[ref->node] &&
            (ref->kind == REF_REF || ref->kind == REF_GETATT || ref->kind == REF_SUB))
            is_target[ref->to] = 1;
    }
    queues = lint_scratch(ctx, t->n_res * sizeof *queues);
    for (i = 0; i < t->n_res; i++) {
        doc_id name;
        if (!tmpl_is_type(&t->res[i], "AWS::SQS::Queue") || !doc_is_map(d, t->res[i].props))
            continue;
        name = doc_get(d, t->res[i].props, "QueueName");
        if (doc_is_scalar(d, name) && doc_at(d, name)->len > 0) {
            queues[n_queues].name = doc_str(d, name);
            queues[n_queues].len = doc_at(d, name)->len;
            queues[n_queues].index = (int)i;
            n_queues++;
        }
    }
    if (n_queues > 0) {
        qsort(queues, n_queues, sizeof *queues, cmp_named);
        for (n = 0; n < (doc_id)d->n_nodes; n++)
            if (in_dead_letter[n] && doc_is_scalar(d, n))
                mark_named(doc_str(d, n), queues, n_queues, is_target);
    }
    for (i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!tmpl_is_type(r, "AWS::SQS::Queue") || is_target[i])
            continue;
        if (doc_is_map(d, r->props) &&
            (evsrc_present(t, doc_get(d, r->props, "RedrivePolicy")) != 0 || allows_redrive(ctx, r)))
            continue;
        report(ctx, r->key, "queue '%s' has no RedrivePolicy: a message that keeps failing is "
               "received again and again until its retention period ends, then lost", r->id);
    }
}
