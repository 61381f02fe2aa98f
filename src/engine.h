/* engine: run the registry over one template; findings, suppressions, config. */
#ifndef SAMLINT_ENGINE_H
#define SAMLINT_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include "rule.h"

extern const rule rule_registry[];   /* sorted by id, ends with {0} */
extern const size_t rule_count;
const rule *rule_find(const char *id);

typedef struct rule_opt { char *rule; char *name; double value; } rule_opt;
typedef struct sev_override { char *rule; severity sev; } sev_override;

typedef struct lint_config {
    char **select;  size_t n_select;   /* ids or prefixes ("SL2"); empty = all */
    char **ignore;  size_t n_ignore;
    sev_override *sev_overrides; size_t n_sev_overrides;
    rule_opt *opts; size_t n_opts;
    char **exclude; size_t n_exclude;  /* globs for directory scans */
    int today;                          /* YYYYMMDD */
    size_t max_file_size;               /* bytes */
    size_t max_depth;
    size_t max_alias_nodes;
    severity fail_on;                   /* SEV_NONE = none */
    const char *stdin_name;             /* display path of "-" (--stdin-filename), or NULL */
    uint64_t regions;                   /* bits of types_regions (src/types.h); 0 = us-east-1 */
    struct param_list *params;          /* --parameters values (src/params.h), borrowed; or NULL */
    int want_code_dirs;                 /* --pre-commit: fill lint_result.code_dirs */
    int no_gitignore;                   /* scans list what .gitignore ignores too */
    /* What lint_config_resolve() found: the registry rules that select and
     * ignore turn off, one bit each, for the select and ignore lists it saw
     * (a list changed since, or a registry over 256 rules, asks again). */
    struct {
        char **select, **ignore;
        size_t n_select, n_ignore;
        uint64_t off[4];
        int done;
    } resolved;
} lint_config;

void lint_config_init(lint_config *cfg);
void lint_config_release(lint_config *cfg);
/* Is the rule on under select/ignore? */
int lint_rule_enabled(const lint_config *cfg, const char *id);
/* Work out once which rules select/ignore turn off (the engine asks for
 * every rule of every template); call it when the lists are complete. */
void lint_config_resolve(lint_config *cfg);
/* SL001 (a file that could not be parsed) cannot be turned off, re-levelled,
 * suppressed or baselined: a template that was never linted must not pass
 * for a clean one. */
int lint_rule_mandatory(const char *id);

typedef struct finding {
    const rule *rule;
    severity sev;
    const char *file;        /* display path */
    uint32_t line, col, end_line, end_col;
    const char *resource;    /* logical id or NULL */
    const char *message;
    const char *line_text;   /* the offending source line (for excerpts and
                                fingerprints), or NULL for other files */
    int suppressed;          /* kept for SARIF; not printed in text */
    int baselined;           /* in the --baseline file: kept for SARIF only */
    const char *suppress_reason;
    const struct fix *fix;   /* edits that fix it (src/fix.h), or NULL */
} finding;

/* Everything linting one input produced. Owns its memory. */
typedef struct lint_result {
    char *path;              /* display path */
    char *error;             /* a system problem (unreadable file): exit 2 */
    finding *findings; size_t n_findings;
    struct arena *arena;
    int linted;              /* 1 when it was a template and rules ran */
    /* The handler files read for it (by the SL4xx rules), each once. */
    const char **code_files; size_t n_code_files;
    /* With cfg->want_code_dirs: its functions' local code folders (see
     * code_each_dir), each once. */
    const char **code_dirs; size_t n_code_dirs;
    const struct lint_config *cfg;  /* what it was linted with (its folder's config), or NULL */
} lint_result;

/* Lint bytes already read. `explicit_path`: the user named this file (SL002
 * applies); a directory scan passes 0 and a non-template gives no findings
 * (result->linted stays 0). */
void lint_buffer(const lint_config *cfg, const char *path, const char *bytes, size_t len,
                 int explicit_path, lint_result *out);
/* Read and lint a file (or "-" for stdin). */
void lint_path(const lint_config *cfg, const char *path, int explicit_path, lint_result *out);
void lint_result_release(lint_result *r);
/* Mask file names that look like secrets (secret_mask_path) in results and
 * their findings, in place: the last step before output, once fixes and
 * baseline fingerprints have used the real names. */
void lint_results_mask_paths(lint_result *r, size_t n);

/* Sort findings by file, line, column, rule. */
void lint_sort_findings(finding *f, size_t n);

#endif
