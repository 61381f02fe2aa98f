/* rx: PCRE2 patterns compiled once per run, shared by all threads. */
#ifndef SAMLINT_RX_H
#define SAMLINT_RX_H

#include <stddef.h>

typedef struct rx rx;

enum {
    RX_ICASE = 1, RX_MULTILINE = 2,
    RX_UTF = 4,     /* code points, not bytes */
    RX_NO_JIT = 8,  /* the interpreter only: cheaper to compile, for patterns used a few times */
};

/* The compiled form of `pattern`: compiled (and JIT-compiled) on first use,
 * then shared until rx_release(). Patterns are the program's own, so an
 * invalid one aborts with a message. Safe to call from any thread. */
const rx *rx_get(const char *pattern, unsigned flags);
/* The same for a pattern that is data (a schema's): NULL when PCRE2 cannot
 * compile it, instead of aborting. Not cached when it fails. */
const rx *rx_try(const char *pattern, unsigned flags);

/* Search `s[0..len)` from `start`. On a match return 1 and set
 * ov[2*i], ov[2*i+1] to the offsets of group i for i < n_groups (group 0 is
 * the whole match; an unset group gives RX_UNSET twice). Return 0 when there
 * is no match. Thread-safe: match data is taken from a shared free list for
 * the call. Patterns are JIT-compiled unless the environment variable
 * SAMLINT_NO_JIT is set (memcheck runs) or PCRE2 has no JIT. */
#define RX_UNSET ((size_t)-1)
int rx_find(const rx *r, const char *s, size_t len, size_t start, size_t *ov, int n_groups);

/* Free every compiled pattern (at exit). */
void rx_release(void);

#endif
