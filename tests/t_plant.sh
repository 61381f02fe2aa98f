# t_plant: issue 10's user trial as a test. The issue's own messages, word for
# word (always); then tools/plant.py (make plant): one everyday mistake planted
# in each of 60 real SAM templates of ../shared/corpus, ten of each kind, and
# samlint must catch all 60 at the line of the mistake, each message naming
# what is meant (skipped without the corpus). A run with the rules ignored proves the measurement can fail.

# ---- the messages issue 10 gives, word for word
cat > "$TMP/issue10.yaml" <<'EOF'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22
      Handler: index.handler
      CodeUri: src/
      MemorySise: 512
      Timeout: thirty
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      BillingMode: PAY_PER_REQUEST
  Jobs:
    Type: AWS::SQS::Queu
EOF
out=$("$SAMLINT" --no-excerpt --no-config --select SL6 "$TMP/issue10.yaml" 2>&1)
f="$TMP/issue10.yaml"
check_contains "issue 10 message: MemorySise" \
    "$f:9:7: error: unknown property 'MemorySise' of AWS::Serverless::Function: did you mean 'MemorySize'? [SL602 unknown-property]" "$out"
check_contains "issue 10 message: nodejs22" \
    "$f:6:16: error: 'nodejs22' is not a Lambda runtime: did you mean 'nodejs22.x'? [SL605 invalid-value]" "$out"
check_contains "issue 10 message: Timeout thirty" \
    "$f:10:16: error: Timeout expects an integer (seconds), got 'thirty' [SL604 wrong-value-type]" "$out"
check_contains "issue 10 message: KeySchema" \
    "$f:13:5: error: AWS::DynamoDB::Table 'Orders' lacks required property 'KeySchema' [SL603 missing-required-property]" "$out"
check_contains "issue 10 message: AWS::SQS::Queu does not pass silently" \
    "$f:19:11: error: unknown resource type 'AWS::SQS::Queu': did you mean 'AWS::SQS::Queue'? [SL601 unknown-resource-type]" "$out"

# ---- the 60 planted mistakes
if [ -z "$CORPUS" ] || [ ! -d "$SHARED/schemas" ]; then
    skip "planted mistakes (make plant)" "../shared/corpus is absent"
    return 0 2>/dev/null || exit 0
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
    skip "planted mistakes (make plant)" "python3-yaml is not installed (make test-deps)"
    return 0 2>/dev/null || exit 0
fi
python3 "$ROOT/tools/plant.py" --samlint "$SAMLINT" --shared "$SHARED" --scratch "$TMP/plant" \
    > "$TMP/plant.txt" 2> "$TMP/plant.err"
rc=$?
if [ "$rc" -eq 0 ]; then ok "plant.py runs"; else not_ok "plant.py runs" "exit $rc: $(head -c 400 "$TMP/plant.err")"; fi
for kind in property-typo value-type enum-value resource-type missing-required ref-target; do
    row=$(awk -v k="$kind" '$1 == k { print $3, $4, $5 }' "$TMP/plant.txt")
    check "planted $kind: 10 caught, 10 at the mistake's line, 10 naming the fix" "10/10 10/10 10/10" "$row"
done
row=$(awk '$1 == "total" { print $2, $3, $4 }' "$TMP/plant.txt")
if [ "$row" = "60/60 60/60 60/60" ]; then ok "planted mistakes: 60/60 caught, 60/60 at line, 60/60 naming the fix"
else not_ok "planted mistakes: 60/60 caught, 60/60 at line, 60/60 naming the fix" \
    "got [$row]: $(grep -B1 -E '^   (MISSED|caught elsewhere|at line, no fix named)' "$TMP/plant.txt" | head -c 1500)"; fi
json=$(grep -c '^ *[0-9][0-9]* .*\.json:[0-9]' "$TMP/plant.txt")
repos=$(awk '/^ *[0-9]+ / { for (i = 2; i <= NF; i++) if (index($i, "/")) { sub(/\/.*/, "", $i); print $i; break } }' \
    "$TMP/plant.txt" | sort -u | wc -l)
if [ "$json" -ge 1 ] && [ "$json" -lt 60 ] && [ "$repos" -ge 4 ]; then ok "planted templates: JSON and YAML, 4 or more repositories"
else not_ok "planted templates: JSON and YAML, 4 or more repositories" "json=$json repos=$repos"; fi

# The measurement fails when samlint misses: ignore the rules, get 0.
python3 "$ROOT/tools/plant.py" --samlint "$SAMLINT" --shared "$SHARED" --scratch "$TMP/plant-off" --quiet \
    --samlint-args "--ignore SL602,SL004" > "$TMP/plant-off.txt" 2>&1
row=$(awk '$1 == "property-typo" || $1 == "ref-target" { printf "%s %s ", $3, $4 }' "$TMP/plant-off.txt")
check "planted mistakes with SL602/SL004 ignored: 0 caught" "0/10 0/10 0/10 0/10 " "$row"
