# t_sam_names: the names SAM generates (rules/data/sam_generated.c) as SL004
# says them: "did you mean" among them, a connector only for DependsOn; and
# on SAM's own translator inputs, no SL004 finding but the known ones.
fx="$ROOT/fixtures/SL004"
sl004() { "$SAMLINT" --no-config --no-excerpt --color=never --fail-on never --select SL004 "$@" 2>&1; }

got=$(sl004 "$fx/connector-names.bad.yaml")
check_contains "a near miss of a connector's policy suggests it" \
    "'MyConnectorPolicx' is not defined in this template: did you mean 'MyConnectorPolicy'?" "$got"
check_contains "an index past a connector's Destination list suggests the last one" \
    "did you mean 'RuleToManyQueuePolicyDestination1'?" "$got"
check_contains "an embedded connector's own id is for DependsOn only" \
    "Ref target 'FnToTable' is not defined in this template (SAM replaces the connector by the resources it makes: only DependsOn can name it)" "$got"
check_contains "a declared connector's id is for DependsOn only" \
    "Ref target 'MyConnector' is not defined in this template (SAM replaces the connector" "$got"
got=$(sl004 "$fx/websocket-names.bad.yaml")
check_contains "the docs' lower-case WebSocket route name suggests SAM's" \
    "'ChatconnectRoute' is not defined in this template: did you mean 'ChatConnectRoute'?" "$got"
check_contains "a camel-case route key suggests SAM's capitalised one" \
    "did you mean 'ChatSendmessageRoute'?" "$got"
got=$(sl004 "$fx/graphql-names.bad.yaml")
check_contains "a second Lambda authorizer's permission suggests the first" \
    "did you mean 'PostsToLambdaAuthConnector1WriteLambdaPermission'?" "$got"
check "the good SAM-name fixtures raise no SL004" "" \
    "$(sl004 "$fx"/*names.good.yaml | grep 'SL004')"

if [ -z "$CORPUS" ]; then
    skip "SAM names over the translator inputs" "../shared/corpus is absent"
    return 0 2>/dev/null || exit 0
fi
# Of the 544 inputs SAM translates, these name something their template
# does not define: no parameter, resource or condition, and no name SAM
# makes (SAM's tests feed them to the translator, which leaves a Ref it does
# not know alone; CloudFormation would reject them). Each was looked at by
# hand. Two are not plain misses: FunctionWithoutAlias.Version (that
# function has no AutoPublishAlias, so SAM makes no version) and IsDevStack
# (a parameter and a condition of the same name; samlint takes the condition).
#   FILE NAME
sam_names_known='api_http_with_default_iam_authorizer.yaml StageName
api_http_with_default_iam_authorizer.yaml UserPool
api_http_with_default_iam_authorizer.yaml UserPoolClient
api_http_with_default_iam_authorizer.yaml UserPoolClientApp
api_with_any_method_in_swagger.yaml Stage
api_with_custom_base_path.yaml HostedZoneId
congito_userpool_with_sms_configuration.yaml ExternalId
congito_userpool_with_sms_configuration.yaml UserPoolRole
connector_bucket_to_function.yaml InvokedFunction
connector_dependson_replace.yaml Bar
connector_dependson_replace.yaml Egg
connector_dependson_replace.yaml Foo
connector_dependson_replace.yaml SomeRole
connector_esm_dependson.yaml SomeDep
connector_esm_dependson.yaml SomeOtherDep
connector_esm_dependson.yaml SomeRole
connector_function_to_sqs.yaml MyTable
connector_hardcoded_lambda_arn.yaml SomeLambda
connector_hardcoded_props.yaml Bar
connector_hardcoded_props.yaml Egg
connector_hardcoded_props.yaml Foo
connector_hardcoded_props.yaml true
connector_rule_to_sfn.yaml StateMachineFunction
connector_rule_to_sns.yaml StateMachine
connector_sfn_to_function.yaml StateMachineFunction
connector_sns_to_function.yaml MyTable
function_with_event_dest_basic.yaml SomeCondition
function_with_intrinsics_resource_attribute.yaml IsDevStack
function_with_resource_refs.yaml FunctionWithoutAlias.Version
http_api_existing_openapi.yaml DifferentFunction
http_api_existing_openapi_conditions.yaml DifferentFunction
layers_with_intrinsics.yaml LayerRuntimeString
schema_validation_1.yaml EnvironmentTagName
schema_validation_1.yaml StackTagName
schema_validation_1.yaml StateMachineLogGroup
state_machine_with_event_schedule_state.yaml ScheduleState
state_machine_with_schedule.yaml KMSKeyArn
state_machine_with_schedule.yaml ScheduleState'
sam_in="$CORPUS/serverless-application-model/tests/translator/input"
find "$sam_in" -maxdepth 1 -type f -name '*.yaml' ! -name 'error_*' | sort > names-ok.list
xargs -d '\n' "$SAMLINT" --no-config --no-excerpt --color=never --fail-on never --select SL004 < names-ok.list |
    sed -nE "s|^.*/([^/:]+):[0-9]+:[0-9]+: error: .* '([^']+)' is not defined in this template.*|\1 \2|p" |
    sort -u > names-ok.got
printf '%s\n' "$sam_names_known" | sort -u > names-ok.want
check "the 544 inputs SAM translates: SL004 names only what their templates lack" "" \
    "$(diff names-ok.want names-ok.got | grep '^[<>]' | head -n 5 | tr '\n' '|')"
