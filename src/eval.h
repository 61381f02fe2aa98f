/* eval: what a value can be: Ref to a parameter Default, both !If branches, !Sub parts. */
#ifndef SAMLINT_EVAL_H
#define SAMLINT_EVAL_H

#include "tmpl.h"

/* One possible concrete value of a node. `value` is a scalar or collection
 * node that is no intrinsic (after following Ref to a parameter Default and
 * both branches of Fn::If); `site` is where the user wrote the thing that
 * led to it (the Ref, or the branch), for positions. */
typedef struct eval_value {
    doc_id value;
    doc_id site;
} eval_value;

#define EVAL_MAX 16

/* Fill up to EVAL_MAX values; returns how many, or -1 when some branch
 * cannot be evaluated (unknown: rules skip it). AWS::NoValue yields no value. */
int eval_values(const tmpl *t, doc_id node, eval_value *out);

/* Convenience for the common case: every possible value is a scalar; call
 * fn on each. Returns -1 when unknown (fn not called), else the count. */
int eval_each_scalar(const tmpl *t, doc_id node,
                     void (*fn)(void *user, const char *s, doc_id site), void *user);

/* !Sub parsing. */
enum eval_sub_kind { SUB_TEXT, SUB_VAR, SUB_LITERAL /* ${!x} */ };
typedef struct eval_sub_part {
    enum eval_sub_kind kind;
    const char *start; size_t len;   /* into the scalar's text */
    size_t name_len;                  /* SUB_VAR: length of the part before the first '.' */
} eval_sub_part;
/* Calls fn for each part in order (fn returns nonzero to stop early);
 * returns 0, or -1 on an unterminated ${. */
int eval_sub_parse(const char *s, int (*fn)(void *user, const eval_sub_part *p), void *user);

/* Pseudo parameters (AWS::Region, ...). */
int eval_is_pseudo(const char *name);

#endif
