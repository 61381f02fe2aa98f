/* excerpt: the source line under a finding, with a caret under its column. */
#include <stdint.h>
#include <string.h>

#include "excerpt.h"

#define EXCERPT_WIDTH 100   /* characters shown of a long line */
#define EXCERPT_LEAD 40     /* characters kept before the column when cut */

static int is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Length of the valid UTF-8 sequence at p (no C1 control, no overlong
 * form), or 0. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    size_t n = p[0] > 0xF4 ? 0 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || n > (size_t)(end - p) || (n == 2 && p[0] == 0xC2 && p[1] < 0xA0))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!is_continuation(p[i]))
            return 0;
    if ((n == 3 && p[0] == 0xE0 && p[1] < 0xA0) || (n == 4 && p[0] == 0xF0 && p[1] < 0x90))
        return 0;
    if ((n == 3 && p[0] == 0xED && p[1] >= 0xA0) || (n == 4 && p[0] == 0xF4 && p[1] >= 0x90))
        return 0;  /* a UTF-16 surrogate, or past U+10FFFF */
    return n;
}

/* Bidi embeddings, overrides and isolates, marks, and line/paragraph
 * separators: they make a terminal show the line other than it is. */
static int is_display_control(const unsigned char *p, size_t n)
{
    if (n == 2)
        return p[0] == 0xD8 && p[1] == 0x9C;                 /* U+061C */
    if (n != 3 || p[0] != 0xE2)
        return 0;
    if (p[1] == 0x80)
        return p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xA8 && p[2] <= 0xAE); /* 200E-F, 2028-202E */
    return p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9;     /* U+2066-2069 */
}

/* Write the character at p; anything that could drive a terminal becomes '?'. */
static const char *put_char(char **o, const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
        *(*o)++ = (char)c;
        return p + 1;
    }
    size_t n = c >= 0x80 ? utf8_seq((const unsigned char *)p, (const unsigned char *)end) : 0;
    if (n == 0) {
        *(*o)++ = '?';
        return p + 1;
    }
    if (is_display_control((const unsigned char *)p, n)) {
        *(*o)++ = '?';  /* one character, one column */
        return p + n;
    }
    memcpy(*o, p, n);
    *o += n;
    return p + n;
}

/* Is every byte a tab or printable ASCII (one byte, one character, shown
 * as it is)? Eight bytes at a time while none is a tab. */
static int plain_text(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if ((((w | (w + ones)) | ((w - 0x20 * ones) & ~w)) & tops) == 0)
            continue;
        for (size_t j = i; j < i + 8; j++)
            if (p[j] != '\t' && !((unsigned char)p[j] >= 0x20 && (unsigned char)p[j] < 0x7f))
                return 0;
    }
    for (; i < n; i++)
        if (p[i] != '\t' && !((unsigned char)p[i] >= 0x20 && (unsigned char)p[i] < 0x7f))
            return 0;
    return 1;
}

void excerpt_put(obuf *out, const char *line_text, uint32_t line, uint32_t col,
                 uint32_t end_line, uint32_t end_col, const char *caret_color)
{
    if (!line_text || line == 0)
        return;
    const char *p = line_text, *le = line_text + strlen(line_text);
    if (col == 0)
        col = 1;
    size_t len = (size_t)(le - p);
    int plain = plain_text(p, len);
    uint32_t chars = 0;
    if (plain)
        chars = (uint32_t)len;
    else
        for (const char *q = p; q < le; q++)
            chars += !is_continuation((unsigned char)*q);
    if (col > chars + 1)
        return; /* the column lies past the part of the line that was kept */

    /* The window of characters [first, last] shown. */
    uint32_t first = col > EXCERPT_WIDTH - 20 ? col - EXCERPT_LEAD : 1;
    uint32_t last = first + EXCERPT_WIDTH - 1;
    uint32_t caret_end = end_line == line && end_col > col ? end_col - 1 : col;
    if (caret_end > last)
        caret_end = last;

    /* At most 13 + 3 + 4 * EXCERPT_WIDTH + 3 + 1 bytes. */
    char *o = ob_room(out, 24 + 4 * EXCERPT_WIDTH);
    o = ob_fmt_u64_w(o, line, 5);
    memcpy(o, " | ", 3);
    o += 3;
    if (first > 1) {
        memcpy(o, "...", 3);
        o += 3;
    }
    const char *s = p;
    uint32_t ch = 1;
    /* What precedes the caret, as blanks (tabs kept) for the caret line. */
    char pad[EXCERPT_WIDTH + 8];
    size_t npad = 0;
    if (plain) {  /* characters are bytes: the window in one piece */
        size_t stop = len < last ? len : last;
        memcpy(o, p + first - 1, stop - (first - 1));
        o += stop - (first - 1);
        for (size_t i = first - 1; i < col - 1 && npad < EXCERPT_WIDTH; i++)
            pad[npad++] = p[i] == '\t' ? '\t' : ' ';
        s = p + stop;
        ch = (uint32_t)stop + 1;
    }
    while (s < le && ch <= last) {
        if (ch >= first && ch < col && npad < EXCERPT_WIDTH)
            pad[npad++] = *s == '\t' ? '\t' : ' ';
        if (ch >= first)
            s = put_char(&o, s, le);
        else
            for (s++; s < le && is_continuation((unsigned char)*s); s++)
                continue;
        ch++;
    }
    if (s < le) {
        memcpy(o, "...", 3);
        o += 3;
    }
    *o++ = '\n';
    ob_done(out, o);
    /* A column past the line's end (a missing value at end of line) is shown there. */
    while (ch < col && ch <= last && npad < EXCERPT_WIDTH) {
        pad[npad++] = ' ';
        ch++;
    }
    /* At most 8 + 3 + EXCERPT_WIDTH bytes, then the colour. */
    o = ob_room(out, 16 + EXCERPT_WIDTH);
    memcpy(o, first > 1 ? "      |    " : "      | ", first > 1 ? 11 : 8);
    o += first > 1 ? 11 : 8;
    memcpy(o, pad, npad);
    ob_done(out, o + npad);
    if (caret_color)
        ob_puts(out, caret_color);
    /* '^', up to EXCERPT_WIDTH - 1 '~', the reset and the newline. */
    o = ob_room(out, 8 + EXCERPT_WIDTH);
    *o++ = '^';
    for (uint32_t c = col + 1; c <= caret_end; c++)
        *o++ = '~';
    if (caret_color) {
        memcpy(o, "\033[0m", 4);
        o += 4;
    }
    *o++ = '\n';
    ob_done(out, o);
}

void excerpt_print(FILE *out, const char *line_text, uint32_t line, uint32_t col,
                   uint32_t end_line, uint32_t end_col, const char *caret_color)
{
    obuf b;
    ob_init(&b, out);
    excerpt_put(&b, line_text, line, col, end_line, end_col, caret_color);
    ob_flush(&b);
}
