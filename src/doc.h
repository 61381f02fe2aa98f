/* doc: libyaml events to a node arena with 1-based positions and tags. */
#ifndef SAMLINT_DOC_H
#define SAMLINT_DOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Node kinds. Short-form CloudFormation tags (!Ref x, !GetAtt a.b, ...) are
 * rewritten at load time into their long form: a one-pair mapping whose key
 * is "Ref" / "Fn::GetAtt" / ... so that rules see one shape. */
enum doc_kind { DOC_SCALAR, DOC_MAP, DOC_SEQ };

/* Scalar style bits. */
enum { DOC_PLAIN = 1, DOC_QUOTED = 2, DOC_SYNTH = 4 /* made by the loader */ };

typedef int32_t doc_id; /* node index; DOC_NONE when absent */
#define DOC_NONE (-1)

/* 24 bytes (a template of 50 MB holds four million nodes): a scalar's text
 * and a collection's item range share the first 8 bytes, the end is packed
 * in 15 bits when it is near the start (doc_end_line, doc_end_col; the
 * others in a side table), and the rare tag lives in a side table (doc_tag). */
typedef struct doc_node {
    union {
        const char *str;  /* scalars: the text, NUL-terminated (a collection has
                             none: read doc_str, or test kind first) */
        struct {
            uint32_t first;     /* collections: index of first item in doc->items */
            doc_id coll_end;    /* collections: read doc_subtree_end */
        };
    };
    uint32_t line, col;         /* 1-based start */
    uint32_t len;     /* scalar length in bytes; for collections: item count
                         (a mapping counts pairs) */
    uint8_t kind;     /* enum doc_kind */
    uint8_t style;    /* DOC_PLAIN / DOC_QUOTED / DOC_SYNTH */
    unsigned end_code : 15; /* see doc_end_line */
    unsigned tagged : 1;    /* written with a tag: doc_tag gives it */
} doc_node;

/* The end of a node whose end_code cannot hold it (DOC_END_FAR). */
typedef struct doc_far {
    doc_id node;                /* DOC_NONE: an empty slot */
    uint32_t end_line, end_col;
} doc_far;

/* end_code: (end_line - line) << 9 | end_col, for up to 63 lines further
 * and columns up to 510; else DOC_END_FAR and the end is in doc->far. */
#define DOC_END_FAR 0x7FFF
static inline uint32_t doc_end_pack(uint32_t line, uint32_t end_line, uint32_t end_col)
{
    uint32_t lines = end_line - line;  /* wraps above 63 if the end were before the start */
    return lines < 64 && end_col < 511 ? lines << 9 | end_col : DOC_END_FAR;
}

/* A node's tag as written, in node order (see doc_tag). */
typedef struct doc_tag_at {
    doc_id node;
    const char *tag;
} doc_tag_at;

/* A loaded document. One arena owns everything; doc_free releases it all. */
typedef struct doc {
    struct arena *arena;
    const char *path;     /* display path */
    const char *text;     /* the source bytes (BOM stripped), NUL-terminated */
    size_t text_len;
    doc_node *nodes;
    size_t n_nodes;
    doc_id *items;        /* mapping items are key,value pairs */
    size_t n_items;
    doc_id root;          /* DOC_NONE for an empty document */
    int is_json;
    int fast;             /* built by a fast path (doc_fast.c), not libyaml */
    uint32_t *line_starts; /* byte offset of each line ('\n'-separated) */
    size_t n_lines;
    doc_tag_at *tags;     /* every tagged node, by increasing node index */
    size_t n_tags;
    doc_far *far;         /* hash table by node: ends that end_code cannot hold */
    size_t cap_far, n_far;
} doc;

/* A problem found while loading: SL001 (syntax / limits) or SL003 (dup key). */
typedef struct doc_problem {
    const char *rule;     /* "SL001" or "SL003" */
    uint32_t line, col;
    char *message;        /* arena-owned */
} doc_problem;

typedef struct doc_limits {
    size_t max_depth;        /* nesting depth; default 256 */
    size_t max_alias_nodes;  /* total nodes reachable through aliases */
    int yaml_only;           /* JSON through libyaml too, not the fast path (tests) */
    int borrow_text;         /* bytes[len] is NUL and outlives the doc: read in
                                place instead of copied (a file's buffer) */
} doc_limits;

typedef struct doc_result {
    doc *d;                  /* NULL only if the input could not be parsed at all */
    doc_problem *problems;
    size_t n_problems;
    int fatal;               /* an SL001: the tree is unusable */
} doc_result;

void doc_default_limits(doc_limits *lim);
/* Parse `len` bytes. `path` is copied, and so are the bytes unless
 * lim->borrow_text. Never fails except on out of memory (which aborts). */
doc_result doc_load(const char *path, const char *bytes, size_t len, const doc_limits *lim);
void doc_free(doc *d);
/* A scalar made after loading (DOC_SYNTH; a --parameters value), placed
 * where node `at` is. Nodes may move: no doc_node pointer survives it. */
doc_id doc_add_scalar(doc *d, const char *text, size_t len, doc_id at);

static inline const doc_node *doc_at(const doc *d, doc_id id) { return &d->nodes[id]; }
static inline int doc_is_map(const doc *d, doc_id id) { return id >= 0 && d->nodes[id].kind == DOC_MAP; }
static inline int doc_is_seq(const doc *d, doc_id id) { return id >= 0 && d->nodes[id].kind == DOC_SEQ; }
static inline int doc_is_scalar(const doc *d, doc_id id) { return id >= 0 && d->nodes[id].kind == DOC_SCALAR; }
/* A node's end: 1-based line and exclusive column. */
const doc_far *doc_far_end(const doc *d, doc_id id);
static inline uint32_t doc_end_line(const doc *d, doc_id id)
{
    const doc_node *n = &d->nodes[id];
    return n->end_code != DOC_END_FAR ? n->line + (n->end_code >> 9) : doc_far_end(d, id)->end_line;
}
static inline uint32_t doc_end_col(const doc *d, doc_id id)
{
    const doc_node *n = &d->nodes[id];
    return n->end_code != DOC_END_FAR ? n->end_code & 511u : doc_far_end(d, id)->end_col;
}
/* Set node `id`'s end (its start is set first). */
void doc_set_far_end(doc *d, doc_id id, uint32_t end_line, uint32_t end_col);
static inline void doc_set_end(doc *d, doc_id id, uint32_t end_line, uint32_t end_col)
{
    uint32_t code = doc_end_pack(d->nodes[id].line, end_line, end_col);
    if (code != DOC_END_FAR) d->nodes[id].end_code = code & DOC_END_FAR;
    else doc_set_far_end(d, id, end_line, end_col);
}

/* One past the last node inside node `id` (a scalar holds only itself):
 * the nodes of a subtree are [id, doc_subtree_end). */
static inline doc_id doc_subtree_end(const doc *d, doc_id id) { return d->nodes[id].kind == DOC_SCALAR ? id + 1 : d->nodes[id].coll_end; }
/* The tag written on node `id` ("!Ref", "!!str", "!Rain::Embed"), or NULL. */
const char *doc_tag(const doc *d, doc_id id);
static inline uint32_t doc_count(const doc *d, doc_id id) { return id >= 0 && d->nodes[id].kind != DOC_SCALAR ? d->nodes[id].len : 0; }

/* Mapping access: i-th key / value (0-based), lookup by exact key. */
doc_id doc_key(const doc *d, doc_id map, uint32_t i);
doc_id doc_val(const doc *d, doc_id map, uint32_t i);
doc_id doc_get_n(const doc *d, doc_id map, const char *key, size_t len);     /* value or DOC_NONE */
doc_id doc_get_key_n(const doc *d, doc_id map, const char *key, size_t len); /* the key node */
/* The same with a NUL-terminated key, whose length a literal gives for free. */
static inline doc_id doc_get(const doc *d, doc_id map, const char *key) { return doc_get_n(d, map, key, strlen(key)); }
static inline doc_id doc_get_key(const doc *d, doc_id map, const char *key) { return doc_get_key_n(d, map, key, strlen(key)); }
doc_id doc_get_ci(const doc *d, doc_id map, const char *key);   /* case-insensitive */
/* Follow a path of keys: doc_path(d, n, "Properties", "Timeout"). The
 * macro ends the list; a trailing NULL written by the caller is harmless. */
doc_id doc_path_(const doc *d, doc_id node, ...);
#define doc_path(d, node, ...) doc_path_((d), (node), __VA_ARGS__, (const char *)NULL)
/* Sequence access. */
doc_id doc_item(const doc *d, doc_id seq, uint32_t i);

/* Scalars. doc_str returns NULL for non-scalars. */
const char *doc_str(const doc *d, doc_id id);
int doc_str_eq(const doc *d, doc_id id, const char *s);
int doc_is_null(const doc *d, doc_id id);                  /* ~, null, empty plain */
int doc_get_bool(const doc *d, doc_id id, int *out);       /* true/false, "true"; 0 when not a bool */
int doc_get_long(const doc *d, doc_id id, long long *out); /* 12, "12"; 0 when not an integer */

/* Byte offset in d->text where 1-based `line` starts (text_len past the
 * end), and the 1-based line and column (in characters) of byte `off`:
 * O(1) and O(log lines + line length), for mapping positions per finding. */
size_t doc_line_offset(const doc *d, uint32_t line);
/* Byte offset just past the last character of a 1-based line (before its
 * line break), or the text's length. */
size_t doc_line_end(const doc *d, uint32_t line);
/* Length of the line break at p (LF, CRLF, lone CR, NEL, LS, PS: libyaml's
 * line breaks), or 0. */
size_t doc_break_len(const char *p, const char *end);
void doc_offset_pos(const doc *d, size_t off, uint32_t *line, uint32_t *col);
/* How a config or parameter file names a mistake: "path:line:col: msg" at
 * node `at`, or "path: msg" when at < 0, written into err[0..errlen). */
void doc_verror(char *err, size_t errlen, const char *path, const doc *d, doc_id at, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

/* Intrinsic functions: if `id` is a one-pair mapping whose key is "Ref" or
 * starts with "Fn::" (or is "Condition" inside a condition), return its name
 * and set *arg to the argument node. Else NULL. */
const char *doc_intrinsic(const doc *d, doc_id id, doc_id *arg);

#endif
