/* suppress: `# samlint: ignore` comments and Metadata ignore lists, with reasons. */
#ifndef SAMLINT_SUPPRESS_H
#define SAMLINT_SUPPRESS_H

#include "engine.h"

struct arena;

typedef enum sup_scope {
    SUP_LINE,       /* # samlint: ignore ID -- reason (this line, or the next one) */
    SUP_FILE,       /* # samlint: ignore-file ID -- reason */
    SUP_TEMPLATE,   /* top-level Metadata: {samlint: {ignore: [...]}} */
    SUP_RESOURCE    /* the same under a resource's Metadata */
} sup_scope;

typedef struct sup_entry {
    const char *rule;       /* rule id ("SL202"), group ("SL2"), or the text as written */
    const char *reason;     /* text after "--" / the `reason:` value; NULL when none */
    sup_scope scope;
    const char *file;       /* comments: the file it is written in (display path) */
    uint32_t line, col;     /* where it is written (SL007 points there) */
    uint32_t target_line;   /* SUP_LINE: the line it covers */
    const char *resource;   /* SUP_RESOURCE: logical id */
    int known;              /* names a rule of the registry, or a group of them */
    int is_prefix;          /* `rule` is a group prefix ("SL2") */
    int used;               /* matched a finding */
} sup_entry;

typedef struct sup_list {
    sup_entry *e;           /* malloc'd; strings live in the arena given to the scanners */
    size_t n, cap;
} sup_list;

/* Collect comment suppressions from a file's text: the template (marker
 * "#"), or handler code ("#" for Python, "//" for JavaScript/TypeScript).
 * `file` is its display path, as findings name it; it must outlive `l`. */
void sup_scan_comments(sup_list *l, struct arena *a, const char *file, const char *text, size_t len,
                       const char *marker);
/* Collect comment suppressions from the handler files that findings point
 * into (files other than the template). */
void sup_scan_code_files(sup_list *l, struct arena *a, const finding *f, size_t n,
                         const char *template_path);
/* Collect Metadata suppressions (template-wide and per resource). */
void sup_scan_metadata(sup_list *l, struct arena *a, const tmpl *t);
/* Mark each finding a suppression covers (suppressed = 1, suppress_reason) and
 * the suppressions that matched. `template_path` is the linted file's display
 * path: its ignore-file comments also cover findings in handler code. */
void sup_apply(sup_list *l, finding *f, size_t n, const char *template_path);
/* Call `emit` for each suppression that matched nothing, with a message for
 * SL007 (stored in `a`). A suppression of a rule that did not run (not
 * enabled in `cfg`) is not reported: nothing can be said about it. */
void sup_each_unused(const sup_list *l, const lint_config *cfg, struct arena *a,
                     void (*emit)(void *user, const sup_entry *e, const char *message), void *user);
void sup_release(sup_list *l);

#endif
