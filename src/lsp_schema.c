/* lsp_schema: where the cursor stands in a YAML template, for hover descriptions and completion. */
#include "lsp_schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "arena.h"
#include "out.h"
#include "schema.h"

/* How far up the climb to the resource goes. */
#define CLIMB_LINES 4000

typedef struct yline {
    size_t indent;      /* of the key (after "- ") */
    size_t dash;        /* indent of "- ", or (size_t)-1 */
    const char *key;    /* NULL when the line holds no "key:" */
    size_t key_len;
    int blank;          /* empty or a comment */
    int has_value;      /* something other than a comment after "key:" */
} yline;

static void parse_line(const char *s, const char *e, yline *l)
{
    memset(l, 0, sizeof *l);
    l->dash = (size_t)-1;
    const char *p = s;
    while (p < e && *p == ' ') p++;
    if (p == e || *p == '#' || *p == '\r') { l->blank = 1; return; }
    if (*p == '-' && (p + 1 == e || p[1] == ' ')) {
        l->dash = (size_t)(p - s);
        p++;
        while (p < e && *p == ' ') p++;
    }
    l->indent = (size_t)(p - s);
    const char *k = p;
    while (p < e && *p != ':' && *p != '#' && *p != '{' && *p != '[' && *p != '"' && *p != '\'') p++;
    if (p >= e || *p != ':' || p == k || (p + 1 < e && p[1] != ' ' && p[1] != '\r')) return;
    l->key = k;
    l->key_len = (size_t)(p - k);
    while (l->key_len && k[l->key_len - 1] == ' ') l->key_len--;
    p++;
    while (p < e && (*p == ' ' || *p == '\r')) p++;
    l->has_value = p < e && *p != '#';
}

static void copy_word(char *dst, size_t size, const char *s, size_t n)
{
    if (n >= size) n = size - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
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

/* The resource type: the Type key of the resource whose id line starts at
 * `id_end` (just past it), at the first indent deeper than the id's. */
static int find_type(const char *text, size_t len, size_t from, size_t id_indent, char *type, size_t size)
{
    for (size_t i = from; i < len;) {
        const char *s, *e;
        line_at(text, len, i, &s, &e);
        yline l;
        parse_line(s, e, &l);
        if (!l.blank && l.dash == (size_t)-1 && l.indent <= id_indent) return 0;
        if (l.key && l.key_len == 4 && memcmp(l.key, "Type", 4) == 0 && l.has_value) {
            const char *v = l.key + 5;
            while (v < e && *v == ' ') v++;
            const char *ve = v;
            while (ve < e && *ve != ' ' && *ve != '#' && *ve != '\r') ve++;
            if (ve > v && (*v == '"' || *v == '\'')) { v++; if (ve > v && (ve[-1] == '"' || ve[-1] == '\'')) ve--; }
            copy_word(type, size, v, (size_t)(ve - v));
            return 1;
        }
        i = (size_t)(e - text) + 1;
    }
    return 0;
}

static const char *globals_type(const char *section, size_t n)
{
    static const char *const kinds[][2] = {
        {"Function", "AWS::Serverless::Function"}, {"Api", "AWS::Serverless::Api"},
        {"HttpApi", "AWS::Serverless::HttpApi"}, {"SimpleTable", "AWS::Serverless::SimpleTable"},
        {"StateMachine", "AWS::Serverless::StateMachine"}, {"LayerVersion", "AWS::Serverless::LayerVersion"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strlen(kinds[i][0]) == n && memcmp(kinds[i][0], section, n) == 0) return kinds[i][1];
    return NULL;
}

int yaml_place_at(const char *text, size_t len, size_t off, yaml_place *out)
{
    memset(out, 0, sizeof *out);
    if (off > len) off = len;
    const char *s, *e;
    line_at(text, len, off, &s, &e);
    yline cur;
    parse_line(s, e, &cur);
    const char *cursor = text + off;
    size_t indent;
    if (cur.key && cursor > cur.key + cur.key_len) {
        /* After "key:": a value. */
        out->in_value = 1;
        copy_word(out->key, sizeof out->key, cur.key, cur.key_len);
        const char *v = cur.key + cur.key_len + 1;
        while (v < cursor && *v == ' ') v++;
        copy_word(out->typed, sizeof out->typed, v, (size_t)(cursor - v));
        indent = cur.indent;
    } else {
        const char *w = s;
        while (w < cursor && (*w == ' ' || *w == '-')) w++;
        indent = (size_t)(w - s);
        if (cur.key) copy_word(out->key, sizeof out->key, cur.key, cur.key_len);
        copy_word(out->typed, sizeof out->typed, w, (size_t)(cursor - w));
    }
    /* Climb: each line above with a smaller indent is a parent. */
    char rev[LSP_PATH_MAX][96];
    size_t n = 0;
    size_t limit = indent;  /* a parent's key indent must be below this */
    size_t i = (size_t)(s - text);
    const char *top = NULL;
    size_t top_len = 0, id_indent = 0, id_next = 0;
    for (int steps = 0; i > 0 && steps < CLIMB_LINES; steps++) {
        const char *ls, *le;
        line_at(text, len, i - 1, &ls, &le);
        i = (size_t)(ls - text);
        yline l;
        parse_line(ls, le, &l);
        if (l.blank) continue;
        if (l.dash != (size_t)-1 && l.dash < limit) {
            /* Inside this list item: its own key may be a parent, then the list. */
            if (l.key && !l.has_value && l.indent < limit && n < LSP_PATH_MAX) copy_word(rev[n++], 96, l.key, l.key_len);
            if (n < LSP_PATH_MAX) strcpy(rev[n++], "*");
            limit = l.dash + 1;
            continue;
        }
        if (l.indent >= limit || !l.key) continue;
        if (l.has_value) return 0;  /* "key: value" above: not a mapping we are in */
        if (l.indent == 0) {
            top = l.key;
            top_len = l.key_len;
            break;
        }
        if (n == LSP_PATH_MAX) return 0;
        copy_word(rev[n++], 96, l.key, l.key_len);
        id_indent = l.indent;
        id_next = (size_t)(le - text) + 1;
        limit = l.indent;
    }
    if (!top || !n) return 0;
    /* rev holds the path from the cursor up: its last entry is the resource id or Globals section. */
    size_t first;
    if (top_len == 9 && memcmp(top, "Resources", 9) == 0) {
        if (n < 2 || strcmp(rev[n - 2], "Properties") != 0) return 0;
        if (!find_type(text, len, id_next, id_indent, out->type, sizeof out->type)) return 0;
        first = n - 2;
    } else if (top_len == 7 && memcmp(top, "Globals", 7) == 0) {
        const char *t = globals_type(rev[n - 1], strlen(rev[n - 1]));
        if (!t) return 0;
        snprintf(out->type, sizeof out->type, "%s", t);
        first = n - 1;
    } else {
        return 0;
    }
    for (size_t k = first; k-- > 0;) strcpy(out->keys[out->n_keys++], rev[k]);
    return 1;
}

/* The schema of the mapping the place is in. */
static schema_ref mapping_of(const yaml_place *p)
{
    schema_ref s = schema_type_props(p->type, strlen(p->type));
    for (size_t i = 0; i < p->n_keys && s; i++)
        s = strcmp(p->keys[i], "*") == 0 ? schema_items(s) : schema_child(s, p->keys[i], strlen(p->keys[i]), NULL, NULL);
    return s;
}

char *lsp_schema_hover(const yaml_place *p)
{
    if (!*p->key || p->in_value) return NULL;
    const char *keys[LSP_PATH_MAX + 1];
    for (size_t i = 0; i < p->n_keys; i++) keys[i] = p->keys[i];
    keys[p->n_keys] = p->key;
    const char *desc = schema_description(p->type, keys, p->n_keys + 1);
    if (!desc || !*desc) return NULL;
    size_t n = strlen(desc) + strlen(p->key) + strlen(p->type) + 32;
    char *md = xrealloc(NULL, n);
    snprintf(md, n, "**%s** (%s)\n\n%s", p->key, p->type, desc);
    return md;
}

typedef struct complete_acc { cJSON *items; const char *typed; size_t n; } complete_acc;

static void add_property(void *user, const char *name, const char *desc)
{
    complete_acc *acc = user;
    if (acc->n >= 500 || strncmp(name, acc->typed, strlen(acc->typed)) != 0) return;
    cJSON *it;
    cJSON_ArrayForEach(it, acc->items) {
        const cJSON *label = cJSON_GetObjectItemCaseSensitive(it, "label");
        if (cJSON_IsString(label) && strcmp(label->valuestring, name) == 0) return;  /* in several branches */
    }
    cJSON *item = cJSON_CreateObject();
    out_json_str(item, "label", name);
    cJSON_AddNumberToObject(item, "kind", 10);  /* Property */
    if (desc && *desc) out_json_str(item, "documentation", desc);
    cJSON_AddItemToArray(acc->items, item);
    acc->n++;
}

cJSON *lsp_schema_complete(const yaml_place *p)
{
    cJSON *items = cJSON_CreateArray();
    schema_ref map = mapping_of(p);
    if (!map) return items;
    if (!p->in_value) {
        complete_acc acc = {items, p->typed, 0};
        schema_each_property(map, add_property, &acc);
        return items;
    }
    int known = 0;
    schema_ref prop = schema_child(map, p->key, strlen(p->key), &known, NULL);
    const char *values[256];
    size_t n = prop ? schema_enum_values(prop, values, 256) : 0;
    for (size_t i = 0; i < n && i < 256; i++) {
        if (strncmp(values[i], p->typed, strlen(p->typed)) != 0) continue;
        cJSON *item = cJSON_CreateObject();
        out_json_str(item, "label", values[i]);
        cJSON_AddNumberToObject(item, "kind", 20);  /* EnumMember */
        cJSON_AddItemToArray(items, item);
    }
    return items;
}
