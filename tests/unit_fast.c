/* unit_fast: the fast paths for JSON and block YAML give the tree libyaml
 * gives: edge cases, then every template of the shared corpus and fixtures. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "doc_same.h"
#include "unit.h"


/* Load both ways; 1 when they agree. *fast tells which road the default took. */
static int both(const char *path, const char *text, size_t len, int *fast, char *why, size_t n)
{
    doc_limits lim;
    doc_default_limits(&lim);
    doc_result a = doc_load(path, text, len, &lim);
    lim.yaml_only = 1;
    doc_result b = doc_load(path, text, len, &lim);
    int same = doc_same(&a, &b, why, n);
    *fast = a.d->fast;
    doc_free(a.d);
    doc_free(b.d);
    return same;
}

/* An edge case: both roads agree, and the fast one is taken or not. */
static void edge(const char *name, const char *text, size_t len, int want_fast)
{
    char why[512], label[160];
    int fast;
    int same = both("t.json", text, len, &fast, why, sizeof why);
    snprintf(label, sizeof label, "%s: same tree as libyaml", name);
    expect(same, label, why);
    snprintf(label, sizeof label, "%s: %s", name, want_fast ? "fast path" : "falls back to libyaml");
    expect(fast == want_fast, label, fast ? "fast path taken" : "fast path not taken");
}

/* Load one way; the node holding `key`'s value, its text and position. */
static doc_id value_of(doc_result *r, const char *key)
{
    const doc *d = r->d;
    for (size_t i = 0; i < d->n_nodes; i++) {
        doc_id k = (doc_id)i;
        if (doc_is_map(d, k)) {
            doc_id v = doc_get(d, k, key);
            if (v != DOC_NONE) return v;
        }
    }
    return DOC_NONE;
}

/* Both roads (fast when it takes the text, and libyaml's alone): `key`'s
 * value is `want` (NULL: the load is an SL001 whose message has `want_msg`)
 * and starts at line:col. */
static void decoded(const char *name, const char *text, const char *key, const char *want, unsigned line,
                    unsigned col, const char *want_msg)
{
    for (int yaml_only = 0; yaml_only < 2; yaml_only++) {
        doc_limits lim;
        doc_default_limits(&lim);
        lim.yaml_only = yaml_only;
        doc_result r = doc_load(strchr(text, '{') == text ? "t.json" : "t.yaml", text, strlen(text), &lim);
        char label[200], detail[300];
        snprintf(label, sizeof label, "%s (%s)", name, yaml_only ? "libyaml's road" : r.d->fast ? "fast path" : "default");
        if (want) {
            doc_id v = r.fatal ? DOC_NONE : value_of(&r, key);
            const doc_node *n = v == DOC_NONE ? NULL : doc_at(r.d, v);
            snprintf(detail, sizeof detail, "fatal %d, %s, value '%s' at %u:%u", r.fatal,
                     r.n_problems ? r.problems[0].message : "-", n && n->kind == DOC_SCALAR ? n->str : "(none)", n ? n->line : 0,
                     n ? n->col : 0);
            expect(n && n->kind == DOC_SCALAR && strcmp(n->str, want) == 0 && n->line == line && n->col == col, label, detail);
        } else {
            snprintf(detail, sizeof detail, "fatal %d, %s at %u:%u", r.fatal, r.n_problems ? r.problems[0].message : "-",
                     r.n_problems ? r.problems[0].line : 0, r.n_problems ? r.problems[0].col : 0);
            expect(r.fatal && r.n_problems == 1 && strstr(r.problems[0].message, want_msg) && r.problems[0].line == line &&
                       r.problems[0].col == col, label, detail);
        }
        doc_free(r.d);
    }
}

/* A template whose key `n` characters long is at line 2, column 3. */
static char *long_key(int json, size_t n, int quoted)
{
    char *t = malloc(n + 64), *o = t;
    o += sprintf(o, json ? "{\n  " : "A:\n  ");
    if (quoted) *o++ = '"';
    memset(o, 'k', n);
    o += n;
    if (quoted) *o++ = '"';
    sprintf(o, json ? ": \"v\"}\n" : ": v\n");
    return t;
}

static void long_keys(void)
{
    static const struct { int json, quoted; size_t ok; const char *what; } shapes[] = {
        {1, 1, 1022, "json key"}, {0, 0, 1024, "yaml plain key"}, {0, 1, 1022, "yaml quoted key"},
    };
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        for (size_t n = shapes[s].ok; n <= shapes[s].ok + 1; n++) {
            char *t = long_key(shapes[s].json, n, shapes[s].quoted), name[160], key[1100];
            memset(key, 'k', n);
            key[n] = '\0';
            snprintf(name, sizeof name, "%s of %zu characters", shapes[s].what, n);
            if (n == shapes[s].ok) decoded(name, t, key, "v", 2, (unsigned)(n + 3 + 2 * shapes[s].quoted) + 2, NULL);
            else decoded(name, t, NULL, NULL, 2, 3, "a mapping key of 1025 characters up to its ':': YAML takes a key written without '?' only up to 1024");
            free(t);
        }
    }
}

#define EDGE(name, lit, fast) edge("json " name, lit, sizeof lit - 1, fast)
#define YEDGE(name, lit, fast) edge("yaml " name, lit, sizeof lit - 1, fast)

static size_t files, fast_files;
static char first_diff[5000];

static void compare_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return;
    static char buf[1 << 22];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    char why[512];
    int fast;
    files++;
    if (!both(path, buf, len, &fast, why, sizeof why)) {
        if (!first_diff[0]) snprintf(first_diff, sizeof first_diff, "%s: %s", path, why);
        if (getenv("UNIT_JSON_VERBOSE")) fprintf(stderr, "DIFF %s: %s\n", path, why);
    }
    if (!fast && getenv("UNIT_JSON_VERBOSE")) fprintf(stderr, "SLOW %s\n", path);
    fast_files += (size_t)fast;
}

static void walk(const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh) return;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        size_t n = strlen(e->d_name);
        if (S_ISDIR(st.st_mode)) walk(path);
        else if (S_ISREG(st.st_mode) && ((n > 5 && strcmp(e->d_name + n - 5, ".json") == 0) ||
                                         (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0) ||
                                         (n > 4 && strcmp(e->d_name + n - 4, ".yml") == 0)))
            compare_file(path);
    }
    closedir(dh);
}

int main(void)
{
    EDGE("object", "{\"a\": 1}", 1);
    EDGE("template", "{\n  \"Resources\": {\n    \"F\": {\"Type\": \"AWS::Serverless::Function\"}\n  }\n}\n", 1);
    EDGE("escapes", "{\"a\":\"x\\\"y\\\\z\\/\\b\\f\\n\\r\\tq\\u00e9\\u4e2d\\u0041\"}", 1);
    EDGE("escaped backslash last", "{\"a\": \"x\\\\\"}", 1);
    EDGE("NUL escape", "{\"a\": \"x\\u0000y\"}", 1);
    EDGE("raw UTF-8 and positions after it", "{\"\xC3\xA9\xE4\xB8\xAD\": \"\xF0\x9F\x98\x80\", \"b\": 1}", 1);
    EDGE("numbers and words", "{\"a\":[0,-1,1.5,2e10,-0.5E-3,true,false,null]}", 1);
    EDGE("empty collections", "{\"a\":{},\"b\":[], \"\": \"\"}", 1);
    EDGE("duplicate keys", "{\"a\":1,\n \"a\":2}", 1);
    EDGE("CRLF", "{\r\n  \"a\": [1,\r\n 2]\r\n}\r\n", 1);
    EDGE("tabs inside", "{\t\"a\":\t[1,\t2]}", 1);
    EDGE("BOM", "\xEF\xBB\xBF{\"a\": 1}", 1);
    EDGE("value on the next line", "{\"a\":\n  1}", 1);
    EDGE("surrogate pair", "{\"a\": \"\\ud83d\\ude00\", \"b\": \"x\\uD83D\\uDE80y\"}", 1);
    EDGE("lone high surrogate", "{\"a\": \"\\ud83d\"}", 0);
    EDGE("lone low surrogate", "{\"a\": \"\\ude80\\ud83d\"}", 0);
    EDGE("high surrogate before a letter", "{\"a\": \"\\ud83dx\"}", 0);
    EDGE("surrogate pair and a comment", "{\"a\": \"\\ud83d\\ude00\", \"b\": 1} # c\n", 0);
    EDGE("lone CR", "{\"a\": 1,\r\"b\": 2}", 0);
    EDGE("tab before the root", "\t{\"a\": 1}", 0);
    EDGE("trailing comma", "{\"a\": 1,}", 0);
    EDGE("comment", "{\"a\": 1} # c\n", 0);
    EDGE("key on its own line", "{\"a\"\n: 1}", 0);
    EDGE("trailing text", "{\"a\": 1} x", 0);
    EDGE("second document", "{\"a\": 1}\n---\n{}\n", 0);
    EDGE("leading zero", "{\"a\": 01}", 0);
    EDGE("bad escape", "{\"a\": \"\\x41\"}", 0);
    EDGE("line separator", "{\"a\": \"x\xE2\x80\xA8y\"}", 0);
    EDGE("next line character", "{\"a\": \"x\xC2\x85y\"}", 0);
    EDGE("DEL character", "{\"a\": \"x\x7Fy\"}", 0);
    EDGE("invalid UTF-8", "{\"a\": \"x\xC3(\"}", 0);
    EDGE("unclosed", "{\"a\": [1, 2}", 0);
    EDGE("single quotes", "{'a': 1}", 0);
    EDGE("flow YAML", "{a: 1}", 0);
    {
        static char key[1200 + 16];
        size_t n = 0;
        key[n++] = '{';
        key[n++] = '"';
        for (int i = 0; i < 1100; i++) key[n++] = 'k';
        memcpy(key + n, "\": 1}", 5);
        n += 5;
        edge("json key too long for libyaml", key, n, 0);
        static char deep[700];
        n = 0;
        deep[n++] = '{';
        memcpy(deep + n, "\"a\":", 4);
        n += 4;
        for (int i = 0; i < 300; i++) deep[n++] = '[';
        for (int i = 0; i < 300; i++) deep[n++] = ']';
        deep[n++] = '}';
        edge("json nesting beyond the limit", deep, n, 0);
    }

    YEDGE("template", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 30\n", 1);
    YEDGE("document start and comments", "# head\n---\n# c\nA: 1 # trailing\n\n  # indented comment\nB:   two words  \n", 1);
    YEDGE("short-form tags", "A: !Ref X\nB: !GetAtt R.Arn\nC: !If [c, !Ref a, \"b\"]\nD: !Equals\n  - a\n  - !Ref b\nE: !GetAZs ''\n", 1);
    YEDGE("tag alone, value on the next lines", "A: !Sub\n  - '${X}'\n  - X: 1\nB: !Ref\nC: 1\n", 1);
    YEDGE("indentless and nested sequences", "A:\n- a\n- - b\n  - c\n-\n- d: 1\n  e: 2\nB: 3\n", 1);
    YEDGE("empty values", "A:\nB: 1\nC:\n  - \n  -\nD:", 1);
    YEDGE("block scalars", "A: |\n  one\n    two\n\n  three\n\n\nB: |-\n  x\nC: |+\n  y\n\nD: >\n  a\n  b\n\n   c\n  d\nE: >-\n  p\n  q\nF: !Sub |\n  ${X}\n", 1);
    YEDGE("block scalar at the end without a newline", "A:\n  B: |\n    x\n    y", 1);
    YEDGE("block scalar header at the end", "A: >-   ", 1);
    YEDGE("block scalar header ending the text", "<<[:  |", 1);
    YEDGE("empty block scalar", "A: |\nB: >-\n\nC: 1\n", 1);
    YEDGE("quoted scalars", "A: 'it''s'\nB: \"tab\\tq\\\"\\u00e9\\x41\"\n'C': \"\"\n\"D\" : x\n", 1);
    YEDGE("flow collections over lines", "A: [a, 'b',\n    !Ref c, {K: v,\n  \"L\": [1, 2]}  # c\n  ]\nB: {}\n", 1);
    YEDGE("value on its own line", "A:\n  !Sub \"x-${Y}\"\nB:\n  plain\nC:\n  [1]\n", 1);
    YEDGE("plain scalars with indicators inside", "A: arn:aws:s3:::b/*\nB: ::/0\nC: a#b\nD: -1\nE: x: y\n", 0);
    YEDGE("plain scalars with colons", "A: arn:aws:s3:::b/*\nB: ::/0\nC: a#b\nD: -1\nE: '{a}'\n", 1);
    YEDGE("CRLF", "A:\r\n  B: 1\r\n  C: |\r\n    x\r\n", 1);
    YEDGE("non-ASCII positions", "D\xC3\xA9: \xE4\xB8\xAD\xE6\x96\x87 # \xC3\xA9\nE: [\xC3\xA9, b]\n", 1);
    YEDGE("trailing blanks at the end", "A:\n  B:\n    C: 1\n  ", 1);
    YEDGE("duplicate keys", "A: 1\nA: 2\n", 1);
    YEDGE("surrogate pair", "A: \"\\ud83d\\ude80\"\nB: x\n", 1);
    YEDGE("surrogate pair as text in plain and single-quoted scalars", "A: [a\\ud83d\\ude80, '\\ud83d\\ude80', \"\\ud83d\\ude80\", b]\n", 1);
    YEDGE("anchor and alias", "A: &x 1\nB: *x\n", 0);
    YEDGE("multi-line plain scalar", "A: one\n  two\nB: 1\n", 0);
    YEDGE("tab indentation", "A:\n\tB: 1\n", 0);
    YEDGE("complex key", "? A\n: 1\n", 0);
    YEDGE("second document", "A: 1\n---\nB: 2\n", 0);
    YEDGE("directive", "%YAML 1.1\n---\nA: 1\n", 0);
    YEDGE("core tag", "A: !!str 1\n", 0);
    YEDGE("bad indentation", "A:\n    B: 1\n  C: 2\n", 0);
    YEDGE("mapping value in a value", "A: b: c\n", 0);
    YEDGE("unclosed quote", "A: 'x\nB: 1\n", 0);
    YEDGE("unclosed flow", "A: [1, 2\nB: 3\n", 0);
    YEDGE("sequence at the root", "- a\n- b\n", 0);
    YEDGE("block scalar indentation indicator", "A: |2\n   x\n", 0);
    {
        static char key[1200 + 16];
        size_t n = 0;
        for (int i = 0; i < 1100; i++) key[n++] = 'k';
        memcpy(key + n, ": 1\n", 4);
        n += 4;
        edge("yaml key too long for libyaml", key, n, 0);
        static char fkey[1200 + 16];
        n = 0;
        memcpy(fkey, "A: {", 4);
        n = 4;
        for (int i = 0; i < 1100; i++) fkey[n++] = 'k';
        memcpy(fkey + n, ": 1}\n", 5);
        n += 5;
        edge("yaml flow key too long for libyaml", fkey, n, 0);
    }

    /* Surrogate pairs: one character on both roads, positions after them as written. */
    decoded("json pair", "{\"a\": \"\\ud83d\\ude80\", \"b\": \"x\"}", "a", "\xF0\x9F\x9A\x80", 1, 7, NULL);
    decoded("json: after a pair", "{\"a\": \"\\ud83d\\ude80\", \"b\": \"x\"}", "b", "x", 1, 28, NULL);
    decoded("json pair, libyaml's text (a comment)", "{\"a\": \"\\ud83d\\ude80\\uD83D\\uDE00\", \"b\": \"x\"} # c", "b", "x", 1, 40,
            NULL);
    decoded("json escaped backslashes, no pair", "{\"a\": \"\\\\ud83d\\\\ude80\"} # c", "a", "\\ud83d\\ude80", 1, 7, NULL);
    decoded("yaml pair as text, then one escaped", "A: [x\\ud83d\\ude80, \"\\ud83d\\ude80\", &a z]\nB: *a\nC: \"\\ud83d\\ude80\"\n", "C", "\xF0\x9F\x9A\x80", 3, 4, NULL);
    decoded("yaml pair in a multi-line double-quoted scalar", "A: \"a\n  \\ud83d\\ude80\" # c\nB: x\n", "A", "a \xF0\x9F\x9A\x80", 1, 4, NULL);
    decoded("yaml pair in a plain scalar", "A: x\\ud83d\\ude80 # c\nB: [1, &a 2]\nC: *a\n", "A", "x\\ud83d\\ude80", 1, 4, NULL);
    decoded("json lone high surrogate", "{\"a\": \"xy\\ud83d\"}", NULL, NULL, 1, 10, "lone UTF-16 surrogate \\ud83d in a string");
    decoded("json lone low surrogate", "{\"a\": \"\\ude80\"}", NULL, NULL, 1, 8, "lone UTF-16 surrogate \\ude80 in a string");
    decoded("json high surrogate then a high one", "{\"a\": \"\\ud83d\\ud83d\"}", NULL, NULL, 1, 8, "lone UTF-16 surrogate");
    decoded("json error after a pair keeps its column", "{\"a\": \"\\ud83d\\ude80\", \"b\": \"\\ud800\"}", NULL, NULL, 1, 29,
            "lone UTF-16 surrogate \\ud800");
    long_keys();

    const char *root = getenv("ROOT");
    const char *corpus = getenv("CORPUS");
    if (root) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/fixtures", root);
        walk(dir);
        snprintf(dir, sizeof dir, "%s/examples", root);
        walk(dir);
    }
    size_t own = files;
    if (corpus && *corpus) {
        walk(corpus);
        char detail[64];
        snprintf(detail, sizeof detail, "only %zu of %zu", fast_files, files);
        expect(files - own > 2000 && fast_files * 10 > files * 9, "corpus: most templates take a fast path", detail);
    } else {
        printf("skip corpus templates: ../shared/corpus absent\n");
    }
    char label[128];
    snprintf(label, sizeof label, "%zu templates (%zu fast) give libyaml's tree both ways", files, fast_files);
    expect(!first_diff[0], label, first_diff);
    return failures ? 1 : 0;
}
