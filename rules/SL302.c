/* SL302: an SQS queue without a redrive policy that is no dead-letter target itself. */
#include "evsrc.h"

/* Keys whose value names a dead-letter target or failure destination. */
static const char *const dead_letter_keys[] = {
    "RedrivePolicy", "deadLetterTargetArn", "DeadLetterQueue", "DeadLetterConfig", "OnFailure",
    NULL
};

static int is_dead_letter_key(const char *s)
{
    size_t i;

    for (i = 0; s && dead_letter_keys[i]; i++)
        if (!strcmp(s, dead_letter_keys[i]))
            return 1;
    return 0;
}

/* Does text name the queue: an ARN or URL ending in ":name" or "/name"? */
static int text_names_queue(const char *text, const char *name)
{
    size_t len = strlen(name);
    const char *p;

    for (p = strstr(text, name); p; p = strstr(p + 1, name)) {
        char after = p[len];
        if (p > text && (p[-1] == ':' || p[-1] == '/') &&
            (after == '\0' || after == '"' || after == '\'' || after == ',' || after == ' ' ||
             after == '\n' || after == '}'))
            return 1;
    }
    return 0;
}

/* Mark each queue that a dead-letter setting in [first, end) points at. */
static void mark_targets(lint_ctx *ctx, doc_id first, doc_id end, char *is_target)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    size_t i;
    doc_id n;

    for (i = 0; i < ctx->g->n_refs; i++) {
        const graph_ref *ref = &ctx->g->refs[i];
        if (ref->to >= 0 && ref->node >= first && ref->node < end &&
            (ref->kind == REF_REF || ref->kind == REF_GETATT || ref->kind == REF_SUB))
            is_target[ref->to] = 1;
    }
    for (n = first; n < end; n++) {
        if (!doc_is_scalar(d, n))
            continue;
        for (i = 0; i < t->n_res; i++) {
            doc_id name;
            if (is_target[i] || !tmpl_is_type(&t->res[i], "AWS::SQS::Queue") ||
                !doc_is_map(d, t->res[i].props))
                continue;
            name = doc_get(d, t->res[i].props, "QueueName");
            if (doc_is_scalar(d, name) && doc_at(d, name)->len > 0 &&
                text_names_queue(doc_str(d, n), doc_str(d, name)))
                is_target[i] = 1;
        }
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
    char *is_target;
    size_t i;
    doc_id n;

    if (t->n_res == 0)
        return;
    is_target = lint_alloc(ctx, t->n_res);
    for (n = 0; n < (doc_id)d->n_nodes; n++) {
        uint32_t j, pairs;
        if (!doc_is_map(d, n))
            continue;
        pairs = doc_count(d, n);
        for (j = 0; j < pairs; j++) {
            doc_id val = doc_val(d, n, j);
            if (is_dead_letter_key(doc_str(d, doc_key(d, n, j))))
                mark_targets(ctx, val, doc_at(d, val)->subtree_end, is_target);
        }
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
