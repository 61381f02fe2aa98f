/* code: handler source files: a per-run cache, comment/string masking, handler bodies. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* realpath */
#endif
#include "code.h"
#include "rx.h"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- masking ---------------------------------------------------------- */

static void blank(char *out, const char *text, size_t i)
{
    out[i] = (text[i] == '\n' || text[i] == '\r') ? text[i] : ' ';
}

static int is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           (unsigned char)c >= 0x80;
}

/* Can a '/' at `i` start a regular expression literal? Decided from the
 * previous code token in the masked output. */
static int js_regex_can_start(const char *out, size_t i)
{
    size_t j = i;
    while (j > 0 && (out[j - 1] == ' ' || out[j - 1] == '\t' || out[j - 1] == '\n' || out[j - 1] == '\r'))
        j--;
    if (j == 0)
        return 1;
    char c = out[j - 1];
    if (strchr("(,=:[!&|?{};+-*%<>~^", c))
        return 1;
    if (!is_ident_char(c))
        return 0;
    size_t end = j;
    while (j > 0 && is_ident_char(out[j - 1]))
        j--;
    static const char *const keywords[] = {"return", "typeof", "case", "do", "else", "in", "of", "new",
                                           "delete", "void", "throw", "yield", "await", "instanceof", NULL};
    for (int k = 0; keywords[k]; k++)
        if (strlen(keywords[k]) == end - j && memcmp(out + j, keywords[k], end - j) == 0)
            return 1;
    return 0;
}

#define JS_MAX_NEST 64

static void mask_js(const char *t, size_t n, char *out)
{
    int interp[JS_MAX_NEST]; /* brace depth inside each open ${ ... } */
    int n_interp = 0;
    int in_template = 0;
    size_t i = 0;
    if (n >= 2 && t[0] == '#' && t[1] == '!')
        while (i < n && t[i] != '\n')
            blank(out, t, i++);
    while (i < n) {
        char c = t[i];
        if (in_template) {
            if (c == '\\' && i + 1 < n) {
                blank(out, t, i);
                blank(out, t, i + 1);
                i += 2;
            } else if (c == '`') {
                out[i++] = c;
                in_template = 0;
            } else if (c == '$' && i + 1 < n && t[i + 1] == '{' && n_interp < JS_MAX_NEST) {
                blank(out, t, i);
                blank(out, t, i + 1);
                i += 2;
                interp[n_interp++] = 0;
                in_template = 0;
            } else {
                blank(out, t, i++);
            }
            continue;
        }
        if (c == '/' && i + 1 < n && t[i + 1] == '/') {
            while (i < n && t[i] != '\n')
                blank(out, t, i++);
        } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
            blank(out, t, i);
            blank(out, t, i + 1);
            i += 2;
            while (i < n && !(t[i] == '*' && i + 1 < n && t[i + 1] == '/'))
                blank(out, t, i++);
            for (int k = 0; k < 2 && i < n; k++)
                blank(out, t, i++);
        } else if (c == '\'' || c == '"') {
            out[i++] = c;
            while (i < n && t[i] != c && t[i] != '\n') {
                if (t[i] == '\\' && i + 1 < n)
                    blank(out, t, i++);
                blank(out, t, i++);
            }
            if (i < n && t[i] == c)
                out[i++] = c;
        } else if (c == '`') {
            out[i++] = c;
            in_template = 1;
        } else if (c == '/' && js_regex_can_start(out, i)) {
            int in_class = 0;
            out[i++] = c;
            while (i < n && t[i] != '\n' && (in_class || t[i] != '/')) {
                if (t[i] == '\\' && i + 1 < n && t[i + 1] != '\n')
                    blank(out, t, i++);
                else if (t[i] == '[')
                    in_class = 1;
                else if (t[i] == ']')
                    in_class = 0;
                blank(out, t, i++);
            }
            if (i < n && t[i] == '/')
                out[i++] = '/';
        } else if (c == '{' && n_interp > 0) {
            interp[n_interp - 1]++;
            out[i++] = c;
        } else if (c == '}' && n_interp > 0) {
            if (interp[n_interp - 1] == 0) {
                n_interp--;
                blank(out, t, i++);
                in_template = 1;
            } else {
                interp[n_interp - 1]--;
                out[i++] = c;
            }
        } else {
            out[i] = c;
            i++;
        }
    }
}

static void mask_py(const char *t, size_t n, char *out)
{
    size_t i = 0;
    while (i < n) {
        char c = t[i];
        if (c == '#') {
            while (i < n && t[i] != '\n')
                blank(out, t, i++);
        } else if (c == '\'' || c == '"') {
            int triple = i + 2 < n && t[i + 1] == c && t[i + 2] == c;
            size_t q = triple ? 3 : 1;
            for (size_t k = 0; k < q; k++)
                out[i++] = c;
            while (i < n) {
                if (t[i] == '\\' && i + 1 < n) {
                    blank(out, t, i++);
                    blank(out, t, i++);
                    continue;
                }
                if (!triple && t[i] == '\n')
                    break;
                if (t[i] == c && (!triple || (i + 2 < n && t[i + 1] == c && t[i + 2] == c)))
                    break;
                blank(out, t, i++);
            }
            for (size_t k = 0; k < q && i < n && t[i] == c; k++)
                out[i++] = c;
        } else {
            out[i] = c;
            i++;
        }
    }
}

void code_text_init(code_text *ct, enum code_lang lang, const char *text, size_t len, char *masked)
{
    ct->lang = lang;
    ct->text = text;
    ct->len = len;
    ct->masked = NULL;
    if (!masked)
        return;
    if (lang == CODE_JS)
        mask_js(text, len, masked);
    else if (lang == CODE_PY)
        mask_py(text, len, masked);
    else
        memcpy(masked, text, len);
    masked[len] = '\0';
    ct->masked = masked;
}

enum code_lang code_lang_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return CODE_OTHER;
    static const char *const js[] = {".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx", NULL};
    for (int i = 0; js[i]; i++)
        if (strcmp(dot, js[i]) == 0)
            return CODE_JS;
    return strcmp(dot, ".py") == 0 ? CODE_PY : CODE_OTHER;
}

int code_is_code(const code_text *ct, size_t off)
{
    if (off >= ct->len)
        return 0;
    if (!ct->masked)
        return 1;
    return ct->masked[off] == ct->text[off];
}

void code_pos(const code_text *ct, size_t off, uint32_t *line, uint32_t *col)
{
    uint32_t l = 1, c = 1;
    if (off > ct->len)
        off = ct->len;
    for (size_t i = 0; i < off; i++) {
        if (ct->text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)ct->text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* ---- the file cache ---------------------------------------------------- */

#define CACHE_BUCKETS 256

typedef struct cache_entry {
    struct cache_entry *next;
    char *key;      /* resolved path */
    code_file file;
    char *text, *masked;
} cache_entry;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static cache_entry *cache[CACHE_BUCKETS];
static size_t cache_n_reads;

static void *must(void *p)
{
    if (!p) {
        fputs("samlint: out of memory\n", stderr);
        abort();
    }
    return p;
}

static unsigned hash_str(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int code_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int code_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void cache_read(cache_entry *e)
{
    code_file *f = &e->file;
    int fd = open(e->key, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        f->status = fd < 0 ? CODE_MISSING : CODE_UNREADABLE;
        if (fd >= 0)
            close(fd);
        return;
    }
    cache_n_reads++;
    if ((unsigned long long)st.st_size > CODE_MAX_BYTES) {
        f->status = CODE_TOO_BIG;
        close(fd);
        return;
    }
    size_t cap = (size_t)st.st_size, len = 0;
    char *text = must(malloc(cap + 2));
    for (;;) {
        ssize_t got = read(fd, text + len, cap + 1 - len);
        if (got < 0) {
            free(text);
            close(fd);
            f->status = CODE_UNREADABLE;
            return;
        }
        if (got == 0)
            break;
        len += (size_t)got;
        if (len > CODE_MAX_BYTES) { /* grew while we read it */
            free(text);
            close(fd);
            f->status = CODE_TOO_BIG;
            return;
        }
        if (len == cap + 1) {
            cap = (cap + 1) * 2;
            text = must(realloc(text, cap + 2));
        }
    }
    close(fd);
    text[len] = '\0';
    if (memchr(text, '\0', len)) {
        free(text);
        f->status = CODE_BINARY;
        return;
    }
    enum code_lang lang = code_lang_of_path(e->key);
    e->text = text;
    e->masked = must(malloc(len + 1));
    code_text_init(&f->src, lang, text, len, e->masked);
    f->status = CODE_OK;
}

const code_file *code_load(const char *path)
{
    char resolved[PATH_MAX];
    const char *key = realpath(path, resolved) ? resolved : path;
    unsigned b = hash_str(key) % CACHE_BUCKETS;
    pthread_mutex_lock(&cache_lock);
    for (cache_entry *e = cache[b]; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            pthread_mutex_unlock(&cache_lock);
            return &e->file;
        }
    }
    /* Read under the lock: two threads asking for one file read it once. */
    cache_entry *e = must(calloc(1, sizeof *e));
    e->key = must(strdup(key));
    e->file.path = e->key;
    cache_read(e);
    e->next = cache[b];
    cache[b] = e;
    pthread_mutex_unlock(&cache_lock);
    return &e->file;
}

void code_cache_put(const char *path, const char *text, size_t len)
{
    char resolved[PATH_MAX];
    const char *key = realpath(path, resolved) ? resolved : path;
    unsigned b = hash_str(key) % CACHE_BUCKETS;
    pthread_mutex_lock(&cache_lock);
    cache_entry *e = NULL;
    for (cache_entry *c = cache[b]; c && !e; c = c->next)
        if (strcmp(c->key, key) == 0) e = c;
    if (!e) {
        e = must(calloc(1, sizeof *e));
        e->key = must(strdup(key));
        e->next = cache[b];
        cache[b] = e;
    }
    free(e->text);
    free(e->masked);
    e->text = e->masked = NULL;
    memset(&e->file, 0, sizeof e->file);
    e->file.path = e->key;
    if (len > CODE_MAX_BYTES) {
        e->file.status = CODE_TOO_BIG;
    } else if (memchr(text, '\0', len)) {
        e->file.status = CODE_BINARY;
    } else {
        e->text = must(malloc(len + 1));
        memcpy(e->text, text, len);
        e->text[len] = '\0';
        e->masked = must(malloc(len + 1));
        code_text_init(&e->file.src, code_lang_of_path(e->key), e->text, len, e->masked);
        e->file.status = CODE_OK;
    }
    pthread_mutex_unlock(&cache_lock);
}

size_t code_cache_reads(void)
{
    pthread_mutex_lock(&cache_lock);
    size_t n = cache_n_reads;
    pthread_mutex_unlock(&cache_lock);
    return n;
}

void code_cache_forget(void)
{
    pthread_mutex_lock(&cache_lock);
    for (int b = 0; b < CACHE_BUCKETS; b++) {
        cache_entry *e = cache[b];
        cache[b] = NULL;
        while (e) {
            cache_entry *next = e->next;
            free(e->key);
            free(e->text);
            free(e->masked);
            free(e);
            e = next;
        }
    }
    cache_n_reads = 0;
    pthread_mutex_unlock(&cache_lock);
}

void code_cache_release(void)
{
    code_cache_forget();
    rx_release();
}

/* ---- finding the handler ----------------------------------------------- */

#define IDENT "[A-Za-z_$][\\w$]*"
#define JS_MAX_HOPS 4

static size_t skip_ws(const char *m, size_t n, size_t i)
{
    while (i < n && (m[i] == ' ' || m[i] == '\t' || m[i] == '\n' || m[i] == '\r'))
        i++;
    return i;
}

/* Index of the bracket closing the one at `i`, or n when unbalanced. */
static size_t match_close(const char *m, size_t n, size_t i)
{
    int depth = 0;
    for (; i < n; i++) {
        if (m[i] == '(' || m[i] == '[' || m[i] == '{')
            depth++;
        else if (m[i] == ')' || m[i] == ']' || m[i] == '}') {
            if (--depth == 0)
                return i;
        }
    }
    return n;
}

static int word_at(const char *m, size_t n, size_t i, const char *w)
{
    size_t k = strlen(w);
    return i + k <= n && memcmp(m + i, w, k) == 0 && (i + k == n || !is_ident_char(m[i + k])) &&
           (i == 0 || !is_ident_char(m[i - 1]));
}

static size_t ident_end(const char *m, size_t n, size_t i)
{
    while (i < n && is_ident_char(m[i]))
        i++;
    return i;
}

static int same_name(const char *s, size_t start, size_t end, const char *name)
{
    return start != RX_UNSET && strlen(name) == end - start && memcmp(s + start, name, end - start) == 0;
}

static int set_block(const code_text *ct, size_t open, code_span *out)
{
    size_t close = match_close(ct->masked, ct->len, open);
    if (close >= ct->len)
        return 0;
    out->start = open;
    out->end = close + 1;
    out->found = 1;
    return 1;
}

/* From a `(` of a parameter list: the function's `{ ... }` block. */
static int js_params_then_block(const code_text *ct, size_t paren, code_span *out)
{
    const char *m = ct->masked;
    size_t n = ct->len;
    size_t close = match_close(m, n, paren);
    if (close >= n)
        return 0;
    /* Skip a TypeScript return type up to the body's brace. */
    for (size_t i = close + 1; i < n; i++) {
        if (m[i] == '{')
            return set_block(ct, i, out);
        if (m[i] == ';' || m[i] == '}' || (m[i] == '=' && i + 1 < n && m[i + 1] == '>'))
            return 0;
    }
    return 0;
}

static int js_arrow_body(const code_text *ct, size_t arrow_end, code_span *out)
{
    const char *m = ct->masked;
    size_t n = ct->len;
    size_t i = skip_ws(m, n, arrow_end);
    if (i < n && m[i] == '{')
        return set_block(ct, i, out);
    /* An expression body: up to a ';' or an unopened closing bracket. */
    int depth = 0;
    size_t j = i;
    for (; j < n; j++) {
        if (m[j] == '(' || m[j] == '[' || m[j] == '{')
            depth++;
        else if (m[j] == ')' || m[j] == ']' || m[j] == '}') {
            if (--depth < 0)
                break;
        } else if (depth == 0 && (m[j] == ';' || m[j] == ',')) {
            break;
        } else if (depth == 0 && m[j] == '\n') {
            size_t k = skip_ws(m, n, j);
            if (k >= n || !strchr(".?:+-*/|&", m[k]))
                break;
        }
    }
    if (j == i)
        return 0;
    out->start = i;
    out->end = j;
    out->found = 1;
    return 1;
}

static int js_resolve(const code_text *ct, const char *name, int hops, code_span *out);

/* A name the file never defines comes from another module. */
static int js_resolve_or_import(const code_text *ct, const char *name, int hops, code_span *out)
{
    if (js_resolve(ct, name, hops, out))
        return 1;
    out->elsewhere = 1;
    return 0;
}

/* The function a value expression at `i` stands for. */
static int js_value(const code_text *ct, size_t i, int hops, code_span *out)
{
    const char *m = ct->masked;
    size_t n = ct->len;
    if (hops > JS_MAX_HOPS)
        return 0;
    i = skip_ws(m, n, i);
    if (word_at(m, n, i, "async"))
        i = skip_ws(m, n, i + 5);
    if (word_at(m, n, i, "function")) {
        size_t p = i + 8;
        while (p < n && m[p] != '(' && m[p] != '{' && m[p] != ';')
            p++;
        return p < n && m[p] == '(' && js_params_then_block(ct, p, out);
    }
    if (i < n && m[i] == '(') {
        size_t close = match_close(m, n, i);
        if (close >= n)
            return 0;
        size_t p = skip_ws(m, n, close + 1);
        if (p < n && m[p] == ':') /* TypeScript return type */
            while (p < n && !(m[p] == '=' && p + 1 < n && m[p + 1] == '>') && m[p] != ';' && m[p] != '{')
                p++;
        if (p + 1 < n && m[p] == '=' && m[p + 1] == '>')
            return js_arrow_body(ct, p + 2, out);
        return js_value(ct, i + 1, hops + 1, out); /* (expr) */
    }
    if (i < n && is_ident_char(m[i]) && !(m[i] >= '0' && m[i] <= '9')) {
        size_t e = ident_end(m, n, i);
        size_t dotted = e;
        while (dotted < n && m[dotted] == '.' && dotted + 1 < n && is_ident_char(m[dotted + 1]))
            dotted = ident_end(m, n, dotted + 1);
        size_t p = skip_ws(m, n, dotted);
        if (dotted == e && p + 1 < n && m[p] == '=' && m[p + 1] == '>')
            return js_arrow_body(ct, p + 2, out);
        if (p < n && m[p] == '(') {
            if ((dotted - i == 7 && memcmp(m + i, "require", 7) == 0) ||
                (dotted - i == 6 && memcmp(m + i, "import", 6) == 0)) {
                out->elsewhere = 1; /* exports.handler = require('./impl').handler */
                return 0;
            }
            /* A wrapper call such as middy(fn) or wrap(async (e) => {...}):
             * the first argument is the handler. */
            return js_value(ct, p + 1, hops + 1, out);
        }
        if (dotted == e) { /* a plain name: the function it names */
            char name[128];
            if (e - i >= sizeof name)
                return 0;
            memcpy(name, m + i, e - i);
            name[e - i] = '\0';
            return js_resolve_or_import(ct, name, hops + 1, out);
        }
    }
    return 0;
}

/* A named function defined in the file: `[async] function name(...)` or
 * `const name = <function value>`. */
static int js_resolve(const code_text *ct, const char *name, int hops, code_span *out)
{
    const char *m = ct->masked;
    size_t n = ct->len, ov[4];
    const rx *fn = rx_get("\\bfunction\\s*\\*?\\s*(" IDENT ")\\s*[(<]", 0);
    for (size_t at = 0; rx_find(fn, m, n, at, ov, 2); at = ov[1]) {
        if (same_name(m, ov[2], ov[3], name)) {
            size_t p = ov[3];
            while (p < n && m[p] != '(')
                p++;
            return p < n && js_params_then_block(ct, p, out);
        }
    }
    const rx *var = rx_get("\\b(?:const|let|var)\\s+(" IDENT ")\\s*(?::[^=;]*)?=(?![=>])", 0);
    for (size_t at = 0; rx_find(var, m, n, at, ov, 2); at = ov[1]) {
        if (same_name(m, ov[2], ov[3], name))
            return js_value(ct, ov[1], hops, out);
    }
    return 0;
}

/* `export { a as handler, b }`: the local name exported as `name`. */
static int js_export_list(const code_text *ct, size_t from, size_t to, const char *name, code_span *out)
{
    const char *m = ct->masked;
    size_t i = from;
    while (i < to) {
        i = skip_ws(m, to, i);
        size_t local = i, local_end = ident_end(m, to, i);
        size_t exported = local, exported_end = local_end;
        size_t p = skip_ws(m, to, local_end);
        if (word_at(m, to, p, "as")) {
            exported = skip_ws(m, to, p + 2);
            exported_end = ident_end(m, to, exported);
            p = skip_ws(m, to, exported_end);
        }
        if (local_end > local && same_name(m, exported, exported_end, name)) {
            char local_name[128];
            if (local_end - local >= sizeof local_name)
                return 0;
            memcpy(local_name, m + local, local_end - local);
            local_name[local_end - local] = '\0';
            out->name_off = exported;
            return js_resolve_or_import(ct, local_name, 1, out);
        }
        while (p < to && m[p] != ',')
            p++;
        i = p + 1;
    }
    return 0;
}

/* `module.exports = { handler, other: fn, async handler(e) {...} }`. */
static int js_export_object(const code_text *ct, size_t open, const char *name, code_span *out)
{
    const char *m = ct->masked, *t = ct->text;
    size_t n = ct->len;
    size_t close = match_close(m, n, open);
    size_t i = open + 1;
    while (i < close) {
        i = skip_ws(m, close, i);
        if (word_at(m, close, i, "async"))
            i = skip_ws(m, close, i + 5);
        size_t key = i, key_end;
        if (i < close && (m[i] == '\'' || m[i] == '"')) { /* quoted key: read the original */
            key = i + 1;
            key_end = key;
            while (key_end < close && t[key_end] != m[i])
                key_end++;
            i = key_end + 1;
        } else {
            key_end = ident_end(m, close, i);
            i = key_end;
        }
        size_t p = skip_ws(m, close, i);
        if (key_end > key && same_name(t, key, key_end, name)) {
            out->name_off = key;
            if (p >= close || m[p] == ',')
                return js_resolve_or_import(ct, name, 1, out);
            if (m[p] == ':')
                return js_value(ct, p + 1, 1, out);
            if (m[p] == '(')
                return js_params_then_block(ct, p, out);
            return 0;
        }
        /* Skip this entry's value. */
        int depth = 0;
        for (; p < close; p++) {
            if (m[p] == '(' || m[p] == '[' || m[p] == '{')
                depth++;
            else if (m[p] == ')' || m[p] == ']' || m[p] == '}')
                depth--;
            else if (m[p] == ',' && depth == 0)
                break;
        }
        i = p + 1;
    }
    return 0;
}

static int js_find(const code_text *ct, const char *name, code_span *out)
{
    const char *m = ct->masked;
    size_t n = ct->len, ov[4];
    /* exports.x = ... / module.exports.x = ... */
    const rx *assign = rx_get("\\bexports\\.(" IDENT ")\\s*=(?![=>])", 0);
    for (size_t at = 0; rx_find(assign, m, n, at, ov, 2); at = ov[1]) {
        if (same_name(m, ov[2], ov[3], name)) {
            out->name_off = ov[2];
            return js_value(ct, ov[1], 0, out);
        }
    }
    /* export const x = ... */
    const rx *decl = rx_get("\\bexport\\s+(?:const|let|var)\\s+(" IDENT ")\\s*(?::[^=;]*)?=(?![=>])", 0);
    for (size_t at = 0; rx_find(decl, m, n, at, ov, 2); at = ov[1]) {
        if (same_name(m, ov[2], ov[3], name)) {
            out->name_off = ov[2];
            return js_value(ct, ov[1], 0, out);
        }
    }
    /* export [async] function x(...) */
    const rx *fn = rx_get("\\bexport\\s+(?:async\\s+)?function\\s*\\*?\\s*(" IDENT ")\\s*[(<]", 0);
    for (size_t at = 0; rx_find(fn, m, n, at, ov, 2); at = ov[1]) {
        if (same_name(m, ov[2], ov[3], name)) {
            out->name_off = ov[2];
            return js_value(ct, ov[0] + 6, 0, out);
        }
    }
    /* export { f as x } */
    const rx *list = rx_get("\\bexport\\s*\\{([^}]*)\\}", 0);
    for (size_t at = 0; rx_find(list, m, n, at, ov, 2); at = ov[1]) {
        if (js_export_list(ct, ov[2], ov[3], name, out) || out->name_off)
            return out->found;
    }
    /* module.exports = { x } */
    const rx *obj = rx_get("\\bmodule\\.exports\\s*=\\s*\\{", 0);
    for (size_t at = 0; rx_find(obj, m, n, at, ov, 1); at = ov[1]) {
        if (js_export_object(ct, ov[1] - 1, name, out) || out->name_off)
            return out->found;
    }
    return 0;
}

static size_t line_end(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != '\n')
        i++;
    return i;
}

static size_t indent_of(const char *s, size_t n, size_t start)
{
    size_t i = start;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i - start;
}

static int py_find(const code_text *ct, const char *name, code_span *out)
{
    const char *m = ct->masked;
    size_t n = ct->len, ov[6];
    size_t best = RX_UNSET, best_name = 0;
    const rx *def = rx_get("^([ \\t]*)(?:async[ \\t]+)?def[ \\t]+([A-Za-z_]\\w*)[ \\t]*\\(", RX_MULTILINE);
    for (size_t at = 0; rx_find(def, m, n, at, ov, 3); at = ov[1]) {
        if (same_name(m, ov[4], ov[5], name) && (best == RX_UNSET || ov[3] == ov[2])) {
            best = ov[0];
            best_name = ov[4];
            if (ov[3] == ov[2])
                break; /* top level wins */
        }
    }
    if (best == RX_UNSET) {
        const rx *assign = rx_get("^([A-Za-z_]\\w*)[ \\t]*=(?!=)", RX_MULTILINE);
        for (size_t at = 0; rx_find(assign, m, n, at, ov, 2); at = ov[1])
            if (same_name(m, ov[2], ov[3], name)) {
                out->name_off = ov[2];
                break;
            }
        return 0;
    }
    out->name_off = best_name;
    size_t def_indent = indent_of(m, n, best);
    size_t paren = best_name;
    while (paren < n && m[paren] != '(')
        paren++;
    size_t i = match_close(m, n, paren);
    int depth = 0;
    for (i = i < n ? i + 1 : n; i < n; i++) { /* the ':' ending the header */
        if (m[i] == '(' || m[i] == '[' || m[i] == '{')
            depth++;
        else if (m[i] == ')' || m[i] == ']' || m[i] == '}')
            depth--;
        else if (m[i] == ':' && depth == 0)
            break;
    }
    if (i >= n)
        return 0;
    out->start = best;
    size_t eol = line_end(m, n, i);
    size_t k = skip_ws(m, eol, i + 1);
    if (k < eol) { /* def f(x): return x */
        out->end = eol;
        out->found = 1;
        return 1;
    }
    out->end = eol;
    for (size_t ls = eol + 1; ls < n; ls = line_end(m, n, ls) + 1) {
        size_t ind = indent_of(m, n, ls);
        size_t le = line_end(m, n, ls);
        if (ls + ind >= le || m[ls + ind] == '\r')
            continue; /* blank, or comment-only once masked */
        if (ind <= def_indent)
            break;
        out->end = le;
    }
    out->found = 1;
    return 1;
}

int code_find_handler(const code_text *ct, const char *name, code_span *out)
{
    out->found = 0;
    out->elsewhere = 0;
    out->start = 0;
    out->end = ct->len;
    out->name_off = 0;
    if (!ct->masked || !name || !*name || strlen(name) >= 128)
        return 0;
    int ok = ct->lang == CODE_JS ? js_find(ct, name, out) : ct->lang == CODE_PY ? py_find(ct, name, out) : 0;
    if (!ok) {
        out->found = 0;
        out->start = 0;
        out->end = ct->len;
    }
    return ok;
}

int code_has_ident(const code_text *ct, const char *name)
{
    const char *m = ct->masked ? ct->masked : ct->text;
    size_t k = strlen(name);
    if (k == 0)
        return 0;
    for (const char *p = m; (p = strstr(p, name)) != NULL; p++) {
        size_t at = (size_t)(p - m);
        if ((at == 0 || !is_ident_char(m[at - 1])) && (at + k >= ct->len || !is_ident_char(m[at + k])))
            return 1;
    }
    return 0;
}
