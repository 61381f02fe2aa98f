/* ruledoc: the rule documentation pages as --list-rules, --explain, man page and README table. */
#ifndef SAMLINT_RULEDOC_H
#define SAMLINT_RULEDOC_H

#include <stdio.h>
#include "engine.h"
#include "version.h"

/* Where the rule pages are published (SARIF helpUri). */
#define SAMLINT_RULE_URL SAMLINT_URL "/blob/main/rules/"

/* The text under "## heading" of a rule page, blank lines at both ends
 * trimmed; NULL when the page has no such section. */
const char *ruledoc_section(const char *page, const char *heading, size_t *len);
/* Does the rule's "## Options" section name `name` (in backticks)? */
int ruledoc_has_option(const rule *r, const char *name);
/* A rule by id ("SL202", any case) or name ("low-timeout"); NULL if none. */
const rule *ruledoc_find(const char *id_or_name);
/* The rule's area: "structure", "security", "configuration", "reliability",
 * "handler-code" or "api". */
const char *ruledoc_area(const rule *r);
int ruledoc_is_security(const rule *r);

/* --list-rules in "text", "json", "markdown" (README table) or "man"
 * (man/samlint-rules.7). Returns 0, or -1 for an unknown format. */
int ruledoc_list(FILE *out, const char *format);
/* --explain: the rule's whole page. */
void ruledoc_explain(FILE *out, const rule *r);

#endif
