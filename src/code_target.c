/* code_target: where a function's handler code is (a file or inline) and findings in it. */
#include "code_target.h"
#include "arena.h"
#include "rx.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The first value a property can take, when every value is a scalar. */
static doc_id one_scalar(lint_ctx *ctx, doc_id node)
{
    eval_value v[EVAL_MAX];
    int n = node == DOC_NONE ? -1 : eval_values(ctx->t, node, v);
    if (n <= 0 || !doc_is_scalar(ctx->d, v[0].value))
        return DOC_NONE;
    return v[0].value;
}

static enum code_lang runtime_lang(const char *runtime)
{
    if (!runtime)
        return CODE_OTHER;
    if (strncmp(runtime, "nodejs", 6) == 0)
        return CODE_JS;
    if (strncmp(runtime, "python", 6) == 0)
        return CODE_PY;
    return CODE_OTHER; /* java, dotnet, go, provided, ruby: compiled or not checked */
}

/* a + "/" + b with "." parts, empty parts and a leading "./" removed. */
static char *join_path(lint_ctx *ctx, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *out = lint_alloc(ctx, la + lb + 3);
    size_t n = 0;
    const char *parts[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        const char *p = parts[k];
        if (k == 1 && *p == '/') /* absolute: starts over */
            n = 0;
        if (n == 0 && *p == '/')
            out[n++] = '/';
        while (*p) {
            while (*p == '/')
                p++;
            const char *e = p;
            while (*e && *e != '/')
                e++;
            if (e > p && !(e - p == 1 && *p == '.')) {
                if (n > 0 && out[n - 1] != '/')
                    out[n++] = '/';
                memcpy(out + n, p, (size_t)(e - p));
                n += (size_t)(e - p);
            }
            p = e;
        }
    }
    if (n == 0)
        out[n++] = '.';
    out[n] = '\0';
    return out;
}

static char *dir_of(lint_ctx *ctx, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return join_path(ctx, ".", "");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = lint_alloc(ctx, n + 1);
    memcpy(d, path, n);
    return d;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Does folder `dir` hold code of the language (its sources, or the package
 * manifest)? Only then is a missing handler file worth reporting: templates
 * copied without their code trees stay quiet. */
static int dir_has_code(const char *dir, enum code_lang lang)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(dp)) != NULL) {
        const char *n = e->d_name;
        if (lang == CODE_JS)
            found = code_lang_of_path(n) == CODE_JS || strcmp(n, "package.json") == 0;
        else
            found = has_suffix(n, ".py") || strcmp(n, "requirements.txt") == 0 || strcmp(n, "pyproject.toml") == 0;
    }
    closedir(dp);
    return found;
}

/* Bounds of the search below a CodeUri folder for code of the language. */
enum { CODE_SEARCH_DEPTH = 4, CODE_SEARCH_ENTRIES = 2000 };

/* Does `dir`, or a folder below it (at most CODE_SEARCH_DEPTH levels and
 * CODE_SEARCH_ENTRIES entries in all, never through a symbolic link, so no
 * loop; node_modules and hidden folders skipped), hold code of the
 * language? A folder with sources anywhere below it is a code tree at
 * hand, even when the sources sit in a sub-folder the Handler misses. */
static int tree_has_code(const char *dir, enum code_lang lang, int depth, int *budget)
{
    if (dir_has_code(dir, lang))
        return 1;
    if (depth >= CODE_SEARCH_DEPTH || *budget <= 0)
        return 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    int found = 0;
    struct dirent *e;
    size_t dl = strlen(dir);
    while (!found && *budget > 0 && (e = readdir(dp)) != NULL) {
        const char *n = e->d_name;
        (*budget)--;
        if (n[0] == '.' || strcmp(n, "node_modules") == 0 || strcmp(n, "__pycache__") == 0)
            continue;
        size_t nl = strlen(n);
        char *sub = malloc(dl + nl + 2);
        if (!sub)
            break;
        memcpy(sub, dir, dl);
        sub[dl] = '/';
        memcpy(sub + dl + 1, n, nl + 1);
        struct stat st;
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))  /* lstat: a link is not followed */
            found = tree_has_code(sub, lang, depth + 1, budget);
        free(sub);
    }
    closedir(dp);
    return found;
}

/* The dot between a Handler's module and its function: Python's last dot
 * (`pkg.module.func`); Node.js's first dot of the file name (`dir/file.fn`,
 * where `file.a.b` names a nested property). NULL when there is none. */
static const char *handler_dot(enum code_lang lang, const char *h)
{
    if (lang == CODE_PY)
        return strrchr(h, '.');
    const char *slash = strrchr(h, '/');
    return strchr(slash ? slash + 1 : h, '.');
}

/* Candidate files for a handler, relative to the CodeUri folder. */
static int candidates(lint_ctx *ctx, const code_target *tg, doc_id build_props, const char **out, int max)
{
    const char *h = tg->handler;
    const char *dot = handler_dot(tg->lang, h);
    if (!dot || dot == h || !dot[1])
        return 0;
    /* Lambda resolves handlers inside the package: never look outside it. */
    if (h[0] == '/' || strstr(h, "..") != NULL)
        return 0;
    size_t stem_len = (size_t)(dot - h);
    char *stem = lint_alloc(ctx, stem_len + 1);
    memcpy(stem, h, stem_len);
    int n = 0;
    if (tg->lang == CODE_JS) {
        /* esbuild names its sources in BuildProperties.EntryPoints; the
         * handler's file is the entry point of the same base name. */
        const char *base = strrchr(stem, '/') ? strrchr(stem, '/') + 1 : stem;
        doc_id eps = doc_get(ctx->d, build_props, "EntryPoints");
        for (uint32_t i = 0; i < doc_count(ctx->d, eps) && n < max; i++) {
            doc_id ep = doc_item(ctx->d, eps, i);
            if (!doc_is_scalar(ctx->d, ep) || code_lang_of_path(doc_str(ctx->d, ep)) != CODE_JS)
                continue;
            const char *ep_path = doc_str(ctx->d, ep);
            const char *ep_base = strrchr(ep_path, '/') ? strrchr(ep_path, '/') + 1 : ep_path;
            size_t bl = strlen(base);
            if (strncmp(ep_base, base, bl) == 0 && ep_base[bl] == '.' && !strchr(ep_base + bl + 1, '.'))
                out[n++] = ep_path;
        }
        static const char *const ext[] = {".js", ".mjs", ".cjs", ".ts", NULL};
        for (int i = 0; ext[i] && n < max; i++) {
            char *c = lint_alloc(ctx, stem_len + 5);
            snprintf(c, stem_len + 5, "%s%s", stem, ext[i]);
            out[n++] = c;
        }
    } else {
        for (char *p = stem; *p; p++)
            if (*p == '.')
                *p = '/';
        char *mod = lint_alloc(ctx, stem_len + 4);
        snprintf(mod, stem_len + 4, "%s.py", stem);
        char *pkg = lint_alloc(ctx, stem_len + 13);
        snprintf(pkg, stem_len + 13, "%s/__init__.py", stem);
        out[n++] = mod;
        if (n < max)
            out[n++] = pkg;
    }
    return n;
}

/* BuildMethods that produce the handler file from something else. */
static int build_makes_code(const char *bm)
{
    return bm && strncmp(bm, "nodejs", 6) != 0 && strncmp(bm, "python", 6) != 0;
}

static int local_target(lint_ctx *ctx, code_target *tg, const char *code_uri, doc_id build_props)
{
    if (!code_uri || !*code_uri || strncmp(code_uri, "s3://", 5) == 0 || strstr(code_uri, "://"))
        return 0;
    if (!tg->handler)
        return 0;
    tg->root = join_path(ctx, lint_template_dir(ctx), code_uri);
    if (!code_is_dir(tg->root)) /* absent, or a .zip/.jar archive */
        return 0;
    const char *cand[8];
    int n = candidates(ctx, tg, build_props, cand, 8);
    size_t tried_len = 1;
    for (int i = 0; i < n; i++) {
        const char *path = join_path(ctx, tg->root, cand[i]);
        tried_len += strlen(path) + 2;
        if (!code_is_file(path))
            continue;
        const code_file *f = code_load(path);
        if (f->status != CODE_OK) /* binary or too large: nothing to check */
            return 0;
        tg->where = TARGET_FILE;
        tg->path = path;
        tg->text = &f->src;
        code_find_handler(tg->text, tg->func, &tg->span);
        return 1;
    }
    /* Not found: worth reporting only when this is a code tree of the
     * language and no build step makes the file. */
    if (n == 0 || build_makes_code(tg->build_method))
        return 0;
    const char *first = join_path(ctx, tg->root, cand[0]);
    int budget = CODE_SEARCH_ENTRIES;
    if (!tree_has_code(tg->root, tg->lang, 0, &budget) && !dir_has_code(dir_of(ctx, first), tg->lang))
        return 0;
    char *tried = lint_alloc(ctx, tried_len);
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(tried, ", ");
        strcat(tried, join_path(ctx, ".", cand[i]));
    }
    tg->where = TARGET_MISSING;
    tg->path = first;
    tg->tried = tried;
    return 1;
}

/* Inline code that is really code: not a placeholder ("hello world", "foo")
 * and not a macro's tag such as !Rain::Embed file.py. */
static int looks_like_code(const char *text, size_t len, enum code_lang lang)
{
    code_text raw = {lang, text, NULL, len};
    static const char *const js[] = {"exports", "function", "require", "import", "export", NULL};
    static const char *const py[] = {"def", "import", "lambda", NULL};
    for (const char *const *w = lang == CODE_PY ? py : js; *w; w++)
        if (code_has_ident(&raw, *w))
            return 1;
    return lang == CODE_JS && strstr(text, "=>") != NULL;
}

static int plain_tag(const doc *d, doc_id node)
{
    const char *tag = doc_tag(d, node);
    return !tag || strcmp(tag, "!!str") == 0 || strcmp(tag, "tag:yaml.org,2002:str") == 0 || strcmp(tag, "!") == 0;
}

/* `Fn::Join [delimiter, [parts]]`: the joined text, with where each literal
 * part starts so findings map back to it. Parts that are not literals (a
 * Ref, a GetAtt) add nothing. */
static char *join_parts(lint_ctx *ctx, code_target *tg, doc_id arg, size_t *len_out)
{
    const doc *d = ctx->d;
    doc_id delim = doc_item(d, arg, 0), list = doc_item(d, arg, 1);
    if (doc_count(d, arg) != 2 || !doc_is_scalar(d, delim) || !doc_is_seq(d, list))
        return NULL;
    uint32_t n = doc_count(d, list);
    size_t dl = doc_at(d, delim)->len, len = 0;
    for (uint32_t i = 0; i < n; i++) {
        doc_id item = doc_item(d, list, i);
        len += (doc_is_scalar(d, item) ? doc_at(d, item)->len : 0) + dl;
    }
    char *buf = lint_alloc(ctx, len + 1);
    code_part *parts = lint_alloc(ctx, (n ? n : 1) * sizeof *parts);
    size_t at = 0, n_parts = 0;
    for (uint32_t i = 0; i < n; i++) {
        doc_id item = doc_item(d, list, i);
        if (i > 0) {
            memcpy(buf + at, doc_str(d, delim), dl);
            at += dl;
        }
        if (!doc_is_scalar(d, item))
            continue;
        parts[n_parts].node = item;
        parts[n_parts].start = at;
        n_parts++;
        memcpy(buf + at, doc_str(d, item), doc_at(d, item)->len);
        at += doc_at(d, item)->len;
    }
    buf[at] = '\0';
    tg->parts = parts;
    tg->n_parts = n_parts;
    *len_out = at;
    return buf;
}

static int inline_target(lint_ctx *ctx, code_target *tg, doc_id node)
{
    const doc *d = ctx->d;
    doc_id arg;
    const char *fn = doc_intrinsic(d, node, &arg);
    const char *text;
    size_t len;
    if (fn && strcmp(fn, "Fn::Sub") == 0) /* the template text of !Sub */
        node = doc_is_seq(d, arg) ? doc_item(d, arg, 0) : arg;
    if (fn && strcmp(fn, "Fn::Join") == 0) {
        text = join_parts(ctx, tg, arg, &len);
        if (!text)
            return 0;
    } else if (doc_is_scalar(d, node) && plain_tag(d, node)) {
        text = doc_str(d, node);
        len = doc_at(d, node)->len;
    } else {
        return 0;
    }
    if (!looks_like_code(text, len, tg->lang))
        return 0;
    code_text *ct = lint_alloc(ctx, sizeof *ct);
    char *masked = lint_alloc(ctx, len + 1);
    code_text_init(ct, tg->lang, text, len, masked);
    tg->where = TARGET_INLINE;
    tg->inline_node = node;
    tg->text = ct;
    code_find_handler(ct, tg->func, &tg->span);
    return 1;
}

int code_targets(lint_ctx *ctx, const tmpl_resource *r, code_target *out)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    if (!r->is_function || !doc_is_map(d, r->props))
        return 0;
    doc_id pkg = one_scalar(ctx, tmpl_prop(t, r, NULL, "PackageType"));
    if ((pkg != DOC_NONE && doc_str_eq(d, pkg, "Image")) || tmpl_prop(t, r, NULL, "ImageUri") != DOC_NONE)
        return 0;
    code_target base;
    memset(&base, 0, sizeof base);
    base.fn = r;
    base.handler_node = base.code_node = base.inline_node = DOC_NONE;
    doc_id runtime = one_scalar(ctx, tmpl_prop(t, r, NULL, "Runtime"));
    base.runtime = runtime == DOC_NONE ? NULL : doc_str(d, runtime);
    base.lang = runtime_lang(base.runtime);
    if (base.lang == CODE_OTHER)
        return 0;
    doc_id handler_node = tmpl_prop(t, r, NULL, "Handler");
    doc_id handler = one_scalar(ctx, handler_node);
    if (handler != DOC_NONE && doc_at(d, handler)->len > 0) {
        base.handler = doc_str(d, handler);
        base.handler_node = handler_node;
        const char *dot = handler_dot(base.lang, base.handler);
        const char *func = dot ? dot + 1 : base.handler;
        size_t func_len = strcspn(func, "."); /* a nested handler: its export */
        char *copy = lint_alloc(ctx, func_len + 1);
        memcpy(copy, func, func_len);
        base.func = copy;
    }
    doc_id bm = one_scalar(ctx, doc_get(d, r->metadata, "BuildMethod"));
    base.build_method = bm == DOC_NONE ? NULL : doc_str(d, bm);
    doc_id build_props = doc_get(d, r->metadata, "BuildProperties");

    int is_sam = tmpl_is_type(r, "AWS::Serverless::Function");
    doc_id inline_code = is_sam ? tmpl_prop(t, r, NULL, "InlineCode") : doc_path(d, r->props, "Code", "ZipFile");
    if (inline_code != DOC_NONE) {
        out[0] = base;
        out[0].code_node = inline_code;
        return inline_target(ctx, &out[0], inline_code);
    }
    doc_id code = is_sam ? tmpl_prop(t, r, NULL, "CodeUri") : doc_get(d, r->props, "Code");
    if (code == DOC_NONE) {
        /* SAM CLI builds a function without CodeUri from the template's folder. */
        if (!is_sam)
            return 0;
        out[0] = base;
        return local_target(ctx, &out[0], ".", build_props);
    }
    eval_value v[EVAL_MAX];
    int nv = eval_values(t, code, v);
    int count = 0;
    for (int i = 0; i < nv && count < CODE_MAX_TARGETS; i++) {
        if (!doc_is_scalar(d, v[i].value))
            continue; /* {Bucket, Key} / {S3Bucket, S3Key} */
        const char *uri = doc_str(d, v[i].value);
        int seen = 0;
        for (int k = 0; k < i; k++)
            seen |= doc_is_scalar(d, v[k].value) && strcmp(doc_str(d, v[k].value), uri) == 0;
        if (seen)
            continue;
        out[count] = base;
        out[count].code_node = v[i].site;
        count += local_target(ctx, &out[count], uri, build_props);
    }
    return count;
}

const code_target_list *code_all_targets(lint_ctx *ctx)
{
    if (ctx->code_targets)
        return ctx->code_targets;
    code_target *found = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < ctx->t->n_res; i++) {
        code_target tg[CODE_MAX_TARGETS];
        int got = code_targets(ctx, &ctx->t->res[i], tg);
        for (int k = 0; k < got; k++) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                found = xrealloc(found, cap * sizeof *found);
            }
            found[n++] = tg[k];
        }
    }
    /* The list lives as long as the template, like the targets' contents;
     * its items are the grown array itself, cut to size (a copy in the
     * arena beside it doubled the peak of a big template), freed by the
     * engine with the template (code_targets_release). */
    code_target_list *list = lint_alloc(ctx, sizeof *list);
    if (n)
        found = xrealloc(found, n * sizeof *found);
    list->items = found;
    list->n = n;
    ctx->code_targets = list;
    return list;
}

void code_targets_release(lint_ctx *ctx)
{
    if (ctx->code_targets)
        free((void *)ctx->code_targets->items);
    ctx->code_targets = NULL;
}

void code_each_dir(lint_ctx *ctx, void (*fn)(void *user, const char *dir), void *user)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    for (size_t i = 0; i < t->n_res; i++) {
        const tmpl_resource *r = &t->res[i];
        if (!r->is_function || !doc_is_map(d, r->props))
            continue;
        int is_sam = tmpl_is_type(r, "AWS::Serverless::Function");
        doc_id code = is_sam ? tmpl_prop(t, r, NULL, "CodeUri") : doc_get(d, r->props, "Code");
        if (code == DOC_NONE) {
            if (is_sam && tmpl_prop(t, r, NULL, "InlineCode") == DOC_NONE &&
                tmpl_prop(t, r, NULL, "ImageUri") == DOC_NONE)
                fn(user, join_path(ctx, lint_template_dir(ctx), "."));
            continue;
        }
        eval_value v[EVAL_MAX];
        int nv = eval_values(t, code, v);
        for (int k = 0; k < nv; k++) {
            if (!doc_is_scalar(d, v[k].value))
                continue; /* {Bucket, Key}, {ZipFile} */
            const char *uri = doc_str(d, v[k].value);
            if (!*uri || strstr(uri, "://"))
                continue;
            const char *dir = join_path(ctx, lint_template_dir(ctx), uri);
            if (code_is_dir(dir))
                fn(user, dir);
        }
    }
}

void code_each_target(lint_ctx *ctx, void (*fn)(lint_ctx *ctx, const code_target *tg))
{
    const code_target_list *all = code_all_targets(ctx);
    for (size_t i = 0; i < all->n; i++)
        if (all->items[i].where != TARGET_MISSING)
            fn(ctx, &all->items[i]);
}

/* ---- positions of inline code inside the template ---------------------- */

/* Byte offset in the template text of a node's 1-based line and column. */
static size_t text_offset(const doc *d, uint32_t line, uint32_t col)
{
    size_t i = doc_line_offset(d, line);
    for (uint32_t c = 1; c < col && i < d->text_len && d->text[i] != '\n'; c++) {
        i++;
        while (i < d->text_len && ((unsigned char)d->text[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

static void offset_pos(const doc *d, size_t off, uint32_t *line, uint32_t *col)
{
    doc_offset_pos(d, off, line, col);
}

static size_t utf8_len_of(unsigned long cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Source offset of decoded byte `want` of a flow scalar starting at `p`
 * (after its opening quote for quoted ones). Folded line breaks are counted
 * as one byte; good enough for code, which is rarely written that way. */
static size_t flow_offset(const doc *d, size_t p, char quote, size_t want)
{
    size_t k = 0;
    while (k < want && p < d->text_len) {
        char c = d->text[p];
        if (quote == '"' && c == '\\' && p + 1 < d->text_len) {
            char e = d->text[p + 1];
            if (e == 'x' || e == 'u' || e == 'U') {
                size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                unsigned long cp = 0;
                for (size_t j = 0; j < digits && p + 2 + j < d->text_len; j++) {
                    char h = d->text[p + 2 + j];
                    cp = cp * 16 + (unsigned long)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                k += utf8_len_of(cp);
                p += 2 + digits;
            } else if (e == '\n') {
                p += 2;
                while (p < d->text_len && (d->text[p] == ' ' || d->text[p] == '\t'))
                    p++;
            } else {
                k++;
                p += 2;
            }
        } else if (quote == '\'' && c == '\'' && p + 1 < d->text_len && d->text[p + 1] == '\'') {
            k++;
            p += 2;
        } else if (c == '\n') {
            k++;
            p++;
            while (p < d->text_len && (d->text[p] == ' ' || d->text[p] == '\t'))
                p++;
        } else {
            k++;
            p++;
        }
    }
    return p;
}

/* Line and column in the template of byte `off` of scalar `node`'s value. */
static void scalar_pos(const doc *d, doc_id node, size_t off, uint32_t *line, uint32_t *col)
{
    const doc_node *n = doc_at(d, node);
    *line = n->line;
    *col = n->col;
    if (!d->text || (n->style & DOC_SYNTH))
        return;
    size_t p = text_offset(d, n->line, n->col);
    /* Skip a tag and an anchor written before the value. */
    while (p < d->text_len && (d->text[p] == '!' || d->text[p] == '&')) {
        while (p < d->text_len && d->text[p] != ' ' && d->text[p] != '\n')
            p++;
        while (p < d->text_len && d->text[p] == ' ')
            p++;
    }
    if (p >= d->text_len)
        return;
    char c = d->text[p];
    if (c == '|') {
        /* Literal block: line k of the value is the k-th line after the
         * indicator, indented like its first non-empty line. */
        size_t q = p;
        while (q < d->text_len && d->text[q] != '\n')
            q++;
        size_t indent = 0;
        for (size_t s = q + 1; s < d->text_len;) {
            size_t e = s;
            while (e < d->text_len && d->text[e] == ' ')
                e++;
            if (e < d->text_len && d->text[e] != '\n' && d->text[e] != '\r') {
                indent = e - s;
                break;
            }
            while (e < d->text_len && d->text[e] != '\n')
                e++;
            s = e + 1;
        }
        uint32_t l = 0, c0 = 0;
        for (size_t i = 0; i < off && i < n->len; i++) {
            if (n->str[i] == '\n') {
                l++;
                c0 = 0;
            } else if (((unsigned char)n->str[i] & 0xC0) != 0x80) {
                c0++;
            }
        }
        uint32_t pline, pcol;
        offset_pos(d, p, &pline, &pcol);
        *line = pline + 1 + l;
        *col = (uint32_t)indent + 1 + c0;
        return;
    }
    if (c == '>')
        return; /* folded: the value's lines do not map back; the indicator it is */
    size_t at = (c == '"' || c == '\'') ? flow_offset(d, p + 1, c, off) : flow_offset(d, p, 0, off);
    offset_pos(d, at, line, col);
}

static void inline_pos(lint_ctx *ctx, const code_target *tg, size_t off, uint32_t *line, uint32_t *col)
{
    if (tg->n_parts == 0) {
        scalar_pos(ctx->d, tg->inline_node, off, line, col);
        return;
    }
    size_t k = 0; /* the last part starting at or before off */
    while (k + 1 < tg->n_parts && tg->parts[k + 1].start <= off)
        k++;
    const code_part *p = &tg->parts[k];
    size_t within = off > p->start ? off - p->start : 0;
    size_t len = doc_at(ctx->d, p->node)->len;
    scalar_pos(ctx->d, p->node, within < len ? within : len, line, col);
}

void code_report(lint_ctx *ctx, const code_target *tg, severity sev, size_t off, size_t len, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const code_text *ct = tg->text;
    if (off > ct->len) off = ct->len;
    if (len == 0)  /* the name written there */
        while (off + len < ct->len && (isalnum((unsigned char)ct->text[off + len]) || ct->text[off + len] == '_' ||
                                       ct->text[off + len] == '$' || ct->text[off + len] == '.'))
            len++;
    if (len > ct->len - off) len = ct->len - off;
    uint32_t line, col, end_line, end_col;
    if (tg->where == TARGET_INLINE) {
        inline_pos(ctx, tg, off, &line, &col);
        inline_pos(ctx, tg, off + len, &end_line, &end_col);
        if (len && end_line == line && end_col <= col)  /* folded: at its indicator */
            end_col = col + 1;
        report_file_to(ctx, sev, tg->fn->id, ctx->d->path, line, col, end_line, end_col, "%s", msg);
    } else {
        code_pos(ct, off, &line, &col);
        code_pos(ct, off + len, &end_line, &end_col);
        report_file_to(ctx, sev, tg->fn->id, tg->path, line, col, end_line, end_col, "%s", msg);
    }
}

int code_scan(const code_text *ct, const char *re, unsigned flags, size_t from, size_t to, int masked,
              int (*fn)(void *user, const size_t *ov), void *user)
{
    const rx *r = rx_get(re, flags);
    const char *s = masked && ct->masked ? ct->masked : ct->text;
    size_t ov[6];
    int count = 0;
    if (to > ct->len)
        to = ct->len;
    for (size_t at = from; at < to && rx_find(r, s, to, at, ov, 3);) {
        if (code_is_code(ct, ov[0]))
            count += fn(user, ov);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return count;
}
