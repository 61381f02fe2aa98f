/* out: findings to text or JSON (other formats in out_*.c). */
#include "out.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "excerpt.h"
#include "jsonw.h"
#include "obuf.h"
#include "out_github.h"
#include "out_junit.h"
#include "out_sarif.h"
#include "strmap.h"
#include "version.h"

const char *severity_name(severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_INFO: return "info";
    default: return "none";
    }
}

int severity_parse(const char *s)
{
    if (strcmp(s, "error") == 0) return SEV_ERROR;
    if (strcmp(s, "warning") == 0) return SEV_WARNING;
    if (strcmp(s, "info") == 0 || strcmp(s, "note") == 0) return SEV_INFO;
    if (strcmp(s, "never") == 0 || strcmp(s, "none") == 0) return SEV_NONE;
    return -2;
}

/* Decode the UTF-8 sequence at s into *cp; its length, or 0 when it is not
 * valid UTF-8 or is a C1 control (e.g. CSI, U+009B). Stops at a NUL. */
static size_t utf8_decode(const unsigned char *s, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n;
    unsigned min;
    if ((s[0] & 0xE0) == 0xC0) { n = 2; *cp = s[0] & 0x1F; min = 0x80; }
    else if ((s[0] & 0xF0) == 0xE0) { n = 3; *cp = s[0] & 0x0F; min = 0x800; }
    else if ((s[0] & 0xF8) == 0xF0) { n = 4; *cp = s[0] & 0x07; min = 0x10000; }
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    if (*cp >= 0x80 && *cp <= 0x9F) return 0;
    return n;
}

size_t out_utf8_len(const unsigned char *s)
{
    unsigned cp;
    return utf8_decode(s, &cp);
}

/* Characters that make a terminal or an editor show text other than it is:
 * bidi embeddings, overrides and isolates ("Trojan Source"), and the line
 * and paragraph separators. */
static int is_display_control(unsigned cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

static const char hex_upper[] = "0123456789ABCDEF";

/* Are the 8 bytes at p all printable ASCII (0x20-0x7E)? A byte at or above
 * 0x80 sets its top bit, 0x7F does so plus one, and one below 0x20 does so
 * minus 0x20 (the classic "has less than" test, exact as a yes/no). */
static int printable8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    uint64_t w;
    memcpy(&w, p, 8);
    return (((w | (w + ones)) | ((w - 0x20 * ones) & ~w)) & tops) == 0;
}

static void ob_escaped(obuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + strlen(s);
    const unsigned char *run = p;  /* bytes that print as they are, written in one go */
    while (p < end) {
        if (end - p >= 8 && printable8(p)) {
            p += 8;
            continue;
        }
        if (*p >= 0x20 && *p < 0x7f) {
            p++;
            continue;
        }
        unsigned cp;
        size_t n = utf8_decode(p, &cp);
        if (n > 1 && !is_display_control(cp)) {
            p += n;
            continue;
        }
        ob_write(b, run, (size_t)(p - run));
        char *o = ob_room(b, 8);
        *o++ = '\\';
        if (n > 1) {  /* \u%04X: display controls are all below U+10000 */
            *o++ = 'u';
            *o++ = hex_upper[(cp >> 12) & 15];
            *o++ = hex_upper[(cp >> 8) & 15];
            *o++ = hex_upper[(cp >> 4) & 15];
            *o++ = hex_upper[cp & 15];
        } else {
            *o++ = 'x';
            *o++ = hex_upper[*p >> 4];
            *o++ = hex_upper[*p & 15];
            n = 1;
        }
        ob_done(b, o);
        p += n;
        run = p;
    }
    ob_write(b, run, (size_t)(p - run));
}

/* The escaped form of the last string written, kept: a result's findings
 * share one path string. */
typedef struct esc_cache {
    const char *src;
    char *esc;
    size_t len, cap;
} esc_cache;

static void ob_escaped_cached(obuf *b, esc_cache *c, const char *s)
{
    if (s == c->src) {
        ob_write(b, c->esc, c->len);
        return;
    }
    size_t flushes = b->flushes, start = b->len;
    ob_escaped(b, s);
    c->src = NULL;
    if (b->flushes != flushes) return;  /* not in one piece in the buffer */
    size_t n = b->len - start;
    if (n > c->cap) {
        c->cap = n;
        c->esc = xrealloc(c->esc, n);
    }
    if (n) memcpy(c->esc, b->buf + start, n);
    c->len = n;
    c->src = s;
}

void out_escaped(FILE *f, const char *s)
{
    obuf b;
    ob_init(&b, f);
    ob_escaped(&b, s);
    ob_flush(&b);
}

char *out_escaped_str(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) {
        fputs("samlint: out of memory\n", stderr);
        abort();
    }
    out_escaped(mem, s);
    fclose(mem);
    return buf;
}

int out_is_plain_ascii(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x7F) return 0;
    return 1;
}

char *out_utf8_clean(const char *s)
{
    size_t len = strlen(s);
    char *out = xrealloc(NULL, len * 3 + 1);
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    while (*p) {
        size_t n = out_utf8_len(p);
        if (n == 0 || (n == 1 && *p == 0x7f)) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            p++;
            continue;
        }
        memcpy(out + o, p, n);
        o += n;
        p += n;
    }
    out[o] = '\0';
    return out;
}

typedef struct counts { size_t errors, warnings, infos, suppressed, files, code_files, unreadable; } counts;

/* Count a handler file once, however many templates read it. */
static void count_code_file(strmap *seen, counts *c, const char *path)
{
    int v;
    size_t len = strlen(path);
    if (strmap_get(seen, path, len, &v)) return;
    strmap_put(seen, path, len, 1);
    c->code_files++;
}

static counts count_all(const lint_result *results, size_t n)
{
    counts c = {0};
    strmap seen;
    strmap_init(&seen);
    for (size_t i = 0; i < n; i++) {
        if (results[i].error) c.unreadable++;
        if (results[i].linted) c.files++;
        /* Handler files: those the rules read, and any other file a finding
         * is in (findings are sorted by file, so each comes once in a row). */
        for (size_t j = 0; j < results[i].n_code_files; j++) count_code_file(&seen, &c, results[i].code_files[j]);
        const char *last_code = NULL;
        for (size_t j = 0; j < results[i].n_findings; j++) {
            const finding *f = &results[i].findings[j];
            if (f->file && f->file != results[i].path && strcmp(f->file, results[i].path) != 0 &&
                (!last_code || strcmp(last_code, f->file) != 0)) {
                count_code_file(&seen, &c, f->file);
                last_code = f->file;
            }
            if (f->suppressed) c.suppressed++;
            else if (f->sev == SEV_ERROR) c.errors++;
            else if (f->sev == SEV_WARNING) c.warnings++;
            else c.infos++;
        }
    }
    strmap_release(&seen);
    return c;
}

static const char *sev_color(severity s)
{
    return s == SEV_ERROR ? "\033[1;31m" : s == SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

static void emit_excerpt(obuf *b, const out_options *o, const finding *fd)
{
    if (!fd->line_text) return;  /* findings in handler code; line_text is masked already */
    excerpt_put(b, fd->line_text, fd->line, fd->col, fd->end_line, fd->end_col,
                o->color ? sev_color(fd->sev) : NULL);
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* "3 findings (1 error, 2 warnings, 0 info) in 2 files: 1 template, 1 handler file." */
void out_summary(FILE *f, const lint_result *results, size_t n)
{
    counts c = count_all(results, n);
    size_t total = c.errors + c.warnings + c.infos, files = c.files + c.code_files;
    if (total == 0) fprintf(f, "No findings in %zu %s", files, plural(files, "file", "files"));
    else
        fprintf(f, "%zu %s (%zu %s, %zu %s, %zu info) in %zu %s", total, plural(total, "finding", "findings"),
                c.errors, plural(c.errors, "error", "errors"), c.warnings, plural(c.warnings, "warning", "warnings"),
                c.infos, files, plural(files, "file", "files"));
    if (c.code_files)
        fprintf(f, ": %zu %s, %zu handler %s", c.files, plural(c.files, "template", "templates"), c.code_files,
                plural(c.code_files, "file", "files"));
    if (c.suppressed) fprintf(f, ", %zu suppressed", c.suppressed);
    if (c.unreadable) fprintf(f, ", %zu unreadable", c.unreadable);
    fputs(".\n", f);
}

/* --statistics: one line a rule, "COUNT  SLnnn  name  (severity)", most
 * frequent first, as ruff --statistics. */
static void emit_statistics(FILE *f, const out_options *o, const lint_result *results, size_t n)
{
    size_t *count = xcalloc(rule_count + 1, sizeof *count);
    severity *sev = xcalloc(rule_count + 1, sizeof *sev);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < results[i].n_findings; j++) {
            const finding *fd = &results[i].findings[j];
            if (fd->suppressed && !o->show_suppressed) continue;
            size_t k = (size_t)(fd->rule - rule_registry);
            if (k >= rule_count) continue;
            if (!count[k]++ || fd->sev > sev[k]) sev[k] = fd->sev;
        }
    for (;;) {
        size_t best = rule_count;
        for (size_t k = 0; k < rule_count; k++)
            if (count[k] && (best == rule_count || count[k] > count[best])) best = k;
        if (best == rule_count) break;
        fprintf(f, "%5zu  %s  %s  (%s)\n", count[best], rule_registry[best].id, rule_registry[best].name,
                severity_name(sev[best]));
        count[best] = 0;
    }
    free(count);
    free(sev);
    if (!o->quiet) out_summary(f, results, n);
}

static void emit_text(FILE *f, const out_options *o, const lint_result *results, size_t n)
{
    if (o->statistics) {
        emit_statistics(f, o, results, n);
        return;
    }
    obuf *b = xrealloc(NULL, sizeof *b);
    ob_init(b, f);
    esc_cache file = {0};
    for (size_t i = 0; i < n; i++) {
        const lint_result *r = &results[i];
        for (size_t j = 0; j < r->n_findings; j++) {
            const finding *fd = &r->findings[j];
            if (fd->suppressed && !o->show_suppressed) continue;
            if (o->color) ob_puts(b, "\033[1m");
            ob_escaped_cached(b, &file, fd->file);
            char *p = ob_room(b, 64);  /* ":%u:%u:" */
            *p++ = ':';
            p = ob_fmt_u64(p, fd->line);
            *p++ = ':';
            p = ob_fmt_u64(p, fd->col);
            *p++ = ':';
            ob_done(b, p);
            if (o->color) {
                ob_puts(b, "\033[0m ");
                ob_puts(b, sev_color(fd->sev));
                ob_puts(b, severity_name(fd->sev));
                ob_puts(b, "\033[0m: ");
            } else {
                ob_putc(b, ' ');
                ob_puts(b, severity_name(fd->sev));
                ob_write(b, ": ", 2);
            }
            ob_escaped(b, fd->message);
            ob_write(b, " [", 2);
            ob_puts(b, fd->rule->id);
            ob_putc(b, ' ');
            ob_puts(b, fd->rule->name);
            ob_putc(b, ']');
            if (fd->suppressed) {
                ob_puts(b, " (suppressed");
                if (fd->suppress_reason) {
                    ob_write(b, ": ", 2);
                    ob_escaped(b, fd->suppress_reason);
                }
                ob_putc(b, ')');
            }
            ob_putc(b, '\n');
            if (o->excerpt) emit_excerpt(b, o, fd);
        }
    }
    ob_flush(b);
    free(b);
    free(file.esc);
    if (!o->quiet) out_summary(f, results, n);
}

void out_json_str(cJSON *obj, const char *key, const char *s)
{
    if (!s) {
        cJSON_AddNullToObject(obj, key);
        return;
    }
    if (out_is_plain_ascii(s)) {
        cJSON_AddStringToObject(obj, key, s);
        return;
    }
    char *clean = out_utf8_clean(s);
    cJSON_AddStringToObject(obj, key, clean);
    free(clean);
}

/* ---- streaming JSON: the document's small frame is built and printed by
 * cJSON with an empty array where the many items go, and the items are
 * written in its place (by src/jsonw.c), so no tree or text of the whole
 * run is ever held. ---- */

/* cJSON reports some allocation failures only by leaving a field out:
 * its allocator notes them here. */
static _Thread_local int json_alloc_failed;

static void *json_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p) json_alloc_failed = 1;
    return p;
}

void out_json_hooks(void)
{
    cJSON_Hooks hooks = {json_malloc, free};
    cJSON_InitHooks(&hooks);
}

int out_json_frame(FILE *f, cJSON *frame, const char *key, out_json_items_fn items, void *user)
{
    json_alloc_failed = 0;
    char *text = frame ? cJSON_Print(frame) : NULL;
    cJSON_Delete(frame);
    if (!text || json_alloc_failed) {
        free(text);
        return -1;
    }
    char marker[64];
    snprintf(marker, sizeof marker, "\"%s\":\t[]", key);
    char *at = strstr(text, marker);  /* a key in a string would have escaped quotes */
    int rc = 0;
    if (!at) {
        fputs(text, f);
    } else {
        size_t head = (size_t)(at - text) + strlen(marker) - 1;  /* up to the '[' */
        fwrite(text, 1, head, f);
        rc = items(f, user);
        fputs(at + strlen(marker) - 1, f);
    }
    fputc('\n', f);
    free(text);
    return rc;
}

/* JSON: written as it goes through one buffer, one finding at a time (no
 * tree, nothing of the whole run held, nothing allocated that could fail),
 * in cJSON_Print's layout. */
static void json_finding(jsonw *w, jw_cache *file, const out_options *opt, const finding *fd)
{
    jw_obj(w);
    jw_klit(w, "rule", fd->rule->id);
    jw_klit(w, "name", fd->rule->name);
    jw_klit(w, "severity", severity_name(fd->sev));
    jw_key(w, "file");
    jw_str_cached(w, file, fd->file);
    jw_kint(w, "line", fd->line);
    jw_kint(w, "column", fd->col);
    jw_kint(w, "end_line", fd->end_line);
    jw_kint(w, "end_column", fd->end_col);
    jw_kstr(w, "resource", fd->resource);
    jw_kstr(w, "message", fd->message);
    if (opt->show_suppressed) {
        jw_kbool(w, "suppressed", fd->suppressed);
        jw_kstr(w, "reason", fd->suppress_reason);
    }
    jw_obj_end(w);
}

static int emit_json(FILE *f, const out_options *opt, const lint_result *results, size_t n)
{
    obuf *b = xrealloc(NULL, sizeof *b);
    ob_init(b, f);
    jsonw w;
    jw_init(&w, b, 0);
    jw_obj(&w);
    jw_klit(&w, "version", SAMLINT_VERSION);
    jw_key(&w, "files");
    jw_arr(&w);
    for (size_t i = 0; i < n; i++) {
        const lint_result *r = &results[i];
        if (!r->linted && !r->error) continue;
        jw_obj(&w);
        jw_kstr(&w, "path", r->path);
        jw_kbool(&w, "linted", r->linted);
        jw_kstr(&w, "error", r->error);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);
    jw_key(&w, "findings");
    jw_arr(&w);
    jw_cache file = {NULL, NULL, 0, 0};
    for (size_t i = 0; i < n; i++) {
        const lint_result *r = &results[i];
        if (!r->linted && !r->error) continue;
        for (size_t j = 0; j < r->n_findings; j++)
            if (!r->findings[j].suppressed || opt->show_suppressed) json_finding(&w, &file, opt, &r->findings[j]);
    }
    jw_cache_free(&file);
    jw_arr_end(&w);
    counts c = count_all(results, n);
    jw_key(&w, "summary");
    jw_obj(&w);
    jw_kint(&w, "files", (long long)c.files);
    jw_kint(&w, "findings", (long long)(c.errors + c.warnings + c.infos));
    jw_kint(&w, "errors", (long long)c.errors);
    jw_kint(&w, "warnings", (long long)c.warnings);
    jw_kint(&w, "infos", (long long)c.infos);
    jw_kint(&w, "suppressed", (long long)c.suppressed);
    jw_kint(&w, "unreadable", (long long)c.unreadable);
    jw_obj_end(&w);
    jw_obj_end(&w);
    ob_putc(b, '\n');
    ob_flush(b);
    free(b);
    return 0;
}

int out_emit(FILE *f, const out_options *o, const lint_result *results, size_t n)
{
    out_json_hooks();
    switch (o->format) {
    case OUT_JSON: return emit_json(f, o, results, n);
    case OUT_SARIF: return out_sarif(f, o, results, n, SAMLINT_VERSION, o->cfg);
    case OUT_GITHUB: return out_github(f, results, n, o->quiet);
    case OUT_JUNIT: return out_junit(f, results, n);
    case OUT_TEXT: emit_text(f, o, results, n); break;
    }
    return 0;
}
