/* lsp: samlint as a language server: diagnostics on every change, hover, code actions. */
#include "lsp.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "arena.h"
#include "cfg.h"
#include "code.h"
#include "fix.h"
#include "lsp_rpc.h"
#include "lsp_schema.h"
#include "out.h"
#include "params.h"
#include "rfile.h"
#include "ruledoc.h"
#include "secret.h"
#include "version.h"

/* JSON-RPC and LSP error codes. */
enum {
    ERR_PARSE = -32700, ERR_INVALID_REQUEST = -32600, ERR_METHOD_NOT_FOUND = -32601,
    ERR_INVALID_PARAMS = -32602, ERR_NOT_INITIALIZED = -32002
};

/* Templates a handler file's folder and its parents may hold: how far up,
 * and how many files a folder may offer. */
#define CODE_SEARCH_LEVELS 4
#define CODE_SEARCH_FILES 64
/* A template on disk larger than this is not linted again on every
 * keystroke in a handler file, only when it is opened or saved. */
#define CODE_LIVE_MAX ((off_t)1 << 20)

typedef struct line_index { size_t *start; size_t n; } line_index;

typedef struct lsp_doc {
    char *uri;
    char *path;              /* the file (decoded URI), canonical when it exists */
    char *text;
    size_t len, cap;
    int is_code;             /* handler source: gets the SL4xx findings of templates */
    long long version;       /* the client's, published with the diagnostics; -1 unknown */
    int is_json;
    lint_result res;         /* templates: the last lint */
    int have_res;
    char **cands;            /* handler source: templates on disk that may use it */
    int *cand_big;           /* larger than CODE_LIVE_MAX: linted again at save only */
    lint_result *disk;       /* the lint of each, when it has findings in this file */
    int *have_disk;
    size_t n_cands;
} lsp_doc;

typedef struct cfg_entry {
    char *path;              /* the .samlint.yaml */
    struct timespec mtime;
    off_t size;
    lint_config cfg;
} cfg_entry;

typedef struct lsp_server {
    int out_fd;
    int initialized, shutdown;
    int utf8;                /* positions in UTF-8 bytes, else UTF-16 code units */
    const lint_config *base;
    lint_config plain;       /* no config file */
    /* initializationOptions (over the command line's): */
    int today;               /* YYYYMMDD */
    size_t max_file_size;
    char *config_path;       /* "config": this file for every document, not the nearest */
    int no_config;           /* "noConfig": true */
    param_list params;       /* "parameters", "parametersFile" */
    int have_params;
    lsp_doc **docs;
    size_t n_docs;
    cfg_entry *cfgs;
    size_t n_cfgs;
} lsp_server;

/* ---- output ---- */

static void send_json(lsp_server *s, cJSON *msg)
{
    cJSON_AddStringToObject(msg, "jsonrpc", "2.0");
    char *text = cJSON_PrintUnformatted(msg);
    if (text && rpc_write(s->out_fd, text, strlen(text)) != 0) s->shutdown = 2;  /* the client is gone */
    cJSON_free(text);
    cJSON_Delete(msg);
}

static void reply(lsp_server *s, const cJSON *id, cJSON *result)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
    send_json(s, m);
}

static void reply_error(lsp_server *s, const cJSON *id, int code, const char *message)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON *e = cJSON_AddObjectToObject(m, "error");
    cJSON_AddNumberToObject(e, "code", code);
    out_json_str(e, "message", message);
    send_json(s, m);
}

static void notify(lsp_server *s, const char *method, cJSON *params)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "method", method);
    cJSON_AddItemToObject(m, "params", params);
    send_json(s, m);
}

static void show_message(lsp_server *s, int type, const char *text)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddNumberToObject(p, "type", type);
    out_json_str(p, "message", text);
    notify(s, "window/showMessage", p);
}

/* ---- positions ---- */

static void index_lines(line_index *li, const char *text, size_t len)
{
    size_t n = 1;
    for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) n++;
    li->start = xcalloc(n, sizeof *li->start);
    li->n = 0;
    li->start[li->n++] = 0;
    for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL;)
        li->start[li->n++] = (size_t)(++p - text);
}

/* Length of the UTF-8 sequence at p (1 for a byte that starts none). */
static size_t char_len(const unsigned char *p, const unsigned char *end)
{
    size_t n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 1;
    if ((size_t)(end - p) < n) return 1;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80) return 1;
    return n;
}

/* End of line `line` (0-based), before its "\n" (and a "\r" before it). */
static size_t line_end(const line_index *li, const char *text, size_t len, size_t line)
{
    size_t e = line + 1 < li->n ? li->start[line + 1] - 1 : len;
    if (e > li->start[line] && text[e - 1] == '\r' && e < len) e--;
    return e;
}

/* An LSP position to a byte offset, clamped to the text. */
static size_t lsp_offset(const lsp_server *s, const line_index *li, const char *text, size_t len, long long line,
                         long long character)
{
    if (line < 0) return 0;
    if ((size_t)line >= li->n) return len;
    size_t off = li->start[line], end = line_end(li, text, len, (size_t)line);
    for (long long units = 0; off < end && units < character;) {
        size_t n = char_len((const unsigned char *)text + off, (const unsigned char *)text + end);
        units += s->utf8 ? (long long)n : n == 4 ? 2 : 1;
        if (units > character) break;  /* inside a surrogate pair: stay before it */
        off += n;
    }
    return off;
}

/* A byte offset to an LSP position. */
static void lsp_position(const lsp_server *s, const line_index *li, const char *text, size_t len, size_t off,
                         cJSON *pos)
{
    if (off > len) off = len;
    size_t lo = 0, hi = li->n;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (li->start[mid] <= off) lo = mid;
        else hi = mid;
    }
    long long units = 0;
    for (size_t i = li->start[lo]; i < off;) {
        size_t n = char_len((const unsigned char *)text + i, (const unsigned char *)text + len);
        units += s->utf8 ? (long long)n : n == 4 ? 2 : 1;
        i += n;
    }
    cJSON_AddNumberToObject(pos, "line", (double)lo);
    cJSON_AddNumberToObject(pos, "character", (double)units);
}

/* samlint's 1-based line and column (in characters) to a byte offset. A
 * BOM is not part of samlint's text: line 1 starts after it. */
static size_t samlint_offset(const line_index *li, const char *text, size_t len, uint32_t line, uint32_t col)
{
    if (line < 1) return 0;
    if (line > li->n) return len;
    size_t off = li->start[line - 1];
    if (line == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) off = 3;
    size_t end = line_end(li, text, len, line - 1);
    for (uint32_t c = 1; c < col && off < end; c++)
        off += char_len((const unsigned char *)text + off, (const unsigned char *)text + end);
    return off;
}

static cJSON *range_of(const lsp_server *s, const line_index *li, const char *text, size_t len, size_t from, size_t to)
{
    cJSON *r = cJSON_CreateObject();
    lsp_position(s, li, text, len, from, cJSON_AddObjectToObject(r, "start"));
    lsp_position(s, li, text, len, to < from ? from : to, cJSON_AddObjectToObject(r, "end"));
    return r;
}

/* ---- documents ---- */

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A file URI's path, percent-decoded (malloc'd); other URIs as they are. */
static char *uri_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0) return xstrdup(uri);
    const char *p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0) p += 9;
    char *out = xrealloc(NULL, strlen(p) + 1), *o = out;
    for (; *p; p++) {
        int h, l;
        if (*p == '%' && (h = hexval(p[1])) >= 0 && (l = hexval(p[2])) >= 0 && (h || l)) {
            *o++ = (char)(h * 16 + l);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    char *real = realpath(out, NULL);
    if (real) {
        free(out);
        return real;
    }
    return out;
}

static lsp_doc *ldoc_find(lsp_server *s, const char *uri)
{
    for (size_t i = 0; i < s->n_docs; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0) return s->docs[i];
    return NULL;
}

static void doc_release_cands(lsp_doc *d)
{
    for (size_t i = 0; i < d->n_cands; i++) {
        free(d->cands[i]);
        if (d->have_disk[i]) lint_result_release(&d->disk[i]);
    }
    free(d->cands);
    free(d->cand_big);
    free(d->disk);
    free(d->have_disk);
    d->cands = NULL;
    d->cand_big = d->have_disk = NULL;
    d->disk = NULL;
    d->n_cands = 0;
}

static void ldoc_free(lsp_doc *d)
{
    if (d->have_res) lint_result_release(&d->res);
    doc_release_cands(d);
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d);
}

/* JSON has no comments: no suppression comment goes in. */
static void doc_sniff(lsp_doc *d)
{
    size_t i = d->len >= 3 && memcmp(d->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\t' || d->text[i] == '\n' || d->text[i] == '\r')) i++;
    d->is_json = i < d->len && d->text[i] == '{';
}

static void doc_set_text(lsp_doc *d, const char *text, size_t len)
{
    if (len + 1 > d->cap) {
        d->cap = len + 1;
        d->text = xrealloc(d->text, d->cap);
    }
    memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    doc_sniff(d);
}

/* Replace [from, to) of the text with `text`. */
static void doc_splice(lsp_doc *d, size_t from, size_t to, const char *text, size_t len)
{
    size_t new_len = d->len - (to - from) + len;
    if (new_len + 1 > d->cap) {
        d->cap = new_len + 1 + new_len / 2;
        d->text = xrealloc(d->text, d->cap);
    }
    memmove(d->text + from + len, d->text + to, d->len - to + 1);
    memcpy(d->text + from, text, len);
    d->len = new_len;
    doc_sniff(d);
}

/* ---- configuration ---- */

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return xstrdup(".");
    if (slash == path) return xstrdup("/");
    char *d = xrealloc(NULL, (size_t)(slash - path) + 1);
    memcpy(d, path, (size_t)(slash - path));
    d[slash - path] = '\0';
    return d;
}

/* The nearest .samlint.yaml from the document's folder upward (malloc'd), or NULL. */
static char *find_config(const char *doc_path)
{
    return cfg_find_for(doc_path);
}

static void config_defaults(lsp_server *s, lint_config *cfg)
{
    lint_config_init(cfg);
    cfg->today = s->today;
    cfg->max_file_size = s->max_file_size;
    cfg->params = s->have_params ? &s->params : s->base->params;  /* else --parameters given with --lsp */
}

/* The config for a document: cached per file, loaded again when its
 * modification time or size changed. A broken file is reported and the
 * defaults apply. */
static const lint_config *config_for(lsp_server *s, const char *doc_path)
{
    if (s->no_config) return &s->plain;
    char *path = s->config_path ? xstrdup(s->config_path) : find_config(doc_path);
    if (!path) return &s->plain;
    struct stat st;
    if (stat(path, &st) != 0) {
        free(path);
        return &s->plain;
    }
    cfg_entry *e = NULL;
    for (size_t i = 0; i < s->n_cfgs && !e; i++)
        if (strcmp(s->cfgs[i].path, path) == 0) e = &s->cfgs[i];
    if (e && e->size == st.st_size && e->mtime.tv_sec == st.st_mtim.tv_sec && e->mtime.tv_nsec == st.st_mtim.tv_nsec) {
        free(path);
        return &e->cfg;
    }
    if (!e) {
        s->cfgs = xrealloc(s->cfgs, (s->n_cfgs + 1) * sizeof *s->cfgs);
        e = &s->cfgs[s->n_cfgs++];
        e->path = path;
        path = NULL;
    } else {
        lint_config_release(&e->cfg);
    }
    free(path);
    e->size = st.st_size;
    e->mtime = st.st_mtim;
    config_defaults(s, &e->cfg);
    char err[1024];
    if (cfg_load(&e->cfg, e->path, err, sizeof err) < 0) {
        lint_config_release(&e->cfg);
        config_defaults(s, &e->cfg);
        char msg[1200];
        snprintf(msg, sizeof msg, "samlint: %s (linting with the defaults)", err);
        show_message(s, 1, msg);
    }
    lint_config_resolve(&e->cfg);
    return &e->cfg;
}

static void forget_configs(lsp_server *s)
{
    for (size_t i = 0; i < s->n_cfgs; i++) {
        lint_config_release(&s->cfgs[i].cfg);
        free(s->cfgs[i].path);
    }
    free(s->cfgs);
    s->cfgs = NULL;
    s->n_cfgs = 0;
}

/* ---- diagnostics ---- */

static int same_file(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) return 1;
    char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
    int same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

static const char *url_of(const rule *r, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s.md", SAMLINT_RULE_URL, r->id);
    return buf;
}

/* The first key SL003's message names ("(first at line N)"), as a range. */
static cJSON *related_first_key(const lsp_server *s, const lsp_doc *d, const line_index *li, const finding *f)
{
    const char *at = strstr(f->message, "(first at line ");
    unsigned long line = at ? strtoul(at + 15, NULL, 10) : 0;
    if (!line || line > li->n) return NULL;
    size_t off = li->start[line - 1], end = line_end(li, d->text, d->len, line - 1);
    while (off < end && (d->text[off] == ' ' || d->text[off] == '\t' || d->text[off] == '-')) off++;
    size_t stop = off;
    while (stop < end && d->text[stop] != ':') stop++;
    cJSON *arr = cJSON_CreateArray();
    cJSON *rel = cJSON_CreateObject();
    cJSON *loc = cJSON_AddObjectToObject(rel, "location");
    out_json_str(loc, "uri", d->uri);
    cJSON_AddItemToObject(loc, "range", range_of(s, li, d->text, d->len, off, stop));
    cJSON_AddStringToObject(rel, "message", "first defined here");
    cJSON_AddItemToArray(arr, rel);
    return arr;
}

static cJSON *diagnostic(const lsp_server *s, const lsp_doc *d, const line_index *li, const finding *f)
{
    cJSON *o = cJSON_CreateObject();
    size_t from = samlint_offset(li, d->text, d->len, f->line, f->col);
    size_t to = samlint_offset(li, d->text, d->len, f->end_line, f->end_col);
    if (f->end_line < f->line || (f->end_line == f->line && f->end_col <= f->col)) {
        /* A point: the rest of the word there. */
        to = from;
        while (to < d->len && d->text[to] != '\n' && d->text[to] != '\r' && d->text[to] != ' ') to++;
    }
    cJSON_AddItemToObject(o, "range", range_of(s, li, d->text, d->len, from, to));
    cJSON_AddNumberToObject(o, "severity", f->sev == SEV_ERROR ? 1 : f->sev == SEV_WARNING ? 2 : 3);
    cJSON_AddStringToObject(o, "code", f->rule->id);
    char url[256];
    cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "codeDescription"), "href", url_of(f->rule, url, sizeof url));
    cJSON_AddStringToObject(o, "source", "samlint");
    char text[1400];
    snprintf(text, sizeof text, "%s [%s]", f->message, f->rule->name);
    out_json_str(o, "message", text);
    if (strcmp(f->rule->id, "SL007") == 0) {
        cJSON *tags = cJSON_AddArrayToObject(o, "tags");
        cJSON_AddItemToArray(tags, cJSON_CreateNumber(1));  /* Unnecessary */
    }
    if (strcmp(f->rule->id, "SL003") == 0 && !d->is_code) {
        cJSON *rel = related_first_key(s, d, li, f);
        if (rel) cJSON_AddItemToObject(o, "relatedInformation", rel);
    }
    return o;
}

/* Does finding f belong in document d's diagnostics? */
static int finding_in(const lint_result *r, const finding *f, const lsp_doc *d)
{
    if (f->suppressed) return 0;
    int own = f->file == r->path || strcmp(f->file, r->path) == 0;
    if (!d->is_code) return own;
    return !own && same_file(f->file, d->path);
}

typedef void (*finding_fn)(lsp_server *s, lsp_doc *d, const lint_result *r, const finding *f, void *user);

/* Every finding shown in d: its own lint, or for handler source the
 * findings in it of the open templates and of those on disk that use it. */
static void each_finding(lsp_server *s, lsp_doc *d, finding_fn fn, void *user)
{
    if (!d->is_code) {
        for (size_t i = 0; d->have_res && i < d->res.n_findings; i++)
            if (finding_in(&d->res, &d->res.findings[i], d)) fn(s, d, &d->res, &d->res.findings[i], user);
        return;
    }
    for (size_t k = 0; k < s->n_docs; k++) {
        const lsp_doc *t = s->docs[k];
        for (size_t i = 0; !t->is_code && t->have_res && i < t->res.n_findings; i++)
            if (finding_in(&t->res, &t->res.findings[i], d)) fn(s, d, &t->res, &t->res.findings[i], user);
    }
    for (size_t j = 0; j < d->n_cands; j++) {
        if (!d->have_disk[j]) continue;
        const lint_result *r = &d->disk[j];
        int open = 0;
        for (size_t k = 0; k < s->n_docs && !open; k++) open = !s->docs[k]->is_code && strcmp(s->docs[k]->path, r->path) == 0;
        for (size_t i = 0; !open && i < r->n_findings; i++)
            if (finding_in(r, &r->findings[i], d)) fn(s, d, r, &r->findings[i], user);
    }
}

typedef struct diag_acc { cJSON *arr; line_index li; } diag_acc;

static void add_diagnostic(lsp_server *s, lsp_doc *d, const lint_result *r, const finding *f, void *user)
{
    (void)r;
    diag_acc *acc = user;
    cJSON_AddItemToArray(acc->arr, diagnostic(s, d, &acc->li, f));
}

static void publish(lsp_server *s, lsp_doc *d)
{
    diag_acc acc = {cJSON_CreateArray(), {0}};
    index_lines(&acc.li, d->text, d->len);
    each_finding(s, d, add_diagnostic, &acc);
    free(acc.li.start);
    cJSON *p = cJSON_CreateObject();
    out_json_str(p, "uri", d->uri);
    if (d->version >= 0) cJSON_AddNumberToObject(p, "version", (double)d->version);
    cJSON_AddItemToObject(p, "diagnostics", acc.arr);
    notify(s, "textDocument/publishDiagnostics", p);
}

/* Handler files as the rules will read them: the open buffers, else the
 * disk (read again: they may have changed). */
static void load_code(lsp_server *s)
{
    code_cache_forget();
    for (size_t i = 0; i < s->n_docs; i++)
        if (s->docs[i]->is_code) code_cache_put(s->docs[i]->path, s->docs[i]->text, s->docs[i]->len);
}

static void lint_doc(lsp_server *s, lsp_doc *d)
{
    if (d->is_code) return;
    if (d->have_res) lint_result_release(&d->res);
    load_code(s);
    lint_buffer(config_for(s, d->path), d->path, d->text, d->len, 0, &d->res);
    d->have_res = 1;
}

static int is_template_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0 || strcmp(dot, ".json") == 0 ||
                   strcmp(dot, ".template") == 0);
}

/* Does the file at `path` mention `word`? (A template that uses a handler
 * file names its module: "Handler: app.handler" for app.js.) */
static int file_mentions(const char *path, const char *word, size_t max)
{
    char *buf = NULL, err[128];
    size_t len = 0;
    int found = rfile_read(path, max, &buf, &len, err, sizeof err) == RFILE_OK && *word &&
                memmem(buf, len, word, strlen(word)) != NULL;
    free(buf);
    return found;
}

/* The templates in a handler file's folder and the folders above it that
 * name its module: those that may use it. */
static void find_code_templates(lsp_server *s, lsp_doc *d)
{
    doc_release_cands(d);
    if (d->path[0] != '/') return;
    const char *base = strrchr(d->path, '/') + 1, *dot = strrchr(base, '.');
    char stem[256];
    snprintf(stem, sizeof stem, "%.*s", (int)(dot && dot > base ? (size_t)(dot - base) : strlen(base)), base);
    char *dir = dir_of(d->path);
    for (int level = 0; level < CODE_SEARCH_LEVELS; level++) {
        DIR *dh = opendir(dir);
        int seen = 0;
        struct dirent *e;
        while (dh && seen < CODE_SEARCH_FILES && (e = readdir(dh)) != NULL) {
            if (e->d_name[0] == '.' || !is_template_name(e->d_name)) continue;
            seen++;
            size_t n = strlen(dir) + strlen(e->d_name) + 2;
            char *path = xrealloc(NULL, n);
            snprintf(path, n, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, e->d_name);
            struct stat st;
            if (file_mentions(path, stem, s->max_file_size) && stat(path, &st) == 0) {
                d->cands = xrealloc(d->cands, (d->n_cands + 1) * sizeof *d->cands);
                d->cand_big = xrealloc(d->cand_big, (d->n_cands + 1) * sizeof *d->cand_big);
                d->disk = xrealloc(d->disk, (d->n_cands + 1) * sizeof *d->disk);
                d->have_disk = xrealloc(d->have_disk, (d->n_cands + 1) * sizeof *d->have_disk);
                d->cand_big[d->n_cands] = st.st_size > CODE_LIVE_MAX;
                d->have_disk[d->n_cands] = 0;
                d->cands[d->n_cands++] = path;
            } else {
                free(path);
            }
        }
        if (dh) closedir(dh);
        if (strcmp(dir, "/") == 0) break;
        char *up = dir_of(dir);
        free(dir);
        dir = up;
    }
    free(dir);
}

/* Lint, from disk (handler files as open in the editor), the templates that
 * may use a handler file; keep those that have findings in it. While it is
 * being typed in (`live`), a large template keeps its last lint. */
static void lint_code_templates(lsp_server *s, lsp_doc *d, int live)
{
    load_code(s);
    for (size_t i = 0; i < d->n_cands; i++) {
        if (live && d->cand_big[i]) continue;
        if (d->have_disk[i]) lint_result_release(&d->disk[i]);
        d->have_disk[i] = 0;
        lint_result *r = &d->disk[i];
        lint_path(config_for(s, d->cands[i]), d->cands[i], 0, r);
        int uses = 0;
        for (size_t k = 0; k < r->n_findings && !uses; k++) uses = finding_in(r, &r->findings[k], d);
        if (uses) d->have_disk[i] = 1;
        else lint_result_release(r);
    }
}

/* After a template changed: its diagnostics, and those of open handler files. */
static void refresh(lsp_server *s, lsp_doc *changed)
{
    lint_doc(s, changed);
    publish(s, changed);
    for (size_t i = 0; i < s->n_docs; i++)
        if (s->docs[i]->is_code && s->docs[i] != changed) publish(s, s->docs[i]);
}

static void refresh_all(lsp_server *s)
{
    for (size_t i = 0; i < s->n_docs; i++) {
        if (s->docs[i]->is_code) {
            find_code_templates(s, s->docs[i]);
            lint_code_templates(s, s->docs[i], 0);
        } else {
            lint_doc(s, s->docs[i]);
        }
    }
    for (size_t i = 0; i < s->n_docs; i++) publish(s, s->docs[i]);
}

/* After a handler file changed in the editor: the open templates (they
 * read it as it is in the buffer), the templates on disk that use it, and
 * the diagnostics of every open document. */
static void refresh_code(lsp_server *s, lsp_doc *changed, int live)
{
    for (size_t i = 0; i < s->n_docs; i++)
        if (!s->docs[i]->is_code) lint_doc(s, s->docs[i]);
    if (changed) lint_code_templates(s, changed, live);
    for (size_t i = 0; i < s->n_docs; i++) publish(s, s->docs[i]);
}

/* ---- requests ---- */

static const char *str_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int num_at(const cJSON *o, const char *key, long long *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 4e9) return 0;
    *out = (long long)v->valuedouble;
    return 1;
}

static lsp_doc *doc_of_params(lsp_server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const char *uri = str_at(td, "uri");
    return uri ? ldoc_find(s, uri) : NULL;
}

static void option_error(lsp_server *s, const char *key, const char *want)
{
    char msg[256];
    snprintf(msg, sizeof msg, "samlint: initializationOptions.%s wants %s; ignored", key, want);
    show_message(s, 1, msg);
}

/* The editor's settings for what .samlint.yaml does not say: today,
 * maxFileSize, config, noConfig, parameters, parametersFile. A wrong value
 * is reported and ignored. */
static void read_options(lsp_server *s, const cJSON *io)
{
    if (!cJSON_IsObject(io)) return;
    const cJSON *v;
    if ((v = cJSON_GetObjectItemCaseSensitive(io, "today"))) {
        int y, m, d;
        char tail;
        if (cJSON_IsString(v) && sscanf(v->valuestring, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && y >= 1970 && m >= 1 &&
            m <= 12 && d >= 1 && d <= 31)
            s->today = y * 10000 + m * 100 + d;
        else
            option_error(s, "today", "a date, YYYY-MM-DD");
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(io, "maxFileSize"))) {
        if (cJSON_IsNumber(v) && v->valuedouble >= 1 && v->valuedouble <= 4e9) s->max_file_size = (size_t)v->valuedouble;
        else option_error(s, "maxFileSize", "a number of bytes");
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(io, "config"))) {
        if (cJSON_IsString(v) && *v->valuestring) {
            free(s->config_path);
            s->config_path = xstrdup(v->valuestring);
        } else {
            option_error(s, "config", "the path of a config file");
        }
    }
    const char *pkeys[2] = {"parameters", "parametersFile"};
    for (int k = 0; k < 2; k++) {
        if (!(v = cJSON_GetObjectItemCaseSensitive(io, pkeys[k]))) continue;
        char err[512];
        if (!cJSON_IsString(v)) {
            option_error(s, pkeys[k], k ? "the path of a parameters file" : "a string of Key=Value pairs");
        } else if ((k ? params_load_file(&s->params, v->valuestring, err, sizeof err)
                      : params_add_arg(&s->params, v->valuestring, err, sizeof err)) != 0) {
            char msg[700];
            snprintf(msg, sizeof msg, "samlint: initializationOptions.%s: %s; ignored", pkeys[k], err);
            show_message(s, 1, msg);
        } else {
            s->have_params = 1;
        }
    }
    if ((v = cJSON_GetObjectItemCaseSensitive(io, "noConfig"))) {
        if (cJSON_IsBool(v)) s->no_config = cJSON_IsTrue(v);
        else option_error(s, "noConfig", "true or false");
    }
    lint_config_release(&s->plain);
    config_defaults(s, &s->plain);
}

static cJSON *on_initialize(lsp_server *s, const cJSON *params)
{
    read_options(s, cJSON_GetObjectItemCaseSensitive(params, "initializationOptions"));
    const cJSON *general = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(params, "capabilities"), "general");
    const cJSON *enc, *encs = cJSON_GetObjectItemCaseSensitive(general, "positionEncodings");
    cJSON_ArrayForEach(enc, encs)
        if (cJSON_IsString(enc) && strcmp(enc->valuestring, "utf-8") == 0) s->utf8 = 1;
    s->initialized = 1;
    cJSON *r = cJSON_CreateObject();
    cJSON *caps = cJSON_AddObjectToObject(r, "capabilities");
    cJSON_AddStringToObject(caps, "positionEncoding", s->utf8 ? "utf-8" : "utf-16");
    cJSON *sync = cJSON_AddObjectToObject(caps, "textDocumentSync");
    cJSON_AddBoolToObject(sync, "openClose", 1);
    cJSON_AddNumberToObject(sync, "change", 2);  /* incremental */
    cJSON_AddBoolToObject(cJSON_AddObjectToObject(sync, "save"), "includeText", 0);
    cJSON_AddBoolToObject(caps, "hoverProvider", 1);
    cJSON_AddObjectToObject(caps, "completionProvider");
    cJSON *ca = cJSON_AddObjectToObject(caps, "codeActionProvider");
    cJSON *kinds = cJSON_AddArrayToObject(ca, "codeActionKinds");
    cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
    cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
    cJSON_AddStringToObject(info, "name", "samlint");
    cJSON_AddStringToObject(info, "version", SAMLINT_VERSION);
    return r;
}

static void on_did_open(lsp_server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const char *uri = str_at(td, "uri"), *text = str_at(td, "text");
    if (!uri || !text) return;
    lsp_doc *d = ldoc_find(s, uri);
    if (!d) {
        d = xcalloc(1, sizeof *d);
        d->uri = xstrdup(uri);
        d->path = uri_path(uri);
        d->is_code = code_lang_of_path(d->path) != CODE_OTHER;
        s->docs = xrealloc(s->docs, (s->n_docs + 1) * sizeof *s->docs);
        s->docs[s->n_docs++] = d;
    }
    if (!num_at(td, "version", &d->version)) d->version = -1;
    const cJSON *tv = cJSON_GetObjectItemCaseSensitive(td, "text");
    doc_set_text(d, text, strlen(tv->valuestring));
    if (d->is_code) {
        find_code_templates(s, d);
        refresh_code(s, d, 0);
    } else {
        refresh(s, d);
    }
}

static void on_did_change(lsp_server *s, const cJSON *params)
{
    lsp_doc *d = doc_of_params(s, params);
    const cJSON *changes = cJSON_GetObjectItemCaseSensitive(params, "contentChanges"), *c;
    if (!d || !cJSON_IsArray(changes)) return;
    if (!num_at(cJSON_GetObjectItemCaseSensitive(params, "textDocument"), "version", &d->version)) d->version = -1;
    cJSON_ArrayForEach(c, changes) {
        const char *text = str_at(c, "text");
        if (!text) continue;
        const cJSON *range = cJSON_GetObjectItemCaseSensitive(c, "range");
        if (!range) {
            doc_set_text(d, text, strlen(text));
            continue;
        }
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(range, "start"), *b = cJSON_GetObjectItemCaseSensitive(range, "end");
        long long al, ac, bl, bc;
        if (!num_at(a, "line", &al) || !num_at(a, "character", &ac) || !num_at(b, "line", &bl) ||
            !num_at(b, "character", &bc))
            continue;
        line_index li;
        index_lines(&li, d->text, d->len);
        size_t from = lsp_offset(s, &li, d->text, d->len, al, ac), to = lsp_offset(s, &li, d->text, d->len, bl, bc);
        free(li.start);
        if (to < from) {
            size_t t = from;
            from = to;
            to = t;
        }
        doc_splice(d, from, to, text, strlen(text));
    }
    if (d->is_code) refresh_code(s, d, 1);
    else refresh(s, d);
}

static void on_did_save(lsp_server *s, const cJSON *params)
{
    lsp_doc *d = doc_of_params(s, params);
    if (!d) return;
    /* A saved handler file changes the findings of the templates that use it. */
    refresh_all(s);
}

static void on_did_close(lsp_server *s, const cJSON *params)
{
    lsp_doc *d = doc_of_params(s, params);
    if (!d) return;
    cJSON *p = cJSON_CreateObject();
    out_json_str(p, "uri", d->uri);
    cJSON_AddItemToObject(p, "diagnostics", cJSON_CreateArray());
    notify(s, "textDocument/publishDiagnostics", p);
    for (size_t i = 0; i < s->n_docs; i++)
        if (s->docs[i] == d) {
            memmove(&s->docs[i], &s->docs[i + 1], (s->n_docs - i - 1) * sizeof *s->docs);
            s->n_docs--;
            break;
        }
    int was_template = !d->is_code;
    ldoc_free(d);
    if (was_template) {
        for (size_t i = 0; i < s->n_docs; i++)
            if (s->docs[i]->is_code) publish(s, s->docs[i]);
    } else {
        refresh_code(s, NULL, 0);  /* the templates read the file from disk again */
    }
}

/* Findings whose range holds (line, col) or whose line lies in [l0, l1]. */
typedef struct pick {
    uint32_t line, col, l0, l1;
    int by_lines;
    const finding *f[32];
    const lint_result *r[32];
    size_t n;
} pick;

static void pick_finding(lsp_server *s, lsp_doc *d, const lint_result *r, const finding *f, void *user)
{
    (void)s;
    (void)d;
    pick *p = user;
    if (p->n == 32) return;
    int hit;
    if (p->by_lines) {
        hit = f->line >= p->l0 && f->line <= p->l1;
    } else {
        uint32_t el = f->end_line >= f->line ? f->end_line : f->line;
        uint32_t ec = f->end_line > f->line || f->end_col > f->col ? f->end_col : f->col + 1;
        hit = (p->line > f->line || (p->line == f->line && p->col >= f->col)) &&
              (p->line < el || (p->line == el && p->col <= ec));
    }
    if (hit) {
        p->f[p->n] = f;
        p->r[p->n++] = r;
    }
}

/* An LSP position to samlint's line and column in characters. */
static void samlint_pos(const lsp_server *s, const lsp_doc *d, const line_index *li, long long line, long long ch,
                        uint32_t *sl, uint32_t *sc)
{
    size_t off = lsp_offset(s, li, d->text, d->len, line, ch);
    *sl = (uint32_t)(line < 0 ? 1 : (size_t)line >= li->n ? li->n : (size_t)line + 1);
    size_t start = li->start[*sl - 1];
    if (*sl == 1 && d->len >= 3 && memcmp(d->text, "\xEF\xBB\xBF", 3) == 0 && off >= 3) start = 3;
    uint32_t c = 1;
    for (size_t i = start; i < off;) {
        i += char_len((const unsigned char *)d->text + i, (const unsigned char *)d->text + d->len);
        c++;
    }
    *sc = c;
}

/* The byte offset of an LSP position in a document. */
static size_t doc_offset(const lsp_server *s, const lsp_doc *d, long long line, long long ch)
{
    line_index li;
    index_lines(&li, d->text, d->len);
    size_t off = lsp_offset(s, &li, d->text, d->len, line, ch);
    free(li.start);
    return off;
}

static cJSON *markdown(const char *text)
{
    cJSON *r = cJSON_CreateObject();
    cJSON *c = cJSON_AddObjectToObject(r, "contents");
    cJSON_AddStringToObject(c, "kind", "markdown");
    out_json_str(c, "value", text);
    return r;
}

/* The schema place (resource or Globals property path) at an LSP position,
 * in YAML or JSON; 0 when there is none. Hover and completion. */
static int schema_place_at(const lsp_server *s, const lsp_doc *d, long long line, long long ch,
                           yaml_place *place)
{
    return !d->is_code && schema_place_at_offset(d->text, d->len, doc_offset(s, d, line, ch), d->is_json, place);
}

/* Hover on a property of a resource or Globals: SAM's description of it. */
static cJSON *hover_property(const lsp_server *s, const lsp_doc *d, long long line, long long ch)
{
    yaml_place place;
    if (!schema_place_at(s, d, line, ch, &place)) return NULL;
    char *md = lsp_schema_hover(&place);
    if (!md) return NULL;
    cJSON *r = markdown(md);
    free(md);
    return r;
}

static cJSON *on_completion(lsp_server *s, const cJSON *params)
{
    lsp_doc *d = doc_of_params(s, params);
    const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
    long long line, ch;
    yaml_place place;
    if (!d || !num_at(pos, "line", &line) || !num_at(pos, "character", &ch) ||
        !schema_place_at(s, d, line, ch, &place))
        return cJSON_CreateArray();
    return lsp_schema_complete(&place);
}

static cJSON *on_hover(lsp_server *s, const cJSON *params)
{
    lsp_doc *d = doc_of_params(s, params);
    const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
    long long line, ch;
    if (!d || !num_at(pos, "line", &line) || !num_at(pos, "character", &ch)) return NULL;
    line_index li;
    index_lines(&li, d->text, d->len);
    pick p = {0};
    samlint_pos(s, d, &li, line, ch, &p.line, &p.col);
    free(li.start);
    each_finding(s, d, pick_finding, &p);
    if (!p.n) return hover_property(s, d, line, ch);
    size_t cap = 256, len = 0;
    char *md = xrealloc(NULL, cap);
    md[0] = '\0';
    for (size_t i = 0; i < p.n; i++) {
        const finding *f = p.f[i];
        int dup = 0;
        for (size_t k = 0; k < i && !dup; k++) dup = p.f[k]->rule == f->rule;
        char url[256];
        size_t need = strlen(f->message) + strlen(f->rule->id) + strlen(f->rule->name) + 512 +
                      (dup ? 0 : strlen(f->rule->doc));
        if (len + need > cap) {
            cap = (len + need) * 2;
            md = xrealloc(md, cap);
        }
        len += (size_t)snprintf(md + len, cap - len, "%s**%s %s**: %s\n\n", i ? "\n---\n\n" : "", f->rule->id,
                                f->rule->name, f->message);
        if (!dup)
            len += (size_t)snprintf(md + len, cap - len, "%s\n\n[%s](%s)\n", f->rule->doc, f->rule->id,
                                    url_of(f->rule, url, sizeof url));
    }
    secret_mask_text(md, len);  /* the pages' examples hold sample keys */
    cJSON *r = markdown(md);
    free(md);
    return r;
}

static cJSON *text_edit(const lsp_server *s, const lsp_doc *d, const line_index *li, size_t from, size_t to,
                        const char *text)
{
    cJSON *e = cJSON_CreateObject();
    cJSON_AddItemToObject(e, "range", range_of(s, li, d->text, d->len, from, to));
    out_json_str(e, "newText", text);
    return e;
}

static cJSON *action(const char *title, const lsp_doc *target, cJSON *edits, cJSON *diag, int preferred)
{
    cJSON *a = cJSON_CreateObject();
    out_json_str(a, "title", title);
    cJSON_AddStringToObject(a, "kind", "quickfix");
    cJSON *diags = cJSON_AddArrayToObject(a, "diagnostics");
    cJSON_AddItemToArray(diags, diag);
    if (preferred) cJSON_AddBoolToObject(a, "isPreferred", 1);
    cJSON *changes = cJSON_AddObjectToObject(cJSON_AddObjectToObject(a, "edit"), "changes");
    char *key = out_utf8_clean(target->uri);  /* the URI is a key here: valid UTF-8 too */
    cJSON_AddItemToObject(changes, key, edits);
    free(key);
    return a;
}

static cJSON *on_code_action(lsp_server *s, const cJSON *params)
{
    lsp_doc *d = doc_of_params(s, params);
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
    long long l0, l1;
    if (!d || !num_at(cJSON_GetObjectItemCaseSensitive(range, "start"), "line", &l0) ||
        !num_at(cJSON_GetObjectItemCaseSensitive(range, "end"), "line", &l1))
        return cJSON_CreateArray();
    pick p = {0};
    p.by_lines = 1;
    p.l0 = (uint32_t)l0 + 1;
    p.l1 = (uint32_t)(l1 < l0 ? l0 : l1) + 1;
    each_finding(s, d, pick_finding, &p);
    cJSON *actions = cJSON_CreateArray();
    line_index li;
    index_lines(&li, d->text, d->len);
    /* The fixes offered are checked as --fix checks them: applied alone and
     * linted again, the finding is gone and nothing new appeared. */
    size_t which[32], n_fixes = 0;
    int good[32] = {0}, fix_ok[32] = {0};
    for (size_t i = 0; i < p.n; i++)
        if (p.f[i]->fix && !d->is_code && p.r[i] == &d->res && p.f[i]->file == d->res.path) {
            which[n_fixes++] = (size_t)(p.f[i] - d->res.findings);
            good[i] = 1;
        }
    if (n_fixes) fix_verify(config_for(s, d->path), &d->res, d->text, d->len, which, n_fixes, fix_ok);
    for (size_t i = 0, k = 0; i < p.n; i++)
        if (good[i]) good[i] = fix_ok[k++];
    for (size_t i = 0; i < p.n; i++) {
        const finding *f = p.f[i];
        /* Its fix: the edits in the template, which is this document. */
        if (good[i]) {
            size_t bom = d->len >= 3 && memcmp(d->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
            cJSON *edits = cJSON_CreateArray();
            for (size_t k = 0; k < f->fix->n_edits; k++) {
                const fix_edit *e = &f->fix->edits[k];
                cJSON_AddItemToArray(edits, text_edit(s, d, &li, e->start + bom, e->end + bom, e->text));
            }
            char title[256];
            snprintf(title, sizeof title, "%s%s", f->fix->title, f->fix->safe ? "" : " (unsafe)");
            cJSON_AddItemToArray(actions, action(title, d, edits, diagnostic(s, d, &li, f), f->fix->safe));
        }
        /* Suppress: a comment line above, indented as the line. JSON has no comments. */
        if (d->is_json || f->line < 1 || f->line > li.n) continue;
        const char *marker = d->is_code && code_lang_of_path(d->path) == CODE_JS ? "//" : "#";
        size_t ls = li.start[f->line - 1], indent = ls;
        while (indent < d->len && (d->text[indent] == ' ' || d->text[indent] == '\t')) indent++;
        size_t n = (indent - ls) + strlen(f->rule->id) + 64;
        char *text = xrealloc(NULL, n);
        snprintf(text, n, "%.*s%s samlint: ignore %s -- reason\n", (int)(indent - ls), d->text + ls, marker,
                 f->rule->id);
        cJSON *edits = cJSON_CreateArray();
        cJSON_AddItemToArray(edits, text_edit(s, d, &li, ls, ls, text));
        free(text);
        char title[64];
        snprintf(title, sizeof title, "Suppress %s on this line", f->rule->id);
        cJSON_AddItemToArray(actions, action(title, d, edits, diagnostic(s, d, &li, f), 0));
    }
    free(li.start);
    return actions;
}

/* ---- the loop ---- */

static void dispatch(lsp_server *s, const cJSON *msg)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
    const char *method = str_at(msg, "method");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
    if (id && !cJSON_IsNumber(id) && !cJSON_IsString(id)) {
        reply_error(s, NULL, ERR_INVALID_REQUEST, "id must be a number or a string");
        return;
    }
    if (!method) {
        if (!id) reply_error(s, NULL, ERR_INVALID_REQUEST, "no method");
        return;  /* else a response to a request of ours: we send none */
    }
    if (strcmp(method, "exit") == 0) {
        s->shutdown = s->shutdown == 1 ? 3 : 4;
        return;
    }
    if (!s->initialized && strcmp(method, "initialize") != 0) {
        if (id) reply_error(s, id, ERR_NOT_INITIALIZED, "the server is not initialized");
        return;
    }
    if (s->shutdown == 1 && id) {
        reply_error(s, id, ERR_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (id) {
        if (strcmp(method, "initialize") == 0) {
            if (s->initialized) reply_error(s, id, ERR_INVALID_REQUEST, "initialize was already called");
            else reply(s, id, on_initialize(s, params));
        } else if (strcmp(method, "shutdown") == 0) {
            s->shutdown = 1;
            reply(s, id, NULL);
        } else if (strcmp(method, "textDocument/hover") == 0) {
            reply(s, id, on_hover(s, params));
        } else if (strcmp(method, "textDocument/completion") == 0) {
            reply(s, id, on_completion(s, params));
        } else if (strcmp(method, "textDocument/codeAction") == 0) {
            reply(s, id, on_code_action(s, params));
        } else {
            reply_error(s, id, ERR_METHOD_NOT_FOUND, "unknown method");
        }
        return;
    }
    if (strcmp(method, "textDocument/didOpen") == 0) on_did_open(s, params);
    else if (strcmp(method, "textDocument/didChange") == 0) on_did_change(s, params);
    else if (strcmp(method, "textDocument/didSave") == 0) on_did_save(s, params);
    else if (strcmp(method, "textDocument/didClose") == 0) on_did_close(s, params);
    else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
        forget_configs(s);
        refresh_all(s);
    }
    /* Other notifications ($/cancelRequest, initialized, ...) need nothing. */
}

static ssize_t read_fd(void *user, char *buf, size_t n)
{
    return read(*(int *)user, buf, n);
}

int lsp_serve(const lint_config *base, int in_fd, int out_fd)
{
    lsp_server s = {0};
    s.out_fd = out_fd;
    s.base = base;
    s.today = base->today;
    s.max_file_size = base->max_file_size;
    config_defaults(&s, &s.plain);
    rpc_reader rd;
    rpc_reader_init(&rd, read_fd, &in_fd);
    while (s.shutdown < 2) {
        char *body;
        size_t len;
        enum rpc_status st = rpc_read(&rd, &body, &len);
        if (st == RPC_EOF) break;
        if (st == RPC_TOO_BIG) {
            reply_error(&s, NULL, ERR_INVALID_REQUEST, "message larger than the 64 MiB limit; dropped");
            continue;
        }
        if (st == RPC_BAD_HEADER) {
            reply_error(&s, NULL, ERR_PARSE, "no valid Content-Length header; the stream cannot be followed");
            break;
        }
        cJSON *msg = cJSON_ParseWithLength(body, len);
        free(body);
        if (!msg) reply_error(&s, NULL, ERR_PARSE, "the message is not JSON");
        else if (!cJSON_IsObject(msg)) reply_error(&s, NULL, ERR_INVALID_REQUEST, "the message is not a JSON object");
        else dispatch(&s, msg);
        cJSON_Delete(msg);
    }
    int status = s.shutdown == 3 ? 0 : 1;
    rpc_reader_release(&rd);
    for (size_t i = 0; i < s.n_docs; i++) ldoc_free(s.docs[i]);
    free(s.docs);
    forget_configs(&s);
    lint_config_release(&s.plain);
    free(s.config_path);
    params_release(&s.params);
    code_cache_release();
    return status;
}
