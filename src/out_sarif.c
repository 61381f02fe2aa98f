/* out_sarif: SARIF 2.1.0 for code scanning: one run, every rule, fingerprints, suppressions. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>

#include "arena.h"
#include "baseline.h"
#include "fix.h"
#include "jsonw.h"
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

/* Markdown as plain text, for help.text and the descriptions: headings lose
 * their '#'s, code fences their ``` lines, inline code its backticks,
 * emphasis its stars, and a link [text](url) reads "text (url)". */
static char *md_plain(const char *md, size_t len)
{
    char *out = xrealloc(NULL, len + 1), *o = out;
    const char *p = md, *end = md + len;
    int line_start = 1;
    while (p < end) {
        if (line_start) {
            if (end - p >= 3 && strncmp(p, "```", 3) == 0) {  /* a fence line goes */
                while (p < end && *p != '\n') p++;
                if (p < end) p++;
                continue;
            }
            if (*p == '#') {
                while (p < end && *p == '#') p++;
                while (p < end && *p == ' ') p++;
            }
        }
        line_start = 0;
        if (*p == '`' || (*p == '*' && p + 1 < end && p[1] == '*')) {
            p += *p == '*' ? 2 : 1;
            continue;
        }
        if (*p == '[') {  /* [text](url) */
            const char *close = memchr(p, ']', (size_t)(end - p));
            const char *rp = close && close + 1 < end && close[1] == '(' ? memchr(close, ')', (size_t)(end - close)) : NULL;
            if (rp) {
                memcpy(o, p + 1, (size_t)(close - p - 1));
                o += close - p - 1;
                *o++ = ' ';
                memcpy(o, close + 1, (size_t)(rp - close));  /* "(url)" */
                o += rp - close;
                p = rp + 1;
                continue;
            }
        }
        if (*p == '\n') line_start = 1;
        *o++ = *p++;
    }
    *o = 0;
    return out;
}

/* GitHub code scanning shows at most 1,024 characters of a rule description:
 * cut at the last sentence (else word) end that fits, marked with "...". */
#define SARIF_DESCRIPTION_MAX 1024
static void fit_description(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' ')) s[--n] = 0;
    if (n <= SARIF_DESCRIPTION_MAX) return;
    size_t cut = 0;
    for (size_t i = 0; i + 4 <= SARIF_DESCRIPTION_MAX; i++)
        if (s[i] == '.' && (s[i + 1] == ' ' || s[i + 1] == '\n')) cut = i + 1;
    if (cut == 0) {
        for (size_t i = 0; i + 4 <= SARIF_DESCRIPTION_MAX; i++)
            if (s[i] == ' ') cut = i;
        if (cut == 0) cut = SARIF_DESCRIPTION_MAX - 3;
        strcpy(s + cut, "...");
        return;
    }
    s[cut] = 0;
}

/* GitHub's problem.severity for a level: error, warning or recommendation. */
static const char *problem_severity(severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "recommendation";
}

static cJSON *sarif_rule(const rule *r, const lint_config *cfg)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", r->id);
    cJSON_AddStringToObject(o, "name", r->name);
    char *summary = xstrdup(r->summary);
    fit_description(summary);
    cJSON_AddItemToObject(o, "shortDescription", text_obj(summary));
    free(summary);
    size_t len;
    const char *what = ruledoc_section(r->doc, "What it does", &len);
    char *full = what ? md_plain(what, len) : xstrdup(r->summary);
    fit_description(full);
    cJSON_AddItemToObject(o, "fullDescription", text_obj(full));
    free(full);
    /* The whole page is the help: plain text and Markdown. The pages'
     * examples hold sample keys: masked like any secret in output. */
    char *page = xstrdup(r->doc);
    secret_mask_text(page, strlen(page));
    char *plain = md_plain(page, strlen(page));
    cJSON *help = text_obj(plain);
    free(plain);
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
    cJSON_AddStringToObject(props, "problem.severity", problem_severity(r->sev));
    return o;
}

/* The URI of a file: relative to the root of the git work tree holding it
 * (else to the working directory), under %SRCROOT%, never a machine path.
 * Computed once per file (a file's findings share its path string). */
typedef struct uri_cache {
    const char *display;
    char *uri;
    jw_cache text;  /* its JSON text */
} uri_cache;

static void sarif_artifact(jsonw *w, uri_cache *uc, const char *display, const char *cwd)
{
    if (uc->display != display || !uc->uri) {
        free(uc->uri);
        char *rel = relpath_repo(cwd, display);
        uc->uri = uri_encode("", rel);
        uc->text.src = NULL;  /* the new string may sit where the old one was */
        free(rel);
        uc->display = display;
    }
    jw_obj(w);
    jw_key(w, "uri");
    jw_str_cached(w, &uc->text, uc->uri);
    jw_klit(w, "uriBaseId", "%SRCROOT%");
    jw_obj_end(w);
}

static void text_member(jsonw *w, const char *key, const char *text)
{
    jw_key(w, key);
    jw_obj(w);
    jw_kstr(w, "text", text);
    jw_obj_end(w);
}

static void sarif_region(jsonw *w, uint32_t line, uint32_t col, uint32_t end_line, uint32_t end_col, int with_end)
{
    jw_obj(w);
    jw_kint(w, "startLine", line);
    jw_kint(w, "startColumn", col);
    if (with_end) {
        jw_kint(w, "endLine", end_line);
        jw_kint(w, "endColumn", end_col);
    }
    jw_obj_end(w);
}

static void sarif_location(jsonw *w, uri_cache *uc, const finding *f, const char *display, const char *cwd)
{
    jw_obj(w);
    jw_key(w, "physicalLocation");
    jw_obj(w);
    jw_key(w, "artifactLocation");
    sarif_artifact(w, uc, display, cwd);
    if (f->line > 0) {
        uint32_t col = f->col ? f->col : 1, end_col = f->end_col;
        int with_end = f->end_line >= f->line && f->end_col > 0;
        if (with_end && f->end_line == f->line && end_col <= col) end_col = col + 1;
        jw_key(w, "region");
        sarif_region(w, f->line, col, f->end_line, end_col, with_end);
    }
    jw_obj_end(w);
    if (f->resource) {
        jw_key(w, "logicalLocations");
        jw_arr(w);
        jw_obj(w);
        jw_kstr(w, "name", f->resource);
        jw_klit(w, "kind", "resource");
        jw_obj_end(w);
        jw_arr_end(w);
    }
    jw_obj_end(w);
}

/* A finding's fix (src/fix.h) as SARIF `fixes`: its edits as replacements
 * in the template; an empty deletedRegion is an insertion. */
static void sarif_fixes(jsonw *w, uri_cache *uc, const fix *fx, const char *display, const char *cwd)
{
    jw_key(w, "fixes");
    jw_arr(w);
    jw_obj(w);
    text_member(w, "description", fx->title);
    jw_key(w, "artifactChanges");
    jw_arr(w);
    jw_obj(w);
    jw_key(w, "artifactLocation");
    sarif_artifact(w, uc, display, cwd);
    jw_key(w, "replacements");
    jw_arr(w);
    for (size_t i = 0; i < fx->n_edits; i++) {
        const fix_edit *e = &fx->edits[i];
        jw_obj(w);
        jw_key(w, "deletedRegion");
        sarif_region(w, e->start_line, e->start_col, e->end_line, e->end_col, 1);
        if (*e->text) text_member(w, "insertedContent", e->text);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_obj_end(w);
    jw_arr_end(w);
    jw_key(w, "properties");
    jw_obj(w);
    jw_klit(w, "safety", fx->safe ? "safe" : "unsafe");
    jw_obj_end(w);
    jw_obj_end(w);
    jw_arr_end(w);
}

static void sarif_result(jsonw *w, uri_cache *uc, const out_options *opt, const finding *f, const lint_result *r,
                         const char *fp, const char *cwd)
{
    const char *display = f->file ? f->file : r->path;
    jw_obj(w);
    jw_klit(w, "ruleId", f->rule->id);
    jw_kint(w, "ruleIndex", (long long)(f->rule - rule_registry));
    jw_klit(w, "level", sarif_level(f->sev));
    text_member(w, "message", f->message ? f->message : f->rule->summary);
    jw_key(w, "locations");
    jw_arr(w);
    sarif_location(w, uc, f, display, cwd);
    jw_arr_end(w);
    if (f->fix && f->file == r->path) sarif_fixes(w, uc, f->fix, display, cwd);
    /* GitHub tracks an alert by primaryLocationLineHash: the baseline's
     * fingerprint (the line's text, not its number) keeps it across moves. */
    jw_key(w, "partialFingerprints");
    jw_obj(w);
    jw_kstr(w, "primaryLocationLineHash", fp);
    jw_kstr(w, "samlintFingerprint/v1", fp);
    jw_obj_end(w);
    if (opt->baseline_given) jw_klit(w, "baselineState", f->baselined ? "unchanged" : "new");
    if (f->suppressed) {
        jw_key(w, "suppressions");
        jw_arr(w);
        jw_obj(w);
        jw_klit(w, "kind", "inSource");
        if (f->suppress_reason) jw_kstr(w, "justification", f->suppress_reason);
        jw_obj_end(w);
        jw_arr_end(w);
    }
    jw_obj_end(w);
}

typedef struct sarif_run { const out_options *opt; const lint_result *r; size_t n; const char *cwd; } sarif_run;

/* The results, one file and one result at a time, written as they go
 * through one buffer (src/jsonw.c): nothing of the whole run is held. */
static int sarif_results(FILE *out, void *user)
{
    const sarif_run *sr = user;
    obuf *b = xrealloc(NULL, sizeof *b);
    ob_init(b, out);
    jsonw w;
    jw_init_array(&w, b, 4);  /* in the document, runs[0].results */
    uri_cache uc = {NULL, NULL, {NULL, NULL, 0, 0}};
    for (size_t i = 0; i < sr->n; i++) {
        const lint_result *r = &sr->r[i];
        if (!r->n_findings)
            continue;
        fingerprint *fps = xcalloc(r->n_findings, sizeof *fps);
        baseline_fingerprints(r, sr->cwd, NULL, fps);
        for (size_t j = 0; j < r->n_findings; j++)
            if (!(sr->opt->omit_suppressed && r->findings[j].suppressed))
                sarif_result(&w, &uc, sr->opt, &r->findings[j], r, fps[j], sr->cwd);
        free(fps);
    }
    ob_flush(b);
    free(b);
    free(uc.uri);
    jw_cache_free(&uc.text);
    return 0;
}

int out_sarif(FILE *out, const out_options *opt, const lint_result *r, size_t n, const char *version,
              const lint_config *cfg)
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

    /* No machine path in the log: the base is described, not located. */
    cJSON *src = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "originalUriBaseIds"), "%SRCROOT%");
    cJSON_AddItemToObject(src, "description",
                          text_obj("The root of the git work tree holding the files, else the working directory."));

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
    sarif_run sr = {opt, r, n, cwd};
    return out_json_frame(out, root, "results", sarif_results, &sr);
}
