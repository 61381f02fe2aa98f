/* cfg: the .samlint.yaml config file, found from each linted file's folder upward. */
#ifndef SAMLINT_CFG_H
#define SAMLINT_CFG_H

#include <stddef.h>
#include "engine.h"

#define CFG_FILE_NAME ".samlint.yaml"

/* The nearest .samlint.yaml from the working directory upward (malloc'd),
 * or NULL when there is none. */
char *cfg_find(void);
/* The same from the folder `dir` upward (dir resolved first, so ".." and
 * symlinks go where they lead; a folder that does not exist starts at the
 * nearest one above it that does). */
char *cfg_find_in(const char *dir);
/* The same from the folder of the file `path`, as Ruff finds its config:
 * the nearest to the file, whatever the working directory. */
char *cfg_find_for(const char *path);

/* Read `path` into cfg (lists are appended, values replaced). Returns 0, or
 * -1 with "path:line:col: what is wrong" in err: unknown keys, unknown rule
 * ids, bad levels and non-numeric options are errors, not silently ignored. */
int cfg_load(lint_config *cfg, const char *path, char *err, size_t errlen);

/* A rule id, a group prefix ("SL2") or a rule name ("low-timeout") as the
 * id or prefix samlint matches by; NULL when it names no rule. */
const char *cfg_rule_ref(const char *s);
/* The same, case-insensitive, as a new upper-case string ("sl2" -> "SL2",
 * "low-timeout" -> "SL202"; free() it), or NULL. */
char *cfg_rule_canon(const char *s);

#endif
