/* doc: libyaml events to a node arena with 1-based positions and tags. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "arena.h"
#include "doc_load.h"
#include "strmap.h"

_Static_assert(sizeof(doc_node) <= 24, "doc_node grew past 24 bytes: a 50 MB template holds four million of them");

/* Short-form CloudFormation tags and the long form they stand for. To add
 * one, add a row; the loader rewrites `!Tag x` into `{LongName: x}`. */
static const struct { const char *tag, *name; } intrinsic_tags[] = {
    {"!Ref", "Ref"},
    {"!Condition", "Condition"},
    {"!GetAtt", "Fn::GetAtt"},
    {"!Sub", "Fn::Sub"},
    {"!Join", "Fn::Join"},
    {"!Select", "Fn::Select"},
    {"!Split", "Fn::Split"},
    {"!If", "Fn::If"},
    {"!Equals", "Fn::Equals"},
    {"!And", "Fn::And"},
    {"!Or", "Fn::Or"},
    {"!Not", "Fn::Not"},
    {"!FindInMap", "Fn::FindInMap"},
    {"!Base64", "Fn::Base64"},
    {"!Cidr", "Fn::Cidr"},
    {"!GetAZs", "Fn::GetAZs"},
    {"!ImportValue", "Fn::ImportValue"},
    {"!Transform", "Fn::Transform"},
    {"!ToJsonString", "Fn::ToJsonString"},
    {"!Length", "Fn::Length"},
    {NULL, NULL},
};

/* The row of intrinsic_tags for `tag`, or -1. */
static int intrinsic_tag(const char *tag)
{
    for (int i = 0; intrinsic_tags[i].tag; i++)
        if (strcmp(tag, intrinsic_tags[i].tag) == 0) return i;
    return -1;
}

/* A big template repeats its short scalars ("Type", "Properties", "Ref",
 * its own logical ids) hundreds of thousands of times: one copy each,
 * through a direct-mapped table (a miss just copies). Small files skip it:
 * their copies cost little and the table would cost more. */
#define INTERN_FROM (256 * 1024)  /* bytes of text */
#define INTERN_SLOTS 65536

const char *ld_intern(loader *L, const char *text, size_t len)
{
    uint32_t h = strmap_hash(text, len);
    struct ld_interned *slot = &L->intern[(h ^ h >> 15) & (INTERN_SLOTS - 1)];
    if (slot->s && slot->len == len && memcmp(slot->s, text, len) == 0) return slot->s;
    slot->s = arena_strndup(L->a, text, len);
    slot->len = (uint32_t)len;
    return slot->s;
}


static void problem(loader *L, const char *rule, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void problem(loader *L, const char *rule, uint32_t line, uint32_t col, const char *fmt, ...)
{
    if (L->n_problems == L->cap_problems) {
        L->cap_problems = L->cap_problems ? L->cap_problems * 2 : 8;
        L->problems = xrealloc(L->problems, L->cap_problems * sizeof *L->problems);
    }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    doc_problem *p = &L->problems[L->n_problems++];
    p->rule = rule;
    p->line = line ? line : 1;
    p->col = col ? col : 1;
    p->message = arena_strdup(L->a, buf);
}

static size_t far_slot(const doc *d, doc_id id)
{
    size_t mask = d->cap_far - 1, i = ((uint32_t)id * 2654435761u) & mask;
    while (d->far[i].node != id && d->far[i].node != DOC_NONE) i = (i + 1) & mask;
    return i;
}

const doc_far *doc_far_end(const doc *d, doc_id id)
{
    static const doc_far none = {DOC_NONE, 1, 1};
    if (!d->cap_far) return &none;
    const doc_far *f = &d->far[far_slot(d, id)];
    return f->node == id ? f : &none;
}

static void far_grow(doc *d)
{
    doc_far *old = d->far;
    size_t old_cap = d->cap_far;
    d->cap_far = old_cap ? old_cap * 2 : 64;
    d->far = xrealloc(NULL, d->cap_far * sizeof *d->far);
    for (size_t i = 0; i < d->cap_far; i++) d->far[i].node = DOC_NONE;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].node != DOC_NONE) d->far[far_slot(d, old[i].node)] = old[i];
    free(old);
}

void doc_set_far_end(doc *d, doc_id id, uint32_t end_line, uint32_t end_col)
{
    doc_node *n = &d->nodes[id];
    if ((d->n_far + 1) * 4 > d->cap_far * 3) far_grow(d);
    doc_far *f = &d->far[far_slot(d, id)];
    if (f->node == DOC_NONE) d->n_far++;
    f->node = id;
    f->end_line = end_line;
    f->end_col = end_col;
    n->end_code = DOC_END_FAR;
}

doc_id ld_new_node(loader *L, enum doc_kind kind, const yaml_mark_t *start, const yaml_mark_t *end)
{
    doc *d = L->d;
    if (d->n_nodes == L->cap_nodes) {
        L->cap_nodes = L->cap_nodes ? L->cap_nodes * 2 : 256;
        d->nodes = xrealloc(d->nodes, L->cap_nodes * sizeof *d->nodes);
        L->weight = xrealloc(L->weight, L->cap_nodes * sizeof *L->weight);
    }
    doc_id id = (doc_id)d->n_nodes++;
    uint32_t line = (uint32_t)start->line + 1, end_line = (uint32_t)end->line + 1, end_col = (uint32_t)end->column + 1;
    uint32_t code = doc_end_pack(line, end_line, end_col);
    /* A collection's coll_end stays 0 while it is open. */
    d->nodes[id] = (doc_node){.kind = (uint8_t)kind, .line = line, .col = (uint32_t)start->column + 1,
                              .end_code = code & DOC_END_FAR};
    if (code == DOC_END_FAR) doc_set_far_end(d, id, end_line, end_col);
    L->weight[id] = 1;
    return id;
}

char *ld_scratch(loader *L, size_t n)
{
    if (n > L->cap_scratch) {
        size_t cap = L->cap_scratch ? L->cap_scratch : 256;
        while (cap < n) cap *= 2;
        L->scratch = xrealloc(L->scratch, cap);
        L->cap_scratch = cap;
    }
    return L->scratch;
}

static void push_pending(loader *L, doc_id id)
{
    if (L->n_pending == L->cap_pending) {
        L->cap_pending = L->cap_pending ? L->cap_pending * 2 : 256;
        L->pending = xrealloc(L->pending, L->cap_pending * sizeof *L->pending);
    }
    L->pending[L->n_pending++] = id;
}

/* A scalar the loader makes; `text` is copied unless `lasting` (a string
 * literal of intrinsic_tags). */
static doc_id synth_scalar(loader *L, const char *text, size_t len, doc_id at_id, int lasting)
{
    const doc_node *at = &L->d->nodes[at_id];
    yaml_mark_t m = {0, at->line - 1, at->col - 1};
    yaml_mark_t e = {0, doc_end_line(L->d, at_id) - 1, doc_end_col(L->d, at_id) - 1};
    doc_id id = ld_new_node(L, DOC_SCALAR, &m, &e);
    doc_node *n = &L->d->nodes[id];
    n->style = DOC_SYNTH;
    n->str = lasting ? text : ld_copy_scalar(L, text, len);
    n->len = (uint32_t)len;
    return id;
}

static void dup_key_check(loader *L, doc_id map);

/* Tag node `id`, the newest node: the table stays in node order. */
#define N_INTRINSIC_TAGS (sizeof intrinsic_tags / sizeof intrinsic_tags[0] - 1)

/* Tag node `id`, the newest node: the table stays in node order. `row` is
 * the tag's row of intrinsic_tags, or -1 for another tag (copied). */
static void set_tag(loader *L, doc_id id, const char *tag, int row)
{
    doc *d = L->d;
    if (d->n_tags == L->cap_tags) {
        L->cap_tags = L->cap_tags ? L->cap_tags * 2 : 16;
        d->tags = xrealloc(d->tags, L->cap_tags * sizeof *d->tags);
    }
    uint32_t name = (uint32_t)row;
    if (row < 0) {
        if (d->n_tag_names == L->cap_tag_names) {
            L->cap_tag_names = L->cap_tag_names ? L->cap_tag_names * 2 : 16;
            d->tag_names = xrealloc(d->tag_names, L->cap_tag_names * sizeof *d->tag_names);
        }
        name = (uint32_t)(N_INTRINSIC_TAGS + d->n_tag_names);
        d->tag_names[d->n_tag_names++] = ld_copy_scalar(L, tag, strlen(tag));
    }
    d->tags[d->n_tags].node = id;
    d->tags[d->n_tags++].name = name;
    d->nodes[id].tagged = 1;
}

const char *doc_tag_name(const doc *d, uint32_t name)
{
    return name < N_INTRINSIC_TAGS ? intrinsic_tags[name].tag : d->tag_names[name - N_INTRINSIC_TAGS];
}

const char *doc_tag(const doc *d, doc_id id)
{
    if (id < 0 || !d->nodes[id].tagged) return NULL;
    size_t lo = 0, hi = d->n_tags;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->tags[mid].node < id) lo = mid + 1;
        else hi = mid;
    }
    return lo < d->n_tags && d->tags[lo].node == id ? doc_tag_name(d, d->tags[lo].name) : NULL;
}

/* Finish a collection: move its pending items into doc->items. */
static void finish_collection(loader *L, frame *f)
{
    doc *d = L->d;
    size_t n = L->n_pending - f->first_pending;
    if (d->n_items + n > L->cap_items) {
        while (d->n_items + n > L->cap_items) L->cap_items = L->cap_items ? L->cap_items * 2 : 1024;
        d->items = xrealloc(d->items, L->cap_items * sizeof *d->items);
    }
    doc_node *node = &d->nodes[f->node];
    node->first = (uint32_t)d->n_items;
    uint64_t w = 1;
    for (size_t i = 0; i < n; i++) {
        doc_id c = L->pending[f->first_pending + i];
        d->items[d->n_items++] = c;
        w += L->weight[c];
    }
    L->weight[f->node] = w;
    node->len = (uint32_t)(node->kind == DOC_MAP ? n / 2 : n);
    node->coll_end = (doc_id)d->n_nodes;
    L->n_pending = f->first_pending;
    if (node->kind == DOC_MAP) dup_key_check(L, f->node);
}

void ld_pop_frame(loader *L)
{
    frame f = L->frames[--L->n_frames];
    finish_collection(L, &f);
    ld_add_child(L, f.node);
}

/* A finished node becomes an item of the innermost open collection; a
 * wrapper closes as soon as its one value arrives. */
void ld_add_child(loader *L, doc_id id)
{
    if (L->n_frames == 0) {
        if (L->d->root == DOC_NONE) L->d->root = id;
        return;
    }
    push_pending(L, id);
    frame *top = &L->frames[L->n_frames - 1];
    if (top->wrapper && L->n_pending - top->first_pending == 2) {
        doc_set_end(L->d, top->node, doc_end_line(L->d, id), doc_end_col(L->d, id));
        ld_pop_frame(L);
    }
}

int ld_push_frame(loader *L, doc_id node, int wrapper, const yaml_mark_t *at)
{
    if (L->n_frames >= L->lim->max_depth) {
        problem(L, "SL001", (uint32_t)at->line + 1, (uint32_t)at->column + 1,
                "nesting deeper than %zu levels", L->lim->max_depth);
        L->fatal = 1;
        return -1;
    }
    if (L->n_frames == L->cap_frames) {
        L->cap_frames = L->cap_frames ? L->cap_frames * 2 : 32;
        L->frames = xrealloc(L->frames, L->cap_frames * sizeof *L->frames);
    }
    frame *f = &L->frames[L->n_frames++];
    f->node = node;
    f->first_pending = L->n_pending;
    f->wrapper = wrapper;
    return 0;
}

/* For a tag that names an intrinsic, open the wrapper mapping {Name: ...}
 * and its key. Returns the long name or NULL. */
static const char *open_wrapper(loader *L, const char *tag, const yaml_mark_t *s, const yaml_mark_t *e)
{
    int row = tag ? intrinsic_tag(tag) : -1;
    if (row < 0) return NULL;
    const char *name = intrinsic_tags[row].name;
    doc_id w = ld_new_node(L, DOC_MAP, s, e);
    set_tag(L, w, intrinsic_tags[row].tag, row);
    L->d->nodes[w].style = DOC_SYNTH;
    if (ld_push_frame(L, w, 1, s) < 0) return NULL;
    push_pending(L, synth_scalar(L, name, strlen(name), w, 1));
    return name;
}

static void register_anchor(loader *L, const yaml_char_t *anchor, doc_id id)
{
    if (!anchor) return;
    const char *a = arena_strdup(L->a, (const char *)anchor);
    strmap_put(&L->anchors, a, strlen(a), id);
}

void ld_on_scalar(loader *L, const yaml_event_t *ev)
{
    const char *tag = (const char *)ev->data.scalar.tag;
    const char *text = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    const char *name = tag ? open_wrapper(L, tag, &ev->start_mark, &ev->end_mark) : NULL;
    if (L->fatal) return;

    int quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    if (name && strcmp(name, "Fn::GetAtt") == 0) {
        /* !GetAtt A.B.C -> [A, "B.C"] */
        doc_id seq = ld_new_node(L, DOC_SEQ, &ev->start_mark, &ev->end_mark);
        if (ld_push_frame(L, seq, 0, &ev->start_mark) < 0) return;
        const char *dot = memchr(text, '.', len);
        size_t first_len = dot ? (size_t)(dot - text) : len;
        doc_id a = synth_scalar(L, text, first_len, seq, 0);
        doc_node *an = &L->d->nodes[a];
        an->style = DOC_PLAIN;
        if (an->line == doc_end_line(L->d, a)) an->col += (uint32_t)((quoted ? 1 : 0) + strlen(tag) + 1);
        push_pending(L, a);
        if (dot) {
            doc_id b = synth_scalar(L, dot + 1, len - first_len - 1, seq, 0);
            doc_node *bn = &L->d->nodes[b];
            bn->style = DOC_PLAIN;
            if (bn->line == doc_end_line(L->d, b))
                bn->col += (uint32_t)(first_len + 1 + (quoted ? 1 : 0) + strlen(tag) + 1);
            push_pending(L, b);
        }
        ld_pop_frame(L);
        return;
    }

    doc_id id = ld_new_node(L, DOC_SCALAR, &ev->start_mark, &ev->end_mark);
    doc_node *n = &L->d->nodes[id];
    n->style = quoted ? DOC_QUOTED : DOC_PLAIN;
    n->str = ld_copy_scalar(L, text, len);
    n->len = (uint32_t)len;
    if (tag && !name) set_tag(L, id, tag, -1);
    if (name && n->line == doc_end_line(L->d, id)) {
        /* Point at the value itself, after "!Tag ". */
        size_t skip = strlen(tag) + 1;
        if (doc_end_col(L->d, id) > n->col + skip) n->col += (uint32_t)skip;
    }
    register_anchor(L, ev->data.scalar.anchor, id);
    ld_add_child(L, id);
}

void ld_on_collection_start(loader *L, const yaml_event_t *ev, enum doc_kind kind)
{
    const char *tag = (const char *)(kind == DOC_MAP ? ev->data.mapping_start.tag : ev->data.sequence_start.tag);
    const yaml_char_t *anchor = kind == DOC_MAP ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
    const char *name = tag ? open_wrapper(L, tag, &ev->start_mark, &ev->end_mark) : NULL;
    if (L->fatal) return;
    doc_id id = ld_new_node(L, kind, &ev->start_mark, &ev->end_mark);
    if (tag && !name) set_tag(L, id, tag, -1);
    register_anchor(L, anchor, id);
    ld_push_frame(L, id, 0, &ev->start_mark);
}

void ld_on_collection_end(loader *L, const yaml_event_t *ev)
{
    if (L->n_frames == 0) return;
    doc_set_end(L->d, L->frames[L->n_frames - 1].node, (uint32_t)ev->end_mark.line + 1,
                (uint32_t)ev->end_mark.column + 1);
    ld_pop_frame(L);
}

static void on_alias(loader *L, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    int target;
    uint32_t line = (uint32_t)ev->start_mark.line + 1, col = (uint32_t)ev->start_mark.column + 1;
    if (!strmap_get(&L->anchors, name, strlen(name), &target)) {
        problem(L, "SL001", line, col, "alias *%.64s names no anchor", name);
        L->fatal = 1;
        return;
    }
    if (L->d->nodes[target].kind != DOC_SCALAR && L->d->nodes[target].coll_end == 0) {
        problem(L, "SL001", line, col, "alias *%.64s refers to a collection that contains it", name);
        L->fatal = 1;
        return;
    }
    L->alias_nodes += L->weight[target];
    if (L->alias_nodes > L->lim->max_alias_nodes) {
        problem(L, "SL001", line, col,
                "aliases expand to more than %zu nodes (alias bomb?)", L->lim->max_alias_nodes);
        L->fatal = 1;
        return;
    }
    /* The alias shares the anchored node: nodes are referred to by index. */
    ld_add_child(L, target);
}

/* Report every repeated key of a finished mapping (SL003). Short mappings
 * are compared pairwise; long ones through a hash map. */
static void dup_key_check(loader *L, doc_id map)
{
    const doc *d = L->d;
    const doc_node *m = &d->nodes[map];
    uint32_t n = m->len;
    if (n < 2) return;
    const doc_id *items = d->items + m->first;
    if (n <= 16) {
        for (uint32_t i = 1; i < n; i++) {
            const doc_node *k = &d->nodes[items[2 * i]];
            if (k->kind != DOC_SCALAR) continue;
            for (uint32_t j = 0; j < i; j++) {
                const doc_node *p = &d->nodes[items[2 * j]];
                if (p->kind == DOC_SCALAR && p->len == k->len && memcmp(p->str, k->str, k->len) == 0) {
                    problem(L, "SL003", k->line, k->col,
                            "duplicate key '%.80s' (first at line %u): YAML keeps only the last value and CloudFormation rejects the template",
                            k->str, p->line);
                    break;
                }
            }
        }
        return;
    }
    strmap seen;
    strmap_init(&seen);
    for (uint32_t i = 0; i < n; i++) {
        const doc_node *k = &d->nodes[items[2 * i]];
        if (k->kind != DOC_SCALAR) continue;
        int first;
        if (strmap_get(&seen, k->str, k->len, &first)) {
            problem(L, "SL003", k->line, k->col,
                    "duplicate key '%.80s' (first at line %u): YAML keeps only the last value and CloudFormation rejects the template",
                    k->str, d->nodes[first].line);
        } else {
            strmap_put(&seen, k->str, k->len, items[2 * i]);
        }
    }
    strmap_release(&seen);
}

size_t doc_break_len(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (c == '\n') return 1;
    if (c == '\r') return end - p > 1 && p[1] == '\n' ? 2 : 1;
    if (c == 0xC2 && end - p > 1 && (unsigned char)p[1] == 0x85) return 2;  /* NEL */
    if (c == 0xE2 && end - p > 2 && (unsigned char)p[1] == 0x80 && ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9))
        return 3;  /* LS, PS */
    return 0;
}

/* The next byte that may start a line break: most text has only '\n'. */
static const char *next_break_candidate(const char *p, const char *end, int only_lf)
{
    if (only_lf) return memchr(p, '\n', (size_t)(end - p));
    for (; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n' || c == '\r' || c == 0xC2 || c == 0xE2) return p;
    }
    return NULL;
}

/* Lines as libyaml counts them: LF, CRLF, a lone CR, NEL, LS and PS. */
static void index_lines(doc *d)
{
    const char *end = d->text + d->text_len;
    int only_lf = !memchr(d->text, '\r', d->text_len) && !memchr(d->text, 0xC2, d->text_len) &&
                  !memchr(d->text, 0xE2, d->text_len);
    size_t n = 1;
    for (const char *p = d->text; (p = next_break_candidate(p, end, only_lf)) != NULL;) {
        size_t b = doc_break_len(p, end);
        n += b != 0;
        p += b ? b : 1;
    }
    d->line_starts = arena_alloc(d->arena, n * sizeof *d->line_starts);
    d->n_lines = n;
    size_t k = 0;
    d->line_starts[k++] = 0;
    for (const char *p = d->text; (p = next_break_candidate(p, end, only_lf)) != NULL;) {
        size_t b = doc_break_len(p, end);
        p += b ? b : 1;
        if (b) d->line_starts[k++] = (uint32_t)(p - d->text);
    }
}

size_t doc_line_offset(const doc *d, uint32_t line)
{
    if (line < 1) return 0;
    if (!d->line_starts || line > d->n_lines) return d->text_len;
    return d->line_starts[line - 1];
}

size_t doc_line_end(const doc *d, uint32_t line)
{
    if (!d->line_starts || line < 1 || line >= d->n_lines) return d->text_len;
    size_t start = d->line_starts[line - 1], next = d->line_starts[line];
    /* Step back over the break that ends the line (1 to 3 bytes). */
    for (size_t b = 3; b >= 1; b--)
        if (next >= start + b && doc_break_len(d->text + next - b, d->text + next) == b) return next - b;
    return next;
}

void doc_offset_pos(const doc *d, size_t off, uint32_t *line, uint32_t *col)
{
    if (off > d->text_len) off = d->text_len;
    size_t lo = 0, hi = d->n_lines;
    while (lo + 1 < hi) {  /* the last line starting at or before off */
        size_t mid = (lo + hi) / 2;
        if (d->line_starts[mid] <= off) lo = mid;
        else hi = mid;
    }
    uint32_t c = 1;
    for (size_t i = d->n_lines ? d->line_starts[lo] : 0; i < off; i++)
        if (((unsigned char)d->text[i] & 0xC0) != 0x80) c++;
    *line = (uint32_t)lo + 1;
    *col = c;
}

void doc_default_limits(doc_limits *lim)
{
    lim->max_depth = 256;
    lim->max_alias_nodes = 1000000;
    lim->yaml_only = 0;
    lim->borrow_text = 0;
}

/* 1-based line and column (in characters) of a byte offset. */
static void position_of(const char *text, size_t offset, uint32_t *line, uint32_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            (*line)++;
            *col = 1;
        } else if ((c & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Undo a fast attempt so libyaml can start over. */
static void loader_reset(loader *L)
{
    L->d->n_nodes = 0;
    L->d->n_items = 0;
    L->d->n_tags = 0;
    L->d->n_tag_names = 0;
    for (size_t i = 0; i < L->d->cap_far; i++) L->d->far[i].node = DOC_NONE;
    L->d->n_far = 0;
    L->d->root = DOC_NONE;
    L->n_frames = 0;
    L->n_pending = 0;
    L->n_problems = 0;
    L->fatal = 0;
}

/* ---- libyaml's road ----
 * libyaml refuses a \u escape of a UTF-16 surrogate, but JSON writes a
 * character above U+FFFF as a pair of them ("\ud83d\ude80" is U+1F680,
 * RFC 8259 section 7), and CloudFormation reads it so. libyaml reads a copy
 * of the text in which each such pair is the one escape \U0001F680: two
 * bytes and two columns shorter on the same line, so each mark is moved
 * back by two columns per pair before it. A pair that was not in a
 * double-quoted scalar (in a plain or single-quoted one it is text) is put
 * back as written and the text read again: the tokens are the same either
 * way, so two readings at most. A lone surrogate stays an error. */
typedef struct pair_at {
    size_t off;          /* the pair's backslash in d->text */
    size_t copy_off;     /* and in libyaml's copy */
    uint32_t line, col;  /* 0-based, in the copy (libyaml's marks) */
    uint32_t line_kept;  /* kept pairs on its line up to this one */
    int keep;            /* written as \U in the copy */
} pair_at;

typedef struct pairs {
    pair_at *at;
    size_t n, cap;
    char *text;          /* libyaml's copy, or NULL when there is no pair */
    size_t len;
} pairs;

static int hex4(const char *p, uint32_t *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0) return 0;
        *v = (*v << 4) | (uint32_t)h;
    }
    return 1;
}

/* The code point of the surrogate pair escape at p (12 bytes), or 0. */
static uint32_t pair_at_text(const char *p, const char *end)
{
    uint32_t hi, lo;
    if (end - p < 12 || p[0] != '\\' || p[1] != 'u' || p[6] != '\\' || p[7] != 'u') return 0;
    if (!hex4(p + 2, &hi) || !hex4(p + 8, &lo) || hi < 0xD800 || hi > 0xDBFF || lo < 0xDC00 || lo > 0xDFFF) return 0;
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

static void find_pairs(const doc *d, pairs *P)
{
    const char *t = d->text, *end = t + d->text_len;
    for (const char *p = t; (p = memchr(p, '\\', (size_t)(end - p))) != NULL;) {
        if (p + 1 < end && p[1] == '\\') { p += 2; continue; } /* an escaped backslash */
        if (!pair_at_text(p, end)) { p++; continue; }
        if (P->n == P->cap) {
            P->cap = P->cap ? P->cap * 2 : 16;
            P->at = xrealloc(P->at, P->cap * sizeof *P->at);
        }
        P->at[P->n].off = (size_t)(p - t);
        P->at[P->n++].keep = 1;
        p += 12;
    }
}

/* Write libyaml's copy with the kept pairs as \U escapes, and their marks. */
static void write_copy(const doc *d, pairs *P)
{
    free(P->text);
    P->text = NULL;
    P->len = d->text_len;
    size_t kept = 0;
    for (size_t i = 0; i < P->n; i++) kept += (size_t)P->at[i].keep;
    if (!kept) return;
    char *o = P->text = xcalloc(1, d->text_len + 1);
    size_t from = 0, line = 0, counted = 0, col = 0, shift = 0;
    for (size_t i = 0; i < P->n; i++) {
        pair_at *a = &P->at[i];
        /* Its line and column: pairs come in order, so this walks the text once. */
        while (line + 1 < d->n_lines && d->line_starts[line + 1] <= a->off) {
            line++;
            counted = d->line_starts[line];
            col = 0;
            shift = 0;
        }
        for (; counted < a->off; counted++) col += ((unsigned char)d->text[counted] & 0xC0) != 0x80;
        a->line = (uint32_t)line;
        a->col = (uint32_t)(col - shift);
        a->line_kept = (uint32_t)(shift / 2 + (size_t)a->keep);
        if (!a->keep) continue;
        memcpy(o, d->text + from, a->off - from);
        o += a->off - from;
        from = a->off + 12;
        a->copy_off = (size_t)(o - P->text);
        shift += 2;
        o += sprintf(o, "\\U%08X", (unsigned)pair_at_text(d->text + a->off, d->text + d->text_len));
    }
    memcpy(o, d->text + from, d->text_len - from);
    o += d->text_len - from;
    *o = '\0';
    P->len = (size_t)(o - P->text);
}

/* A mark in the copy, moved to the text as written. */
static void fix_mark(const pairs *P, yaml_mark_t *m)
{
    if (!P->text) return;
    size_t same = 0, n = 0; /* n: the pairs before the mark */
    for (size_t lo = 0, hi = P->n; lo < hi;) {
        size_t mid = (lo + hi) / 2;
        const pair_at *a = &P->at[mid];
        if (a->line < m->line || (a->line == m->line && a->col < m->column)) lo = n = mid + 1;
        else hi = mid;
    }
    if (n > 0 && P->at[n - 1].line == m->line) same = P->at[n - 1].line_kept;
    m->column += 2 * same;
}

/* The pairs inside a scalar that is not double-quoted are text: give them
 * back as written. 1 when one was found. */
static int unkeep_pairs(pairs *P, const yaml_event_t *ev)
{
    if (!P->text || ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) return 0;
    const yaml_mark_t *s = &ev->start_mark, *e = &ev->end_mark;
    size_t first = 0;
    for (size_t lo = 0, hi = P->n; lo < hi;) {
        size_t mid = (lo + hi) / 2;
        const pair_at *a = &P->at[mid];
        if (a->line < s->line || (a->line == s->line && a->col < s->column)) lo = first = mid + 1;
        else hi = mid;
    }
    int found = 0;
    for (size_t i = first; i < P->n; i++) {
        pair_at *a = &P->at[i];
        if (a->line > e->line || (a->line == e->line && a->col >= e->column)) break;
        if (a->keep) a->keep = 0, found = 1;
    }
    return found;
}

/* Byte offset in d->text of a 0-based line and column (characters). */
static size_t mark_offset(const doc *d, size_t line, size_t col)
{
    size_t off = doc_line_offset(d, (uint32_t)line + 1), end = doc_line_end(d, (uint32_t)line + 1);
    while (off < end && col > 0) {
        off++;
        while (off < end && ((unsigned char)d->text[off] & 0xC0) == 0x80) off++;
        col--;
    }
    return off;
}

/* libyaml drops a key written without '?' (a simple key) when its ':' is
 * more than 1024 characters after its start, and then reports an error at
 * the ':' that says nothing of keys. When the error is at such a ':', the
 * key's length in characters (from its first character or quote to the
 * ':') and where it starts; else 0. */
static size_t long_key_at(const doc *d, size_t colon, size_t line, size_t *key_start)
{
    if (colon >= d->text_len || d->text[colon] != ':') return 0;
    size_t ls = doc_line_offset(d, (uint32_t)line + 1), p = colon;
    while (p > ls && (d->text[p - 1] == ' ' || d->text[p - 1] == '\t')) p--;
    if (p == ls) return 0;
    size_t start;
    char q = d->text[p - 1];
    if (q == '"' || q == '\'') {
        size_t i = p - 1;
        for (;;) {
            if (i == ls) return 0;
            i--;
            if (d->text[i] != q) continue;
            size_t bs = 0;
            if (q == '"') {
                while (i - bs > ls && d->text[i - bs - 1] == '\\') bs++;
                if (bs % 2) continue;
            } else if (i > ls && d->text[i - 1] == '\'') {
                i--;
                continue;
            }
            break;
        }
        start = i;
    } else {
        start = p;
        while (start > ls && !strchr("{[,", d->text[start - 1])) start--;
        while (start < p && (d->text[start] == ' ' || d->text[start] == '-' || d->text[start] == '?')) start++;
    }
    size_t chars = 0;
    for (size_t i = start; i < colon; i++) chars += ((unsigned char)d->text[i] & 0xC0) != 0x80;
    *key_start = start;
    return chars > 1024 ? chars : 0;
}

/* libyaml's error, in the words of the cases that need plainer ones. */
static void yaml_error(loader *L, const yaml_parser_t *parser, const pairs *P)
{
    const doc *d = L->d;
    const char *prob = parser->problem ? parser->problem : "cannot parse";
    yaml_mark_t pm = parser->problem_mark, cm = parser->context_mark;
    fix_mark(P, &pm);
    fix_mark(P, &cm);
    uint32_t line = (uint32_t)pm.line + 1, col = (uint32_t)pm.column + 1;
    if (parser->error == YAML_READER_ERROR) {
        /* Encoding errors carry a byte offset, not a mark. */
        size_t off = parser->problem_offset;
        for (size_t i = 0; P->text && i < P->n; i++) /* once per file: no need to search */
            if (P->at[i].keep && P->at[i].copy_off < parser->problem_offset) off += 2;
        position_of(d->text, off < d->text_len ? off : d->text_len, &line, &col);
        if (parser->problem_value >= 0 && off < d->text_len)
            problem(L, "SL001", line, col, "%s (byte 0x%02X): the file is not valid UTF-8", prob,
                    (unsigned)(unsigned char)d->text[off]);
        else
            problem(L, "SL001", line, col, "%s", prob);
        return;
    }
    size_t at = mark_offset(d, pm.line, pm.column), esc = at >= 2 ? at - 2 : 0; /* libyaml marks the digits */
    uint32_t cp;
    if (strcmp(prob, "found invalid Unicode character escape code") == 0 && esc + 6 <= d->text_len &&
        d->text[esc] == '\\' && d->text[esc + 1] == 'u' && hex4(d->text + esc + 2, &cp) && cp >= 0xD800 &&
        cp <= 0xDFFF) {
        problem(L, "SL001", line, col - 2,
                "lone UTF-16 surrogate \\u%.4s in a string: a \\u escape from D800 to DFFF is half of a pair "
                "(a high surrogate D800-DBFF, then a low one DC00-DFFF) that writes one character above U+FFFF; "
                "write the whole pair or the character itself", d->text + esc + 2);
        return;
    }
    size_t key_at, key = long_key_at(d, at, pm.line, &key_at);
    if (key) {
        doc_offset_pos(d, key_at, &line, &col);
        problem(L, "SL001", line, col,
                "a mapping key of %zu characters up to its ':': YAML takes a key written without '?' only up to 1024 "
                "characters, and samlint reads JSON as YAML; shorten the key", key);
        return;
    }
    if (parser->context)
        problem(L, "SL001", line, col, "%s %s (line %zu)", prob, parser->context, (size_t)cm.line + 1);
    else
        problem(L, "SL001", line, col, "%s", prob);
}

/* Read d->text (or the copy with its pairs) through libyaml. 1 when a
 * kept pair turned out to be text: the caller reads again. */
static int yaml_road(loader *L, pairs *P)
{
    doc *d = L->d;
    write_copy(d, P);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fputs("samlint: out of memory\n", stderr);
        abort();
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)(P->text ? P->text : d->text), P->len);
    int documents = 0, done = 0, again = 0;
    while (!done && !L->fatal) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            yaml_error(L, &parser, P);
            L->fatal = 1;
            break;
        }
        if (ev.type == YAML_SCALAR_EVENT) again |= unkeep_pairs(P, &ev); /* in the copy's marks */
        fix_mark(P, &ev.start_mark);
        fix_mark(P, &ev.end_mark);
        switch (ev.type) {
        case YAML_STREAM_END_EVENT: done = 1; break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents == 2)
                problem(L, "SL001", (uint32_t)ev.start_mark.line + 1, (uint32_t)ev.start_mark.column + 1,
                        "a second YAML document: CloudFormation reads a template as one document");
            break;
        case YAML_SCALAR_EVENT: if (documents == 1) ld_on_scalar(L, &ev); break;
        case YAML_SEQUENCE_START_EVENT: if (documents == 1) ld_on_collection_start(L, &ev, DOC_SEQ); break;
        case YAML_MAPPING_START_EVENT: if (documents == 1) ld_on_collection_start(L, &ev, DOC_MAP); break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: if (documents == 1) ld_on_collection_end(L, &ev); break;
        case YAML_ALIAS_EVENT: if (documents == 1) on_alias(L, &ev); break;
        default: break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    if (documents > 1) L->fatal = 1;
    return again;
}

static int is_utf16(const unsigned char *b, size_t len)
{
    return len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));
}

doc_result doc_load(const char *path, const char *bytes, size_t len, const doc_limits *lim)
{
    doc_result r = {0};
    doc_limits deflim;
    if (!lim) {
        doc_default_limits(&deflim);
        lim = &deflim;
    }
    doc *d = xcalloc(1, sizeof *d);
    d->arena = arena_new();
    d->path = arena_strdup(d->arena, path);
    d->root = DOC_NONE;
    loader L = {0};
    L.d = d;
    L.a = d->arena;
    L.lim = lim;
    strmap_init(&L.anchors);
    if (len >= INTERN_FROM) L.intern = xcalloc(INTERN_SLOTS, sizeof *L.intern);

    const unsigned char *ub = (const unsigned char *)bytes;
    if (len >= 3 && ub[0] == 0xEF && ub[1] == 0xBB && ub[2] == 0xBF) {
        bytes += 3;
        len -= 3;
    }
    d->text = lim->borrow_text ? bytes : arena_strndup(d->arena, bytes, len);
    d->text_len = len;
    index_lines(d);
    size_t i = 0;
    while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
    d->is_json = i < len && bytes[i] == '{';

    if (is_utf16(ub, len)) {
        problem(&L, "SL001", 1, 1, "file is UTF-16 encoded; CloudFormation templates must be UTF-8");
        L.fatal = 1;
    } else if (memchr(bytes, '\0', len)) {
        uint32_t line, col;
        position_of(bytes, (size_t)((const char *)memchr(bytes, '\0', len) - bytes), &line, &col);
        problem(&L, "SL001", line, col, "file contains a NUL byte: binary data, not a YAML or JSON template");
        L.fatal = 1;
    }

    if (!L.fatal && !lim->yaml_only) {
        d->fast = (d->is_json ? ld_json(&L, d->text, len) : ld_yaml(&L, d->text, len)) == 0;
        if (!d->fast) loader_reset(&L);
    }

    if (!L.fatal && !d->fast) {
        pairs P = {0};
        find_pairs(d, &P);
        if (yaml_road(&L, &P) && !L.fatal) {
            /* Some pairs were text, not escapes: read again with those as written. */
            loader_reset(&L);
            yaml_road(&L, &P);
        }
        free(P.at);
        free(P.text);
    }

    free(L.weight);
    free(L.frames);
    free(L.pending);
    free(L.scratch);
    free(L.intern);
    strmap_release(&L.anchors);
    r.d = d;
    r.problems = NULL;
    r.n_problems = L.n_problems;
    if (L.n_problems) {
        r.problems = arena_alloc(d->arena, L.n_problems * sizeof *r.problems);
        memcpy(r.problems, L.problems, L.n_problems * sizeof *r.problems);
    }
    free(L.problems);
    r.fatal = L.fatal;
    if (L.fatal) d->root = DOC_NONE;
    return r;
}

void doc_free(doc *d)
{
    if (!d) return;
    free(d->nodes);
    free(d->items);
    free(d->tags);
    free(d->tag_names);
    free(d->far);
    arena_free(d->arena);
    free(d);
}

doc_id doc_add_scalar(doc *d, const char *text, size_t len, doc_id at)
{
    d->nodes = xrealloc(d->nodes, (d->n_nodes + 1) * sizeof *d->nodes);
    doc_id id = (doc_id)d->n_nodes++;
    doc_node *n = &d->nodes[id];
    memset(n, 0, sizeof *n);
    n->kind = DOC_SCALAR;
    n->style = DOC_SYNTH | DOC_QUOTED;  /* a string, never null or a number's spelling */
    if (at >= 0) {
        n->line = d->nodes[at].line;
        n->col = d->nodes[at].col;
        doc_set_end(d, id, doc_end_line(d, at), doc_end_col(d, at));
    } else {
        n->line = n->col = 1;
        doc_set_end(d, id, 1, 1);
    }
    n->str = arena_strndup(d->arena, text, len);
    n->len = (uint32_t)len;
    return id;
}

doc_id doc_key(const doc *d, doc_id map, uint32_t i)
{
    if (!doc_is_map(d, map) || i >= d->nodes[map].len) return DOC_NONE;
    return d->items[d->nodes[map].first + 2 * i];
}

doc_id doc_val(const doc *d, doc_id map, uint32_t i)
{
    if (!doc_is_map(d, map) || i >= d->nodes[map].len) return DOC_NONE;
    return d->items[d->nodes[map].first + 2 * i + 1];
}

/* The last matching pair wins, as in YAML. */
static doc_id find_pair(const doc *d, doc_id map, const char *key, size_t klen, int ci)
{
    if (!doc_is_map(d, map)) return DOC_NONE;
    const doc_node *m = &d->nodes[map];
    if (m->len == 0) return DOC_NONE; /* and d->items may still be NULL */
    const doc_id *items = d->items + m->first;
    if (ci) {
        for (uint32_t i = m->len; i-- > 0;) {
            const doc_node *k = &d->nodes[items[2 * i]];
            if (k->kind == DOC_SCALAR && k->len == klen && strcasecmp(k->str, key) == 0)
                return (doc_id)(m->first + 2 * i);
        }
        return DOC_NONE;
    }
    /* The first byte before memcmp: most keys of a mapping differ there. */
    for (uint32_t i = m->len; i-- > 0;) {
        const doc_node *k = &d->nodes[items[2 * i]];
        if (k->kind == DOC_SCALAR && k->len == klen && (klen == 0 || (k->str[0] == key[0] && memcmp(k->str, key, klen) == 0)))
            return (doc_id)(m->first + 2 * i);
    }
    return DOC_NONE;
}

doc_id doc_get_n(const doc *d, doc_id map, const char *key, size_t len)
{
    doc_id p = find_pair(d, map, key, len, 0);
    return p == DOC_NONE ? DOC_NONE : d->items[p + 1];
}

doc_id doc_get_key_n(const doc *d, doc_id map, const char *key, size_t len)
{
    doc_id p = find_pair(d, map, key, len, 0);
    return p == DOC_NONE ? DOC_NONE : d->items[p];
}

doc_id doc_get_ci(const doc *d, doc_id map, const char *key)
{
    doc_id p = find_pair(d, map, key, strlen(key), 1);
    return p == DOC_NONE ? DOC_NONE : d->items[p + 1];
}

doc_id doc_path_(const doc *d, doc_id node, ...)
{
    va_list ap;
    va_start(ap, node);
    const char *k;
    while (node != DOC_NONE && (k = va_arg(ap, const char *)) != NULL) node = doc_get(d, node, k);
    va_end(ap);
    return node;
}

doc_id doc_item(const doc *d, doc_id seq, uint32_t i)
{
    if (!doc_is_seq(d, seq) || i >= d->nodes[seq].len) return DOC_NONE;
    return d->items[d->nodes[seq].first + i];
}

const char *doc_str(const doc *d, doc_id id)
{
    return doc_is_scalar(d, id) ? d->nodes[id].str : NULL;
}

int doc_str_eq(const doc *d, doc_id id, const char *s)
{
    return doc_is_scalar(d, id) && strcmp(d->nodes[id].str, s) == 0;
}

int doc_is_null(const doc *d, doc_id id)
{
    if (!doc_is_scalar(d, id)) return 0;
    const doc_node *n = &d->nodes[id];
    if (n->style != DOC_PLAIN) return 0;
    return n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
           strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

int doc_get_bool(const doc *d, doc_id id, int *out)
{
    const char *s = doc_str(d, id);
    if (!s) return 0;
    if (strcasecmp(s, "true") == 0) { *out = 1; return 1; }
    if (strcasecmp(s, "false") == 0) { *out = 0; return 1; }
    return 0;
}

int doc_get_long(const doc *d, doc_id id, long long *out)
{
    const char *s = doc_str(d, id);
    if (!s || !*s) return 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end == '.') {  /* 30.0 is an integer too */
        const char *p = end + 1;
        while (*p == '0') p++;
        if (*p == '\0') end = (char *)p;
    }
    if (*end != '\0') return 0;
    *out = v;
    return 1;
}

const char *doc_intrinsic(const doc *d, doc_id id, doc_id *arg)
{
    if (!doc_is_map(d, id) || d->nodes[id].len != 1) return NULL;
    const char *k = doc_str(d, doc_key(d, id, 0));
    if (!k) return NULL;
    if (strcmp(k, "Ref") == 0 || strncmp(k, "Fn::", 4) == 0 || strcmp(k, "Condition") == 0) {
        if (arg) *arg = doc_val(d, id, 0);
        return k;
    }
    return NULL;
}

void doc_verror(char *err, size_t errlen, const char *path, const doc *d, doc_id at, const char *fmt, va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (at >= 0)
        snprintf(err, errlen, "%s:%u:%u: %s", path, (unsigned)doc_at(d, at)->line, (unsigned)doc_at(d, at)->col, msg);
    else
        snprintf(err, errlen, "%s: %s", path, msg);
}
