# t_fnconf_peers.sh: the serverless-rules test templates of the peers of the
# function-configuration rules: every fail file raises the rule, no pass file does.

dir="${CORPUS:+$CORPUS/serverless-rules/cfn-lint-serverless/tests/templates}"
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    skip "serverless-rules peer templates" "corpus absent"
else
    for pair in es1005:SL201 es1006:SL202 ws1000:SL211; do
        peer=${pair%%:*} rule=${pair#*:}
        found=0
        for f in "$dir/$peer".*.yaml "$dir/$peer"-*.yaml; do
            [ -f "$f" ] || continue
            found=1
            n=$(findings_of "$f" --select "$rule" | grep -c " $rule\$")
            case "$f" in
                *.fail.yaml) [ "$n" -gt 0 ] && ok "$rule on $(basename "$f")" || not_ok "$rule on $(basename "$f")" "no finding" ;;
                *.pass.yaml) [ "$n" -eq 0 ] && ok "no $rule on $(basename "$f")" || not_ok "no $rule on $(basename "$f")" "$n findings" ;;
            esac
        done
        [ "$found" -eq 1 ] || not_ok "serverless-rules $peer templates" "none found in $dir"
    done
fi
