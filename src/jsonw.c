/* jsonw: JSON written straight to an output buffer, as cJSON_Print would. */
#include "jsonw.h"

#include <stdlib.h>
#include <string.h>

#include "out.h"

/* Each level's state: bit 0 set for an array, the rest counts what it
 * holds so far (saturating at 2: only "none" and "some" matter). */
#define JW_ARRAY 1u

void jw_init(jsonw *w, obuf *b, unsigned depth)
{
    w->b = b;
    w->depth = depth < JSONW_MAX_DEPTH ? depth : JSONW_MAX_DEPTH - 1;
    memset(w->count, 0, sizeof w->count);
}

void jw_init_array(jsonw *w, obuf *b, unsigned depth)
{
    jw_init(w, b, depth);
    w->count[w->depth] = JW_ARRAY;
}

static void tabs(obuf *b, unsigned n)
{
    char *p = ob_room(b, n);
    memset(p, '\t', n);
    ob_done(b, p + n);
}

/* Before a value: in an array, the ", " between elements. */
static void before_value(jsonw *w)
{
    unsigned char *st = &w->count[w->depth];
    if (!(*st & JW_ARRAY)) return;
    if (*st >> 1) ob_write(w->b, ", ", 2);
    else *st = (unsigned char)(*st | 2u);
}

static void open(jsonw *w, char c, unsigned char kind)
{
    before_value(w);
    ob_putc(w->b, c);
    if (w->depth + 1 < JSONW_MAX_DEPTH) w->depth++;
    w->count[w->depth] = kind;
}

void jw_obj(jsonw *w)
{
    open(w, '{', 0);
}

void jw_arr(jsonw *w)
{
    open(w, '[', JW_ARRAY);
}

void jw_obj_end(jsonw *w)
{
    /* cJSON ends every member's line with a newline, an empty object's too. */
    ob_putc(w->b, '\n');
    tabs(w->b, w->depth - 1);
    ob_putc(w->b, '}');
    w->depth--;
}

void jw_arr_end(jsonw *w)
{
    ob_putc(w->b, ']');
    w->depth--;
}

void jw_key(jsonw *w, const char *key)
{
    unsigned char *st = &w->count[w->depth];
    size_t n = strlen(key);
    char *p = ob_room(w->b, n + w->depth + 6 <= OBUF_ROOM ? n + w->depth + 6 : OBUF_ROOM);
    if (n + w->depth + 6 > OBUF_ROOM) {  /* not a key samlint writes; kept correct anyway */
        ob_write(w->b, *st ? ",\n" : "\n", *st ? 2 : 1);
        tabs(w->b, w->depth);
        ob_putc(w->b, '"');
        ob_write(w->b, key, n);
        ob_write(w->b, "\":\t", 3);
    } else {
        if (*st) *p++ = ',';
        *p++ = '\n';
        memset(p, '\t', w->depth);
        p += w->depth;
        *p++ = '"';
        memcpy(p, key, n);
        p += n;
        memcpy(p, "\":\t", 3);
        ob_done(w->b, p + 3);
    }
    *st = 2;
}

/* What each byte needs: 0 nothing, 1 an escape, 2 a look at its UTF-8
 * sequence (0x7F is replaced like invalid UTF-8, as out_utf8_clean does). */
static const unsigned char byte_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

static const char hex_lower[] = "0123456789abcdef";

/* Are the 8 bytes at p all ones that go out as they are: 0x20-0x7E, not
 * '"' or '\\'? (Below 0x20, 0x7F and from 0x80 as out.c's printable8;
 * a byte equal to q makes w ^ q*ones have a zero byte.) */
static int plain8(const unsigned char *p)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    uint64_t w, q, bs;
    memcpy(&w, p, 8);
    q = w ^ (0x22 * ones);
    bs = w ^ (0x5C * ones);
    return (((w | (w + ones)) | ((w - 0x20 * ones) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & tops) == 0;
}

static void put_str(obuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s), *run = p;
    ob_putc(b, '"');
    while (p < end) {
        if (end - p >= 8 && plain8(p)) {
            p += 8;
            continue;
        }
        unsigned char k = byte_class[*p];
        if (!k) {
            p++;
            continue;
        }
        ob_write(b, run, (size_t)(p - run));
        if (k == 2) {
            size_t n = *p == 0x7F ? 0 : out_utf8_len(p);
            if (n) ob_write(b, p, n);
            else ob_write(b, "\xEF\xBF\xBD", 3);
            p += n ? n : 1;
        } else {
            char *o = ob_room(b, 6);
            *o++ = '\\';
            switch (*p) {
            case '"': *o++ = '"'; break;
            case '\\': *o++ = '\\'; break;
            case '\b': *o++ = 'b'; break;
            case '\f': *o++ = 'f'; break;
            case '\n': *o++ = 'n'; break;
            case '\r': *o++ = 'r'; break;
            case '\t': *o++ = 't'; break;
            default:
                *o++ = 'u';
                *o++ = '0';
                *o++ = '0';
                *o++ = hex_lower[*p >> 4];
                *o++ = hex_lower[*p & 15];
            }
            ob_done(b, o);
            p++;
        }
        run = p;
    }
    ob_write(b, run, (size_t)(p - run));
    ob_putc(b, '"');
}

void jw_str(jsonw *w, const char *s)
{
    if (!s) {
        jw_raw(w, "null");
        return;
    }
    before_value(w);
    put_str(w->b, s);
}

void jw_str_cached(jsonw *w, jw_cache *c, const char *s)
{
    if (!s) {
        jw_raw(w, "null");
        return;
    }
    before_value(w);
    obuf *b = w->b;
    if (s == c->src) {
        ob_write(b, c->text, c->len);
        return;
    }
    size_t flushes = b->flushes, start = b->len;
    put_str(b, s);
    c->src = NULL;
    if (b->flushes != flushes) return;  /* not in one piece in the buffer: not kept */
    size_t n = b->len - start;
    if (n > c->cap) {
        free(c->text);
        c->text = malloc(n);
        c->cap = c->text ? n : 0;
        if (!c->text) return;  /* the cache is only a saving */
    }
    memcpy(c->text, b->buf + start, n);
    c->len = n;
    c->src = s;
}

void jw_cache_free(jw_cache *c)
{
    free(c->text);
    c->text = NULL;
    c->src = NULL;
    c->len = c->cap = 0;
}

void jw_lit(jsonw *w, const char *s)
{
    before_value(w);
    ob_putc(w->b, '"');
    ob_puts(w->b, s);
    ob_putc(w->b, '"');
}

void jw_raw(jsonw *w, const char *text)
{
    before_value(w);
    ob_puts(w->b, text);
}

void jw_int(jsonw *w, long long v)
{
    before_value(w);
    char *p = ob_room(w->b, 24);
    if (v < 0) {
        *p++ = '-';
        p = ob_fmt_u64(p, (uint64_t)0 - (uint64_t)v);
    } else {
        p = ob_fmt_u64(p, (uint64_t)v);
    }
    ob_done(w->b, p);
}

void jw_bool(jsonw *w, int v)
{
    jw_raw(w, v ? "true" : "false");
}
