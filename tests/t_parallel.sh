# t_parallel.sh: -j N lints many files at once; output and exit status match -j 1 byte for byte.

if [ -n "$CORPUS" ]; then
    par_inputs=("$CORPUS")
    par_what="the shared corpus"
else
    par_inputs=("$ROOT/fixtures")
    par_what="the fixtures"
fi
# A missing file and an unparseable one among the inputs: their errors keep their place too.
par_inputs+=("$TMP/par-missing.yaml" "$ROOT/fixtures/limits/alias-bomb.yaml" "$ROOT/fixtures/limits")

par_run() { # par_run OUT ARGS...: sets par_rc
    local out=$1
    shift
    timeout 120 "$SAMLINT" --no-excerpt "$@" > "$out.out" 2> "$out.err"
    par_rc=$?
}

for par_fmt in text json; do
    par_run "$TMP/par-1" -f "$par_fmt" -j 1 "${par_inputs[@]}"
    par_rc1=$par_rc
    if [ "$par_rc1" -ge 3 ] || ! grep -q 'unreadable' "$TMP/par-1.out"; then
        not_ok "parallel: -j 1 over $par_what ($par_fmt)" "exit $par_rc1: $(head -c 300 "$TMP/par-1.err")"
        continue
    fi
    for par_j in 2 3 8 default default; do
        par_args=(-j "$par_j")
        [ "$par_j" = default ] && par_args=()
        par_run "$TMP/par-n" -f "$par_fmt" "${par_args[@]}" "${par_inputs[@]}"
        par_name="parallel: -j $par_j over $par_what ($par_fmt) matches -j 1"
        if [ "$par_rc" != "$par_rc1" ]; then
            not_ok "$par_name" "exit $par_rc, -j 1 exited $par_rc1"
        elif ! cmp -s "$TMP/par-1.out" "$TMP/par-n.out"; then
            not_ok "$par_name" "stdout differs: $(diff "$TMP/par-1.out" "$TMP/par-n.out" | head -n 6 | tr "\n" " ")"
        elif ! cmp -s "$TMP/par-1.err" "$TMP/par-n.err"; then
            not_ok "$par_name" "stderr differs: $(diff "$TMP/par-1.err" "$TMP/par-n.err" | head -n 4)"
        else
            ok "$par_name"
        fi
    done
done

par_run "$TMP/par-order" -j 1 --format json "$ROOT/fixtures/limits/alias-bomb.yaml"
if [ "$par_rc" = 1 ] && grep -q '"SL001"' "$TMP/par-order.out"; then
    ok "parallel: -j N before other options"
else
    not_ok "parallel: -j N before other options" "exit $par_rc: $(head -c 200 "$TMP/par-order.err")"
fi
par_run "$TMP/par-one" -j 8 "$ROOT/fixtures/limits/alias-bomb.yaml"
if [ "$par_rc" = 1 ] && grep -q 'SL001' "$TMP/par-one.out"; then
    ok "parallel: more threads than files"
else
    not_ok "parallel: more threads than files" "exit $par_rc"
fi
for par_bad in 0 -1 x 2x 100000; do
    par_run "$TMP/par-bad" -j "$par_bad" "$ROOT/fixtures/limits/alias-bomb.yaml"
    if [ "$par_rc" = 2 ] && grep -q -- '-j' "$TMP/par-bad.err"; then
        ok "parallel: -j $par_bad is a usage error"
    else
        not_ok "parallel: -j $par_bad is a usage error" "exit $par_rc: $(head -c 200 "$TMP/par-bad.err")"
    fi
done
