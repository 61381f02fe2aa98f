# t_code: src/code.c unit test, and handler code that cannot be read (sourced by tests/run).

unit_bin="$TMP/unit_code"
unit_dir="$TMP/unit_code.d"
mkdir -p "$unit_dir"
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$unit_bin" "$ROOT/tests/unit_code.c" \
        "$ROOT/src/code.c" "$ROOT/src/rx.c" -lpcre2-8 -lpthread 2>"$TMP/unit_code.err"; then
    if "$unit_bin" "$unit_dir" >"$TMP/unit_code.out" 2>&1; then
        ok "code: unit test ($(tail -n 1 "$TMP/unit_code.out"))"
    else
        not_ok "code: unit test" "$(grep FAIL "$TMP/unit_code.out" | head -n 5)"
    fi
else
    not_ok "code: unit test builds" "$(head -n 5 "$TMP/unit_code.err")"
fi
