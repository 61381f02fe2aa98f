/* code_target: where a function's handler code is (a file or inline) and findings in it. */
#ifndef SAMLINT_CODE_TARGET_H
#define SAMLINT_CODE_TARGET_H

#include "code.h"
#include "rule.h"

enum code_where {
    TARGET_FILE,    /* a local file, read and checkable */
    TARGET_INLINE,  /* InlineCode / Code.ZipFile in the template */
    TARGET_MISSING  /* the code tree is here but the handler file is not (SL407) */
};

/* A literal piece of Fn::Join'ed inline code and where it starts in the text. */
typedef struct code_part {
    doc_id node;
    size_t start;
} code_part;

typedef struct code_target {
    const tmpl_resource *fn;
    enum code_where where;
    enum code_lang lang;
    const char *runtime;      /* effective Runtime */
    const char *handler;      /* effective Handler, or NULL */
    doc_id handler_node;      /* the Handler value (may sit in Globals), or DOC_NONE */
    doc_id code_node;         /* the CodeUri / Code / InlineCode value */
    const char *func;         /* function part of Handler ("handler"), or NULL */
    const char *build_method; /* Metadata.BuildMethod, or NULL */
    /* TARGET_FILE / TARGET_MISSING (paths as shown: the template's folder
     * joined with CodeUri and the file, "." parts removed) */
    const char *path;         /* the code file; for MISSING the first candidate */
    const char *root;         /* the CodeUri folder */
    const char *tried;        /* MISSING: the candidates, comma-separated */
    /* TARGET_INLINE */
    doc_id inline_node;       /* the scalar holding the code (or the Fn::Join) */
    const code_part *parts;   /* Fn::Join: its literal parts, else NULL */
    size_t n_parts;
    /* FILE and INLINE */
    const code_text *text;
    code_span span;           /* the handler's body, else the whole text */
} code_target;

#define CODE_MAX_TARGETS 4

/* The code targets of function `r` (one per possible CodeUri value, at most
 * CODE_MAX_TARGETS). Functions without local code (S3 locations, images,
 * compiled runtimes, absent code trees) have none. Files that are binary or
 * too large are left out. Returns the count. */
int code_targets(lint_ctx *ctx, const tmpl_resource *r, code_target *out);

/* Every target of every function (MISSING ones included), in resource
 * order. Found once per template and shared by the SL4xx rules. */
typedef struct code_target_list {
    const code_target *items;
    size_t n;
} code_target_list;
const code_target_list *code_all_targets(lint_ctx *ctx);
/* What code_all_targets kept outside the template's arena. */
void code_targets_release(lint_ctx *ctx);

/* Call fn for the local code folder of every function, whatever its
 * runtime and handler: its CodeUri (own or Globals) for a SAM function, or
 * the template's folder when it has neither CodeUri nor InlineCode (as sam
 * build does); Code as a path for AWS::Lambda::Function (what `aws
 * cloudformation package` uploads). Only folders that exist; paths as shown
 * (the template's folder joined with the value). */
void code_each_dir(lint_ctx *ctx, void (*fn)(void *user, const char *dir), void *user);

/* Call fn for every checkable target (FILE or INLINE) of every function. */
void code_each_target(lint_ctx *ctx, void (*fn)(lint_ctx *ctx, const code_target *tg));

/* Report the running rule at bytes [off, off + len) of the target's text:
 * in the code file, or at the real line and column inside the template for
 * inline code. len 0: the identifier (or dotted name) that starts at off. */
void code_report(lint_ctx *ctx, const code_target *tg, severity sev, size_t off, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Run pattern `re` over the masked code text of [from, to): each match whose
 * start is code is passed to fn with its groups (ov as in rx_find, 3 groups).
 * Returns how many matches fn accepted (fn returns 1 to count one). */
int code_scan(const code_text *ct, const char *re, unsigned flags, size_t from, size_t to, int masked,
              int (*fn)(void *user, const size_t *ov), void *user);

#endif
