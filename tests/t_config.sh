# .samlint.yaml: found upward, --config, strict keys, command-line flags override it.

cf="$TMP/config"
mkdir -p "$cf/project/deep/er" "$cf/project/vendor" "$cf/other"
cat > "$cf/project/t.yaml" <<'YAML'
Parameters:
  A:
    Type: String
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Missing
YAML
cp "$cf/project/t.yaml" "$cf/project/vendor/t.yaml"

# cf_run DIR ARGS...: "rule:severity" of each finding and the exit status.
cf_run() {
    local dir=$1
    shift
    (cd "$dir" && "$SAMLINT" --format json "$@" > "$cf/out.json" 2> "$cf/err.txt"; echo "rc=$?" > "$cf/rc.txt")
    python3 -c 'import json,sys
try: print(" ".join("%s:%s" % (x["rule"], x["severity"]) for x in json.load(open(sys.argv[1]))["findings"]), end=" ")
except Exception: print("no-json", end=" ")' "$cf/out.json"
    cat "$cf/rc.txt"
}
cf_expect() { # NAME GOT WANT
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3' $(head -c 300 "$cf/err.txt")"; fi
}

cf_expect config_none "$(cf_run "$cf/project" --select SL0 t.yaml)" "SL006:warning SL004:error rc=1"

cat > "$cf/project/.samlint.yaml" <<'YAML'
# project settings
select: [SL0]
ignore:
  - unused-parameter
severity:
  SL004: warning
fail-on: error
exclude:
  - "vendor/*"
YAML
cf_expect config_found_here "$(cf_run "$cf/project" t.yaml)" "SL004:warning rc=0"
cf_expect config_found_upward "$(cf_run "$cf/project/deep/er" ../../t.yaml)" "SL004:warning rc=0"
cf_expect config_cli_fail_on_overrides "$(cf_run "$cf/project" --fail-on warning t.yaml)" "SL004:warning rc=1"
cf_expect config_cli_severity_overrides "$(cf_run "$cf/project" --severity SL004=error t.yaml)" "SL004:error rc=1"
cf_expect config_cli_select_replaces "$(cf_run "$cf/project" --select SL004,SL006 t.yaml)" "SL004:warning rc=0"
cf_expect config_exclude_glob "$(cf_run "$cf/project" .)" "SL004:warning rc=0"
cf_expect config_explicit "$(cf_run "$cf/other" --config ../project/.samlint.yaml ../project/t.yaml)" "SL004:warning rc=0"
cf_expect config_no_config "$(cf_run "$cf/project" --no-config --select SL0 t.yaml)" "SL006:warning SL004:error rc=1"

# Mistakes are errors that name the file, line and column.
cp "$cf/project/t.yaml" "$cf/other/t.yaml"
cf_bad() { # NAME CONTENT EXPECTED-IN-MESSAGE
    printf '%s\n' "$2" > "$cf/other/.samlint.yaml"
    (cd "$cf/other" && "$SAMLINT" t.yaml > /dev/null 2> "$cf/err.txt")
    local rc=$?
    if [ "$rc" -eq 2 ] && grep -qF -- "$3" "$cf/err.txt"; then
        ok "$1"
    else
        not_ok "$1" "rc=$rc, stderr: $(head -c 300 "$cf/err.txt")"
    fi
}
cf_bad config_unknown_key "select: [SL0]
ignroe: [SL006]" ".samlint.yaml:2:1: unknown key 'ignroe'"
cf_bad config_unknown_rule "ignore: [SL006, SL9999]" ".samlint.yaml:1:17: 'SL9999' is not a samlint rule"
cf_bad config_bad_level "severity:
  SL004: fatal" ".samlint.yaml:2:10: severity of SL004"
cf_bad config_unknown_option "rule-options:
  SL004:
    factor: 2" ".samlint.yaml:3:5: SL004 has no option 'factor'"
cf_bad config_bad_fail_on "fail-on: sometimes" ".samlint.yaml:1:10: fail-on"
cf_bad config_not_yaml "select: [SL0" ".samlint.yaml:"
cf_bad config_not_mapping "- SL001" "a config file is a mapping"
rm -f "$cf/other/.samlint.yaml"
(cd "$cf/other" && "$SAMLINT" --config missing.yaml ../project/t.yaml >/dev/null 2>"$cf/err.txt")
rc=$?
if [ "$rc" -eq 2 ] && grep -q "missing.yaml" "$cf/err.txt"; then ok config_missing_file; else not_ok config_missing_file "rc=$rc"; fi

# Rule options reach the rules (SL304's factor), when SL304 exists.
if "$SAMLINT" --explain SL304 >/dev/null 2>&1; then
    cat > "$cf/other/q.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: "def handler(e, c): pass"
      Timeout: 20
      Events:
        Q:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
YAML
    printf 'select: [SL304]\nrule-options:\n  SL304: {factor: lots}\n' > "$cf/other/.samlint.yaml"
    (cd "$cf/other" && "$SAMLINT" q.yaml > /dev/null 2> "$cf/err.txt")
    if [ $? -eq 2 ] && grep -q '.samlint.yaml:3:19: option SL304.factor must be a number' "$cf/err.txt"; then
        ok config_bad_option
    else
        not_ok config_bad_option "$(cat "$cf/err.txt")"
    fi
    printf 'select: [SL304]\nrule-options:\n  SL304: {factor: 2}\n' > "$cf/other/.samlint.yaml"
    cf_expect config_rule_option "$(cf_run "$cf/other" q.yaml)" " rc=0"
    rm -f "$cf/other/.samlint.yaml"
    cf_expect config_rule_option_default "$(cf_run "$cf/other" --select SL304 q.yaml)" "SL304:warning rc=1"
else
    skip config_rule_option "SL304 is not implemented in this build"
fi

# The configuration examples in the README and the man page are valid configurations.
if "$SAMLINT" --explain SL304 2>/dev/null | grep -q '`factor`'; then
    awk '/^## Configuration file/ {s = 1} s && /^```yaml$/ {p = 1; next} p && /^```$/ {exit} p' "$ROOT/README.md" > "$cf/readme.samlint.yaml"
    awk '/^\.SH CONFIGURATION/ {s = 1} s && /^\.nf$/ {p = 1; next} p && /^\.fi$/ {exit} p' "$ROOT/man/samlint.1" | sed 's/\\-/-/g' > "$cf/man.samlint.yaml"
    for ex in readme man; do
        (cd "$cf/project" && "$SAMLINT" --config "$cf/$ex.samlint.yaml" t.yaml > /dev/null 2> "$cf/err.txt")
        rc=$?
        if [ "$rc" -ne 2 ] && [ -s "$cf/$ex.samlint.yaml" ]; then ok "config_example_$ex"; else not_ok "config_example_$ex" "$(cat "$cf/err.txt")"; fi
    done
else
    skip config_examples "SL304 (option factor) is not implemented in this build"
fi

# The config pre-scan of argv must not reorder it: short options with a value keep it.
(cd "$cf/project" && "$SAMLINT" -j 2 --fail-on none -f json t.yaml > "$cf/out.json" 2> "$cf/err.txt")
rc=$?
if [ "$rc" -eq 0 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$cf/out.json" 2>/dev/null; then
    ok config_prescan_keeps_short_options
else
    not_ok config_prescan_keeps_short_options "rc=$rc $(cat "$cf/err.txt")"
fi

# Each file takes the nearest .samlint.yaml above it (as Ruff does), not
# the working directory's: the same findings from anywhere. The nearest one
# alone: proj/svc's does not inherit proj's ignore.
nd="$TMP/nearest"
mkdir -p "$nd/proj/svc/vendor" "$nd/proj/lib"
cp "$cf/project/t.yaml" "$nd/proj/t.yaml"
cp "$cf/project/t.yaml" "$nd/proj/svc/t.yaml"
cp "$cf/project/t.yaml" "$nd/proj/svc/vendor/v.yaml"
cp "$cf/project/t.yaml" "$nd/proj/lib/t.yaml"
printf 'select: [SL0]\nignore: [SL006]\n' > "$nd/proj/.samlint.yaml"
printf 'select: [SL0]\nseverity:\n  SL004: info\nexclude: ["vendor/*"]\nfail-on: info\n' > "$nd/proj/svc/.samlint.yaml"
# nd_run DIR ARGS...: "file rule:severity" per finding (real paths below $nd), then the exit status.
nd_run() {
    local dir=$1
    shift
    (cd "$dir" && "$SAMLINT" --format json "$@" > "$nd/out.json" 2> "$nd/err.txt"; echo "rc=$?" > "$nd/rc.txt")
    python3 -c 'import json,os,sys
base = os.path.realpath(sys.argv[2])
try:
    got = []
    for x in json.load(open(sys.argv[1]))["findings"]:
        p = os.path.realpath(os.path.join(sys.argv[3], x["file"]))
        got.append("%s %s:%s; " % (os.path.relpath(p, base), x["rule"], x["severity"]))
    print("".join(sorted(got)), end="")
except Exception as e: print("no-json", e, end=" ")' "$nd/out.json" "$nd" "$dir"
    cat "$nd/rc.txt"
}
want="proj/lib/t.yaml SL004:error; proj/svc/t.yaml SL004:info; proj/svc/t.yaml SL006:warning; proj/t.yaml SL004:error; rc=1"
cf_expect nearest_from_root "$(nd_run "$nd/proj" .)" "$want"
cf_expect nearest_from_sub "$(nd_run "$nd/proj/svc" .. )" "$want"
cf_expect nearest_from_slash "$(nd_run / "$nd/proj")" "$want"
cf_expect nearest_from_outside "$(nd_run "$nd" proj/t.yaml proj/svc/t.yaml proj/lib/t.yaml)" "$want"
cf_expect nearest_fail_on_per_file "$(nd_run "$nd/proj/svc" --ignore SL006 t.yaml)" "proj/svc/t.yaml SL004:info; rc=1"
cf_expect nearest_cli_over_each "$(nd_run "$nd" --severity SL004=warning --ignore SL006 proj)" \
    "proj/lib/t.yaml SL004:warning; proj/svc/t.yaml SL004:warning; proj/t.yaml SL004:warning; rc=1"
cf_expect nearest_config_forces_one "$(nd_run "$nd/proj/svc" --config ../.samlint.yaml .)" \
    "proj/svc/t.yaml SL004:error; proj/svc/vendor/v.yaml SL004:error; rc=1"
cf_expect nearest_no_config "$(nd_run "$nd/proj/svc" --no-config --select SL004 t.yaml)" "proj/svc/t.yaml SL004:error; rc=1"
cf_expect nearest_stdin_filename "$(nd_run "$nd" --ignore SL006 --stdin-filename proj/svc/t.yaml - < "$nd/proj/t.yaml")" "proj/svc/t.yaml SL004:info; rc=1"
# A broken config: its files are an error (exit 2, named once), the others still linted.
printf 'select: [SL0\n' > "$nd/proj/lib/.samlint.yaml"
cf_expect nearest_broken "$(nd_run "$nd/proj" --ignore SL006 .)" "proj/svc/t.yaml SL004:info; proj/t.yaml SL004:error; rc=2"
if [ "$(grep -c 'lib/.samlint.yaml:2:1' "$nd/err.txt")" = 1 ]; then ok nearest_broken_named_once; else not_ok nearest_broken_named_once "$(cat "$nd/err.txt")"; fi
