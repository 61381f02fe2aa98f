/* SL609 invalid-template-section: what CloudFormation rejects outside the resources themselves. */
#include "../src/rule.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/rx.h"
#include "../src/suggest.h"

#define SAM_TRANSFORM "AWS::Serverless-2016-10-31"

/* CloudFormation's quotas (Understand CloudFormation quotas, User Guide). */
enum {
    MAX_RESOURCES = 500, MAX_PARAMETERS = 200, MAX_OUTPUTS = 200, MAX_MAPPINGS = 200,
    MAX_NAME = 255, MAX_DESCRIPTION = 1024, MAX_BODY = 1024 * 1024, MAX_MAPPING_ATTRIBUTES = 200,
    MAX_PARAMETER_VALUE = 4096,
    MAX_PATTERN = 1024 /* longer AllowedPattern values are not judged */
};

static const char *const sections[] = {
    "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
    "Conditions", "Transform", "Resources", "Outputs", "Hooks", NULL,
};
static const char *const param_keys[] = {
    "Type", "Default", "AllowedValues", "AllowedPattern", "ConstraintDescription", "Description",
    "MaxLength", "MaxValue", "MinLength", "MinValue", "NoEcho", NULL,
};
static const char *const output_keys[] = {"Description", "Value", "Export", "Condition", NULL};
static const char *const condition_fns[] = {"Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals", "Condition", NULL};

/* The AWS-specific parameter types (they also come as List<...> and inside
 * AWS::SSM::Parameter::Value<...>). */
static const char *const aws_param_types[] = {
    "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id", "AWS::EC2::Instance::Id",
    "AWS::EC2::KeyPair::KeyName", "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id",
    "AWS::EC2::Subnet::Id", "AWS::EC2::VPC::Id", "AWS::EC2::Volume::Id", "AWS::Route53::HostedZone::Id", NULL,
};

static int in_list(const char *const *list, const char *s, size_t len)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0) return 1;
    return 0;
}

/* The closest name of `list` to `s`, or NULL. */
static const char *closest(const char *const *list, const char *s, size_t len)
{
    suggest sg;
    suggest_init(&sg, s, len);
    for (int i = 0; list[i]; i++) suggest_offer(&sg, list[i], strlen(list[i]));
    return suggest_best(&sg, NULL);
}

static int wrapped(const char *s, size_t len, const char *pre, const char **in, size_t *in_len)
{
    size_t n = strlen(pre);
    if (len <= n + 1 || memcmp(s, pre, n) != 0 || s[len - 1] != '>') return 0;
    *in = s + n;
    *in_len = len - n - 1;
    return 1;
}

/* A parameter type CloudFormation knows: String, Number, CommaDelimitedList,
 * List<Number|String>, an AWS-specific type, a list of one, or an SSM
 * parameter type of any of these. */
static int param_type_ok(const char *s, size_t len, int ssm_inner)
{
    const char *in;
    size_t n;
    if (in_list(aws_param_types, s, len)) return 1;
    if ((len == 6 && memcmp(s, "String", 6) == 0) || (len == 6 && memcmp(s, "Number", 6) == 0)) return 1;
    if (len == 18 && memcmp(s, "CommaDelimitedList", 18) == 0) return 1;
    if (wrapped(s, len, "List<", &in, &n))
        return in_list(aws_param_types, in, n) || (n == 6 && (memcmp(in, "Number", 6) == 0 || memcmp(in, "String", 6) == 0));
    if (len == 23 && memcmp(s, "AWS::SSM::Parameter::Name", 23) == 0) return 1;
    if (!ssm_inner && wrapped(s, len, "AWS::SSM::Parameter::Value<", &in, &n))
        return (n == 25 && memcmp(in, "AWS::SSM::Parameter::Name", 25) == 0) || param_type_ok(in, n, 1);
    return 0;
}

static const char *type_suggestion(const char *s, size_t len)
{
    static const char *const common[] = {
        "String", "Number", "CommaDelimitedList", "List<Number>", "List<String>", "AWS::SSM::Parameter::Name",
        "AWS::SSM::Parameter::Value<String>", "AWS::SSM::Parameter::Value<List<String>>",
        "List<AWS::EC2::Subnet::Id>", "List<AWS::EC2::SecurityGroup::Id>", NULL,
    };
    const char *best = closest(common, s, len);
    return best ? best : closest(aws_param_types, s, len);
}

/* A one-key mapping that is an intrinsic function, Ref or Condition. */
static int is_intrinsic(const doc *d, doc_id n)
{
    doc_id arg;
    return doc_intrinsic(d, n, &arg) != NULL;
}

static int is_foreach_key(const char *k)
{
    return strncmp(k, "Fn::ForEach::", 13) == 0;
}

/* More entries in a section than CloudFormation allows: reported at the
 * first one over. */
static void check_quota(lint_ctx *ctx, doc_id section, const char *what, uint32_t max)
{
    uint32_t n = doc_count(ctx->d, section);
    if (n > max)
        report(ctx, doc_key(ctx->d, section, max), "template declares %u %s: CloudFormation allows at most %u", n, what, max);
}

/* A logical id: alphanumeric, at most 255 characters. */
static void check_logical_id(lint_ctx *ctx, const char *what, const char *id, doc_id key, const char *owner)
{
    size_t len = strlen(id);
    if (strncmp(id, "Fn::", 4) == 0) return;  /* Fn::ForEach loops, Fn::Transform */
    if (len > MAX_NAME) {
        report_for(ctx, owner, key, "%s name is %zu characters long: CloudFormation allows at most %d", what, len,
                   MAX_NAME);
        return;
    }
    for (size_t i = 0; i < len; i++) {
        char c = id[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            report_for(ctx, owner, key, "%s name '%s' is not alphanumeric: CloudFormation allows only A-Z, a-z and 0-9",
                       what, id);
            return;
        }
    }
    if (len == 0) report_for(ctx, owner, key, "%s name is empty", what);
}

static int parse_number(const char *s, double *out)
{
    if (!s || !*s) return 0;
    char *end;
    double v = strtod(s, &end);
    while (*end == ' ') end++;
    if (*end || !isfinite(v)) return 0;
    *out = v;
    return 1;
}

static int number_attr(const doc *d, doc_id p, const char *key, double *out)
{
    doc_id v = doc_get(d, p, key);
    return doc_is_scalar(d, v) && parse_number(doc_str(d, v), out);
}

/* UTF-8 characters of a string. */
static size_t char_len(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

/* Does the parameter's scalar Default `dv` pass its own Type and constraints? */
static void check_default(lint_ctx *ctx, const char *id, doc_id pm, doc_id dv, const char *type, size_t judged)
{
    const doc *d = ctx->d;
    if (doc_is_null(d, dv) && !(doc_at(d, dv)->style & DOC_QUOTED)) return;
    const char *val = doc_str(d, dv);
    size_t vlen = doc_at(d, dv)->len;
    double num = 0;
    int is_number = strcmp(type, "Number") == 0;
    if (is_number && !parse_number(val, &num)) {
        report_for(ctx, id, dv, "Default '%s' of parameter '%s' is not a number (its Type is Number)", val, id);
        return;
    }
    if (strcmp(type, "List<Number>") == 0) {
        const char *s = val;
        while (1) {
            const char *comma = strchr(s, ',');
            size_t n = comma ? (size_t)(comma - s) : strlen(s);
            char item[64];
            double x;
            if (n >= sizeof item) break;
            memcpy(item, s, n);
            item[n] = '\0';
            char *q = item;
            while (*q == ' ') q++;
            if (!parse_number(q, &x)) {
                report_for(ctx, id, dv, "Default '%s' of parameter '%s' is not a list of numbers ('%s')", val, id,
                           item);
                return;
            }
            if (!comma) break;
            s = comma + 1;
        }
        return;
    }
    if (!is_number && strcmp(type, "String") != 0) return;  /* lists and AWS types: looked up at deploy time */

    doc_id av = doc_get(d, pm, "AllowedValues");
    if (doc_is_seq(d, av)) {
        int found = 0;
        for (uint32_t i = 0; i < doc_count(d, av) && !found; i++) {
            doc_id it = doc_item(d, av, i);
            const char *a = doc_str(d, it);
            double an;
            if (!a) { found = 1; break; }  /* not a literal: not judged */
            if (strcmp(a, val) == 0 || (is_number && parse_number(a, &an) && an == num)) found = 1;
        }
        if (!found) {
            report_for(ctx, id, dv, "Default '%s' of parameter '%s' is not one of its AllowedValues", val, id);
            return;
        }
    }
    double lo, hi;
    if (is_number) {
        if (number_attr(d, pm, "MinValue", &lo) && num < lo)
            report_for(ctx, id, dv, "Default %s of parameter '%s' is below its MinValue %g", val, id, lo);
        else if (number_attr(d, pm, "MaxValue", &hi) && num > hi)
            report_for(ctx, id, dv, "Default %s of parameter '%s' is above its MaxValue %g", val, id, hi);
        return;
    }
    size_t chars = char_len(val, vlen);
    if (number_attr(d, pm, "MinLength", &lo) && (double)chars < lo) {
        report_for(ctx, id, dv, "Default '%s' of parameter '%s' is shorter than its MinLength %g", val, id, lo);
        return;
    }
    if (number_attr(d, pm, "MaxLength", &hi) && (double)chars > hi) {
        report_for(ctx, id, dv, "Default of parameter '%s' is %zu characters long, more than its MaxLength %g", id,
                   chars, hi);
        return;
    }
    doc_id ap = doc_get(d, pm, "AllowedPattern");
    const char *pat = doc_str(d, ap);
    if (!pat || judged >= MAX_PARAMETERS || doc_at(d, ap)->len > MAX_PATTERN) return;
    /* CloudFormation matches the whole value (Java's matches()). */
    size_t plen = doc_at(d, ap)->len;
    char *whole = lint_alloc(ctx, plen + 10);
    snprintf(whole, plen + 10, "\\A(?:%s)\\z", pat);
    const rx *re = rx_try(whole, RX_UTF | RX_NO_JIT);
    size_t ov[2];
    if (re && !rx_find(re, val, vlen, 0, ov, 1))
        report_for(ctx, id, dv, "Default '%s' of parameter '%s' does not match its AllowedPattern '%s'", val, id,
                   pat);
}

static void check_parameters(lint_ctx *ctx)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    if (t->parameters == DOC_NONE || doc_is_null(d, t->parameters)) return;  /* an empty section: not judged */
    if (!doc_is_map(d, t->parameters)) {
        report(ctx, t->parameters, "Parameters must be a mapping of parameter names to their definitions");
        return;
    }
    uint32_t n = doc_count(d, t->parameters);
    check_quota(ctx, t->parameters, "parameters", MAX_PARAMETERS);
    size_t judged = 0;
    for (uint32_t i = 0; i < n; i++) {
        doc_id key = doc_key(d, t->parameters, i), pm = doc_val(d, t->parameters, i);
        const char *id = doc_str(d, key);
        if (!id) continue;
        check_logical_id(ctx, "parameter", id, key, id);
        if (!doc_is_map(d, pm)) {
            report_for(ctx, id, doc_is_null(d, pm) ? key : pm, "parameter '%s' must be a mapping with a Type", id);
            continue;
        }
        for (uint32_t k = 0; k < doc_count(d, pm); k++) {
            doc_id kk = doc_key(d, pm, k);
            const char *name = doc_str(d, kk);
            if (!name || in_list(param_keys, name, strlen(name))) continue;
            const char *best = closest(param_keys, name, strlen(name));
            report_for(ctx, id, kk, "unknown attribute '%s' of parameter '%s'%s%s%s", name, id,
                       best ? ": did you mean '" : "", best ? best : "", best ? "'?" : "");
        }
        doc_id dv = doc_get(d, pm, "Default");
        if (dv != DOC_NONE && !doc_is_scalar(d, dv)) {
            report_for(ctx, id, dv, "Default of parameter '%s' must be a string (a list's items separated by commas), not a %s",
                       id, doc_is_seq(d, dv) ? "list" : "mapping");
            dv = DOC_NONE;
        }
        doc_id tv = doc_get(d, pm, "Type");
        if (tv == DOC_NONE) {
            report_for(ctx, id, key, "parameter '%s' lacks its Type", id);
            continue;
        }
        const char *type = doc_str(d, tv);
        if (!type || doc_is_null(d, tv)) {
            report_for(ctx, id, tv, "Type of parameter '%s' must be a string such as String or Number", id);
            continue;
        }
        size_t tlen = strlen(type);
        if (!param_type_ok(type, tlen, 0)) {
            const char *best = type_suggestion(type, tlen);
            report_for(ctx, id, tv, "'%s' is not a parameter type%s%s%s", type, best ? ": did you mean '" : "",
                       best ? best : "", best ? "'?" : " (String, Number, CommaDelimitedList, List<...>, AWS-specific or SSM types)");
            continue;
        }
        if (dv != DOC_NONE && doc_at(d, dv)->len > MAX_PARAMETER_VALUE) {
            report_for(ctx, id, dv, "Default of parameter '%s' is %u bytes long: CloudFormation takes parameter values of at most %d bytes",
                       id, doc_at(d, dv)->len, MAX_PARAMETER_VALUE);
            continue;
        }
        if (dv != DOC_NONE) check_default(ctx, id, pm, dv, type, judged++);
    }
}

static void check_outputs(lint_ctx *ctx)
{
    const doc *d = ctx->d;
    doc_id outs = ctx->t->outputs;
    if (outs == DOC_NONE || doc_is_null(d, outs)) return;  /* an empty section: not judged */
    if (!doc_is_map(d, outs)) {
        report(ctx, outs, "Outputs must be a mapping of output names to their definitions");
        return;
    }
    uint32_t n = doc_count(d, outs);
    check_quota(ctx, outs, "outputs", MAX_OUTPUTS);
    for (uint32_t i = 0; i < n; i++) {
        doc_id key = doc_key(d, outs, i), om = doc_val(d, outs, i);
        const char *id = doc_str(d, key);
        if (!id || is_foreach_key(id)) continue;
        check_logical_id(ctx, "output", id, key, id);
        if (!doc_is_map(d, om)) {
            report_for(ctx, id, doc_is_null(d, om) ? key : om, "output '%s' must be a mapping with a Value", id);
            continue;
        }
        if (is_intrinsic(d, om)) continue;  /* Fn::If over whole outputs and the like: not judged */
        for (uint32_t k = 0; k < doc_count(d, om); k++) {
            doc_id kk = doc_key(d, om, k);
            const char *name = doc_str(d, kk);
            if (!name || in_list(output_keys, name, strlen(name)) || strncmp(name, "Fn::", 4) == 0) continue;
            const char *best = closest(output_keys, name, strlen(name));
            report_for(ctx, id, kk, "unknown attribute '%s' of output '%s'%s%s%s", name, id,
                       best ? ": did you mean '" : "", best ? best : "", best ? "'?" : " (it takes Description, Value, Export, Condition)");
        }
        doc_id ds = doc_get(d, om, "Description");
        if (ds != DOC_NONE && !doc_is_scalar(d, ds))
            report_for(ctx, id, ds, "Description of output '%s' must be a literal string (no parameter or function), not a %s", id,
                       doc_is_seq(d, ds) ? "list" : is_intrinsic(d, ds) ? "function" : "mapping");
        else if (ds != DOC_NONE && doc_at(d, ds)->len > MAX_DESCRIPTION)
            report_for(ctx, id, ds, "Description of output '%s' is %u bytes long: CloudFormation allows at most %d", id,
                       doc_at(d, ds)->len, MAX_DESCRIPTION);
        doc_id v = doc_get(d, om, "Value");
        if (v == DOC_NONE) {
            if (doc_get(d, om, "Fn::Transform") == DOC_NONE) report_for(ctx, id, key, "output '%s' lacks its Value", id);
        } else if (doc_is_seq(d, v) || (doc_is_map(d, v) && !is_intrinsic(d, v))) {
            report_for(ctx, id, v, "Value of output '%s' must be a string, not a %s (join a list with Fn::Join)", id,
                       doc_is_seq(d, v) ? "list" : "mapping");
        } else if (doc_is_null(d, v) && !(doc_at(d, v)->style & DOC_QUOTED)) {
            report_for(ctx, id, v, "Value of output '%s' is empty", id);
        }
        doc_id ex = doc_get(d, om, "Export");
        if (ex == DOC_NONE) continue;
        if (!doc_is_map(d, ex) || is_intrinsic(d, ex)) {
            if (!is_intrinsic(d, ex)) report_for(ctx, id, ex, "Export of output '%s' must be a mapping with a Name", id);
            continue;
        }
        if (doc_get(d, ex, "Name") == DOC_NONE)
            report_for(ctx, id, doc_get_key(d, om, "Export"), "Export of output '%s' lacks its Name", id);
    }
}

static void check_conditions(lint_ctx *ctx)
{
    const doc *d = ctx->d;
    doc_id cs = ctx->t->conditions;
    if (cs == DOC_NONE || doc_is_null(d, cs)) return;  /* an empty section: not judged */
    if (!doc_is_map(d, cs)) {
        report(ctx, cs, "Conditions must be a mapping of condition names to condition functions");
        return;
    }
    for (uint32_t i = 0; i < doc_count(d, cs); i++) {
        doc_id key = doc_key(d, cs, i), v = doc_val(d, cs, i);
        const char *id = doc_str(d, key);
        if (!id || is_foreach_key(id) || strcmp(id, "Fn::Transform") == 0) continue;
        int b;
        if (doc_is_scalar(d, v) && doc_get_bool(d, v, &b) && !(doc_at(d, v)->style & DOC_QUOTED)) continue;
        doc_id arg;
        const char *fn = doc_intrinsic(d, v, &arg);
        if (fn && in_list(condition_fns, fn, strlen(fn))) continue;
        if (doc_is_map(d, v) && doc_count(d, v) == 1) {
            const char *k = doc_str(d, doc_key(d, v, 0));
            if (k && (in_list(condition_fns, k, strlen(k)) || strcmp(k, "Fn::Transform") == 0)) continue;
        }
        if (fn)
            report_for(ctx, NULL, v, "condition '%s' is %s, not a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition)",
                       id, fn);
        else
            report_for(ctx, NULL, doc_is_null(d, v) ? key : v,
                       "condition '%s' is not a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition)", id);
    }
}

static void check_mappings(lint_ctx *ctx)
{
    const doc *d = ctx->d;
    doc_id ms = ctx->t->mappings;
    if (ms == DOC_NONE) return;
    if (!doc_is_map(d, ms)) {
        report(ctx, ms, "Mappings must be a mapping of mapping names to two levels of keys");
        return;
    }
    uint32_t n = doc_count(d, ms);
    check_quota(ctx, ms, "mappings", MAX_MAPPINGS);
    for (uint32_t i = 0; i < n; i++) {
        doc_id key = doc_key(d, ms, i), m = doc_val(d, ms, i);
        const char *id = doc_str(d, key);
        if (!id || strcmp(id, "Fn::Transform") == 0) continue;
        check_logical_id(ctx, "mapping", id, key, NULL);
        if (!doc_is_map(d, m)) {
            report(ctx, doc_is_null(d, m) ? key : m, "mapping '%s' must be a mapping of keys to mappings of values", id);
            continue;
        }
        for (uint32_t j = 0; j < doc_count(d, m); j++) {
            doc_id k2 = doc_key(d, m, j), m2 = doc_val(d, m, j);
            const char *s2 = doc_str(d, k2);
            if (!s2 || strcmp(s2, "Fn::Transform") == 0) continue;
            if (!doc_is_map(d, m2)) {
                report(ctx, doc_is_null(d, m2) ? k2 : m2,
                       "Mappings entry '%s.%s' must be a mapping of keys to values (Mappings are two levels deep)", id, s2);
                continue;
            }
            if (doc_count(d, m2) > MAX_MAPPING_ATTRIBUTES)
                report(ctx, doc_key(d, m2, MAX_MAPPING_ATTRIBUTES), "Mappings entry '%s.%s' declares %u attributes: CloudFormation allows at most %d",
                       id, s2, doc_count(d, m2), MAX_MAPPING_ATTRIBUTES);
            for (uint32_t k = 0; k < doc_count(d, m2); k++) {
                doc_id v = doc_val(d, m2, k);
                const char *s3 = doc_str(d, doc_key(d, m2, k));
                if (!s3 || strcmp(s3, "Fn::Transform") == 0) continue;
                if (strlen(s3) > MAX_NAME)
                    report(ctx, doc_key(d, m2, k), "Mappings attribute name in '%s.%s' is %zu characters long: CloudFormation allows at most %d",
                           id, s2, strlen(s3), MAX_NAME);
                if (doc_is_map(d, v))
                    report(ctx, v, "Mappings value '%s.%s.%s' is a mapping: Mappings are two levels deep, values are strings or lists",
                           id, s2, s3);
                else if (doc_is_null(d, v) && !(doc_at(d, v)->style & DOC_QUOTED))
                    report(ctx, doc_key(d, m2, k), "Mappings value '%s.%s.%s' is null", id, s2, s3);
            }
        }
    }
}

/* Rules: each rule a mapping with an optional RuleCondition and the
 * Assertions, a list of {Assert, AssertDescription} (User Guide, "Rules
 * section syntax"). Other keys are not judged: the guide does not say
 * CloudFormation refuses them (AWS's own samples carry an
 * 'AssetDescription'). */
static void check_rules(lint_ctx *ctx, doc_id rules)
{
    const doc *d = ctx->d;
    for (uint32_t i = 0; i < doc_count(d, rules); i++) {
        doc_id key = doc_key(d, rules, i), r = doc_val(d, rules, i);
        const char *id = doc_str(d, key);
        if (!id || strncmp(id, "Fn::", 4) == 0) continue;
        if (!doc_is_map(d, r) || is_intrinsic(d, r)) {
            if (!is_intrinsic(d, r))
                report(ctx, doc_is_null(d, r) ? key : r, "rule '%s' must be a mapping with Assertions (and an optional RuleCondition)", id);
            continue;
        }
        doc_id as = doc_get(d, r, "Assertions");
        if (as == DOC_NONE) {
            report(ctx, key, "rule '%s' lacks its Assertions", id);
            continue;
        }
        if (is_intrinsic(d, as)) continue;
        if (!doc_is_seq(d, as)) {
            report(ctx, as, "Assertions of rule '%s' must be a list of mappings with an Assert", id);
            continue;
        }
        for (uint32_t k = 0; k < doc_count(d, as); k++) {
            doc_id a = doc_item(d, as, k);
            if (!doc_is_map(d, a) || (is_intrinsic(d, a) && doc_get(d, a, "Assert") == DOC_NONE)) {
                if (!is_intrinsic(d, a)) report(ctx, a, "assertion %u of rule '%s' must be a mapping with an Assert", k + 1, id);
                continue;
            }
            if (doc_get(d, a, "Assert") == DOC_NONE) report(ctx, a, "assertion %u of rule '%s' lacks its Assert", k + 1, id);
            doc_id ad = doc_get(d, a, "AssertDescription");
            if (ad != DOC_NONE && !doc_is_scalar(d, ad))
                report(ctx, ad, "AssertDescription of rule '%s' must be a string", id);
        }
    }
}

/* Hooks: CodeDeploy blue/green deployments of ECS, the one hook type a
 * template's Hooks section takes, with the AWS::CodeDeployBlueGreen
 * transform (User Guide, "Perform ECS blue/green deployments through
 * CodeDeploy using CloudFormation"). */
static void check_hooks(lint_ctx *ctx, doc_id hooks, int has_transform)
{
    const doc *d = ctx->d;
    if (!has_transform && doc_count(d, hooks)) {
        report(ctx, doc_get_key(d, ctx->t->root, "Hooks"), "Hooks needs 'Transform: AWS::CodeDeployBlueGreen' (the blue/green hook runs through it)");
        return;
    }
    for (uint32_t i = 0; i < doc_count(d, hooks); i++) {
        doc_id key = doc_key(d, hooks, i), h = doc_val(d, hooks, i);
        const char *id = doc_str(d, key);
        if (!id) continue;
        check_logical_id(ctx, "hook", id, key, NULL);
        if (!doc_is_map(d, h)) {
            report(ctx, doc_is_null(d, h) ? key : h, "hook '%s' must be a mapping with a Type and Properties", id);
            continue;
        }
        doc_id tv = doc_get(d, h, "Type");
        if (tv == DOC_NONE) {
            report(ctx, key, "hook '%s' lacks its Type (AWS::CodeDeploy::BlueGreen)", id);
            continue;
        }
        if (!doc_str_eq(d, tv, "AWS::CodeDeploy::BlueGreen")) {
            report(ctx, tv, "hook '%s' has Type '%s': the Hooks section takes AWS::CodeDeploy::BlueGreen", id,
                   doc_str(d, tv) ? doc_str(d, tv) : "(not a string)");
            continue;
        }
        doc_id pv = doc_get(d, h, "Properties");
        if (pv == DOC_NONE || !doc_is_map(d, pv)) {
            report(ctx, pv == DOC_NONE ? key : pv, "hook '%s' needs Properties with a ServiceRole and Applications", id);
            continue;
        }
        const char *lacks[2];
        int n = 0;
        if (doc_get(d, pv, "ServiceRole") == DOC_NONE) lacks[n++] = "ServiceRole";
        if (doc_get(d, pv, "Applications") == DOC_NONE) lacks[n++] = "Applications";
        if (n) report(ctx, doc_get_key(d, h, "Properties"), "hook '%s' lacks %s%s%s", id, lacks[0], n > 1 ? " and " : "", n > 1 ? lacks[1] : "");
    }
}

/* Does the template's Transform name `name` (a string or a list)? */
static int names_transform(const doc *d, doc_id tr, const char *name)
{
    if (doc_str_eq(d, tr, name)) return 1;
    for (uint32_t i = 0; doc_is_seq(d, tr) && i < doc_count(d, tr); i++)
        if (doc_str_eq(d, doc_item(d, tr, i), name)) return 1;
    return 0;
}

/* The Transform names only macros that leave Hooks as they are:
 * AWS::CodeDeployBlueGreen reads it, SAM and the language extensions. */
static int only_bluegreen_macro(const doc *d, doc_id tr)
{
    uint32_t n = doc_is_seq(d, tr) ? doc_count(d, tr) : 1;
    for (uint32_t i = 0; i < n; i++) {
        doc_id it = doc_is_seq(d, tr) ? doc_item(d, tr, i) : tr;
        if (!doc_str_eq(d, it, "AWS::CodeDeployBlueGreen") && !doc_str_eq(d, it, SAM_TRANSFORM) &&
            !doc_str_eq(d, it, "AWS::LanguageExtensions"))
            return 0;
    }
    return 1;
}

RULE_CHECK(SL609)
{
    const doc *d = ctx->d;
    const tmpl *t = ctx->t;
    doc_id hooks = doc_get(d, t->root, "Hooks");
    int bluegreen = names_transform(d, t->transform, "AWS::CodeDeployBlueGreen");
    if (t->macro) {
        /* A macro may add or read sections samlint cannot see; the
         * blue/green transform only reads Hooks. */
        if (bluegreen && only_bluegreen_macro(d, t->transform) && doc_is_map(d, hooks)) check_hooks(ctx, hooks, 1);
        return;
    }
    int sam = t->sam_transform;
    int has_sam_resource = 0;
    for (size_t i = 0; i < t->n_res; i++) has_sam_resource |= t->res[i].is_sam;

    for (uint32_t i = 0; i < doc_count(d, t->root); i++) {
        doc_id key = doc_key(d, t->root, i), v = doc_val(d, t->root, i);
        const char *name = doc_str(d, key);
        if (!name) continue;
        size_t len = strlen(name);
        if (strcmp(name, "Globals") == 0) {
            /* Without the transform: SL601 says so at the SAM resources. */
            if (!sam && !has_sam_resource)
                report(ctx, key, "Globals is a SAM section: it needs 'Transform: %s'", SAM_TRANSFORM);
            continue;
        }
        if (!in_list(sections, name, len)) {
            const char *best = closest(sections, name, len);
            report(ctx, key, "unknown top-level section '%s'%s%s%s", name, best ? ": did you mean '" : "",
                   best ? best : "", best ? "'?" : "");
            continue;
        }
        if (strcmp(name, "AWSTemplateFormatVersion") == 0) {
            const char *s = doc_str(d, v);
            if (!s || strcmp(s, "2010-09-09") != 0)
                report(ctx, v, "AWSTemplateFormatVersion must be '2010-09-09', the only version there is%s%s%s",
                       s ? " (got '" : "", s ? s : "", s ? "')" : "");
        } else if (strcmp(name, "Description") == 0) {
            if (!doc_is_scalar(d, v))
                report(ctx, v, "the template Description must be a string");
            else if (doc_at(d, v)->len > MAX_DESCRIPTION)
                report(ctx, v, "the template Description is %u bytes long: CloudFormation allows at most %d",
                       doc_at(d, v)->len, MAX_DESCRIPTION);
        } else if ((strcmp(name, "Metadata") == 0 || strcmp(name, "Rules") == 0 || strcmp(name, "Hooks") == 0) &&
                   !doc_is_map(d, v)) {
            report(ctx, v, "%s must be a mapping", name);
        } else if (strcmp(name, "Rules") == 0) {
            check_rules(ctx, v);
        } else if (strcmp(name, "Hooks") == 0) {
            check_hooks(ctx, v, bluegreen);
        }
    }

    check_parameters(ctx);
    check_outputs(ctx);
    check_conditions(ctx);
    check_mappings(ctx);

    if (t->n_res > MAX_RESOURCES)
        report(ctx, t->res[MAX_RESOURCES].key, "template declares %zu resources: CloudFormation allows at most %d", t->n_res,
               MAX_RESOURCES);
    for (size_t i = 0; i < t->n_res; i++) check_logical_id(ctx, "resource", t->res[i].id, t->res[i].key, t->res[i].id);
    if (d->text_len > MAX_BODY)
        report(ctx, doc_key(d, t->root, 0), "template is %zu bytes: CloudFormation takes at most 1 MB (%d bytes) from S3",
               d->text_len, MAX_BODY);
}
