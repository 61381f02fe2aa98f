/* SL604: see rules/SL604.md; the schema walk lives in src/schema.c. */
#include "../src/schema.h"

RULE_CHECK(SL604)
{
    schema_report(ctx, SCHEMA_SL604);
}
