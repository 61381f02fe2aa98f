# t_oom.sh: cJSON running out of memory (tests/cjson_fail.c, preloaded, makes
# its allocations fail after N). JSON and SARIF write their findings without
# cJSON (src/jsonw.c); cJSON builds only SARIF's frame and the baseline file.
# A failure there is exit 2 with a message and never a truncated document
# that looks like a good run; JSON output does not depend on cJSON at all.
oom_lib="$TMP/cjson_fail.so"
if [ -n "${SAMLINT_SANITIZED:-}" ]; then
    skip "oom: cJSON out of memory" "skipped: a preloaded library cannot come before the sanitizer runtime"
elif ! cc -shared -fPIC -O1 -o "$oom_lib" "$ROOT/tests/cjson_fail.c" -ldl 2> "$TMP/cc.err"; then
    skip "oom: cJSON out of memory" "skipped: cannot build tests/cjson_fail.c: $(head -n 1 "$TMP/cc.err")"
else
    mkdir -p "$TMP/two"
    printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' > "$TMP/two/a.yaml"
    printf 'Resources:\n  R:\n    Type: AWS::SQS::Queue\n' > "$TMP/two/b.yaml"
    oom_run() { LD_PRELOAD="$oom_lib" "$SAMLINT" "$@"; }
    # How many allocations SARIF's frame takes, with none failing.
    oom_total=$(SAMLINT_CJSON_COUNT=1 oom_run -f sarif "$TMP/two" 2>&1 > "$TMP/full.sarif" | sed -n 's/^cjson allocations: //p')
    check_contains "oom: the preloaded library counts cJSON's allocations" "Queue" "$(cat "$TMP/full.sarif")"
    case $oom_total in
    '' | *[!0-9]* | 0) not_ok "oom: SARIF's frame allocates through cJSON" "count: '$oom_total'" ;;
    *)
        for oom_k in 0 1 10 100 $((oom_total / 2)) $((oom_total - 1)); do
            oom_err=$(SAMLINT_CJSON_FAIL_AFTER=$oom_k oom_run -f sarif "$TMP/two" 2>&1 > "$TMP/part.sarif")
            oom_rc=$?
            check "oom: SARIF with cJSON failing after $oom_k of $oom_total allocations is exit 2" 2 "$oom_rc"
            check_contains "oom: SARIF failing after $oom_k allocations says so" "samlint: out of memory rendering the output" "$oom_err"
            check "oom: SARIF failing after $oom_k allocations writes no truncated document" 0 "$(wc -c < "$TMP/part.sarif")"
        done
        SAMLINT_CJSON_FAIL_AFTER=$oom_total oom_run -f sarif "$TMP/two" > "$TMP/last.sarif" 2>&1
        check "oom: SARIF with just enough cJSON allocations is the whole document, exit 1" 1 "$?"
        if cmp -s "$TMP/full.sarif" "$TMP/last.sarif"; then ok "oom: ... and the same document"; else not_ok "oom: ... and the same document" "differs"; fi
        ;;
    esac
    # JSON: both files' findings, byte for byte, with every cJSON allocation failing.
    "$SAMLINT" -f json "$TMP/two" > "$TMP/json.want" 2>&1
    SAMLINT_CJSON_FAIL_AFTER=0 oom_run -f json "$TMP/two" > "$TMP/json.got" 2>&1
    check "oom: JSON with every cJSON allocation failing is exit 1 (findings)" 1 "$?"
    if cmp -s "$TMP/json.want" "$TMP/json.got"; then
        ok "oom: JSON with every cJSON allocation failing keeps both files' findings, byte for byte"
    else
        not_ok "oom: JSON with every cJSON allocation failing keeps both files' findings, byte for byte" "$(diff "$TMP/json.want" "$TMP/json.got" | head -n 4)"
    fi
    check_contains "oom: ... the second file's finding among them" '"file":	"'"$TMP"'/two/b.yaml"' "$(cat "$TMP/json.got")"
    # The baseline file is one cJSON document: not written, and said so.
    oom_err=$(SAMLINT_CJSON_FAIL_AFTER=5 oom_run --write-baseline "$TMP/bl.json" "$TMP/two" 2>&1)
    check "oom: --write-baseline with cJSON failing is exit 2" 2 "$?"
    check_contains "oom: --write-baseline with cJSON failing says so" "out of memory rendering the baseline; not written" "$oom_err"
    if [ -e "$TMP/bl.json" ]; then not_ok "oom: no partial baseline file is left" "$TMP/bl.json exists"; else ok "oom: no partial baseline file is left"; fi
fi
