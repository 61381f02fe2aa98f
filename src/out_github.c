/* out_github: GitHub Actions workflow commands, one annotation a finding. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int out_github(FILE *out, const lint_result *r, size_t n)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, "/");
    for (size_t i = 0; i < n; i++) {
        if (r[i].error) {
            fputs("::error file=", out);
            gh_escape(out, relpath(cwd, r[i].path), 1);
            fputs(",title=samlint::", out);
            gh_escape(out, r[i].error, 0);
            fputc('\n', out);
        }
        for (size_t j = 0; j < r[i].n_findings; j++) {
            const finding *f = &r[i].findings[j];
            if (f->suppressed)
                continue;
            fprintf(out, "::%s file=", gh_command(f->sev));
            gh_escape(out, relpath(cwd, f->file ? f->file : r[i].path), 1);
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
    }
    return ferror(out) ? -1 : 0;
}
