/* schema: a small JSON-Schema engine over the document tree, run once per
 * template against the compiled registry and SAM schemas; its findings are
 * kept on the lint ctx and reported by SL602-SL607, one kind each.
 *
 * What is judged: literal values only. An intrinsic function is judged by
 * what it returns (RULES.md, SL6xx): Fn::If branch by branch, AWS::NoValue
 * removes the key, a Ref to a parameter has the parameter's Type, strings
 * of unknown content get no enum / pattern check, and a subtree under
 * Fn::Transform or Fn::ForEach is not judged at all. Scalars are read as
 * CloudFormation reads YAML (1.1: plain yes/no/on/off are booleans, 010 is
 * octal) and coerced as it coerces them ("30" is an integer, 30 a string). */
#include "schema.h"

#include <pthread.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../rules/data/policy_templates.h"
#include "rx.h"
#include "schema_data.h"
#include "suggest.h"

/* ---- the compiled tables ---------------------------------------------- */

typedef struct sn {
    uint32_t w0, w1;
    const uint32_t *props;    uint32_t n_props;     /* (name, node, desc) */
    uint32_t addl;
    const uint32_t *patprops; uint32_t n_patprops;  /* (pattern id, node) */
    const uint32_t *req;      uint32_t n_req;
    const uint32_t *enums;    uint32_t n_enum;
    uint32_t pattern, minlen, maxlen, min, max, items, minitems, maxitems;
    const uint32_t *allof;    uint32_t n_allof;
    const uint32_t *anyof;    uint32_t n_anyof;
    const uint32_t *oneof;    uint32_t n_oneof;
    uint32_t not_;
    const uint32_t *combos;   uint32_t n_combos;
    uint32_t format;          /* SFMT_*: a format check for strings */
    uint32_t discrim;         /* SX_DISCRIM: the key, then (value, branch) pairs */
    const uint32_t *dtable;   uint32_t n_dtable;
} sn;

#define STR(off) (schema_str + (off))
#define SN_TYPES 0x7fu

static void sn_decode(schema_ref off, sn *o)
{
    const uint32_t *p = schema_code + off;
    memset(o, 0, sizeof *o);
    o->w0 = p[0];
    o->w1 = p[1];
    p += 2;
    uint32_t w = o->w0;
#define LIST(bit, ptr, cnt, width) \
    if (w & (bit)) { o->cnt = *p++; o->ptr = p; p += (size_t)o->cnt * (width); }
#define ONE(bit, field) \
    if (w & (bit)) o->field = *p++;
    LIST(SN_PROPS, props, n_props, 3)
    ONE(SN_ADDL, addl)
    LIST(SN_PATPROPS, patprops, n_patprops, 2)
    LIST(SN_REQUIRED, req, n_req, 1)
    LIST(SN_ENUM, enums, n_enum, 1)
    ONE(SN_PATTERN, pattern)
    ONE(SN_MINLEN, minlen)
    ONE(SN_MAXLEN, maxlen)
    ONE(SN_MIN, min)
    ONE(SN_MAX, max)
    ONE(SN_ITEMS, items)
    ONE(SN_MINITEMS, minitems)
    ONE(SN_MAXITEMS, maxitems)
    LIST(SN_ALLOF, allof, n_allof, 1)
    LIST(SN_ANYOF, anyof, n_anyof, 1)
    LIST(SN_ONEOF, oneof, n_oneof, 1)
    ONE(SN_NOT, not_)
    if (w & SN_COMBOS) {
        o->n_combos = *p++;
        o->combos = p;
        for (uint32_t i = 0; i < o->n_combos; i++)
            p += 3 + p[2];
    }
    ONE(SN_FORMAT, format)
    if (o->w1 & SX_DISCRIM) {
        o->discrim = *p++;
        o->n_dtable = *p++;
        o->dtable = p;
    }
#undef LIST
#undef ONE
}

/* Compare a key of `len` bytes with a pool string, bytewise (the order the
 * generator sorted in). */
static int key_cmp(const char *k, size_t len, const char *name)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)k[i], b = (unsigned char)name[i];
        if (b == 0) return 1;
        if (a != b) return a < b ? -1 : 1;
    }
    return name[len] == 0 ? 0 : -1;
}

#define PNAME(w) STR(SCHEMA_NAME_OFF(w))
#define PLEN(w) SCHEMA_NAME_LEN(w)

/* Order of (length, bytes), the order the generator sorted names in. */
static int name_cmp(const char *k, size_t len, const char *name, size_t name_len)
{
    if (len != name_len) return len < name_len ? -1 : 1;
    return memcmp(k, name, len);
}

/* Index of property `k` in n's sorted properties, or -1. */
static int prop_find(const sn *n, const char *k, size_t len)
{
    int lo = 0, hi = (int)n->n_props - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        uint32_t w = n->props[3 * mid];
        int c = name_cmp(k, len, PNAME(w), PLEN(w));
        if (c == 0) return mid;
        if (c < 0) hi = mid - 1;
        else lo = mid + 1;
    }
    return -1;
}

static const schema_type_row *type_row(const char *type, size_t len)
{
    uint32_t lo = 0, hi = schema_n_types;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        int c = name_cmp(type, len, STR(schema_types[mid].name), schema_types[mid].len);
        if (c == 0) return &schema_types[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

/* ---- patterns: compiled on first use, one slot per pattern ------------ */

/* A pattern is compiled for PCRE2's interpreter on first use (cheap to
 * compile; most schema patterns judge a value or two per run) and again
 * with the JIT once it has been used PAT_HOT times. */
#define PAT_BAD ((uintptr_t)1)
#define PAT_HOT 16
typedef struct pat_slot {
    _Atomic(uintptr_t) code;  /* interpreted, PAT_BAD, or 0 before first use */
    _Atomic(uintptr_t) jit;   /* JIT-compiled, or 0 */
    _Atomic(unsigned) uses;
} pat_slot;
static pat_slot *pat_cache;
static pthread_once_t pat_once = PTHREAD_ONCE_INIT;

static void pat_init(void)
{
    pat_cache = calloc(schema_n_patterns ? schema_n_patterns : 1, sizeof *pat_cache);
    if (!pat_cache) {
        fputs("samlint: out of memory\n", stderr);
        abort();
    }
}

/* 1 when s matches pattern `id`, 0 when not, -1 when the pattern is one
 * PCRE2 cannot compile (then nothing is said). Thread-safe: a slot is
 * filled at most a few times over with the same shared compiled pattern
 * (rx keeps one per pattern and flags). */
static int pat_match(uint32_t id, const char *s, size_t len)
{
    if (id >= schema_n_patterns) return -1;
    pthread_once(&pat_once, pat_init);
    pat_slot *slot = &pat_cache[id];
    uintptr_t r = atomic_load_explicit(&slot->jit, memory_order_acquire);
    if (!r) {
        r = atomic_load_explicit(&slot->code, memory_order_acquire);
        if (!r) {
            const rx *c = rx_try(STR(schema_patterns[id]), RX_UTF | RX_NO_JIT);
            r = c ? (uintptr_t)c : PAT_BAD;
            atomic_store_explicit(&slot->code, r, memory_order_release);
        }
        if (r == PAT_BAD) return -1;
        if (atomic_fetch_add_explicit(&slot->uses, 1, memory_order_relaxed) + 1 == PAT_HOT) {
            const rx *c = rx_try(STR(schema_patterns[id]), RX_UTF);
            if (c) atomic_store_explicit(&slot->jit, (uintptr_t)c, memory_order_release);
        }
    }
    size_t ov[2];
    return rx_find((const rx *)r, s, len, 0, ov, 1);
}

void schema_release(void)
{
    free(pat_cache);
    pat_cache = NULL;
}

/* ---- public look-ups --------------------------------------------------- */

int schema_has_type(const char *type, size_t len) { return type_row(type, len) != NULL; }

schema_ref schema_type_props(const char *type, size_t len)
{
    const schema_type_row *r = type_row(type, len);
    return r ? r->props : SCHEMA_ANY;
}

schema_ref schema_globals_node(void) { return schema_globals; }

static schema_ref child_of(schema_ref node, const char *key, size_t len, int *known, const char **desc, int depth)
{
    sn n;
    sn_decode(node, &n);
    int i = prop_find(&n, key, len);
    if (i >= 0) {
        *known = 1;
        if (desc) *desc = STR(n.props[3 * i + 2]);
        return n.props[3 * i + 1];
    }
    for (uint32_t k = 0; k < n.n_patprops; k++)
        if (pat_match(n.patprops[2 * k], key, len) == 1) {
            *known = 1;
            return n.patprops[2 * k + 1];
        }
    if (depth < 8) {
        const uint32_t *lists[3] = {n.allof, n.anyof, n.oneof};
        uint32_t counts[3] = {n.n_allof, n.n_anyof, n.n_oneof};
        for (int l = 0; l < 3; l++)
            for (uint32_t b = 0; b < counts[l]; b++) {
                int got = 0;
                schema_ref c = child_of(lists[l][b], key, len, &got, desc, depth + 1);
                if (got) {
                    *known = 1;
                    return c;
                }
            }
    }
    if (n.w0 & SN_ADDL) {
        *known = 1;
        return n.addl;
    }
    if (!(n.w0 & SN_ADDL_FALSE) && !n.n_props)
        *known = 1;
    return SCHEMA_ANY;
}

schema_ref schema_child(schema_ref node, const char *key, size_t len, int *known, const char **desc)
{
    int k = 0;
    if (desc) *desc = "";
    schema_ref r = child_of(node, key, len, &k, desc, 0);
    if (known) *known = k;
    return r;
}

schema_ref schema_items(schema_ref node)
{
    sn n;
    sn_decode(node, &n);
    if (n.w0 & SN_ITEMS) return n.items;
    for (uint32_t b = 0; b < n.n_allof; b++) {
        schema_ref r = schema_items(n.allof[b]);
        if (r) return r;
    }
    for (uint32_t b = 0; b < n.n_oneof + n.n_anyof; b++) {
        schema_ref r = schema_items(b < n.n_oneof ? n.oneof[b] : n.anyof[b - n.n_oneof]);
        if (r) return r;
    }
    return SCHEMA_ANY;
}

schema_ref schema_path(const char *type, const char *const *keys, size_t n)
{
    schema_ref s = schema_type_props(type, strlen(type));
    for (size_t i = 0; i < n && s; i++)
        s = strcmp(keys[i], "*") == 0 ? schema_items(s) : schema_child(s, keys[i], strlen(keys[i]), NULL, NULL);
    return s;
}

const char *schema_description(const char *type, const char *const *keys, size_t n)
{
    schema_ref s = schema_type_props(type, strlen(type));
    const char *desc = "";
    for (size_t i = 0; i < n && s; i++) {
        desc = "";
        s = strcmp(keys[i], "*") == 0 ? schema_items(s) : schema_child(s, keys[i], strlen(keys[i]), NULL, &desc);
    }
    return desc ? desc : "";
}

static void each_prop(schema_ref node, void (*fn)(void *, const char *, const char *), void *user, int depth)
{
    sn n;
    sn_decode(node, &n);
    for (uint32_t i = 0; i < n.n_props; i++)
        fn(user, PNAME(n.props[3 * i]), STR(n.props[3 * i + 2]));
    if (depth < 8)
        for (uint32_t b = 0; b < n.n_allof + n.n_anyof + n.n_oneof; b++)
            each_prop(b < n.n_allof ? n.allof[b] : b < n.n_allof + n.n_anyof ? n.anyof[b - n.n_allof]
                                                                               : n.oneof[b - n.n_allof - n.n_anyof],
                      fn, user, depth + 1);
}

void schema_each_property(schema_ref node, void (*fn)(void *user, const char *name, const char *desc), void *user)
{
    each_prop(node, fn, user, 0);
}

size_t schema_enum_values(schema_ref node, const char **out, size_t max)
{
    sn n;
    sn_decode(node, &n);
    if (!n.n_enum) {
        for (uint32_t b = 0; b < n.n_allof + n.n_anyof; b++) {
            size_t got = schema_enum_values(b < n.n_allof ? n.allof[b] : n.anyof[b - n.n_allof], out, max);
            if (got) return got;
        }
    }
    for (uint32_t i = 0; i < n.n_enum && i < max; i++)
        out[i] = STR(n.enums[i]);
    return n.n_enum;
}

const char *schema_discriminator(schema_ref node)
{
    sn n;
    sn_decode(node, &n);
    return (n.w1 & SX_DISCRIM) ? STR(n.discrim) : NULL;
}

schema_ref schema_discriminate(schema_ref node, const char *value, size_t len)
{
    sn n;
    sn_decode(node, &n);
    if (!(n.w1 & SX_DISCRIM)) return SCHEMA_ANY;
    for (uint32_t i = 0; i < n.n_dtable; i++)
        if (!key_cmp(value, len, STR(n.dtable[2 * i]))) return n.dtable[2 * i + 1];
    return SCHEMA_ANY;
}

size_t schema_discriminator_values(schema_ref node, const char **out, size_t max)
{
    sn n;
    sn_decode(node, &n);
    if (!(n.w1 & SX_DISCRIM)) return 0;
    for (uint32_t i = 0; i < n.n_dtable && i < max; i++) out[i] = STR(n.dtable[2 * i]);
    return n.n_dtable;
}

/* ---- findings ----------------------------------------------------------- */

typedef struct sfinding {
    uint8_t kind;
    uint8_t named;        /* resource given explicitly (maybe NULL) */
    doc_id node;
    const char *resource;
    const char *msg;
    const char *to;       /* SL602/SL605: the one close suggestion, or NULL (for the fix) */
} sfinding;

struct schema_memo {
    sfinding *items;
    size_t n;
};

/* One validation run over a template. */
typedef struct V {
    lint_ctx *ctx;
    const tmpl *t;
    const doc *d;
    const char *type;       /* "AWS::DynamoDB::Table", or NULL in Globals */
    const char *res;        /* logical id, NULL in Globals */
    int fn_like;            /* a function or Globals.Function: SL204 judges its ranges */
    int globals;            /* in Globals: partial mappings, so nothing is required */
    int silent;             /* > 0: trying a branch; count, do not keep */
    unsigned errors;
    long budget;            /* node visits left: bounds any schema x document blow-up */
    doc_id at_ref;          /* judging a --parameters value: report at this Ref (else DOC_NONE) */
    sfinding *items;
    size_t n, cap;
    const char *to;         /* the next finding's suggestion (suggested()), not NUL-terminated */
    size_t to_len;
} V;

/* Where a value stands: for messages and positions. */
typedef struct where {
    const struct where *up;
    const char *name;       /* property name (not NUL-terminated) */
    size_t name_len;
    doc_id key;             /* key node naming this value, or DOC_NONE */
    doc_id twin;            /* the same place under Globals (SAM), or DOC_NONE */
    int sl204;              /* a value whose range SL204 judges */
    int depth;              /* keys below the resource's Properties (or the Globals section) */
    int events;             /* below a SAM function's Events */
} where;

/* The next finding kept suggests `best`: its fix's replacement. */
static void suggested(V *v, const char *best, size_t len)
{
    v->to = best;
    v->to_len = len;
}

static void keep(V *v, enum schema_kind kind, doc_id node, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void keep(V *v, enum schema_kind kind, doc_id node, const char *fmt, ...)
{
    const char *to = v->to;
    size_t to_len = v->to_len;
    v->to = NULL;
    if (v->silent) {
        v->errors++;
        return;
    }
    char buf[640];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        sfinding *grown = realloc(v->items, v->cap * sizeof *grown);
        if (!grown) {
            fputs("samlint: out of memory\n", stderr);
            abort();
        }
        v->items = grown;
    }
    size_t len = strlen(buf) + 1;
    char *msg = lint_alloc(v->ctx, len);
    memcpy(msg, buf, len);
    char *copy = NULL;
    if (to && v->at_ref == DOC_NONE) {  /* a --parameters value is not the template's text: no fix */
        copy = lint_alloc(v->ctx, to_len + 1);
        memcpy(copy, to, to_len);
        copy[to_len] = '\0';
    }
    if (v->at_ref != DOC_NONE) node = v->at_ref;
    v->items[v->n++] = (sfinding){(uint8_t)kind, v->res == NULL, node, v->res, msg, copy};
}

/* A value's path from the resource's Properties (or Globals) for messages:
 * "StreamSpecification.StreamViewType". */
static const char *path_of(const where *w, char *buf, size_t size)
{
    if (!w->up && !w->name_len) {
        snprintf(buf, size, "Properties");
        return buf;
    }
    const where *chain[32];
    int n = 0;
    for (const where *p = w; p && n < 32; p = p->up)
        if (p->name_len) chain[n++] = p;
    size_t at = 0;
    buf[0] = 0;
    for (int i = n - 1; i >= 0; i--) {
        int wrote = snprintf(buf + at, size - at, "%s%.*s", at ? "." : "", (int)chain[i]->name_len > 64 ? 64 : (int)chain[i]->name_len,
                             chain[i]->name);
        if (wrote < 0 || (size_t)wrote >= size - at) break;
        at += (size_t)wrote;
    }
    return buf;
}

/* "of AWS::X::Y" at the top of Properties, "in A.B of AWS::X::Y" below it,
 * "in Globals.Function" in Globals. */
static const char *where_phrase_(const V *v, const where *w, char *buf, size_t size, const char *top)
{
    char path[256];
    path_of(w, path, sizeof path);
    if (!w->up && !w->name_len) path[0] = 0;
    if (!v->type)
        snprintf(buf, size, "in %s", path);
    else if (!path[0])
        snprintf(buf, size, "%s %s", top, v->type);
    else
        snprintf(buf, size, "in %s of %s", path, v->type);
    return buf;
}

static const char *where_phrase(const V *v, const where *w, char *buf, size_t size)
{
    return where_phrase_(v, w, buf, size, "of");
}

/* "in AWS::X::Y" at the top, for combinations. */
static const char *where_in(const V *v, const where *w, char *buf, size_t size)
{
    return where_phrase_(v, w, buf, size, "in");
}

/* Input text fit for a message: at most 60 bytes, control bytes as '?'. */
static const char *show(const char *s, size_t len, char *buf, size_t size)
{
    size_t n = 0, max = size - 4 < 60 ? size - 4 : 60;
    for (size_t i = 0; i < len && n < max; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[n++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    if (len > max && n == max) {
        buf[n++] = '.';
        buf[n++] = '.';
        buf[n++] = '.';
    }
    buf[n] = 0;
    return buf;
}

/* suggest_best, preferring among the equally close a candidate the word
 * begins (nodejs22 -> nodejs22.x rather than nodejs). */
static const char *best_of(const suggest *sg, const char *const *cands, const uint32_t *offs, size_t n, size_t *len)
{
    const char *best = suggest_best(sg, len);
    if (!best) return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *c = cands ? cands[i] : STR(offs[i]);
        size_t cl = strlen(c);
        if (cl > sg->len && !memcmp(c, sg->word, sg->len) &&
            suggest_distance(sg->word, sg->len, c, cl, sg->best_dist) <= sg->best_dist) {
            *len = cl;
            return c;
        }
    }
    return best;
}

/* ---- reading scalars as CloudFormation does ---------------------------- */

enum { K_STR = ST_STR, K_INT = ST_INT, K_NUM = ST_NUM, K_BOOL = ST_BOOL };

typedef struct scal {
    const char *s;
    size_t len;
    int null;
    unsigned kinds;     /* ST_* it can stand for, coercions included */
    int yaml_bool;      /* a plain YAML 1.1 boolean other than true/false (yes, off, ...) */
    int bval;
    double num;
    const char *text;   /* the string CloudFormation sees */
    size_t text_len;
} scal;

static int all_digits(const char *s, size_t n, const char *set)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (!strchr(set, s[i]) || !s[i]) return 0;
    return 1;
}

/* A decimal number as JSON / CloudFormation's coercion reads it. */
static int parse_num(const char *s, size_t len, double *out, int *integral)
{
    if (!len || len > 64) return 0;
    char buf[72];
    memcpy(buf, s, len);
    buf[len] = 0;
    size_t i = 0;
    if (buf[i] == '-' || buf[i] == '+') i++;
    if (!(buf[i] >= '0' && buf[i] <= '9') && !(buf[i] == '.' && buf[i + 1] >= '0' && buf[i + 1] <= '9')) return 0;
    for (size_t k = i; k < len; k++)
        if (!strchr("0123456789.eE+-", buf[k])) return 0;
    char *end;
    double v = strtod(buf, &end);
    if (*end) return 0;
    *out = v;
    *integral = !strpbrk(buf + i, "eE") && (v == (double)(long long)v);
    return 1;
}

/* YAML 1.1's booleans beyond true/false, as CloudFormation reads them
 * (unquoted YES becomes "true"). Not y / n: CloudFormation keeps them as
 * strings (AttributeType: N is DynamoDB's number type). */
static const char *const yaml11_true[] = {"yes", "Yes", "YES", "on", "On", "ON", NULL};
static const char *const yaml11_false[] = {"no", "No", "NO", "off", "Off", "OFF", NULL};

static int in_list(const char *s, size_t len, const char *const *list)
{
    if (len < 2 || len > 3) return 0;
    for (int i = 0; list[i]; i++)
        if (list[i][0] == s[0] && strlen(list[i]) == len && memcmp(list[i], s, len) == 0) return 1;
    return 0;
}

static void read_scalar(const V *v, doc_id id, scal *o)
{
    const doc_node *nd = doc_at(v->d, id);
    memset(o, 0, sizeof *o);
    o->s = o->text = nd->str;
    o->len = o->text_len = nd->len;
    o->kinds = K_STR;
    int plain = (nd->style & DOC_PLAIN) && !nd->tagged;
    const char *s = nd->str;
    size_t len = nd->len;
    int integral = 0;
    if (plain && (len == 0 || (len == 1 && s[0] == '~') || (len == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4))))) {
        o->null = 1;
        return;
    }
    /* Most scalars are words: only these first bytes begin a number or a
     * boolean. */
    unsigned char c0 = (unsigned char)s[0];
    if (!((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '+' || c0 == '.' || c0 == 't' || c0 == 'T' || c0 == 'f' ||
          c0 == 'F' || c0 == 'y' || c0 == 'Y' || c0 == 'n' || c0 == 'N' || c0 == 'o' || c0 == 'O'))
        return;
    if ((len == 4 && !strncasecmp(s, "true", 4)) || (len == 5 && !strncasecmp(s, "false", 5))) {
        if (!plain || v->d->is_json || !strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE") ||
            !strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) {
            o->kinds |= K_BOOL;
            o->bval = len == 4;
            if (plain) {
                o->text = o->bval ? "true" : "false";
                o->text_len = o->bval ? 4 : 5;
            }
        }
        return;
    }
    if (plain && !v->d->is_json) {
        /* YAML 1.1, as CloudFormation reads it. */
        if (in_list(s, len, yaml11_true) || in_list(s, len, yaml11_false)) {
            o->kinds |= K_BOOL;
            o->yaml_bool = 1;
            o->bval = in_list(s, len, yaml11_true);
            o->text = o->bval ? "true" : "false";
            o->text_len = o->bval ? 4 : 5;
            return;
        }
        size_t i = (len && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
        if (len - i >= 2 && s[i] == '0' && all_digits(s + i + 1, len - i - 1, "01234567_")) {
            long long n = 0;   /* 010 is octal 8 */
            for (size_t k = i + 1; k < len; k++)
                if (s[k] != '_' && n < (1LL << 40)) n = n * 8 + (s[k] - '0');
            o->num = s[0] == '-' ? (double)-n : (double)n;
            o->kinds |= K_INT | K_NUM;
            return;
        }
        if (len - i > 2 && s[i] == '0' && (s[i + 1] == 'x') && all_digits(s + i + 2, len - i - 2, "0123456789abcdefABCDEF_")) {
            o->num = (double)strtoll(s + i, NULL, 16) * (s[0] == '-' ? -1 : 1);
            o->kinds |= K_INT | K_NUM;
            return;
        }
        if (len - i > 1 && s[i] != '0' && memchr(s, '_', len) && all_digits(s + i, len - i, "0123456789_")) {
            o->kinds |= K_INT | K_NUM;   /* 1_000 */
            return;
        }
    }
    if (parse_num(s, len, &o->num, &integral)) {
        o->kinds |= K_NUM;
        if (integral) o->kinds |= K_INT;
        /* YAML 1.1 has no exponent without a dot (1e3 is a string there);
         * an integer wants its digits. */
        if (plain && !v->d->is_json && memchr(s, 'e', len) && !memchr(s, '.', len)) o->kinds &= ~(unsigned)K_INT;
    }
}

/* ---- intrinsic functions ---------------------------------------------- */

enum ab { AB_NONE, AB_SKIP, AB_NOVALUE, AB_STR, AB_NUM, AB_LIST, AB_IF };

static int is_novalue(const doc *d, doc_id id)
{
    if (!doc_is_map(d, id) || d->nodes[id].len != 1) return 0;
    doc_id arg;
    const char *fn = doc_intrinsic(d, id, &arg);
    return fn && !strcmp(fn, "Ref") && doc_str_eq(d, arg, "AWS::NoValue");
}

/* What an intrinsic function returns, as far as the schema cares. */
static enum ab abstract(const V *v, doc_id id, doc_id *arg, const char **fn_out)
{
    /* A tag samlint does not know (!Rain::S3, !Foo): a tool's directive,
     * its result unknown. */
    const char *tag = doc_tag(v->d, id);
    if (tag && tag[0] == '!' && tag[1] != '!' && !doc_intrinsic(v->d, id, NULL)) return AB_SKIP;
    if (!doc_is_map(v->d, id) || doc_count(v->d, id) != 1) return AB_NONE;
    {
        const char *k = doc_str(v->d, doc_key(v->d, id, 0));
        if (k && k[0] == 'R' && !strncmp(k, "Rain::", 6)) return AB_SKIP;   /* Rain::Embed, Rain::Module */
    }
    const char *fn = doc_intrinsic(v->d, id, arg);
    if (!fn || !strcmp(fn, "Condition")) return AB_NONE;
    *fn_out = fn;
    if (!strcmp(fn, "Ref")) {
        const char *name = doc_str(v->d, *arg);
        if (!name) return AB_SKIP;
        if (!strcmp(name, "AWS::NoValue")) return AB_NOVALUE;
        if (!strcmp(name, "AWS::NotificationARNs")) return AB_LIST;
        if (eval_is_pseudo(name)) return AB_STR;
        const tmpl_param *p = tmpl_find_param(v->t, name);
        if (p) {
            const char *ty = p->type;
            if (!ty || !*ty) return AB_SKIP;
            if (!strcmp(ty, "Number")) return AB_NUM;
            if (!strncmp(ty, "List<", 5) || !strcmp(ty, "CommaDelimitedList") ||
                !strncmp(ty, "AWS::SSM::Parameter::Value<List<", 32) ||
                !strcmp(ty, "AWS::SSM::Parameter::Value<CommaDelimitedList>"))
                return AB_LIST;
            return AB_STR;
        }
        return AB_SKIP;   /* a resource: its Ref may be anything a type says */
    }
    if (!strcmp(fn, "Fn::If")) return AB_IF;
    if (!strcmp(fn, "Fn::Split") || !strcmp(fn, "Fn::GetAZs") || !strcmp(fn, "Fn::Cidr")) return AB_LIST;
    if (!strcmp(fn, "Fn::Sub") || !strcmp(fn, "Fn::Join") || !strcmp(fn, "Fn::Base64") ||
        !strcmp(fn, "Fn::ImportValue") || !strcmp(fn, "Fn::ToJsonString"))
        return AB_STR;
    if (!strcmp(fn, "Fn::Length")) return AB_NUM;
    return AB_SKIP;   /* Fn::GetAtt, Fn::Select, Fn::FindInMap, Fn::Transform, ... */
}

/* ---- the walk ----------------------------------------------------------- */

static void check(V *v, doc_id val, schema_ref s, const where *w);

static const char *type_words(unsigned t, char *buf, size_t size)
{
    static const struct { unsigned bit; const char *word; } words[] = {
        {ST_OBJ, "a mapping"}, {ST_ARR, "a list"}, {ST_STR, "a string"}, {ST_INT, "an integer"},
        {ST_NUM, "a number"}, {ST_BOOL, "a boolean"}, {ST_NULL, "null"},
    };
    size_t at = 0;
    int n = 0, total = 0;
    if ((t & ST_INT) && (t & ST_NUM)) t &= ~(unsigned)ST_INT;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (t & words[i].bit) total++;
    buf[0] = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!(t & words[i].bit)) continue;
        n++;
        int wrote = snprintf(buf + at, size - at, "%s%s", n == 1 ? "" : n == total ? " or " : ", ", words[i].word);
        if (wrote < 0 || (size_t)wrote >= size - at) break;
        at += (size_t)wrote;
    }
    return buf;
}

static const char *unit_of(const where *w)
{
    if (!w->name_len) return "";
    if ((w->name_len == 7 && !memcmp(w->name, "Timeout", 7)) ||
        (w->name_len > 7 && !memcmp(w->name + w->name_len - 7, "Seconds", 7)) ||
        (w->name_len > 17 && !memcmp(w->name + w->name_len - 17, "VisibilityTimeout", 17)))
        return " (seconds)";
    if (w->name_len == 10 && !memcmp(w->name, "MemorySize", 10)) return " (MB)";
    return "";
}

static const char *value_words(const V *v, doc_id val, char *buf, size_t size)
{
    const doc_node *n = doc_at(v->d, val);
    if (n->kind == DOC_MAP) return "a mapping";
    if (n->kind == DOC_SEQ) return "a list";
    char tmp[80];
    snprintf(buf, size, "'%s'", show(n->str, n->len, tmp, sizeof tmp));
    return buf;
}

static void wrong_type(V *v, doc_id val, unsigned types, const where *w, const char *got)
{
    char path[256], tw[96];
    path_of(w, path, sizeof path);
    keep(v, SCHEMA_SL604, val, "%s expects %s%s, got %s", path[0] ? path : "the value", type_words(types, tw, sizeof tw),
         unit_of(w), got);
}

/* Is a literal's shape one the node's types allow (0: any)? */
static unsigned shape_kinds(const V *v, doc_id val)
{
    const doc_node *n = doc_at(v->d, val);
    if (n->kind == DOC_MAP) return ST_OBJ;
    if (n->kind == DOC_SEQ) return ST_ARR;
    scal sc;
    read_scalar(v, val, &sc);
    if (sc.null) return ST_NULL | ST_STR | ST_INT | ST_NUM | ST_BOOL | ST_OBJ | ST_ARR;
    if (strstr(sc.s, "{{resolve:")) return ST_STR | ST_INT | ST_NUM | ST_BOOL | ST_ARR;
    return sc.kinds;
}

/* The node's types, looking through one-branch allOf wrappers. */
static unsigned node_types(schema_ref s, int depth)
{
    sn n;
    sn_decode(s, &n);
    unsigned t = n.w0 & SN_TYPES;
    if (t || depth > 6) return t;
    if (n.n_allof == 1 && !(n.w0 & (SN_PROPS | SN_ANYOF | SN_ONEOF))) return node_types(n.allof[0], depth + 1);
    return 0;
}

static int schema_is_any(const sn *n) { return n->w0 == 0 && n->w1 == 0; }

static void suggest_enum(V *v, doc_id site, const sn *n, const scal *sc, const where *w)
{
    suggest sg;
    suggest_init(&sg, sc->text, sc->text_len);
    for (uint32_t i = 0; i < n->n_enum; i++) {
        const char *e = STR(n->enums[i]);
        suggest_offer(&sg, e, strlen(e));
    }
    size_t blen = 0;
    int numeric = (sc->kinds & K_NUM) != 0;
    for (uint32_t i = 0; i < n->n_enum && numeric; i++) {
        double ev;
        int integral;
        numeric = parse_num(STR(n->enums[i]), strlen(STR(n->enums[i])), &ev, &integral);
    }
    const char *best = numeric ? NULL : best_of(&sg, NULL, n->enums, n->n_enum, &blen);
    char path[256], val[80], note[40] = "";
    path_of(w, path, sizeof path);
    show(sc->s, sc->len, val, sizeof val);
    if (sc->yaml_bool) snprintf(note, sizeof note, " (YAML reads it as %s)", sc->bval ? "true" : "false");
    int runtime = w->up && !w->up->up && w->name_len == 7 && !memcmp(w->name, "Runtime", 7) && v->fn_like;
    char what[300];
    if (runtime) snprintf(what, sizeof what, "a Lambda runtime");
    else snprintf(what, sizeof what, "a valid %s", path[0] ? path : "value");
    if (best) {
        suggested(v, best, blen);
        keep(v, SCHEMA_SL605, site, "'%s'%s is not %s: did you mean '%.*s'?", val, note, what, (int)blen, best);
        return;
    }
    /* The allowed values, closest first, at most 6 of them. */
    uint32_t order[6];
    unsigned dist[6];
    int k = 0;
    for (uint32_t i = 0; i < n->n_enum; i++) {
        const char *e = STR(n->enums[i]);
        unsigned d = suggest_distance(sc->text, sc->text_len, e, strlen(e), 200);
        if (numeric) {
            double ev, diff;
            int integral;
            parse_num(e, strlen(e), &ev, &integral);
            diff = ev > sc->num ? ev - sc->num : sc->num - ev;
            d = diff > 4e9 ? 4000000000u : (unsigned)diff;
        }
        int at = k < 6 ? k++ : 6;
        while (at > 0 && dist[at - 1] > d) {
            if (at < 6) {
                order[at] = order[at - 1];
                dist[at] = dist[at - 1];
            }
            at--;
        }
        if (at < 6) {
            order[at] = i;
            dist[at] = d;
        }
    }
    char list[400];
    size_t at = 0;
    list[0] = 0;
    for (int i = 0; i < k; i++) {
        int wrote = snprintf(list + at, sizeof list - at, "%s%s", i ? ", " : "", STR(n->enums[order[i]]));
        if (wrote < 0 || (size_t)wrote >= sizeof list - at) break;
        at += (size_t)wrote;
    }
    if (n->n_enum > (uint32_t)k)
        snprintf(list + at, sizeof list - at, ", ... (%u values)", (unsigned)n->n_enum);
    keep(v, SCHEMA_SL605, site, "'%s'%s is not %s: expected %s%s", val, note, what, n->n_enum == 1 ? "" : "one of ", list);
}

static int enum_has(const sn *n, const scal *sc)
{
    for (uint32_t i = 0; i < n->n_enum; i++) {
        const char *e = STR(n->enums[i]);
        size_t el = strlen(e);
        if (el == sc->text_len && memcmp(e, sc->text, el) == 0) return 1;
        if ((n->w0 & SN_ENUM_CI) && el == sc->text_len && strncasecmp(e, sc->text, el) == 0) return 1;
        if (sc->kinds & K_NUM) {
            double ev;
            int integral;
            if (parse_num(e, el, &ev, &integral) && ev == sc->num) return 1;
        }
        if ((sc->kinds & K_BOOL) && ((sc->bval && !strcmp(e, "true")) || (!sc->bval && !strcmp(e, "false")))) return 1;
    }
    return 0;
}

static size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80) n++;
    return n;
}

/* ---- formats ------------------------------------------------------------
 * The registry's `format`s samlint checks (tools/gen_schema.py, fmt_id,
 * says where each applies). Each accepts every shape AWS documents for the
 * places it stands and rejects only what no such place takes. */

/* A decimal number of 1 to `digits` digits at most `max`; advances *p. */
static int dec(const char **p, const char *end, int digits, unsigned max, unsigned *out)
{
    unsigned n = 0;
    int k = 0;
    while (*p < end && k < digits && **p >= '0' && **p <= '9') {
        n = n * 10 + (unsigned)(**p - '0');
        (*p)++;
        k++;
    }
    if (!k || n > max) return 0;
    *out = n;
    return 1;
}

/* An IPv4 address (four decimal octets); its value in *addr. */
static int ipv4_addr(const char **p, const char *end, uint32_t *addr)
{
    uint32_t a = 0;
    for (int i = 0; i < 4; i++) {
        unsigned o;
        if (i && (*p >= end || *(*p)++ != '.')) return 0;
        if (!dec(p, end, 3, 255, &o)) return 0;
        a = a << 8 | o;
    }
    *addr = a;
    return 1;
}

static int hexdig(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* An IPv6 address: eight groups of 1-4 hex digits, '::' once for a run of
 * zero groups, an IPv4 address for the last two groups. */
static int ipv6_addr(const char *s, const char *end)
{
    int groups = 0, gap = 0;
    const char *p = s;
    if (end - p >= 2 && p[0] == ':' && p[1] == ':') {
        gap = 1;
        p += 2;
        if (p == end) return 1;
    } else if (p < end && *p == ':') {
        return 0;
    }
    while (p < end) {
        const char *q = p;
        while (q < end && q - p < 5 && hexdig(*q)) q++;
        if (q < end && *q == '.') {   /* the IPv4 tail */
            uint32_t a;
            const char *r = p;
            if (!ipv4_addr(&r, end, &a) || r != end) return 0;
            groups += 2;
            break;
        }
        if (q == p || q - p > 4) return 0;
        groups++;
        p = q;
        if (p == end) break;
        if (*p != ':') return 0;
        p++;
        if (p < end && *p == ':') {
            if (gap) return 0;
            gap = 1;
            p++;
            if (p == end) break;
        } else if (p == end) {
            return 0;   /* a trailing single ':' */
        }
    }
    return gap ? groups <= 7 : groups == 8;
}

/* "/n" with n at most max, or nothing (when the prefix may be left out). */
static int prefix(const char **p, const char *end, unsigned max, unsigned *out, int *has)
{
    *has = 0;
    if (*p == end) return 1;
    if (**p != '/') return 0;
    (*p)++;
    *has = 1;
    if (end - *p > 1 && **p == '0') return 0;   /* no leading zero */
    return dec(p, end, 3, max, out) && *p == end;
}

/* <prefix> followed by 8 or 17 hex digits: an EC2 resource id (Amazon EC2
 * User Guide, "Resource IDs": the 8-character ids and the longer 17). */
static int ec2_id(const char *s, size_t len, const char *pre)
{
    size_t pl = strlen(pre);
    if (len <= pl || memcmp(s, pre, pl)) return 0;
    size_t n = len - pl;
    if (n != 8 && n != 17) return 0;
    for (size_t i = pl; i < len; i++)
        if (!hexdig(s[i])) return 0;
    return 1;
}

/* The EC2 id formats, in SFMT_VPC_ID .. SFMT_AMI_ID order. */
static const struct ec2_format {
    const char *prefix, *want;
} ec2_formats[] = {
    {"vpc-", "a VPC id: vpc- and 8 or 17 hexadecimal digits"},
    {"subnet-", "a subnet id: subnet- and 8 or 17 hexadecimal digits"},
    {"sg-", "a security group id: sg- and 8 or 17 hexadecimal digits"},
    {"ami-", "an AMI id: ami- and 8 or 17 hexadecimal digits"},
};
_Static_assert(sizeof ec2_formats / sizeof ec2_formats[0] == SFMT_AMI_ID - SFMT_VPC_ID + 1,
               "ec2_formats follows the SFMT_ order");

/* arn:partition:service:region:account:resource. *service, *account and
 * *resource point into s (account_len may be 0). */
typedef struct arn { const char *service, *region, *account, *resource; size_t service_len, region_len, account_len, resource_len; } arn;

static int arn_parse(const char *s, size_t len, arn *a)
{
    const char *end = s + len, *f[6];
    size_t fl[6];
    if (len < 4 || memcmp(s, "arn:", 4)) return 0;
    const char *p = s + 4;
    for (int i = 1; i < 6; i++) {
        const char *c = i < 5 ? memchr(p, ':', (size_t)(end - p)) : end;
        if (!c) return 0;
        f[i] = p;
        fl[i] = (size_t)(c - p);
        p = c < end ? c + 1 : end;
    }
    if (fl[1] < 3 || memcmp(f[1], "aws", 3) || !fl[2] || !fl[5]) return 0;   /* partition aws, aws-cn, aws-us-gov, ... */
    if (fl[4] && fl[4] != 12 && !(fl[4] == 3 && !memcmp(f[4], "aws", 3))) return 0;
    for (size_t i = 0; i < fl[4] && fl[4] == 12; i++)
        if (f[4][i] < '0' || f[4][i] > '9') return 0;
    *a = (arn){f[2], f[3], f[4], f[5], fl[2], fl[3], fl[4], fl[5]};
    return 1;
}

static int arn_service_is(const arn *a, const char *service)
{
    return a->service_len == strlen(service) && memcmp(a->service, service, a->service_len) == 0;
}

static int is_uuid(const char *s, size_t len)
{
    static const int dash[] = {8, 13, 18, 23};
    if (len != 36) return 0;
    for (size_t i = 0, d = 0; i < len; i++) {
        if (d < 4 && (int)i == dash[d]) {
            if (s[i] != '-') return 0;
            d++;
        } else if (!hexdig(s[i])) {
            return 0;
        }
    }
    return 1;
}

/* The four ways to name a KMS key (AWS KMS Developer Guide, "Key
 * identifiers (KeyId)"): key id (a UUID, or mrk- and 32 hex digits for a
 * multi-Region key), key ARN, alias name (alias/...), alias ARN. */
static int kms_key(const char *s, size_t len)
{
    if (is_uuid(s, len)) return 1;
    if (len == 36 && !memcmp(s, "mrk-", 4)) {
        for (size_t i = 4; i < len; i++)
            if (!hexdig(s[i])) return 0;
        return 1;
    }
    if (len > 6 && !memcmp(s, "alias/", 6)) return 1;
    arn a;
    return arn_parse(s, len, &a) && arn_service_is(&a, "kms") &&
           ((a.resource_len > 4 && !memcmp(a.resource, "key/", 4)) || (a.resource_len > 6 && !memcmp(a.resource, "alias/", 6)));
}

static int days_in(unsigned y, unsigned m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return days[m - 1];
}

/* An ISO 8601 / RFC 3339 date and time: YYYY-MM-DD, then optionally T (or a
 * space) and hh:mm[:ss[.fraction]] and an offset (Z, +hh:mm, +hhmm, +hh).
 * The time and the offset are not required: not every place was verified
 * to insist on them. */
static int date_time(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    unsigned y, mo, d, h, mi, sec;
    if (len < 10 || p[4] != '-' || p[7] != '-') return 0;
    if (!dec(&p, p + 4, 4, 9999, &y) || p != s + 4) return 0;
    p++;
    if (!dec(&p, p + 2, 2, 12, &mo) || p != s + 7 || !mo) return 0;
    p++;
    if (!dec(&p, p + 2, 2, 31, &d) || p != s + 10 || !d || (int)d > days_in(y, mo)) return 0;
    if (p == end) return 1;
    if (*p != 'T' && *p != 't' && *p != ' ') return 0;
    p++;
    const char *t = p;
    if (!dec(&p, end, 2, 23, &h) || p != t + 2 || p == end || *p++ != ':') return 0;
    t = p;
    if (!dec(&p, end, 2, 59, &mi) || p != t + 2) return 0;
    if (p < end && *p == ':') {
        t = ++p;
        if (!dec(&p, end, 2, 60, &sec) || p != t + 2) return 0;
        if (p < end && (*p == '.' || *p == ',')) {
            t = ++p;
            while (p < end && *p >= '0' && *p <= '9') p++;
            if (p == t) return 0;
        }
    }
    if (p == end) return 1;
    if ((*p == 'Z' || *p == 'z') && p + 1 == end) return 1;
    if (*p != '+' && *p != '-') return 0;
    p++;
    t = p;
    if (!dec(&p, end, 2, 23, &h) || p != t + 2) return 0;
    if (p == end) return 1;
    if (*p == ':') p++;
    t = p;
    return dec(&p, end, 2, 59, &mi) && p == t + 2 && p == end;
}

/* Judge a literal string against format `fmt`; 1 when it reported. */
static int check_format(V *v, doc_id val, uint32_t fmt, const scal *sc, const where *w)
{
    const char *s = sc->text, *end = sc->text + sc->text_len;
    size_t len = sc->text_len;
    if (!len) return 0;   /* an empty string: not every place was verified to refuse it */
    const char *want = NULL;
    char fix[64] = "";
    switch (fmt) {
    case SFMT_IPV4:
    case SFMT_IPV4_VPC: {
        const char *p = s;
        uint32_t a;
        unsigned n = 32;
        int has;
        if (!ipv4_addr(&p, end, &a) || !prefix(&p, end, 32, &n, &has)) {
            want = fmt == SFMT_IPV4 ? "an IPv4 address range in CIDR notation, such as 10.0.0.0/16"
                                    : "an IPv4 network in CIDR notation, such as 10.0.0.0/16";
            break;
        }
        if (fmt == SFMT_IPV4) return 0;
        if (!has || n < 16 || n > 28) {
            want = "a /16 to /28 IPv4 network, such as 10.0.0.0/16 (Amazon VPC takes block sizes from /16 to /28)";
            break;
        }
        uint32_t mask = n ? ~(uint32_t)0 << (32 - n) : 0;
        if (a & ~mask) {
            uint32_t net = a & mask;
            snprintf(fix, sizeof fix, "%u.%u.%u.%u/%u", net >> 24, (net >> 16) & 255, (net >> 8) & 255, net & 255, n);
            want = "a network address, whose host bits are zero";
        }
        break;
    }
    case SFMT_IPV6: {
        const char *slash = memchr(s, '/', len);
        const char *p = slash ? slash : end;
        unsigned n;
        int has;
        if (!ipv6_addr(s, p) || !prefix(&p, end, 128, &n, &has))
            want = "an IPv6 address range in CIDR notation, such as 2001:db8::/56";
        break;
    }
    case SFMT_DATETIME:
        if (!date_time(s, len)) want = "a date and time such as 2030-01-01T01:00:00Z (ISO 8601)";
        break;
    case SFMT_VPC_ID:
    case SFMT_SUBNET_ID:
    case SFMT_SG_ID:
    case SFMT_AMI_ID: {
        const struct ec2_format *e = &ec2_formats[fmt - SFMT_VPC_ID];
        if (!ec2_id(s, len, e->prefix)) want = e->want;
        break;
    }
    case SFMT_KMS_KEY:
        if (!kms_key(s, len)) want = "a KMS key id, key ARN, alias name (alias/...) or alias ARN";
        break;
    case SFMT_SNS_ARN: {
        arn a;
        if (!arn_parse(s, len, &a) || !arn_service_is(&a, "sns") || a.account_len != 12 || !a.region_len)
            want = "an SNS topic ARN: arn:aws:sns:<region>:<account>:<topic>";
        break;
    }
    case SFMT_CERT_ARN: {
        arn a;
        if (!arn_parse(s, len, &a) || !(arn_service_is(&a, "acm") || arn_service_is(&a, "iam")))
            want = "a certificate ARN: arn:aws:acm:<region>:<account>:certificate/<id>";
        break;
    }
    default:
        return 0;
    }
    if (!want) return 0;
    char path[256], tmp[80];
    path_of(w, path, sizeof path);
    if (fix[0]) {
        suggested(v, fix, strlen(fix));
        keep(v, SCHEMA_SL605, val, "%s '%s' has host bits set: Amazon VPC takes %s; did you mean '%s'?", path[0] ? path : "the value",
             show(sc->s, sc->len, tmp, sizeof tmp), want, fix);
    } else {
        keep(v, SCHEMA_SL605, val, "%s expects %s, got '%s'", path[0] ? path : "the value", want, show(sc->s, sc->len, tmp, sizeof tmp));
    }
    return 1;
}

static void check_scalar(V *v, doc_id val, const sn *n, const where *w)
{
    unsigned types = n->w0 & SN_TYPES;
    const doc_node *nd = doc_at(v->d, val);
    /* The common case: a string with nothing more to check; any scalar but
     * null will do (CloudFormation makes a string of a number or boolean). */
    if ((types & ST_STR) && !(n->w0 & (SN_ENUM | SN_PATTERN | SN_MINLEN | SN_MAXLEN | SN_FORMAT))) {
        int plain = (nd->style & DOC_PLAIN) && !nd->tagged;
        if (!plain || nd->len > 4 || (nd->len && nd->str[0] != '~' && nd->str[0] != 'n' && nd->str[0] != 'N')) return;
    }
    scal sc;
    read_scalar(v, val, &sc);
    if (sc.null) {
        /* CloudFormation takes no null value ("'null' values are not allowed
         * in templates"); SAM drops some of its own, so only the registry's
         * places are judged. */
        if (types && !(types & ST_NULL) && (!(n->w1 & SX_SAM) || (!w->up && !w->name_len))) {
            char path[256];
            path_of(w, path, sizeof path);
            keep(v, SCHEMA_SL604, val, "%s is null: CloudFormation takes no null values, give it a value or remove it",
                 path[0] ? path : "the value");
        }
        return;
    }
    if (strstr(sc.s, "{{resolve:")) return;   /* a dynamic reference: content unknown */
    if (types && !(types & sc.kinds)) {
        if (types & (ST_STR | ST_INT | ST_NUM | ST_BOOL)) {
            char got[100];
            wrong_type(v, val, types, w, value_words(v, val, got, sizeof got));
        } else {
            char got[100], tmp[80];
            snprintf(got, sizeof got, "'%s'", show(sc.s, sc.len, tmp, sizeof tmp));
            wrong_type(v, val, types, w, got);
        }
        return;
    }
    char path[256], tmp[80];
    if (n->n_enum && !enum_has(n, &sc)) {
        suggest_enum(v, val, n, &sc, w);
        return;
    }
    int as_string = !types || (types & ST_STR);
    if ((n->w0 & SN_PATTERN) && as_string && !(sc.kinds & K_BOOL && !(types & ST_STR))) {
        if (pat_match(n->pattern, sc.text, sc.text_len) == 0) {
            const char *pat = STR(schema_patterns[n->pattern]);
            keep(v, SCHEMA_SL605, val, "'%s' does not match the pattern of %s: %.80s%s", show(sc.s, sc.len, tmp, sizeof tmp),
                 path_of(w, path, sizeof path), pat, strlen(pat) > 80 ? "..." : "");
            return;
        }
    }
    if (as_string && (n->w0 & (SN_MINLEN | SN_MAXLEN))) {
        size_t chars = utf8_chars(sc.text, sc.text_len);
        if ((n->w0 & SN_MINLEN) && chars < n->minlen) {
            keep(v, SCHEMA_SL605, val, "%s is %zu characters long: at least %u are needed", path_of(w, path, sizeof path), chars,
                 (unsigned)n->minlen);
            return;
        }
        if ((n->w0 & SN_MAXLEN) && chars > n->maxlen) {
            keep(v, SCHEMA_SL605, val, "%s is %zu characters long: at most %u are allowed", path_of(w, path, sizeof path), chars,
                 (unsigned)n->maxlen);
            return;
        }
    }
    if ((n->w0 & SN_FORMAT) && as_string && !(sc.kinds & K_BOOL && !(types & ST_STR)) && check_format(v, val, n->format, &sc, w))
        return;
    if ((n->w0 & (SN_MIN | SN_MAX)) && (sc.kinds & K_NUM) && !w->sl204) {
        double x = sc.num;
        if (n->w0 & SN_MIN) {
            double m = schema_nums[n->min];
            if ((n->w0 & SN_EXMIN) ? x <= m : x < m) {
                keep(v, SCHEMA_SL605, val, "%s %s is below the %s of %g", path_of(w, path, sizeof path),
                     show(sc.s, sc.len, tmp, sizeof tmp), (n->w0 & SN_EXMIN) ? "exclusive minimum" : "minimum", m);
                return;
            }
        }
        if (n->w0 & SN_MAX) {
            double m = schema_nums[n->max];
            if ((n->w0 & SN_EXMAX) ? x >= m : x > m) {
                keep(v, SCHEMA_SL605, val, "%s %s is above the %s of %g", path_of(w, path, sizeof path),
                     show(sc.s, sc.len, tmp, sizeof tmp), (n->w0 & SN_EXMAX) ? "exclusive maximum" : "maximum", m);
                return;
            }
        }
    }
}

/* Is a key present in the mapping (or its Globals twin)? 1 yes, 0 no,
 * 2 maybe (an Fn::If that may remove it). */
static int presence(const V *v, doc_id map, doc_id twin, const char *key)
{
    size_t len = strlen(key);
    doc_id val = doc_is_map(v->d, map) ? doc_get_n(v->d, map, key, len) : DOC_NONE;
    if (val == DOC_NONE && doc_is_map(v->d, twin)) val = doc_get_n(v->d, twin, key, len);
    if (val == DOC_NONE) return 0;
    if (is_novalue(v->d, val)) return 0;
    doc_id arg;
    const char *fn = doc_intrinsic(v->d, val, &arg);
    if (fn && !strcmp(fn, "Fn::If") && doc_is_seq(v->d, arg) && doc_count(v->d, arg) == 3 &&
        (is_novalue(v->d, doc_item(v->d, arg, 1)) || is_novalue(v->d, doc_item(v->d, arg, 2))))
        return 2;
    return 1;
}

static doc_id key_node(const V *v, doc_id map, const char *key)
{
    doc_id k = doc_is_map(v->d, map) ? doc_get_key_n(v->d, map, key, strlen(key)) : DOC_NONE;
    return k;
}

/* Where to put a finding about a whole mapping: its key, else itself. */
static doc_id map_site(const where *w, doc_id map) { return w->key != DOC_NONE ? w->key : map; }

/* One finding for every key a mapping lacks (one cause, one place):
 * `keys` is "'A'" or "'A', 'B' and 'C'", `n` how many. */
static void missing_n(V *v, doc_id map, const where *w, const char *keys, int n)
{
    char path[256];
    const char *what = n == 1 ? "property" : "properties";
    path_of(w, path, sizeof path);
    if (!w->up && !w->name_len) path[0] = 0;
    if (!v->type)
        keep(v, SCHEMA_SL603, map_site(w, map), "%s lacks required %s %s", path, what, keys);
    else if (!path[0])
        keep(v, SCHEMA_SL603, map_site(w, map), "%s '%s' lacks required %s %s", v->type, v->res, what, keys);
    else
        keep(v, SCHEMA_SL603, map_site(w, map), "%s of %s '%s' lacks required %s %s", path, v->type, v->res, what, keys);
}

static void missing(V *v, doc_id map, const where *w, const char *key)
{
    char k[140];
    snprintf(k, sizeof k, "'%s'", key);
    missing_n(v, map, w, k, 1);
}

/* Gathers key names for one message: "'A', 'B' and 'C'". */
typedef struct namelist {
    char buf[400];
    size_t len;
    int n;
    const char *last;
} namelist;

static void names_add(namelist *ns, const char *k)
{
    if (ns->last) {
        int wrote = snprintf(ns->buf + ns->len, sizeof ns->buf - ns->len, "%s'%s'", ns->n > 1 ? ", " : "", ns->last);
        if (wrote > 0 && (size_t)wrote < sizeof ns->buf - ns->len) ns->len += (size_t)wrote;
    }
    ns->last = k;
    ns->n++;
}

static const char *names_end(namelist *ns)
{
    if (ns->last)
        snprintf(ns->buf + ns->len, sizeof ns->buf - ns->len, "%s'%s'", ns->n > 1 ? " and " : "", ns->last);
    return ns->buf;
}

static void list_keys(const uint32_t *names, uint32_t n, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < n; i++) {
        int wrote = snprintf(buf + at, size - at, "%s'%s'", i ? (i + 1 == n ? " or " : ", ") : "", STR(names[i]));
        if (wrote < 0 || (size_t)wrote >= size - at) break;
        at += (size_t)wrote;
    }
}

static void check_combos(V *v, doc_id map, const sn *n, const where *w)
{
    const uint32_t *p = n->combos;
    char ph[320], keys[300];
    for (uint32_t c = 0; c < n->n_combos; c++) {
        uint32_t kind = p[0], a = p[1], m = p[2];
        const uint32_t *names = p + 3;
        p += 3 + m;
        if (kind == SC_NEEDS || kind == SC_EXCLUDES) {
            if (presence(v, map, w->twin, STR(a)) != 1) continue;
            for (uint32_t i = 0; i < m; i++) {
                int has = presence(v, map, w->twin, STR(names[i]));
                doc_id site = key_node(v, map, STR(a));
                if (site == DOC_NONE) site = map_site(w, map);
                if (kind == SC_NEEDS && has == 0)
                    keep(v, SCHEMA_SL607, site, "'%s' %s needs '%s' too", STR(a), where_in(v, w, ph, sizeof ph), STR(names[i]));
                else if (kind == SC_EXCLUDES && has == 1)
                    keep(v, SCHEMA_SL607, site, "'%s' and '%s' cannot be used together %s", STR(a), STR(names[i]),
                         where_in(v, w, ph, sizeof ph));
            }
        } else {
            int count = 0, maybe = 0;
            doc_id second = DOC_NONE;
            for (uint32_t i = 0; i < m; i++) {
                int has = presence(v, map, w->twin, STR(names[i]));
                if (has == 2) maybe = 1;
                if (has == 1 && ++count == 2) second = key_node(v, map, STR(names[i]));
            }
            if (maybe) continue;
            list_keys(names, m, keys, sizeof keys);
            if (count == 0)
                keep(v, SCHEMA_SL607, map_site(w, map), "%s needs %s of %s", where_phrase(v, w, ph, sizeof ph) + 3,
                     kind == SC_XOR ? "exactly one" : "at least one", keys);
            else if (count > 1 && kind == SC_XOR)
                keep(v, SCHEMA_SL607, second != DOC_NONE ? second : map_site(w, map), "only one of %s may be set %s", keys,
                     where_in(v, w, ph, sizeof ph));
        }
    }
}

static void unknown_key(V *v, doc_id key, const char *k, size_t klen, const sn *n, const where *w)
{
    suggest sg;
    suggest_init(&sg, k, klen);
    for (uint32_t i = 0; i < n->n_props; i++) {
        suggest_offer(&sg, PNAME(n->props[3 * i]), PLEN(n->props[3 * i]));
    }
    size_t blen = 0;
    const char *best = suggest_best(&sg, &blen);
    for (uint32_t i = 0; best && i < n->n_props; i++) {
        const char *c = PNAME(n->props[3 * i]);
        size_t cl = PLEN(n->props[3 * i]);
        if (cl > klen && !memcmp(c, k, klen) && suggest_distance(k, klen, c, cl, sg.best_dist) <= sg.best_dist) {
            best = c;
            blen = cl;
            break;
        }
    }
    char ph[320], tmp[80];
    where_phrase(v, w, ph, sizeof ph);
    if (best) {
        suggested(v, best, blen);
        keep(v, SCHEMA_SL602, key, "unknown property '%s' %s: did you mean '%.*s'?", show(k, klen, tmp, sizeof tmp), ph, (int)blen,
             best);
    } else {
        keep(v, SCHEMA_SL602, key, "unknown property '%s' %s", show(k, klen, tmp, sizeof tmp), ph);
    }
}

/* MemorySize, Timeout, ReservedConcurrentExecutions at the top of a
 * function (or Globals.Function), and EphemeralStorage.Size: SL204 judges
 * their ranges, so SL605 leaves them alone. */
static int is_sl204(const V *v, const where *w, const char *k, size_t len)
{
    if (!v->fn_like) return 0;
    if (!w->up)
        return (len == 10 && !memcmp(k, "MemorySize", 10)) || (len == 7 && !memcmp(k, "Timeout", 7)) ||
               (len == 28 && !memcmp(k, "ReservedConcurrentExecutions", 28));
    return !w->up->up && w->name_len == 16 && !memcmp(w->name, "EphemeralStorage", 16) && len == 4 && !memcmp(k, "Size", 4);
}

static int is_required(const sn *n, const char *k, size_t len)
{
    for (uint32_t r = 0; r < n->n_req; r++)
        if (!key_cmp(k, len, STR(n->req[r]))) return 1;
    return 0;
}

static void check_map(V *v, doc_id map, const sn *n, const where *w)
{
    const doc *d = v->d;
    uint32_t count = doc_count(d, map);
    for (uint32_t i = 0; i < count; i++) {
        const char *k = doc_str(d, doc_key(d, map, i));
        /* Fn::Transform / Fn::ForEach, Rain::Embed: what they make is not ours to judge */
        if (k && ((k[0] == 'F' && !strncmp(k, "Fn::", 4)) || (k[0] == 'R' && !strncmp(k, "Rain::", 6)))) return;
    }
    for (uint32_t i = 0; i < count; i++) {
        doc_id key = doc_key(d, map, i), val = doc_val(d, map, i);
        const doc_node *kn = doc_at(d, key);
        if (kn->kind != DOC_SCALAR) continue;
        if (is_novalue(d, val)) continue;
        where cw = {w, kn->str, kn->len, key, DOC_NONE, 0, w->depth + 1, w->events};
        if (!w->depth && kn->len == 6 && !memcmp(kn->str, "Events", 6)) cw.events = 1;
        if (doc_is_map(d, w->twin)) {
            cw.twin = doc_get_n(d, w->twin, kn->str, kn->len);
        }
        cw.sl204 = is_sl204(v, w, kn->str, kn->len);
        if (n->n_req && doc_is_null(d, val) && !v->globals && is_required(n, kn->str, kn->len)) continue;   /* SL603 says it */
        int at = prop_find(n, kn->str, kn->len);
        if (at >= 0) {
            check(v, val, n->props[3 * at + 1], &cw);
            continue;
        }
        int matched = 0;
        for (uint32_t p = 0; p < n->n_patprops; p++) {
            int m = pat_match(n->patprops[2 * p], kn->str, kn->len);
            if (m != 0) {
                matched = 1;
                if (m == 1) check(v, val, n->patprops[2 * p + 1], &cw);
            }
        }
        if (matched) continue;
        if (n->w0 & SN_ADDL) check(v, val, n->addl, &cw);
        else if (n->w0 & SN_ADDL_FALSE) unknown_key(v, key, kn->str, kn->len, n, w);
    }
    if (v->globals) return;
    namelist ns = {0};
    for (uint32_t r = 0; r < n->n_req; r++) {
        const char *name = STR(n->req[r]);
        size_t len = strlen(name);
        doc_id has = doc_get_n(d, map, name, len);
        if (has != DOC_NONE && !doc_is_null(d, has)) continue;
        if (doc_is_map(d, w->twin) && doc_get_n(d, w->twin, name, len) != DOC_NONE) continue;
        names_add(&ns, name);
    }
    if (ns.n) missing_n(v, map, w, names_end(&ns), ns.n);
    if (n->n_combos) check_combos(v, map, n, w);
}

/* Equal literal values (for uniqueItems): same shape, same scalars, the
 * same keys with equal values. Intrinsics never compare equal. */
static int same_value(const doc *d, doc_id a, doc_id b, int depth)
{
    const doc_node *x = doc_at(d, a), *y = doc_at(d, b);
    if (x->kind != y->kind || depth > 16) return 0;
    if (x->kind == DOC_SCALAR) return x->len == y->len && !memcmp(x->str, y->str, x->len);
    if (x->len != y->len) return 0;
    if (x->kind == DOC_SEQ) {
        for (uint32_t i = 0; i < x->len; i++)
            if (!same_value(d, doc_item(d, a, i), doc_item(d, b, i), depth + 1)) return 0;
        return 1;
    }
    if (doc_intrinsic(d, a, NULL) || x->len > 64) return 0;
    for (uint32_t i = 0; i < x->len; i++) {
        const doc_node *k = doc_at(d, doc_key(d, a, i));
        if (k->kind != DOC_SCALAR) return 0;
        doc_id other = doc_get_n(d, b, k->str, k->len);
        if (other == DOC_NONE || !same_value(d, doc_val(d, a, i), other, depth + 1)) return 0;
    }
    return 1;
}

static void check_seq(V *v, doc_id seq, const sn *n, const where *w)
{
    const doc *d = v->d;
    uint32_t count = doc_count(d, seq);
    int unsure = 0;
    for (uint32_t i = 0; i < count; i++) {
        doc_id it = doc_item(d, seq, i), arg;
        const char *fn = doc_intrinsic(d, it, &arg);
        if (fn && strcmp(fn, "Condition") != 0) unsure = 1;
    }
    char path[256];
    if (!unsure && (n->w0 & SN_MINITEMS) && count < n->minitems)
        keep(v, SCHEMA_SL605, seq, "%s has %u item%s: at least %u are needed", path_of(w, path, sizeof path), (unsigned)count,
             count == 1 ? "" : "s", (unsigned)n->minitems);
    else if (!unsure && (n->w0 & SN_MAXITEMS) && count > n->maxitems)
        keep(v, SCHEMA_SL605, seq, "%s has %u items: at most %u are allowed", path_of(w, path, sizeof path), (unsigned)count,
             (unsigned)n->maxitems);
    if ((n->w0 & SN_UNIQUE) && !unsure && count <= 256) {
        for (uint32_t i = 1; i < count; i++)
            for (uint32_t j = 0; j < i; j++)
                if (same_value(d, doc_item(d, seq, i), doc_item(d, seq, j), 0)) {
                    keep(v, SCHEMA_SL605, doc_item(d, seq, i), "%s lists the same item twice (items %u and %u): its items must be unique",
                         path_of(w, path, sizeof path), (unsigned)j + 1, (unsigned)i + 1);
                    i = count;
                    break;
                }
    }
    if (n->w0 & SN_ITEMS) {
        where iw = *w;
        iw.key = DOC_NONE;
        iw.twin = DOC_NONE;
        for (uint32_t i = 0; i < count; i++)
            check(v, doc_item(d, seq, i), n->items, &iw);
    }
}

/* Run a branch without keeping its findings: how many it would raise. */
static unsigned trial(V *v, doc_id val, schema_ref b, const where *w)
{
    unsigned saved = v->errors;
    v->errors = 0;
    v->silent++;
    check(v, val, b, w);
    v->silent--;
    unsigned got = v->errors;
    v->errors = saved;
    return got;
}

/* Does a key-presence branch ({required: [...]}, not, anyOf of them) hold?
 * 1 yes, 0 no, 2 cannot tell. */
static int presence_holds(const V *v, doc_id map, doc_id twin, schema_ref b, int depth)
{
    sn n;
    sn_decode(b, &n);
    if (depth > 6) return 2;
    int res = 1;
    for (uint32_t i = 0; i < n.n_req; i++) {
        int h = presence(v, map, twin, STR(n.req[i]));
        if (h == 0) return 0;
        if (h == 2) res = 2;
    }
    if (n.w0 & SN_NOT) {
        int h = presence_holds(v, map, twin, n.not_, depth + 1);
        if (h == 1) return 0;
        if (h == 2) res = 2;
    }
    if (n.n_anyof || n.n_oneof) {
        int any = 0, unsure = 0;
        for (uint32_t i = 0; i < n.n_anyof + n.n_oneof; i++) {
            int h = presence_holds(v, map, twin, i < n.n_anyof ? n.anyof[i] : n.oneof[i - n.n_anyof], depth + 1);
            if (h == 1) any++;
            if (h == 2) unsure = 1;
        }
        if (!any && !unsure) return 0;
        if (!any) res = 2;
    }
    for (uint32_t i = 0; i < n.n_allof; i++) {
        int h = presence_holds(v, map, twin, n.allof[i], depth + 1);
        if (h == 0) return 0;
        if (h == 2) res = 2;
    }
    return res;
}

/* The keys a key-presence branch requires, for messages. */
static void branch_keys(schema_ref b, char *buf, size_t size, size_t *at, int *count, int depth)
{
    sn n;
    sn_decode(b, &n);
    for (uint32_t i = 0; i < n.n_req; i++) {
        const char *k = STR(n.req[i]);
        if (strstr(buf, k) && *at) continue;
        int wrote = snprintf(buf + *at, size - *at, "%s'%s'", *at ? ", " : "", k);
        if (wrote < 0 || (size_t)wrote >= size - *at) return;
        *at += (size_t)wrote;
        (*count)++;
    }
    if (depth < 4)
        for (uint32_t i = 0; i < n.n_anyof + n.n_oneof + n.n_allof; i++)
            branch_keys(i < n.n_anyof ? n.anyof[i] : i < n.n_anyof + n.n_oneof ? n.oneof[i - n.n_anyof]
                                                                                : n.allof[i - n.n_anyof - n.n_oneof],
                        buf, size, at, count, depth + 1);
}

static void check_presence_branches(V *v, doc_id map, const uint32_t *br, uint32_t nb, int one, const where *w)
{
    int holds = 0, unsure = 0;
    for (uint32_t i = 0; i < nb; i++) {
        int h = presence_holds(v, map, w->twin, br[i], 0);
        if (h == 1) holds++;
        if (h == 2) unsure = 1;
    }
    if (unsure) return;
    char keys[300], ph[320];
    size_t at = 0;
    int count = 0;
    keys[0] = 0;
    for (uint32_t i = 0; i < nb; i++)
        branch_keys(br[i], keys, sizeof keys, &at, &count, 0);
    if (!count) return;
    if (holds == 0)
        keep(v, SCHEMA_SL607, map_site(w, map), "%s needs %s of %s", where_phrase(v, w, ph, sizeof ph) + 3,
             one ? "exactly one" : "one", keys);
    else if (one && holds > 1)
        keep(v, SCHEMA_SL607, map_site(w, map), "only one of %s may be set %s", keys, where_in(v, w, ph, sizeof ph));
}

/* anyOf / oneOf whose branches are told apart by one key (a SAM event's
 * Type): judge the value against the branch its key names. */
static void check_discriminated(V *v, doc_id val, const sn *n, const where *w)
{
    const doc *d = v->d;
    const char *key = STR(n->discrim);
    doc_id kv = doc_get(d, val, key);
    if (kv == DOC_NONE) {
        missing(v, val, w, key);
        return;
    }
    if (!doc_is_scalar(d, kv)) return;   /* an intrinsic: cannot tell */
    const doc_node *kn = doc_at(d, kv);
    for (uint32_t i = 0; i < n->n_dtable; i++)
        if (!key_cmp(kn->str, kn->len, STR(n->dtable[2 * i]))) {
            check(v, val, n->dtable[2 * i + 1], w);
            return;
        }
    suggest sg;
    suggest_init(&sg, kn->str, kn->len);
    for (uint32_t i = 0; i < n->n_dtable; i++)
        suggest_offer(&sg, STR(n->dtable[2 * i]), strlen(STR(n->dtable[2 * i])));
    size_t blen = 0;
    const char *best = suggest_best(&sg, &blen);
    char tmp[80], path[256];
    path_of(w, path, sizeof path);
    if (best) {
        suggested(v, best, blen);
        keep(v, SCHEMA_SL605, kv, "unknown %s '%s' of %s: did you mean '%.*s'?", key, show(kn->str, kn->len, tmp, sizeof tmp),
             path[0] ? path : "the value", (int)blen, best);
    } else {
        keep(v, SCHEMA_SL605, kv, "unknown %s '%s' of %s", key, show(kn->str, kn->len, tmp, sizeof tmp), path[0] ? path : "the value");
    }
}

static void check_branches(V *v, doc_id val, const sn *n, const uint32_t *br, uint32_t nb, int one, const where *w)
{
    const doc *d = v->d;
    if (n->w1 & SX_COMBO_ONLY) {
        if (doc_is_map(d, val) && !v->globals) check_presence_branches(v, val, br, nb, one, w);
        return;
    }
    if ((n->w1 & SX_DISCRIM) && doc_is_map(d, val)) {
        check_discriminated(v, val, n, w);
        return;
    }
    unsigned have = shape_kinds(v, val);
    uint32_t fits[64];
    uint32_t nf = 0;
    unsigned all_types = 0;
    for (uint32_t i = 0; i < nb && nf < 64; i++) {
        unsigned t = node_types(br[i], 0);
        all_types |= t ? t : 0x7f;
        if (!t || (t & have)) fits[nf++] = br[i];
    }
    if (nf == 0) {
        if (have & (ST_NULL)) return;
        char got[100];
        wrong_type(v, val, all_types, w, value_words(v, val, got, sizeof got));
        return;
    }
    if (nf == 1) {
        check(v, val, fits[0], w);
        return;
    }
    uint32_t best = fits[0];
    unsigned best_err = ~0u;
    for (uint32_t i = 0; i < nf; i++) {
        unsigned e = trial(v, val, fits[i], w);
        if (e == 0) return;
        if (e < best_err) {
            best_err = e;
            best = fits[i];
        }
    }
    check(v, val, best, w);
}

static void check_not(V *v, doc_id val, const sn *n, const where *w)
{
    if (!doc_is_map(v->d, val) || v->globals) return;
    sn x;
    sn_decode(n->not_, &x);
    /* Only key-presence nots: {not: {required: [A, B]}} and anyOf of them. */
    if (x.w0 & ~(unsigned)(SN_REQUIRED | SN_ANYOF | SN_ONEOF | SN_ALLOF | ST_OBJ)) return;
    if (presence_holds(v, val, w->twin, n->not_, 0) != 1) return;
    char keys[300], ph[320];
    size_t at = 0;
    int count = 0;
    keys[0] = 0;
    branch_keys(n->not_, keys, sizeof keys, &at, &count, 0);
    if (!count) return;
    keep(v, SCHEMA_SL607, map_site(w, val), count == 1 ? "%s cannot be set %s" : "%s cannot be used together %s", keys,
         where_in(v, w, ph, sizeof ph));
}

static void check(V *v, doc_id val, schema_ref s, const where *w)
{
    if (val == DOC_NONE || s == SCHEMA_ANY) return;
    if (--v->budget < 0) return;
    sn n;
    sn_decode(s, &n);
    if (schema_is_any(&n)) return;
    const doc *d = v->d;
    doc_id arg = DOC_NONE;
    const char *fn = NULL;
    enum ab a = abstract(v, val, &arg, &fn);
    if (a == AB_IF) {
        if (doc_is_seq(d, arg) && doc_count(d, arg) == 3)
            for (uint32_t b = 1; b <= 2; b++) {
                doc_id br = doc_item(d, arg, b);
                if (!is_novalue(d, br)) check(v, br, s, w);
            }
        return;
    }
    if ((a == AB_STR || a == AB_NUM) && !strcmp(fn, "Ref")) {
        /* A value given for the lint (--parameters) is known: judged as
         * the literal it is, reported at the Ref. */
        const tmpl_param *p = tmpl_find_param(v->t, doc_str(d, arg));
        if (p && p->given) {
            doc_id outer = v->at_ref;
            if (outer == DOC_NONE) v->at_ref = val;
            check(v, p->value_node, s, w);
            v->at_ref = outer;
            return;
        }
    }
    if (a != AB_NONE) {
        unsigned types = n.w0 & SN_TYPES;
        if (a == AB_SKIP || a == AB_NOVALUE || !types) return;
        int bad = (a == AB_LIST) ? !(types & (ST_ARR | ST_OBJ)) : (types == ST_ARR);
        if (bad) {
            char got[120];
            snprintf(got, sizeof got, "%s (%s)", a == AB_LIST ? "a list" : a == AB_NUM ? "a number" : "a string", fn);
            wrong_type(v, val, types, w, got);
        }
        return;
    }
    unsigned types = n.w0 & SN_TYPES;
    const doc_node *nd = doc_at(d, val);
    if (nd->kind == DOC_MAP) {
        if (types && !(types & ST_OBJ)) {
            wrong_type(v, val, types, w, "a mapping");
            return;
        }
        check_map(v, val, &n, w);
    } else if (nd->kind == DOC_SEQ) {
        if (types && !(types & ST_ARR)) {
            wrong_type(v, val, types, w, "a list");
            return;
        }
        check_seq(v, val, &n, w);
    } else {
        unsigned before = v->errors;
        size_t kept = v->n;
        check_scalar(v, val, &n, w);
        if (v->errors != before || v->n != kept) return;
    }
    for (uint32_t i = 0; i < n.n_allof; i++)
        check(v, val, n.allof[i], w);
    if (n.n_anyof) check_branches(v, val, &n, n.anyof, n.n_anyof, 0, w);
    if (n.n_oneof) check_branches(v, val, &n, n.oneof, n.n_oneof, 1, w);
    if (n.w0 & SN_NOT) check_not(v, val, &n, w);
}

/* ---- a template -------------------------------------------------------- */

/* Connectors: SAM embeds connectors in any resource of a SAM template. */
static const char *const resource_keys[] = {"Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy",
                                            "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy", "Connectors", NULL};

static void check_policy_value(V *v, const tmpl_resource *r, doc_id key, doc_id val)
{
    const char *name = doc_str(v->d, key);
    const doc_node *kn = doc_at(v->d, key);
    const policy_template *pt = policy_template_find(name);
    char tmp[80];
    if (!pt) {
        suggest sg;
        suggest_init(&sg, kn->str, kn->len);
        for (const policy_template *p = policy_templates; p->name; p++)
            suggest_offer(&sg, p->name, strlen(p->name));
        size_t blen = 0;
        const char *best = suggest_best(&sg, &blen);
        if (best) {
            suggested(v, best, blen);
            keep(v, SCHEMA_SL602, key, "unknown SAM policy template '%s' in Policies of %s: did you mean '%.*s'?",
                 show(kn->str, kn->len, tmp, sizeof tmp), r->type, (int)blen, best);
        } else {
            keep(v, SCHEMA_SL602, key, "unknown SAM policy template '%s' in Policies of %s",
                 show(kn->str, kn->len, tmp, sizeof tmp), r->type);
        }
        return;
    }
    if (pt->param && doc_is_map(v->d, val) && !doc_intrinsic(v->d, val, NULL) &&
        doc_get(v->d, val, pt->param) == DOC_NONE)
        keep(v, SCHEMA_SL603, key, "policy template %s of %s '%s' lacks its parameter '%s'", pt->name, r->type, r->id, pt->param);
}

/* SAM Policies: a policy template is a one-key mapping naming it; a policy
 * document has a Statement; strings are managed policies. */
static void check_policies(V *v, const tmpl_resource *r, doc_id pol)
{
    const doc *d = v->d;
    uint32_t n = doc_is_seq(d, pol) ? doc_count(d, pol) : 1;
    for (uint32_t i = 0; i < n; i++) {
        doc_id it = doc_is_seq(d, pol) ? doc_item(d, pol, i) : pol;
        if (!doc_is_map(d, it) || doc_intrinsic(d, it, NULL)) continue;
        if (doc_get(d, it, "Statement") != DOC_NONE || doc_get(d, it, "Version") != DOC_NONE) continue;
        for (uint32_t k = 0; k < doc_count(d, it); k++) {
            doc_id key = doc_key(d, it, k);
            const char *name = doc_str(d, key);
            if (!name || !strncmp(name, "Fn::", 4) || !strcmp(name, "Ref")) continue;
            check_policy_value(v, r, key, doc_val(d, it, k));
        }
    }
}

/* What a Zip function needs beyond SAM's schema: CloudFormation requires
 * Runtime and Handler of a Zip deployment package. */
static void check_sam_function(V *v, const tmpl_resource *r, doc_id site)
{
    const tmpl *t = v->t;
    doc_id pk = tmpl_prop(t, r, NULL, "PackageType");
    if (pk != DOC_NONE && !doc_str_eq(v->d, pk, "Zip")) return;   /* Image, or not a literal */
    if (tmpl_prop(t, r, NULL, "ImageUri") != DOC_NONE) return;
    /* No CodeUri is no finding: sam build and sam deploy take the
     * template's folder then (SAM's bare translator would refuse it). */
    int no_rt = tmpl_prop(t, r, NULL, "Runtime") == DOC_NONE, no_h = tmpl_prop(t, r, NULL, "Handler") == DOC_NONE;
    if (no_rt || no_h)
        keep(v, SCHEMA_SL603, site, "%s '%s' lacks required %s%s%s%s (a Zip function needs Runtime and Handler)", r->type, r->id,
             no_rt && no_h ? "properties " : "property ", no_rt ? "'Runtime'" : "", no_rt && no_h ? " and " : "",
             no_h ? "'Handler'" : "");
}

/* The types whose DeletionPolicy / UpdateReplacePolicy may be Snapshot
 * (AWS CloudFormation User Guide, "DeletionPolicy attribute"). */
static int takes_snapshot(const tmpl_resource *r)
{
    static const char *const types[] = {
        "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
        "AWS::ElastiCache::ServerlessCache", "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance",
        "AWS::Redshift::Cluster", "AWS::DocDB::DBCluster", "AWS::DocDB::DBInstance", "AWS::Neptune::DBInstance",
        "AWS::MemoryDB::Cluster", "AWS::Lightsail::Instance", "AWS::Lightsail::Database", NULL};
    for (int i = 0; types[i]; i++)
        if (tmpl_is_type(r, types[i])) return 1;
    return 0;
}

/* A DependsOn entry: a string (a logical id), not a YAML number, boolean
 * or null (CloudFormation reads `DependsOn: 12345` as the number 12345). */
static int names_a_resource(const V *v, doc_id id)
{
    scal sc;
    read_scalar(v, id, &sc);
    if (sc.null) return 0;
    const doc_node *nd = doc_at(v->d, id);
    int plain = (nd->style & DOC_PLAIN) && !nd->tagged;
    return !(plain && (sc.kinds & (K_INT | K_NUM | K_BOOL)));
}

static void check_resource_keys(V *v, const tmpl_resource *r, const schema_type_row *row)
{
    const doc *d = v->d;
    sn res;
    int sam = row && (row->flags & SF_SAM);
    if (sam) sn_decode(row->resource, &res);
    for (uint32_t i = 0; i < doc_count(d, r->node); i++) {
        doc_id key = doc_key(d, r->node, i), val = doc_val(d, r->node, i);
        const doc_node *kn = doc_at(d, key);
        if (kn->kind != DOC_SCALAR || !strncmp(kn->str, "Fn::", 4)) continue;
        int ok = 0;
        for (int k = 0; resource_keys[k] && !ok; k++)
            ok = strlen(resource_keys[k]) == kn->len && !memcmp(resource_keys[k], kn->str, kn->len);
        if (!ok && sam) ok = prop_find(&res, kn->str, kn->len) >= 0;
        /* Version: a legacy attribute CloudFormation still takes on custom resources. */
        if (!ok && kn->len == 7 && !memcmp(kn->str, "Version", 7) && tmpl_is_type(r, "AWS::CloudFormation::CustomResource")) ok = 1;
        char tmp[80];
        if (!ok) {
            suggest sg;
            suggest_init(&sg, kn->str, kn->len);
            for (int k = 0; resource_keys[k]; k++)
                suggest_offer(&sg, resource_keys[k], strlen(resource_keys[k]));
            if (sam)
                for (uint32_t p = 0; p < res.n_props; p++)
                    suggest_offer(&sg, PNAME(res.props[3 * p]), PLEN(res.props[3 * p]));
            size_t blen = 0;
            const char *best = suggest_best(&sg, &blen);
            if (best) {
                suggested(v, best, blen);
                keep(v, SCHEMA_SL602, key, "unknown resource attribute '%s' of %s '%s': did you mean '%.*s'?",
                     show(kn->str, kn->len, tmp, sizeof tmp), r->type, r->id, (int)blen, best);
            } else {
                keep(v, SCHEMA_SL602, key, "unknown resource attribute '%s' of %s '%s'", show(kn->str, kn->len, tmp, sizeof tmp),
                     r->type, r->id);
            }
            continue;
        }
        if (kn->len == 9 && !memcmp(kn->str, "DependsOn", 9)) {
            /* a logical id or a list of them */
            doc_id site = val;
            int bad = !doc_is_scalar(d, val) && !doc_is_seq(d, val);
            if (!bad && doc_is_scalar(d, val)) bad = !names_a_resource(v, val);
            for (uint32_t k = 0; !bad && doc_is_seq(d, val) && k < doc_count(d, val); k++) {
                doc_id it = doc_item(d, val, k);
                bad = !doc_is_scalar(d, it) || !names_a_resource(v, it);
                if (bad) site = it;
            }
            if (bad || doc_is_null(d, val)) {
                char got[100] = "nothing", shown[80];
                if (doc_is_seq(d, site)) snprintf(got, sizeof got, "a list");
                else if (doc_is_map(d, site)) snprintf(got, sizeof got, "a mapping");
                else if (!doc_is_null(d, site)) {
                    scal sc;
                    read_scalar(v, site, &sc);
                    snprintf(got, sizeof got, "the %s %s (quote it if it is a logical id)", (sc.kinds & K_BOOL) ? "boolean" : "number",
                             show(sc.s, sc.len, shown, sizeof shown));
                }
                keep(v, SCHEMA_SL604, site, "DependsOn of '%s' expects a logical id or a list of them, got %s", r->id, got);
            }
            continue;
        }
        if (kn->len == 9 && !memcmp(kn->str, "Condition", 9)) {
            if (!doc_is_scalar(d, val) || doc_is_null(d, val))
                keep(v, SCHEMA_SL604, val, "Condition of '%s' expects the name of a condition", r->id);
            continue;
        }
        int del = kn->len == 14 && !memcmp(kn->str, "DeletionPolicy", 14);
        if ((del || (kn->len == 19 && !memcmp(kn->str, "UpdateReplacePolicy", 19))) && !doc_is_scalar(d, val)) {
            /* Fn::If, Ref, FindInMap may give a policy; a condition function gives true or false */
            const char *fn = doc_intrinsic(d, val, NULL);
            if (fn && (!strcmp(fn, "Fn::Equals") || !strcmp(fn, "Fn::And") || !strcmp(fn, "Fn::Or") || !strcmp(fn, "Fn::Not")))
                keep(v, SCHEMA_SL605, val, "%.*s of '%s' is %s, which gives true or false: expected Delete, Retain%s or Snapshot "
                     "(choose between them with Fn::If)", (int)kn->len, kn->str, r->id, fn, del ? ", RetainExceptOnCreate" : "");
            else if (!fn)
                keep(v, SCHEMA_SL604, val, "%.*s of '%s' expects Delete, Retain%s or Snapshot, got a %s", (int)kn->len, kn->str, r->id,
                     del ? ", RetainExceptOnCreate" : "", doc_is_seq(d, val) ? "list" : "mapping");
            continue;
        }
        if ((del || (kn->len == 19 && !memcmp(kn->str, "UpdateReplacePolicy", 19))) && doc_is_scalar(d, val)) {
            const char *s = doc_str(d, val);
            if (!strcmp(s, "Snapshot") && !takes_snapshot(r)) {
                keep(v, SCHEMA_SL605, val, "%.*s Snapshot is not possible for %s: only databases, caches and volumes take snapshots; "
                     "use Retain or Delete", (int)kn->len, kn->str, r->type);
            } else if (strcmp(s, "Delete") && strcmp(s, "Retain") && strcmp(s, "Snapshot") && !(del && !strcmp(s, "RetainExceptOnCreate"))) {
                static const char *const values[] = {"Delete", "Retain", "Snapshot", "RetainExceptOnCreate"};
                suggest sg;
                suggest_init(&sg, s, strlen(s));
                for (int k = 0; k < (del ? 4 : 3); k++)
                    suggest_offer(&sg, values[k], strlen(values[k]));
                size_t blen = 0;
                const char *best = suggest_best(&sg, &blen);
                if (best) {
                    suggested(v, best, blen);
                    keep(v, SCHEMA_SL605, val, "'%s' is not a valid %.*s: did you mean '%.*s'?", show(s, strlen(s), tmp, sizeof tmp),
                         (int)kn->len, kn->str, (int)blen, best);
                } else {
                    keep(v, SCHEMA_SL605, val, "'%s' is not a valid %.*s: expected Delete, Retain%s or Snapshot",
                         show(s, strlen(s), tmp, sizeof tmp), (int)kn->len, kn->str, del ? ", RetainExceptOnCreate" : "");
                }
            }
        }
    }
}

/* Read-only properties (registry types): CloudFormation sets them. */
static void check_read_only(V *v, const tmpl_resource *r, const schema_type_row *row, doc_id props)
{
    const doc *d = v->d;
    for (uint32_t i = 0; i < row->ro_n; i++) {
        const char *path = STR(schema_readonly[row->ro_first + i]);
        const char *slash = strchr(path, '/');
        if (doc_get_n(d, props, path, slash ? (size_t)(slash - path) : strlen(path)) == DOC_NONE) continue;
        doc_id at = props, key = DOC_NONE;
        const char *seg = path;
        while (*seg && doc_is_map(d, at)) {
            const char *end = strchr(seg, '/');
            size_t len = end ? (size_t)(end - seg) : strlen(seg);
            key = doc_get_key_n(d, at, seg, len);
            at = doc_get_n(d, at, seg, len);
            seg = end ? end + 1 : seg + len;
            if (at == DOC_NONE) break;
        }
        if (at == DOC_NONE || *seg || key == DOC_NONE || is_novalue(d, at)) continue;
        char shown[128];
        snprintf(shown, sizeof shown, "%s", path);
        for (char *c = shown; *c; c++)
            if (*c == '/') *c = '.';
        keep(v, SCHEMA_SL606, key, "%s is a read-only property of %s: CloudFormation sets it, remove it from '%s'", shown, r->type,
             r->id);
    }
}

/* A resource CloudFormation cannot read at all: not a mapping, no Type, or
 * a Type that is no string. Returns 1 when it reported. */
static int check_resource_frame(V *v, const tmpl_resource *r)
{
    const doc *d = v->d;
    if (r->type_len || !strncmp(r->id, "Fn::", 4)) return 0;   /* Fn::ForEach loops, Fn::Transform */
    v->type = NULL;
    v->res = r->id;
    if (!doc_is_map(d, r->node)) {
        keep(v, SCHEMA_SL604, doc_is_null(d, r->node) ? r->key : r->node, "resource '%s' expects a mapping with a Type, got %s",
             r->id, doc_is_seq(d, r->node) ? "a list" : doc_is_null(d, r->node) ? "nothing" : "a string");
        return 1;
    }
    if (r->type_node == DOC_NONE) {
        keep(v, SCHEMA_SL603, r->key, "resource '%s' lacks its Type", r->id);
        return 1;
    }
    if (doc_is_map(d, r->type_node) && doc_count(d, r->type_node) == 1 &&
        !strncmp(doc_str(d, doc_key(d, r->type_node, 0)) ? doc_str(d, doc_key(d, r->type_node, 0)) : "", "Rain::", 6))
        return 0;   /* Type: {Rain::Module: ...}: rain pkg replaces it */
    if (!doc_is_scalar(d, r->type_node) || doc_is_null(d, r->type_node)) {
        keep(v, SCHEMA_SL604, r->type_node, "Type of resource '%s' expects a resource type name such as AWS::SQS::Queue", r->id);
        return 1;
    }
    return 0;
}

static void check_resource(V *v, const tmpl_resource *r)
{
    const doc *d = v->d;
    if (check_resource_frame(v, r)) return;
    if (!r->type_len || !doc_is_map(d, r->node)) return;
    if (r->type_len > 8 && !memcmp(r->type + r->type_len - 8, "::MODULE", 8)) return;
    const schema_type_row *row = type_row(r->type, r->type_len);
    if (!row) return;   /* SL601's, or a custom resource, module or Rain module */
    v->type = r->type;
    v->res = r->id;
    v->fn_like = 0;
    check_resource_keys(v, r, row);
    v->fn_like = r->is_function;
    doc_id pkey = doc_get_key(d, r->node, "Properties");
    doc_id props = doc_get(d, r->node, "Properties");
    int sam = (row->flags & SF_SAM) != 0;
    doc_id twin = sam ? r->globals : DOC_NONE;
    if (sam && twin == DOC_NONE && doc_is_map(d, v->t->globals) && r->type_len > 17)
        twin = doc_get(d, v->t->globals, r->type + 17);   /* AWS::Serverless::X -> Globals.X */
    if (props == DOC_NONE) {
        sn n;
        sn_decode(row->props, &n);
        where root = {NULL, "", 0, r->key, twin, 0, 0, 0};
        namelist ns = {0};
        for (uint32_t i = 0; i < n.n_req; i++)
            if (presence(v, DOC_NONE, twin, STR(n.req[i])) == 0) names_add(&ns, STR(n.req[i]));
        if (ns.n) missing_n(v, r->node, &root, names_end(&ns), ns.n);
        /* "exactly / at least one of" holds without Properties too (ELBv2 Subnets or SubnetMappings) */
        if (n.n_combos) check_combos(v, DOC_NONE, &n, &root);
    } else {
        where root = {NULL, "", 0, pkey, twin, 0, 0, 0};
        check(v, props, row->props, &root);
        if (!sam && row->ro_n) check_read_only(v, r, row, props);
    }
    if (sam && doc_is_map(d, props)) {
        doc_id pol = doc_get(d, props, "Policies");
        if (pol != DOC_NONE) check_policies(v, r, pol);
    }
    if (sam && tmpl_is_type(r, "AWS::Serverless::Function"))
        check_sam_function(v, r, pkey != DOC_NONE ? pkey : r->key);
}

static void check_globals(V *v, doc_id globals)
{
    const doc *d = v->d;
    sn g;
    sn_decode(schema_globals, &g);
    v->type = NULL;
    v->res = NULL;
    v->globals = 1;
    for (uint32_t i = 0; i < doc_count(d, globals); i++) {
        doc_id key = doc_key(d, globals, i), val = doc_val(d, globals, i);
        const doc_node *kn = doc_at(d, key);
        if (kn->kind != DOC_SCALAR) continue;
        int at = prop_find(&g, kn->str, kn->len);
        if (at < 0) {
            where root = {NULL, "Globals", 7, DOC_NONE, DOC_NONE, 0, 0, 0};
            unknown_key(v, key, kn->str, kn->len, &g, &root);
            continue;
        }
        char name[96];
        int len = snprintf(name, sizeof name, "Globals.%.*s", (int)(kn->len > 64 ? 64 : kn->len), kn->str);
        where root = {NULL, name, (size_t)len, key, DOC_NONE, 0, 0, 0};
        v->fn_like = kn->len == 8 && !memcmp(kn->str, "Function", 8);
        check(v, val, g.props[3 * at + 1], &root);
    }
    v->fn_like = 0;
    v->globals = 0;
}

static struct schema_memo *validate(lint_ctx *ctx)
{
    V v = {0};
    v.ctx = ctx;
    v.t = ctx->t;
    v.d = ctx->d;
    v.budget = 4000000;
    v.at_ref = DOC_NONE;
    struct schema_memo *m = lint_alloc(ctx, sizeof *m);
    memset(m, 0, sizeof *m);
    /* A macro other than SAM's and the language extensions (a misspelt SAM
     * included) rewrites the template before CloudFormation reads it:
     * nothing here can be judged. */
    if (v.t->macro || v.t->sam_typo) return m;
    if (doc_is_map(v.d, v.t->globals)) check_globals(&v, v.t->globals);
    for (size_t i = 0; i < v.t->n_res; i++)
        check_resource(&v, &v.t->res[i]);
    m->n = v.n;
    m->items = v.n ? lint_alloc(ctx, v.n * sizeof *m->items) : NULL;
    if (v.n) memcpy(m->items, v.items, v.n * sizeof *m->items);
    free(v.items);
    return m;
}

/* A misspelt key (SL602) or enum value (SL605) with exactly one close
 * suggestion (kept with the finding): a safe fix writes the suggestion in
 * its place. Only a word that needs no quoting: the edit must not change
 * what the YAML says. */
static void fix_suggestion(lint_ctx *ctx, enum schema_kind kind, doc_id node, const char *text)
{
    size_t n = strlen(text);
    if (!n || n > 120) return;
    for (const char *p = text; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("._:/-", *p)) return;
    if (kind == SCHEMA_SL602) {
        /* The key's mapping: the nearest one before it that holds it (nodes
         * are in document order). The suggestion must not be a key it has. */
        const doc *d = ctx->d;
        doc_id map = DOC_NONE;
        for (doc_id i = node - 1; i >= 0 && node - i <= 4096 && map == DOC_NONE; i--)
            if (doc_is_map(d, i) && doc_subtree_end(d, i) > node) map = i;
        if (map == DOC_NONE || doc_get_key(d, map, text) != DOC_NONE) return;
    }
    lint_edit edit;
    if (!lint_edit_scalar(ctx, node, text, &edit)) return;
    char title[160];
    snprintf(title, sizeof title, "Change to '%s'", text);
    report_fix(ctx, 1, title, &edit, 1);
}

void schema_report(lint_ctx *ctx, enum schema_kind kind)
{
    if (!ctx->t) return;
    if (!ctx->schema) ctx->schema = validate(ctx);
    const struct schema_memo *m = ctx->schema;
    for (size_t i = 0; i < m->n; i++) {
        if (m->items[i].kind != kind) continue;
        report_for(ctx, m->items[i].resource, m->items[i].node, "%s", m->items[i].msg);
        if ((kind == SCHEMA_SL602 || kind == SCHEMA_SL605) && m->items[i].to)
            fix_suggestion(ctx, kind, m->items[i].node, m->items[i].to);
    }
}
