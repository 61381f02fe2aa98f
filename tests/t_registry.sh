# t_registry.sh: every rule of the catalogue (RULES.md) is implemented with
# its id, name and default severity, and the registry has nothing else but
# rules samlint adds on top (SL007).
catalogue="
SL001 yaml-syntax error
SL002 not-a-template error
SL003 duplicate-key error
SL004 unresolved-reference error
SL005 invalid-intrinsic error
SL006 unused-parameter warning
SL101 hardcoded-access-key error
SL102 hardcoded-secret-key error
SL103 plaintext-secret warning
SL110 iam-wildcard-action warning
SL111 iam-wildcard-resource warning
SL112 iam-not-action warning
SL113 broad-managed-policy warning
SL114 public-invoke error
SL115 policy-template-wildcard warning
SL201 default-memory info
SL202 low-timeout warning
SL203 timeout-exceeds-api-limit warning
SL204 out-of-range error
SL205 deprecated-runtime warning
SL206 java-without-snapstart info
SL207 provisioned-concurrency-without-alias error
SL208 vpc-single-subnet warning
SL209 hardcoded-resource-name warning
SL210 rest-api-without-rest-features info
SL211 tracing-disabled info
SL212 unstructured-logging info
SL213 log-retention-unset warning
SL214 lambda-permission-multiple-principals warning
SL215 state-machine-tracing-disabled info
SL216 appsync-tracing-disabled info
SL301 missing-dlq warning
SL302 sqs-without-redrive warning
SL303 visibility-timeout-below-function-timeout error
SL304 visibility-timeout-below-6x warning
SL305 sqs-without-partial-batch-failure info
SL306 stream-without-failure-handling warning
SL307 recursive-trigger warning
SL308 recursive-trigger-without-concurrency-limit info
SL309 event-rule-target-without-dlq warning
SL310 sns-subscription-without-redrive warning
SL311 event-source-mapping-without-failure-destination warning
SL401 handler-without-error-handling warning
SL402 missing-callback-waits info
SL403 aws-sdk-v2-import warning
SL404 hardcoded-table-name warning
SL405 hardcoded-credentials-in-code error
SL406 client-inside-handler info
SL407 handler-not-found warning
SL501 api-access-logging-disabled warning
SL502 api-access-log-not-structured info
SL503 api-tracing-disabled info
SL504 api-default-throttling-unset warning
SL601 unknown-resource-type error
SL602 unknown-property error
SL603 missing-required-property error
SL604 wrong-value-type error
SL605 invalid-value error
SL606 read-only-property error
SL607 property-combination error
SL608 unknown-attribute error
SL609 invalid-template-section error
"
extra="SL007"
while read -r id name sev; do
    [ -n "$id" ] || continue
    page="$ROOT/rules/$id.md"
    if [ ! -f "$page" ]; then
        not_ok "$id $name is implemented" "rules/$id.md missing"
        continue
    fi
    check "$id page names the rule" "# $id $name" "$(head -1 "$page")"
    check "$id default severity" "- severity: $sev" "$(grep -m1 '^- severity:' "$page" | awk '{print $1, $2, $3}')"
done <<< "$catalogue"
for c in "$ROOT"/rules/SL*.c; do
    id=$(basename "$c" .c)
    case "$catalogue $extra" in *"$id "*|*" $id"*) ok "$id is in the catalogue" ;; *) not_ok "$id is in the catalogue" "not in RULES.md" ;; esac
done
