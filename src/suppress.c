/* suppress: `# samlint: ignore` comments and Metadata ignore lists, with reasons. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "code.h"
#include "ruledoc.h"
#include "strmap.h"
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
    strmap scanned;
    strmap_init(&scanned);
    for (size_t i = 0; i < n; i++) {
        if (!f[i].file || strcmp(f[i].file, template_path) == 0)
            continue;
        int seen;
        size_t len = strlen(f[i].file);
        if (strmap_get(&scanned, f[i].file, len, &seen))
            continue; /* this file was scanned already */
        strmap_put(&scanned, f[i].file, len, 1);
        const code_file *cf = code_load(f[i].file);  /* the run's cache: no second read */
        if (cf->status == CODE_OK)
            sup_scan_comments(l, a, f[i].file, cf->src.text, cf->src.len,
                              cf->src.lang == CODE_JS ? "//" : "#");
    }
    strmap_release(&scanned);
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

/* Applying suppressions: every entry that names a known rule gets a key
 * (what it is anchored to, and its rule id or group prefix); the keys are
 * sorted once, and each finding looks up only the keys that could cover it
 * (its line, its resource, its file, the whole template; its id and each of
 * the id's prefixes). Equal keys form a group that is marked used at once,
 * so N identical suppressions cost N, not N per finding. */
enum { KEY_WIDE, KEY_FILE, KEY_LINE, KEY_RESOURCE };

typedef struct sup_key {
    int kind;
    uint32_t line;          /* KEY_LINE: the line covered */
    const char *anchor;     /* KEY_FILE, KEY_LINE: file; KEY_RESOURCE: logical id */
    const char *rule;
    size_t rule_len;
    size_t index;           /* position in the list: the first reason given wins */
    sup_entry *e;
    size_t group_end;       /* on a group's first key: one past its last */
    sup_entry *reason;      /* on a group's first key: its first entry with a reason */
    int used;
} sup_key;

static int cmp_str_null(const char *a, const char *b)
{
    return a == b ? 0 : strcmp(a ? a : "", b ? b : "");
}

static int cmp_key_parts(const sup_key *x, int kind, uint32_t line, const char *anchor, const char *rid,
                         size_t rule_len)
{
    if (x->kind != kind)
        return x->kind < kind ? -1 : 1;
    if (x->line != line)
        return x->line < line ? -1 : 1;
    int c = cmp_str_null(x->anchor, anchor);
    if (c)
        return c;
    size_t n = x->rule_len < rule_len ? x->rule_len : rule_len;
    c = memcmp(x->rule, rid, n);
    if (c)
        return c;
    return x->rule_len < rule_len ? -1 : x->rule_len > rule_len;
}

static int cmp_key(const void *a, const void *b)
{
    const sup_key *x = a, *y = b;
    int c = cmp_key_parts(x, y->kind, y->line, y->anchor, y->rule, y->rule_len);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

typedef struct sup_index {
    sup_key *k;
    size_t n;
    unsigned kinds;         /* bit per kind present */
    unsigned rule_lens;     /* bit per rule id length present (ids are short) */
} sup_index;

static void index_build(sup_index *ix, sup_list *l, const char *template_path)
{
    ix->k = xcalloc(l->n + 1, sizeof *ix->k);
    ix->n = 0;
    ix->kinds = ix->rule_lens = 0;
    for (size_t j = 0; j < l->n; j++) {
        sup_entry *e = &l->e[j];
        if (!e->known)
            continue;
        sup_key *k = &ix->k[ix->n++];
        k->e = e;
        k->index = j;
        k->rule = e->rule;
        k->rule_len = strlen(e->rule);
        switch (e->scope) {
        case SUP_LINE: k->kind = KEY_LINE; k->line = e->target_line; k->anchor = e->file; break;
        case SUP_RESOURCE: k->kind = KEY_RESOURCE; k->anchor = e->resource; break;
        case SUP_TEMPLATE: k->kind = KEY_WIDE; break;
        case SUP_FILE:
            /* ignore-file in the template covers all it reports, handler code included. */
            if (template_path && e->file && strcmp(e->file, template_path) == 0) {
                k->kind = KEY_WIDE;
            } else {
                k->kind = KEY_FILE;
                k->anchor = e->file;
            }
            break;
        }
        ix->kinds |= 1u << k->kind;
        if (k->rule_len < 32)
            ix->rule_lens |= 1u << k->rule_len;
    }
    qsort(ix->k, ix->n, sizeof *ix->k, cmp_key);
    for (size_t i = 0; i < ix->n;) {
        size_t end = i + 1;
        while (end < ix->n && cmp_key_parts(&ix->k[end], ix->k[i].kind, ix->k[i].line, ix->k[i].anchor,
                                            ix->k[i].rule, ix->k[i].rule_len) == 0)
            end++;
        ix->k[i].group_end = end;
        for (size_t j = i; j < end && !ix->k[i].reason; j++)
            if (ix->k[j].e->reason)
                ix->k[i].reason = ix->k[j].e;
        i = end;
    }
}

/* The group with exactly this key, or NULL. */
static sup_key *index_find(const sup_index *ix, int kind, uint32_t line, const char *anchor, const char *rid,
                           size_t rule_len)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key_parts(&ix->k[mid], kind, line, anchor, rid, rule_len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ix->n && cmp_key_parts(&ix->k[lo], kind, line, anchor, rid, rule_len) == 0)
        return &ix->k[lo];
    return NULL;
}

/* Mark the groups of `kind` that cover f (every prefix of its rule id);
 * returns whether any does, and in *reason the first entry with a reason. */
static int index_cover(const sup_index *ix, int kind, uint32_t line, const char *anchor, const finding *f,
                       sup_entry **reason)
{
    if (!(ix->kinds & (1u << kind)))
        return 0;
    const char *id = f->rule->id;
    size_t len = strlen(id);
    int any = 0;
    for (size_t l = 1; l <= len && l < 32; l++) {
        if (!(ix->rule_lens & (1u << l)))
            continue;
        sup_key *g = index_find(ix, kind, line, anchor, id, l);
        if (!g)
            continue;
        any = g->used = 1;
        if (g->reason && (!*reason || g->reason < *reason))
            *reason = g->reason;  /* entries are one array: lower address, earlier entry */
    }
    return any;
}

static void mark(finding *f, int covered, const sup_entry *reason)
{
    if (!covered)
        return;
    f->suppressed = 1;
    if (!f->suppress_reason && reason)
        f->suppress_reason = reason->reason;
}

void sup_apply(sup_list *l, finding *f, size_t n, const char *template_path)
{
    sup_index ix;
    index_build(&ix, l, template_path);
    for (size_t i = 0; ix.n && i < n; i++) {
        if (lint_rule_mandatory(f[i].rule->id))
            continue;
        sup_entry *reason = NULL;
        int c = f[i].file ? index_cover(&ix, KEY_LINE, f[i].line, f[i].file, &f[i], &reason) : 0;
        mark(&f[i], c, reason);
        reason = NULL;
        c = f[i].resource ? index_cover(&ix, KEY_RESOURCE, 0, f[i].resource, &f[i], &reason) : 0;
        mark(&f[i], c, reason);
        reason = NULL;
        c = index_cover(&ix, KEY_WIDE, 0, NULL, &f[i], &reason);
        c |= f[i].file ? index_cover(&ix, KEY_FILE, 0, f[i].file, &f[i], &reason) : 0;
        mark(&f[i], c, reason);
    }
    for (size_t i = 0; i < ix.n; i = ix.k[i].group_end)
        for (size_t j = i; ix.k[i].used && j < ix.k[i].group_end; j++)
            ix.k[j].e->used = 1;
    free(ix.k);
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
        else if (lint_rule_mandatory(e->rule))
            msg = arena_printf(a, "%s cannot be suppressed: a file that cannot be parsed is never linted; "
                                  "remove the suppression", e->rule);
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
