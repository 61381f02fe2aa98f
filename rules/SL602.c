/* SL602: see rules/SL602.md; the schema walk lives in src/schema.c. */
#include "../src/schema.h"

RULE_CHECK(SL602)
{
    schema_report(ctx, SCHEMA_SL602);
}
