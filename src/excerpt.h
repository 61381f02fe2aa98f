/* excerpt: the source line under a finding, with a caret under its column. */
#ifndef SAMLINT_EXCERPT_H
#define SAMLINT_EXCERPT_H

#include <stdint.h>
#include <stdio.h>

#include "obuf.h"

/* Print the source line `line_text` (line number `line`), then a caret
 * under column `col` (1-based, in characters) spanning to `end_col` when the
 * finding ends on the same line. Tabs are kept so the caret lines up;
 * control characters and invalid UTF-8 show as '?'; a long line is cut to a
 * window around the column. `caret_color` (an ANSI sequence, or NULL)
 * colours the caret. Nothing is printed when the column is not in the text. */
void excerpt_print(FILE *out, const char *line_text, uint32_t line, uint32_t col,
                   uint32_t end_line, uint32_t end_col, const char *caret_color);
/* The same, into a buffer. */
void excerpt_put(obuf *out, const char *line_text, uint32_t line, uint32_t col,
                 uint32_t end_line, uint32_t end_col, const char *caret_color);

#endif
