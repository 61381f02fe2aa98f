/* cfg: the .samlint.yaml config file, found from each linted file's folder upward. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "cfg.h"
#include "doc.h"
#include "out.h"
#include "rfile.h"
#include "ruledoc.h"
#include "types.h"

/* `path` without its last part: "a/b" -> "a", "b" -> ".", "/b" -> "/". */
static char *parent_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return xstrdup(".");
    if (slash == path) return xstrdup("/");
    char *d = xstrdup(path);
    d[slash - path] = '\0';
    return d;
}

char *cfg_find_in(const char *dir)
{
    char *real = realpath(dir, NULL);
    char *cur = xstrdup(dir);
    while (!real && strcmp(cur, ".") != 0 && strcmp(cur, "/") != 0) {
        char *up = parent_of(cur);
        free(cur);
        cur = up;
        real = realpath(cur, NULL);
    }
    free(cur);
    if (!real) real = realpath(".", NULL);
    if (!real) return NULL;
    for (;;) {
        size_t n = strlen(real);
        char *path = xrealloc(NULL, n + sizeof CFG_FILE_NAME + 2);
        snprintf(path, n + sizeof CFG_FILE_NAME + 2, "%s/%s", strcmp(real, "/") ? real : "", CFG_FILE_NAME);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            free(real);
            return path;
        }
        free(path);
        if (strcmp(real, "/") == 0) break;
        char *up = parent_of(real);
        free(real);
        real = up;
    }
    free(real);
    return NULL;
}

char *cfg_find(void)
{
    return cfg_find_in(".");
}

char *cfg_find_for(const char *path)
{
    char *dir = parent_of(path);
    char *found = cfg_find_in(dir);
    free(dir);
    return found;
}

const char *cfg_rule_ref(const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return NULL;
    if (strcasecmp(s, "all") == 0)
        return "all";  /* every rule, the optional ones too */
    for (const rule *r = rule_registry; r->id; r++) {
        if (strcasecmp(r->name, s) == 0)
            return r->id;
        if (strncasecmp(r->id, s, n) == 0)
            return r->id[n] ? s : r->id; /* a prefix stays as written */
    }
    return NULL;
}

char *cfg_rule_canon(const char *s)
{
    const char *ref = cfg_rule_ref(s);
    if (!ref)
        return NULL;
    char *out = xstrdup(ref);
    if (strcmp(ref, "all") == 0)
        return out;  /* not an id: stays as the engine knows it */
    for (char *c = out; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    return out;
}

typedef struct cfg_reader {
    const char *path;
    const doc *d;
    char *err;
    size_t errlen;
} cfg_reader;

__attribute__((format(printf, 3, 4)))
static int cfg_error(cfg_reader *rd, doc_id at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    doc_verror(rd->err, rd->errlen, rd->path, rd->d, at, fmt, ap);
    va_end(ap);
    return -1;
}

static void push_str(char ***list, size_t *n, const char *s)
{
    *list = xrealloc(*list, (*n + 1) * sizeof **list);
    (*list)[(*n)++] = xstrdup(s);
}

/* Call `each` on every scalar of a list, or of a comma-separated scalar. */
static int cfg_each_item(cfg_reader *rd, doc_id node, const char *key,
                         int (*each)(cfg_reader *, doc_id, const char *, void *), void *user)
{
    const doc *d = rd->d;
    if (doc_is_seq(d, node)) {
        for (uint32_t i = 0; i < doc_count(d, node); i++) {
            doc_id it = doc_item(d, node, i);
            if (!doc_is_scalar(d, it))
                return cfg_error(rd, it, "'%s' entries must be strings", key);
            if (each(rd, it, doc_str(d, it), user) < 0)
                return -1;
        }
        return 0;
    }
    if (!doc_is_scalar(d, node) || doc_is_null(d, node))
        return cfg_error(rd, node, "'%s' must be a list", key);
    char *copy = xstrdup(doc_str(d, node));
    int rc = 0;
    for (char *save = NULL, *w = strtok_r(copy, ", ", &save); w && rc == 0; w = strtok_r(NULL, ", ", &save))
        rc = each(rd, node, w, user);
    free(copy);
    return rc;
}

typedef struct rule_list { char ***list; size_t *n; } rule_list;

static int add_rule_ref(cfg_reader *rd, doc_id at, const char *s, void *user)
{
    rule_list *rl = user;
    char *ref = cfg_rule_canon(s);
    if (!ref)
        return cfg_error(rd, at, "'%s' is not a samlint rule id, group or name (see samlint --list-rules)", s);
    *rl->list = xrealloc(*rl->list, (*rl->n + 1) * sizeof **rl->list);
    (*rl->list)[(*rl->n)++] = ref;
    return 0;
}

static int add_glob(cfg_reader *rd, doc_id at, const char *s, void *user)
{
    (void)rd;
    (void)at;
    lint_config *cfg = user;
    push_str(&cfg->exclude, &cfg->n_exclude, s);
    return 0;
}

static int add_region(cfg_reader *rd, doc_id at, const char *s, void *user)
{
    char why[160];
    if (types_add_region(s, strlen(s), user, why, sizeof why) < 0) return cfg_error(rd, at, "%s", why);
    return 0;
}

static int cfg_rules(cfg_reader *rd, doc_id node, const char *key, char ***list, size_t *n)
{
    rule_list rl = { list, n };
    return cfg_each_item(rd, node, key, add_rule_ref, &rl);
}

static int cfg_severity(cfg_reader *rd, lint_config *cfg, doc_id map)
{
    const doc *d = rd->d;
    if (!doc_is_map(d, map))
        return cfg_error(rd, map, "'severity' must be a mapping of rule id to level");
    for (uint32_t i = 0; i < doc_count(d, map); i++) {
        doc_id k = doc_key(d, map, i), v = doc_val(d, map, i);
        const rule *r = doc_is_scalar(d, k) ? ruledoc_find(doc_str(d, k)) : NULL;
        const char *id = r ? r->id : NULL;
        if (!id)
            return cfg_error(rd, k, "'%s' is not a samlint rule id or name",
                             doc_is_scalar(d, k) ? doc_str(d, k) : "?");
        int sev = doc_is_scalar(d, v) ? severity_parse(doc_str(d, v)) : -2;
        int off = doc_is_scalar(d, v) && strcmp(doc_str(d, v), "off") == 0;
        if (sev == -2 && !off)
            return cfg_error(rd, v, "severity of %s must be error, warning, info or off", id);
        if (off || sev == SEV_NONE) {
            push_str(&cfg->ignore, &cfg->n_ignore, id);
            continue;
        }
        cfg->sev_overrides = xrealloc(cfg->sev_overrides,
                                      (cfg->n_sev_overrides + 1) * sizeof *cfg->sev_overrides);
        cfg->sev_overrides[cfg->n_sev_overrides].rule = xstrdup(id);
        cfg->sev_overrides[cfg->n_sev_overrides++].sev = (severity)sev;
    }
    return 0;
}

static int cfg_options(cfg_reader *rd, lint_config *cfg, doc_id map)
{
    const doc *d = rd->d;
    if (!doc_is_map(d, map))
        return cfg_error(rd, map, "'rule-options' must map rule ids to {option: number}");
    for (uint32_t i = 0; i < doc_count(d, map); i++) {
        doc_id k = doc_key(d, map, i), v = doc_val(d, map, i);
        const rule *r = doc_is_scalar(d, k) ? ruledoc_find(doc_str(d, k)) : NULL;
        const char *id = r ? r->id : NULL;
        if (!id)
            return cfg_error(rd, k, "'%s' is not a samlint rule id",
                             doc_is_scalar(d, k) ? doc_str(d, k) : "?");
        if (!doc_is_map(d, v))
            return cfg_error(rd, v, "options of %s must be a mapping {option: number}", id);
        for (uint32_t j = 0; j < doc_count(d, v); j++) {
            doc_id ok = doc_key(d, v, j), ov = doc_val(d, v, j);
            const char *val = doc_is_scalar(d, ov) ? doc_str(d, ov) : NULL;
            char *end = NULL;
            double num = val ? strtod(val, &end) : 0;
            if (!val || end == val || *end || !isfinite(num))
                return cfg_error(rd, ov, "option %s.%s must be a number", id,
                                 doc_is_scalar(d, ok) ? doc_str(d, ok) : "?");
            if (!doc_is_scalar(d, ok) || !ruledoc_has_option(rule_find(id), doc_str(d, ok)))
                return cfg_error(rd, ok, "%s has no option '%s' (see samlint --explain %s)", id,
                                 doc_is_scalar(d, ok) ? doc_str(d, ok) : "?", id);
            cfg->opts = xrealloc(cfg->opts, (cfg->n_opts + 1) * sizeof *cfg->opts);
            cfg->opts[cfg->n_opts].rule = xstrdup(id);
            cfg->opts[cfg->n_opts].name = xstrdup(doc_str(d, ok));
            cfg->opts[cfg->n_opts++].value = num;
        }
    }
    return 0;
}

static int cfg_fail_on(cfg_reader *rd, lint_config *cfg, doc_id v)
{
    int sev = doc_is_scalar(rd->d, v) ? severity_parse(doc_str(rd->d, v)) : -2;
    if (sev == -2)
        return cfg_error(rd, v, "fail-on must be error, warning, info or none");
    cfg->fail_on = (severity)sev;
    return 0;
}

static int cfg_apply(cfg_reader *rd, lint_config *cfg)
{
    const doc *d = rd->d;
    if (d->root == DOC_NONE || doc_is_null(d, d->root))
        return 0; /* an empty config file is fine */
    if (!doc_is_map(d, d->root))
        return cfg_error(rd, d->root, "a config file is a mapping (select, ignore, severity, "
                                      "rule-options, exclude, gitignore, fail-on, regions)");
    for (uint32_t i = 0; i < doc_count(d, d->root); i++) {
        doc_id k = doc_key(d, d->root, i), v = doc_val(d, d->root, i);
        const char *key = doc_str(d, k);
        int rc;
        if (!key)
            rc = cfg_error(rd, k, "keys must be strings");
        else if (strcmp(key, "select") == 0)
            rc = cfg_rules(rd, v, key, &cfg->select, &cfg->n_select);
        else if (strcmp(key, "ignore") == 0)
            rc = cfg_rules(rd, v, key, &cfg->ignore, &cfg->n_ignore);
        else if (strcmp(key, "severity") == 0)
            rc = cfg_severity(rd, cfg, v);
        else if (strcmp(key, "rule-options") == 0)
            rc = cfg_options(rd, cfg, v);
        else if (strcmp(key, "exclude") == 0)
            rc = cfg_each_item(rd, v, key, add_glob, cfg);
        else if (strcmp(key, "fail-on") == 0)
            rc = cfg_fail_on(rd, cfg, v);
        else if (strcmp(key, "gitignore") == 0) {
            int b = 0;
            rc = doc_get_bool(d, v, &b) ? 0 : cfg_error(rd, v, "gitignore must be true or false");
            if (rc == 0) cfg->no_gitignore = !b;
        }
        else if (strcmp(key, "regions") == 0) {
            cfg->regions = 0;  /* a config's regions replace the default */
            rc = cfg_each_item(rd, v, key, add_region, &cfg->regions);
        } else
            rc = cfg_error(rd, k, "unknown key '%s' (known: select, ignore, severity, "
                                  "rule-options, exclude, gitignore, fail-on, regions)", key);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* A config file is a few lines: anything bigger is not one. */
#define CFG_MAX_SIZE (1024 * 1024)

int cfg_load(lint_config *cfg, const char *path, char *err, size_t errlen)
{
    char *buf = NULL, why[256];
    size_t len = 0;
    int got = rfile_read(path, CFG_MAX_SIZE, &buf, &len, why, sizeof why);
    if (got == RFILE_TOO_BIG) {
        snprintf(err, errlen, "%s: larger than %d bytes: not a samlint config file", path, CFG_MAX_SIZE);
        return -1;
    }
    if (got != RFILE_OK) {
        snprintf(err, errlen, "%s: %s", path, why);
        return -1;
    }

    doc_limits lim;
    doc_default_limits(&lim);
    doc_result res = doc_load(path, buf, len, &lim);
    free(buf);
    cfg_reader rd = { path, res.d, err, errlen };
    int rc;
    if (res.n_problems) {
        snprintf(err, errlen, "%s:%u:%u: %s", path, (unsigned)res.problems[0].line,
                 (unsigned)res.problems[0].col, res.problems[0].message);
        rc = -1;
    } else if (!res.d) {
        rc = cfg_error(&rd, DOC_NONE, "cannot be parsed");
    } else {
        rc = cfg_apply(&rd, cfg);
    }
    if (res.d)
        doc_free(res.d);
    return rc;
}
