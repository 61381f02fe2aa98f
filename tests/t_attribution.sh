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

# One finding per cause: two functions that run one handler file get one
# finding per rule at the code line, naming both.
shared=$(cd "$ROOT/fixtures/SL401/shared-handler" && "$SAMLINT" --select SL401,SL402,SL403,SL404,SL405,SL406 \
    --format json --fail-on never template.yaml | python3 -c '
import json, sys
found = json.load(sys.stdin)["findings"]
for rule in ("SL401", "SL402", "SL403", "SL404", "SL405", "SL406"):
    mine = [f for f in found if f["rule"] == rule]
    if len(mine) != 1:
        print("%s: %d findings" % (rule, len(mine)))
    elif mine[0]["file"] != "src/app.js" or not mine[0]["message"].endswith("; applies to One, Two"):
        print("%s: %s %s" % (rule, mine[0]["file"], mine[0]["message"][-60:]))
' 2>&1)
check "one finding per rule in a handler file two functions share, naming both" "" "$shared"

# One finding per cause: a Globals value three functions inherit is reported
# once, at that value, saying it comes from Globals and naming all three.
printf 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Timeout: 2\nResources:\n' > "$TMP/globals.yaml"
for fn in One Two Three; do
    printf '  %s:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      InlineCode: "def handler(e, c): pass"\n' "$fn" >> "$TMP/globals.yaml"
done
got=$("$SAMLINT" --select SL202 --no-excerpt --fail-on never "$TMP/globals.yaml" 2>&1 | grep SL202)
check "a Globals value is one finding at it, naming every function" \
    "$TMP/globals.yaml:4:14: warning: Timeout 2 s from Globals leaves no room for a cold start or a slow call; applies to One, Two, Three [SL202 low-timeout]" "$got"
