/* rule: what a rule file sees: the template, its graph, and one report call. */
#ifndef SAMLINT_RULE_H
#define SAMLINT_RULE_H

#include <stdint.h>
#include "doc.h"
#include "tmpl.h"
#include "eval.h"
#include "graph.h"

typedef enum severity { SEV_NONE = -1, SEV_INFO = 0, SEV_WARNING = 1, SEV_ERROR = 2 } severity;

typedef struct lint_ctx lint_ctx;

/* A rule's descriptor. Everything but `check` comes from rules/SLnnn.md
 * through the generated registry (build/registry.c). */
typedef struct rule {
    const char *id;        /* "SL201" */
    const char *name;      /* "default-memory" */
    severity sev;          /* default severity */
    const char *summary;   /* one line */
    const char *peers;     /* "serverless-rules ES1000, cfn-lint W2531" or "" */
    const char *doc;       /* the whole markdown page */
    void (*check)(lint_ctx *ctx);
    int optional;          /* "- optional: yes": runs only when --select/select: names it */
} rule;

/* Each rules/SLnnn.c defines its check with this. */
#define RULE_CHECK(ID) void ID##_check(lint_ctx *ctx); void ID##_check(lint_ctx *ctx)

struct lint_ctx {
    const doc *d;          /* the template document */
    const tmpl *t;         /* its model */
    const graph *g;        /* its resource graph */
    const rule *rule;      /* the rule being run */
    const struct lint_config *cfg;
    struct lint_sink *sink;
    /* Set when the file parsed but is no template: why (for SL002); then
     * ctx->t and ctx->g are NULL and only SL001-SL003 run. */
    const char *not_template;
    /* Handler-code targets of every function, found once per template by
     * the first SL4xx rule that asks (src/code_target.c). */
    const struct code_target_list *code_targets;
    /* Schema findings of SL602-SL607, found once per template by the
     * first of them that runs (src/schema.c). */
    struct schema_memo *schema;
    /* API stages of SL501-SL504, found once per template by the first of
     * them that runs (api_stages in rules/observe.h). */
    const struct api_stage *api_stages;
    size_t n_api_stages;
    int have_api_stages;
    /* Loader problems for SL001/SL003 (see doc.h). */
    const doc_problem *problems;
    size_t n_problems;
};

/* Report a finding of the running rule at `node` (its line and column).
 * The resource is the one whose subtree holds `node`, if any. */
void report(lint_ctx *ctx, doc_id node, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Same, naming the resource (or parameter/output) explicitly: use when the
 * node lies outside it, e.g. a Globals value that decides a function's
 * effective property. `resource` may be NULL for template-level findings. */
void report_for(lint_ctx *ctx, const char *resource, doc_id node, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Full control: severity other than the default (rules with two levels). */
void report_sev(lint_ctx *ctx, severity sev, const char *resource, doc_id node, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A finding in another file (handler code): path as it should be shown,
 * 1-based line and column. In the template itself it covers the token
 * written at that place; elsewhere it is an empty span: prefer
 * report_file_to when the end is known. */
void report_file(lint_ctx *ctx, severity sev, const char *resource, const char *path,
                 uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* Same, with the end (1-based line and column just past the offending text). */
void report_file_to(lint_ctx *ctx, severity sev, const char *resource, const char *path, uint32_t line,
                    uint32_t col, uint32_t end_line, uint32_t end_col, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));

/* Fixes (src/fix.h). A rule may attach edits to the finding it just
 * reported: replace the bytes [start, end) of the template's text with
 * `text`. Edits are sorted and do not overlap; they must keep the user's
 * formatting and comments. `safe`: the fix keeps what the template means
 * (else it runs only with --unsafe-fixes). Ignored for a finding in another
 * file. */
typedef struct lint_edit { size_t start, end; const char *text; } lint_edit;
void report_fix(lint_ctx *ctx, int safe, const char *title, const lint_edit *edits, size_t n);
/* The template's text (NUL-terminated) and its length. */
const char *lint_text(const lint_ctx *ctx, size_t *len);
/* The byte span [start, end) of a node as written (a quoted scalar with its
 * quotes); 0 for a node the loader made up. */
int lint_node_span(const lint_ctx *ctx, doc_id node, size_t *start, size_t *end);
/* The byte offset of a 1-based line and column (in characters). */
size_t lint_offset(const lint_ctx *ctx, uint32_t line, uint32_t col);
/* An edit that replaces a scalar's text with `value` (inside its quotes
 * when quoted; `value` must need no escaping there). 0 when it cannot. */
int lint_edit_scalar(lint_ctx *ctx, doc_id node, const char *value, lint_edit *out);
/* An edit that adds `key: value` to a mapping as its first entry, in the
 * mapping's own style: a line indented as its keys (block), after the brace
 * (flow, JSON: the key quoted). `value` is flow YAML that JSON reads too
 * (quote strings). 0 when the layout is not one it can edit. */
int lint_edit_add_key(lint_ctx *ctx, doc_id map, const char *key, const char *value, lint_edit *out);

/* A rule option (`--rule-option SL304.factor=4`, config file); `dflt` when unset. */
double rule_option(lint_ctx *ctx, const char *name, double dflt);
/* The regions a template is judged for (--regions, config regions:): bits
 * of types_regions (src/types.h); us-east-1 unless the user named others. */
uint64_t lint_regions(const lint_ctx *ctx);
/* Today's date as YYYYMMDD (SAMLINT_TODAY or --today override it). */
int lint_today(const lint_ctx *ctx);
/* The folder holding the template ("." for stdin), for relative CodeUri. */
const char *lint_template_dir(const lint_ctx *ctx);

/* Mask a secret for display: first 4 characters, then '*' for the rest
 * (at most 16 of them). Returned string lives until the run ends. */
const char *lint_mask(lint_ctx *ctx, const char *secret, size_t len);
/* Scratch memory that lives as long as the template (the doc's arena). */
void *lint_alloc(lint_ctx *ctx, size_t size);
/* Zeroed scratch memory that lives only until the running rule's check
 * returns: a rule's own per-resource or per-node tables, which the arena
 * would keep to the end of the template (nothing kept in lint_ctx, and no
 * string a finding keeps, may live here). */
void *lint_scratch(lint_ctx *ctx, size_t size);

#endif
