/* out_github: GitHub Actions workflow commands: annotations by severity, capped as GitHub shows them; paths from the repository root. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "out.h"
#include "out_github.h"
#include "relpath.h"

/* Workflow-command escaping: a message escapes %, CR and LF; a property
 * value also ':' and ','. */
static void gh_escape(FILE *out, const char *text, int property)
{
    char *clean = out_escaped_str(text);  /* no control or bidi character */
    for (const char *s = clean; *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': fputs(property ? "%3A" : ":", out); break;
        case ',': fputs(property ? "%2C" : ",", out); break;
        default: fputc(*s, out);
        }
    }
    free(clean);
}

static const char *gh_command(severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "notice";
}

/* GitHub shows the first 10 error, 10 warning and 10 notice annotations of
 * a step: the rest are printed as log lines, so nothing is lost. */
#define GH_MAX_PER_KIND 10

typedef struct gh_item { const finding *f; const lint_result *r; size_t order; } gh_item;

/* Errors first, then warnings, then notices; in file order within each. */
static int cmp_item(const void *a, const void *b)
{
    const gh_item *x = a, *y = b;
    if (x->f->sev != y->f->sev) return x->f->sev > y->f->sev ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

int out_github(FILE *out, const lint_result *r, size_t n, int quiet)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, "/");
    size_t total = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].error) {
            char *path = relpath_repo(cwd, r[i].path);
            fputs("::error file=", out);
            gh_escape(out, path, 1);
            fputs(",title=samlint::", out);
            gh_escape(out, r[i].error, 0);
            fputc('\n', out);
            free(path);
        }
        total += r[i].n_findings;
    }
    gh_item *items = xcalloc(total ? total : 1, sizeof *items);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < r[i].n_findings; j++)
            if (!r[i].findings[j].suppressed) {
                items[k].f = &r[i].findings[j];
                items[k].r = &r[i];
                items[k].order = k;
                k++;
            }
    qsort(items, k, sizeof *items, cmp_item);
    size_t shown[3] = {0, 0, 0}, hidden = 0;
    for (size_t i = 0; i < k; i++) {
        const finding *f = items[i].f;
        char *path = relpath_repo(cwd, f->file ? f->file : items[i].r->path);
        size_t kind = f->sev == SEV_ERROR ? 0 : f->sev == SEV_WARNING ? 1 : 2;
        if (shown[kind]++ >= GH_MAX_PER_KIND) {
            /* A log line behind a fixed prefix, so that no path or message
             * can make it a workflow command: "samlint: path:line:col: ..." */
            char *esc = out_escaped_str(path);
            fprintf(out, "samlint: %s:%u:%u: %s: ", esc, (unsigned)f->line, (unsigned)f->col, severity_name(f->sev));
            free(esc);
            esc = out_escaped_str(f->message ? f->message : f->rule->summary);
            fprintf(out, "%s [%s %s]\n", esc, f->rule->id, f->rule->name);
            free(esc);
            free(path);
            hidden++;
            continue;
        }
        fprintf(out, "::%s file=", gh_command(f->sev));
        gh_escape(out, path, 1);
        free(path);
        if (f->line) {
            fprintf(out, ",line=%u", (unsigned)f->line);
            if (f->end_line >= f->line)
                fprintf(out, ",endLine=%u", (unsigned)f->end_line);
            if (f->col)
                fprintf(out, ",col=%u", (unsigned)f->col);
            if (f->end_line == f->line && f->end_col > f->col)
                fprintf(out, ",endColumn=%u", (unsigned)f->end_col);
        }
        fputs(",title=", out);
        gh_escape(out, f->rule->id, 1);
        fputc(' ', out);
        gh_escape(out, f->rule->name, 1);
        fputs("::", out);
        gh_escape(out, f->message ? f->message : f->rule->summary, 0);
        if (f->resource) {
            fputs(" (", out);
            gh_escape(out, f->resource, 0);
            fputc(')', out);
        }
        fputc('\n', out);
    }
    if (hidden)
        fprintf(out, "samlint: %zu more finding%s listed above as log lines: GitHub shows %d annotations of each kind a step\n",
                hidden, hidden == 1 ? "" : "s", GH_MAX_PER_KIND);
    free(items);
    if (!quiet) {  /* for the log and the Action's step summary */
        fputs("samlint: ", out);
        out_summary(out, r, n);
    }
    return ferror(out) ? -1 : 0;
}
