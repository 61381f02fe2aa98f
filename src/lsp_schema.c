/* lsp_schema: where the cursor stands in a template, for hover descriptions and completion. */
#include "lsp_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "arena.h"
#include "out.h"
#include "schema.h"

/* How many lines a climb or a scan for a Type key looks at. */
#define CLIMB_LINES 4000
/* How far past the cursor a flow collection is read for its Type keys. */
#define FLOW_AHEAD 65536
#define NONE ((size_t)-1)
#define RPATH_MAX (LSP_PATH_MAX + 3)

/* A path from the template's root: each step's key ("*": a list item) and
 * the value of the Type key of the mapping the step leads to. */
typedef struct rpath {
    char key[RPATH_MAX][96];
    char disc[RPATH_MAX][64];
    size_t n;
} rpath;

static void copy_word(char *dst, size_t size, const char *s, size_t n)
{
    if (n >= size) n = size - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

static int rpath_push(rpath *rp, const char *key, size_t n)
{
    if (rp->n == RPATH_MAX) return 0;
    copy_word(rp->key[rp->n], sizeof rp->key[0], key, n);
    rp->disc[rp->n][0] = '\0';
    rp->n++;
    return 1;
}

/* ---- block YAML ---- */

typedef struct yline {
    size_t indent;      /* of the key (after "- ") */
    size_t dash;        /* indent of "- ", or NONE */
    const char *key;    /* NULL when the line holds no "key:" */
    size_t key_len;
    const char *val;    /* after "key:" and its spaces */
    int blank;          /* empty or a comment */
    int has_value;      /* something other than a comment after "key:" */
} yline;

static void parse_line(const char *s, const char *e, yline *l)
{
    memset(l, 0, sizeof *l);
    l->dash = NONE;
    const char *p = s;
    while (p < e && *p == ' ') p++;
    if (p == e || *p == '#' || *p == '\r') { l->blank = 1; return; }
    if (*p == '-' && (p + 1 == e || p[1] == ' ' || p[1] == '\r')) {
        l->dash = (size_t)(p - s);
        p++;
        while (p < e && *p == ' ') p++;
    }
    l->indent = (size_t)(p - s);
    l->val = p;
    const char *k = p;
    while (p < e && *p != ':' && *p != '#' && *p != '{' && *p != '[' && *p != '"' && *p != '\'') p++;
    if (p >= e || *p != ':' || p == k || (p + 1 < e && p[1] != ' ' && p[1] != '\r')) return;
    l->key = k;
    l->key_len = (size_t)(p - k);
    while (l->key_len && k[l->key_len - 1] == ' ') l->key_len--;
    p++;
    while (p < e && (*p == ' ' || *p == '\r')) p++;
    l->val = p;
    l->has_value = p < e && *p != '#';
}

static int key_is(const yline *l, const char *name)
{
    return l->key && l->key_len == strlen(name) && memcmp(l->key, name, l->key_len) == 0;
}

/* A "key: value" line's value as a word, unquoted. */
static void value_word(const yline *l, const char *e, char *dst, size_t size)
{
    const char *v = l->val, *ve = v;
    while (ve < e && *ve != ' ' && *ve != '#' && *ve != '\r') ve++;
    if (ve > v && (*v == '"' || *v == '\'')) {
        v++;
        if (ve > v && (ve[-1] == '"' || ve[-1] == '\'')) ve--;
    }
    copy_word(dst, size, v, (size_t)(ve - v));
}

/* Line [s, e) of the text holding byte i. */
static void line_at(const char *text, size_t len, size_t i, const char **s, const char **e)
{
    size_t a = i, b = i;
    while (a > 0 && text[a - 1] != '\n') a--;
    while (b < len && text[b] != '\n') b++;
    *s = text + a;
    *e = text + b;
}

/* The Type of the mapping under the key line at `at` (key indented by
 * `parent`): a "Type: x" line at the indent of the mapping's keys. */
static void disc_below(const char *text, size_t len, size_t at, size_t parent, char *out, size_t size)
{
    const char *s, *e;
    line_at(text, len, at, &s, &e);
    size_t child = NONE;
    for (size_t i = (size_t)(e - text) + 1, steps = 0; i < len && steps < CLIMB_LINES; steps++) {
        yline l;
        line_at(text, len, i, &s, &e);
        parse_line(s, e, &l);
        i = (size_t)(e - text) + 1;
        if (l.blank) continue;
        size_t col = l.dash != NONE ? l.dash : l.indent;
        if (child == NONE) {
            if (col <= parent || l.dash != NONE) return;  /* no mapping below, or a list */
            child = l.indent;
        }
        if (col < child) return;
        if (l.dash == NONE && l.indent == child && key_is(&l, "Type") && l.has_value) {
            value_word(&l, e, out, size);
            return;
        }
    }
}

/* The Type of the list item mapping that starts on the dash line at `at`. */
static void disc_item(const char *text, size_t len, size_t at, char *out, size_t size)
{
    const char *s, *e;
    line_at(text, len, at, &s, &e);
    yline l;
    parse_line(s, e, &l);
    if (l.dash == NONE) return;
    size_t dash = l.dash, item = l.indent;
    for (size_t i = (size_t)(e - text) + 1, steps = 0;; steps++) {
        if (l.dash == NONE ? l.indent < item : l.dash <= dash && steps) return;
        if (l.indent == item && key_is(&l, "Type") && l.has_value) {
            value_word(&l, e, out, size);
            return;
        }
        do {
            if (i >= len || steps >= CLIMB_LINES) return;
            line_at(text, len, i, &s, &e);
            parse_line(s, e, &l);
            i = (size_t)(e - text) + 1;
        } while (l.blank);
    }
}

typedef struct step { size_t at; int item; const char *key; size_t key_len; size_t indent; } step;

static int flow_scan(const char *t, size_t len, size_t from, size_t off, int yaml, rpath *rp, long base,
                     yaml_place *out);

/* The path of byte `off` in block YAML: climb the lines above, each with a
 * smaller indent a parent; a flow collection on the cursor's line is read
 * by flow_scan. */
static int block_place(const char *text, size_t len, size_t off, rpath *rp, yaml_place *out)
{
    const char *s, *e;
    line_at(text, len, off, &s, &e);
    yline cur;
    parse_line(s, e, &cur);
    const char *cursor = text + off;
    step rev[RPATH_MAX];
    size_t n = 0, key_limit, dash_limit;
    const char *flow = NULL;    /* a '{' or '[' before the cursor that holds it */
    const char *flow_key = NULL;
    size_t flow_key_len = 0;
    int after_dash = cur.dash != NONE && cursor > s + cur.dash;
    if (after_dash) {
        rev[n++] = (step){(size_t)(s - text), 1, NULL, 0, 0};
        key_limit = cur.dash + 1;
        dash_limit = cur.dash;
    }
    if (cur.key && cursor > cur.key + cur.key_len) {
        /* After "key:": its value. */
        out->in_value = 1;
        copy_word(out->key, sizeof out->key, cur.key, cur.key_len);
        const char *v = cur.val < cursor ? cur.val : cursor;
        copy_word(out->typed, sizeof out->typed, v, (size_t)(cursor - v));
        if (!after_dash) key_limit = dash_limit = cur.indent;
        if (v < cursor && (*v == '{' || *v == '[')) {
            flow = v;
            flow_key = cur.key;
            flow_key_len = cur.key_len;
        }
    } else {
        const char *w = s;
        while (w < cursor && (*w == ' ' || *w == '-')) w++;
        if (!after_dash) key_limit = dash_limit = (size_t)(w - s);
        if (cur.key) copy_word(out->key, sizeof out->key, cur.key, cur.key_len);
        copy_word(out->typed, sizeof out->typed, w, (size_t)(cursor - w));
        if (after_dash && !cur.key && w < cursor && (*w == '{' || *w == '[')) flow = w;
    }
    const char *top = NULL;
    size_t top_len = 0;
    size_t i = (size_t)(s - text);
    for (int steps = 0; i > 0 && steps < CLIMB_LINES; steps++) {
        const char *ls, *le;
        line_at(text, len, i - 1, &ls, &le);
        i = (size_t)(ls - text);
        yline l;
        parse_line(ls, le, &l);
        if (l.blank) continue;
        if (l.dash != NONE) {
            if (l.dash >= dash_limit) continue;
            /* Inside this list item: its own key may be a parent, then the list. */
            if (n + 2 > RPATH_MAX) return 0;
            if (l.key && !l.has_value && l.indent < key_limit) rev[n++] = (step){i, 0, l.key, l.key_len, l.indent};
            rev[n++] = (step){i, 1, NULL, 0, 0};
            key_limit = l.dash + 1;
            dash_limit = l.dash;
            continue;
        }
        if (l.indent >= key_limit || !l.key) continue;
        if (l.has_value) return 0;  /* "key: value" above: not a mapping we are in */
        if (l.indent == 0) {
            top = l.key;
            top_len = l.key_len;
            break;
        }
        if (n == RPATH_MAX) return 0;
        rev[n++] = (step){i, 0, l.key, l.key_len, l.indent};
        key_limit = dash_limit = l.indent;
    }
    if (!top || !rpath_push(rp, top, top_len)) return 0;
    for (size_t k = n; k-- > 0;) {
        if (!rpath_push(rp, rev[k].item ? "*" : rev[k].key, rev[k].item ? 1 : rev[k].key_len)) return 0;
        if (rev[k].item) disc_item(text, len, rev[k].at, rp->disc[rp->n - 1], sizeof rp->disc[0]);
        else disc_below(text, len, rev[k].at, rev[k].indent, rp->disc[rp->n - 1], sizeof rp->disc[0]);
    }
    if (flow) {
        if (flow_key && !rpath_push(rp, flow_key, flow_key_len)) return 0;
        memset(out->key, 0, sizeof out->key);
        memset(out->typed, 0, sizeof out->typed);
        out->in_value = 0;
        return flow_scan(text, len, (size_t)(flow - text), off, 1, rp, (long)rp->n - 1, out);
    }
    return 1;
}

/* ---- flow collections and JSON ---- */

typedef struct fframe {
    int obj, val;          /* a mapping; after its key's ':' */
    char pkey[96];         /* its key in the collection holding it ("*" in a list) */
    char key[96];          /* a mapping's current key */
    char disc[64];         /* a mapping's Type */
} fframe;

typedef struct flow_state {
    fframe st[RPATH_MAX];
    size_t depth;
    int found;
    size_t floor;          /* after the cursor: frames below this are still the cursor's */
    rpath *rp;
    long base;             /* rp's index of frame 0 (-1: the document's root) */
} flow_state;

/* The cursor stands here: the place is the open frames. */
static int flow_at_cursor(flow_state *fs, yaml_place *out, const char *word, size_t word_len, const char *typed,
                          size_t typed_len)
{
    if (!fs->depth) return 0;
    const fframe *f = &fs->st[fs->depth - 1];
    if (f->obj && !f->val) {
        copy_word(out->key, sizeof out->key, word, word_len);
    } else {
        out->in_value = 1;
        snprintf(out->key, sizeof out->key, "%s", f->obj ? f->key : "*");
    }
    copy_word(out->typed, sizeof out->typed, typed, typed_len);
    for (size_t k = 0; k < fs->depth; k++) {
        long at = fs->base + (long)k;
        if (at < 0) continue;
        if ((size_t)at >= fs->rp->n && !rpath_push(fs->rp, fs->st[k].pkey, strlen(fs->st[k].pkey))) return 0;
        snprintf(fs->rp->disc[at], sizeof fs->rp->disc[0], "%s", fs->st[k].disc);
    }
    fs->found = 1;
    fs->floor = fs->depth;
    return 1;
}

/* A scalar that is not at the cursor: a key, or a Type's value. */
static void flow_scalar(flow_state *fs, const char *s, size_t n)
{
    if (!fs->depth) return;
    size_t k = fs->depth - 1;
    fframe *f = &fs->st[k];
    if (!f->obj) return;
    if (!f->val) {
        copy_word(f->key, sizeof f->key, s, n);
    } else if (strcmp(f->key, "Type") == 0 && n && *s != '!') {
        copy_word(f->disc, sizeof f->disc, s, n);
        long at = fs->base + (long)k;
        if (fs->found && k < fs->floor && at >= 0) snprintf(fs->rp->disc[at], sizeof fs->rp->disc[0], "%s", f->disc);
    }
}

/* Read the flow collection (or JSON document) opening at `from` up to the
 * cursor, then on until its Type keys are known. Frames become the path
 * steps after rp's step `base`. */
static int flow_scan(const char *t, size_t len, size_t from, size_t off, int yaml, rpath *rp, long base,
                     yaml_place *out)
{
    flow_state fs;
    memset(&fs, 0, sizeof fs);
    fs.rp = rp;
    fs.base = base;
    size_t i = from, stop = off + FLOW_AHEAD < len ? off + FLOW_AHEAD : len;
    while (i < len) {
        if (fs.found && (i >= stop || fs.floor == 0)) break;
        char c = t[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            i++;
            continue;
        }
        if (yaml && c == '#') {
            while (i < len && t[i] != '\n') i++;
            continue;
        }
        int punct = strchr("{}[],:", c) != NULL;
        if (!fs.found && (i > off || (i == off && punct)) && !flow_at_cursor(&fs, out, "", 0, "", 0)) return 0;
        if (c == '{' || c == '[') {
            if (fs.depth == RPATH_MAX) return fs.found;
            fframe *f = &fs.st[fs.depth];
            memset(f, 0, sizeof *f);
            f->obj = c == '{';
            if (fs.depth) {
                const fframe *p = &fs.st[fs.depth - 1];
                snprintf(f->pkey, sizeof f->pkey, "%s", p->obj ? p->key : "*");
            }
            fs.depth++;
            i++;
        } else if (c == '}' || c == ']') {
            if (!fs.depth) break;
            fs.depth--;
            if (fs.found && fs.depth < fs.floor) fs.floor = fs.depth;
            if (!fs.depth && !fs.found) return 0;  /* closed before the cursor */
            i++;
        } else if (c == ',') {
            if (fs.depth && fs.st[fs.depth - 1].obj) {
                fs.st[fs.depth - 1].val = 0;
                fs.st[fs.depth - 1].key[0] = '\0';
            }
            i++;
        } else if (c == ':') {
            if (fs.depth && fs.st[fs.depth - 1].obj) fs.st[fs.depth - 1].val = 1;
            i++;
        } else if (c == '"' || c == '\'') {
            size_t j = i + 1;
            while (j < len && t[j] != c && (yaml || t[j] != '\n')) {
                if (t[j] == '\\' && c == '"') j++;
                else if (c == '\'' && t[j] == '\'' && j + 1 < len && t[j + 1] == '\'') j++;
                j++;
            }
            if (j > len) j = len;
            if (!fs.found && off > i && off <= j) {
                size_t we = j;  /* the word: to the closing quote, or the line's end */
                const char *nl = memchr(t + i + 1, '\n', j - i - 1);
                if (nl) we = (size_t)(nl - t);
                if (!flow_at_cursor(&fs, out, t + i + 1, we - i - 1, t + i + 1, off - i - 1)) return 0;
            }
            flow_scalar(&fs, t + i + 1, j - i - 1);
            i = j < len ? j + 1 : j;
        } else {
            size_t j = i;
            while (j < len) {
                char ch = t[j];
                if (strchr(",[]{}\r\n", ch)) break;
                if (ch == ':' && (j + 1 >= len || strchr(" \t\r\n,[]{}", t[j + 1]))) break;
                if (yaml && ch == '#' && j > i && (t[j - 1] == ' ' || t[j - 1] == '\t')) break;
                j++;
            }
            size_t te = j;
            while (te > i && (t[te - 1] == ' ' || t[te - 1] == '\t')) te--;
            if (!fs.found && off >= i && off <= te && !flow_at_cursor(&fs, out, t + i, te - i, t + i, off - i))
                return 0;
            flow_scalar(&fs, t + i, te - i);
            i = j > i ? j : i + 1;
        }
    }
    if (!fs.found && !flow_at_cursor(&fs, out, "", 0, "", 0)) return 0;
    return 1;
}

/* ---- the place ---- */

static const char *globals_type(const char *section)
{
    static const char *const kinds[][2] = {
        {"Function", "AWS::Serverless::Function"}, {"Api", "AWS::Serverless::Api"},
        {"HttpApi", "AWS::Serverless::HttpApi"}, {"SimpleTable", "AWS::Serverless::SimpleTable"},
        {"StateMachine", "AWS::Serverless::StateMachine"}, {"LayerVersion", "AWS::Serverless::LayerVersion"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i][0], section) == 0) return kinds[i][1];
    return NULL;
}

int schema_place_at_offset(const char *text, size_t len, size_t off, int is_json, yaml_place *out)
{
    memset(out, 0, sizeof *out);
    if (off > len) off = len;
    rpath *rp = xcalloc(1, sizeof *rp);
    int ok;
    if (is_json) {
        size_t i = 0;
        while (i < len && text[i] != '{') i++;
        ok = i < len && off > i && flow_scan(text, len, i, off, 0, rp, -1, out);
    } else {
        ok = block_place(text, len, off, rp, out);
    }
    /* The path from the root: Resources.<id>.Properties... or Globals.<section>... */
    size_t first = 0;
    if (ok && rp->n >= 3 && strcmp(rp->key[0], "Resources") == 0 && strcmp(rp->key[2], "Properties") == 0) {
        snprintf(out->type, sizeof out->type, "%s", rp->disc[1]);
        first = 3;
    } else if (ok && rp->n >= 2 && strcmp(rp->key[0], "Globals") == 0 && globals_type(rp->key[1])) {
        snprintf(out->type, sizeof out->type, "%s", globals_type(rp->key[1]));
        first = 2;
    } else {
        ok = 0;
    }
    if (ok && (!out->type[0] || rp->n - first > LSP_PATH_MAX)) ok = 0;
    for (size_t k = first; ok && k < rp->n; k++) {
        memcpy(out->keys[out->n_keys], rp->key[k], sizeof out->keys[0]);
        memcpy(out->disc[out->n_keys], rp->disc[k], sizeof out->disc[0]);
        out->n_keys++;
    }
    free(rp);
    return ok;
}

/* The schema of the mapping the place is in: each step's subschema, and
 * where branches are told apart by a key (a SAM event's Type), the branch
 * that the mapping's value of it names. */
static schema_ref mapping_of(const yaml_place *p)
{
    schema_ref s = schema_type_props(p->type, strlen(p->type));
    for (size_t i = 0; i < p->n_keys && s; i++) {
        s = strcmp(p->keys[i], "*") == 0 ? schema_items(s) : schema_child(s, p->keys[i], strlen(p->keys[i]), NULL, NULL);
        if (s && p->disc[i][0] && schema_discriminator(s)) {
            schema_ref b = schema_discriminate(s, p->disc[i], strlen(p->disc[i]));
            if (b) s = b;
        }
    }
    return s;
}

char *lsp_schema_hover(const yaml_place *p)
{
    if (!*p->key || p->in_value || strcmp(p->key, "*") == 0) return NULL;
    schema_ref map = mapping_of(p);
    if (!map) return NULL;
    const char *desc = NULL;
    int known = 0;
    schema_child(map, p->key, strlen(p->key), &known, &desc);
    if (!known || !desc || !*desc) return NULL;
    size_t n = strlen(desc) + strlen(p->key) + strlen(p->type) + 32;
    char *md = xrealloc(NULL, n);
    snprintf(md, n, "**%s** (%s)\n\n%s", p->key, p->type, desc);
    return md;
}

typedef struct complete_acc { cJSON *items; const char *typed; size_t n; } complete_acc;

static int has_label(const cJSON *items, const char *name)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, items) {
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(it, "label");
        if (cJSON_IsString(label) && strcmp(label->valuestring, name) == 0) return 1;
    }
    return 0;
}

static void add_item(complete_acc *acc, const char *name, int kind, const char *desc)
{
    if (acc->n >= 500 || strncmp(name, acc->typed, strlen(acc->typed)) != 0 || has_label(acc->items, name)) return;
    cJSON *item = cJSON_CreateObject();
    out_json_str(item, "label", name);
    cJSON_AddNumberToObject(item, "kind", kind);
    if (desc && *desc) out_json_str(item, "documentation", desc);
    cJSON_AddItemToArray(acc->items, item);
    acc->n++;
}

static void add_property(void *user, const char *name, const char *desc)
{
    add_item(user, name, 10 /* Property */, desc);
}

/* The enum values of a node, or of the values its branches are told apart by. */
static void add_values(complete_acc *acc, schema_ref node)
{
    const char *values[256];
    size_t n = node ? schema_enum_values(node, values, 256) : 0;
    for (size_t i = 0; i < n && i < 256; i++) add_item(acc, values[i], 20 /* EnumMember */, NULL);
}

cJSON *lsp_schema_complete(const yaml_place *p)
{
    cJSON *items = cJSON_CreateArray();
    schema_ref map = mapping_of(p);
    if (!map) return items;
    complete_acc acc = {items, p->typed, 0};
    if (!p->in_value) {
        schema_each_property(map, add_property, &acc);
        if (!acc.n && !*p->key) add_values(&acc, map);  /* a list item being typed: the list's values */
        return items;
    }
    const char *dk = schema_discriminator(map);
    if (dk && strcmp(dk, p->key) == 0) {
        const char *values[256];
        size_t n = schema_discriminator_values(map, values, 256);
        for (size_t i = 0; i < n && i < 256; i++) add_item(&acc, values[i], 20, NULL);
        return items;
    }
    schema_ref prop = strcmp(p->key, "*") == 0 ? schema_items(map) : schema_child(map, p->key, strlen(p->key), NULL, NULL);
    add_values(&acc, prop);
    return items;
}
