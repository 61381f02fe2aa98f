/* SL603: see rules/SL603.md; the schema walk lives in src/schema.c. */
#include "../src/schema.h"

RULE_CHECK(SL603)
{
    schema_report(ctx, SCHEMA_SL603);
}
