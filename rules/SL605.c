/* SL605: see rules/SL605.md; the schema walk lives in src/schema.c. */
#include "../src/schema.h"

RULE_CHECK(SL605)
{
    schema_report(ctx, SCHEMA_SL605);
}
