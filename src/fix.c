/* fix: text edits that rules attach to findings; applying them, verified, to files. */
#include "fix.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "engine.h"
#include "out.h"
#include "secret.h"

/* Fixes of one file in one pass; more wait for the next pass. */
#define FIX_MAX_PER_PASS 256
/* Passes over one file: a fix dropped for overlapping another gets its turn. */
#define FIX_MAX_PASSES 4
/* When the fixes of a pass together fail the check, they are tried one by
 * one, each costing a lint: at most this many. */
#define FIX_MAX_ONE_BY_ONE 32

static int edit_same(const fix_edit *a, const fix_edit *b)
{
    return a->start == b->start && a->end == b->end && strcmp(a->text, b->text) == 0;
}

typedef struct chosen_edit { const fix_edit *e; } chosen_edit;

static int cmp_edit(const void *a, const void *b)
{
    const fix_edit *x = ((const chosen_edit *)a)->e, *y = ((const chosen_edit *)b)->e;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* Does fix `f` collide with the edits taken so far? 1: overlaps (drop it),
 * 0: free. Edits identical to taken ones are fine (made once). */
static int collides(const fix *f, const chosen_edit *taken, size_t n_taken)
{
    for (size_t i = 0; i < f->n_edits; i++) {
        const fix_edit *e = &f->edits[i];
        for (size_t k = 0; k < n_taken; k++) {
            const fix_edit *t = taken[k].e;
            if (edit_same(e, t)) continue;
            /* Two insertions at one place, or ranges that share a byte. */
            if ((e->start == e->end && t->start == t->end && e->start == t->start) ||
                (e->start < t->end && t->start < e->end) ||
                (e->start == e->end && e->start > t->start && e->start < t->end) ||
                (t->start == t->end && t->start > e->start && t->start < e->end))
                return 1;
        }
    }
    return 0;
}

char *fix_apply(const fix *const *fixes, size_t n, int *chosen, const char *text, size_t len, size_t *new_len)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++)
        if (chosen[i]) cap += fixes[i]->n_edits;
    chosen_edit *taken = xcalloc(cap ? cap : 1, sizeof *taken);
    size_t n_taken = 0;
    for (size_t i = 0; i < n; i++) {
        if (!chosen[i]) continue;
        const fix *f = fixes[i];
        int bad = collides(f, taken, n_taken);
        for (size_t k = 0; k < f->n_edits && !bad; k++) bad = f->edits[k].end > len;
        if (bad) {
            chosen[i] = 0;
            continue;
        }
        for (size_t k = 0; k < f->n_edits; k++) {
            int dup = 0;
            for (size_t j = 0; j < n_taken && !dup; j++) dup = edit_same(&f->edits[k], taken[j].e);
            if (!dup) taken[n_taken++].e = &f->edits[k];
        }
    }
    qsort(taken, n_taken, sizeof *taken, cmp_edit);
    size_t out_len = len;
    for (size_t i = 0; i < n_taken; i++) out_len += strlen(taken[i].e->text);
    char *out = xrealloc(NULL, out_len + 1), *o = out;
    size_t at = 0;
    for (size_t i = 0; i < n_taken; i++) {
        const fix_edit *e = taken[i].e;
        memcpy(o, text + at, e->start - at);
        o += e->start - at;
        size_t tl = strlen(e->text);
        memcpy(o, e->text, tl);
        o += tl;
        at = e->end;
    }
    memcpy(o, text + at, len - at);
    o += len - at;
    *o = '\0';
    *new_len = (size_t)(o - out);
    free(taken);
    return out;
}

/* ---- unified diff ---- */

typedef struct line_index { const char **start; size_t *len; size_t n; } line_index;

static void index_lines(line_index *li, const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += text[i] == '\n';
    n += len && text[len - 1] != '\n';
    li->start = xcalloc(n + 1, sizeof *li->start);
    li->len = xcalloc(n + 1, sizeof *li->len);
    li->n = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t l = nl ? (size_t)(nl - (text + i)) + 1 : len - i;
        li->start[li->n] = text + i;
        li->len[li->n++] = l;
        i += l;
    }
}

static int line_eq(const line_index *a, size_t i, const line_index *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->start[i], b->start[j], a->len[i]) == 0;
}

static void put_line(FILE *out, char mark, const char *s, size_t len)
{
    fputc(mark, out);
    fwrite(s, 1, len, out);
    if (!len || s[len - 1] != '\n') fputs("\n\\ No newline at end of file\n", out);
}

/* Fixes change a few lines: the diff is the common head and tail, and in
 * between, runs of lines matched greedily within a small window (enough
 * for edits that insert or delete a few lines each). */
/* A file name as every output shows it: masked where a part of it looks
 * like a secret, and escaped so that it cannot drive the terminal. */
static void put_path(FILE *out, const char *path)
{
    size_t len = strlen(path);
    char *copy = xcalloc(len + 1, 1);
    memcpy(copy, path, len + 1);
    secret_mask_path(copy, len);
    out_escaped(out, copy);
    free(copy);
}

void fix_diff(FILE *out, const char *path, const char *old, size_t old_len, const char *now, size_t now_len)
{
    line_index a, b;
    index_lines(&a, old, old_len);
    index_lines(&b, now, now_len);
    /* op per line pair: walk both, emitting ' ', '-', '+' in a script. */
    size_t cap = a.n + b.n + 1, n_ops = 0;
    char *ops = xcalloc(cap, 1);
    size_t i = 0, j = 0;
    while (i < a.n || j < b.n) {
        if (i < a.n && j < b.n && line_eq(&a, i, &b, j)) {
            ops[n_ops++] = ' ';
            i++, j++;
            continue;
        }
        /* The nearest resynchronisation: i + di matches j + dj, smallest di + dj. */
        size_t best_di = a.n - i, best_dj = b.n - j;
        const size_t window = 64;
        for (size_t sum = 1; sum <= 2 * window && sum < best_di + best_dj; sum++)
            for (size_t di = 0; di <= sum; di++) {
                size_t dj = sum - di;
                if (di > window || dj > window || i + di >= a.n || j + dj >= b.n) continue;
                if (line_eq(&a, i + di, &b, j + dj)) {
                    best_di = di, best_dj = dj;
                    goto found;
                }
            }
    found:
        for (size_t k = 0; k < best_di; k++) ops[n_ops++] = '-';
        for (size_t k = 0; k < best_dj; k++) ops[n_ops++] = '+';
        i += best_di, j += best_dj;
    }
    fputs("--- ", out);
    put_path(out, path);
    fputs("\n+++ ", out);
    put_path(out, path);
    fputc('\n', out);
    const size_t ctx = 3;
    size_t k = 0, ai = 0, bj = 0;  /* op index and the lines it stands at */
    while (k < n_ops) {
        if (ops[k] == ' ') { k++, ai++, bj++; continue; }
        /* A hunk: back up to 3 lines of context, run until 7 unchanged lines in a row. */
        size_t back = ai < ctx ? ai : ctx;
        if (bj < back) back = bj;
        size_t hk = k - back, ha = ai - back, hb = bj - back, end = k, run = 0;
        for (size_t q = k; q < n_ops; q++) {
            if (ops[q] == ' ') {
                if (++run > 2 * ctx) break;
            } else {
                run = 0;
                end = q + 1;
            }
        }
        size_t last = end + ctx < n_ops ? end + ctx : n_ops;
        size_t na = 0, nb = 0;
        for (size_t q = hk; q < last; q++) {
            na += ops[q] != '+';
            nb += ops[q] != '-';
        }
        fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", na ? ha + 1 : ha, na, nb ? hb + 1 : hb, nb);
        size_t x = ha, y = hb;
        for (size_t q = hk; q < last; q++) {
            if (ops[q] == ' ') { put_line(out, ' ', a.start[x], a.len[x]); x++, y++; }
            else if (ops[q] == '-') { put_line(out, '-', a.start[x], a.len[x]); x++; }
            else { put_line(out, '+', b.start[y], b.len[y]); y++; }
        }
        k = last, ai = x, bj = y;
    }
    free(ops);
    free(a.start);
    free(a.len);
    free(b.start);
    free(b.len);
}

/* ---- writing ---- */

int fix_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    /* Through a symbolic link to the file it names: the link stays a link. */
    char *real = realpath(path, NULL);
    const char *target = real ? real : path;
    struct stat st;
    if (stat(target, &st) != 0) {
        snprintf(err, errlen, "cannot stat: %s", strerror(errno));
        free(real);
        return -1;
    }
    size_t tl = strlen(target);
    char *tmp = xrealloc(NULL, tl + 32);
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
    snprintf(tmp, tl + 32, "%.*s.%s.samlint-XXXXXX", (int)dir_len, target, target + dir_len);
    int fd = mkstemp(tmp);
    int rc = -1;
    if (fd < 0) {
        snprintf(err, errlen, "cannot create a temporary file beside it: %s", strerror(errno));
        goto out;
    }
    for (size_t done = 0; done < len;) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            snprintf(err, errlen, "cannot write: %s", strerror(errno));
            goto fail;
        }
        done += (size_t)w;
    }
    if (fchmod(fd, st.st_mode & 07777) != 0 || fsync(fd) != 0) {
        snprintf(err, errlen, "cannot write: %s", strerror(errno));
        goto fail;
    }
    if (close(fd) != 0) {
        fd = -1;
        snprintf(err, errlen, "cannot write: %s", strerror(errno));
        goto fail;
    }
    fd = -1;
    if (rename(tmp, target) != 0) {
        snprintf(err, errlen, "cannot replace: %s", strerror(errno));
        goto fail;
    }
    rc = 0;
    goto out;
fail:
    if (fd >= 0) close(fd);
    unlink(tmp);
out:
    free(tmp);
    free(real);
    return rc;
}

/* ---- one file ---- */

int fix_available(const lint_result *r, int unsafe)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        const finding *f = &r->findings[i];
        if (f->fix && !f->suppressed && (f->fix->safe || unsafe)) return 1;
    }
    return 0;
}

/* Findings of the template itself per rule, by index in the registry. */
static void count_by_rule(const lint_result *r, size_t *count)
{
    memset(count, 0, rule_count * sizeof *count);
    for (size_t i = 0; i < r->n_findings; i++)
        count[r->findings[i].rule - rule_registry]++;
}

static int has_rule(const lint_result *r, const char *id)
{
    for (size_t i = 0; i < r->n_findings; i++)
        if (strcmp(r->findings[i].rule->id, id) == 0) return 1;
    return 0;
}

/* The rules a fix is checked with: the user's, and always the structure
 * rules (SL0xx: a fix must never break the YAML or repeat a key). The copy
 * shares the user's strings; release it with free(all->select). */
static lint_config checked_rules(const lint_config *cfg)
{
    static char structure[] = "SL0";
    lint_config all = *cfg;
    if (cfg->n_select) {
        all.select = xcalloc(cfg->n_select + 1, sizeof *all.select);
        memcpy(all.select, cfg->select, cfg->n_select * sizeof *all.select);
        all.select[all.n_select++] = structure;
    }
    lint_config_resolve(&all);
    return all;
}

/* Apply the fixes chosen among `r`'s findings to `text` and lint the new
 * text with the checked rules. Kept (returns the new text) when, rule by rule,
 * findings went down from `base` (the old text, the same rules) by at least
 * the number fixed; else NULL. */
static char *try_fixes(const lint_config *all, const lint_result *r, const lint_result *base,
                       const fix *const *fixes, const size_t *finding_of, size_t n, int *chosen,
                       const char *text, size_t len, size_t bom, size_t *new_len)
{
    size_t body_len;
    char *body = fix_apply(fixes, n, chosen, text + bom, len - bom, &body_len);
    char *out = xrealloc(NULL, body_len + bom + 1);
    memcpy(out, text, bom);
    memcpy(out + bom, body, body_len + 1);
    free(body);
    *new_len = body_len + bom;
    size_t *before = xcalloc(rule_count, sizeof *before), *now = xcalloc(rule_count, sizeof *now);
    count_by_rule(base, before);
    size_t fixed = 0;
    int good = 1;
    for (size_t i = 0; i < n; i++)
        if (chosen[i]) {
            size_t k = (size_t)(r->findings[finding_of[i]].rule - rule_registry);
            if (before[k]) before[k]--;
            else good = 0;  /* a finding the full lint does not have: leave it */
            fixed++;
        }
    lint_result after;
    lint_buffer(all, r->path, out, *new_len, 1, &after);
    count_by_rule(&after, now);
    good = good && fixed > 0 && !has_rule(&after, "SL001") && !has_rule(&after, "SL002");
    for (size_t i = 0; i < rule_count && good; i++) good = now[i] <= before[i];
    lint_result_release(&after);
    free(before);
    free(now);
    if (good) return out;
    free(out);
    return NULL;
}

/* Read a whole regular file. */
static char *read_file(const char *path, size_t limit, size_t *len, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > limit) {
        snprintf(err, errlen, "%s", "not a regular file within --max-file-size; not fixed");
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size, n = 0;
    char *buf = xrealloc(NULL, size + 1);
    while (n < size) {
        ssize_t got = read(fd, buf + n, size - n);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        n += (size_t)got;
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* One pass: lint `text`, fix what it can. Returns the new text or NULL. */
static char *fix_pass(const lint_config *cfg, const char *path, const char *text, size_t len, int unsafe,
                      size_t *new_len, size_t *n_fixed)
{
    lint_result cur;
    lint_buffer(cfg, path, text, len, 1, &cur);
    *n_fixed = 0;
    if (!cur.linted || has_rule(&cur, "SL001") || has_rule(&cur, "SL002") || !fix_available(&cur, unsafe)) {
        lint_result_release(&cur);
        return NULL;
    }
    lint_config all = checked_rules(cfg);
    lint_result base;
    lint_buffer(&all, path, text, len, 1, &base);
    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const fix **fixes = xcalloc(FIX_MAX_PER_PASS, sizeof *fixes);
    size_t *finding_of = xcalloc(FIX_MAX_PER_PASS, sizeof *finding_of);
    int *chosen = xcalloc(FIX_MAX_PER_PASS, sizeof *chosen);
    size_t n = 0;
    for (size_t i = 0; i < cur.n_findings && n < FIX_MAX_PER_PASS; i++) {
        const finding *f = &cur.findings[i];
        if (!f->fix || f->suppressed || f->file != cur.path || !(f->fix->safe || unsafe)) continue;
        fixes[n] = f->fix;
        finding_of[n] = i;
        chosen[n++] = 1;
    }
    char *result = try_fixes(&all, &cur, &base, fixes, finding_of, n, chosen, text, len, bom, new_len);
    if (!result && n > 1) {
        /* Together they fail: keep each that passes on top of those kept. */
        int *keep = xcalloc(n, sizeof *keep);
        for (size_t i = 0; i < n && i < FIX_MAX_ONE_BY_ONE; i++) {
            memcpy(chosen, keep, n * sizeof *chosen);
            chosen[i] = 1;
            char *attempt = try_fixes(&all, &cur, &base, fixes, finding_of, n, chosen, text, len, bom, new_len);
            if (!attempt) continue;
            keep[i] = chosen[i];
            free(attempt);
        }
        memcpy(chosen, keep, n * sizeof *chosen);
        free(keep);
        int any = 0;
        for (size_t i = 0; i < n; i++) any |= chosen[i];
        if (any) result = try_fixes(&all, &cur, &base, fixes, finding_of, n, chosen, text, len, bom, new_len);
    }
    if (result)
        for (size_t i = 0; i < n; i++) *n_fixed += (size_t)chosen[i];
    lint_result_release(&base);
    lint_result_release(&cur);
    if (all.select != cfg->select) free(all.select);
    free(fixes);
    free(finding_of);
    free(chosen);
    return result;
}

void fix_verify(const lint_config *cfg, const lint_result *r, const char *text, size_t len, const size_t *which,
                size_t n, int *ok)
{
    memset(ok, 0, n * sizeof *ok);
    if (has_rule(r, "SL001") || has_rule(r, "SL002")) return;
    lint_config all = checked_rules(cfg);
    lint_result base;
    lint_buffer(&all, r->path, text, len, 1, &base);
    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t k = 0; k < n; k++) {
        const finding *f = which[k] < r->n_findings ? &r->findings[which[k]] : NULL;
        if (!f || !f->fix || f->file != r->path) continue;
        const fix *one = f->fix;
        int chosen = 1;
        size_t new_len;
        char *out = try_fixes(&all, r, &base, &one, &which[k], 1, &chosen, text, len, bom, &new_len);
        ok[k] = out != NULL;
        free(out);
    }
    lint_result_release(&base);
    if (all.select != cfg->select) free(all.select);
}

int fix_file(const lint_config *cfg, lint_result *r, const fix_options *opt, char *err, size_t errlen)
{
    size_t len;
    char *orig = read_file(r->path, cfg->max_file_size, &len, err, errlen);
    if (!orig) return -1;
    char *text = orig;
    size_t text_len = len, total = 0;
    for (int pass = 0; pass < FIX_MAX_PASSES; pass++) {
        size_t new_len, n_fixed;
        char *next = fix_pass(cfg, r->path, text, text_len, opt->unsafe, &new_len, &n_fixed);
        if (!next) break;
        if (text != orig) free(text);
        text = next;
        text_len = new_len;
        total += n_fixed;
    }
    int rc = (int)(total > INT_MAX ? INT_MAX : total);
    if (total && opt->diff) {
        fix_diff(opt->diff, r->path, orig, len, text, text_len);
    } else if (total && fix_write_atomic(r->path, text, text_len, err, errlen) != 0) {
        rc = -1;
    }
    if (rc > 0) {
        /* What is left: the fixed text's findings, under the result's own path. */
        char *path = xstrdup(r->path);
        lint_result_release(r);
        lint_buffer(cfg, path, text, text_len, 1, r);
        free(path);
    }
    if (text != orig) free(text);
    free(orig);
    return rc;
}

int fix_results(const lint_config *cfg, lint_result *results, size_t n, const fix_options *opt)
{
    int changed = 0, failed = 0;
    size_t fixed = 0;
    for (size_t i = 0; i < n; i++) {
        lint_result *r = &results[i];
        if (r->error || !r->linted || strcmp(r->path, "<stdin>") == 0 || !fix_available(r, opt->unsafe)) continue;
        char err[512];
        const lint_config *own = r->cfg ? r->cfg : cfg;
        int got = fix_file(own, r, opt, err, sizeof err);
        r->cfg = own;  /* linted again with it */
        if (got < 0) {
            fputs("samlint: ", stderr);
            put_path(stderr, r->path);
            fputs(": ", stderr);
            out_escaped(stderr, err);
            fputc('\n', stderr);
            failed = 1;
        } else if (got > 0) {
            changed++;
            fixed += (size_t)got;
        }
    }
    if (!opt->diff && !opt->quiet)
        fprintf(stderr, "samlint: fixed %zu finding%s in %d file%s\n", fixed, fixed == 1 ? "" : "s", changed,
                changed == 1 ? "" : "s");
    return failed ? -1 : changed;
}
