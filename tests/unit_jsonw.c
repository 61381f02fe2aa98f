/* unit_jsonw: the streaming JSON writer prints what cJSON_Print prints. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "jsonw.h"
#include "out.h"

static int failures;

/* What jsonw wrote through an obuf into memory. */
typedef struct capture {
    char *buf;
    size_t len;
    FILE *f;
    obuf b;
    jsonw w;
} capture;

static void cap_open(capture *c, unsigned depth)
{
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    if (!c->f) abort();
    ob_init(&c->b, c->f);
    jw_init(&c->w, &c->b, depth);
}

static void cap_close(capture *c)
{
    ob_flush(&c->b);
    fclose(c->f);
}

static void same(const char *what, cJSON *tree, capture *c)
{
    cap_close(c);
    char *want = cJSON_Print(tree);
    int ok = want && strlen(want) == c->len && memcmp(want, c->buf, c->len) == 0;
    if (!ok) {
        printf("not ok %s\n", what);
        printf("# want: %s\n# got:  %.*s\n", want ? want : "(null)", (int)c->len, c->buf);
        failures++;
    }
    free(want);
    free(c->buf);
    cJSON_Delete(tree);
}

/* A string as samlint gives it to cJSON (out_json_str) and to jsonw. */
static void one_string(const char *s, const char *what, int report_ok)
{
    cJSON *o = cJSON_CreateObject();
    out_json_str(o, "k", s);
    capture c;
    cap_open(&c, 0);
    jw_obj(&c.w);
    jw_kstr(&c.w, "k", s);
    jw_obj_end(&c.w);
    int before = failures;
    same(what, o, &c);
    if (report_ok && failures == before) printf("ok %s\n", what);
}

int main(void)
{
    /* Every byte value alone and after a multi-byte start, and the awkward ones. */
    static const char *const cases[] = {
        "", "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t\x01\x1f", "\x7f", "caf\xc3\xa9",
        "\xc2\x85 C1", "\xe2\x80\xa8 line separator", "\xf0\x9f\x9a\x80 rocket", "\xed\xa0\x80 surrogate",
        "\xc0\xaf overlong", "\xf4\x90\x80\x80 too high", "\xff\xfe", "trail \xe2\x82", "\x1b[31mred",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "string case %zu as cJSON prints it", i);
        one_string(cases[i], what, 1);
    }
    one_string(NULL, "NULL string is null", 1);

    /* Random byte strings, weighted toward UTF-8 lead bytes and controls. */
    unsigned long seed = 12345;
    int before = failures;
    for (int n = 0; n < 20000 && failures - before < 5; n++) {
        char s[48];
        size_t len = (size_t)(n % 47);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            unsigned r = (unsigned)(seed >> 33);
            static const unsigned char pick[] = {0xc2, 0xc3, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0x80, 0x9f, 0xbf, 0x7f, 0x22, 0x5c, 0x01};
            s[i] = (char)(r % 3 ? (r >> 8) % 256 : pick[(r >> 8) % sizeof pick]);
            if (!s[i]) s[i] = 'a';
        }
        s[len] = 0;
        one_string(s, "random string as cJSON prints it", 0);
    }
    if (failures == before) printf("ok 20000 random strings as cJSON prints them\n");

    /* Shapes: empty object and array, nested objects in arrays, numbers, bools. */
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "version", "1");
    cJSON_AddArrayToObject(root, "none");
    cJSON_AddObjectToObject(root, "empty");
    cJSON *arr = cJSON_AddArrayToObject(root, "items");
    for (int i = 0; i < 3; i++) {
        cJSON *it = cJSON_CreateObject();
        cJSON_AddNumberToObject(it, "n", i - 1);
        cJSON_AddBoolToObject(it, "b", i & 1);
        cJSON *inner = cJSON_AddArrayToObject(it, "inner");
        cJSON_AddItemToArray(inner, cJSON_CreateString("x"));
        cJSON_AddItemToArray(inner, cJSON_CreateObject());
        cJSON_AddItemToArray(arr, it);
    }
    cJSON_AddNumberToObject(root, "count", 123456);
    capture c;
    cap_open(&c, 0);
    jw_obj(&c.w);
    jw_klit(&c.w, "version", "1");
    jw_key(&c.w, "none");
    jw_arr(&c.w);
    jw_arr_end(&c.w);
    jw_key(&c.w, "empty");
    jw_obj(&c.w);
    jw_obj_end(&c.w);
    jw_key(&c.w, "items");
    jw_arr(&c.w);
    for (int i = 0; i < 3; i++) {
        jw_obj(&c.w);
        jw_kint(&c.w, "n", i - 1);
        jw_kbool(&c.w, "b", i & 1);
        jw_key(&c.w, "inner");
        jw_arr(&c.w);
        jw_str(&c.w, "x");
        jw_obj(&c.w);
        jw_obj_end(&c.w);
        jw_arr_end(&c.w);
        jw_obj_end(&c.w);
    }
    jw_arr_end(&c.w);
    jw_kint(&c.w, "count", 123456);
    jw_obj_end(&c.w);
    before = failures;
    same("nested objects and arrays as cJSON prints them", root, &c);
    if (failures == before) printf("ok nested objects and arrays as cJSON prints them\n");

    /* A cached string: the same pointer again copies the kept text; a new
     * pointer is escaped afresh (longer than the buffer's room, too). */
    static char big[40000];
    memset(big, 'x', sizeof big - 1);
    big[100] = '"';
    const char *const seq[] = {"a\"b\xc3\xa9\x01", "a\"b\xc3\xa9\x01", "other", big, big, "other"};
    cJSON *list = cJSON_CreateArray();
    cap_open(&c, 0);
    jw_arr(&c.w);
    jw_cache cache = {NULL, NULL, 0, 0};
    for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) {
        cJSON *o = cJSON_CreateObject();
        out_json_str(o, "k", seq[i]);
        cJSON_AddItemToArray(list, o);
        jw_obj(&c.w);
        jw_key(&c.w, "k");
        jw_str_cached(&c.w, &cache, seq[i]);
        jw_obj_end(&c.w);
    }
    jw_cache_free(&cache);
    jw_arr_end(&c.w);
    before = failures;
    same("cached strings as cJSON prints them", list, &c);
    if (failures == before) printf("ok cached strings as cJSON prints them\n");
    return failures ? 1 : 0;
}
