/* unit_code: handler finding and comment/string masking of src/code.c. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/code.h"
#include "../src/rx.h"

static int failures, passes;

/* One result line each, in the format tests/t_loader.sh reads. */
#define CHECK(cond, what)                                                  \
    do {                                                                   \
        if (cond) {                                                        \
            passes++;                                                      \
            printf("ok code: %s\n", what);                                 \
        } else {                                                           \
            failures++;                                                    \
            printf("not ok code: %s: failed at line %d\n", what, __LINE__); \
        }                                                                  \
    } while (0)

typedef struct sample {
    code_text ct;
    char *masked;
} sample;

static void load(sample *s, enum code_lang lang, const char *text)
{
    size_t n = strlen(text);
    s->masked = malloc(n + 1);
    code_text_init(&s->ct, lang, text, n, s->masked);
}

static int span_has(const sample *s, const code_span *sp, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = sp->start; i + k <= sp->end; i++)
        if (memcmp(s->ct.text + i, needle, k) == 0)
            return 1;
    return 0;
}

/* The handler named `name` is found, its body holds IN and not OUT. */
static void expect_body(enum code_lang lang, const char *what, const char *text, const char *name)
{
    sample s;
    code_span sp;
    load(&s, lang, text);
    int ok = code_find_handler(&s.ct, name, &sp);
    char label[200];
    snprintf(label, sizeof label, "%s: found", what);
    CHECK(ok && sp.found, label);
    snprintf(label, sizeof label, "%s: body holds IN", what);
    CHECK(ok && span_has(&s, &sp, "IN"), label);
    snprintf(label, sizeof label, "%s: body excludes OUT", what);
    CHECK(ok && !span_has(&s, &sp, "OUT"), label);
    free(s.masked);
}

static void expect_none(enum code_lang lang, const char *what, const char *text, const char *name)
{
    sample s;
    code_span sp;
    load(&s, lang, text);
    CHECK(!code_find_handler(&s.ct, name, &sp) && sp.start == 0 && sp.end == s.ct.len, what);
    free(s.masked);
}

/* The handler is declared in the text but defined in another module. */
static void expect_elsewhere(const char *what, const char *text)
{
    sample s;
    code_span sp;
    load(&s, CODE_JS, text);
    CHECK(!code_find_handler(&s.ct, "handler", &sp) && sp.elsewhere && sp.name_off > 0, what);
    free(s.masked);
}

static void test_mask_js(void)
{
    const char *src = "const a = 'try { x }'; // try catch\n"
                      "/* try\n catch */ let b = \"TableName\";\n"
                      "const t = `v ${ fn({k: 1}) } and ${`in ${deep}`} end`; try {} catch (e) {}\n"
                      "const r = /['\"`]/g; const d = a / b / c;\n";
    sample s;
    load(&s, CODE_JS, src);
    CHECK(strlen(s.ct.masked) == strlen(src), "js mask keeps length");
    int same_lines = 1;
    for (size_t i = 0; src[i]; i++)
        if ((src[i] == '\n') != (s.ct.masked[i] == '\n'))
            same_lines = 0;
    CHECK(same_lines, "js mask keeps newlines");
    CHECK(strstr(s.ct.masked, "'         '") != NULL, "js single-quoted contents blanked, quotes kept");
    CHECK(strstr(s.ct.masked, "\"         \"") != NULL, "js double-quoted contents blanked");
    CHECK(strstr(s.ct.masked, "fn({k: 1})") != NULL, "js template interpolation stays code");
    CHECK(strstr(s.ct.masked, "deep") != NULL, "js nested template interpolation stays code");
    CHECK(strstr(s.ct.masked, "try {} catch (e) {}") != NULL, "js code after templates is code");
    CHECK(strstr(s.ct.masked, "a / b / c") != NULL, "js division is not a regex");
    CHECK(strstr(s.ct.masked, "TableName") == NULL, "js string contents gone");
    const char *first_try = strstr(s.ct.masked, "try");
    CHECK(first_try && first_try == strstr(s.ct.masked, "try {} catch"), "js comments blanked");
    size_t off = (size_t)(strstr(src, "TableName") - src);
    CHECK(!code_is_code(&s.ct, off), "code_is_code: inside a string");
    CHECK(code_is_code(&s.ct, 0), "code_is_code: code");
    uint32_t line, col;
    code_pos(&s.ct, off, &line, &col);
    CHECK(line == 3 && col == 20, "code_pos line/col");
    free(s.masked);
}

static void test_mask_py(void)
{
    const char *src = "# try: except\n"
                      "x = 'try:'  # comment\n"
                      "doc = \"\"\"\ntry:\n    pass\nexcept: \"quoted\"\n\"\"\"\n"
                      "r = r'\\d+' + b\"\\\"\" \n"
                      "try:\n    pass\nexcept Exception:\n    pass\n";
    sample s;
    load(&s, CODE_PY, src);
    CHECK(strlen(s.ct.masked) == strlen(src), "py mask keeps length");
    const char *t = strstr(s.ct.masked, "try");
    CHECK(t && strncmp(t, "try:\n    pass\nexcept Exception", 30) == 0, "py: only the real try is code");
    CHECK(strstr(s.ct.masked, "comment") == NULL, "py comments blanked");
    CHECK(strstr(s.ct.masked, "quoted") == NULL, "py triple-quoted contents blanked");
    free(s.masked);
}

static void test_js_forms(void)
{
    expect_body(CODE_JS, "exports.handler = async arrow",
                "const OUT = 1;\nexports.handler = async (event, context) => {\n  IN();\n};\nfunction other() { OUT(); }\n",
                "handler");
    expect_body(CODE_JS, "exports.handler = function",
                "exports.handler = function (event, context, callback) { IN(); }\nexports.other = () => { OUT(); };\n",
                "handler");
    expect_body(CODE_JS, "module.exports.handler",
                "module.exports.other = async () => { OUT(); };\nmodule.exports.handler = async (e) => { if (e) { IN(); } };\n",
                "handler");
    expect_body(CODE_JS, "module.exports = { handler }",
                "async function handler(event) {\n  IN();\n}\nfunction helper() { OUT(); }\nmodule.exports = { helper, handler };\n",
                "handler");
    expect_body(CODE_JS, "module.exports = { handler: fn }",
                "const run = async (event) => { IN(); };\nconst x = () => { OUT(); };\nmodule.exports = { other: x, handler: run };\n",
                "handler");
    expect_body(CODE_JS, "module.exports = { async handler() {} }",
                "module.exports = {\n  a: () => { OUT(); },\n  async handler(event) { IN(); },\n};\n", "handler");
    expect_body(CODE_JS, "export const handler = ...",
                "import x from 'y';\nexport const handler = async (event) => {\n  IN();\n};\nexport const b = () => { OUT(); };\n",
                "handler");
    expect_body(CODE_JS, "export const handler: Handler = (typed)",
                "export const handler: Handler<APIGatewayProxyEvent> = async (event: APIGatewayProxyEvent): Promise<Result> => {\n  IN();\n};\n",
                "handler");
    expect_body(CODE_JS, "export async function handler",
                "export async function handler(event) {\n  IN();\n}\nexport function b() { OUT(); }\n", "handler");
    expect_body(CODE_JS, "export { fn as handler }",
                "const main = async (event) => {\n  IN();\n};\nfunction handler() { OUT(); }\nexport { main as handler };\n",
                "handler");
    expect_body(CODE_JS, "named function assigned later",
                "function helper() { OUT(); }\nasync function processEvent(event) {\n  IN();\n}\nexports.handler = processEvent;\n",
                "handler");
    expect_body(CODE_JS, "wrapped: middy(fn)",
                "const base = async (event) => { IN(); };\nfunction x() { OUT(); }\nexports.handler = middy(base).use(y());\n",
                "handler");
    expect_body(CODE_JS, "arrow with expression body", "exports.handler = async (e) => IN(e);\nOUT();\n", "handler");
    expect_body(CODE_JS, "braces in strings and comments",
                "exports.handler = async () => {\n  const s = '}'; // }\n  IN();\n};\nOUT();\n", "handler");
    expect_body(CODE_JS, "lambdaHandler name",
                "exports.handler = async () => { OUT(); };\nexports.lambdaHandler = async () => { IN(); };\n",
                "lambdaHandler");
    expect_none(CODE_JS, "js: name only in a comment", "// exports.handler = async () => {}\n", "handler");
    expect_none(CODE_JS, "js: no such export", "exports.other = async () => {};\n", "handler");
    expect_none(CODE_JS, "js: imported elsewhere", "const { handler } = require('./impl');\nexports.handler = handler;\n",
                "handler");
}

static void test_elsewhere(void)
{
    expect_elsewhere("js: handler required from another module", "exports.handler = require('./impl').handler;\n");
    expect_elsewhere("js: imported name re-exported", "import { run } from './impl.mjs';\nexport { run as handler };\n");
    expect_elsewhere("js: wrapper of an imported function",
                     "const { base } = require('./base');\nexports.handler = middy(base).use(x());\n");
    sample s;
    code_span sp;
    load(&s, CODE_JS, "exports.handler = async () => { IN(); };\n");
    CHECK(code_find_handler(&s.ct, "handler", &sp) && !sp.elsewhere, "js: a local handler is not elsewhere");
    free(s.masked);
}

static void test_py_forms(void)
{
    expect_body(CODE_PY, "python def",
                "import json\nOUT = 1\n\ndef lambda_handler(event, context):\n    IN = 1\n\n    # comment at col 0 is fine\n    return IN\n\ndef other():\n    OUT()\n",
                "lambda_handler");
    expect_body(CODE_PY, "python multi-line header and annotations",
                "def handler(\n    event: Dict[str, Any],\n    context,\n) -> Dict[str, Any]:\n    IN()\nOUT()\n", "handler");
    expect_body(CODE_PY, "python one-line def", "def handler(e, c): return IN(e)\nOUT()\n", "handler");
    expect_body(CODE_PY, "python async def and decorator",
                "@logger.inject_lambda_context\nasync def handler(e, c):\n    IN()\n    \"\"\"\ndoc at col 0\n\"\"\"\n    IN()\nOUT()\n",
                "handler");
    expect_body(CODE_PY, "python top level preferred",
                "class A:\n    def handler(self):\n        OUT()\n\ndef handler(event, context):\n    IN()\n", "handler");
    expect_none(CODE_PY, "python: assignment, not a def", "from mangum import Mangum\nhandler = Mangum(app)\n", "handler");
    expect_none(CODE_PY, "python: def only in a string", "x = '''\ndef handler(e, c):\n    pass\n'''\n", "handler");
}

static void write_file(const char *path, const char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fwrite(bytes, 1, n, f);
    fclose(f);
}

typedef struct loader_arg {
    const char *path;
    const code_file *got;
    const rx *pattern;
} loader_arg;

static void *load_in_thread(void *p)
{
    loader_arg *a = p;
    a->got = code_load(a->path);
    a->pattern = rx_get("\\bexports\\.(\\w+)", 0);
    return NULL;
}

/* Many threads asking for one file and one pattern share one copy. */
static void test_threads(const char *path)
{
    enum { N = 8 };
    pthread_t th[N];
    loader_arg args[N];
    size_t before = code_cache_reads();
    for (int i = 0; i < N; i++) {
        args[i].path = path;
        pthread_create(&th[i], NULL, load_in_thread, &args[i]);
    }
    for (int i = 0; i < N; i++)
        pthread_join(th[i], NULL);
    int same = 1;
    for (int i = 1; i < N; i++)
        same &= args[i].got == args[0].got && args[i].pattern == args[0].pattern;
    CHECK(same && args[0].got->status == CODE_OK, "threads share one cached file and one compiled pattern");
    CHECK(code_cache_reads() - before <= 1, "threads: the file is read at most once");
}

static void test_cache(const char *dir)
{
    char a[1024], a2[1024], bin[1024], big[1024], missing[1024];
    snprintf(a, sizeof a, "%s/a.js", dir);
    snprintf(a2, sizeof a2, "%s/./a.js", dir);
    snprintf(bin, sizeof bin, "%s/bin.js", dir);
    snprintf(big, sizeof big, "%s/big.py", dir);
    snprintf(missing, sizeof missing, "%s/none.js", dir);
    write_file(a, "exports.handler = async () => {};\n", 34);
    write_file(bin, "\x7f" "ELF\0\0\0\x01", 8);
    char *huge = malloc(CODE_MAX_BYTES + 10);
    memset(huge, 'x', CODE_MAX_BYTES + 10);
    write_file(big, huge, CODE_MAX_BYTES + 10);
    free(huge);

    size_t before = code_cache_reads();
    const code_file *f1 = code_load(a);
    const code_file *f2 = code_load(a2);
    CHECK(f1 == f2 && f1->status == CODE_OK, "cache: one entry per resolved path");
    CHECK(code_cache_reads() == before + 1, "cache: file read once");
    CHECK(f1->src.lang == CODE_JS && f1->src.len == 34, "cache: language and length");
    CHECK(code_load(bin)->status == CODE_BINARY, "cache: binary file skipped");
    CHECK(code_load(big)->status == CODE_TOO_BIG, "cache: oversized file skipped");
    CHECK(code_load(missing)->status == CODE_MISSING, "cache: missing file");
    CHECK(code_load(dir)->status != CODE_OK, "cache: a directory is not code");
    code_cache_release();
    test_threads(a);
}

int main(int argc, char **argv)
{
    test_mask_js();
    test_mask_py();
    test_js_forms();
    test_elsewhere();
    test_py_forms();
    char scratch[] = "/tmp/unit_code.XXXXXX";
    const char *dir = argc > 1 ? argv[1] : mkdtemp(scratch);
    if (dir) {
        test_cache(dir);
        if (dir == scratch) {
            const char *names[] = {"a.js", "bin.js", "big.py", NULL};
            char path[1100];
            for (int i = 0; names[i]; i++) {
                snprintf(path, sizeof path, "%s/%s", dir, names[i]);
                remove(path);
            }
            rmdir(dir);
        }
    }
    code_cache_release();
    fprintf(stderr, "unit_code: %d passed, %d failed\n", passes, failures);
    return failures ? 1 : 0;
}
