/* fix: text edits that rules attach to findings; applying them, verified, to files. */
#ifndef SAMLINT_FIX_H
#define SAMLINT_FIX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct lint_config;
struct lint_result;

/* Replace the bytes [start, end) of the template's text with `text`. The
 * positions are the same place as 1-based lines and columns in characters
 * (SARIF's deletedRegion); end is exclusive. */
typedef struct fix_edit {
    uint32_t start, end;
    uint32_t start_line, start_col, end_line, end_col;
    const char *text;
} fix_edit;

/* A finding's fix: all of its edits or none. Safe fixes keep what the
 * template means; unsafe ones change behaviour (Ruff's distinction) and run
 * only with --unsafe-fixes. */
typedef struct fix {
    const char *title;      /* "Remove the unused suppression" */
    int safe;
    size_t n_edits;
    const fix_edit *edits;  /* sorted, not overlapping */
} fix;

typedef struct fix_options {
    int unsafe;             /* apply unsafe fixes too */
    FILE *diff;             /* print a unified diff here and write nothing; NULL: write */
    int quiet;              /* no "fixed N findings" line on stderr */
} fix_options;

/* Apply the edits of the chosen fixes to `text`: the new text (malloc'd,
 * NUL-terminated) and its length. `chosen[i]` selects the i-th fix;
 * identical edits of several fixes (one Globals value behind many findings)
 * are made once; a fix that overlaps an earlier chosen one is dropped
 * (chosen[i] set to 0). */
char *fix_apply(const fix *const *fixes, size_t n, int *chosen, const char *text, size_t len, size_t *new_len);

/* Print a unified diff of two texts (3 lines of context) labelled `path`. */
void fix_diff(FILE *out, const char *path, const char *old, size_t old_len, const char *now, size_t now_len);

/* --fix / --diff for one linted file: read it again, apply the fixes its
 * findings carry, lint the result, and keep it only when the fixed findings
 * are gone and nothing new appeared; then write it atomically (or print the
 * diff). A file that does not parse is never touched. On success `r` is
 * replaced by the result of linting the fixed text. Returns the number of
 * findings fixed (0: nothing changed), or -1 with a message in err. */
int fix_file(const struct lint_config *cfg, struct lint_result *r, const fix_options *opt, char *err, size_t errlen);

/* --fix / --diff over a run's results (fix_file on each that has fixes;
 * problems on stderr). The files changed (or that would change), or -1
 * when one could not be fixed. */
int fix_results(const struct lint_config *cfg, struct lint_result *results, size_t n, const fix_options *opt);

/* The language server's check of the fixes it offers, the one --fix makes:
 * for each finding `which[k]` of `r` (the lint of `text` with `cfg`), apply
 * its fix alone to the text, lint again, and set ok[k] when that finding's
 * rule has one finding fewer and no rule has more (SL0xx always checked). */
void fix_verify(const struct lint_config *cfg, const struct lint_result *r, const char *text, size_t len,
                const size_t *which, size_t n, int *ok);

/* Does any finding of `r` carry a fix that `opt` allows? */
int fix_available(const struct lint_result *r, int unsafe);

/* Write `len` bytes to `path` atomically: a temporary file in the same
 * folder, fsync, the old file's mode, rename. 0, or -1 with err set. */
int fix_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen);

#endif
