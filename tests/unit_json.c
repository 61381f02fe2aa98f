/* unit_json: the JSON fast path gives the tree libyaml gives: edge cases,
 * then every JSON template of the shared corpus and the fixtures. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "doc_same.h"

static int failures;

static void expect(int cond, const char *name, const char *detail)
{
    if (cond) printf("ok %s\n", name);
    else {
        printf("not ok %s: %s\n", name, detail);
        failures++;
    }
}

/* Load both ways; 1 when they agree. *fast tells which road the default took. */
static int both(const char *path, const char *text, size_t len, int *fast, char *why, size_t n)
{
    doc_limits lim;
    doc_default_limits(&lim);
    doc_result a = doc_load(path, text, len, &lim);
    lim.yaml_only = 1;
    doc_result b = doc_load(path, text, len, &lim);
    int same = doc_same(&a, &b, why, n);
    *fast = a.d->json_fast;
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
    snprintf(label, sizeof label, "json %s: same tree as libyaml", name);
    expect(same, label, why);
    snprintf(label, sizeof label, "json %s: %s", name, want_fast ? "fast path" : "falls back to libyaml");
    expect(fast == want_fast, label, fast ? "fast path taken" : "fast path not taken");
}

#define EDGE(name, lit, fast) edge(name, lit, sizeof lit - 1, fast)

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
    if (!both(path, buf, len, &fast, why, sizeof why) && !first_diff[0])
        snprintf(first_diff, sizeof first_diff, "%s: %s", path, why);
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
        else if (S_ISREG(st.st_mode) && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0) compare_file(path);
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
    EDGE("surrogate escape", "{\"a\": \"\\ud83d\\ude00\"}", 0);
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
        edge("key too long for libyaml", key, n, 0);
        static char deep[700];
        n = 0;
        deep[n++] = '{';
        memcpy(deep + n, "\"a\":", 4);
        n += 4;
        for (int i = 0; i < 300; i++) deep[n++] = '[';
        for (int i = 0; i < 300; i++) deep[n++] = ']';
        deep[n++] = '}';
        edge("nesting beyond the limit", deep, n, 0);
    }

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
        expect(files - own > 300 && fast_files * 10 > files * 9, "json corpus: most JSON templates take the fast path",
               detail);
    } else {
        printf("skip json corpus: ../shared/corpus absent\n");
    }
    char label[128];
    snprintf(label, sizeof label, "json: %zu files (%zu fast) give libyaml's tree", files, fast_files);
    expect(!first_diff[0], label, first_diff);
    return failures ? 1 : 0;
}
