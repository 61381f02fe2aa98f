# t_freshclone.sh: the README's list of what a fresh clone (no ../shared)
# skips is what the suite skips run that way. The scripts that use ../shared
# (or the units, which read $CORPUS) run again with SAMLINT_SHARED pointing
# nowhere; their skips whose reason is the missing ../shared are compared
# with the names the README lists.
# The scripts: those naming SHARED or CORPUS, the unit tests or a helper
# that reads them (attribution.py, unit_fast.c read $CORPUS).
fc_helpers=$(cd "$ROOT/tests" && grep -l 'SHARED\|CORPUS' ./*.py ./*.c 2> /dev/null | sed 's#^\./##' | tr '\n' '|')
fc_scripts=$(cd "$ROOT/tests" && grep -lE "SHARED|CORPUS|unit_${fc_helpers:+|${fc_helpers%|}}" t_*.sh | grep -v '^t_freshclone.sh$')
: > "$TMP/skips"
for fc_t in $fc_scripts; do
    SAMLINT_SHARED="$TMP/no-shared" bash "$ROOT/tests/run" "${fc_t%.sh}" > "$TMP/run-$fc_t" 2>&1
    grep '^skipped ' "$TMP/run-$fc_t" >> "$TMP/skips"
    if grep -q '^not ok ' "$TMP/run-$fc_t"; then
        not_ok "freshclone ${fc_t%.sh} passes" "$(grep '^not ok ' "$TMP/run-$fc_t" | head -n 3)"
    fi
done
fc_got=$(grep -i 'shared\|corpus' "$TMP/skips" | sed 's/^skipped //; s/: .*//' | sort -u)
# Each nested bullet names its skips in backquotes before its first colon.
fc_want=$(awk '/^- What a fresh clone skips/ { s = 1; next } s && /^(- |## )/ { exit }
    s && /^  - `/ { line = $0; sub(/`:.*/, "`", line); print line }' "$ROOT/README.md" |
    grep -o '`[^`]*`' | tr -d '`' | sort -u)
if [ -z "$fc_got" ]; then
    not_ok freshclone_skips_listed "no skip mentions ../shared: $(head -c 300 "$TMP/skips")"
else
    check freshclone_skips_listed "$fc_want" "$fc_got"
fi
