/* outcheck: is an output well formed? XML 1.0 (for JUnit) and GitHub
 * workflow commands, for fuzz_lint and tests/unit_outcheck.c. Each returns
 * 1, or 0 with the first problem and its byte offset in why. */
#ifndef SAMLINT_OUTCHECK_H
#define SAMLINT_OUTCHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct oc_xml {
    const unsigned char *s, *p, *end;
    char *why;
    size_t n;
} oc_xml;

static int oc_fail(oc_xml *X, const char *what)
{
    snprintf(X->why, X->n, "%s at byte %zu", what, (size_t)(X->p - X->s));
    return 0;
}

/* One UTF-8 character at p (up to end): its code point and length, or 0. */
static size_t oc_utf8(const unsigned char *p, const unsigned char *end, unsigned long *cp)
{
    size_t n;
    unsigned long c;
    if (p[0] < 0x80) { *cp = p[0]; return 1; }
    if (p[0] >= 0xC2 && p[0] <= 0xDF) { n = 2; c = p[0] & 0x1Fu; }
    else if (p[0] >= 0xE0 && p[0] <= 0xEF) { n = 3; c = p[0] & 0x0Fu; }
    else if (p[0] >= 0xF0 && p[0] <= 0xF4) { n = 4; c = p[0] & 0x07u; }
    else return 0;
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return n;
}

/* XML 1.0's Char production. */
static int oc_xml_char(unsigned long c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

static int oc_name_start(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80; }
static int oc_name_char(unsigned char c) { return oc_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
static int oc_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static void oc_skip_space(oc_xml *X)
{
    while (X->p < X->end && oc_space(*X->p)) X->p++;
}

/* A name at p; its length, or 0. */
static size_t oc_name(oc_xml *X)
{
    const unsigned char *b = X->p;
    if (X->p == X->end || !oc_name_start(*X->p)) return 0;
    while (X->p < X->end && oc_name_char(*X->p)) X->p++;
    return (size_t)(X->p - b);
}

/* A reference after '&': a predefined entity or a character reference to a Char. */
static int oc_reference(oc_xml *X)
{
    static const char *const named[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
    X->p++;
    for (size_t i = 0; i < 5; i++) {
        size_t k = strlen(named[i]);
        if ((size_t)(X->end - X->p) >= k && memcmp(X->p, named[i], k) == 0) {
            X->p += k;
            return 1;
        }
    }
    if (X->p == X->end || *X->p != '#') return oc_fail(X, "'&' that starts no reference");
    X->p++;
    int hex = X->p < X->end && *X->p == 'x';
    if (hex) X->p++;
    unsigned long v = 0;
    size_t digits = 0;
    for (; X->p < X->end && *X->p != ';'; X->p++, digits++) {
        unsigned char c = *X->p;
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return oc_fail(X, "a bad digit in a character reference");
        v = v * (hex ? 16u : 10u) + (unsigned long)d;
        if (v > 0x10FFFF) return oc_fail(X, "a character reference past U+10FFFF");
    }
    if (X->p == X->end || !digits) return oc_fail(X, "an unfinished character reference");
    if (!oc_xml_char(v)) return oc_fail(X, "a character reference to a character XML 1.0 forbids");
    X->p++;
    return 1;
}

/* Characters up to `stop` (text: '<'; attribute values: the quote). */
static int oc_chars(oc_xml *X, unsigned char stop, int attr)
{
    while (X->p < X->end && *X->p != stop) {
        unsigned long c;
        if (*X->p == '&') {
            if (!oc_reference(X)) return 0;
            continue;
        }
        if (attr && *X->p == '<') return oc_fail(X, "'<' in an attribute value");
        if (!attr && X->end - X->p >= 3 && memcmp(X->p, "]]>", 3) == 0) return oc_fail(X, "']]>' in text");
        size_t k = oc_utf8(X->p, X->end, &c);
        if (!k) return oc_fail(X, "invalid UTF-8");
        if (!oc_xml_char(c)) return oc_fail(X, "a character XML 1.0 forbids");
        X->p += k;
    }
    return 1;
}

/* Characters of a comment, PI or CDATA section up to `close`. */
static int oc_until(oc_xml *X, const char *close, int comment)
{
    size_t k = strlen(close);
    while ((size_t)(X->end - X->p) >= k && memcmp(X->p, close, k) != 0) {
        unsigned long c;
        if (comment && X->end - X->p >= 2 && X->p[0] == '-' && X->p[1] == '-') return oc_fail(X, "'--' in a comment");
        size_t n = oc_utf8(X->p, X->end, &c);
        if (!n) return oc_fail(X, "invalid UTF-8");
        if (!oc_xml_char(c)) return oc_fail(X, "a character XML 1.0 forbids");
        X->p += n;
    }
    if ((size_t)(X->end - X->p) < k) return oc_fail(X, "an unclosed comment, PI or CDATA section");
    X->p += k;
    return 1;
}

/* Comments and processing instructions between elements (misc). */
static int oc_misc(oc_xml *X)
{
    for (;;) {
        oc_skip_space(X);
        if (X->end - X->p >= 4 && memcmp(X->p, "<!--", 4) == 0) {
            X->p += 4;
            if (!oc_until(X, "-->", 1)) return 0;
        } else if (X->end - X->p >= 2 && memcmp(X->p, "<?", 2) == 0) {
            X->p += 2;
            if (!oc_name(X)) return oc_fail(X, "a processing instruction without a target");
            if (!oc_until(X, "?>", 0)) return 0;
        } else {
            return 1;
        }
    }
}

/* Is s[0..len) a well-formed XML 1.0 document (no DTD)? */
static int xml_well_formed(const char *s, size_t len, char *why, size_t n)
{
    oc_xml X = {(const unsigned char *)s, (const unsigned char *)s, (const unsigned char *)s + len, why, n};
    struct { const unsigned char *name; size_t len; } *stack = NULL;
    size_t depth = 0, cap = 0;
    int ok = 0, roots = 0;
    if (!oc_misc(&X)) goto done;
    for (;;) {
        if (depth == 0) {
            if (!oc_misc(&X)) goto done;
            if (X.p == X.end) break;
            if (roots++) { oc_fail(&X, "content after the root element"); goto done; }
            if (*X.p != '<') { oc_fail(&X, "text outside the root element"); goto done; }
        } else if (!oc_chars(&X, '<', 0)) {
            goto done;
        }
        if (X.p == X.end) { oc_fail(&X, "unclosed elements at the end"); goto done; }
        X.p++; /* '<' */
        if (X.p < X.end && *X.p == '/') {
            X.p++;
            const unsigned char *nm = X.p;
            size_t k = oc_name(&X);
            if (!k || !depth || stack[depth - 1].len != k || memcmp(stack[depth - 1].name, nm, k) != 0) {
                oc_fail(&X, "an end tag that does not match its start tag");
                goto done;
            }
            oc_skip_space(&X);
            if (X.p == X.end || *X.p != '>') { oc_fail(&X, "an unclosed end tag"); goto done; }
            X.p++;
            depth--;
            continue;
        }
        if (depth && X.end - X.p >= 3 && memcmp(X.p, "!--", 3) == 0) {
            X.p += 3;
            if (!oc_until(&X, "-->", 1)) goto done;
            continue;
        }
        if (depth && X.end - X.p >= 8 && memcmp(X.p, "![CDATA[", 8) == 0) {
            X.p += 8;
            if (!oc_until(&X, "]]>", 0)) goto done;
            continue;
        }
        if (depth && X.p < X.end && *X.p == '?') {
            X.p++;
            if (!oc_name(&X) || !oc_until(&X, "?>", 0)) goto done;
            continue;
        }
        const unsigned char *nm = X.p;
        size_t k = oc_name(&X);
        if (!k) { oc_fail(&X, "'<' that starts no tag"); goto done; }
        const unsigned char *attr_names[64];
        size_t attr_lens[64], n_attrs = 0;
        for (;;) {
            const unsigned char *before = X.p;
            oc_skip_space(&X);
            if (X.p == X.end) { oc_fail(&X, "an unclosed start tag"); goto done; }
            if (*X.p == '>' || (*X.p == '/' && X.end - X.p >= 2 && X.p[1] == '>')) break;
            if (X.p == before) { oc_fail(&X, "no space before an attribute"); goto done; }
            const unsigned char *an = X.p;
            size_t ak = oc_name(&X);
            if (!ak) { oc_fail(&X, "a bad attribute name"); goto done; }
            for (size_t i = 0; i < n_attrs; i++)
                if (attr_lens[i] == ak && memcmp(attr_names[i], an, ak) == 0) { oc_fail(&X, "a repeated attribute"); goto done; }
            if (n_attrs < 64) { attr_names[n_attrs] = an; attr_lens[n_attrs++] = ak; }
            oc_skip_space(&X);
            if (X.p == X.end || *X.p != '=') { oc_fail(&X, "an attribute without '='"); goto done; }
            X.p++;
            oc_skip_space(&X);
            if (X.p == X.end || (*X.p != '"' && *X.p != '\'')) { oc_fail(&X, "an unquoted attribute value"); goto done; }
            unsigned char q = *X.p++;
            if (!oc_chars(&X, q, 1)) goto done;
            if (X.p == X.end) { oc_fail(&X, "an unclosed attribute value"); goto done; }
            X.p++;
        }
        if (*X.p == '/') {
            X.p += 2;
            continue;
        }
        X.p++;
        if (depth == cap) {
            cap = cap ? cap * 2 : 16;
            void *grown = realloc(stack, cap * sizeof *stack);
            if (!grown) { oc_fail(&X, "out of memory"); goto done; }
            stack = grown;
        }
        stack[depth].name = nm;
        stack[depth++].len = k;
    }
    ok = roots == 1 ? 1 : oc_fail(&X, "no root element");
done:
    free(stack);
    return ok;
}

/* A workflow command's text: no CR or LF, '%' only in %25, %0D, %0A (and
 * in a property also %3A, %2C), and no ':' or ',' in a property. */
static int oc_gh_escaped(const char *s, const char *end, int property)
{
    for (; s < end; s++) {
        if (*s == '\r' || *s == '\n') return 0;
        if (property && (*s == ':' || *s == ',')) return 0;
        if (*s == '%') {
            if (end - s < 3) return 0;
            int ok = !memcmp(s, "%25", 3) || !memcmp(s, "%0D", 3) || !memcmp(s, "%0A", 3) ||
                     (property && (!memcmp(s, "%3A", 3) || !memcmp(s, "%2C", 3)));
            if (!ok) return 0;
            s += 2;
        }
    }
    return 1;
}

/* Is every line of s[0..len) an annotation (::error, ::warning or ::notice
 * with known properties, each escaped) or a log line behind "samlint: "? */
static int gh_commands_valid(const char *s, size_t len, char *why, size_t n)
{
    static const char *const props[] = {"file", "line", "endLine", "col", "endColumn", "title", NULL};
    const char *end = s + len;
    if (len && end[-1] != '\n') {
        snprintf(why, n, "the output does not end with a line break");
        return 0;
    }
    for (const char *line = s; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        size_t at = (size_t)(line - s);
        if (eol - line >= 9 && memcmp(line, "samlint: ", 9) == 0) {
            if (memchr(line, '\r', (size_t)(eol - line))) {
                snprintf(why, n, "a carriage return in a log line at byte %zu", at);
                return 0;
            }
            line = eol + 1;
            continue;
        }
        const char *p = line;
        const char *cmd = NULL;
        static const char *const cmds[] = {"::error ", "::warning ", "::notice ", NULL};
        for (int i = 0; cmds[i]; i++)
            if ((size_t)(eol - p) >= strlen(cmds[i]) && memcmp(p, cmds[i], strlen(cmds[i])) == 0) cmd = cmds[i];
        if (!cmd) {
            snprintf(why, n, "a line that is neither an annotation nor a 'samlint: ' log line at byte %zu: %.60s", at, line);
            return 0;
        }
        p += strlen(cmd);
        const char *sep = NULL;
        for (const char *q = p; q + 1 < eol; q++)
            if (q[0] == ':' && q[1] == ':') { sep = q; break; }
        if (!sep) {
            snprintf(why, n, "an annotation without '::' before its message at byte %zu", at);
            return 0;
        }
        for (const char *prop = p; prop < sep;) {
            const char *comma = memchr(prop, ',', (size_t)(sep - prop));
            const char *pe = comma ? comma : sep, *eq = memchr(prop, '=', (size_t)(pe - prop));
            int known = 0;
            for (int i = 0; eq && props[i]; i++)
                known |= (size_t)(eq - prop) == strlen(props[i]) && memcmp(prop, props[i], (size_t)(eq - prop)) == 0;
            if (!known || !oc_gh_escaped(eq + 1, pe, 1)) {
                snprintf(why, n, "a bad annotation property at byte %zu: %.*s", (size_t)(prop - s), (int)(pe - prop > 60 ? 60 : pe - prop), prop);
                return 0;
            }
            if (eq - prop <= 9 && (!memcmp(prop, "line=", 5) || !memcmp(prop, "col=", 4) || !memcmp(prop, "endLine=", 8) || !memcmp(prop, "endColumn=", 10))) {
                for (const char *d = eq + 1; d < pe; d++)
                    if (*d < '0' || *d > '9') {
                        snprintf(why, n, "a position that is not a number at byte %zu", (size_t)(prop - s));
                        return 0;
                    }
            }
            prop = pe + (comma != NULL);
        }
        if (!oc_gh_escaped(sep + 2, eol, 0)) {
            snprintf(why, n, "an annotation message that is not escaped at byte %zu", (size_t)(sep + 2 - s));
            return 0;
        }
        line = eol + 1;
    }
    return 1;
}

#endif
