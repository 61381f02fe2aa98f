/* unit_doc: loader tests: positions, tags, JSON, limits, duplicate keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "unit.h"


static doc_result load(const char *text)
{
    return doc_load("t.yaml", text, strlen(text), NULL);
}

static void expect_pos(const doc *d, doc_id id, unsigned line, unsigned col, const char *name)
{
    char detail[128];
    if (id < 0) {
        expect(0, name, "node missing");
        return;
    }
    snprintf(detail, sizeof detail, "expected %u:%u got %u:%u", line, col, d->nodes[id].line, d->nodes[id].col);
    expect(d->nodes[id].line == line && d->nodes[id].col == col, name, detail);
}

int main(void)
{
    doc_result r = load("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                        "      Timeout: 30\n      Layers: [a, 'b']\n      Role: !GetAtt Role.Arn\n"
                        "      Code: !Ref Bucket\n      Env: {A: !Sub '${X}'}\n");
    const doc *d = r.d;
    doc_id res = doc_get(d, d->root, "Resources");
    doc_id fn = doc_get(d, res, "Fn");
    doc_id props = doc_get(d, fn, "Properties");
    expect(!r.fatal && r.n_problems == 0, "block template loads", "problems");
    expect_pos(d, doc_get_key(d, res, "Fn"), 2, 3, "key position");
    expect_pos(d, doc_get(d, fn, "Type"), 3, 11, "plain scalar position");
    expect_pos(d, doc_get(d, props, "Timeout"), 5, 16, "number position");
    doc_id layers = doc_get(d, props, "Layers");
    expect_pos(d, layers, 6, 15, "flow sequence position");
    expect_pos(d, doc_item(d, layers, 1), 6, 19, "quoted flow item position");
    expect(doc_at(d, doc_item(d, layers, 1))->style == DOC_QUOTED, "quoted style", "not quoted");
    doc_id role = doc_get(d, props, "Role");
    doc_id arg;
    const char *name = doc_intrinsic(d, role, &arg);
    expect(name && strcmp(name, "Fn::GetAtt") == 0, "!GetAtt becomes Fn::GetAtt", name ? name : "null");
    expect(doc_is_seq(d, arg) && doc_count(d, arg) == 2 && doc_str_eq(d, doc_item(d, arg, 0), "Role") &&
               doc_str_eq(d, doc_item(d, arg, 1), "Arn"),
           "!GetAtt A.B splits into [A, B]", "shape");
    expect_pos(d, doc_item(d, arg, 0), 7, 21, "!GetAtt resource position");
    expect_pos(d, doc_item(d, arg, 1), 7, 26, "!GetAtt attribute position");
    name = doc_intrinsic(d, doc_get(d, props, "Code"), &arg);
    expect(name && strcmp(name, "Ref") == 0 && doc_str_eq(d, arg, "Bucket"), "!Ref becomes Ref", "shape");
    expect_pos(d, arg, 8, 18, "!Ref value position");
    doc_id env = doc_get(d, props, "Env");
    expect_pos(d, env, 9, 12, "flow mapping position");
    name = doc_intrinsic(d, doc_get(d, env, "A"), &arg);
    expect(name && strcmp(name, "Fn::Sub") == 0 && doc_str_eq(d, arg, "${X}"), "!Sub in flow mapping", "shape");
    long long v = 0;
    expect(doc_get_long(d, doc_get(d, props, "Timeout"), &v) && v == 30, "integer value", "not 30");
    doc_free(r.d);

    r = load("{\n  \"Resources\": {\n    \"T\": {\"Type\": \"AWS::SNS::Topic\",\n      \"Properties\": {\"X\": {\"Fn::GetAtt\": [\"A\", \"B\"]}}}\n  }\n}\n");
    d = r.d;
    expect(!r.fatal && d->is_json, "JSON loads as JSON", "fatal or not json");
    res = doc_get(d, d->root, "Resources");
    doc_id t = doc_get(d, res, "T");
    expect_pos(d, doc_get_key(d, res, "T"), 3, 5, "JSON key position");
    expect_pos(d, doc_get(d, t, "Type"), 3, 19, "JSON value position");
    name = doc_intrinsic(d, doc_path(d, t, "Properties", "X"), &arg);
    expect(name && strcmp(name, "Fn::GetAtt") == 0 && doc_count(d, arg) == 2, "JSON long-form intrinsic", "shape");
    doc_free(r.d);

    /* Tagged collections wrap their collection. */
    r = load("A: !If\n  - C\n  - 1\n  - 2\nB: !Join ['', [a, !Ref X]]\n");
    d = r.d;
    name = doc_intrinsic(d, doc_get(d, d->root, "A"), &arg);
    expect(name && strcmp(name, "Fn::If") == 0 && doc_count(d, arg) == 3, "!If block sequence", "shape");
    name = doc_intrinsic(d, doc_get(d, d->root, "B"), &arg);
    expect(name && strcmp(name, "Fn::Join") == 0 && doc_count(d, arg) == 2, "!Join flow sequence", "shape");
    doc_free(r.d);

    /* Duplicate keys. */
    r = load("A: 1\nB: 2\nA: 3\n");
    expect(r.n_problems == 1 && strcmp(r.problems[0].rule, "SL003") == 0 && r.problems[0].line == 3 &&
               r.problems[0].col == 1,
           "duplicate key reported at the second one", "wrong");
    expect(doc_str_eq(r.d, doc_get(r.d, r.d->root, "A"), "3"), "the last duplicate wins", "not last");
    doc_free(r.d);

    /* Depth limit. */
    char deep[4200];
    size_t n = 0;
    for (int i = 0; i < 2000; i++) deep[n++] = '[';
    for (int i = 0; i < 2000; i++) deep[n++] = ']';
    deep[n] = '\0';
    r = load(deep);
    expect(r.fatal && r.n_problems == 1 && strstr(r.problems[0].message, "nesting deeper"), "nesting limit",
           r.n_problems ? r.problems[0].message : "no problem");
    doc_free(r.d);

    /* Alias budget, and aliases that share nodes. */
    r = load("a: &a [1, 2]\nb: *a\nResources: {}\n");
    expect(!r.fatal && doc_count(r.d, doc_get(r.d, r.d->root, "b")) == 2, "alias shares its anchor", "not shared");
    doc_free(r.d);
    doc_limits lim;
    doc_default_limits(&lim);
    lim.max_alias_nodes = 10;
    const char *bomb = "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a]\n";
    r = doc_load("t.yaml", bomb, strlen(bomb), &lim);
    expect(r.fatal && strstr(r.problems[0].message, "alias"), "alias budget", "no problem");
    doc_free(r.d);

    /* Parse errors carry libyaml's position and text. */
    r = load("A: [1, 2\nB: 3\n");
    expect(r.fatal && r.n_problems == 1 && r.problems[0].line >= 2, "parse error position", "wrong");
    doc_free(r.d);

    /* BOM and CRLF. */
    r = load("\xEF\xBB\xBF" "A:\r\n  B: 1\r\n");
    expect(!r.fatal && doc_str_eq(r.d, doc_path(r.d, r.d->root, "A", "B"), "1"), "BOM and CRLF", "failed");
    expect_pos(r.d, doc_path(r.d, r.d->root, "A", "B"), 2, 6, "CRLF position");
    doc_free(r.d);

    /* Ends: packed in the node next to its start, or kept aside (64 lines
     * or more further, a column of 512 or more); both roads alike. */
    {
        static char big[8192];
        size_t o = (size_t)snprintf(big, sizeof big, "A: x\nB:\n");
        for (int k = 0; k < 70; k++) o += (size_t)snprintf(big + o, sizeof big - o, "  K%d: v\n", k);
        o += (size_t)snprintf(big + o, sizeof big - o, "C: ");
        memset(big + o, 'y', 600);
        o += 600;
        big[o++] = '\n';
        for (int yaml_only = 0; yaml_only < 2; yaml_only++) {
            doc_limits el;
            doc_default_limits(&el);
            el.yaml_only = yaml_only;
            r = doc_load("t.yaml", big, o, &el);
            d = r.d;
            doc_id x = doc_get(d, d->root, "A"), b = doc_get(d, d->root, "B"), c = doc_get(d, d->root, "C");
            char why[160];
            snprintf(why, sizeof why, "A ends %u:%u, B %u:%u, C %u:%u, %zu kept aside", doc_end_line(d, x),
                     doc_end_col(d, x), doc_end_line(d, b), doc_end_col(d, b), doc_end_line(d, c), doc_end_col(d, c),
                     d->n_far);
            expect(!r.fatal && doc_end_line(d, x) == 1 && doc_end_col(d, x) == 5 && doc_end_line(d, b) >= 72 &&
                       doc_end_line(d, c) == 73 && doc_end_col(d, c) == 604 && d->n_far >= 2,
                   yaml_only ? "ends near and far (libyaml's road)" : "ends near and far (fast path)", why);
            doc_free(r.d);
        }
    }

    /* A big file keeps one copy of a repeated short scalar; the text of
     * every scalar stays its own. */
    {
        size_t cap = 400 * 1024, o = 0;
        char *big = malloc(cap);
        while (o + 64 < cap - 64 * 1024 || o < 300 * 1024)
            o += (size_t)snprintf(big + o, cap - o, "R%zu:\n  Type: AWS::SQS::Queue\n  V: x%zu\n", o, o);
        for (int yaml_only = 0; yaml_only < 2; yaml_only++) {
            doc_limits el;
            doc_default_limits(&el);
            el.yaml_only = yaml_only;
            r = doc_load("t.yaml", big, o, &el);
            d = r.d;
            /* A miss in the table makes a new copy: count the copies. */
            uint32_t entries = doc_count(d, d->root), copies = 0, wrong = 0;
            const char *last = NULL;
            for (uint32_t i = 0; i < entries; i++) {
                doc_id ent = doc_val(d, d->root, i);
                const char *ty = doc_str(d, doc_get(d, ent, "Type")), *x = doc_str(d, doc_get(d, ent, "V"));
                if (!ty || strcmp(ty, "AWS::SQS::Queue") != 0 || !x || x[0] != 'x') wrong++;
                if (ty != last) copies++;
                last = ty;
            }
            char why[96];
            snprintf(why, sizeof why, "%u entries, %u copies of their Type, %u wrong", entries, copies, wrong);
            expect(!r.fatal && entries > 5000 && wrong == 0 && copies * 20 < entries,
                   yaml_only ? "a big file shares its repeated scalars (libyaml's road)"
                             : "a big file shares its repeated scalars (fast path)",
                   why);
            doc_free(r.d);
        }
        free(big);
    }

    /* Subtree ranges: every child index lies inside its parent's range. */
    r = load("R:\n  X:\n    Y: [1, {Z: !Ref Q}]\n  W: 2\n");
    d = r.d;
    int inside = 1;
    for (size_t i = 0; i < d->n_nodes; i++) {
        const doc_node *nd = &d->nodes[i];
        if (nd->kind == DOC_SCALAR) continue;
        for (uint32_t k = 0; k < (nd->kind == DOC_MAP ? 2 * nd->len : nd->len); k++) {
            doc_id c = d->items[nd->first + k];
            if (c <= (doc_id)i || c >= doc_subtree_end(d, (doc_id)i)) inside = 0;
        }
    }
    expect(inside, "children lie inside their parent's subtree range", "outside");
    doc_free(r.d);
    return failures ? 1 : 0;
}
