/* out_junit: JUnit XML, one test suite a template (and one an unreadable
 * file) and one failing test case a finding. Files that are no templates
 * (skipped in a scan) are not listed. Findings in a handler code file are
 * test cases of the template whose function uses it, with the handler file
 * as their classname: the template is what was linted, and the classname
 * says which file to fix. */
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "out_junit.h"

/* Is the (valid) UTF-8 sequence at p a character XML 1.0 cannot hold or
 * should not: U+FFFE and U+FFFF, the same two at the end of every other
 * plane, and the non-characters U+FDD0-U+FDEF? */
static int xml_excluded(const unsigned char *p)
{
    if (p[0] == 0xEF)  /* U+F000-U+FFFF */
        return (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) ||
               (p[1] == 0xB7 && p[2] >= 0x90 && p[2] <= 0xAF);
    /* U+xFFFE / U+xFFFF of planes 1-16: F0-F4, then (plane & 3) BF, BF, BE-BF */
    return p[0] <= 0xF4 && (p[1] & 0x0F) == 0x0F && p[2] == 0xBF && (p[3] == 0xBE || p[3] == 0xBF);
}

/* XML attribute/text escaping; characters XML 1.0 cannot hold become '?',
 * invalid UTF-8 becomes U+FFFD. */
static void xml_escape(FILE *out, const char *text)
{
    char *s = out_utf8_clean(text);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\n': fputs("&#10;", out); break;
        case '\t': fputs("&#9;", out); break;
        default:
            if (*p >= 0xEF && xml_excluded(p)) {
                fputc('?', out);
                p += *p >= 0xF0 ? 3 : 2;
                break;
            }
            fputc(*p < 0x20 || *p == 0x7f ? '?' : *p, out);
        }
    }
    free(s);
}

int out_junit(FILE *out, const lint_result *r, size_t n)
{
    size_t tests = 0, failures = 0, errors = 0;
    for (size_t i = 0; i < n; i++) {
        if (!r[i].linted && !r[i].error) continue;
        size_t shown = 0;
        for (size_t j = 0; j < r[i].n_findings; j++)
            shown += !r[i].findings[j].suppressed;
        failures += shown;
        errors += r[i].error != NULL;
        tests += shown ? shown : 1;
    }
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<testsuites name=\"samlint\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
            tests, failures, errors);
    for (size_t i = 0; i < n; i++) {
        if (!r[i].linted && !r[i].error) continue;  /* no template */
        size_t shown = 0;
        for (size_t j = 0; j < r[i].n_findings; j++)
            shown += !r[i].findings[j].suppressed;
        fputs("  <testsuite name=\"", out);
        xml_escape(out, r[i].path);
        fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\">\n", shown ? shown : 1, shown,
                r[i].error != NULL);
        if (r[i].error) {
            fputs("    <testcase name=\"read\" classname=\"", out);
            xml_escape(out, r[i].path);
            fputs("\">\n      <error message=\"", out);
            xml_escape(out, r[i].error);
            fputs("\"/>\n    </testcase>\n", out);
        } else if (!shown) {
            fputs("    <testcase name=\"samlint\" classname=\"", out);
            xml_escape(out, r[i].path);
            fputs("\"/>\n", out);
        }
        for (size_t j = 0; j < r[i].n_findings; j++) {
            const finding *f = &r[i].findings[j];
            if (f->suppressed)
                continue;
            const char *file = f->file ? f->file : r[i].path;
            fprintf(out, "    <testcase name=\"%s %s", f->rule->id, f->rule->name);
            if (f->resource) {
                fputs(" in ", out);
                xml_escape(out, f->resource);
            }
            fprintf(out, " at %u:%u\" classname=\"", (unsigned)f->line, (unsigned)f->col);
            xml_escape(out, file);
            fprintf(out, "\">\n      <failure type=\"%s\" message=\"", severity_name(f->sev));
            xml_escape(out, f->message ? f->message : "");
            fputs("\">", out);
            xml_escape(out, file);
            fprintf(out, ":%u:%u: %s: ", (unsigned)f->line, (unsigned)f->col, severity_name(f->sev));
            xml_escape(out, f->message ? f->message : "");
            fprintf(out, " [%s %s]</failure>\n    </testcase>\n", f->rule->id, f->rule->name);
        }
        fputs("  </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
    return ferror(out) ? -1 : 0;
}
