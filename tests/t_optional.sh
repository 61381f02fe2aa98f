# t_optional.sh: optional rules ("- optional: yes" in their page) run only when
# selected: --select ID / a prefix / all, or select: in the config; --list-rules,
# the man page and SARIF say so.
opt_fx="$ROOT/fixtures/SL211/bad.yaml"
opt_count() { "$SAMLINT" --no-excerpt --fail-on never "$@" 2>/dev/null | grep -c '\[SL211 '; }
check "an optional rule is off by default" 0 "$(opt_count "$opt_fx")"
[ "$(opt_count --select SL211 "$opt_fx")" -gt 0 ] && ok "--select SL211 runs it" || not_ok "--select SL211 runs it" "no finding"
[ "$(opt_count --select SL2 "$opt_fx")" -gt 0 ] && ok "--select SL2 (its group) runs it" || not_ok "--select SL2 runs it" "no finding"
[ "$(opt_count --select all "$opt_fx")" -gt 0 ] && ok "--select all runs it" || not_ok "--select all runs it" "no finding"
check "--select all --ignore SL211 does not" 0 "$(opt_count --select all --ignore SL211 "$opt_fx")"
printf 'select: [SL211]\n' > "$TMP/opt.yaml"
[ "$(opt_count --config "$TMP/opt.yaml" "$opt_fx")" -gt 0 ] && ok "select: in the config runs it" || not_ok "select: in the config runs it" "no finding"
printf 'select: all\n' > "$TMP/opt-all.yaml"
[ "$(opt_count --config "$TMP/opt-all.yaml" "$opt_fx")" -gt 0 ] && ok "select: all in the config runs it" || not_ok "select: all in the config runs it" "no finding"
# A suppression of a rule that did not run is not "unused" (SL007).
printf 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:  # samlint: ignore SL211 -- not traced on purpose\n    Type: AWS::Serverless::Function\n    Properties: {Handler: a.b, Runtime: python3.12, CodeUri: s3://b/k, MemorySize: 512, Timeout: 10}\n' > "$TMP/opt-sup.yaml"
check "a suppression of an optional rule that is off is not SL007" 0 "$("$SAMLINT" --no-excerpt "$TMP/opt-sup.yaml" | grep -c 'SL007')"

# The pages decide; every listing agrees with them.
pages=$(grep -l '^- optional: yes' "$ROOT"/rules/SL*.md | xargs -n1 basename | sed 's/\.md$//' | sort | tr '\n' ' ')
check "SL211 and SL212 are the optional rules" "SL211 SL212 " "$pages"
listed=$("$SAMLINT" --list-rules --format json | python3 -c 'import json,sys; print(" ".join(r["id"] for r in json.load(sys.stdin) if r["optional"]) + " ")')
check "--list-rules --format json marks exactly the optional pages" "$pages" "$listed"
check "--list-rules marks them" "$pages" "$("$SAMLINT" --list-rules | grep '(optional' | cut -d' ' -f1 | tr '\n' ' ')"
check "the man page marks them" "$pages" "$(grep '^\.SS .*, optional)' "$ROOT/man/samlint-rules.7" | cut -d' ' -f2 | tr '\n' ' ')"
check "the README table marks them" "$pages" "$(grep '(optional) |' "$ROOT/README.md" | sed 's/^| \[\(SL[0-9]*\)\].*/\1/' | tr '\n' ' ')"
sarif_enabled() {
    "$SAMLINT" --format sarif --fail-on never "$@" "$opt_fx" | python3 -c '
import json, sys
rules = json.load(sys.stdin)["runs"][0]["tool"]["driver"]["rules"]
print(" ".join("%s=%s" % (r["id"], r["defaultConfiguration"].get("enabled", True)) for r in rules if r["id"] in ("SL201", "SL211", "SL212")))'
}
check "SARIF: optional rules not selected are enabled: false" "SL201=True SL211=False SL212=False" "$(sarif_enabled)"
check "SARIF: --select all enables them" "SL201=True SL211=True SL212=True" "$(sarif_enabled --select all)"
