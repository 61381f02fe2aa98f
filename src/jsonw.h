/* jsonw: JSON written straight to an output buffer, byte for byte as
 * cJSON_Print formats it (tabs, "key":<tab>value, ", " between array
 * elements), with no tree: memory stays one buffer whatever the size. */
#ifndef SAMLINT_JSONW_H
#define SAMLINT_JSONW_H

#include <stddef.h>
#include <stdint.h>

#include "obuf.h"

#define JSONW_MAX_DEPTH 32

typedef struct jsonw {
    obuf *b;
    unsigned depth;                          /* open objects and arrays */
    unsigned char count[JSONW_MAX_DEPTH];    /* members so far at each depth (0, 1, or 2 for "more") */
} jsonw;

/* Start a writer at `depth` (the depth of what is written in the whole
 * document: its objects' members are indented by depth + 1 tabs). */
void jw_init(jsonw *w, obuf *b, unsigned depth);
/* The same inside an array already open at `depth` (its elements are
 * written with the ", " between them). */
void jw_init_array(jsonw *w, obuf *b, unsigned depth);
/* Objects and arrays. A value in an object follows jw_key(); one in an
 * array follows nothing (the separator is written for it). */
void jw_obj(jsonw *w);
void jw_obj_end(jsonw *w);
void jw_arr(jsonw *w);
void jw_arr_end(jsonw *w);
/* The next member of the open object: `key` is a literal (plain ASCII, no
 * quote or backslash). */
void jw_key(jsonw *w, const char *key);
/* Values. jw_str: a string from a template or a path, made valid UTF-8 as
 * out_utf8_clean() does and escaped as cJSON does; NULL gives null.
 * jw_lit: a literal string written as it is (plain ASCII, nothing to
 * escape). jw_raw: text written as it is (a number, true, false). */
void jw_str(jsonw *w, const char *s);
void jw_lit(jsonw *w, const char *s);
/* jw_str() for a string written many times over (a file's path in each of
 * its findings): the escaped text of the last one is kept in the cache
 * and copied while the same string (the same pointer) comes again. */
typedef struct jw_cache {
    const char *src;
    char *text;
    size_t len, cap;
} jw_cache;
void jw_str_cached(jsonw *w, jw_cache *c, const char *s);
void jw_cache_free(jw_cache *c);
void jw_int(jsonw *w, long long v);
void jw_bool(jsonw *w, int v);
void jw_raw(jsonw *w, const char *text);

/* A member with its value: jw_key() and then the value. */
static inline void jw_kstr(jsonw *w, const char *key, const char *s) { jw_key(w, key); jw_str(w, s); }
static inline void jw_klit(jsonw *w, const char *key, const char *s) { jw_key(w, key); jw_lit(w, s); }
static inline void jw_kint(jsonw *w, const char *key, long long v) { jw_key(w, key); jw_int(w, v); }
static inline void jw_kbool(jsonw *w, const char *key, int v) { jw_key(w, key); jw_bool(w, v); }

#endif
