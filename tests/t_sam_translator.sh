# t_sam_translator: the AWS SAM translator's own test inputs as a peer suite
# for the SL6xx schema rules (issue 10). Of
# ../shared/corpus/serverless-application-model/tests/translator/input/, the
# 544 inputs SAM translates (every name but error_*) must raise no SL6xx
# finding other than SL601's missing-Transform one: SAM's tests feed them to
# the translator directly, so many have no Transform line. Whatever SL6xx
# rules the registry has are checked (--select SL6), and planted cases prove
# that the check can fail. The 286 error_* inputs are reported by
# `make differential`, not judged here.
if [ -z "$CORPUS" ]; then
    skip "SAM translator peer suite" "../shared/corpus is absent"
    return 0 2>/dev/null || exit 0
fi
sam_in="$CORPUS/serverless-application-model/tests/translator/input"

# Four of these inputs use placeholder types that SAM passes through without
# a look (connector_dependson_replace, schema_validation_3,
# unsupported_resources): CloudFormation has no such types and rejects them,
# so SL601 is right there (cfn-lint reports them as E3006 too).
sam_placeholder_types="unknown resource type '(AWS::Foo::Bar|Foo::Bar::Egg|Foo::Serverless::Egg|AWS::Other::ABCD)'"
# sam_peer_bad: read samlint text output, print every SL6xx finding the peer
# suite forbids (all but an SL601 that names the missing Transform or a
# placeholder type).
sam_peer_bad() {
    grep -E '\[SL6[0-9][0-9] [a-z0-9-]+\]$' | grep -vE ': (error|warning|info): .*Transform.* \[SL601 [a-z0-9-]+\]$' |
        grep -vE "$sam_placeholder_types"
}
sam_lint() {
    "$SAMLINT" --no-config --no-excerpt --color=never --fail-on never --select SL6 "$@" 2>&1
}

find "$sam_in" -maxdepth 1 -type f -name '*.yaml' ! -name 'error_*' | sort > sam-ok.list
find "$sam_in" -maxdepth 1 -type f -name 'error_*.yaml' | sort > sam-err.list
check "SAM translator inputs: 544 that SAM translates" 544 "$(wc -l < sam-ok.list)"
check "SAM translator inputs: 286 error_* that SAM rejects" 286 "$(wc -l < sam-err.list)"

sam_rules=$("$SAMLINT" --list-rules | awk '$1 ~ /^SL6[0-9][0-9]$/ { printf "%s%s", sep, $1; sep = "," }')
xargs -d '\n' "$SAMLINT" --no-config --no-excerpt --color=never --fail-on never --select SL6 < sam-ok.list > sam-ok.out 2>&1
rc=$?
check "samlint lints the 544 translatable inputs (exit 0)" 0 "$rc"
sam_peer_bad < sam-ok.out > sam-ok.bad
n_bad=$(wc -l < sam-ok.bad)
if [ "$n_bad" -eq 0 ]; then
    ok "the 544 inputs SAM translates raise no SL6xx finding but a missing Transform (rules: ${sam_rules:-none yet})"
else
    not_ok "the 544 inputs SAM translates raise no SL6xx finding but a missing Transform (rules: ${sam_rules:-none yet})" \
        "$n_bad findings, first: $(head -n 5 sam-ok.bad | sed "s|$CORPUS/||" | tr '\n' '|')"
fi

# The same inputs as SAM's translator reads them: with the Transform line
# (appended as a last top-level key where it is missing), so that the SAM
# resources of all 544 are judged in SAM form and SL601 has nothing to say.
mkdir -p with-transform
while IFS= read -r f; do
    out="with-transform/$(basename "$f")"
    # connector_esm_dependson names SAM's test harness transform
    # (AWS::Serverless-2016-10-31-test), which CloudFormation does not know.
    if grep -q '^Transform' "$f"; then sed 's/AWS::Serverless-2016-10-31-test$/AWS::Serverless-2016-10-31/' "$f" > "$out"; else
        { cat "$f"; printf '\nTransform: AWS::Serverless-2016-10-31\n'; } > "$out"; fi
done < sam-ok.list
sam_lint with-transform > sam-tf.out
grep -E '\[SL6[0-9][0-9] [a-z0-9-]+\]$' sam-tf.out | grep -vE "$sam_placeholder_types" > sam-tf.bad
n_bad=$(wc -l < sam-tf.bad)
if [ "$n_bad" -eq 0 ]; then
    ok "the 544 inputs with their Transform raise no SL6xx finding"
else
    not_ok "the 544 inputs with their Transform raise no SL6xx finding" \
        "$n_bad findings, first: $(head -n 5 sam-tf.bad | tr '\n' '|')"
fi

# The filter itself: a forbidden finding passes it, the missing Transform does not.
planted='x.yaml:3:5: error: unknown property '\''MemorySise'\'' of AWS::Serverless::Function [SL602 unknown-property]
x.yaml:2:3: error: AWS::Serverless::Function needs Transform: AWS::Serverless-2016-10-31 [SL601 unknown-resource-type]
x.yaml:2:3: error: unknown resource type AWS::SQS::Queu [SL601 unknown-resource-type]
x.yaml:4:5: warning: function sets no Timeout [SL202 low-timeout]'
check "peer-suite filter keeps a forbidden SL6xx finding and drops the missing Transform" \
    "x.yaml:3:5 SL602|x.yaml:2:3 SL601|" \
    "$(printf '%s\n' "$planted" | sam_peer_bad | sed -E 's/^([^:]+:[0-9]+:[0-9]+): .*\[(SL6[0-9]+) .*/\1 \2/' | tr '\n' '|')"

# A planted mistake in a real translatable input must fail the suite, with
# each rule that is in the registry.
base="$sam_in/function_with_deployment_preference.yaml"
sam_plant() {   # RULE NAME AWK-PROGRAM: plant with awk, expect RULE
    local rule="$1" name="$2" prog="$3"
    case ",$sam_rules," in
        *",$rule,"*) ;;
        *) skip "planted $name fails the peer suite" "$rule is not in the registry yet"; return 0 ;;
    esac
    { awk "$prog" "$base"; printf 'Transform: AWS::Serverless-2016-10-31\n'; } > "planted-$rule.yaml"
    if sam_lint "planted-$rule.yaml" | sam_peer_bad | grep -q "\[$rule "; then
        ok "planted $name fails the peer suite"
    else
        not_ok "planted $name fails the peer suite" "$(sam_lint "planted-$rule.yaml" | head -n 3)"
    fi
}
sam_plant SL602 "unknown property (MemorySise)" \
    '{ print } /^    Properties:$/ && !done { print "      MemorySise: 512"; done = 1 }'
sam_plant SL605 "invalid value (Runtime nodejs22)" \
    '{ sub(/Runtime: .*/, "Runtime: nodejs22"); print }'
sam_plant SL601 "unknown resource type (AWS::SQS::Queu)" \
    '{ print } END { print "  Planted:"; print "    Type: AWS::SQS::Queu" }'
