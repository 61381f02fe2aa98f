/* ruledoc: the rule documentation pages as --list-rules, --explain, man page and README table. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <cjson/cJSON.h>

#include "out.h"
#include "ruledoc.h"

const char *ruledoc_section(const char *page, const char *heading, size_t *len)
{
    size_t hl = strlen(heading);
    for (const char *p = page; p && *p;) {
        if (strncmp(p, "## ", 3) == 0 && strncmp(p + 3, heading, hl) == 0 &&
            (p[3 + hl] == '\n' || p[3 + hl] == '\r' || p[3 + hl] == 0)) {
            const char *s = strchr(p, '\n');
            if (!s)
                return NULL;
            const char *e = s;
            /* The section ends at the next "## " heading outside a code fence. */
            int fenced = 0;
            for (const char *l = s + 1; *l; ) {
                if (strncmp(l, "```", 3) == 0)
                    fenced = !fenced;
                else if (!fenced && strncmp(l, "## ", 3) == 0)
                    break;
                const char *nl = strchr(l, '\n');
                e = nl ? nl : l + strlen(l);
                l = nl ? nl + 1 : e;
            }
            while (s < e && isspace((unsigned char)*s))
                s++;
            while (e > s && isspace((unsigned char)e[-1]))
                e--;
            *len = (size_t)(e - s);
            return s;
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return NULL;
}

int ruledoc_has_option(const rule *r, const char *name)
{
    size_t len, n = strlen(name);
    const char *sec = ruledoc_section(r->doc, "Options", &len);
    for (const char *p = sec; p && p + n + 2 <= sec + len; p++)
        if (p[0] == '`' && strncmp(p + 1, name, n) == 0 && p[n + 1] == '`')
            return 1;
    return 0;
}

const rule *ruledoc_find(const char *s)
{
    for (const rule *r = rule_registry; r->id; r++)
        if (strcasecmp(r->id, s) == 0 || strcmp(r->name, s) == 0)
            return r;
    return NULL;
}

const char *ruledoc_area(const rule *r)
{
    static const char *const areas[] = { "structure", "security", "configuration",
                                         "reliability", "handler-code", "api" };
    int group = r->id[2] - '0';
    if (ruledoc_is_security(r))
        return "security";
    return group >= 0 && group < 6 ? areas[group] : "other";
}

int ruledoc_is_security(const rule *r)
{
    /* SL1xx, and secrets in handler code. */
    return r->id[2] == '1' || strcmp(r->id, "SL405") == 0;
}

static void list_text(FILE *out)
{
    int width = 0;
    for (const rule *r = rule_registry; r->id; r++)
        if ((int)strlen(r->name) > width)
            width = (int)strlen(r->name);
    for (const rule *r = rule_registry; r->id; r++)
        fprintf(out, "%-6s %-7s %-*s  %s%s\n", r->id, severity_name(r->sev), width, r->name, r->summary,
                r->optional ? " (optional: runs when selected)" : "");
}

static void list_json(FILE *out)
{
    cJSON *arr = cJSON_CreateArray();
    for (const rule *r = rule_registry; r->id; r++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", r->id);
        cJSON_AddStringToObject(o, "name", r->name);
        cJSON_AddStringToObject(o, "severity", severity_name(r->sev));
        cJSON_AddStringToObject(o, "area", ruledoc_area(r));
        cJSON_AddBoolToObject(o, "optional", r->optional);
        cJSON_AddStringToObject(o, "summary", r->summary);
        cJSON_AddStringToObject(o, "peers", r->peers);
        char url[256];
        snprintf(url, sizeof url, "%s%s.md", SAMLINT_RULE_URL, r->id);
        cJSON_AddStringToObject(o, "url", url);
        cJSON_AddItemToArray(arr, o);
    }
    char *s = cJSON_Print(arr);
    fprintf(out, "%s\n", s);
    cJSON_free(s);
    cJSON_Delete(arr);
}

/* Markdown table cell: no line breaks, '|' escaped. */
static void md_cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else
            fputc(*s == '\n' ? ' ' : *s, out);
    }
}

static void list_markdown(FILE *out)
{
    fputs("| id | name | severity | summary | peers |\n|---|---|---|---|---|\n", out);
    for (const rule *r = rule_registry; r->id; r++) {
        fprintf(out, "| [%s](rules/%s.md) | %s | %s%s | ", r->id, r->id, r->name, severity_name(r->sev),
                r->optional ? " (optional)" : "");
        md_cell(out, r->summary);
        fputs(" | ", out);
        md_cell(out, *r->peers ? r->peers : "none");
        fputs(" |\n", out);
    }
}

/* roff text: backslashes escaped, `code` in bold, **x** in bold, a leading
 * '.' or '\'' protected. */
static void roff_text(FILE *out, const char *s, size_t n)
{
    int code = 0, bold = 0;
    if (n && (*s == '.' || *s == '\''))
        fputs("\\&", out);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '`') {
            fputs(code ? "\\fR" : "\\fB", out);
            code = !code;
        } else if (!code && c == '*' && i + 1 < n && s[i + 1] == '*') {
            fputs(bold ? "\\fR" : "\\fB", out);
            bold = !bold;
            i++;
        } else if (c == '\\') {
            fputs("\\e", out);
        } else if (c == '-') {
            fputs("\\-", out);
        } else {
            fputc(c, out);
        }
    }
    if (code || bold)
        fputs("\\fR", out);
}

/* A markdown section as roff: paragraphs, "- " bullets, fenced code. */
static void roff_markdown(FILE *out, const char *s, size_t n)
{
    const char *end = s + n;
    int fenced = 0, para = 1;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        size_t len = (size_t)(le - s);
        if (len >= 3 && strncmp(s, "```", 3) == 0) {
            fputs(fenced ? ".fi\n.RE\n" : ".PP\n.RS 4\n.nf\n", out);
            fenced = !fenced;
            para = !fenced;
        } else if (fenced) {
            if (len && (*s == '.' || *s == '\''))
                fputs("\\&", out);
            for (const char *c = s; c < le; c++)
                fputs(*c == '\\' ? "\\e" : (char[2]){ *c, 0 }, out);
            fputc('\n', out);
        } else if (len == 0) {
            para = 1;
        } else if (len > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
            fputs(".IP \\(bu 2\n", out);
            roff_text(out, s + 2, len - 2);
            fputc('\n', out);
            para = 0;
        } else {
            if (para)
                fputs(".PP\n", out);
            para = 0;
            const char *t = s;
            while (t < le && (*t == ' ' || *t == '\t'))
                t++;
            roff_text(out, t, (size_t)(le - t));
            fputc('\n', out);
        }
        s = nl ? nl + 1 : end;
    }
    if (fenced)
        fputs(".fi\n.RE\n", out);
}

static void list_man(FILE *out)
{
    fputs(".\\\" Generated by `samlint --list-rules --format man` from rules/SL*.md: do not edit.\n"
          ".\\\" Regenerate with `make docs`.\n"
          ".TH SAMLINT-RULES 7 \"\" \"samlint\" \"samlint manual\"\n"
          ".SH NAME\nsamlint-rules \\- the checks samlint runs on SAM and CloudFormation templates\n"
          ".SH DESCRIPTION\n"
          "Each rule has a stable id (used in output, configuration, suppressions and SARIF),\n"
          "a name, and a default severity.\n"
          "Change the severity with \\fB\\-\\-severity\\fR or the \\fBseverity\\fR key of\n"
          ".IR .samlint.yaml ;\n"
          "turn a rule off with \\fB\\-\\-ignore\\fR, a comment\n"
          ".RB \\(lq \"# samlint: ignore SLnnn \\-\\- reason\" \\(rq,\n"
          "or the template's \\fBMetadata\\fR.\n"
          "\\fBsamlint \\-\\-explain\\fR \\fIid\\fR prints a rule's whole page with examples.\n"
          ".SH RULES\n", out);
    for (const rule *r = rule_registry; r->id; r++) {
        fprintf(out, ".SS %s %s (%s%s)\n", r->id, r->name, severity_name(r->sev), r->optional ? ", optional" : "");
        roff_text(out, r->summary, strlen(r->summary));
        fputs(".\n", out);
        if (r->optional)
            fprintf(out, ".PP\nOptional: runs only when selected (\\fB\\-\\-select %s\\fR, \\fBselect:\\fR in\n"
                    ".IR .samlint.yaml ,\nor \\fB\\-\\-select all\\fR).\n", r->id);
        static const char *const sections[] = { "What it does", "Why is this bad", "How to fix",
                                                "Options", NULL };
        for (size_t i = 0; sections[i]; i++) {
            size_t len;
            const char *sec = ruledoc_section(r->doc, sections[i], &len);
            if (!sec || !len)
                continue;
            if (strcmp(sections[i], "Options") == 0)
                fputs(".PP\nOptions (\\fB\\-\\-rule\\-option\\fR, or \\fBrule\\-options\\fR in\n"
                      ".IR .samlint.yaml ):\n", out);
            roff_markdown(out, sec, len);
        }
        fputs(".PP\nPeers: ", out);
        roff_text(out, *r->peers ? r->peers : "none", strlen(*r->peers ? r->peers : "none"));
        fputs(".\n", out);
    }
    fputs(".SH SEE ALSO\n.BR samlint (1)\n", out);
}

int ruledoc_list(FILE *out, const char *format)
{
    if (!format || strcmp(format, "text") == 0)
        list_text(out);
    else if (strcmp(format, "json") == 0)
        list_json(out);
    else if (strcmp(format, "markdown") == 0)
        list_markdown(out);
    else if (strcmp(format, "man") == 0)
        list_man(out);
    else
        return -1;
    return 0;
}

void ruledoc_explain(FILE *out, const rule *r)
{
    fputs(r->doc, out);
    size_t n = strlen(r->doc);
    if (n && r->doc[n - 1] != '\n')
        fputc('\n', out);
}
