/* secret: recognise AWS credentials and secret-looking names in text (SL101-SL103, SL405). */
#include "secret.h"

#include <stdint.h>
#include <string.h>

/* Access key id prefixes (IAM unique id prefixes of credentials). */
static const char *const access_key_prefixes[] = {
    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "AROA", "ANPA", "ANVA", "APKA", NULL
};

/* Byte classes. samlint runs in the C locale, so these are isalnum() & co.
 * for ASCII and nothing above it; a table because they run for every byte
 * of every scalar. */
enum { CK = 1 /* [A-Za-z0-9/+] */, CA = 2 /* [A-Za-z] */, CW = 4 /* [A-Za-z0-9_] */, CB = 8 /* [A-Z2-7] */ };
static const unsigned char byte_class[256] = {
    ['+'] = CK, ['/'] = CK, ['0'] = CK|CW, ['1'] = CK|CW, ['2'] = CK|CW|CB, ['3'] = CK|CW|CB,
    ['4'] = CK|CW|CB, ['5'] = CK|CW|CB, ['6'] = CK|CW|CB, ['7'] = CK|CW|CB, ['8'] = CK|CW, ['9'] = CK|CW,
    ['A'] = CK|CA|CW|CB, ['B'] = CK|CA|CW|CB, ['C'] = CK|CA|CW|CB, ['D'] = CK|CA|CW|CB, ['E'] = CK|CA|CW|CB,
    ['F'] = CK|CA|CW|CB, ['G'] = CK|CA|CW|CB, ['H'] = CK|CA|CW|CB, ['I'] = CK|CA|CW|CB, ['J'] = CK|CA|CW|CB,
    ['K'] = CK|CA|CW|CB, ['L'] = CK|CA|CW|CB, ['M'] = CK|CA|CW|CB, ['N'] = CK|CA|CW|CB, ['O'] = CK|CA|CW|CB,
    ['P'] = CK|CA|CW|CB, ['Q'] = CK|CA|CW|CB, ['R'] = CK|CA|CW|CB, ['S'] = CK|CA|CW|CB, ['T'] = CK|CA|CW|CB,
    ['U'] = CK|CA|CW|CB, ['V'] = CK|CA|CW|CB, ['W'] = CK|CA|CW|CB, ['X'] = CK|CA|CW|CB, ['Y'] = CK|CA|CW|CB,
    ['Z'] = CK|CA|CW|CB, ['_'] = CW, ['a'] = CK|CA|CW, ['b'] = CK|CA|CW, ['c'] = CK|CA|CW, ['d'] = CK|CA|CW,
    ['e'] = CK|CA|CW, ['f'] = CK|CA|CW, ['g'] = CK|CA|CW, ['h'] = CK|CA|CW, ['i'] = CK|CA|CW,
    ['j'] = CK|CA|CW, ['k'] = CK|CA|CW, ['l'] = CK|CA|CW, ['m'] = CK|CA|CW, ['n'] = CK|CA|CW,
    ['o'] = CK|CA|CW, ['p'] = CK|CA|CW, ['q'] = CK|CA|CW, ['r'] = CK|CA|CW, ['s'] = CK|CA|CW,
    ['t'] = CK|CA|CW, ['u'] = CK|CA|CW, ['v'] = CK|CA|CW, ['w'] = CK|CA|CW, ['x'] = CK|CA|CW,
    ['y'] = CK|CA|CW, ['z'] = CK|CA|CW,
};

static inline int is_alpha(unsigned char c) { return byte_class[c] & CA; }
static inline int is_digit(unsigned char c) { return (unsigned)(c - '0') < 10; }
static inline int is_word(unsigned char c) { return byte_class[c] & CW; }
static inline int is_base32(unsigned char c) { return byte_class[c] & CB; }
static inline int is_key_char(unsigned char c) { return byte_class[c] & CK; }

static int has_access_key_prefix(const char *s)
{
    for (size_t i = 0; access_key_prefixes[i]; i++)
        if (memcmp(s, access_key_prefixes[i], 4) == 0)
            return 1;
    return 0;
}

int secret_find_access_key(const char *s, size_t len, size_t *off)
{
    if (!s || len < SECRET_ACCESS_KEY_LEN)
        return 0;
    /* Every id starts with 'A': memchr skips to the candidates. */
    const char *end = s + (len - SECRET_ACCESS_KEY_LEN + 1);
    for (const char *p = s; p < end && (p = memchr(p, 'A', (size_t)(end - p))) != NULL; p++) {
        size_t i = (size_t)(p - s);
        if (i > 0 && is_word((unsigned char)s[i - 1]))
            continue;
        if (!has_access_key_prefix(p))
            continue;
        size_t j = 4;
        while (j < SECRET_ACCESS_KEY_LEN && is_base32((unsigned char)p[j]))
            j++;
        if (j < SECRET_ACCESS_KEY_LEN)
            continue;
        if (i + j < len && is_word((unsigned char)s[i + j]))
            continue;
        if (off)
            *off = i;
        return 1;
    }
    return 0;
}

int secret_is_placeholder(const char *s, size_t len)
{
    return s && memmem(s, len, "EXAMPLE", 7) != NULL;
}

int secret_in_arn(const char *s, size_t at)
{
    static const char stops[] = " \t\r\n\"'`,;=()[]<>";  /* not {}: ${AWS::Partition} in a Sub */
    size_t b = at, floor = at > 2048 ? at - 2048 : 0;
    while (b > floor && !memchr(stops, s[b - 1], sizeof stops - 1)) b--;
    return at - b >= 4 && strncmp(s + b, "arn:", 4) == 0;
}

int secret_find_credential_id(const char *s, size_t len, size_t *off)
{
    size_t pos = 0, o;
    while (pos < len && secret_find_access_key(s + pos, len - pos, &o)) {
        size_t at = pos + o;
        if (memcmp(s + at + SECRET_ACCESS_KEY_LEN - 7, "EXAMPLE", 7) != 0 && !secret_in_arn(s, at)) {
            if (off)
                *off = at;
            return 1;
        }
        pos = at + SECRET_ACCESS_KEY_LEN;
    }
    return 0;
}

int secret_is_secret_key_value(const char *s, size_t len)
{
    if (!s || len != SECRET_KEY_VALUE_LEN)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!is_key_char((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The start of the first run of exactly SECRET_KEY_VALUE_LEN characters of
 * [A-Za-z0-9/+] in s[i..len) (s[i] counts as starting a run), else len.
 * Looks at the last character of each 40-character window first: when it
 * is no key character, no run of 40 starts before it and the window is
 * skipped whole, so prose and code cost a fraction of their length. */
static size_t next_run40(const char *s, size_t len, size_t i)
{
    const size_t K = SECRET_KEY_VALUE_LEN;
    while (i < len) {
        if (!is_key_char((unsigned char)s[i])) {
            i++;
            continue;
        }
        /* s[i] starts a run (s[i - 1] is no key character, or i is where
         * the search began). */
        if (len - i < K)
            return len;
        size_t j = i + K - 1;
        while (j > i && is_key_char((unsigned char)s[j]))
            j--;
        if (j > i) { /* the run from i ends before i + K; runs starting in (i, j) too */
            i = j + 1;
            continue;
        }
        size_t e = i + K;
        while (e < len && is_key_char((unsigned char)s[e]))
            e++;
        if (e - i == K)
            return i;
        i = e;
    }
    return len;
}

int secret_find_key_run(const char *s, size_t len, size_t *off)
{
    if (!s)
        return 0;
    size_t i = next_run40(s, len, 0);
    if (i >= len)
        return 0;
    if (off)
        *off = i;
    return 1;
}

int secret_find_secret_key_value(const char *s, size_t len, size_t *off)
{
    if (!s)
        return 0;
    for (size_t i = next_run40(s, len, 0); i < len; i = next_run40(s, len, i + SECRET_KEY_VALUE_LEN)) {
        int letters = 0, others = 0;
        for (size_t k = i; k < i + SECRET_KEY_VALUE_LEN; k++) {
            if (is_alpha((unsigned char)s[k]))
                letters = 1;
            else
                others = 1;
        }
        if (letters && others) {
            if (off)
                *off = i;
            return 1;
        }
    }
    return 0;
}

void secret_mask_access_keys(char *s, size_t len)
{
    size_t pos = 0, off = 0;
    if (!s)
        return;
    while (pos < len && secret_find_access_key(s + pos, len - pos, &off)) {
        memset(s + pos + off + 4, '*', SECRET_ACCESS_KEY_LEN - 4);
        pos += off + SECRET_ACCESS_KEY_LEN;
    }
}

/* Does the 40-character run at s hold a letter and a non-letter? */
static int run_is_secret_shaped(const char *s)
{
    int letters = 0, others = 0;
    for (size_t k = 0; k < SECRET_KEY_VALUE_LEN; k++) {
        if (is_alpha((unsigned char)s[k]))
            letters = 1;
        else
            others = 1;
    }
    return letters && others;
}

/* Source text may write '/' as "\/" (JSON, YAML double quotes): a run of
 * key characters and such escapes that reads as exactly 40 characters is
 * a run too. Mask what follows its first 4 characters. */
static void mask_escaped_runs(char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i, chars = 0;
        int escaped = 0;
        for (;;) {
            if (i < len && is_key_char((unsigned char)s[i])) {
                i++;
            } else if (i + 1 < len && s[i] == '\\' && s[i + 1] == '/') {
                i += 2;
                escaped = 1;
            } else {
                break;
            }
            chars++;
        }
        if (chars == SECRET_KEY_VALUE_LEN && escaped) {
            size_t seen = 0;
            for (size_t k = start; k < i; k++) {
                int two = s[k] == '\\';
                if (seen >= 4) {
                    s[k] = '*';
                    if (two)
                        s[k + 1] = '*';
                }
                k += two;
                seen++;
            }
        }
        if (i == start)
            i++;
    }
}

void secret_mask_text(char *s, size_t len)
{
    if (!s)
        return;
    secret_mask_access_keys(s, len);
    for (size_t i = next_run40(s, len, 0); i < len; i = next_run40(s, len, i + SECRET_KEY_VALUE_LEN))
        memset(s + i + 4, '*', SECRET_KEY_VALUE_LEN - 4);
    if (memchr(s, '\\', len))
        mask_escaped_runs(s, len);
}

int secret_has_name_secret(const char *s, size_t len)
{
    if (!s)
        return 0;
    if (secret_find_access_key(s, len, NULL))
        return 1;
    for (size_t i = next_run40(s, len, 0); i < len; i = next_run40(s, len, i + SECRET_KEY_VALUE_LEN))
        if (run_is_secret_shaped(s + i))
            return 1;
    return 0;
}

void secret_mask_names(char *s, size_t len)
{
    if (!s)
        return;
    secret_mask_access_keys(s, len);
    for (size_t i = next_run40(s, len, 0); i < len; i = next_run40(s, len, i + SECRET_KEY_VALUE_LEN))
        if (run_is_secret_shaped(s + i))
            memset(s + i + 4, '*', SECRET_KEY_VALUE_LEN - 4);
}

void secret_mask_path(char *s, size_t len)
{
    if (!s)
        return;
    for (size_t i = 0; i < len;) {
        char *slash = memchr(s + i, '/', len - i);
        size_t end = slash ? (size_t)(slash - s) : len;
        secret_mask_names(s + i, end - i);
        i = end + 1;
    }
}

/* squash()'s view of a byte: lower case, and 0 for the separators it
 * drops ('_', '-', '.', ' '). */
static const unsigned char fold[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    0x00, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x00, 0x00, 0x2f,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
    0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x00,
    0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
    0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
    0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
    0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
    0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
    0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};

/* Lower-case name with '_', '-', '.', spaces dropped, into buf (truncated);
 * returns its length. */
static size_t squash(const char *name, char *buf, size_t size)
{
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < size; p++) {
        unsigned char c = fold[(unsigned char)*p];
        if (c)
            buf[n++] = (char)c;
    }
    buf[n] = 0;
    return n;
}

int secret_name_says_secret_key(const char *name)
{
    if (!name)
        return 0;
    char buf[256];
    squash(name, buf, sizeof buf);
    return strstr(buf, "secretaccesskey") || strstr(buf, "secretkey") || strstr(buf, "awssecret");
}

/* Name endings that describe a secret (where it is, how long, what kind)
 * rather than hold it. To add one: lower case, no separators. */
#define S(w) {w, sizeof w - 1}
static const struct {
    const char *s;
    size_t n;
} describing_suffixes[] = {
    S("arn"), S("arns"), S("id"), S("ids"), S("name"), S("names"), S("length"), S("type"),
    S("policy"), S("validity"), S("units"), S("version"), S("versionstage"), S("ttl"), S("url"),
    S("uri"), S("endpoint"), S("header"), S("path"), S("parameter"), S("param"), S("enabled"),
    S("required"), S("location"), S("source"), S("rotation"), S("expiration"), S("expiry"),
    S("duration"), S("config"), S("configuration"), S("settings"), S("resource"), S("kmskeyid"),
    S("template"), S("mode"), S("count"), S("size"), S("format"), S("provider"), S("revocation"),
    S("seconds"), S("minutes"), S("hours"), S("days"), S("expression"), S("kmskey"),
    S("httptokens"), S("role"), S("topic"), S("queue"), S("table"), S("bucket"), S("function"),
    S("lambda"), S("handler"),
};
#undef S

/* Secret words by their last letter: the word and its last up to 8
 * letters packed into an integer, the last letter in the low byte. */
#define PACK4(a, b, c, d) ((uint64_t)(a) << 24 | (uint64_t)(b) << 16 | (uint64_t)(c) << 8 | (uint64_t)(d))
#define PACK8(a, b, c, d, e, f, g, h) (PACK4(a, b, c, d) << 32 | PACK4(e, f, g, h))
#define LOW(w, k) ((w) & (~(uint64_t)0 >> (64 - 8 * (k))))

/* Words that, found in a name, make it a secret holder. */
static const char *const secret_words[] = {
    "password", "passwd", "secret", "token", "apikey", "privatekey", NULL
};

/* mentions_secret()'s view of a byte: 0 for the separators squash()
 * drops, a letter in lower case (with 0x80 when it ends a secret word:
 * n, t, y, d), 1 for anything else. */
static const unsigned char word_byte[256] = {
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x61, 0x62, 0x63, 0xe4, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0xee, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0xf4, 0x75, 0x76, 0x77, 0x78, 0xf9, 0x7a, 0x01, 0x01, 0x01, 0x01, 0x00,
    0x01, 0x61, 0x62, 0x63, 0xe4, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0xee, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0xf4, 0x75, 0x76, 0x77, 0x78, 0xf9, 0x7a, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
};

/* Does the squashed name (see squash(): its first 255 characters) contain
 * a secret word? This runs for every key of a template and few mention a
 * secret, so one pass over the name without a copy looks at the last
 * letters squashed (privatekey: its last 8); a possible word is confirmed
 * on the squashed copy. */
static int secret_word_in(const char *name)
{
    char buf[256];
    squash(name, buf, sizeof buf);
    for (size_t i = 0; secret_words[i]; i++)
        if (strstr(buf, secret_words[i]))
            return 1;
    return 0;
}

static int mentions_secret(const char *name)
{
    uint64_t w = 0;
    for (const char *p = name; *p; p++) {
        unsigned char c = word_byte[(unsigned char)*p];
        if (!c)
            continue;
        w = w << 8 | (c & 0x7F);
        if (!(c & 0x80))
            continue;
        int maybe = 0;
        switch (c & 0x7F) {
        case 'n':
            maybe = LOW(w, 5) == (PACK4('o', 'k', 'e', 'n') | (uint64_t)'t' << 32);
            break;
        case 't':
            maybe = LOW(w, 6) == (PACK4('c', 'r', 'e', 't') | PACK4(0, 0, 's', 'e') << 32);
            break;
        case 'y':
            maybe = LOW(w, 6) == (PACK4('i', 'k', 'e', 'y') | PACK4(0, 0, 'a', 'p') << 32) ||
                    w == PACK8('i', 'v', 'a', 't', 'e', 'k', 'e', 'y');
            break;
        default: /* 'd' */
            maybe = LOW(w, 6) == (PACK4('s', 's', 'w', 'd') | PACK4(0, 0, 'p', 'a') << 32) ||
                    w == PACK8('p', 'a', 's', 's', 'w', 'o', 'r', 'd');
            break;
        }
        if (maybe)
            return secret_word_in(name);
    }
    return 0;
}

int secret_name_class(const char *name)
{
    if (!name || !mentions_secret(name))
        return 0;
    char buf[256];
    size_t n = squash(name, buf, sizeof buf);
    while (n > 0 && is_digit((unsigned char)buf[n - 1]))
        n--; /* "SecretName2" ends in "name" */
    for (size_t i = 0; i < sizeof describing_suffixes / sizeof describing_suffixes[0]; i++) {
        const char *suf = describing_suffixes[i].s;
        size_t m = describing_suffixes[i].n;
        if (n >= m && buf[n - 1] == suf[m - 1] && memcmp(buf + n - m, suf, m) == 0)
            return SECRET_NAME_MENTIONS;
    }
    return SECRET_NAME_MENTIONS | SECRET_NAME_LOOKS;
}

int secret_name_mentions_secret(const char *name)
{
    return (secret_name_class(name) & SECRET_NAME_MENTIONS) != 0;
}

int secret_name_looks_secret(const char *name)
{
    return (secret_name_class(name) & SECRET_NAME_LOOKS) != 0;
}

int secret_is_dynamic_ref(const char *s)
{
    if (!s)
        return 0;
    return strstr(s, "{{resolve:secretsmanager:") || strstr(s, "{{resolve:ssm-secure:") ||
           strstr(s, "{{resolve:ssm:");
}
