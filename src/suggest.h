/* suggest: "did you mean ...?" by edit distance among allowed names. */
#ifndef SAMLINT_SUGGEST_H
#define SAMLINT_SUGGEST_H

#include <stddef.h>

/* Offer candidates one at a time (any storage: string pools, tables, maps),
 * then ask for the closest one that is close enough to be worth saying. */
typedef struct suggest {
    const char *word;
    size_t len;
    const char *best;     /* closest candidate so far, or NULL */
    size_t best_len;
    unsigned best_dist;   /* its distance (x2: a case-only change costs 1) */
    unsigned limit;       /* candidates farther than this are never said */
} suggest;

void suggest_init(suggest *s, const char *word, size_t len);
void suggest_offer(suggest *s, const char *cand, size_t cand_len);
/* The closest candidate within the limit (one equal but for letter case
 * always is: 'latest' -> 'LATEST'), or NULL; `len` (may be NULL)
 * receives its length (candidates need not be NUL-terminated). */
const char *suggest_best(const suggest *s, size_t *len);

/* Edit distance (insert, delete, substitute, swap two neighbours), doubled,
 * where a change of letter case alone costs 1 instead of 2. Stops counting
 * at `cap` and returns cap + 1 when it is exceeded. */
unsigned suggest_distance(const char *a, size_t alen, const char *b, size_t blen, unsigned cap);
/* The largest doubled distance worth suggesting for a word of `len` bytes. */
unsigned suggest_limit(size_t len);

#endif
