# Comment and Metadata suppressions with reasons; unused ones reported as SL007.

su="$TMP/suppress"
mkdir -p "$su"

# su_findings FILE [OPTIONS]: "line:rule" of each finding, JSON output, sorted.
su_findings() {
    local f=$1
    shift
    "$SAMLINT" --format json "$@" "$f" | python3 -c 'import json,sys
print(" ".join("%d:%s" % (x["line"], x["rule"]) for x in json.load(sys.stdin)["findings"]))'
}

su_expect() { # NAME GOT WANT
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3'"; fi
}

cat > "$su/plain.yaml" <<'YAML'
Parameters:
  A:
    Type: String
  B:
    Type: String
Resources:
  Q:
    Type: AWS::SQS::Queue
YAML
su_expect suppress_baseline_findings "$(su_findings "$su/plain.yaml" --select SL0)" "2:SL006 4:SL006"

cat > "$su/line.yaml" <<'YAML'
Parameters:
  A:  # samlint: ignore SL006 -- used by the next release
    Type: String
  # samlint: ignore unused-parameter -- by name, on the line above
  B:
    Type: String
  # samlint: ignore SL004 -- a stacked comment
  # samlint: ignore SL006 -- stacked comments cover the next line with content

  C:
    Type: String
  D:
    Type: String
Resources:
  Q:
    Type: AWS::SQS::Queue
YAML
su_expect suppress_comment_same_line_and_above "$(su_findings "$su/line.yaml" --select SL0)" "7:SL007 12:SL006"

# The reason is kept: SARIF carries it.
reasons=$("$SAMLINT" --select SL0 --format sarif "$su/line.yaml" | python3 -c 'import json,sys
s=json.load(sys.stdin)
print(sorted(r["suppressions"][0].get("justification") for r in s["runs"][0]["results"] if "suppressions" in r))')
su_expect suppress_reason_kept "$reasons" "['by name, on the line above', 'stacked comments cover the next line with content', 'used by the next release']"

cat > "$su/file.yaml" <<'YAML'
# samlint: ignore-file SL006 -- parameters shared with the pipeline template
Parameters:
  A:
    Type: String
  B:
    Type: String
Resources:
  Q:
    Type: AWS::SQS::Queue
YAML
su_expect suppress_ignore_file "$(su_findings "$su/file.yaml" --select SL0)" ""

cat > "$su/meta.yaml" <<'YAML'
Metadata:
  samlint:
    ignore:
      - id: SL006
        reason: template-wide, with a reason
Parameters:
  A:
    Type: String
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Nowhere
    Metadata:
      samlint:
        ignore:
          - id: SL004
            reason: resolved by the pipeline
  R:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Elsewhere
YAML
su_expect suppress_metadata "$(su_findings "$su/meta.yaml" --select SL0)" "22:SL004"
mreasons=$("$SAMLINT" --select SL0 --format sarif "$su/meta.yaml" | python3 -c 'import json,sys
s=json.load(sys.stdin)
print(sorted(r["suppressions"][0].get("justification") for r in s["runs"][0]["results"] if "suppressions" in r))')
su_expect suppress_metadata_reason "$mreasons" "['resolved by the pipeline', 'template-wide, with a reason']"

# Stale suppressions are reported (SL007, info) where they are written; unknown ids too.
cat > "$su/stale.yaml" <<'YAML'
Parameters:
  A:
    Type: String
Resources:
  Q:  # samlint: ignore SL004 -- nothing to suppress here
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref A  # samlint: ignore SL999 -- no such rule
YAML
su_expect suppress_unused_reported "$(su_findings "$su/stale.yaml" --select SL0)" "5:SL007 8:SL007"
msg=$("$SAMLINT" --select SL0 --no-excerpt --color never "$su/stale.yaml")
case "$msg" in
    *"stale.yaml:5:"*"SL004"*"SL007"*"SL999"*) ok suppress_unused_message ;;
    *) not_ok suppress_unused_message "$msg" ;;
esac
"$SAMLINT" --select SL0 "$su/stale.yaml" >/dev/null
su_expect suppress_unused_is_info "$?" 0

# A suppression of a rule that did not run says nothing; SL007 can be turned off.
su_expect suppress_unselected_rule_quiet "$(su_findings "$su/stale.yaml" --select SL0 --ignore SL004)" "8:SL007"
su_expect suppress_sl007_ignorable "$(su_findings "$su/stale.yaml" --select SL0 --ignore SL007)" ""

# Text output hides suppressed findings; the exit status ignores them.
"$SAMLINT" --select SL0 "$su/file.yaml" >/dev/null
su_expect suppress_exit_status "$?" 0

# A '#' inside a value is no comment.
cat > "$su/hash.yaml" <<'YAML'
Parameters:
  A:
    Type: String
    Description: "see#samlint: ignore SL006"
Resources:
  Q:
    Type: AWS::SQS::Queue
YAML
su_expect suppress_hash_in_value "$(su_findings "$su/hash.yaml" --select SL0)" "2:SL006"

# Handler code: `# samlint:` (Python) and `// samlint:` (JavaScript) comments in the code itself.
if "$SAMLINT" --explain SL401 > /dev/null 2>&1; then
    mkdir -p "$su/code/src"
    cat > "$su/code/template.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Resources:
  PyFn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: python3.12
  JsFn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: index.handler
      Runtime: nodejs20.x
YAML
    printf 'import json\n\n\ndef handler(event, context):\n    return json.dumps(event)\n' > "$su/code/src/app.py"
    printf 'exports.handler = async (event) => {\n  return event;\n};\n' > "$su/code/src/index.js"
    before=$(cd "$su/code" && "$SAMLINT" --select SL401 --format json template.yaml | python3 -c 'import json,sys
print(" ".join("%s:%d" % (x["file"].split("/")[-1], x["line"]) for x in json.load(sys.stdin)["findings"]))')
    py_line=$(printf '%s\n' $before | sed -n 's/^app.py://p')
    js_line=$(printf '%s\n' $before | sed -n 's/^index.js://p')
    if [ -n "$py_line" ] && [ -n "$js_line" ]; then
        sed -i "${py_line}i # samlint: ignore SL401 -- errors are handled by the caller" "$su/code/src/app.py"
        sed -i "${js_line}i // samlint: ignore SL401 -- errors are handled by the caller" "$su/code/src/index.js"
        after=$(cd "$su/code" && "$SAMLINT" --select SL401,SL007 --format json template.yaml | python3 -c 'import json,sys
print(len(json.load(sys.stdin)["findings"]))')
        su_expect suppress_in_handler_code "$after" 0
        printf '\n# samlint: ignore SL999 -- stale\n' >> "$su/code/src/app.py"
        stale=$(cd "$su/code" && "$SAMLINT" --select SL401,SL007 --format json template.yaml | python3 -c 'import json,sys
print(" ".join("%s:%s" % (x["file"].split("/")[-1], x["rule"]) for x in json.load(sys.stdin)["findings"]))')
        su_expect suppress_in_handler_code_unused "$stale" "app.py:SL007"
    else
        not_ok suppress_in_handler_code "SL401 did not fire on the handlers: $before"
    fi
else
    skip suppress_in_handler_code "SL401 is not implemented in this build"
fi

# --show-suppressed lists them with their reasons (text and JSON); the exit status still ignores them.
shown=$("$SAMLINT" --select SL0 --no-excerpt --show-suppressed "$su/file.yaml")
rc=$?
case "$shown" in
    *"[SL006 unused-parameter] (suppressed: parameters shared with the pipeline template)"*) [ "$rc" -eq 0 ] && ok suppress_show_text || not_ok suppress_show_text "exit $rc" ;;
    *) not_ok suppress_show_text "$shown" ;;
esac
shown=$("$SAMLINT" --select SL0 --format json --show-suppressed "$su/meta.yaml" | python3 -c 'import json,sys
print(sorted((x["rule"], x["suppressed"], x["reason"]) for x in json.load(sys.stdin)["findings"]))')
su_expect suppress_show_json "$shown" "[('SL004', False, None), ('SL004', True, 'resolved by the pipeline'), ('SL006', True, 'template-wide, with a reason')]"

# The README's suppression example suppresses what it says, and nothing is stale.
awk '/^## Suppressions with reasons/ {s = 1} s && /^```yaml$/ {p = 1; next} p && /^```$/ {exit} p' "$ROOT/README.md" > "$su/readme.yaml"
readme=$("$SAMLINT" --select SL006,SL202,SL007 --format json --show-suppressed "$su/readme.yaml" | python3 -c 'import json,sys
print(" ".join("%s:%s" % (x["rule"], x["suppressed"]) for x in json.load(sys.stdin)["findings"]))')
su_expect suppress_readme_example "$readme" "SL006:True SL202:True"
