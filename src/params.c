/* params: parameter values given for a lint (--parameters, --parameters-file):
 * the deploy's values stand in for the template's Defaults. */
#include "params.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "doc.h"
#include "rfile.h"

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static int set_value(param_list *l, const char *name, size_t name_len, const char *value, size_t value_len,
                     char *err, size_t errlen)
{
    if (value_len > PARAMS_MAX_VALUE)
        return fail(err, errlen, "the value of '%.*s' is longer than %d bytes", (int)(name_len > 64 ? 64 : name_len),
                    name, PARAMS_MAX_VALUE);
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->items[i].name) == name_len && memcmp(l->items[i].name, name, name_len) == 0) {
            free(l->items[i].value);
            l->items[i].value = xrealloc(NULL, value_len + 1);
            memcpy(l->items[i].value, value, value_len);
            l->items[i].value[value_len] = '\0';
            return 0;
        }
    if (l->n >= PARAMS_MAX) return fail(err, errlen, "more than %d parameter values", PARAMS_MAX);
    l->items = xrealloc(l->items, (l->n + 1) * sizeof *l->items);
    param_value *p = &l->items[l->n++];
    p->name = xrealloc(NULL, name_len + 1);
    memcpy(p->name, name, name_len);
    p->name[name_len] = '\0';
    p->value = xrealloc(NULL, value_len + 1);
    memcpy(p->value, value, value_len);
    p->value[value_len] = '\0';
    atomic_init(&p->used, 0);
    return 0;
}

/* Parameter names are alphanumeric (CloudFormation's logical id rule). */
static int is_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static int is_sep(char c)
{
    return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Length of the "Name" of a "Name=" at p, or 0. */
static size_t name_at(const char *p)
{
    size_t n = 0;
    while (is_name_char(p[n])) n++;
    return n && p[n] == '=' ? n : 0;
}

/* One value at *pp into buf (malloc'd, *len bytes); *pp moves past it. */
static int read_value(const char **pp, char **buf, size_t *len, char *err, size_t errlen)
{
    const char *p = *pp;
    *buf = NULL;
    *len = 0;
    if (*p == '"' || *p == '\'') {
        char quote = *p++;
        const char *start = p;
        char *out = xrealloc(NULL, strlen(p) + 1);
        size_t n = 0;
        while (*p && *p != quote) {
            if (quote == '"' && *p == '\\' && (p[1] == '"' || p[1] == '\\')) p++;
            out[n++] = *p++;
        }
        if (!*p) {
            free(out);
            return fail(err, errlen, "a value quoted at character %zu is never closed", (size_t)(start - *pp) + 1);
        }
        p++;
        if (*p && !is_sep(*p)) {
            free(out);
            return fail(err, errlen, "text right after a closing quote");
        }
        *buf = out;
        *len = n;
        *pp = p;
        return 0;
    }
    /* A bare value ends at a run of separators followed by "Name=" or by
     * the end: one pass, each separator run looked at once. */
    const char *q = p;
    for (;;) {
        if (!*q) break;
        if (!is_sep(*q)) {
            q++;
            continue;
        }
        const char *run = q;
        while (is_sep(*run)) run++;
        if (!*run || name_at(run)) break;
        q = run;
    }
    size_t n = (size_t)(q - p);
    *buf = xrealloc(NULL, n + 1);
    memcpy(*buf, p, n);
    (*buf)[n] = '\0';
    *len = n;
    *pp = q;
    return 0;
}

int params_add_arg(param_list *l, const char *arg, char *err, size_t errlen)
{
    const char *p = arg;
    char *pending = NULL;   /* ParameterKey=K waiting for its ParameterValue */
    size_t pending_len = 0;
    int rc = 0;
    for (;;) {
        while (is_sep(*p)) p++;
        if (!*p) break;
        size_t n = name_at(p);
        if (!n) {
            rc = fail(err, errlen, "expected Name=Value at character %zu", (size_t)(p - arg) + 1);
            break;
        }
        const char *name = p;
        p += n + 1;
        char *value;
        size_t len;
        if (read_value(&p, &value, &len, err, errlen) < 0) {
            rc = -1;
            break;
        }
        if (n == 12 && memcmp(name, "ParameterKey", 12) == 0) {
            if (pending) rc = fail(err, errlen, "ParameterKey=%.*s has no ParameterValue", (int)pending_len, pending);
            else if (!len || len > 255) rc = fail(err, errlen, "ParameterKey wants a parameter name");
            pending = value;
            pending_len = len;
            value = NULL;
        } else if (n == 14 && memcmp(name, "ParameterValue", 14) == 0) {
            if (!pending) rc = fail(err, errlen, "ParameterValue without a ParameterKey before it");
            else rc = set_value(l, pending, pending_len, value, len, err, errlen);
            free(pending);
            pending = NULL;
        } else if (n == 16 && memcmp(name, "UsePreviousValue", 16) == 0) {
            if (!pending) rc = fail(err, errlen, "UsePreviousValue without a ParameterKey before it");
            free(pending);  /* the stack's value is unknown here: the Default stays */
            pending = NULL;
        } else if (pending) {
            rc = fail(err, errlen, "ParameterKey=%.*s has no ParameterValue", (int)pending_len, pending);
        } else {
            rc = set_value(l, name, n, value, len, err, errlen);
        }
        free(value);
        if (rc < 0) break;
    }
    if (!rc && pending) rc = fail(err, errlen, "ParameterKey=%.*s has no ParameterValue", (int)pending_len, pending);
    free(pending);
    return rc;
}

/* ---- JSON and YAML files ------------------------------------------------ */

typedef struct file_reader {
    const char *path;
    const doc *d;
    param_list *l;
    char *err;
    size_t errlen;
} file_reader;

__attribute__((format(printf, 3, 4)))
static int file_error(file_reader *fr, doc_id at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    doc_verror(fr->err, fr->errlen, fr->path, fr->d, at, fmt, ap);
    va_end(ap);
    return -1;
}

/* A value: a scalar as written, or a list of scalars joined by commas (a
 * CommaDelimitedList's value). */
static int take_value(file_reader *fr, doc_id name_node, doc_id v)
{
    const doc *d = fr->d;
    const char *name = doc_str(d, name_node);
    size_t name_len = strlen(name);
    if (name_len == 0 || name_len > 255) return file_error(fr, name_node, "a parameter name is 1 to 255 characters");
    for (size_t i = 0; i < name_len; i++)
        if (!is_name_char(name[i])) return file_error(fr, name_node, "'%.64s' is not a parameter name (letters and digits)", name);
    char why[256];
    if (doc_is_scalar(d, v) && !doc_is_null(d, v)) {
        if (set_value(fr->l, name, name_len, doc_str(d, v), doc_at(d, v)->len, why, sizeof why) < 0)
            return file_error(fr, v, "%s", why);
        return 0;
    }
    if (doc_is_seq(d, v)) {
        size_t total = 0;
        for (uint32_t i = 0; i < doc_count(d, v); i++) {
            doc_id it = doc_item(d, v, i);
            if (!doc_is_scalar(d, it)) return file_error(fr, it, "the value of '%s' is a list of nested lists or mappings", name);
            total += doc_at(d, it)->len + 1;
            if (total > PARAMS_MAX_VALUE + 1) return file_error(fr, v, "the value of '%s' is longer than %d bytes", name, PARAMS_MAX_VALUE);
        }
        char *joined = xrealloc(NULL, total + 1);
        size_t n = 0;
        for (uint32_t i = 0; i < doc_count(d, v); i++) {
            doc_id it = doc_item(d, v, i);
            if (i) joined[n++] = ',';
            memcpy(joined + n, doc_str(d, it), doc_at(d, it)->len);
            n += doc_at(d, it)->len;
        }
        int rc = set_value(fr->l, name, name_len, joined, n, why, sizeof why);
        free(joined);
        return rc < 0 ? file_error(fr, v, "%s", why) : 0;
    }
    return file_error(fr, v >= 0 ? v : name_node, "the value of '%s' must be a string", name);
}

static int read_doc(file_reader *fr)
{
    const doc *d = fr->d;
    doc_id root = d->root;
    if (doc_is_seq(d, root)) {  /* aws cloudformation: [{"ParameterKey": .., "ParameterValue": ..}] */
        for (uint32_t i = 0; i < doc_count(d, root); i++) {
            doc_id it = doc_item(d, root, i);
            if (!doc_is_map(d, it)) return file_error(fr, it, "each entry is {\"ParameterKey\": ..., \"ParameterValue\": ...}");
            doc_id key = doc_get(d, it, "ParameterKey"), val = doc_get(d, it, "ParameterValue");
            doc_id prev = doc_get(d, it, "UsePreviousValue");
            if (!doc_is_scalar(d, key)) return file_error(fr, it, "an entry without a ParameterKey string");
            int b = 0;
            if (val == DOC_NONE && doc_get_bool(d, prev, &b) && b) continue;  /* the Default stays */
            if (val == DOC_NONE) return file_error(fr, it, "ParameterKey '%.64s' has no ParameterValue", doc_str(d, key));
            if (take_value(fr, key, val) < 0) return -1;
        }
        return 0;
    }
    doc_id params = doc_is_map(d, root) ? doc_get(d, root, "Parameters") : DOC_NONE;
    if (!doc_is_map(d, params))  /* CodePipeline: {"Parameters": {K: V}, "Tags": ...} */
        return file_error(fr, params >= 0 ? params : root >= 0 ? root : DOC_NONE,
                          "a parameters file is [{\"ParameterKey\": K, \"ParameterValue\": V}, ...] "
                          "or {\"Parameters\": {K: V}}");
    for (uint32_t i = 0; i < doc_count(d, params); i++) {
        doc_id k = doc_key(d, params, i);
        if (!doc_is_scalar(d, k)) return file_error(fr, k, "parameter names are strings");
        if (take_value(fr, k, doc_val(d, params, i)) < 0) return -1;
    }
    return 0;
}

/* ---- samconfig.toml ------------------------------------------------------ */

/* Just enough TOML to find parameter_overrides: tables, key = value pairs,
 * strings of the four kinds, arrays, comments; other values are skipped. */
typedef struct toml {
    const char *p, *end;
    unsigned line;
    char *err;
    size_t errlen;
    const char *path;
} toml;

__attribute__((format(printf, 2, 3)))
static int toml_error(toml *t, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(t->err, t->errlen, "%s:%u: %s", t->path, t->line, msg);
    return -1;
}

static void toml_skip_blank(toml *t, int newlines)
{
    while (t->p < t->end) {
        char c = *t->p;
        if (c == ' ' || c == '\t' || c == '\r') t->p++;
        else if (c == '\n' && newlines) {
            t->line++;
            t->p++;
        } else if (c == '#') {
            while (t->p < t->end && *t->p != '\n') t->p++;
        } else break;
    }
}

static void put_utf8(char *out, size_t *n, unsigned long cp)
{
    if (cp < 0x80) out[(*n)++] = (char)cp;
    else if (cp < 0x800) {
        out[(*n)++] = (char)(0xC0 | (cp >> 6));
        out[(*n)++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out[(*n)++] = (char)(0xE0 | (cp >> 12));
        out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*n)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        out[(*n)++] = (char)(0xF0 | (cp >> 18));
        out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*n)++] = (char)(0x80 | (cp & 0x3F));
    }
}

/* A string at t->p (any of the four kinds) into *out (malloc'd), or -1. */
static int toml_string(toml *t, char **out)
{
    char quote = *t->p;
    int multi = t->end - t->p >= 3 && t->p[1] == quote && t->p[2] == quote;
    t->p += multi ? 3 : 1;
    if (multi && t->p < t->end && *t->p == '\n') {  /* a newline right after the opening is dropped */
        t->line++;
        t->p++;
    }
    char *s = xrealloc(NULL, (size_t)(t->end - t->p) + 1);
    size_t n = 0;
    for (;;) {
        if (t->p >= t->end) {
            free(s);
            return toml_error(t, "a string is never closed");
        }
        char c = *t->p;
        if (c == quote && (!multi || (t->end - t->p >= 3 && t->p[1] == quote && t->p[2] == quote))) {
            t->p += multi ? 3 : 1;
            break;
        }
        if (c == '\n') {
            if (!multi) {
                free(s);
                return toml_error(t, "a string is never closed on its line");
            }
            t->line++;
        }
        if (c == '\\' && quote == '"') {
            char e = t->p + 1 < t->end ? t->p[1] : '\0';
            char plain = e == 'b' ? '\b' : e == 't' ? '\t' : e == 'n' ? '\n' : e == 'f' ? '\f' : e == 'r' ? '\r'
                       : e == '"' ? '"' : e == '\\' ? '\\' : '\0';
            if (plain) {
                s[n++] = plain;
                t->p += 2;
                continue;
            }
            if (e == 'u' || e == 'U') {
                int digits = e == 'u' ? 4 : 8;
                unsigned long cp = 0;
                if (t->end - t->p < 2 + digits) {
                    free(s);
                    return toml_error(t, "a \\%c escape wants %d hex digits", e, digits);
                }
                for (int i = 0; i < digits; i++) {
                    char h = t->p[2 + i];
                    int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                    if (v < 0) {
                        free(s);
                        return toml_error(t, "a \\%c escape wants %d hex digits", e, digits);
                    }
                    cp = cp * 16 + (unsigned long)v;
                }
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    free(s);
                    return toml_error(t, "an escape names no Unicode character");
                }
                put_utf8(s, &n, cp);  /* at most 4 bytes from 6 to 10 of input */
                t->p += 2 + digits;
                continue;
            }
            if (multi && (e == '\n' || e == ' ' || e == '\t' || e == '\r')) {  /* line-ending backslash */
                t->p++;
                while (t->p < t->end && (*t->p == ' ' || *t->p == '\t' || *t->p == '\r' || *t->p == '\n')) {
                    if (*t->p == '\n') t->line++;
                    t->p++;
                }
                continue;
            }
            free(s);
            return toml_error(t, "an unknown escape in a string");
        }
        s[n++] = c;
        t->p++;
    }
    s[n] = '\0';
    *out = s;
    return 0;
}

/* Skip or collect (strings into *vals) one value. Depth-limited arrays. */
static int toml_value(toml *t, char ***vals, size_t *n_vals, int depth)
{
    if (depth > 32) return toml_error(t, "arrays nested too deep");
    if (t->p >= t->end) return toml_error(t, "a key without a value");
    char c = *t->p;
    if (c == '"' || c == '\'') {
        char *s;
        if (toml_string(t, &s) < 0) return -1;
        if (vals && *n_vals < PARAMS_MAX) {
            *vals = xrealloc(*vals, (*n_vals + 1) * sizeof **vals);
            (*vals)[(*n_vals)++] = s;
        } else {
            free(s);
        }
        return 0;
    }
    if (c == '[' || c == '{') {
        char close = c == '[' ? ']' : '}';
        t->p++;
        for (;;) {
            toml_skip_blank(t, 1);
            if (t->p >= t->end) return toml_error(t, "an array or table is never closed");
            if (*t->p == close) {
                t->p++;
                return 0;
            }
            if (*t->p == ',') {
                t->p++;
                continue;
            }
            if (close == '}') {  /* an inline table: key = value pairs, skipped */
                while (t->p < t->end && *t->p != '=' && *t->p != '}' && *t->p != '\n') t->p++;
                if (t->p < t->end && *t->p == '=') {
                    t->p++;
                    toml_skip_blank(t, 0);
                    if (toml_value(t, NULL, NULL, depth + 1) < 0) return -1;
                }
                continue;
            }
            if (toml_value(t, vals, n_vals, depth + 1) < 0) return -1;
        }
    }
    /* A number, boolean or date: up to the end of the value. */
    while (t->p < t->end && *t->p != '\n' && *t->p != '#' && *t->p != ',' && *t->p != ']' && *t->p != '}') t->p++;
    return 0;
}

/* Which section's parameter_overrides wins: 0 best, 3 not wanted. */
static int section_rank(const char *s, size_t n)
{
    if (n == 25 && memcmp(s, "default.deploy.parameters", 25) == 0) return 0;
    if (n == 25 && memcmp(s, "default.global.parameters", 25) == 0) return 1;
    if (n > 19 && memcmp(s, "default.", 8) == 0 && memcmp(s + n - 11, ".parameters", 11) == 0) return 2;
    return 3;
}

static int read_toml(param_list *l, const char *path, const char *text, size_t len, char *err, size_t errlen)
{
    toml t = {text, text + len, 1, err, errlen, path};
    int rank = 3, best = 4;
    char **best_vals = NULL;
    size_t n_best = 0;
    unsigned best_line = 0;
    int rc = 0;
    for (;;) {
        toml_skip_blank(&t, 1);
        if (t.p >= t.end) break;
        if (*t.p == '[') {
            while (t.p < t.end && *t.p == '[') t.p++;
            const char *name = t.p;
            while (t.p < t.end && *t.p != ']' && *t.p != '\n') t.p++;
            if (t.p >= t.end || *t.p != ']') {
                rc = toml_error(&t, "a [table] header is never closed");
                break;
            }
            const char *name_end = t.p;
            while (name < name_end && (*name == ' ' || *name == '\t')) name++;
            while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '\t')) name_end--;
            rank = section_rank(name, (size_t)(name_end - name));
            while (t.p < t.end && *t.p == ']') t.p++;
            continue;
        }
        const char *key = t.p;
        char *qkey = NULL;
        size_t key_len;
        if (*t.p == '"' || *t.p == '\'') {
            if (toml_string(&t, &qkey) < 0) {
                rc = -1;
                break;
            }
            key = qkey;
            key_len = strlen(qkey);
        } else {
            while (t.p < t.end && *t.p != '=' && *t.p != '\n' && *t.p != ' ' && *t.p != '\t') t.p++;
            key_len = (size_t)(t.p - key);
        }
        int ours = rank < best && key_len == 19 && memcmp(key, "parameter_overrides", 19) == 0;
        free(qkey);
        toml_skip_blank(&t, 0);
        if (t.p >= t.end || *t.p != '=') {
            rc = toml_error(&t, "expected key = value");
            break;
        }
        t.p++;
        toml_skip_blank(&t, 0);
        unsigned line = t.line;
        char **vals = NULL;
        size_t n_vals = 0;
        if (toml_value(&t, ours ? &vals : NULL, ours ? &n_vals : NULL, 0) < 0) {
            for (size_t i = 0; i < n_vals; i++) free(vals[i]);
            free(vals);
            rc = -1;
            break;
        }
        if (ours) {
            for (size_t i = 0; i < n_best; i++) free(best_vals[i]);
            free(best_vals);
            best_vals = vals;
            n_best = n_vals;
            best = rank;
            best_line = line;
        }
    }
    if (rc == 0 && best == 4)
        rc = fail(err, errlen, "%s: no parameter_overrides in a [default.deploy.parameters] "
                  "(or other [default.*.parameters]) table", path);
    for (size_t i = 0; i < n_best; i++) {
        char why[256];
        if (rc == 0 && params_add_arg(l, best_vals[i], why, sizeof why) < 0)
            rc = fail(err, errlen, "%s:%u: parameter_overrides: %s", path, best_line, why);
        free(best_vals[i]);
    }
    free(best_vals);
    return rc;
}

int params_load_file(param_list *l, const char *path, char *err, size_t errlen)
{
    char *buf = NULL, why[256];
    size_t len = 0;
    int got = rfile_read(path, PARAMS_MAX_FILE, &buf, &len, why, sizeof why);
    if (got == RFILE_TOO_BIG) return fail(err, errlen, "%s: larger than %d bytes: not a parameters file", path, PARAMS_MAX_FILE);
    if (got != RFILE_OK) return fail(err, errlen, "%s: %s", path, why);
    if (memchr(buf, '\0', len)) {
        free(buf);
        return fail(err, errlen, "%s: a NUL byte: not a parameters file", path);
    }
    size_t plen = strlen(path);
    int rc;
    if (plen > 5 && strcmp(path + plen - 5, ".toml") == 0) {
        rc = read_toml(l, path, buf, len, err, errlen);
    } else {
        doc_limits lim;
        doc_default_limits(&lim);
        doc_result res = doc_load(path, buf, len, &lim);
        file_reader fr = {path, res.d, l, err, errlen};
        if (res.n_problems) {
            rc = fail(err, errlen, "%s:%u:%u: %s", path, (unsigned)res.problems[0].line, (unsigned)res.problems[0].col,
                      res.problems[0].message);
        } else if (!res.d || res.d->root == DOC_NONE) {
            rc = fail(err, errlen, "%s: empty, or not JSON or YAML", path);
        } else {
            rc = read_doc(&fr);
        }
        if (res.d) doc_free(res.d);
    }
    free(buf);
    return rc;
}

const char *params_lookup(param_list *l, const char *name)
{
    for (size_t i = l->n; i-- > 0;)
        if (strcmp(l->items[i].name, name) == 0) {
            atomic_store_explicit(&l->items[i].used, 1, memory_order_relaxed);
            return l->items[i].value;
        }
    return NULL;
}

void params_release(param_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].name);
        free(l->items[i].value);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}
