/* out: findings to text or JSON (other formats in out_*.c). */
#ifndef SAMLINT_OUT_H
#define SAMLINT_OUT_H

#include <stdio.h>
#include "engine.h"

typedef enum out_format { OUT_TEXT, OUT_JSON, OUT_SARIF, OUT_GITHUB, OUT_JUNIT } out_format;

typedef struct out_options {
    out_format format;
    int color;      /* ANSI colour in text output */
    int excerpt;    /* source excerpt under each text finding */
    int show_suppressed;  /* text and JSON also list suppressed findings, with the reason */
    const lint_config *cfg;  /* which rules run (SARIF marks optional rules not selected), or NULL */
    int quiet;      /* text: no summary line */
    int statistics; /* text: a count per rule instead of the findings */
    int baseline_given;   /* --baseline: SARIF says baselineState */
    int omit_suppressed;  /* SARIF: leave suppressed findings out */
} out_options;

const char *severity_name(severity s);
/* Parse "error"/"warning"/"info"(/"note"); SEV_NONE for "none" (or "never"); -2 when invalid. */
int severity_parse(const char *s);

/* Write text with control characters, escape sequences and invalid UTF-8
 * shown as \xNN, so nothing from a template can drive the terminal. */
void out_escaped(FILE *f, const char *s);
/* The same escaping into a new string; free() it. */
char *out_escaped_str(const char *s);
/* A copy of s that is valid UTF-8 (invalid bytes become U+FFFD); free() it. */
char *out_utf8_clean(const char *s);
/* The length of the valid UTF-8 sequence at s (not a C1 control), or 0. */
size_t out_utf8_len(const unsigned char *s);
/* Is s plain ASCII (no DEL), which out_utf8_clean would copy unchanged? */
int out_is_plain_ascii(const char *s);
/* A string from a template or a path as a cJSON member, made valid UTF-8;
 * NULL gives null. The key must be a literal. */
struct cJSON;
void out_json_str(struct cJSON *obj, const char *key, const char *s);

/* Streaming JSON (for the SARIF writer). out_json_hooks() makes cJSON's
 * allocation failures visible (call once, on one thread, before
 * rendering). out_json_frame() prints `frame`, a document whose array
 * `key` is empty, with items() writing that array's elements in place
 * (with src/jsonw.h); it deletes frame, and returns -1 when cJSON ran out
 * of memory printing it, else what items() returned. */
void out_json_hooks(void);
typedef int (*out_json_items_fn)(FILE *f, void *user);
int out_json_frame(FILE *f, struct cJSON *frame, const char *key, out_json_items_fn items, void *user);

/* The summary line: "3 findings (1 error, 2 warnings, 0 info) in 2 files: 1 template, 1 handler file." */
void out_summary(FILE *f, const lint_result *results, size_t n);

/* Render the results; 0, or -1 when rendering ran out of memory (write
 * errors are the writer's: see writer.h). */
int out_emit(FILE *f, const out_options *o, const lint_result *results, size_t n);

#endif
