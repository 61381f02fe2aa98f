/* doc_fast: fast paths that build libyaml's exact tree for strict JSON and
 * for the plain block YAML that templates are written in. */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "doc_load.h"

/* ---- JSON fast path ----
 * A template that is strict JSON (RFC 8259) is built here into exactly the
 * tree libyaml's events would give, at a fraction of libyaml's cost. Anything
 * libyaml might read differently (comments, tabs outside the root, control
 * or line-separator characters, lone surrogate escapes, nesting beyond the
 * limit) and every syntax error make
 * it return -1; the caller then starts over with libyaml, which reports
 * errors with its own words and positions. tests/unit_fast.c compares the two
 * roads on every template of the shared corpus. */
typedef struct jparse {
    loader *L;
    const unsigned char *p, *end;
    const unsigned char *line_start; /* byte where the current line starts */
    size_t line;                     /* 0-based, as in yaml_mark_t */
    size_t col_adjust;               /* continuation bytes seen on this line */
} jparse;

#define SIMPLE_KEY_MAX 1000 /* libyaml drops a simple key 1024 characters long */

static yaml_mark_t jmark(const jparse *J)
{
    yaml_mark_t m = {0, J->line, (size_t)(J->p - J->line_start) - J->col_adjust};
    return m;
}

/* Skip JSON whitespace; tabs only inside the root collection. */
static int jskip(jparse *J, int inside)
{
    for (;;) {
        while (*J->p == ' ') J->p++; /* the text ends in a NUL */
        if (J->p == J->end) return 0;
        switch (*J->p) {
        case '\t': if (!inside) return -1; J->p++; break;
        case '\r':
            if (J->p + 1 == J->end || J->p[1] != '\n') return -1; /* a lone CR breaks lines for libyaml only */
            J->p++;
            break;
        case '\n':
            J->p++;
            J->line++;
            J->line_start = J->p;
            J->col_adjust = 0;
            break;
        default: return 0;
        }
    }
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The length of the UTF-8 character at p (first byte >= 0x80, `avail`
 * bytes left) when it is valid and one libyaml reads as ordinary text: not
 * a C1 control, surrogate, non-character, BOM or one of libyaml's line
 * breaks (NEL, LS, PS). Else 0. */
static size_t utf8_ordinary(const unsigned char *p, size_t avail)
{
    uint32_t cp;
    size_t n;
    if (p[0] >= 0xC2 && p[0] <= 0xDF) { n = 2; cp = p[0] & 0x1Fu; }
    else if (p[0] >= 0xE0 && p[0] <= 0xEF) { n = 3; cp = p[0] & 0x0Fu; }
    else if (p[0] >= 0xF0 && p[0] <= 0xF4) { n = 4; cp = p[0] & 0x07u; }
    else return 0;
    if (avail < n) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
    if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
        cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return n;
}

/* Write code point cp (not a surrogate) as UTF-8 at o, as libyaml decodes
 * a \x, \u or \U escape; returns the end. */
static char *put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | (cp >> 18));
        *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* After a \u escape of a high surrogate (hi, digits already read), the
 * low one that must follow at q: JSON writes a character above U+FFFF as
 * such a pair (RFC 8259, 7). The code point, q moved past the pair; or 0
 * for a lone surrogate, which is no character (the caller falls back and
 * the loader reports it). */
static uint32_t surrogate_pair(uint32_t hi, const unsigned char **q, const unsigned char *end)
{
    const unsigned char *r = *q;
    if (hi > 0xDBFF || end - r < 6 || r[0] != '\\' || r[1] != 'u') return 0;
    uint32_t lo = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(r[i]);
        if (h < 0) return 0;
        lo = (lo << 4) | (uint32_t)h;
    }
    if (lo < 0xDC00 || lo > 0xDFFF) return 0;
    *q = r + 6;
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

/* One UTF-8 character of a string at J->p (first byte >= 0x80), or -1. */
static int jutf8(jparse *J)
{
    size_t n = utf8_ordinary(J->p, (size_t)(J->end - J->p));
    if (!n) return -1;
    J->p += n;
    J->col_adjust += n - 1;
    return 0;
}

/* Byte tables: R4 and R16 mark 4 and 16 bytes from b. */
#define R4(b) [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1
#define R16(b) R4(b), R4(b + 4), R4(b + 8), R4(b + 12)

/* Printable ASCII but '"' and '\\': string bytes that need no look. */
static const unsigned char j_plain_byte[256] = {
    [0x20] = 1, [0x21] = 1, [0x23] = 1, R4(0x24), R4(0x28), R4(0x2C), R16(0x30), R16(0x40), R4(0x50), R4(0x54),
    R4(0x58), [0x5D] = 1, [0x5E] = 1, [0x5F] = 1, R16(0x60), R4(0x70), R4(0x74), R4(0x78), [0x7C] = 1, [0x7D] = 1,
    [0x7E] = 1,
};

/* A string at J->p (the opening quote): a DOC_QUOTED scalar, or -1. */
static int jstring(jparse *J, doc_id *out)
{
    yaml_mark_t start = jmark(J);
    const unsigned char *body = ++J->p;
    int escaped = 0;
    for (;;) {
        while (j_plain_byte[*J->p]) J->p++;
        if (J->p == J->end) return -1;
        unsigned char c = *J->p;
        if (c == '"') break;
        if (c < 0x20 || c == 0x7F) return -1; /* libyaml refuses DEL too */
        if (c == '\\') {
            escaped = 1;
            if (J->end - J->p < 2) return -1;
            J->p += 2;
        } else if (c >= 0x80) {
            if (jutf8(J) < 0) return -1;
        } else {
            J->p++;
        }
    }
    size_t raw = (size_t)(J->p - body);
    J->p++;
    yaml_mark_t end = jmark(J);
    doc_id id = ld_new_node(J->L, DOC_SCALAR, &start, &end);
    doc_node *n = &J->L->d->nodes[id];
    n->style = DOC_QUOTED;
    if (!escaped) {
        n->str = ld_copy_scalar(J->L, (const char *)body, raw);
        n->len = (uint32_t)raw;
        *out = id;
        return 0;
    }
    /* Escapes never grow: the decoded text fits in the raw length. */
    char *dst = arena_alloc(J->L->a, raw + 1), *o = dst;
    for (const unsigned char *q = body, *qe = body + raw; q < qe;) {
        if (*q != '\\') {
            *o++ = (char)*q++;
            continue;
        }
        q++;
        switch (*q++) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            if (qe - q < 4) return -1;
            uint32_t cp = 0;
            for (int i = 0; i < 4; i++) {
                int h = hexval(q[i]);
                if (h < 0) return -1;
                cp = (cp << 4) | (uint32_t)h;
            }
            q += 4;
            if (cp >= 0xD800 && cp <= 0xDFFF && (cp = surrogate_pair(cp, &q, qe)) == 0) return -1;
            o = put_utf8(o, cp);
            break;
        }
        default: return -1;
        }
    }
    *o = '\0';
    n = &J->L->d->nodes[id];
    n->str = dst;
    n->len = (uint32_t)(o - dst);
    *out = id;
    return 0;
}

/* A number, true, false or null: a DOC_PLAIN scalar, or -1. */
static int jplain(jparse *J, doc_id *out)
{
    const unsigned char *b = J->p, *p = b, *e = J->end;
    if (*p == '-' || (*p >= '0' && *p <= '9')) {
        if (*p == '-') p++;
        if (p == e) return -1;
        if (*p == '0') p++;
        else if (*p >= '1' && *p <= '9') while (p < e && *p >= '0' && *p <= '9') p++;
        else return -1;
        if (p < e && *p == '.') {
            p++;
            if (p == e || *p < '0' || *p > '9') return -1;
            while (p < e && *p >= '0' && *p <= '9') p++;
        }
        if (p < e && (*p == 'e' || *p == 'E')) {
            p++;
            if (p < e && (*p == '+' || *p == '-')) p++;
            if (p == e || *p < '0' || *p > '9') return -1;
            while (p < e && *p >= '0' && *p <= '9') p++;
        }
    } else {
        static const char *const words[] = {"true", "false", "null"};
        size_t i = 0;
        for (; i < 3; i++) {
            size_t n = strlen(words[i]);
            if ((size_t)(e - p) >= n && memcmp(p, words[i], n) == 0) {
                p += n;
                break;
            }
        }
        if (i == 3) return -1;
    }
    /* libyaml's plain scalar ends only at a blank, a break or a flow indicator. */
    if (p < e && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n' && *p != ',' && *p != ']' && *p != '}')
        return -1;
    yaml_mark_t start = jmark(J);
    J->p = p;
    yaml_mark_t end = jmark(J);
    doc_id id = ld_new_node(J->L, DOC_SCALAR, &start, &end);
    doc_node *n = &J->L->d->nodes[id];
    n->style = DOC_PLAIN;
    n->str = ld_copy_scalar(J->L, (const char *)b, (size_t)(p - b));
    n->len = (uint32_t)(p - b);
    *out = id;
    return 0;
}

/* The value at J->p (whitespace skipped); finished nodes go through
 * ld_add_child as libyaml's events would. Collections are iterative: the
 * loader's frame stack is the parser's stack. */
static int jvalue(jparse *J)
{
    loader *L = J->L;
    size_t base = L->n_frames;
    for (;;) {
        doc_id id;
        if (J->p == J->end) return -1;
        unsigned char c = *J->p;
        if (c == '{' || c == '[') {
            if (L->n_frames >= L->lim->max_depth) return -1;
            yaml_mark_t start = jmark(J);
            J->p++;
            yaml_mark_t end = jmark(J);
            id = ld_new_node(L, c == '{' ? DOC_MAP : DOC_SEQ, &start, &end);
            ld_push_frame(L, id, 0, &start);
            if (jskip(J, 1) < 0) return -1;
            if (J->p < J->end && *J->p == (c == '{' ? '}' : ']')) goto close;
            if (c == '{') goto key;
            continue;
        }
        if (c == '"') {
            if (jstring(J, &id) < 0) return -1;
        } else if (jplain(J, &id) < 0) {
            return -1;
        }
        ld_add_child(L, id);
    next:
        if (L->n_frames == base) return 0;
        if (jskip(J, 1) < 0 || J->p == J->end) return -1;
        {
            int in_map = L->d->nodes[L->frames[L->n_frames - 1].node].kind == DOC_MAP;
            if (*J->p == ',') {
                J->p++;
                if (jskip(J, 1) < 0) return -1;
                if (!in_map) continue;
                goto key;
            }
            if (*J->p != (in_map ? '}' : ']')) return -1;
        }
    close:
        J->p++;
        {
            yaml_mark_t end = jmark(J);
            doc_set_end(L->d, L->frames[L->n_frames - 1].node, (uint32_t)end.line + 1, (uint32_t)end.column + 1);
        }
        ld_pop_frame(L);
        goto next;
    key:
        if (J->p == J->end || *J->p != '"') return -1;
        {
            const unsigned char *key_at = J->p;
            size_t key_line = J->line;
            if (jstring(J, &id) < 0) return -1;
            ld_add_child(L, id);
            if (jskip(J, 1) < 0 || J->p == J->end || *J->p != ':') return -1;
            if (J->line != key_line || (size_t)(J->p - key_at) > SIMPLE_KEY_MAX) return -1;
        }
        J->p++;
        if (jskip(J, 1) < 0) return -1;
    }
}

/* Load strict JSON into L; 0 when done, -1 to fall back to libyaml. */
int ld_json(loader *L, const char *text, size_t len)
{
    jparse J = {L, (const unsigned char *)text, (const unsigned char *)text + len, (const unsigned char *)text, 0, 0};
    if (jskip(&J, 0) < 0 || J.p == J.end || *J.p != '{') return -1;
    if (jvalue(&J) < 0) return -1;
    if (jskip(&J, 0) < 0 || J.p != J.end) return -1;
    return 0;
}

/* ---- block YAML fast path ----
 * Templates are written in a small part of YAML: block mappings and
 * sequences, one-line plain and quoted scalars, literal and folded block
 * scalars, short-form tags, one-line flow collections and comments. This
 * parser reads exactly that part and gives libyaml's events, marks included,
 * to the loader's own handlers; at anything else (anchors, aliases, complex
 * keys, multi-line plain or quoted scalars, flow collections over several
 * lines, tabs in indentation, directives, a second document, odd
 * characters, and every error) it returns -1 and libyaml starts over, so
 * errors keep libyaml's words. tests/unit_json.c compares the two roads on
 * every template of the shared corpus; fuzz_load does so on every input. */
typedef struct yparse {
    loader *L;
    const char *end;
    const char *p;          /* cursor */
    const char *ls;         /* start of the cursor's line */
    size_t line;            /* 0-based line of the cursor */
    int ascii;              /* no byte >= 0x80 anywhere: columns are bytes */
    int eof;                /* no content line left */
    int indent;             /* column of the current content line */
    yaml_mark_t eof_at;     /* the end of the text: libyaml ends collections */
    yaml_mark_t stream_end; /* more indented than it there, the rest on a fresh line */
} yparse;

#define YFAIL (-1)
#define YAML_MAX_DEPTH 1000

/* Room for one more collection (and the wrapper a tag adds)? Each
 * collection holds a loader frame while it is read, so the frames bound the
 * recursion too, also under a --max-depth above YAML_MAX_DEPTH. */
static int y_room(const yparse *Y)
{
    size_t limit = Y->L->lim->max_depth < YAML_MAX_DEPTH ? Y->L->lim->max_depth : YAML_MAX_DEPTH;
    return Y->L->n_frames + 3 <= limit;
}

static int y_eol(const yparse *Y, const char *p) { return p == Y->end || *p == '\n' || *p == '\r'; }
static int y_blank_or_eol(const yparse *Y, const char *p) { return y_eol(Y, p) || *p == ' '; }

static void y_spaces(yparse *Y)
{
    while (*Y->p == ' ') Y->p++; /* the text ends in a NUL */
}

static yaml_mark_t y_mark(const yparse *Y, const char *at)
{
    size_t col = (size_t)(at - Y->ls);
    if (!Y->ascii) {
        col = 0;
        for (const char *q = Y->ls; q < at; q++) col += ((unsigned char)*q & 0xC0) != 0x80;
    }
    yaml_mark_t m = {0, Y->line, col};
    return m;
}

/* Printable ASCII, tab and line feed. */
static const unsigned char y_text_byte[256] = {
    R16(0x20), R16(0x30), R16(0x40), R16(0x50), R16(0x60), R4(0x70), R4(0x74), R4(0x78), [0x7C] = 1, [0x7D] = 1,
    [0x7E] = 1, ['\t'] = 1, ['\n'] = 1,
};
#undef R16
#undef R4

/* Every byte is one libyaml reads as ordinary text: printable, valid UTF-8,
 * CR only before LF, no NEL, LS, PS or BOM (libyaml reads those as breaks
 * or refuses them). Tabs are checked where they matter. */
static int y_plain_text(const unsigned char *p, const unsigned char *e, int *ascii)
{
    *ascii = 1;
    while (p < e) {
        while (y_text_byte[*p]) p++; /* the text ends in a NUL */
        if (p == e) break;
        unsigned char c = *p;
        if (c == '\n' || c == '\t') { p++; continue; }
        if (c == '\r') {
            if (p + 1 == e || p[1] != '\n') return -1;
            p++;
            continue;
        }
        if (c < 0x80) return -1;
        *ascii = 0;
        size_t n = utf8_ordinary(p, (size_t)(e - p));
        if (!n) return -1;
        p += n;
    }
    return 0;
}

/* Past the end of the cursor's line: to the start of the next line. */
static void y_next_line(yparse *Y)
{
    const char *nl = memchr(Y->p, '\n', (size_t)(Y->end - Y->p));
    if (!nl) {
        Y->p = Y->end; /* the last line has no break: still on it */
        return;
    }
    Y->p = nl + 1;
    Y->line++;
    Y->ls = Y->p;
}

/* From the start of a line, skip blank and comment lines to the next
 * content line: Y->p at its first character, Y->indent its column; or
 * Y->eof. Tabs before content, document markers and directives fail. */
static int y_find_content(yparse *Y)
{
    for (;;) {
        if (Y->p == Y->end) {
            Y->eof = 1;
            return 0;
        }
        const char *q = Y->p;
        while (q < Y->end && *q == ' ') q++;
        if (q == Y->end) {
            Y->p = q;
            Y->eof = 1;
            return 0;
        }
        if (*q == '\n' || *q == '\r' || *q == '#') {
            Y->p = q;
            y_next_line(Y);
            continue;
        }
        if (*q == '\t') return YFAIL;
        if (q == Y->ls && (*q == '%' || ((Y->end - q >= 3) && (memcmp(q, "---", 3) == 0 || memcmp(q, "...", 3) == 0) &&
                                         y_blank_or_eol(Y, q + 3))))
            return YFAIL;
        Y->p = q;
        Y->indent = (int)(q - Y->ls);
        return 0;
    }
}

/* After a value on its line: blanks and an optional comment to the end of
 * the line, then on to the next content line. */
static int y_end_line(yparse *Y)
{
    const char *q = Y->p;
    while (q < Y->end && *q == ' ') q++;
    if (!y_eol(Y, q) && *q != '#') return YFAIL;
    if (*q == '#' && q > Y->p && q[-1] != ' ') return YFAIL;
    Y->p = q;
    y_next_line(Y);
    return y_find_content(Y);
}

static void y_event_scalar(yparse *Y, const char *tag, const char *val, size_t len, yaml_scalar_style_t style,
                           yaml_mark_t s, yaml_mark_t e)
{
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.type = YAML_SCALAR_EVENT;
    ev.data.scalar.tag = (yaml_char_t *)tag;
    ev.data.scalar.value = (yaml_char_t *)val;
    ev.data.scalar.length = len;
    ev.data.scalar.style = style;
    ev.start_mark = s;
    ev.end_mark = e;
    ld_on_scalar(Y->L, &ev);
}

static void y_event_start(yparse *Y, enum doc_kind kind, const char *tag, yaml_mark_t s, yaml_mark_t e)
{
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.type = kind == DOC_MAP ? YAML_MAPPING_START_EVENT : YAML_SEQUENCE_START_EVENT;
    if (kind == DOC_MAP) ev.data.mapping_start.tag = (yaml_char_t *)tag;
    else ev.data.sequence_start.tag = (yaml_char_t *)tag;
    ev.start_mark = s;
    ev.end_mark = e;
    ld_on_collection_start(Y->L, &ev, kind);
}

static void y_event_end(yparse *Y, yaml_mark_t m)
{
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.type = YAML_MAPPING_END_EVENT;
    ev.start_mark = m;
    ev.end_mark = m;
    ld_on_collection_end(Y->L, &ev);
}

/* Where the token after a block collection at `col` starts: its BLOCK-END mark. */
static yaml_mark_t y_here(const yparse *Y, int col)
{
    if (!Y->eof) return y_mark(Y, Y->p);
    return (size_t)col > Y->eof_at.column ? Y->eof_at : Y->stream_end;
}

/* A tag such as !Ref: "!" and a plain name, then a blank or the end of the
 * line. Anything else (!!str, !<...>, %-escapes) fails. */
typedef struct ytag {
    char name[64];
    yaml_mark_t start, end;
    int present;
} ytag;

static int y_tag(yparse *Y, ytag *t)
{
    t->present = 0;
    if (Y->p == Y->end || *Y->p != '!') return 0;
    const char *q = Y->p + 1;
    while (q < Y->end && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
                          *q == '_' || *q == '-' || *q == '.' || *q == ':'))
        q++;
    size_t n = (size_t)(q - Y->p);
    if (n < 2 || n >= sizeof t->name || !y_blank_or_eol(Y, q)) return YFAIL;
    memcpy(t->name, Y->p, n);
    t->name[n] = '\0';
    t->start = y_mark(Y, Y->p);
    t->end = y_mark(Y, q);
    t->present = 1;
    Y->p = q;
    y_spaces(Y);
    if (Y->p < Y->end && *Y->p == '\t') return YFAIL;
    return 0;
}

/* A plain scalar on one line, block or flow context: its end (trailing
 * blanks dropped) in *stop, the cursor after it. */
/* Bytes that end a run of plain scalar text, in block and in flow context
 * (the text ends in a NUL, which stops the run at its end). */
static const unsigned char y_stop[2][256] = {
    {['\0'] = 1, ['\n'] = 1, ['\r'] = 1, ['\t'] = 1, [' '] = 1, [':'] = 1},
    {['\0'] = 1, ['\n'] = 1, ['\r'] = 1, ['\t'] = 1, [' '] = 1, [':'] = 1, [','] = 1, ['['] = 1, [']'] = 1,
     ['{'] = 1, ['}'] = 1},
};

static int y_plain(yparse *Y, int flow, const char **stop)
{
    const char *q = Y->p, *last = q;
    const unsigned char *ends = y_stop[flow != 0];
    char c = *q;
    if (c == '-' || c == '?' || c == ':') {
        if (y_blank_or_eol(Y, q + 1) || (flow && c != '-')) return YFAIL;
    } else if (strchr(",[]{}#&*!|>'\"%@`", c) || c == '\t') {
        return YFAIL;
    }
    for (;;) {
        while (!ends[(unsigned char)*q]) q++;
        if (q > last && q[-1] != ' ') last = q;
        c = *q;
        if (y_eol(Y, q)) break;
        if (c == '\t') return YFAIL;
        if (c == ' ') {
            const char *r = q;
            while (*r == ' ') r++;
            if (y_eol(Y, r) || *r == '#') break;
            q = r;
            continue;
        }
        if (c == ':') {
            if (y_blank_or_eol(Y, q + 1)) break;
            if (flow && strchr(",[]{}?", q[1])) return YFAIL;
            last = ++q;
            continue;
        }
        break; /* a flow indicator */
    }
    *stop = last;
    Y->p = last;
    return 0;
}

/* A quoted scalar closed on its own line: decoded into the loader's scratch. */
static int y_quoted(yparse *Y, const char **val, size_t *len)
{
    char q0 = *Y->p;
    const char *b = Y->p + 1, *q = b;
    int escaped = 0;
    for (;; q++) {
        if (y_eol(Y, q)) return YFAIL;
        if (*q == q0) {
            if (q0 == '\'' && q + 1 < Y->end && q[1] == '\'') {
                escaped = 1;
                q++;
                continue;
            }
            break;
        }
        if (q0 == '"' && *q == '\\') {
            escaped = 1;
            if (y_eol(Y, q + 1)) return YFAIL;
            q++;
        }
    }
    size_t raw = (size_t)(q - b);
    Y->p = q + 1;
    if (!escaped) {
        *val = b;
        *len = raw;
        return 0;
    }
    char *dst = ld_scratch(Y->L, raw + 1), *o = dst;
    for (const char *r = b; r < q;) {
        if (q0 == '\'') {
            if (*r == '\'') r++;
            *o++ = *r++;
            continue;
        }
        if (*r != '\\') {
            *o++ = *r++;
            continue;
        }
        r++;
        char c = *r++;
        uint32_t cp = 0;
        int digits = 0;
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case '0': *o++ = '\0'; break;
        case 'a': *o++ = '\a'; break;
        case 'b': *o++ = '\b'; break;
        case 't': *o++ = '\t'; break;
        case 'n': *o++ = '\n'; break;
        case 'v': *o++ = '\v'; break;
        case 'f': *o++ = '\f'; break;
        case 'r': *o++ = '\r'; break;
        case 'e': *o++ = '\x1B'; break;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        default: return YFAIL;
        }
        if (!digits) continue;
        if (q - r < digits) return YFAIL;
        for (int i = 0; i < digits; i++) {
            int h = hexval((unsigned char)r[i]);
            if (h < 0) return YFAIL;
            cp = (cp << 4) | (uint32_t)h;
        }
        r += digits;
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            const unsigned char *u = (const unsigned char *)r;
            if (digits != 4 || (cp = surrogate_pair(cp, &u, (const unsigned char *)q)) == 0) return YFAIL;
            r = (const char *)u;
        }
        o = put_utf8(o, cp);
    }
    *o = '\0';
    *val = dst;
    *len = (size_t)(o - dst);
    return 0;
}

/* A one-line scalar at the cursor, plain or quoted, as an event. */
static int y_scalar(yparse *Y, int flow, const ytag *t)
{
    const char *b = Y->p, *val, *stop;
    size_t len;
    yaml_scalar_style_t style;
    if (*b == '"' || *b == '\'') {
        if (y_quoted(Y, &val, &len) < 0) return YFAIL;
        style = *b == '"' ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE;
    } else {
        if (y_plain(Y, flow, &stop) < 0) return YFAIL;
        val = b;
        len = (size_t)(stop - b);
        style = YAML_PLAIN_SCALAR_STYLE;
    }
    yaml_mark_t s = t && t->present ? t->start : y_mark(Y, b);
    y_event_scalar(Y, t && t->present ? t->name : NULL, val, len, style, s, y_mark(Y, Y->p));
    return 0;
}

/* Is the scalar at q a mapping key (followed by ':' and a blank)? */
static int y_is_key(const yparse *Y, const char *q)
{
    if (*q == '"' || *q == '\'') {
        char q0 = *q++;
        for (; !y_eol(Y, q); q++) {
            if (q0 == '"' && *q == '\\' && !y_eol(Y, q + 1)) { q++; continue; }
            if (*q == q0) {
                if (q0 == '\'' && q + 1 < Y->end && q[1] == '\'') { q++; continue; }
                break;
            }
        }
        if (y_eol(Y, q)) return 0;
        q++;
        while (q < Y->end && *q == ' ') q++;
        return q < Y->end && *q == ':' && y_blank_or_eol(Y, q + 1);
    }
    for (; !y_eol(Y, q); q++) {
        if (*q == ':' && y_blank_or_eol(Y, q + 1)) return 1;
        if (*q == '#' && q[-1] == ' ') return 0;
    }
    return 0;
}

/* Blanks inside a flow collection; with `cross`, also line breaks and
 * comments (not after a plain scalar, which could go on on the next line). */
static int y_flow_skip(yparse *Y, int cross)
{
    for (;;) {
        y_spaces(Y);
        if (Y->p < Y->end && *Y->p == '\t') return YFAIL;
        if (Y->p < Y->end && *Y->p == '#') {
            if (!cross || (Y->p > Y->ls && Y->p[-1] != ' ')) return YFAIL;
            while (!y_eol(Y, Y->p)) Y->p++;
        }
        if (!y_eol(Y, Y->p)) return 0;
        if (!cross || Y->p == Y->end) return YFAIL;
        y_next_line(Y);
        if (Y->end - Y->p >= 3 && (memcmp(Y->p, "---", 3) == 0 || memcmp(Y->p, "...", 3) == 0)) return YFAIL;
    }
}

/* A flow mapping's key and its ':', on one line. */
static int y_flow_key(yparse *Y)
{
    const char *k = Y->p;
    if (*k == '[' || *k == '{' || *k == '!') return YFAIL;
    if (y_scalar(Y, 1, NULL) < 0 || Y->p - k > SIMPLE_KEY_MAX) return YFAIL;
    int json_key = *k == '"' || *k == '\'';  /* "k":v needs no blank after ':' */
    y_spaces(Y);
    if (*Y->p != ':' || (!json_key && !y_blank_or_eol(Y, Y->p + 1))) return YFAIL;
    Y->p++;
    y_spaces(Y);
    return 0;
}

/* A flow collection: [a, !Ref b, {K: v}]. Each entry stays on one line;
 * line breaks may come between entries. */
static int y_flow(yparse *Y, const ytag *t)
{
    if (!y_room(Y)) return YFAIL;
    char open = *Y->p, close = open == '[' ? ']' : '}';
    yaml_mark_t s = y_mark(Y, Y->p);
    Y->p++;
    y_event_start(Y, open == '[' ? DOC_SEQ : DOC_MAP, t && t->present ? t->name : NULL,
                  t && t->present ? t->start : s, y_mark(Y, Y->p));
    int first = 1, last_plain = 0;
    for (;;) {
        if (y_flow_skip(Y, first || !last_plain) < 0) return YFAIL;
        if (*Y->p == close) break;
        if (!first) {
            if (*Y->p != ',') return YFAIL;
            Y->p++;
            if (y_flow_skip(Y, 1) < 0) return YFAIL;
            if (*Y->p == close || *Y->p == ',') return YFAIL;
        }
        first = 0;
        if (open == '{' && y_flow_key(Y) < 0) return YFAIL;
        ytag vt;
        if (y_tag(Y, &vt) < 0) return YFAIL;
        if (y_eol(Y, Y->p) || *Y->p == ',' || *Y->p == close || *Y->p == '#') return YFAIL;
        last_plain = 0;
        if (*Y->p == '[' || *Y->p == '{') {
            if (y_flow(Y, &vt) < 0) return YFAIL;
        } else {
            last_plain = *Y->p != '"' && *Y->p != '\'';
            if (y_scalar(Y, 1, &vt) < 0) return YFAIL;
        }
        y_spaces(Y);
        if (open == '[' && *Y->p == ':') return YFAIL; /* [a: b] */
    }
    Y->p++;
    y_event_end(Y, y_mark(Y, Y->p));
    return 0;
}

/* A growing string in the loader's scratch buffer, always with room for
 * its NUL. */
typedef struct ybuf {
    loader *L;
    char *s;
    size_t n;
} ybuf;

static void ybuf_put(ybuf *b, const char *src, size_t len)
{
    if (b->n + len + 1 > b->L->cap_scratch) b->s = ld_scratch(b->L, b->n + len + 1);
    memcpy(b->s + b->n, src, len);
    b->n += len;
}

/* A literal or folded block scalar, as libyaml's scanner reads it. */
static int y_block_scalar(yparse *Y, int ind, const ytag *t)
{
    const char *h = Y->p;
    int literal = *h == '|', chomp = 0;
    yaml_mark_t s = t && t->present ? t->start : y_mark(Y, h);
    const char *q = h + 1;
    if (q < Y->end && (*q == '+' || *q == '-')) chomp = *q++ == '+' ? 1 : -1;
    if (q < Y->end && *q >= '0' && *q <= '9') return YFAIL;
    const char *r = q;
    while (r < Y->end && *r == ' ') r++;
    if (!y_eol(Y, r) && !(*r == '#' && r > q)) return YFAIL;
    if (!y_eol(Y, r) && r == q) return YFAIL;
    Y->p = r;
    y_next_line(Y);
    yaml_mark_t e = y_mark(Y, Y->p);

    /* Text, pending line break of the last line, and empty lines after it. */
    ybuf b = {Y->L, ld_scratch(Y->L, 256), 0};
    int block = 0;          /* the content's indentation, once known */
    int leading_blank = 0;
    size_t trailing = 0;    /* empty lines waiting */
    int leading_break = 0;  /* the last content line's break is waiting */
    int at_end = 0;
    for (;;) {
        /* Empty lines and indentation, as yaml_parser_scan_block_scalar_breaks. */
        int max_indent = 0;
        for (;;) {
            const char *x = Y->p;
            while (x < Y->end && *x == ' ' && (!block || x - Y->ls < block)) x++;
            if ((int)(x - Y->ls) > max_indent) max_indent = (int)(x - Y->ls);
            if (x < Y->end && *x == '\t' && (!block || x - Y->ls < block)) return YFAIL;
            if (x == Y->end || !(*x == '\n' || *x == '\r')) {
                Y->p = x;
                break;
            }
            Y->p = x;
            y_next_line(Y);
            trailing++;
            e = y_mark(Y, Y->p);
        }
        if (!block) {
            block = max_indent;
            if (block < ind + 1) block = ind + 1;
            if (block < 1) block = 1;
        }
        if ((int)(Y->p - Y->ls) != block || Y->p == Y->end) break;
        /* A content line: fold the previous line's break into a space, or keep it. */
        int trailing_blank = *Y->p == ' ' || *Y->p == '\t';
        if (leading_break) {
            if (literal || leading_blank || trailing_blank) ybuf_put(&b, "\n", 1);
            else if (!trailing) ybuf_put(&b, " ", 1);
        }
        for (; trailing; trailing--) ybuf_put(&b, "\n", 1);
        leading_blank = trailing_blank;
        const char *lend = Y->p;
        while (!y_eol(Y, lend)) lend++;
        ybuf_put(&b, Y->p, (size_t)(lend - Y->p));
        Y->p = lend;
        if (lend == Y->end) { /* the last line, with no break */
            e = y_mark(Y, Y->p);
            leading_break = 0;
            at_end = 1;
            break;
        }
        leading_break = 1;
        y_next_line(Y);
        e = y_mark(Y, Y->p);
    }
    if (chomp != -1 && leading_break) ybuf_put(&b, "\n", 1);
    if (chomp == 1) for (; trailing; trailing--) ybuf_put(&b, "\n", 1);
    b.s[b.n] = '\0';
    y_event_scalar(Y, t && t->present ? t->name : NULL, b.s, b.n,
                   literal ? YAML_LITERAL_SCALAR_STYLE : YAML_FOLDED_SCALAR_STYLE, s, e);
    if (at_end || Y->p == Y->end) {
        Y->p = Y->end;
        Y->eof = 1;
        return 0;
    }
    /* The cursor is at the line that ended the scalar, past some indentation. */
    Y->p = Y->ls;
    return y_find_content(Y);
}

static int y_mapping(yparse *Y, const ytag *t);
static int y_sequence(yparse *Y, int indentless, const ytag *t);

/* A node in block context. The cursor is at its first character on the
 * line of its key or dash (inline), or past the end of that line. `ind` is
 * the enclosing block collection's column; an empty node stands at `empty`.
 * Returns with the cursor at the next content line (or eof). */
/* A node's content on the current line at the cursor, after its tag. */
static int y_inline(yparse *Y, int ind, int map_value, const ytag *t)
{
    char c = *Y->p;
    if (c == '-' && y_blank_or_eol(Y, Y->p + 1)) {
        if (map_value || t->present) return YFAIL;
        return y_sequence(Y, 0, t);
    }
    if (c == '[' || c == '{') {
        if (y_flow(Y, t) < 0) return YFAIL;
        return y_end_line(Y);
    }
    if (c == '|' || c == '>') return y_block_scalar(Y, ind, t);
    /* A key here starts a compact mapping in a sequence entry; after a
     * mapping's key it is an error, which y_end_line finds below. */
    if (!map_value && y_is_key(Y, Y->p)) {
        if (t->present) return YFAIL;
        return y_mapping(Y, t);
    }
    if (y_scalar(Y, 0, t) < 0) return YFAIL;
    return y_end_line(Y);
}

static int y_node(yparse *Y, int ind, int map_value, yaml_mark_t empty)
{
    ytag t;
    if (y_tag(Y, &t) < 0) return YFAIL;
    if (y_eol(Y, Y->p) || *Y->p == '#') {
        if (*Y->p == '#' && Y->p[-1] != ' ') return YFAIL;
        y_next_line(Y);
        if (y_find_content(Y) < 0) return YFAIL;
        int seq_here = !Y->eof && *Y->p == '-' && y_blank_or_eol(Y, Y->p + 1);
        if (!Y->eof && (Y->indent > ind || (map_value && Y->indent == ind && seq_here))) {
            if (seq_here) return y_sequence(Y, Y->indent == ind, &t);
            if (y_is_key(Y, Y->p)) return y_mapping(Y, &t);
            /* The value on a line of its own. */
            if (*Y->p == '!') {
                if (t.present || y_tag(Y, &t) < 0 || y_eol(Y, Y->p) || *Y->p == '#') return YFAIL;
            }
            return y_inline(Y, ind, 1, &t);
        }
        if (t.present) y_event_scalar(Y, t.name, "", 0, YAML_PLAIN_SCALAR_STYLE, t.start, t.end);
        else y_event_scalar(Y, NULL, "", 0, YAML_PLAIN_SCALAR_STYLE, empty, empty);
        return 0;
    }
    return y_inline(Y, ind, map_value, &t);
}

/* A block mapping whose first key is at the cursor. */
static int y_mapping(yparse *Y, const ytag *t)
{
    if (!y_room(Y)) return YFAIL;
    int col = (int)y_mark(Y, Y->p).column;
    int bytes_col = (int)(Y->p - Y->ls);
    yaml_mark_t s = y_mark(Y, Y->p);
    y_event_start(Y, DOC_MAP, t && t->present ? t->name : NULL, t && t->present ? t->start : s, s);
    for (;;) {
        const char *k = Y->p; /* each pair moves the cursor on: no loop can stall */
        if (*k == '!' || *k == '[' || *k == '{') return YFAIL;
        if (y_scalar(Y, 0, NULL) < 0) return YFAIL;
        if (Y->p - k > SIMPLE_KEY_MAX) return YFAIL;
        y_spaces(Y);
        if (*Y->p != ':' || !y_blank_or_eol(Y, Y->p + 1)) return YFAIL; /* not a key */
        Y->p++;
        yaml_mark_t colon = y_mark(Y, Y->p);
        y_spaces(Y);
        if (Y->p < Y->end && *Y->p == '\t') return YFAIL;
        if (y_node(Y, col, 1, colon) < 0) return YFAIL;
        if (Y->eof || Y->indent < bytes_col) break;
        if (Y->p <= k) return YFAIL;
        if (Y->indent > bytes_col) return YFAIL;
        if (!Y->ascii && (int)y_mark(Y, Y->p).column != col) return YFAIL;
    }
    y_event_end(Y, y_here(Y, col));
    return 0;
}

/* A block sequence whose first dash is at the cursor. */
static int y_sequence(yparse *Y, int indentless, const ytag *t)
{
    if (!y_room(Y)) return YFAIL;
    int col = (int)y_mark(Y, Y->p).column;
    int bytes_col = (int)(Y->p - Y->ls);
    yaml_mark_t s = y_mark(Y, Y->p);
    y_event_start(Y, DOC_SEQ, t && t->present ? t->name : NULL, t && t->present ? t->start : s,
                  indentless ? y_mark(Y, Y->p + 1) : s);
    for (;;) {
        const char *entry = Y->p;
        Y->p++; /* '-' */
        yaml_mark_t dash = y_mark(Y, Y->p);
        y_spaces(Y);
        if (Y->p < Y->end && *Y->p == '\t') return YFAIL;
        if (y_node(Y, col, 0, dash) < 0) return YFAIL;
        if (Y->eof || Y->indent < bytes_col) break;
        if (Y->p <= entry) return YFAIL;
        if (Y->indent > bytes_col) return YFAIL;
        if (!Y->ascii && (int)y_mark(Y, Y->p).column != col) return YFAIL;
        if (!(*Y->p == '-' && y_blank_or_eol(Y, Y->p + 1))) {
            if (indentless) break;
            return YFAIL;
        }
    }
    y_event_end(Y, y_here(Y, col));
    return 0;
}

int ld_yaml(loader *L, const char *text, size_t len)
{
    yparse Y;
    memset(&Y, 0, sizeof Y);
    Y.L = L;
    Y.p = Y.ls = text;
    Y.end = text + len;
    if (y_plain_text((const unsigned char *)text, (const unsigned char *)text + len, &Y.ascii) < 0) return YFAIL;
    /* The loader's line index gives where the last line starts. */
    size_t lines = L->d->n_lines - 1;
    Y.line = lines;
    Y.ls = text + L->d->line_starts[lines];
    Y.eof_at = y_mark(&Y, Y.end);
    Y.stream_end.line = lines + (Y.eof_at.column != 0);
    Y.stream_end.column = 0;
    Y.line = 0;
    Y.ls = text;

    /* An optional "---" line first. */
    if (y_find_content(&Y) < 0) {
        if (!(Y.p == Y.ls && Y.end - Y.p >= 3 && memcmp(Y.p, "---", 3) == 0)) return YFAIL;
        Y.p += 3;
        if (y_end_line(&Y) < 0) return YFAIL;
    }
    if (Y.eof || (*Y.p == '-' && y_blank_or_eol(&Y, Y.p + 1)) || !y_is_key(&Y, Y.p)) return YFAIL;
    if (y_mapping(&Y, NULL) < 0 || !Y.eof) return YFAIL;
    return L->fatal ? YFAIL : 0;
}
