# t_event_options: rule options of the event-driven rules (SL304 factor).

sl304_count() {  # file [options...]: number of SL304 findings
    local file=$1; shift
    "$SAMLINT" --select SL304 "$@" "$file" 2>/dev/null | grep -c '\[SL304 '
}

f=$ROOT/fixtures/SL304/bad.yaml      # VisibilityTimeout 60, Timeout 30
g=$ROOT/fixtures/SL304/good.yaml     # VisibilityTimeout 180, Timeout 30

n=$(sl304_count "$f")
[ "$n" = 1 ] && ok "SL304 default factor 6 flags 60 s for a 30 s function" \
    || not_ok "SL304 default factor 6 flags 60 s for a 30 s function" "got $n findings"

n=$(sl304_count "$f" --rule-option SL304.factor=2)
[ "$n" = 0 ] && ok "SL304.factor=2 accepts 60 s for a 30 s function" \
    || not_ok "SL304.factor=2 accepts 60 s for a 30 s function" "got $n findings"

n=$(sl304_count "$g" --rule-option SL304.factor=10)
[ "$n" = 1 ] && ok "SL304.factor=10 flags 180 s for a 30 s function" \
    || not_ok "SL304.factor=10 flags 180 s for a 30 s function" "got $n findings"

out=$("$SAMLINT" --select SL304 --rule-option SL304.factor=10 "$g" 2>/dev/null)
case $out in
*"below 10 x the Timeout"*) ok "SL304 message names the configured factor" ;;
*) not_ok "SL304 message names the configured factor" "$out" ;;
esac

n=$(sl304_count "$g" --rule-option SL304.factor=4.5)
[ "$n" = 0 ] && ok "SL304.factor=4.5 (fractional) accepts 180 s for a 30 s function" \
    || not_ok "SL304.factor=4.5 (fractional) accepts 180 s for a 30 s function" "got $n findings"

"$SAMLINT" --select SL304 --rule-option SL304.factor=abc "$f" >/dev/null 2>&1
rc=$?
[ "$rc" = 2 ] && ok "SL304.factor=abc is a usage error (exit 2)" \
    || not_ok "SL304.factor=abc is a usage error (exit 2)" "exit $rc"

# The option belongs to SL304 only: SL303 still reports below the Timeout itself.
n=$("$SAMLINT" --select SL303 --rule-option SL304.factor=0.1 "$ROOT/fixtures/SL303/bad.yaml" 2>/dev/null | grep -c '\[SL303 ')
[ "$n" = 2 ] && ok "SL304.factor does not change SL303" \
    || not_ok "SL304.factor does not change SL303" "got $n SL303 findings"
