/* SL607: see rules/SL607.md; the schema walk lives in src/schema.c. */
#include "../src/schema.h"

RULE_CHECK(SL607)
{
    schema_report(ctx, SCHEMA_SL607);
}
