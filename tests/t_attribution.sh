# t_attribution.sh: every finding names its owner and a resource-level Metadata
# suppression covers it; spans stay inside their resource; no rule reports twice
# at one place (fixtures, and the shared corpus when present). See attribution.py.
if ! python3 -c 'import yaml' 2>/dev/null; then
    skip "attribution" "python3-yaml is not installed (make test-deps)"
    return 0 2>/dev/null || exit 0
fi
python3 "$ROOT/tests/attribution.py" --select-all > "$TMP/attribution.txt" 2> "$TMP/attribution.err"
rc=$?
[ "$rc" -eq 0 ] || not_ok "attribution.py runs" "exit $rc: $(head -c 400 "$TMP/attribution.err")"
while IFS= read -r line; do
    case "$line" in
        "ok "*) ok "${line#ok }" ;;
        "not ok "*) rest=${line#not ok }; not_ok "${rest%%: *}" "${rest#*: }" ;;
        "skip "*) rest=${line#skip }; skip "${rest%%: *}" "${rest#*: }" ;;
    esac
done < "$TMP/attribution.txt"

# SL001 says what to do for the usual causes, and shows the line.
sl001=$("$SAMLINT" --select SL001 "$ROOT/fixtures/SL001/tab.bad.yaml" "$ROOT/fixtures/SL001/bad.yaml" 2>&1)
check_contains "SL001: a tab in the indentation says to use spaces" "a tab in the indentation: YAML indents with spaces only" "$sl001"
check_contains "SL001: an unclosed quote says to close it" "a quoted string is never closed" "$sl001"
check_contains "SL001 findings get an excerpt" "    5 | " "$sl001"
