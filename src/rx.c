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
    char *pattern;
    unsigned flags;
    pcre2_code *code;
};

/* The run's compiled patterns. A pattern is added once and never changed,
 * so readers only need the lock while looking it up. */
static pthread_mutex_t rx_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rx *rx_list;

static pcre2_code *rx_compile(const char *pattern, unsigned flags)
{
    uint32_t opts = 0;
    int err = 0;
    PCRE2_SIZE err_off = 0;
    if (flags & RX_ICASE)
        opts |= PCRE2_CASELESS;
    if (flags & RX_MULTILINE)
        opts |= PCRE2_MULTILINE;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &err, &err_off, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        fprintf(stderr, "samlint: internal pattern /%s/ at %zu: %s\n", pattern, (size_t)err_off, (char *)msg);
        abort();
    }
    /* No JIT: its vector reads past the subject upset valgrind, and the
     * subjects here (handler files of at most CODE_MAX_BYTES) are small. */
    return code;
}

const rx *rx_get(const char *pattern, unsigned flags)
{
    pthread_mutex_lock(&rx_lock);
    for (struct rx *r = rx_list; r; r = r->next) {
        if (r->flags == flags && strcmp(r->pattern, pattern) == 0) {
            pthread_mutex_unlock(&rx_lock);
            return r;
        }
    }
    struct rx *r = calloc(1, sizeof *r);
    size_t n = strlen(pattern) + 1;
    char *copy = malloc(n);
    if (!r || !copy) {
        fputs("samlint: out of memory\n", stderr);
        abort();
    }
    memcpy(copy, pattern, n);
    r->pattern = copy;
    r->flags = flags;
    r->code = rx_compile(pattern, flags);
    r->next = rx_list;
    rx_list = r;
    pthread_mutex_unlock(&rx_lock);
    return r;
}

int rx_find(const rx *r, const char *s, size_t len, size_t start, size_t *ov, int n_groups)
{
    if (!r || start > len)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->code, NULL);
    if (!md) {
        fputs("samlint: out of memory\n", stderr);
        abort();
    }
    int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, start, 0, md, NULL);
    if (rc <= 0) {
        pcre2_match_data_free(md);
        return 0;
    }
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
    uint32_t have = pcre2_get_ovector_count(md);
    for (int i = 0; i < n_groups; i++) {
        if ((uint32_t)i < have && i < rc && v[2 * i] != PCRE2_UNSET) {
            ov[2 * i] = v[2 * i];
            ov[2 * i + 1] = v[2 * i + 1];
        } else {
            ov[2 * i] = RX_UNSET;
            ov[2 * i + 1] = RX_UNSET;
        }
    }
    pcre2_match_data_free(md);
    return 1;
}

void rx_release(void)
{
    pthread_mutex_lock(&rx_lock);
    struct rx *r = rx_list;
    rx_list = NULL;
    pthread_mutex_unlock(&rx_lock);
    while (r) {
        struct rx *next = r->next;
        pcre2_code_free(r->code);
        free(r->pattern);
        free(r);
        r = next;
    }
}
