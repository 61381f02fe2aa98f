/* suggest: "did you mean ...?" by edit distance among allowed names. */
#include "suggest.h"

#include <string.h>

/* Words longer than this are compared by their first SUGGEST_MAX bytes only:
 * no name a template may use is longer, and the cost stays bounded. */
#define SUGGEST_MAX 64

static unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static unsigned sub_cost(unsigned char a, unsigned char b)
{
    if (a == b) return 0;
    return fold(a) == fold(b) ? 1 : 2;
}

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
    unsigned m = a < b ? a : b;
    return m < c ? m : c;
}

unsigned suggest_distance(const char *a, size_t alen, const char *b, size_t blen, unsigned cap)
{
    if (alen > SUGGEST_MAX) alen = SUGGEST_MAX;
    if (blen > SUGGEST_MAX) blen = SUGGEST_MAX;
    size_t diff = alen > blen ? alen - blen : blen - alen;
    if (2 * diff > cap) return cap + 1;
    /* A lower bound first: every edit of cost c changes the case-folded
     * byte counts of a and b by at most c in all, so their difference
     * bounds the distance from below; most candidates stop here. */
    short count[256] = {0};
    for (size_t i = 0; i < alen; i++) count[fold((unsigned char)a[i])]++;
    for (size_t j = 0; j < blen; j++) count[fold((unsigned char)b[j])]--;
    unsigned bag = 0;
    for (size_t i = 0; i < alen; i++) {
        unsigned char c = fold((unsigned char)a[i]);
        bag += (unsigned)(count[c] < 0 ? -count[c] : count[c]);
        count[c] = 0;
    }
    for (size_t j = 0; j < blen; j++) {
        unsigned char c = fold((unsigned char)b[j]);
        bag += (unsigned)(count[c] < 0 ? -count[c] : count[c]);
        count[c] = 0;
    }
    if (bag > cap) return cap + 1;
    /* Three rows of the optimal-string-alignment table. */
    unsigned rows[3][SUGGEST_MAX + 1];
    unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= blen; j++) prev[j] = (unsigned)(2 * j);
    for (size_t i = 1; i <= alen; i++) {
        cur[0] = (unsigned)(2 * i);
        unsigned row_min = cur[0];
        for (size_t j = 1; j <= blen; j++) {
            unsigned char ca = (unsigned char)a[i - 1], cb = (unsigned char)b[j - 1];
            unsigned v = min3(prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + sub_cost(ca, cb));
            if (i > 1 && j > 1 && ca == (unsigned char)b[j - 2] && (unsigned char)a[i - 2] == cb &&
                prev2[j - 2] + 2 < v)
                v = prev2[j - 2] + 2;
            cur[j] = v;
            if (v < row_min) row_min = v;
        }
        if (row_min > cap) return cap + 1;
        unsigned *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[blen] > cap ? cap + 1 : prev[blen];
}

unsigned suggest_limit(size_t len)
{
    /* One edit for short words, about one in three for longer ones. */
    if (len <= 3) return 2;
    if (len <= 5) return 3;
    return (unsigned)(2 * (len / 3 > 4 ? 4 : len / 3));
}

void suggest_init(suggest *s, const char *word, size_t len)
{
    s->word = word;
    s->len = len;
    s->best = NULL;
    s->best_len = 0;
    s->limit = suggest_limit(len);
    s->best_dist = s->limit + 1;
}

/* Equal but for letter case (latest, LATEST): whatever its length, the
 * name meant. */
static int same_folded(const char *a, const char *b, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (fold((unsigned char)a[i]) != fold((unsigned char)b[i])) return 0;
    return 1;
}

void suggest_offer(suggest *s, const char *cand, size_t cand_len)
{
    if (cand_len == s->len && memcmp(cand, s->word, cand_len) == 0) return;
    unsigned cap = s->best_dist <= s->limit ? s->best_dist : s->limit;
    unsigned d = cand_len == s->len && same_folded(cand, s->word, cand_len)
                     ? 1 : suggest_distance(s->word, s->len, cand, cand_len, cap);
    /* Ties keep the first offered (tables list the usual names first), but
     * for one that the word begins: a name cut short (DomainNameV ->
     * DomainNameV2, not DomainName). */
    int extends = cand_len > s->len && memcmp(cand, s->word, s->len) == 0;
    if (d == s->best_dist && d <= s->limit && extends &&
        !(s->best_len > s->len && memcmp(s->best, s->word, s->len) == 0)) {
        s->best = cand;
        s->best_len = cand_len;
    } else if (d < s->best_dist && d <= s->limit) {
        s->best = cand;
        s->best_len = cand_len;
        s->best_dist = d;
    }
}

const char *suggest_best(const suggest *s, size_t *len)
{
    if (len) *len = s->best ? s->best_len : 0;
    return s->best;
}
