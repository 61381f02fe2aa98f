/* suppress: `# samlint: ignore` comments and Metadata ignore lists, with reasons. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "code.h"
#include "ruledoc.h"
#include "suppress.h"

static sup_entry *sup_add(sup_list *l)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->e = xrealloc(l->e, l->cap * sizeof *l->e);
    }
    sup_entry *e = &l->e[l->n++];
    memset(e, 0, sizeof *e);
    return e;
}

static void sup_add_rule(sup_list *l, struct arena *a, const char *word, size_t len,
                         const sup_entry *proto)
{
    sup_entry *e = sup_add(l);
    *e = *proto;
    char *w = arena_strndup(a, word, len);
    const rule *r = ruledoc_find(w);
    e->rule = r ? r->id : w;
    e->known = r != NULL;
    if (!r)  /* ids are case-insensitive: "sl2" is the group SL2 */
        for (char *c = w; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c = (char)(*c - 'a' + 'A');
    /* A group prefix ("SL2") suppresses every rule it starts. */
    for (r = rule_registry; !e->known && len && r->id; r++)
        e->known = e->is_prefix = strncmp(r->id, w, len) == 0;
}

static int is_blank(int c) { return c == ' ' || c == '\t'; }

/* Is the line [s, end) empty or a comment only? */
static int line_is_comment_or_blank(const char *s, const char *end, const char *marker)
{
    while (s < end && is_blank((unsigned char)*s))
        s++;
    return s == end || *s == '\r' || strncmp(s, marker, strlen(marker)) == 0;
}

/* 1-based column in characters of p on the line starting at ls. */
static uint32_t char_col(const char *ls, const char *p)
{
    uint32_t col = 1;
    for (; ls < p; ls++)
        col += ((unsigned char)*ls & 0xC0) != 0x80;
    return col;
}

/* Parse the directive that starts after "samlint:" in [p, end). */
static void sup_parse_directive(sup_list *l, struct arena *a, const char *p, const char *end,
                                sup_entry *proto)
{
    while (p < end && is_blank((unsigned char)*p))
        p++;
    size_t kw;
    if ((size_t)(end - p) >= 11 && strncmp(p, "ignore-file", 11) == 0) {
        proto->scope = SUP_FILE;
        kw = 11;
    } else if ((size_t)(end - p) >= 6 && strncmp(p, "ignore", 6) == 0) {
        proto->scope = SUP_LINE;
        kw = 6;
    } else {
        return; /* another samlint directive: not ours to judge */
    }
    p += kw;
    if (p < end && !is_blank((unsigned char)*p) && *p != '\r')
        return; /* "ignored", "ignore-files": not a directive */

    /* The reason: everything after " -- ", trimmed. */
    const char *ids_end = end;
    for (const char *q = p; q + 1 < end; q++) {
        if (q[0] == '-' && q[1] == '-') {
            ids_end = q;
            const char *r = q + 2, *re = end;
            while (r < re && isspace((unsigned char)*r))
                r++;
            while (re > r && isspace((unsigned char)re[-1]))
                re--;
            proto->reason = re > r ? arena_strndup(a, r, (size_t)(re - r)) : NULL;
            break;
        }
    }
    size_t before = l->n;
    while (p < ids_end) {
        while (p < ids_end && (is_blank((unsigned char)*p) || *p == ',' || *p == '\r'))
            p++;
        const char *w = p;
        while (p < ids_end && !is_blank((unsigned char)*p) && *p != ',' && *p != '\r')
            p++;
        if (p > w)
            sup_add_rule(l, a, w, (size_t)(p - w), proto);
    }
    if (l->n == before)
        sup_add_rule(l, a, "", 0, proto); /* no id: reported as naming no rule */
}

void sup_scan_comments(sup_list *l, struct arena *a, const char *file, const char *text, size_t len,
                       const char *marker)
{
    if (!text || !memmem(text, len, "samlint:", 8))
        return;  /* most files have no directive: one fast search decides */
    size_t ml = strlen(marker);
    const char *end = text + len;
    uint32_t line = 1;
    for (const char *ls = text; ls < end; line++) {
        const char *le = memchr(ls, '\n', (size_t)(end - ls));
        if (!le)
            le = end;
        for (const char *p = ls; p < le; p++) {
            /* A comment starts at the marker at the line start or after a blank. */
            if ((size_t)(le - p) < ml || strncmp(p, marker, ml) != 0 ||
                (p > ls && !is_blank((unsigned char)p[-1])))
                continue;
            const char *q = p + ml;
            while (q < le && is_blank((unsigned char)*q))
                q++;
            if ((size_t)(le - q) < 8 || strncmp(q, "samlint:", 8) != 0)
                continue;
            sup_entry proto = { .file = file, .line = line, .col = char_col(ls, p), .target_line = line };
            if (line_is_comment_or_blank(ls, p, marker)) {
                /* A comment on a line of its own covers the next line with content. */
                const char *n = le;
                uint32_t target = line;
                while (n < end) {
                    const char *ns = n + 1;
                    const char *ne = ns < end ? memchr(ns, '\n', (size_t)(end - ns)) : NULL;
                    if (!ne)
                        ne = end;
                    target++;
                    if (ns >= end || !line_is_comment_or_blank(ns, ne, marker))
                        break;
                    n = ne;
                }
                proto.target_line = target;
            }
            sup_parse_directive(l, a, q + 8, le, &proto);
            break;
        }
        ls = le < end ? le + 1 : end;
    }
}

void sup_scan_code_files(sup_list *l, struct arena *a, const finding *f, size_t n,
                         const char *template_path)
{
    for (size_t i = 0; i < n; i++) {
        if (!f[i].file || strcmp(f[i].file, template_path) == 0)
            continue;
        size_t j = 0;
        while (j < i && (!f[j].file || strcmp(f[j].file, f[i].file) != 0))
            j++;
        if (j < i)
            continue; /* this file was scanned already */
        const code_file *cf = code_load(f[i].file);  /* the run's cache: no second read */
        if (cf->status == CODE_OK)
            sup_scan_comments(l, a, f[i].file, cf->src.text, cf->src.len,
                              cf->src.lang == CODE_JS ? "//" : "#");
    }
}

/* One entry of a Metadata ignore list: "SL201", or {id: SL201, reason: ...}. */
static void sup_meta_item(sup_list *l, struct arena *a, const doc *d, doc_id item,
                          const sup_entry *proto)
{
    sup_entry p = *proto;
    const doc_node *n = doc_at(d, item);
    p.line = n->line;
    p.col = n->col;
    if (doc_is_scalar(d, item)) {
        sup_add_rule(l, a, n->str, n->len, &p);
    } else if (doc_is_map(d, item)) {
        doc_id id = doc_get(d, item, "id");
        doc_id reason = doc_get(d, item, "reason");
        if (doc_is_scalar(d, reason))
            p.reason = arena_strdup(a, doc_str(d, reason));
        if (doc_is_scalar(d, id)) {
            p.line = doc_at(d, id)->line;
            p.col = doc_at(d, id)->col;
            sup_add_rule(l, a, doc_str(d, id), doc_at(d, id)->len, &p);
            return;
        }
        /* {SL201: "reason", ...} */
        for (uint32_t i = 0; i < doc_count(d, item); i++) {
            doc_id k = doc_key(d, item, i), v = doc_val(d, item, i);
            if (!doc_is_scalar(d, k))
                continue;
            sup_entry q = p;
            q.line = doc_at(d, k)->line;
            q.col = doc_at(d, k)->col;
            q.reason = doc_is_scalar(d, v) && !doc_is_null(d, v) ? arena_strdup(a, doc_str(d, v)) : NULL;
            sup_add_rule(l, a, doc_str(d, k), doc_at(d, k)->len, &q);
        }
    }
}

static void sup_meta(sup_list *l, struct arena *a, const doc *d, doc_id metadata,
                     const sup_entry *proto)
{
    doc_id ignore = doc_path(d, metadata, "samlint", "ignore", (char *)NULL);
    if (ignore == DOC_NONE)
        return;
    if (doc_is_seq(d, ignore)) {
        for (uint32_t i = 0; i < doc_count(d, ignore); i++)
            sup_meta_item(l, a, d, doc_item(d, ignore, i), proto);
    } else {
        sup_meta_item(l, a, d, ignore, proto);
    }
}

void sup_scan_metadata(sup_list *l, struct arena *a, const tmpl *t)
{
    const doc *d = t->d;
    sup_entry proto = { .scope = SUP_TEMPLATE };
    if (doc_is_map(d, t->metadata))
        sup_meta(l, a, d, t->metadata, &proto);
    for (size_t i = 0; i < t->n_res; i++) {
        if (!doc_is_map(d, t->res[i].metadata))
            continue;
        /* Strings are copied: the findings outlive the document. */
        sup_entry rp = { .scope = SUP_RESOURCE, .resource = arena_strdup(a, t->res[i].id) };
        sup_meta(l, a, d, t->res[i].metadata, &rp);
    }
}

/* Is the finding in the file the suppression was written in? */
static int same_file(const sup_entry *e, const finding *f)
{
    return f->file && e->file && (f->file == e->file || strcmp(f->file, e->file) == 0);
}

static int sup_covers(const sup_entry *e, const finding *f, const char *template_path)
{
    if (!e->known || (e->is_prefix ? strncmp(f->rule->id, e->rule, strlen(e->rule))
                                   : strcmp(e->rule, f->rule->id)) != 0)
        return 0;
    switch (e->scope) {
    case SUP_LINE:
        return f->line == e->target_line && same_file(e, f);
    case SUP_RESOURCE:
        return f->resource && strcmp(f->resource, e->resource) == 0;
    case SUP_FILE:
        /* ignore-file in the template covers all it reports, handler code included. */
        return same_file(e, f) || (template_path && strcmp(e->file, template_path) == 0);
    case SUP_TEMPLATE:
        return 1;
    }
    return 0;
}

static void sup_mark(sup_entry *e, finding *f, const char *template_path)
{
    if (!sup_covers(e, f, template_path))
        return;
    e->used = 1;
    if (!f->suppressed || (!f->suppress_reason && e->reason)) {
        f->suppressed = 1;
        f->suppress_reason = e->reason;
    }
}

static int cmp_by_line(const void *a, const void *b)
{
    uint32_t x = (*(sup_entry *const *)a)->target_line, y = (*(sup_entry *const *)b)->target_line;
    return x < y ? -1 : x > y;
}

static int cmp_by_resource(const void *a, const void *b)
{
    return strcmp((*(sup_entry *const *)a)->resource, (*(sup_entry *const *)b)->resource);
}

/* First index in the sorted [0, n) whose key is not below the finding's. */
static size_t lower_bound(sup_entry **v, size_t n, const finding *f, int by_line)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int below = by_line ? v[mid]->target_line < f->line : strcmp(v[mid]->resource, f->resource) < 0;
        if (below)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void sup_apply(sup_list *l, finding *f, size_t n, const char *template_path)
{
    /* Line and resource suppressions are sorted and searched, so that large
     * templates (thousands of findings and suppressions) stay fast; the few
     * file-wide ones are tried on every finding. */
    sup_entry **lines = xcalloc(l->n + 1, sizeof *lines), **res = xcalloc(l->n + 1, sizeof *res);
    sup_entry **wide = xcalloc(l->n + 1, sizeof *wide);
    size_t n_lines = 0, n_res = 0, n_wide = 0;
    for (size_t j = 0; j < l->n; j++) {
        sup_entry *e = &l->e[j];
        if (e->scope == SUP_LINE)
            lines[n_lines++] = e;
        else if (e->scope == SUP_RESOURCE)
            res[n_res++] = e;
        else
            wide[n_wide++] = e;
    }
    qsort(lines, n_lines, sizeof *lines, cmp_by_line);
    qsort(res, n_res, sizeof *res, cmp_by_resource);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = lower_bound(lines, n_lines, &f[i], 1);
             j < n_lines && lines[j]->target_line == f[i].line; j++)
            sup_mark(lines[j], &f[i], template_path);
        for (size_t j = f[i].resource ? lower_bound(res, n_res, &f[i], 0) : n_res;
             j < n_res && strcmp(res[j]->resource, f[i].resource) == 0; j++)
            sup_mark(res[j], &f[i], template_path);
        for (size_t j = 0; j < n_wide; j++)
            sup_mark(wide[j], &f[i], template_path);
    }
    free(lines);
    free(res);
    free(wide);
}

void sup_each_unused(const sup_list *l, const lint_config *cfg, struct arena *a,
                     void (*emit)(void *user, const sup_entry *e, const char *message), void *user)
{
    for (size_t i = 0; i < l->n; i++) {
        const sup_entry *e = &l->e[i];
        /* SL007 findings exist only after this pass: never judge their suppressions. */
        if (e->used || (e->known && strcmp(e->rule, "SL007") == 0))
            continue;
        const char *msg;
        if (!e->known)
            msg = *e->rule ? arena_printf(a, "suppression names '%s', which is no samlint rule", e->rule)
                           : "suppression names no rule id (write `samlint: ignore SLnnn -- reason`)";
        else if (!lint_rule_enabled(cfg, e->rule))
            continue;
        else if (e->scope == SUP_LINE)
            msg = arena_printf(a, "unused suppression: no %s finding on the line it covers; remove it",
                               e->rule);
        else if (e->scope == SUP_RESOURCE)
            msg = arena_printf(a, "unused suppression: no %s finding in %s; remove it",
                               e->rule, e->resource);
        else
            msg = arena_printf(a, "unused suppression: no %s finding in this file; remove it", e->rule);
        emit(user, e, msg);
    }
}

void sup_release(sup_list *l)
{
    free(l->e);
    l->e = NULL;
    l->n = l->cap = 0;
}
