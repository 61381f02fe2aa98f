/* SL606: see rules/SL606.md; the schema walk lives in src/schema.c. */
#include "../src/schema.h"

RULE_CHECK(SL606)
{
    schema_report(ctx, SCHEMA_SL606);
}
