/* eval: what a value can be: Ref to a parameter Default, both !If branches, !Sub parts. */
#include "eval.h"

#include <string.h>

/* Pseudo parameters CloudFormation defines. */
static const char *const pseudo_params[] = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
    "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix", NULL,
};

int eval_is_pseudo(const char *name)
{
    for (int i = 0; pseudo_params[i]; i++)
        if (strcmp(name, pseudo_params[i]) == 0) return 1;
    return 0;
}

typedef struct walk {
    const tmpl *t;
    eval_value *out;
    int n;
    int unknown;
} walk;

#define EVAL_DEPTH 64

static void add(walk *w, doc_id value, doc_id site)
{
    if (w->n >= EVAL_MAX) {
        w->unknown = 1;  /* too many possibilities: give up rather than guess */
        return;
    }
    w->out[w->n].value = value;
    w->out[w->n].site = site;
    w->n++;
}

static void visit(walk *w, doc_id node, doc_id site, int depth)
{
    const doc *d = w->t->d;
    if (w->unknown) return;
    if (depth > EVAL_DEPTH) {
        w->unknown = 1;
        return;
    }
    doc_id arg;
    const char *fn = doc_intrinsic(d, node, &arg);
    if (!fn) {
        add(w, node, site);
        return;
    }
    if (strcmp(fn, "Ref") == 0) {
        const char *name = doc_str(d, arg);
        if (!name) {
            w->unknown = 1;
            return;
        }
        if (strcmp(name, "AWS::NoValue") == 0) return;
        const tmpl_param *p = tmpl_find_param(w->t, name);
        if (p && p->value_node != DOC_NONE) {
            add(w, p->value_node, site);
            return;
        }
        w->unknown = 1;
        return;
    }
    if (strcmp(fn, "Fn::If") == 0) {
        if (!doc_is_seq(d, arg) || doc_count(d, arg) != 3) {
            w->unknown = 1;
            return;
        }
        for (uint32_t i = 1; i <= 2; i++) {
            doc_id branch = doc_item(d, arg, i);
            visit(w, branch, branch, depth + 1);
        }
        return;
    }
    w->unknown = 1;
}

int eval_values(const tmpl *t, doc_id node, eval_value *out)
{
    walk w = {t, out, 0, 0};
    if (node == DOC_NONE) return 0;
    visit(&w, node, node, 0);
    return w.unknown ? -1 : w.n;
}

int eval_each_scalar(const tmpl *t, doc_id node,
                     void (*fn)(void *user, const char *s, doc_id site), void *user)
{
    eval_value v[EVAL_MAX];
    int n = eval_values(t, node, v);
    if (n < 0) return -1;
    for (int i = 0; i < n; i++)
        if (!doc_is_scalar(t->d, v[i].value)) return -1;
    for (int i = 0; i < n; i++) fn(user, doc_str(t->d, v[i].value), v[i].site);
    return n;
}

int eval_sub_parse(const char *s, int (*fn)(void *user, const eval_sub_part *p), void *user)
{
    const char *text = s;
    const char *p = s;
    while (*p) {
        if (p[0] == '$' && p[1] == '{') {
            const char *close = strchr(p + 2, '}');
            if (!close) return -1;
            if (p > text) {
                eval_sub_part part = {SUB_TEXT, text, (size_t)(p - text), 0};
                if (fn(user, &part)) return 0;
            }
            eval_sub_part part;
            if (p[2] == '!') {
                part.kind = SUB_LITERAL;
                part.start = p + 3;
                part.len = (size_t)(close - p - 3);
                part.name_len = part.len;
            } else {
                part.kind = SUB_VAR;
                part.start = p + 2;
                part.len = (size_t)(close - p - 2);
                /* Trim spaces: ${ Name } is accepted by CloudFormation. */
                while (part.len && (*part.start == ' ')) { part.start++; part.len--; }
                while (part.len && part.start[part.len - 1] == ' ') part.len--;
                const char *dot = memchr(part.start, '.', part.len);
                part.name_len = dot ? (size_t)(dot - part.start) : part.len;
            }
            if (fn(user, &part)) return 0;
            p = text = close + 1;
            continue;
        }
        p++;
    }
    if (p > text) {
        eval_sub_part part = {SUB_TEXT, text, (size_t)(p - text), 0};
        fn(user, &part);
    }
    return 0;
}
