# --fix, --unsafe-fixes, --diff: fixtures/fix/SLnnn/<case> before and after, safety, atomic writes, SARIF fixes.

fx="$TMP/fix"
mkdir -p "$fx"

# The rules a case is linted with: SL007 judges the suppressions of the others.
fix_select() { if [ "$1" = SL007 ]; then echo SL0; else echo "$1"; fi; }

for before in "$ROOT"/fixtures/fix/SL*/*; do
    case "$before" in *.fixed.*|*.md) continue ;; esac
    id=$(basename "$(dirname "$before")")
    ext=${before##*.}
    after=${before%.*}.fixed.$ext
    name="fix_${id}_$(basename "${before%.*}")"
    [ -f "$after" ] || { not_ok "$name" "no $after"; continue; }
    work="$fx/$name.$ext"
    cp "$before" "$work"
    "$SAMLINT" --no-config --select "$(fix_select "$id")" --fix --unsafe-fixes "$work" > /dev/null 2>&1
    if cmp -s "$work" "$after"; then ok "$name"; else not_ok "$name" "$(diff "$work" "$after" | head -n 20)"; fi
    left=$("$SAMLINT" --no-config --format json --select "$(fix_select "$id")" "$after" |
           python3 -c 'import json,sys; print(sum(f["rule"] == sys.argv[1] for f in json.load(sys.stdin)["findings"]))' "$id")
    check "${name}_after_is_clean" 0 "$left"
done

# --diff writes nothing, exits 1, and its output is a patch that gives the fixed file.
src="$ROOT/fixtures/fix/SL205/functions.yaml"
cp "$src" "$fx/diff.yaml"
(cd "$fx" && "$SAMLINT" --no-config --select SL205 --diff --unsafe-fixes diff.yaml > diff.patch 2> diff.err)
rc=$?
check fix_diff_exit 1 "$rc"
if cmp -s "$src" "$fx/diff.yaml"; then ok fix_diff_writes_nothing; else not_ok fix_diff_writes_nothing "file changed"; fi
check_contains fix_diff_header "--- diff.yaml" "$(head -n 2 "$fx/diff.patch")"
(cd "$fx" && patch -s -o patched.yaml diff.yaml < diff.patch) 2>/dev/null
if cmp -s "$fx/patched.yaml" "${src%.yaml}.fixed.yaml"; then ok fix_diff_applies; else not_ok fix_diff_applies "$(cat "$fx/diff.patch")"; fi
(cd "$fx" && "$SAMLINT" --no-config --select SL205 --diff "$ROOT/fixtures/SL205/good.yaml" > none.patch)
check fix_diff_nothing_exit_0 "0:" "$?:$(cat "$fx/none.patch")"

# Safe only by default: SL205's fix changes behaviour and waits for --unsafe-fixes.
cp "$src" "$fx/safe.yaml"
"$SAMLINT" --no-config --select SL205 --fix "$fx/safe.yaml" > /dev/null 2>&1
if cmp -s "$src" "$fx/safe.yaml"; then ok fix_unsafe_needs_flag; else not_ok fix_unsafe_needs_flag "changed without --unsafe-fixes"; fi
"$SAMLINT" --no-config --select SL205 --unsafe-fixes "$fx/safe.yaml" > /dev/null 2>&1
check fix_unsafe_alone_is_usage_error 2 "$?"

# What is left is reported after fixing, and the exit status is that of the fixed file.
cp "$ROOT/fixtures/fix/SL007/comments.yaml" "$fx/left.yaml"
out=$("$SAMLINT" --no-config --select SL0 --fix --format json "$fx/left.yaml" 2> "$fx/left.err")
rc=$?
check fix_then_report "0 0" "$rc $(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')"
check_contains fix_count_on_stderr "fixed 2 findings in 1 file" "$(cat "$fx/left.err")"

# A fix is kept only when, linted again, nothing new appears: java8 -> java25
# would raise SL206 (Java without SnapStart) when SL206 runs.
cp "$ROOT/fixtures/fix/SL205/json.json" "$fx/verify.json"
"$SAMLINT" --no-config --select SL205,SL206 --fix --unsafe-fixes "$fx/verify.json" > /dev/null 2>&1
if cmp -s "$ROOT/fixtures/fix/SL205/json.json" "$fx/verify.json"; then ok fix_rejected_when_new_finding; else not_ok fix_rejected_when_new_finding "file changed"; fi

# A file that does not parse is never touched, even with a fixable finding.
printf 'Resources:\n  # samlint: ignore SL004 -- x\n  Q:\n    Type: [AWS::SQS::Queue\n' > "$fx/broken.yaml"
cp "$fx/broken.yaml" "$fx/broken.orig"
"$SAMLINT" --no-config --fix "$fx/broken.yaml" > /dev/null 2>&1
if cmp -s "$fx/broken.yaml" "$fx/broken.orig"; then ok fix_broken_untouched; else not_ok fix_broken_untouched "changed"; fi

# Written atomically: mode kept, a symbolic link stays a link to the fixed file, no temporary file left.
mkdir -p "$fx/atomic"
cp "$ROOT/fixtures/fix/SL007/comments.yaml" "$fx/atomic/real.yaml"
chmod 640 "$fx/atomic/real.yaml"
ln -s real.yaml "$fx/atomic/link.yaml"
"$SAMLINT" --no-config --select SL0 --fix "$fx/atomic/link.yaml" > /dev/null 2>&1
check fix_keeps_mode 640 "$(stat -c %a "$fx/atomic/real.yaml")"
if [ -L "$fx/atomic/link.yaml" ] && cmp -s "$fx/atomic/real.yaml" "$ROOT/fixtures/fix/SL007/comments.fixed.yaml"; then
    ok fix_through_symlink
else
    not_ok fix_through_symlink "$(ls -l "$fx/atomic")"
fi
check fix_no_temporary_left "link.yaml real.yaml" "$(ls -A "$fx/atomic" | tr '\n' ' ' | sed 's/ $//')"

# A read-only folder: the file cannot be replaced; an error, exit 2, file unchanged.
if [ "$(id -u)" != 0 ]; then
    mkdir -p "$fx/ro" && cp "$ROOT/fixtures/fix/SL007/comments.yaml" "$fx/ro/t.yaml" && chmod 555 "$fx/ro"
    "$SAMLINT" --no-config --select SL0 --fix "$fx/ro/t.yaml" > /dev/null 2> "$fx/ro.err"
    check fix_readonly_folder "2" "$?"
    chmod 755 "$fx/ro"
else
    skip fix_readonly_folder "running as root: permissions do not stop writes"
fi

# SARIF carries the same edits as `fixes`.
(cd "$ROOT/fixtures/fix/SL205" && "$SAMLINT" --no-config --select SL205 --format sarif functions.yaml) > "$fx/fix.sarif"
got=$(python3 -c 'import json,sys
s=json.load(open(sys.argv[1]))
for r in s["runs"][0]["results"]:
    for f in r.get("fixes", []):
        for c in f["artifactChanges"]:
            for p in c["replacements"]:
                d=p["deletedRegion"]
                print(c["artifactLocation"]["uri"], d["startLine"], d["startColumn"], d["endLine"], d["endColumn"], p["insertedContent"]["text"], f["properties"]["safety"])' "$fx/fix.sarif")
sarif_prefix=$(cd "$ROOT/fixtures/fix/SL205" && git rev-parse --show-prefix 2>/dev/null)  # URIs are relative to the repository root
check fix_sarif_fixes "${sarif_prefix}functions.yaml 6 16 6 26 nodejs24.x unsafe
${sarif_prefix}functions.yaml 12 17 12 26 python3.14 unsafe" "$got"
schema="$SHARED/schemas/sarif-schema-2.1.0.json"
if [ -f "$schema" ] && python3 -c 'import jsonschema' 2>/dev/null; then
    msg=$(python3 -c 'import json,sys,jsonschema
e=list(jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2]))))
print("; ".join(x.message[:200] for x in e[:3]))' "$schema" "$fx/fix.sarif")
    check fix_sarif_schema_valid "" "$msg"
else
    skip fix_sarif_schema_valid "python3-jsonschema or ../shared/schemas missing"
fi

# A suggested key that the mapping already has is no fix (it would repeat the key).
cat > "$fx/dupkey.yaml" <<'YAML'
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema:
        - AttributeName: id
          KeyType: HASH
          AttributeTyp: S
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
YAML
cp "$fx/dupkey.yaml" "$fx/dupkey.orig"
"$SAMLINT" --no-config --select SL602 --fix "$fx/dupkey.yaml" > /dev/null 2>&1
if cmp -s "$fx/dupkey.yaml" "$fx/dupkey.orig"; then ok fix_no_duplicate_key; else not_ok fix_no_duplicate_key "$(diff "$fx/dupkey.orig" "$fx/dupkey.yaml")"; fi
