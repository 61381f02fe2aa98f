# Baseline: record today's findings, then report only new ones (matched by fingerprint).

bl="$TMP/baseline"
mkdir -p "$bl"
cat > "$bl/t.yaml" <<'YAML'
Parameters:
  A:
    Type: String
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Missing
YAML

bl_rules() { # ARGS...: "line:rule ... rc=N" from JSON output, run in $bl
    (cd "$bl" && "$SAMLINT" --select SL0 --format json "$@" > out.json 2> err.txt; echo "rc=$?" > rc.txt)
    python3 -c 'import json,sys
try: print(" ".join("%d:%s" % (x["line"], x["rule"]) for x in json.load(open(sys.argv[1]))["findings"]), end=" ")
except Exception: print("no-json", end=" ")' "$bl/out.json"
    cat "$bl/rc.txt"
}
bl_expect() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got '$2', want '$3' $(head -c 200 "$bl/err.txt")"; fi
}

(cd "$bl" && "$SAMLINT" --select SL0 --write-baseline base.json t.yaml > /dev/null 2> err.txt)
rc=$?
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$bl/base.json" 2>/dev/null)
if [ "$rc" -eq 0 ] && [ "$n" = 2 ]; then ok baseline_written; else not_ok baseline_written "rc=$rc findings=$n $(cat "$bl/err.txt")"; fi

bl_expect baseline_hides_known "$(bl_rules --baseline base.json t.yaml)" " rc=0"

# Lines moving (a comment and a resource inserted above) do not make old findings new.
{ printf '# header comment\nDescription: moved\n'; cat "$bl/t.yaml"; printf '  R:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref AlsoMissing\n'; } > "$bl/t2.yaml"
mv "$bl/t2.yaml" "$bl/t.yaml"
bl_expect baseline_reports_only_new "$(bl_rules --baseline base.json t.yaml)" "14:SL004 rc=1"
bl_expect baseline_without_it "$(bl_rules t.yaml)" "4:SL006 10:SL004 14:SL004 rc=1"

# Changing the offending line makes it a new finding.
sed -i 's/!Ref Missing/!Ref Misspelt/' "$bl/t.yaml"
bl_expect baseline_changed_line_is_new "$(bl_rules --baseline base.json t.yaml)" "10:SL004 14:SL004 rc=1"

# Fixing a finding leaves nothing new; SARIF honours the baseline too.
# SARIF keeps the known findings, marked unchanged, and the new ones new.
sarif_n=$(cd "$bl" && "$SAMLINT" --select SL0 --format sarif --baseline base.json t.yaml | python3 -c 'import json,sys; print(sorted((r["baselineState"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in json.load(sys.stdin)["runs"][0]["results"]))')
bl_expect baseline_sarif "$sarif_n" "[('new', 10), ('new', 14), ('unchanged', 4)]"

(cd "$bl" && "$SAMLINT" --baseline nonexistent.json t.yaml > /dev/null 2> err.txt)
rc=$?
if [ "$rc" -eq 2 ] && grep -q nonexistent.json "$bl/err.txt"; then ok baseline_missing_file; else not_ok baseline_missing_file "rc=$rc"; fi
echo '{"not": "a baseline"}' > "$bl/bad.json"
(cd "$bl" && "$SAMLINT" --baseline bad.json t.yaml > /dev/null 2> err.txt)
rc=$?
if [ "$rc" -eq 2 ]; then ok baseline_bad_file; else not_ok baseline_bad_file "rc=$rc"; fi
