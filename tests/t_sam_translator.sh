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

# Findings in translatable inputs that are right all the same: SAM's
# translator passes plain CloudFormation resources and many values through
# unchecked, and these inputs (written to test the translator, not to be
# deployed) hold what CloudFormation itself rejects. Each entry was checked
# by hand against the registry schema and the AWS docs (cfn-lint 1.51.5
# agrees where it looked: E3003, E3006, E3030, E3031); a finding matches an
# entry by file, rule and a fragment of its message.
#   FILE  RULE  FRAGMENT  (why CloudFormation rejects it)
sam_known='
connector_dependson_replace.yaml SL601 AWS::Foo::Bar (no such type)
schema_validation_3.yaml SL601 Foo:: (AWS::Foo::Bar, Foo::Bar::Egg, Foo::Serverless::Egg: no such types)
unsupported_resources.yaml SL601 AWS::Other::ABCD (no such type)
connector_dependson_replace.yaml SL603 Code (AWS::Lambda::Function requires Code)
connector_dependson_replace.yaml SL603 KeySchema (AWS::DynamoDB::Table requires KeySchema)
connector_esm_dependson.yaml SL603 Code (AWS::Lambda::Function requires Code)
connector_esm_dependson.yaml SL603 KeySchema (AWS::DynamoDB::Table requires KeySchema)
connector_hardcoded_props.yaml SL603 Code (AWS::Lambda::Function requires Code)
connector_hardcoded_props.yaml SL603 Role (AWS::Lambda::Function requires Role, AWS::StepFunctions::StateMachine RoleArn)
function_with_event_filtering.yaml SL603 KeySchema (AWS::DynamoDB::Table requires KeySchema)
connector_function_to_sqs.yaml SL605 arn:{AWS::Partition} (a literal "{AWS::Partition}", no Fn::Sub: not an IAM policy ARN)
connector_function_to_table.yaml SL605 arn:{AWS::Partition} (the same)
connector_sns_to_function.yaml SL605 arn:{AWS::Partition} (the same)
connector_table_to_function.yaml SL605 arn:{AWS::Partition} (the same)
function_with_role_and_role_path.yaml SL605 arn:{AWS::Partition} (the same)
s3_create_remove.yaml SL605 BucketNameParameter (upper case letters: not an S3 bucket name)
function_with_file_system_config.yaml SL605 subnet-abc123 (not a subnet id: subnet- and 8 or 17 hex digits)
globals_for_function.yaml SL605 sg-123 (not a security group id: sg- and 8 or 17 hex digits; EC2 answers InvalidGroupId.Malformed)
function_with_event_dest.yaml SL605 SOME-SNS-ARN (an EventInvokeConfig destination is an ARN: Lambda API pattern ^$|arn:...)
function_with_event_dest.yaml SL605 event-bus-arn (the same)
function_with_event_dest_conditional.yaml SL605 some-function-arn (the same)
function_with_event_schedule_state.yaml SL605 Enabled (AWS::Events::Rule State is ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS)
state_machine_with_event_schedule_state.yaml SL605 Enabled (the same)
function_with_tracing.yaml SL605 Hi (Tracing becomes TracingConfig.Mode: Active or PassThrough; SAM adds Disabled)
function_with_tracing.yaml SL605 123 (the same)
function_with_recursive_loop.yaml SL605 TERMINATE (RecursiveLoop is Allow or Terminate, case-sensitive)
globals_for_function.yaml SL605 TERMINATE (the same)
globals_for_function.yaml SL605 ALLOW (the same)
layers_with_intrinsics.yaml SL605 SomeRuntimeNameString (not a Lambda runtime)
function_with_intrinsic_architecture.yaml SL604 Architectures (a Ref to a String parameter where Lambda takes a list)
basic_function_withimageuri.yaml SL604 ImageConfig.Command (Lambda ImageConfig.Command is a list of strings)
basic_function_withimageuri.yaml SL604 ImageConfig.EntryPoint (Lambda ImageConfig.EntryPoint is a list of strings)
api_with_canary_setting.yaml SL602 StageVariablesOverrides (the Stage CanarySetting key is StageVariableOverrides)
function_with_resource_refs.yaml SL602 Name (AWS::S3::Bucket has no Name property)
function_with_resource_refs.yaml SL608 'Name' (AWS::Lambda::Alias returns only AliasArn to Fn::GetAtt)
function_with_resource_refs.yaml SL608 FunctionWithoutAlias.Alias (no AutoPublishAlias: SAM makes no alias)
api_with_usageplans_shared_attributes_three.yaml SL605 Snapshot (SAM gives the policy to the RestApi, Stage and Deployment it makes, which take no snapshots; cfn-lint E3036 agrees)
globals_for_function.yaml SL605 FunctionChange (RuntimeManagementConfig.UpdateRuntimeOn is Auto, FunctionUpdate or Manual)
function_with_metrics_config.yaml SL605 FilterCriteria.Filters (the registry schema of AWS::Lambda::EventSourceMapping wants at least 1 filter)
unsupported_resources.yaml SL603 ResourceMissingTypeShouldBeAccepted (a resource without Type: CloudFormation requires one; cfn-lint E3001 agrees)
resource_with_invalid_type.yaml SL604 FunctionInvalid (a Type that is a mapping: CloudFormation takes only a type name; SAM passes it through; cfn-lint E3001 agrees)
connector_dependson_replace.yaml SL607 'EventPattern' or 'ScheduleExpression' (an AWS::Events::Rule without Properties: EventBridge needs an event pattern or a schedule)
connector_hardcoded_props.yaml SL607 'EventPattern' or 'ScheduleExpression' (the same)
function_with_intrinsics_resource_attribute.yaml SL605 Fn::Equals (a condition function gives true or false, never Delete or Retain; cfn-lint E3035/E3036 agree)
'

# sam_peer_bad: read samlint text output, print every SL6xx finding the peer
# suite forbids (all but an SL601 that names the missing Transform and the
# known ones above).
sam_peer_bad() {
    grep -E '\[SL6[0-9][0-9] [a-z0-9-]+\]$' | grep -vE ': (error|warning|info): .*Transform.* \[SL601 [a-z0-9-]+\]$' |
        awk -v known="$sam_known" '
        BEGIN { n = split(known, k, "\n"); for (i = 1; i <= n; i++) if (split(k[i], f, " ") >= 3) { kf[++m] = f[1]; kr[m] = f[2]; kx[m] = f[3] } }
        {
            path = $0; sub(/:[0-9]+:[0-9]+: (error|warning|info): .*/, "", path); sub(/.*\//, "", path)
            rule = $0; sub(/.*\[/, "", rule); sub(/ .*/, "", rule)
            for (i = 1; i <= m; i++) if (path == kf[i] && rule == kr[i] && index($0, kx[i])) next
            print
        }'
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
sam_peer_bad < sam-tf.out > sam-tf.bad
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
