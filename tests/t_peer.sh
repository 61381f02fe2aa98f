# t_peer: the awslabs/serverless-rules test templates as a peer test suite.
# Each corpus file <peer-id>[-case].<pass|fail>.yaml whose peer id maps to a
# samlint rule is one test: the rule fires on a fail file, and does not on a
# pass file. Files of unmapped peer ids are counted and listed, not failed.

# Peer id -> samlint rule: the peer ids of RULES.md and of the rules' doc
# pages (a test below keeps the two in step). To map another peer rule, add
# a line here and the peer id to the rule's doc page.
# RULES.md names SL211's peer ES1000 and SL306's ES1003, but serverless-rules
# has neither: its Lambda rules are WS1000 (Lambda Tracing, SL211's peer, as
# its ws1000 tests show), ES1001, WS1002, WS1003 (star permissions), WS1004,
# ES1005, ES1006, ES1007.
peer_map='
WS1000 SL211
ES1005 SL201
ES1006 SL202
WS1004 SL213
WS1002 SL214
WS5000 SL215
WS3000 SL216
ES1007 SL301
ES6000 SL302
ES4000 SL309
ES7000 SL310
ES1001 SL311
ES2000 SL501
WS2001 SL502
WS2002 SL503
ES2003 SL504
'

peer_rule() {
    printf '%s\n' "$peer_map" | while read -r peer rule; do
        if [ "$peer" = "$1" ]; then
            printf '%s\n' "$rule"
            break
        fi
    done
}

# The map and the doc pages agree: every serverless-rules id a page names is
# mapped to that rule, and every mapped rule that has a page names its id.
peer_drift=
for peer_md in "$ROOT"/rules/SL*.md; do
    peer_rule_id=$(basename "$peer_md" .md)
    for peer_id in $(grep -m1 '^- peers:' "$peer_md" | grep 'serverless-rules' | grep -oE '\b[EW]S[0-9]{4}\b'); do
        [ "$(peer_rule "$peer_id")" = "$peer_rule_id" ] || peer_drift="$peer_drift $peer_rule_id:$peer_id(not mapped)"
    done
done
for peer_pair in $(printf '%s\n' "$peer_map" | awk 'NF { print $1 ":" $2 }'); do
    peer_id=${peer_pair%%:*} peer_rule_id=${peer_pair#*:}
    peer_md=$ROOT/rules/$peer_rule_id.md
    if [ -f "$peer_md" ] && ! grep -m1 '^- peers:' "$peer_md" | grep -qw "$peer_id"; then
        peer_drift="$peer_drift $peer_rule_id:$peer_id(not on the doc page)"
    fi
done
if [ -z "$peer_drift" ]; then
    ok "peer map agrees with the rules' doc pages"
else
    not_ok "peer map agrees with the rules' doc pages" "$peer_drift"
fi

peer_dir=${CORPUS:+$CORPUS/serverless-rules/cfn-lint-serverless/tests/templates}
if [ -z "$peer_dir" ] || [ ! -d "$peer_dir" ]; then
    skip peer-suite "corpus absent: skipped"
else
    peer_unmapped=
    peer_n_unmapped=0
    for peer_file in "$peer_dir"/*.yaml; do
        peer_base=${peer_file##*/}
        peer_id=$(printf '%s' "${peer_base%%[-.]*}" | tr '[:lower:]' '[:upper:]')
        peer_want=${peer_base%.yaml}
        peer_want=${peer_want##*.}
        peer_rule_id=$(peer_rule "$peer_id")
        if [ -z "$peer_rule_id" ]; then
            peer_unmapped="$peer_unmapped $peer_base"
            peer_n_unmapped=$((peer_n_unmapped + 1))
            continue
        fi
        peer_name="peer $peer_base ($peer_rule_id)"
        peer_out=$(NO_COLOR=1 "$SAMLINT" --select "$peer_rule_id" "$peer_file" 2>&1)
        peer_rc=$?
        if [ "$peer_rc" -ge 2 ] && printf '%s' "$peer_out" | grep -q "unknown rule"; then
            skip "$peer_name" "$peer_rule_id is not implemented yet"
            continue
        fi
        if [ "$peer_rc" -ge 2 ]; then
            not_ok "$peer_name" "exit status $peer_rc: $(printf '%s' "$peer_out" | head -3)"
            continue
        fi
        peer_hits=$(printf '%s\n' "$peer_out" | grep -F "[$peer_rule_id " || true)
        case $peer_want in
        fail)
            if [ -n "$peer_hits" ]; then
                ok "$peer_name"
            else
                not_ok "$peer_name" "$peer_rule_id does not fire on a fail file"
            fi ;;
        pass)
            if [ -z "$peer_hits" ]; then
                ok "$peer_name"
            else
                not_ok "$peer_name" "$peer_rule_id fires on a pass file: $(printf '%s' "$peer_hits" | head -1)"
            fi ;;
        *)
            not_ok "$peer_name" "file name ends in neither .pass.yaml nor .fail.yaml" ;;
        esac
    done
    echo "peer suite: $peer_n_unmapped files of unmapped peer ids:$peer_unmapped"

    # The peer's example SAM application is written to pass its rules: none
    # of the mapped rules that samlint implements may fire on it. Except the
    # peers of SL201/SL202 (ES1005/ES1006, newer than the example): it sets
    # no MemorySize and no Timeout, so they flag it too.
    peer_example=$CORPUS/serverless-rules/examples/sam/template.yaml
    peer_rules=
    for peer_rule_id in $(printf '%s\n' "$peer_map" | awk 'NF && $2 != "SL201" && $2 != "SL202" { print $2 }' | sort -u); do
        if NO_COLOR=1 "$SAMLINT" --select "$peer_rule_id" "$peer_example" 2>&1 | grep -q "unknown rule"; then
            continue
        fi
        peer_rules="$peer_rules${peer_rules:+,}$peer_rule_id"
    done
    if [ ! -f "$peer_example" ]; then
        skip "peer example template" "$peer_example absent"
    elif [ -z "$peer_rules" ]; then
        skip "peer example template" "no mapped rule is implemented"
    else
        peer_hits=$(NO_COLOR=1 "$SAMLINT" --no-excerpt --select "$peer_rules" "$peer_example" 2>&1 | grep -E '\[SL[0-9]+ ' || true)
        if [ -z "$peer_hits" ]; then
            ok "peer example template passes $peer_rules"
        else
            not_ok "peer example template" "$(printf '%s' "$peer_hits" | head -3)"
        fi
    fi
fi
