/* engine: run the registry over one template; findings, suppressions, config. */
#include "engine.h"
#include "types.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "code_target.h"
#include "rfile.h"
#include "fix.h"
#include "params.h"
#include "secret.h"
#include "strmap.h"
#include "suppress.h"

/* Results outlive their templates and are mostly small: small blocks. */
#define RESULT_BLOCK 2048

/* Findings kept per file, and per rule in a file: a hostile template can
 * make any number; past these, one closing finding per rule says how many
 * more there were ("N more findings of SLnnn not shown"). */
#define MAX_FINDINGS_PER_RULE 10000
#define MAX_FINDINGS_PER_FILE 50000

typedef struct dropped { size_t n; uint32_t line, col; } dropped;

struct lint_sink {
    lint_result *res;
    size_t cap;
    char *template_dir;
    arena *rule_scratch;     /* lint_scratch: reset after each rule that used it */
    int scratch_used;
    struct owner_maps *owners;  /* see owners_by_node() */
    size_t *kept_by_rule;    /* per rule_registry index */
    dropped *dropped_by_rule;
    int last_dropped;        /* the last report went over a cap */
    finding scratch;         /* what a dropped report writes into */
    strmap ids;              /* resource id -> index in id_copies: one copy each */
    const char **id_copies;
    size_t n_ids, cap_ids;
};

/* ---- registry ---- */

const rule *rule_find(const char *id)
{
    size_t lo = 0, hi = rule_count;  /* the registry is sorted by id */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(rule_registry[mid].id, id);
        if (c == 0) return &rule_registry[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ---- configuration ---- */

void lint_config_init(lint_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    doc_limits lim;
    doc_default_limits(&lim);
    cfg->max_depth = lim.max_depth;
    cfg->max_alias_nodes = lim.max_alias_nodes;
    cfg->max_file_size = 16u * 1024 * 1024;
    cfg->fail_on = SEV_WARNING;
    cfg->today = 20260101;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++) free(list[i]);
    free(list);
}

void lint_config_release(lint_config *cfg)
{
    free_list(cfg->select, cfg->n_select);
    free_list(cfg->ignore, cfg->n_ignore);
    free_list(cfg->exclude, cfg->n_exclude);
    for (size_t i = 0; i < cfg->n_sev_overrides; i++) free(cfg->sev_overrides[i].rule);
    free(cfg->sev_overrides);
    for (size_t i = 0; i < cfg->n_opts; i++) {
        free(cfg->opts[i].rule);
        free(cfg->opts[i].name);
    }
    free(cfg->opts);
    memset(cfg, 0, sizeof *cfg);
}

/* An entry matches an id exactly or as a prefix ("SL2" selects SL2xx);
 * "all" matches every id. */
static int matches_any(char **list, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strncmp(id, list[i], strlen(list[i])) == 0 || strcmp(list[i], "all") == 0) return 1;
    return 0;
}

int lint_rule_mandatory(const char *id)
{
    return strcmp(id, "SL001") == 0;
}

/* An optional rule (its page says "- optional: yes") runs only when a
 * select entry names it: its id, a prefix of it, or "all". */
int lint_rule_enabled(const lint_config *cfg, const char *id)
{
    const rule *r = cfg->n_select ? NULL : rule_find(id);
    if (r && r->optional) return 0;
    if (!cfg->n_select && !cfg->n_ignore) return 1;
    if (lint_rule_mandatory(id)) return 1;
    if (cfg->n_select && !matches_any(cfg->select, cfg->n_select, id)) return 0;
    return !matches_any(cfg->ignore, cfg->n_ignore, id);
}

void lint_config_resolve(lint_config *cfg)
{
    memset(&cfg->resolved, 0, sizeof cfg->resolved);
    if (rule_count > 64 * sizeof cfg->resolved.off / sizeof cfg->resolved.off[0]) return;
    for (size_t i = 0; i < rule_count; i++)
        if (!lint_rule_enabled(cfg, rule_registry[i].id)) cfg->resolved.off[i / 64] |= (uint64_t)1 << (i % 64);
    cfg->resolved.select = cfg->select;
    cfg->resolved.ignore = cfg->ignore;
    cfg->resolved.n_select = cfg->n_select;
    cfg->resolved.n_ignore = cfg->n_ignore;
    cfg->resolved.done = 1;
}

/* Is registry rule r on? From what lint_config_resolve() found when the
 * lists are still the ones it saw, else asked again. */
static int rule_on(const lint_config *cfg, const rule *r)
{
    if (!cfg->n_select && !cfg->n_ignore) return !r->optional;
    size_t i = (size_t)(r - rule_registry);
    if (cfg->resolved.done && cfg->resolved.select == cfg->select && cfg->resolved.n_select == cfg->n_select &&
        cfg->resolved.ignore == cfg->ignore && cfg->resolved.n_ignore == cfg->n_ignore)
        return !(cfg->resolved.off[i / 64] >> (i % 64) & 1);
    return lint_rule_enabled(cfg, r->id);
}

static severity effective_severity(const lint_config *cfg, const char *id, severity sev)
{
    if (lint_rule_mandatory(id)) return sev;
    /* The last one wins: command-line settings come after the config file's. */
    for (size_t i = cfg->n_sev_overrides; i-- > 0;)
        if (strcmp(cfg->sev_overrides[i].rule, id) == 0) return cfg->sev_overrides[i].sev;
    return sev;
}

/* ---- reporting ---- */

/* One section's owners (parameters or outputs): for each node of the span
 * [lo, hi) that its entries cover, 1 + the index of the first entry
 * holding it, or 0. */
typedef struct owner_span {
    int32_t *own;  /* own[node - lo] */
    doc_id lo, hi;
} owner_span;

struct owner_maps {
    owner_span params, outs;
};

/* Widen [lo, hi) to the key and the subtree of one entry. */
static void span_cover(owner_span *sp, const doc *d, doc_id key, doc_id node)
{
    if (key >= 0 && key < sp->lo) sp->lo = key;
    if (key >= 0 && key + 1 > sp->hi) sp->hi = key + 1;
    if (node < 0) return;
    doc_id end = doc_subtree_end(d, node);
    if (node < sp->lo) sp->lo = node;
    if (end > sp->hi) sp->hi = end;
}

static void span_alloc(owner_span *sp, arena *a)
{
    if (sp->hi <= sp->lo) sp->lo = sp->hi = 0;
    sp->own = arena_alloc(a, (size_t)(sp->hi - sp->lo + 1) * sizeof *sp->own);
}

static void span_mark(owner_span *sp, const doc *d, doc_id key, doc_id node, int32_t who)
{
    if (key >= 0 && !sp->own[key - sp->lo]) sp->own[key - sp->lo] = who;
    if (node < 0) return;
    for (doc_id m = node, end = doc_subtree_end(d, node); m < end; m++)
        if (!sp->own[m - sp->lo]) sp->own[m - sp->lo] = who;
}

static int32_t owner_in(const owner_span *sp, doc_id node)
{
    return node >= sp->lo && node < sp->hi ? sp->own[node - sp->lo] : 0;
}

/* Who holds each node: a parameter, else an output (the first one listed
 * wins). Built on the first finding outside a resource: one walk instead of
 * a walk over every parameter per finding (quadratic: 50,000 unused
 * parameters took minutes). Each section's table spans only the nodes its
 * entries cover (a big template's resources hold most nodes); the ranges
 * add up to the nodes plus the alias expansion, which is capped. */
static const struct owner_maps *owners_by_node(const lint_ctx *ctx)
{
    struct lint_sink *sink = ctx->sink;
    if (sink->owners) return sink->owners;
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    struct owner_maps *m = arena_alloc(d->arena, sizeof *m);
    m->params.lo = m->outs.lo = (doc_id)d->n_nodes;
    for (size_t i = 0; i < t->n_params; i++) span_cover(&m->params, d, t->params[i].key, t->params[i].node);
    for (size_t i = 0; i < t->n_outs; i++) span_cover(&m->outs, d, t->outs[i].key, t->outs[i].node);
    span_alloc(&m->params, d->arena);
    span_alloc(&m->outs, d->arena);
    for (size_t i = 0; i < t->n_params; i++) span_mark(&m->params, d, t->params[i].key, t->params[i].node, (int32_t)i + 1);
    for (size_t i = 0; i < t->n_outs; i++) span_mark(&m->outs, d, t->outs[i].key, t->outs[i].node, (int32_t)i + 1);
    sink->owners = m;
    return m;
}

static const char *owner_of(const lint_ctx *ctx, doc_id node)
{
    if (node == DOC_NONE || !ctx->t || node >= (doc_id)ctx->d->n_nodes) return NULL;
    int r = ctx->g ? graph_resource_of(ctx->g, node) : -1;
    if (r < 0 && ctx->g) {  /* a resource's logical id key lies just before its mapping */
        doc_id after = doc_subtree_end(ctx->d, node);
        if (after < (doc_id)ctx->d->n_nodes) r = graph_resource_of(ctx->g, after);
        if (r >= 0 && ctx->t->res[r].key != node) r = -1;
    }
    if (r >= 0) return ctx->t->res[r].id;
    const struct owner_maps *m = owners_by_node(ctx);
    int32_t who = owner_in(&m->params, node);
    if (who > 0) return ctx->t->params[who - 1].id;
    who = owner_in(&m->outs, node);
    if (who > 0) return ctx->t->outs[who - 1].id;
    return NULL;
}

static int pos_le(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2)
{
    return l1 < l2 || (l1 == l2 && c1 <= c2);
}

/* The resource, parameter or output whose text holds (line, col), or NULL:
 * the owner of a finding placed by position (the loader's problems). The
 * keys of a section come in text order: a binary search. */
static const char *owner_at(const lint_ctx *ctx, uint32_t line, uint32_t col)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    if (!t) return NULL;
    const doc_id sections[] = {t->resources, t->parameters, t->outputs};
    for (size_t s = 0; s < sizeof sections / sizeof *sections; s++) {
        doc_id map = sections[s];
        if (!doc_is_map(d, map)) continue;
        uint32_t lo = 0, hi = doc_count(d, map);
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            const doc_node *k = doc_at(d, doc_key(d, map, mid));
            if (pos_le(k->line, k->col, line, col)) lo = mid + 1;
            else hi = mid;
        }
        if (lo == 0) continue;
        doc_id val = doc_val(d, map, lo - 1);
        uint32_t end_line = doc_end_line(d, val), end_col = doc_end_col(d, val);
        if (pos_le(line, col, end_line, end_col) && !(line == end_line && col == end_col))
            return owner_of(ctx, val);
    }
    return NULL;
}

/* When the file does not parse there is no tree: the logical id is the last
 * key indented under the top-level `Resources:` before the problem's line,
 * read from the text (block YAML only; anything else names nothing). */
static const char *owner_in_text(const doc *d, uint32_t line, char *buf, size_t size)
{
    if (!d || d->is_json || !d->line_starts) return NULL;
    int in_resources = 0;
    size_t indent = 0;
    const char *found = NULL;
    for (uint32_t l = 1; l < line && l <= d->n_lines; l++) {
        const char *p = d->text + doc_line_offset(d, l), *end = d->text + doc_line_offset(d, l + 1);
        size_t sp = 0;
        while (p + sp < end && p[sp] == ' ') sp++;
        if (p + sp >= end || p[sp] == '#' || p[sp] == '\n' || p[sp] == '\r') continue;
        if (sp == 0) {
            in_resources = strncmp(p, "Resources:", 10) == 0;
            indent = 0;
            continue;
        }
        if (!in_resources || p[sp] == '\t') continue;
        if (!indent) indent = sp;
        if (sp != indent) continue;
        const char *k = p + sp, *colon = memchr(k, ':', (size_t)(end - k));
        if (!colon) continue;
        size_t n = (size_t)(colon - k);
        if (n >= 2 && (k[0] == '"' || k[0] == '\'') && k[n - 1] == k[0]) k++, n -= 2;
        if (n == 0 || n >= size) continue;
        memcpy(buf, k, n);
        buf[n] = 0;
        found = buf;
    }
    return found;
}

/* The result's one copy of a resource id, masked like any name shown. */
static const char *intern_id(struct lint_sink *sink, const char *id)
{
    size_t len = strlen(id);
    int at;
    if (strmap_get(&sink->ids, id, len, &at)) return sink->id_copies[at];
    char *key = arena_strndup(sink->res->arena, id, len);  /* the map's key stays as written */
    const char *shown = key;
    if (secret_has_name_secret(key, len)) {
        char *masked = arena_strndup(sink->res->arena, id, len);
        secret_mask_names(masked, len);
        shown = masked;
    }
    if (sink->n_ids == sink->cap_ids) {
        sink->cap_ids = sink->cap_ids ? sink->cap_ids * 2 : 16;
        sink->id_copies = xrealloc(sink->id_copies, sink->cap_ids * sizeof *sink->id_copies);
    }
    sink->id_copies[sink->n_ids] = shown;
    strmap_put(&sink->ids, key, len, (int)sink->n_ids++);
    return shown;
}

/* Over a cap, the report is counted and written into scratch. */
static int over_cap(struct lint_sink *sink, const rule *r)
{
    size_t ri = (size_t)(r - rule_registry);
    if (ri >= rule_count) return 0;  /* not a registry rule (tests): never capped */
    if (sink->kept_by_rule[ri] < MAX_FINDINGS_PER_RULE && sink->res->n_findings < MAX_FINDINGS_PER_FILE) {
        sink->kept_by_rule[ri]++;
        return 0;
    }
    sink->dropped_by_rule[ri].n++;
    return 1;
}

static finding *new_finding(lint_ctx *ctx, severity sev, const char *resource, const char *fmt, va_list ap)
{
    struct lint_sink *sink = ctx->sink;
    lint_result *res = sink->res;
    sink->last_dropped = sink->kept_by_rule && over_cap(sink, ctx->rule);
    if (sink->last_dropped) {
        memset(&sink->scratch, 0, sizeof sink->scratch);
        sink->scratch.rule = ctx->rule;
        return &sink->scratch;
    }
    if (res->n_findings == sink->cap) {
        sink->cap = sink->cap ? sink->cap * 2 : 16;
        res->findings = xrealloc(res->findings, sink->cap * sizeof *res->findings);
    }
    finding *f = &res->findings[res->n_findings++];
    memset(f, 0, sizeof *f);
    f->rule = ctx->rule;
    f->sev = sev;
    f->file = res->path;
    f->resource = resource ? intern_id(sink, resource) : NULL;
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    secret_mask_names(buf, strlen(buf));  /* no rule's message shows a whole key or secret */
    f->message = arena_strdup(res->arena, buf);
    return f;
}

/* Where the first dropped finding of a rule was, for its closing finding. */
static void note_dropped_place(struct lint_sink *sink, const finding *f)
{
    size_t ri = (size_t)(f->rule - rule_registry);
    if (!sink->last_dropped || ri >= rule_count) return;
    dropped *d = &sink->dropped_by_rule[ri];
    if (d->n == 1) {
        d->line = f->line;
        d->col = f->col;
    }
}

/* One closing finding per rule that went over a cap. */
static void report_dropped(lint_ctx *ctx)
{
    struct lint_sink *sink = ctx->sink;
    lint_result *res = sink->res;
    for (size_t ri = 0; ri < rule_count; ri++) {
        const dropped *d = &sink->dropped_by_rule[ri];
        if (!d->n) continue;
        if (res->n_findings == sink->cap) {
            sink->cap = sink->cap ? sink->cap * 2 : 16;
            res->findings = xrealloc(res->findings, sink->cap * sizeof *res->findings);
        }
        finding *f = &res->findings[res->n_findings++];
        memset(f, 0, sizeof *f);
        f->rule = &rule_registry[ri];
        f->sev = f->rule->sev;
        f->file = res->path;
        f->line = f->end_line = d->line ? d->line : 1;
        f->col = f->end_col = d->col ? d->col : 1;
        f->message = arena_printf(res->arena, "%zu more findings of %s not shown (at most %d per rule and %d per file)",
                                  d->n, f->rule->id, MAX_FINDINGS_PER_RULE, MAX_FINDINGS_PER_FILE);
    }
}

/* An end on a later line with only blanks before it (a block scalar ends
 * where the next token starts) covers nothing there: end with the last
 * non-blank line before it. */
static void trim_end(const doc *d, uint32_t line, finding *f)
{
    if (f->end_line <= line || !d->line_starts || f->end_line > d->n_lines) return;
    size_t from = doc_line_offset(d, f->end_line), to = doc_line_end(d, f->end_line);
    for (uint32_t c = 1; c < f->end_col; c++, from++)
        if (from >= to || (d->text[from] != ' ' && d->text[from] != '\t')) return;
    uint32_t l = f->end_line - 1;
    while (l > line) {
        size_t a = doc_line_offset(d, l), b = doc_line_end(d, l);
        while (a < b && (d->text[a] == ' ' || d->text[a] == '\t')) a++;
        if (a < b) break;
        l--;
    }
    uint32_t el, ec;
    doc_offset_pos(d, doc_line_end(d, l), &el, &ec);
    if (el == l && (el > line || ec > f->col)) {
        f->end_line = el;
        f->end_col = ec;
    }
}

static void place(const lint_ctx *ctx, finding *f, doc_id node)
{
    if (node == DOC_NONE || !ctx->d || node >= (doc_id)ctx->d->n_nodes) {
        f->line = f->col = f->end_line = f->end_col = 1;
        return;
    }
    const doc_node *n = &ctx->d->nodes[node];
    f->line = n->line;
    f->col = n->col;
    f->end_line = doc_end_line(ctx->d, node);
    f->end_col = doc_end_col(ctx->d, node);
    /* A block collection ends where the next token starts, often the next
     * resource's line: end it with its last node instead (a flow one keeps
     * its closing bracket, on that node's line). */
    doc_id end = doc_subtree_end(ctx->d, node);
    if (n->kind != DOC_SCALAR && end - 1 > node) {
        uint32_t last_line = doc_end_line(ctx->d, end - 1), last_col = doc_end_col(ctx->d, end - 1);
        if (last_line < f->end_line && pos_le(n->line, n->col, last_line, last_col)) {
            f->end_line = last_line;
            f->end_col = last_col;
        }
    }
    trim_end(ctx->d, n->line, f);
}

void report(lint_ctx *ctx, doc_id node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    finding *f = new_finding(ctx, ctx->rule->sev, owner_of(ctx, node), fmt, ap);
    va_end(ap);
    place(ctx, f, node);
    note_dropped_place(ctx->sink, f);
}

void report_for(lint_ctx *ctx, const char *resource, doc_id node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    finding *f = new_finding(ctx, ctx->rule->sev, resource, fmt, ap);
    va_end(ap);
    place(ctx, f, node);
    note_dropped_place(ctx->sink, f);
}

void report_sev(lint_ctx *ctx, severity sev, const char *resource, doc_id node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    finding *f = new_finding(ctx, sev, resource, fmt, ap);
    va_end(ap);
    place(ctx, f, node);
    note_dropped_place(ctx->sink, f);
}

/* A position-only finding in the template covers the token written there:
 * from (line, col) to the next blank, flow separator, key colon or '}' (the
 * end of a ${Sub} variable) on that line. Columns count characters (a UTF-8 sequence, or one invalid byte). */
static void token_end(const doc *d, uint32_t line, uint32_t col, uint32_t *end_col)
{
    *end_col = col;
    if (!d || !d->text || !d->line_starts || line < 1 || line > d->n_lines) return;
    const char *p = d->text + doc_line_offset(d, line), *end = d->text + doc_line_end(d, line);
    uint32_t c = 1;
    while (p < end && c < col) {  /* to the start column */
        p++;
        while (p < end && ((unsigned char)*p & 0xC0) == 0x80) p++;
        c++;
    }
    if (c != col) return;
    int quoted = p < end && (*p == '"' || *p == '\'');
    while (p < end && *p != ' ' && *p != '\t') {
        if (c > col && (*p == '}' || (!quoted && (*p == ',' || *p == ']')))) break;  /* '}': a Sub variable's end */
        if (*p == ':' && c > col && (p + 1 == end || p[1] == ' ' || p[1] == '\t')) break;
        p++;
        while (p < end && ((unsigned char)*p & 0xC0) == 0x80) p++;
        c++;
    }
    *end_col = c;
}

static void vreport_file(lint_ctx *ctx, severity sev, const char *resource, const char *path, uint32_t line,
                         uint32_t col, uint32_t end_line, uint32_t end_col, const char *fmt, va_list ap)
{
    lint_result *res = ctx->sink->res;
    int in_template = strcmp(path, res->path) == 0;
    char id[256];
    if (!resource && in_template)  /* placed by position: its owner all the same */
        resource = ctx->t ? owner_at(ctx, line, col) : owner_in_text(ctx->d, line, id, sizeof id);
    finding *f = new_finding(ctx, sev, resource, fmt, ap);
    f->line = line;
    f->col = col;
    if (end_line == 0) {  /* no end given: the token at the start, in the template */
        end_line = line;
        end_col = col;
        if (in_template) token_end(ctx->d, line, col, &end_col);
    }
    if (end_line < line || (end_line == line && end_col < col)) end_line = line, end_col = col;
    f->end_line = end_line;
    f->end_col = end_col;
    if (ctx->sink->last_dropped) {
        note_dropped_place(ctx->sink, f);
        return;
    }
    f->file = in_template ? res->path : arena_strdup(res->arena, path);  /* the template's own gets excerpts */
}

void report_file(lint_ctx *ctx, severity sev, const char *resource, const char *path,
                 uint32_t line, uint32_t col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport_file(ctx, sev, resource, path, line, col, 0, 0, fmt, ap);
    va_end(ap);
}

void report_file_to(lint_ctx *ctx, severity sev, const char *resource, const char *path, uint32_t line,
                    uint32_t col, uint32_t end_line, uint32_t end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport_file(ctx, sev, resource, path, line, col, end_line ? end_line : line, end_line ? end_col : col, fmt, ap);
    va_end(ap);
}

/* ---- fixes ---- */

/* 1-based line and column in characters of a byte offset. */
static void offset_pos(const doc *d, size_t off, uint32_t *line, uint32_t *col)
{
    doc_offset_pos(d, off, line, col);
}

void report_fix(lint_ctx *ctx, int safe, const char *title, const lint_edit *edits, size_t n)
{
    lint_result *res = ctx->sink->res;
    if (!res->n_findings || !ctx->d || !n || ctx->sink->last_dropped) return;
    finding *f = &res->findings[res->n_findings - 1];
    if (f->file != res->path || f->rule != ctx->rule) return;
    fix_edit *e = arena_alloc(res->arena, n * sizeof *e);
    for (size_t i = 0; i < n; i++) {
        if (edits[i].start > edits[i].end || edits[i].end > ctx->d->text_len ||
            (i && edits[i].start < edits[i - 1].end))
            return;  /* a rule's mistake must not corrupt a file */
        e[i].start = (uint32_t)edits[i].start;
        e[i].end = (uint32_t)edits[i].end;
        offset_pos(ctx->d, edits[i].start, &e[i].start_line, &e[i].start_col);
        offset_pos(ctx->d, edits[i].end, &e[i].end_line, &e[i].end_col);
        e[i].text = arena_strdup(res->arena, edits[i].text);
    }
    fix *fx = arena_alloc(res->arena, sizeof *fx);
    fx->title = arena_strdup(res->arena, title);
    fx->safe = safe;
    fx->n_edits = n;
    fx->edits = e;
    f->fix = fx;
}

double rule_option(lint_ctx *ctx, const char *name, double dflt)
{
    const lint_config *cfg = ctx->cfg;
    for (size_t i = cfg->n_opts; i-- > 0;)  /* the last one wins, as for severities */
        if (strcmp(cfg->opts[i].rule, ctx->rule->id) == 0 && strcmp(cfg->opts[i].name, name) == 0)
            return cfg->opts[i].value;
    return dflt;
}

int lint_today(const lint_ctx *ctx)
{
    return ctx->cfg->today;
}

uint64_t lint_regions(const lint_ctx *ctx)
{
    return ctx->cfg->regions ? ctx->cfg->regions : types_default_regions();
}

const char *lint_template_dir(const lint_ctx *ctx)
{
    return ctx->sink->template_dir;
}

void *lint_scratch(lint_ctx *ctx, size_t size)
{
    if (!ctx->sink->rule_scratch) ctx->sink->rule_scratch = arena_new_sized(16384);
    ctx->sink->scratch_used = 1;
    return arena_alloc(ctx->sink->rule_scratch, size);
}

const char *lint_mask(lint_ctx *ctx, const char *secret, size_t len)
{
    size_t shown = len < 4 ? len : 4;
    size_t stars = len - shown > 16 ? 16 : len - shown;
    if (stars < 4) stars = 4;
    char *m = arena_alloc(ctx->sink->res->arena, shown + stars + 1);
    memcpy(m, secret, shown);
    memset(m + shown, '*', stars);
    return m;
}

void *lint_alloc(lint_ctx *ctx, size_t size)
{
    return arena_alloc(ctx->d->arena, size);
}

/* ---- suppressions (src/suppress.c) ---- */

typedef struct unused_ctx { lint_ctx *ctx; const sup_list *l; } unused_ctx;

/* The fix of an unused comment suppression: remove the comment, and its
 * line when it stands alone. Only for a comment that names one rule: the
 * others on it may be in use. */
static void fix_unused_comment(lint_ctx *ctx, const sup_list *l, const sup_entry *e)
{
    const doc *d = ctx->d;
    if (!d || (e->scope != SUP_LINE && e->scope != SUP_FILE)) return;
    for (size_t i = 0; i < l->n; i++)
        if (&l->e[i] != e && l->e[i].line == e->line && l->e[i].col == e->col && l->e[i].file == e->file) return;
    size_t ls = doc_line_offset(d, e->line), hash = lint_offset(ctx, e->line, e->col);
    size_t le = hash;
    while (le < d->text_len && d->text[le] != '\n') le++;
    if (le > hash && d->text[le - 1] == '\r') le--;
    size_t from = hash;
    while (from > ls && (d->text[from - 1] == ' ' || d->text[from - 1] == '\t')) from--;
    lint_edit edit = {from, le, ""};
    if (from == ls)  /* alone on its line: the line goes */
        edit.end = le < d->text_len && d->text[le] == '\r' ? le + 2 : le < d->text_len ? le + 1 : le;
    if (edit.end > d->text_len) edit.end = d->text_len;
    report_fix(ctx, 1, "Remove the unused suppression", &edit, 1);
}

static void report_unused_suppression(void *user, const sup_entry *e, const char *message)
{
    unused_ctx *u = user;
    lint_ctx *ctx = u->ctx;
    lint_result *res = ctx->sink->res;
    int in_template = !e->file || e->file == res->path;
    uint32_t end_line = 0, end_col = 0;
    /* A comment in the template: the whole comment, to the end of its line. */
    if (in_template && (e->scope == SUP_LINE || e->scope == SUP_FILE) && ctx->d && ctx->d->line_starts)
        doc_offset_pos(ctx->d, doc_line_end(ctx->d, e->line), &end_line, &end_col);
    if (end_line != e->line || end_col <= e->col) end_line = end_col = 0;
    if (end_line)
        report_file_to(ctx, ctx->rule->sev, e->resource, res->path, e->line, e->col, end_line, end_col, "%s", message);
    else
        report_file(ctx, ctx->rule->sev, e->resource, in_template ? res->path : e->file, e->line, e->col, "%s",
                    message);
    if (in_template && !ctx->sink->last_dropped) {
        res->findings[res->n_findings - 1].file = res->path;  /* gets its source line */
        fix_unused_comment(ctx, u->l, e);
    }
}

/* Comment and Metadata suppressions mark findings; the ones that matched
 * nothing become SL007 findings (which suppressions can cover in turn). */
static void apply_suppressions(lint_ctx *ctx)
{
    lint_result *res = ctx->sink->res;
    sup_list l = {0};
    if (ctx->d && !ctx->d->is_json)  /* JSON has no comments */
        sup_scan_comments(&l, res->arena, res->path, ctx->d->text, ctx->d->text_len, "#");
    sup_scan_code_files(&l, res->arena, res->findings, res->n_findings, res->path);
    if (ctx->t) sup_scan_metadata(&l, res->arena, ctx->t);
    sup_apply(&l, res->findings, res->n_findings, res->path);
    const rule *unused = rule_find("SL007");
    if (unused && ctx->t && rule_on(ctx->cfg, unused)) {
        size_t first = res->n_findings;
        ctx->rule = unused;
        unused_ctx u = {ctx, &l};
        sup_each_unused(&l, ctx->cfg, res->arena, report_unused_suppression, &u);
        if (res->n_findings > first)  /* findings may still be NULL: no pointer arithmetic on it */
            sup_apply(&l, res->findings + first, res->n_findings - first, res->path);
    }
    sup_release(&l);
}

/* ---- running ---- */

/* Copy each finding's source line, so the template's text can be freed.
 * Findings come sorted, so those on one line are neighbours and share one
 * copy: a one-line JSON template with many findings copies its line once
 * and never scans it per finding. */
#define LINE_TEXT_MAX 300

static void attach_lines(lint_result *out, const doc *d)
{
    uint32_t line = 0;
    const char *text = NULL;
    for (size_t i = 0; i < out->n_findings; i++) {
        finding *f = &out->findings[i];
        if (f->file != out->path) continue;
        if (!text || f->line != line) {
            line = f->line;
            size_t start = doc_line_offset(d, line), end = doc_line_end(d, line);
            size_t len = end > start ? end - start : 0;
            if (len > LINE_TEXT_MAX) len = LINE_TEXT_MAX;
            char *copy = arena_strndup(out->arena, d->text + start, len);
            secret_mask_text(copy, len);  /* excerpts, snippets: never a whole secret */
            text = copy;
        }
        f->line_text = text;
    }
}

static int cmp_finding(const void *a, const void *b)
{
    const finding *x = a, *y = b;
    int c = x->file == y->file ? 0 : strcmp(x->file, y->file);  /* mostly the result's path */
    if (c) return c;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    c = strcmp(x->rule->id, y->rule->id);
    if (c) return c;
    return strcmp(x->message, y->message);
}

void lint_sort_findings(finding *f, size_t n)
{
    if (n > 1) qsort(f, n, sizeof *f, cmp_finding);
}

/* ---- one finding per cause ---- */

static int same_place(const finding *x, const finding *y)
{
    return x->rule == y->rule && x->line == y->line && x->col == y->col &&
           (x->file == y->file || strcmp(x->file, y->file) == 0);
}

static int cmp_place(const void *a, const void *b)
{
    const finding *x = *(finding *const *)a, *y = *(finding *const *)b;
    int c = x->file == y->file ? 0 : strcmp(x->file, y->file);
    if (c) return c;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    if (x->col != y->col) return x->col < y->col ? -1 : 1;
    if (x->rule != y->rule) return x->rule < y->rule ? -1 : 1;
    return x < y ? -1 : x > y;  /* report order: the template's order */
}

/* "; applies to A, B, C" (at most ten names, then how many more). */
static const char *with_owners(lint_result *out, const char *message, finding **group, size_t n)
{
    char buf[1024];
    size_t len = (size_t)snprintf(buf, sizeof buf, "%s; applies to ", message);
    size_t named = 0, distinct = 0;
    strmap seen; /* ids are interned, but a hash of their text costs little and assumes nothing */
    strmap_init(&seen);
    for (size_t i = 0; i < n; i++) {
        const char *id = group[i]->resource;
        int first;
        if (!id || strmap_get(&seen, id, strlen(id), &first)) continue;
        strmap_put(&seen, id, strlen(id), (int)i);
        distinct++;
        if (named == 10 || len >= sizeof buf) continue;
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", named ? ", " : "", id);
        named++;
    }
    strmap_release(&seen);
    if (distinct > named && len < sizeof buf)
        snprintf(buf + len, sizeof buf - len, " and %zu more", distinct - named);
    return arena_strdup(out->arena, buf);
}

/* Findings of one rule at one place (a Globals value several functions
 * inherit, a handler file they share, a parameter's Default) become one,
 * which names every resource it applies to; so does a finding at a value
 * outside its own resource. A copy that its resource's Metadata suppresses
 * drops out of the list; the finding is suppressed only when every copy is.
 * The kept finding's resource is the first one in the template. */
static void merge_same_place(lint_ctx *ctx)
{
    lint_result *out = ctx->sink->res;
    size_t n = out->n_findings;
    if (n == 0) return;
    finding **order = xcalloc(n, sizeof *order);
    finding **live = xcalloc(n, sizeof *live);
    for (size_t i = 0; i < n; i++) order[i] = &out->findings[i];
    qsort(order, n, sizeof *order, cmp_place);
    for (size_t i = 0, j; i < n; i = j) {
        size_t n_live = 0, distinct = 0;
        for (j = i; j < n && same_place(order[i], order[j]); j++)
            if (!order[j]->suppressed) live[n_live++] = order[j];
        finding *keep = n_live ? live[0] : order[i];
        for (size_t k = i; k < j; k++)
            if (order[k] != keep) order[k]->rule = NULL;  /* merged into keep */
        for (size_t k = 0; k < n_live && distinct < 2; k++)
            if (live[k]->resource && (!distinct || strcmp(live[k]->resource, keep->resource) != 0)) distinct++;
        int in_tree = ctx->t && keep->file == out->path;
        const char *here = in_tree ? owner_at(ctx, keep->line, keep->col) : NULL;
        int outside = keep->resource && in_tree && (!here || strcmp(here, keep->resource) != 0);
        if (n_live && (distinct > 1 || outside)) keep->message = with_owners(out, keep->message, live, n_live);
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (out->findings[i].rule) out->findings[w++] = out->findings[i];
    out->n_findings = w;
    free(live);
    free(order);
}

static char *dir_of(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return arena_strdup(a, ".");
    if (slash == path) return arena_strdup(a, "/");
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* Quick look for a directory scan: could these bytes be a template? */
static int looks_like_template(const char *bytes, size_t len)
{
    static const char *const marks[] = {"Resources", "AWSTemplateFormatVersion", "AWS::Serverless", NULL};
    for (int i = 0; marks[i]; i++)
        if (memmem(bytes, len, marks[i], strlen(marks[i]))) return 1;
    return 0;
}

static void sink_release(struct lint_sink *sink)
{
    arena_free(sink->rule_scratch);
    free(sink->kept_by_rule);
    free(sink->dropped_by_rule);
    free(sink->id_copies);
    strmap_release(&sink->ids);
}

/* A growing list of distinct paths, copied into the result's arena. */
typedef struct path_set {
    lint_result *out;
    const char **items;
    size_t n, cap;
} path_set;

static void path_set_add(void *user, const char *path)
{
    path_set *s = user;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->items[i], path) == 0) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 4;
        s->items = xrealloc(s->items, s->cap * sizeof *s->items);
    }
    s->items[s->n++] = arena_strdup(s->out->arena, path);
}

static const char **path_set_keep(path_set *s, size_t *n)
{
    *n = s->n;
    const char **kept = NULL;
    if (s->n) {
        kept = arena_alloc(s->out->arena, s->n * sizeof *kept);
        memcpy(kept, s->items, s->n * sizeof *kept);
    }
    free(s->items);
    return kept;
}

/* What the result says about handler code: the files the SL4xx rules read
 * (for the summary's count) and, for --pre-commit, the code folders. */
static void note_code(lint_ctx *ctx, lint_result *out)
{
    if (ctx->code_targets) {
        path_set files = {out, NULL, 0, 0};
        for (size_t i = 0; i < ctx->code_targets->n; i++)
            if (ctx->code_targets->items[i].where == TARGET_FILE)
                path_set_add(&files, ctx->code_targets->items[i].path);
        out->code_files = path_set_keep(&files, &out->n_code_files);
    }
    if (ctx->cfg->want_code_dirs) {
        path_set dirs = {out, NULL, 0, 0};
        code_each_dir(ctx, path_set_add, &dirs);
        out->code_dirs = path_set_keep(&dirs, &out->n_code_dirs);
    }
}

static void run_rule(lint_ctx *ctx, const rule *r)
{
    /* r is the registry's own entry (what rule_find(r->id) returns). */
    if (!rule_on(ctx->cfg, r)) return;
    ctx->rule = r;
    r->check(ctx);
    if (ctx->sink->scratch_used) {
        arena_reset(ctx->sink->rule_scratch);
        ctx->sink->scratch_used = 0;
    }
}

/* lint_buffer, where `borrow` says bytes[len] is NUL and outlives the lint:
 * the loader reads them in place (lint_path's own buffer). */
static void lint_bytes(const lint_config *cfg, const char *path, const char *bytes, size_t len,
                       int explicit_path, int borrow, lint_result *out)
{
    memset(out, 0, sizeof *out);
    out->arena = arena_new_sized(RESULT_BLOCK);
    out->path = arena_strdup(out->arena, path);
    if (!explicit_path && !looks_like_template(bytes, len)) return;

    struct lint_sink sink;
    memset(&sink, 0, sizeof sink);
    sink.res = out;
    sink.template_dir = dir_of(out->arena, path);
    sink.kept_by_rule = xcalloc(rule_count + 1, sizeof *sink.kept_by_rule);
    sink.dropped_by_rule = xcalloc(rule_count + 1, sizeof *sink.dropped_by_rule);
    strmap_init(&sink.ids);
    lint_ctx ctx = {0};
    ctx.cfg = cfg;
    ctx.sink = &sink;

    doc_limits lim = {cfg->max_depth, cfg->max_alias_nodes, 0, borrow};
    doc_result dr = doc_load(path, bytes, len, &lim);
    ctx.d = dr.d;
    ctx.problems = dr.problems;
    ctx.n_problems = dr.n_problems;

    tmpl t;
    graph g;
    int have_tmpl = 0;
    if (!dr.fatal) {
        const char *why = NULL;
        if (tmpl_build(&t, dr.d, &why) == 0) {
            have_tmpl = 1;
            ctx.t = &t;
            if (cfg->params && cfg->params->n) tmpl_set_values(&t, dr.d, cfg->params);
            graph_build(&g, &t);
            ctx.g = &g;
        } else {
            tmpl_release(&t);
            if (!explicit_path) {
                doc_free(dr.d);
                sink_release(&sink);
                return;
            }
            ctx.not_template = why;
        }
    }
    out->linted = 1;
    for (size_t i = 0; i < rule_count; i++) {
        const rule *r = &rule_registry[i];
        if (have_tmpl || strcmp(r->id, "SL001") == 0 || strcmp(r->id, "SL002") == 0 || strcmp(r->id, "SL003") == 0)
            run_rule(&ctx, r);  /* the loader's rules also run on what is no template */
    }
    report_dropped(&ctx);
    apply_suppressions(&ctx);
    merge_same_place(&ctx);
    for (size_t i = 0; i < out->n_findings; i++)
        out->findings[i].sev = effective_severity(cfg, out->findings[i].rule->id, out->findings[i].sev);
    lint_sort_findings(out->findings, out->n_findings);
    attach_lines(out, dr.d);
    if (have_tmpl) note_code(&ctx, out);

    if (have_tmpl) {
        graph_release(&g);
        tmpl_release(&t);
    }
    doc_free(dr.d);
    sink_release(&sink);
}

static void set_error(lint_result *out, const char *path, const char *fmt, const char *detail)
{
    memset(out, 0, sizeof *out);
    out->arena = arena_new_sized(RESULT_BLOCK);
    out->path = arena_strdup(out->arena, path);
    out->error = arena_printf(out->arena, fmt, detail);
}

/* A file over the size limit is a finding (SL001), not a read error. */
static void too_big(const lint_config *cfg, const char *path, lint_result *out)
{
    memset(out, 0, sizeof *out);
    out->arena = arena_new_sized(RESULT_BLOCK);
    out->path = arena_strdup(out->arena, path);
    out->linted = 1;
    const rule *r = rule_find("SL001");
    if (!r || !rule_on(cfg, r)) return;
    out->findings = xcalloc(1, sizeof *out->findings);
    out->n_findings = 1;
    finding *f = &out->findings[0];
    f->rule = r;
    f->sev = effective_severity(cfg, r->id, r->sev);
    f->file = out->path;
    f->line = f->col = f->end_line = f->end_col = 1;
    f->message = arena_printf(out->arena, "file is larger than the %zu-byte limit (--max-file-size); not linted",
                              cfg->max_file_size);
}

void lint_buffer(const lint_config *cfg, const char *path, const char *bytes, size_t len,
                 int explicit_path, lint_result *out)
{
    lint_bytes(cfg, path, bytes, len, explicit_path, 0, out);
}

void lint_path(const lint_config *cfg, const char *path, int explicit_path, lint_result *out)
{
    char err[256];
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? (cfg->stdin_name ? cfg->stdin_name : "<stdin>") : path;
    char *bytes = NULL;
    size_t len = 0;
    int rc = is_stdin ? rfile_read_fd(0, 0, cfg->max_file_size, &bytes, &len, err, sizeof err)
                      : rfile_read(path, cfg->max_file_size, &bytes, &len, err, sizeof err);
    if (rc == RFILE_TOO_BIG) {
        too_big(cfg, name, out);
        return;
    }
    if (rc != RFILE_OK) {
        set_error(out, name, "%s", err);
        return;
    }
    lint_bytes(cfg, name, bytes, len, explicit_path, 1, out);  /* rfile ends the bytes with a NUL */
    free(bytes);
}

void lint_results_mask_paths(lint_result *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (r[i].path) secret_mask_path(r[i].path, strlen(r[i].path));
        for (size_t j = 0; j < r[i].n_findings; j++) {
            finding *f = &r[i].findings[j];
            /* Another file's name is the result's own copy (arena_strdup): writable. */
            if (f->file && f->file != r[i].path) secret_mask_path((char *)f->file, strlen(f->file));
        }
    }
}

void lint_result_release(lint_result *r)
{
    free(r->findings);
    arena_free(r->arena);
    memset(r, 0, sizeof *r);
}
