/* edit: byte positions of nodes and the text edits rules attach as fixes (rule.h). */
#include <stdio.h>
#include <string.h>

#include "rule.h"

const char *lint_text(const lint_ctx *ctx, size_t *len)
{
    *len = ctx->d ? ctx->d->text_len : 0;
    return ctx->d ? ctx->d->text : "";
}

size_t lint_offset(const lint_ctx *ctx, uint32_t line, uint32_t col)
{
    const doc *d = ctx->d;
    size_t off = doc_line_offset(d, line);
    for (uint32_t c = 1; off < d->text_len && d->text[off] != '\n'; off++) {
        if (((unsigned char)d->text[off] & 0xC0) == 0x80) continue;  /* inside a character */
        if (c++ == col) break;
    }
    return off;
}

int lint_node_span(const lint_ctx *ctx, doc_id node, size_t *start, size_t *end)
{
    if (!ctx->d || node < 0 || node >= (doc_id)ctx->d->n_nodes) return 0;
    const doc_node *n = &ctx->d->nodes[node];
    if (n->style & DOC_SYNTH) return 0;
    *start = lint_offset(ctx, n->line, n->col);
    *end = lint_offset(ctx, doc_end_line(ctx->d, node), doc_end_col(ctx->d, node));
    return *end >= *start;
}

/* The bytes before the node on its line are blanks only: where a line of
 * the same indentation can go. */
static int starts_line(const doc *d, size_t line_start, size_t at)
{
    for (size_t i = line_start; i < at; i++)
        if (d->text[i] != ' ') return 0;
    return 1;
}

int lint_edit_add_key(lint_ctx *ctx, doc_id map, const char *key, const char *value, lint_edit *out)
{
    const doc *d = ctx->d;
    size_t start, end;
    if (!doc_is_map(d, map) || !lint_node_span(ctx, map, &start, &end) || start >= d->text_len) return 0;
    char *text;
    if (d->text[start] == '{') {  /* flow mapping or JSON: first, after the brace */
        const char *q = d->is_json ? "\"" : "";
        size_t n = strlen(key) + strlen(value) + 8;
        text = lint_alloc(ctx, n);
        snprintf(text, n, "%s%s%s: %s%s", q, key, q, value, doc_count(d, map) ? ", " : "");
        *out = (lint_edit){start + 1, start + 1, text};
        return 1;
    }
    if (d->is_json || !doc_count(d, map)) return 0;
    doc_id first = doc_key(d, map, 0);
    const doc_node *k = doc_at(d, first);
    if (k->style & DOC_SYNTH) return 0;
    size_t ls = doc_line_offset(d, k->line), at = lint_offset(ctx, k->line, k->col);
    if (!starts_line(d, ls, at)) return 0;  /* "- Key: v": the key shares its line */
    size_t indent = at - ls, n = indent + strlen(key) + strlen(value) + 8;
    text = lint_alloc(ctx, n);
    snprintf(text, n, "%*s%s: %s\n", (int)indent, "", key, value);
    *out = (lint_edit){ls, ls, text};
    return 1;
}

int lint_edit_scalar(lint_ctx *ctx, doc_id node, const char *value, lint_edit *out)
{
    const doc *d = ctx->d;
    size_t start, end;
    if (!doc_is_scalar(d, node) || !lint_node_span(ctx, node, &start, &end) || end <= start) return 0;
    if (d->nodes[node].style & DOC_QUOTED) {
        char q = d->text[start];
        if ((q != '"' && q != '\'') || end - start < 2 || d->text[end - 1] != q) return 0;
        start++, end--;
        for (const char *p = value; *p; p++)
            if (*p == q || *p == '\\' || (unsigned char)*p < 0x20) return 0;
    }
    *out = (lint_edit){start, end, value};
    return 1;
}
