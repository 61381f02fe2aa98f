/* unit_outcheck: the output checkers fuzz_lint uses (tests/outcheck.h) accept
 * what samlint writes and refuse what is broken, so a fuzz pass proves
 * something. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "out.h"
#include "outcheck.h"
#include "unit.h"


static void xml(const char *name, const char *text, int want)
{
    char why[200] = "", label[200];
    int got = xml_well_formed(text, strlen(text), why, sizeof why);
    snprintf(label, sizeof label, "xml %s: %s", want ? "accepts" : "refuses", name);
    expect(got == want, label, got ? "accepted" : why);
}

static void gh(const char *name, const char *text, int want)
{
    char why[200] = "", label[200];
    int got = gh_commands_valid(text, strlen(text), why, sizeof why);
    snprintf(label, sizeof label, "github %s: %s", want ? "accepts" : "refuses", name);
    expect(got == want, label, got ? "accepted" : why);
}

/* samlint's own JUnit and GitHub output of a hostile template pass. */
static void rendered(void)
{
    static const char tpl[] =
        "Resources:\n"
        "  \"Q<&>\\\"'\\u0001\\uFFFE\":\n"
        "    Type: AWS::SQS::Queue\n"
        "    Properties: {QueueName: \"::error file=x::forged\\n::warning ::y%0A]]>\"}\n"
        "  B:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: \"Delet\\r\\n::error::x\"\n";
    lint_config cfg;
    lint_config_init(&cfg);
    cfg.today = 20260101;
    lint_result r;
    lint_buffer(&cfg, "dir,a:b%/t<&>.yaml", tpl, sizeof tpl - 1, 1, &r);
    expect(r.n_findings > 0, "the hostile template has findings", "none");
    for (int k = 0; k < 2; k++) {
        char *buf = NULL, why[200] = "";
        size_t len = 0;
        out_options o = {.format = k ? OUT_GITHUB : OUT_JUNIT, .excerpt = 1, .show_suppressed = 1};
        FILE *f = open_memstream(&buf, &len);
        if (!f) abort();
        out_emit(f, &o, &r, 1);
        fclose(f);
        int ok = k ? gh_commands_valid(buf, len, why, sizeof why) : xml_well_formed(buf, len, why, sizeof why);
        expect(ok, k ? "samlint's GitHub commands for a hostile template are valid" : "samlint's JUnit for a hostile template is well-formed XML", why);
        free(buf);
    }
    lint_result_release(&r);
    lint_config_release(&cfg);
}

int main(void)
{
    xml("a document", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1\" y='&amp;&#233;&#x1F680;'>t&lt;<b/><!-- c --><![CDATA[<&]]></a>\n", 1);
    xml("non-ASCII text and names", "<a\xC3\xA9>\xE4\xB8\xAD</a\xC3\xA9>", 1);
    xml("mismatched end tag", "<a><b></a></b>", 0);
    xml("unclosed element", "<a><b></b>", 0);
    xml("two roots", "<a/><b/>", 0);
    xml("text outside the root", "x<a/>", 0);
    xml("raw '&'", "<a>x & y</a>", 0);
    xml("unknown entity", "<a>&nbsp;</a>", 0);
    xml("'<' in an attribute", "<a x=\"<\"/>", 0);
    xml("unquoted attribute", "<a x=1/>", 0);
    xml("repeated attribute", "<a x=\"1\" x=\"2\"/>", 0);
    xml("control character", "<a>\x01</a>", 0);
    xml("U+FFFE", "<a>\xEF\xBF\xBE</a>", 0);
    xml("reference to U+0000", "<a>&#0;</a>", 0);
    xml("reference to U+FFFF", "<a>&#xFFFF;</a>", 0);
    xml("invalid UTF-8", "<a>\xC3(</a>", 0);
    xml("encoded surrogate", "<a>\xED\xA0\x80</a>", 0);
    xml("']]>' in text", "<a>]]></a>", 0);
    xml("'--' in a comment", "<a><!-- a -- b --></a>", 0);
    xml("nothing", "", 0);
    gh("annotations and log lines",
       "::error file=a%3Ab%2Cc.yaml,line=3,endLine=3,col=5,endColumn=9,title=SL001 yaml-syntax::msg: Fn::GetAtt, 100%25%0Anext\n"
       "::notice file=x.yaml,title=T::m\nsamlint: x.yaml:1:1: info: anything ::error:: here\n", 1);
    gh("no output", "", 1);
    gh("a forged command on its own line", "::error file=a,title=t::m\n::error::forged\n", 0);
    gh("text that is no command", "::error file=a,title=t::m\nhello\n", 0);
    gh("unescaped ':' in a property", "::error file=a:b,title=t::m\n", 0);
    gh("unknown property", "::error file=a,evil=1::m\n", 0);
    gh("raw '%' in a message", "::error file=a::100%\n", 0);
    gh("carriage return in a message", "::error file=a::x\ry\n", 0);
    gh("position that is no number", "::error file=a,line=1x::m\n", 0);
    gh("a last line without its break", "::error file=a::m", 0);
    rendered();
    return failures ? 1 : 0;
}
