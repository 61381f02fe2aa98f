/* rx: PCRE2 patterns compiled once per run, shared by all threads. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rx {
    struct rx *next;
    const char *asked;  /* the caller's pattern string, for a quick match */
    char *pattern;
    unsigned flags;
    int jit;         /* JIT-compiled: pcre2_match runs the machine code */
    uint32_t pairs;  /* ovector pairs the pattern needs (groups + 1) */
    pcre2_code *code;
};

/* Match data kept for reuse: making it per call cost a malloc and, for the
 * interpreter, its frame vector on every search. */
typedef struct md_slot {
    struct md_slot *next;
    pcre2_match_data *md;
    uint32_t pairs;
} md_slot;

/* The run's compiled patterns. A pattern is added once and never changed,
 * so readers only need the lock while looking it up. */
static pthread_mutex_t rx_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rx *rx_list;
static md_slot *md_free;  /* under rx_lock */
static int jit_off = -1;  /* SAMLINT_NO_JIT set; under rx_lock */

static void out_of_memory(void)
{
    fputs("samlint: out of memory\n", stderr);
    abort();
}

static pcre2_code *rx_compile(const char *pattern, unsigned flags, int *jit, int soft)
{
    uint32_t opts = 0;
    int err = 0;
    PCRE2_SIZE err_off = 0;
    if (flags & RX_ICASE)
        opts |= PCRE2_CASELESS;
    if (flags & RX_MULTILINE)
        opts |= PCRE2_MULTILINE;
    if (flags & RX_UTF)
        opts |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &err, &err_off, NULL);
    if (!code && soft)
        return NULL;
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        fprintf(stderr, "samlint: internal pattern /%s/ at %zu: %s\n", pattern, (size_t)err_off, (char *)msg);
        abort();
    }
    /* JIT, unless SAMLINT_NO_JIT is set (memcheck: the JIT's vector reads
     * past the subject look like errors to valgrind) or the library has
     * none: then the interpreter, which finds the same matches. */
    if (jit_off < 0) {
        const char *e = getenv("SAMLINT_NO_JIT");
        jit_off = e && *e && strcmp(e, "0") != 0;
    }
    *jit = !jit_off && !(flags & RX_NO_JIT) && pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    return code;
}

static const rx *rx_lookup(const char *pattern, unsigned flags, int soft)
{
    pthread_mutex_lock(&rx_lock);
    /* Patterns are mostly string literals: the same pointer comes back
     * each time, and one comparison confirms it. */
    for (struct rx *r = rx_list; r; r = r->next) {
        if (r->asked == pattern && r->flags == flags && strcmp(r->pattern, pattern) == 0) {
            pthread_mutex_unlock(&rx_lock);
            return r;
        }
    }
    for (struct rx *r = rx_list; r; r = r->next) {
        if (r->flags == flags && strcmp(r->pattern, pattern) == 0) {
            pthread_mutex_unlock(&rx_lock);
            return r;
        }
    }
    struct rx *r = calloc(1, sizeof *r);
    size_t n = strlen(pattern) + 1;
    char *copy = malloc(n);
    if (!r || !copy)
        out_of_memory();
    memcpy(copy, pattern, n);
    r->asked = pattern;
    r->pattern = copy;
    r->flags = flags;
    r->code = rx_compile(pattern, flags, &r->jit, soft);
    if (!r->code) {
        pthread_mutex_unlock(&rx_lock);
        free(copy);
        free(r);
        return NULL;
    }
    uint32_t groups = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &groups);
    r->pairs = groups + 1;
    r->next = rx_list;
    rx_list = r;
    pthread_mutex_unlock(&rx_lock);
    return r;
}

const rx *rx_get(const char *pattern, unsigned flags)
{
    return rx_lookup(pattern, flags, 0);
}

const rx *rx_try(const char *pattern, unsigned flags)
{
    return rx_lookup(pattern, flags, 1);
}

/* A match data with room for r's groups: a kept one, else a new one. */
static md_slot *md_take(const struct rx *r)
{
    pthread_mutex_lock(&rx_lock);
    md_slot *m = md_free;
    if (m)
        md_free = m->next;
    pthread_mutex_unlock(&rx_lock);
    if (m && m->pairs < r->pairs) {
        pcre2_match_data_free(m->md);
        m->md = NULL;
    }
    if (!m && !(m = calloc(1, sizeof *m)))
        out_of_memory();
    if (!m->md) {
        m->pairs = r->pairs < 16 ? 16 : r->pairs;
        if (!(m->md = pcre2_match_data_create(m->pairs, NULL)))
            out_of_memory();
    }
    return m;
}

static void md_give(md_slot *m)
{
    pthread_mutex_lock(&rx_lock);
    m->next = md_free;
    md_free = m;
    pthread_mutex_unlock(&rx_lock);
}

int rx_find(const rx *r, const char *s, size_t len, size_t start, size_t *ov, int n_groups)
{
    if (!r || start > len)
        return 0;
    md_slot *m = md_take(r);
    int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, start, 0, m->md, NULL);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && r->jit) /* out of JIT stack: the interpreter decides */
        rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, start, PCRE2_NO_JIT, m->md, NULL);
    if (rc <= 0) {
        md_give(m);
        return 0;
    }
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(m->md);
    for (int i = 0; i < n_groups; i++) {
        if ((uint32_t)i < r->pairs && i < rc && v[2 * i] != PCRE2_UNSET) {
            ov[2 * i] = v[2 * i];
            ov[2 * i + 1] = v[2 * i + 1];
        } else {
            ov[2 * i] = RX_UNSET;
            ov[2 * i + 1] = RX_UNSET;
        }
    }
    md_give(m);
    return 1;
}

void rx_release(void)
{
    pthread_mutex_lock(&rx_lock);
    struct rx *r = rx_list;
    md_slot *m = md_free;
    rx_list = NULL;
    md_free = NULL;
    pthread_mutex_unlock(&rx_lock);
    while (r) {
        struct rx *next = r->next;
        pcre2_code_free(r->code);
        free(r->pattern);
        free(r);
        r = next;
    }
    while (m) {
        md_slot *next = m->next;
        pcre2_match_data_free(m->md);
        free(m);
        m = next;
    }
}
