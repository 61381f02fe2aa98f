/* baseline: finding fingerprints, and the baseline file of accepted findings. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "arena.h"
#include "baseline.h"
#include "out.h"
#include "relpath.h"
#include "secret.h"
#include "rfile.h"
#include "writer.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    h ^= 0xff; /* field separator */
    h *= FNV_PRIME;
    return h;
}

/* Hash a source line with runs of blanks squeezed to one space, leading and
 * trailing blanks and a trailing YAML comment dropped. */
static uint64_t fnv_line(uint64_t h, const char *p)
{
    int pending_space = 0, any = 0;
    for (const char *q = p; *q; q++) {
        unsigned char c = (unsigned char)*q;
        if (c == ' ' || c == '\t' || c == '\r') {
            pending_space = any;
            continue;
        }
        if (c == '#' && (q == p || q[-1] == ' ' || q[-1] == '\t'))
            break;
        if (pending_space) {
            h ^= ' ';
            h *= FNV_PRIME;
            pending_space = 0;
        }
        h ^= c;
        h *= FNV_PRIME;
        any = 1;
    }
    h ^= 0xff;
    h *= FNV_PRIME;
    return h;
}

typedef struct fp_slot { uint64_t hash; size_t index; } fp_slot;

static int cmp_slot(const void *a, const void *b)
{
    const fp_slot *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* `path` relative to `base` (see baseline_fingerprints); malloc'd. */
static char *base_relative(const char *cwd, const char *base, const char *path)
{
    char abs[4096];
    if (path[0] == '<' || !relpath_abs(cwd, path, abs, sizeof abs))
        return xstrdup(relpath(cwd, path));
    return relpath_from(base, abs);
}

void baseline_dir(const char *cwd, const char *path, char *out, size_t size)
{
    if (!relpath_abs(cwd, path, out, size)) {
        snprintf(out, size, "%s", cwd);
        return;
    }
    char *slash = strrchr(out, '/');
    if (slash)
        *(slash == out ? slash + 1 : slash) = '\0';
}

void baseline_fingerprints(const lint_result *r, const char *cwd, const char *base, fingerprint *out)
{
    size_t n = r->n_findings;
    fp_slot *slots = xcalloc(n ? n : 1, sizeof *slots);
    char *root = NULL;
    if (!base && n) {
        char abs[4096];
        root = relpath_abs(cwd, r->path, abs, sizeof abs) ? relpath_repo_root(abs, cwd) : xstrdup(cwd);
        base = root;
    }
    const char *last_src = NULL;
    char *file = NULL;
    for (size_t i = 0; i < n; i++) {
        const finding *f = &r->findings[i];
        const char *src = f->file ? f->file : r->path;
        if (src != last_src) {  /* findings share their file's string */
            free(file);
            file = base_relative(cwd, base, src);
            last_src = src;
        }
        uint64_t h = FNV_OFFSET;
        h = fnv(h, f->rule->id, strlen(f->rule->id));
        h = fnv(h, file, strlen(file));
        h = fnv(h, f->resource ? f->resource : "", f->resource ? strlen(f->resource) : 0);
        if (f->line_text)
            h = fnv_line(h, f->line_text);
        else
            h = fnv(h, f->message ? f->message : "", f->message ? strlen(f->message) : 0);
        slots[i].hash = h;
        slots[i].index = i;
    }
    free(file);
    free(root);
    /* The occurrence count: rank among the findings with the same hash, in order. */
    qsort(slots, n, sizeof *slots, cmp_slot);
    unsigned occurrence = 0;
    for (size_t i = 0; i < n; i++) {
        occurrence = i > 0 && slots[i - 1].hash == slots[i].hash ? occurrence + 1 : 1;
        snprintf(out[slots[i].index], FP_LEN, "%016llx:%u",
                 (unsigned long long)slots[i].hash, occurrence);
    }
    free(slots);
}

struct baseline {
    char **fps;
    size_t n;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A baseline holds a few hundred bytes a finding: 256 MiB is a million. */
#define BASELINE_MAX_SIZE (256u * 1024 * 1024)

static char *read_all(const char *path, char *err, size_t errlen)
{
    char *buf = NULL, why[256];
    size_t len = 0;
    int got = rfile_read(path, BASELINE_MAX_SIZE, &buf, &len, why, sizeof why);
    if (got == RFILE_TOO_BIG)
        snprintf(err, errlen, "%s: larger than %u bytes: not a samlint baseline", path, BASELINE_MAX_SIZE);
    else if (got != RFILE_OK)
        snprintf(err, errlen, "%s: %s", path, why);
    return got == RFILE_OK ? buf : NULL;
}

baseline *baseline_load(const char *path, char *err, size_t errlen)
{
    char *text = read_all(path, err, errlen);
    if (!text)
        return NULL;
    cJSON *root = cJSON_Parse(text);
    free(text);
    cJSON *findings = cJSON_GetObjectItemCaseSensitive(root, "findings");
    if (!cJSON_IsArray(findings)) {
        snprintf(err, errlen, "%s: not a samlint baseline (no \"findings\" list)", path);
        cJSON_Delete(root);
        return NULL;
    }
    baseline *b = xcalloc(1, sizeof *b);
    b->fps = xcalloc((size_t)cJSON_GetArraySize(findings) + 1, sizeof *b->fps);
    const cJSON *item;
    cJSON_ArrayForEach(item, findings) {
        const cJSON *fp = cJSON_GetObjectItemCaseSensitive(item, "fingerprint");
        if (cJSON_IsString(fp))
            b->fps[b->n++] = xstrdup(fp->valuestring);
    }
    cJSON_Delete(root);
    qsort(b->fps, b->n, sizeof *b->fps, cmp_str);
    return b;
}

void baseline_free(baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        free(b->fps[i]);
    free(b->fps);
    free(b);
}

size_t baseline_filter(const baseline *b, lint_result *r, size_t n, const char *cwd, const char *base, int keep)
{
    size_t dropped = 0;
    for (size_t i = 0; i < n; i++) {
        lint_result *res = &r[i];
        if (!res->n_findings)
            continue;
        fingerprint *fps = xcalloc(res->n_findings, sizeof *fps);
        baseline_fingerprints(res, cwd, base, fps);
        size_t kept = 0;
        for (size_t j = 0; j < res->n_findings; j++) {
            const char *key = fps[j];
            if (!res->findings[j].suppressed && !lint_rule_mandatory(res->findings[j].rule->id) &&
                bsearch(&key, b->fps, b->n, sizeof *b->fps, cmp_str)) {
                dropped++;
                if (!keep)
                    continue;
                res->findings[j].baselined = 1;
            }
            res->findings[kept++] = res->findings[j];
        }
        res->n_findings = kept;
        free(fps);
    }
    return dropped;
}

int baseline_write(const char *path, const lint_result *r, size_t n, const char *cwd, const char *base,
                   char *err, size_t errlen)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "tool", "samlint");
    cJSON_AddNumberToObject(root, "version", 1);
    cJSON *list = cJSON_AddArrayToObject(root, "findings");
    for (size_t i = 0; i < n; i++) {
        if (!r[i].n_findings)
            continue;
        fingerprint *fps = xcalloc(r[i].n_findings, sizeof *fps);
        baseline_fingerprints(&r[i], cwd, base, fps);
        for (size_t j = 0; j < r[i].n_findings; j++) {
            const finding *f = &r[i].findings[j];
            if (f->suppressed)
                continue;
            char *file = base_relative(cwd, base, f->file ? f->file : r[i].path);
            secret_mask_path(file, strlen(file));  /* the fingerprint holds the real name, hashed */
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "fingerprint", fps[j]);
            cJSON_AddStringToObject(o, "rule", f->rule->id);
            cJSON_AddStringToObject(o, "severity", severity_name(f->sev));
            /* Strings from templates and paths, made valid UTF-8 like any output. */
            out_json_str(o, "file", file);
            free(file);
            cJSON_AddNumberToObject(o, "line", f->line);
            out_json_str(o, "resource", f->resource);
            out_json_str(o, "message", f->message ? f->message : "");
            cJSON_AddItemToArray(list, o);
        }
        free(fps);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        snprintf(err, errlen, "%s: out of memory rendering the baseline; not written", path);
        return -1;
    }
    writer w;
    if (writer_open_path(&w, path) == 0) {
        fputs(text, w.f);
        fputc('\n', w.f);
    }
    cJSON_free(text);
    return writer_close(&w, err, errlen);
}
