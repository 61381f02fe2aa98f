/* out_sarif: SARIF 2.1.0 for code scanning: one run, every rule, fingerprints, suppressions. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "arena.h"
#include "baseline.h"
#include "fix.h"
#include "out.h"
#include "out_sarif.h"
#include "relpath.h"
#include "ruledoc.h"
#include "secret.h"

#define SARIF_SCHEMA \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* RFC 3986: keep unreserved characters and '/', percent-encode the rest. */
static char *uri_encode(const char *prefix, const char *path)
{
    size_t pl = strlen(prefix), n = strlen(path);
    char *out = xrealloc(NULL, pl + n * 3 + 1), *o = out;
    memcpy(o, prefix, pl);
    o += pl;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p)) {
            *o++ = (char)*p;
        } else {
            static const char hex[] = "0123456789ABCDEF";
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = 0;
    return out;
}


static cJSON *text_obj(const char *text)
{
    cJSON *o = cJSON_CreateObject();
    out_json_str(o, "text", text);
    return o;
}

static const char *sarif_level(severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* GitHub ranks security alerts by this score: critical >= 9, high >= 7. */
static const char *security_severity(const rule *r)
{
    return r->sev == SEV_ERROR ? "8.5" : r->sev == SEV_WARNING ? "5.5" : "2.0";
}

static cJSON *sarif_rule(const rule *r, const lint_config *cfg)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", r->id);
    cJSON_AddStringToObject(o, "name", r->name);
    cJSON_AddItemToObject(o, "shortDescription", text_obj(r->summary));
    size_t len;
    const char *what = ruledoc_section(r->doc, "What it does", &len);
    char *full = NULL;
    if (what) {
        full = xrealloc(NULL, len + 1);
        memcpy(full, what, len);
        full[len] = 0;
    }
    cJSON_AddItemToObject(o, "fullDescription", text_obj(full ? full : r->summary));
    free(full);
    /* The pages' examples hold sample keys: masked like any secret in output. */
    char *page = xstrdup(r->doc);
    secret_mask_text(page, strlen(page));
    cJSON *help = text_obj(page);
    cJSON_AddStringToObject(help, "markdown", page);
    cJSON_AddItemToObject(o, "help", help);
    free(page);
    char url[256];
    snprintf(url, sizeof url, "%s%s.md", SAMLINT_RULE_URL, r->id);
    cJSON_AddStringToObject(o, "helpUri", url);
    cJSON *conf = cJSON_AddObjectToObject(o, "defaultConfiguration");
    cJSON_AddStringToObject(conf, "level", sarif_level(r->sev));
    if (r->optional && (!cfg || !lint_rule_enabled(cfg, r->id)))
        cJSON_AddBoolToObject(conf, "enabled", 0);  /* an optional rule this run did not select */
    cJSON *props = cJSON_AddObjectToObject(o, "properties");
    cJSON *tags = cJSON_AddArrayToObject(props, "tags");
    cJSON_AddItemToArray(tags, cJSON_CreateString(ruledoc_area(r)));
    if (ruledoc_is_security(r)) {
        if (strcmp(ruledoc_area(r), "security") != 0)
            cJSON_AddItemToArray(tags, cJSON_CreateString("security"));
        cJSON_AddStringToObject(props, "security-severity", security_severity(r));
    }
    cJSON_AddStringToObject(props, "precision", "high");
    return o;
}

static cJSON *sarif_location(const finding *f, const char *display, const char *cwd)
{
    cJSON *loc = cJSON_CreateObject();
    cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
    cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");
    const char *rel = relpath(cwd, display);
    char *uri = uri_encode(rel[0] == '/' ? "file://" : "", rel);
    cJSON_AddStringToObject(art, "uri", uri);
    if (rel[0] != '/')
        cJSON_AddStringToObject(art, "uriBaseId", "%SRCROOT%");
    free(uri);
    if (f->line > 0) {
        cJSON *region = cJSON_AddObjectToObject(phys, "region");
        uint32_t col = f->col ? f->col : 1;
        out_json_int(region, "startLine", f->line);
        out_json_int(region, "startColumn", col);
        if (f->end_line >= f->line && f->end_col > 0) {
            uint32_t end_col = f->end_col;
            if (f->end_line == f->line && end_col <= col)
                end_col = col + 1;
            out_json_int(region, "endLine", f->end_line);
            out_json_int(region, "endColumn", end_col);
        }
    }
    if (f->resource) {
        cJSON *logical = cJSON_AddArrayToObject(loc, "logicalLocations");
        cJSON *l = cJSON_CreateObject();
        out_json_str(l, "name", f->resource);
        out_json_static(l, "kind", "resource");
        cJSON_AddItemToArray(logical, l);
    }
    return loc;
}

static cJSON *sarif_region(uint32_t line, uint32_t col, uint32_t end_line, uint32_t end_col)
{
    cJSON *region = cJSON_CreateObject();
    out_json_int(region, "startLine", line);
    out_json_int(region, "startColumn", col);
    out_json_int(region, "endLine", end_line);
    out_json_int(region, "endColumn", end_col);
    return region;
}

/* A finding's fix (src/fix.h) as SARIF `fixes`: its edits as replacements
 * in the template; an empty deletedRegion is an insertion. */
static cJSON *sarif_fixes(const fix *fx, cJSON *artifact)
{
    cJSON *fixes = cJSON_CreateArray();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToArray(fixes, o);
    cJSON_AddItemToObject(o, "description", text_obj(fx->title));
    cJSON *change = cJSON_CreateObject();
    cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "artifactChanges"), change);
    cJSON_AddItemToObject(change, "artifactLocation", artifact);
    cJSON *reps = cJSON_AddArrayToObject(change, "replacements");
    for (size_t i = 0; i < fx->n_edits; i++) {
        const fix_edit *e = &fx->edits[i];
        cJSON *rep = cJSON_CreateObject();
        cJSON_AddItemToObject(rep, "deletedRegion", sarif_region(e->start_line, e->start_col, e->end_line, e->end_col));
        if (*e->text) cJSON_AddItemToObject(rep, "insertedContent", text_obj(e->text));
        cJSON_AddItemToArray(reps, rep);
    }
    cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "properties"), "safety", fx->safe ? "safe" : "unsafe");
    return fixes;
}

static cJSON *sarif_result(const finding *f, const lint_result *r, const char *fp, const char *cwd)
{
    cJSON *o = cJSON_CreateObject();
    out_json_static(o, "ruleId", f->rule->id);
    out_json_int(o, "ruleIndex", (long long)(f->rule - rule_registry));
    out_json_static(o, "level", sarif_level(f->sev));
    cJSON_AddItemToObject(o, "message", text_obj(f->message ? f->message : f->rule->summary));
    cJSON *locs = cJSON_AddArrayToObject(o, "locations");
    cJSON_AddItemToArray(locs, sarif_location(f, f->file ? f->file : r->path, cwd));
    if (f->fix && f->file == r->path) {
        cJSON *art = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(locs, 0), "physicalLocation"),
                                         "artifactLocation");
        cJSON_AddItemToObject(o, "fixes", sarif_fixes(f->fix, cJSON_Duplicate(art, 1)));
    }
    cJSON *fps = cJSON_AddObjectToObject(o, "partialFingerprints");
    cJSON_AddStringToObject(fps, "samlintFingerprint/v1", fp);
    if (f->suppressed) {
        cJSON *sups = cJSON_AddArrayToObject(o, "suppressions");
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "kind", "inSource");
        if (f->suppress_reason)
            out_json_str(s, "justification", f->suppress_reason);
        cJSON_AddItemToArray(sups, s);
    }
    return o;
}

typedef struct sarif_run { const lint_result *r; size_t n; const char *cwd; } sarif_run;

/* The results, one file and one result at a time: nothing of the whole
 * run is held, and a result that runs out of memory loses only itself. */
static int sarif_results(FILE *out, void *user)
{
    const sarif_run *sr = user;
    out_json_stream st = {out, 4, 0, NULL, 0, NULL, 0};
    int rc = 0;
    for (size_t i = 0; i < sr->n; i++) {
        const lint_result *r = &sr->r[i];
        if (!r->n_findings)
            continue;
        fingerprint *fps = xcalloc(r->n_findings, sizeof *fps);
        baseline_fingerprints(r, sr->cwd, fps);
        for (size_t j = 0; j < r->n_findings; j++)
            if (out_json_item(&st, sarif_result(&r->findings[j], r, fps[j], sr->cwd)) < 0)
                rc = -1;
        free(fps);
    }
    free(st.buf);
    free(st.out);
    return rc;
}

int out_sarif(FILE *out, const lint_result *r, size_t n, const char *version, const lint_config *cfg)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, "/");

    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "$schema", SARIF_SCHEMA);
    cJSON_AddStringToObject(root, "version", "2.1.0");
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "runs"), run);

    cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
    cJSON_AddStringToObject(driver, "name", "samlint");
    cJSON_AddStringToObject(driver, "version", version);
    cJSON_AddStringToObject(driver, "informationUri", SAMLINT_URL);
    cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
    for (const rule *ru = rule_registry; ru->id; ru++)
        cJSON_AddItemToArray(rules, sarif_rule(ru, cfg));

    char *root_uri = uri_encode("file://", cwd);
    size_t rl = strlen(root_uri);
    if (rl == 0 || root_uri[rl - 1] != '/') {
        root_uri = xrealloc(root_uri, rl + 2);
        strcpy(root_uri + rl, "/");
    }
    cJSON *src = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "originalUriBaseIds"), "%SRCROOT%");
    cJSON_AddStringToObject(src, "uri", root_uri);
    free(root_uri);

    cJSON *invocation = cJSON_CreateObject();
    cJSON *notes = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) {
        if (!r[i].error)
            continue;
        cJSON *note = cJSON_CreateObject();
        cJSON_AddStringToObject(note, "level", "error");
        cJSON_AddItemToObject(note, "message", text_obj(r[i].error));
        cJSON_AddItemToArray(notes, note);
    }
    cJSON_AddBoolToObject(invocation, "executionSuccessful", cJSON_GetArraySize(notes) == 0);
    if (cJSON_GetArraySize(notes))
        cJSON_AddItemToObject(invocation, "toolExecutionNotifications", notes);
    else
        cJSON_Delete(notes);
    cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), invocation);

    cJSON_AddArrayToObject(run, "results");  /* filled as the frame is written */
    cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");
    sarif_run sr = {r, n, cwd};
    return out_json_frame(out, root, "results", sarif_results, &sr);
}
