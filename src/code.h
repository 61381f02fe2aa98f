/* code: handler source files: a per-run cache, comment/string masking, handler bodies. */
#ifndef SAMLINT_CODE_H
#define SAMLINT_CODE_H

#include <stddef.h>
#include <stdint.h>

enum code_lang { CODE_OTHER, CODE_JS, CODE_PY };

/* A piece of source: the text and a "masked" copy of the same length in
 * which comment text and string contents are blanked (newlines kept, quote
 * characters kept), so patterns run on `masked` see only code and every
 * offset, line and column is the same in both. */
typedef struct code_text {
    enum code_lang lang;
    const char *text;    /* NUL-terminated */
    const char *masked;  /* NUL-terminated, same length; NULL for CODE_OTHER */
    size_t len;
} code_text;

/* Fill `masked` (len + 1 bytes) for `text` and set up `ct`. */
void code_text_init(code_text *ct, enum code_lang lang, const char *text, size_t len, char *masked);
/* The language a file name's extension says (.js .mjs .cjs .ts .jsx .tsx / .py). */
enum code_lang code_lang_of_path(const char *path);
/* Is the byte at `off` code (not inside a comment or a string's contents)? */
int code_is_code(const code_text *ct, size_t off);
/* 1-based line and column (in characters) of a byte offset. */
void code_pos(const code_text *ct, size_t off, uint32_t *line, uint32_t *col);

/* Source files, read once per run. */
enum code_status {
    CODE_OK,
    CODE_MISSING,    /* no such regular file */
    CODE_TOO_BIG,    /* larger than CODE_MAX_BYTES */
    CODE_BINARY,     /* holds a NUL byte */
    CODE_UNREADABLE
};
#define CODE_MAX_BYTES ((size_t)1 << 20)

typedef struct code_file {
    const char *path;        /* the path it was loaded by */
    enum code_status status;
    code_text src;           /* valid when status is CODE_OK */
} code_file;

/* Load a file through the run's cache, keyed by its resolved path: every
 * template and thread of the run shares one copy. Never NULL. */
const code_file *code_load(const char *path);
/* Is `path` a regular file / a directory? */
int code_is_file(const char *path);
int code_is_dir(const char *path);
/* How many files the cache read from disk (for tests). */
size_t code_cache_reads(void);
/* Free the cache and the compiled patterns of rx.h (at the end of main). */
void code_cache_release(void);
/* Free the cached files only: the language server reads them again when
 * they may have changed on disk. */
void code_cache_forget(void);
/* The language server's open buffer of a file: code_load gives this text
 * (copied) instead of the disk's, until code_cache_forget. */
void code_cache_put(const char *path, const char *text, size_t len);

/* The handler function inside a source text. */
typedef struct code_span {
    int found;         /* 1 when the body was found; else start/end cover the text */
    size_t start, end; /* body: JS from '{' to past '}' (or the expression of
                          an arrow); Python from the def line to its last line */
    size_t name_off;   /* where the handler is declared (its name), or 0 */
    int elsewhere;     /* declared here but defined in another module
                          (`exports.handler = require('./impl').handler`,
                          an imported name) */
} code_span;

/* Find the body of the function exported as `name`: Node.js forms
 * `exports.x = ...`, `module.exports.x = ...`, `module.exports = { x }`,
 * `export const x = ...`, `export [async] function x`, `export { f as x }`,
 * and a named function they point at; Python `def x(...)`. */
int code_find_handler(const code_text *ct, const char *name, code_span *out);
/* Does `name` occur as an identifier in code (not in comments/strings)? */
int code_has_ident(const code_text *ct, const char *name);

#endif
