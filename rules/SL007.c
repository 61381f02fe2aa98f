/* SL007 unused-suppression: a suppression that matches no finding. */
#include "../src/rule.h"

/* Nothing to look at here: suppressions are matched after every rule ran,
 * and src/suppress.c reports the ones that matched nothing under this id. */
RULE_CHECK(SL007)
{
    (void)ctx;
}
