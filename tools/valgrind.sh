#!/usr/bin/env bash
# valgrind.sh: `make valgrind`: memcheck over a sample of the shared corpus and the limit fixtures; no error, no leak.
#   tools/valgrind.sh SAMLINT [CORPUS]    sample step: VALGRIND_EVERY (default every 10th template)
set -u
# PCRE2's JIT reads past the subject with vector loads, which memcheck
# reports; the interpreter finds the same matches (see src/rx.h).
export SAMLINT_NO_JIT=1

samlint=${1:?usage: valgrind.sh SAMLINT [CORPUS]}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${2:-$root/../shared/corpus}
every=${VALGRIND_EVERY:-10}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samlint-valgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
command -v valgrind > /dev/null || { echo "valgrind: not installed" >&2; exit 2; }

sample=()
if [ -f "$corpus/INDEX.tsv" ]; then
    while IFS= read -r path; do sample+=("$corpus/$path"); done < <(awk -F'\t' -v k="$every" 'NR > 1 && (NR - 2) % k == 0 { print $1 }' "$corpus/INDEX.tsv")
else
    echo "valgrind: $corpus absent: fixtures only"
fi
"$root/tools/gen_template.sh" resources 200 > "$tmp/gen.yaml"
"$root/tools/gen_template.sh" ifs 40 > "$tmp/ifs.yaml"

status=0
# vg NAME ARGS...: one memcheck run; any error or leak fails it.
vg() {
    local name=$1
    shift
    valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes \
        "$samlint" --fail-on never "$@" > /dev/null 2> "$tmp/vg.err"
    local rc=$?
    if [ "$rc" = 99 ] || grep -q '^==[0-9]*==' "$tmp/vg.err"; then
        echo "valgrind: $name: FAILED"
        grep '^==' "$tmp/vg.err" | head -n 40
        status=1
    elif [ "$rc" -ge 2 ] && [ "${name#hostile fixtures}" = "$name" ]; then
        echo "valgrind: $name: exit $rc: $(head -c 300 "$tmp/vg.err")"
        status=1
    else
        echo "valgrind: $name: clean"
    fi
}

vg "${#sample[@]} corpus templates, -j 1" -j 1 "${sample[@]}" "$tmp/gen.yaml" "$tmp/ifs.yaml"
vg "${#sample[@]} corpus templates, -j 2, json" -j 2 -f json "${sample[@]}"
vg "${#sample[@]} corpus templates, -j 2, sarif" -j 2 -f sarif "${sample[@]}"
vg "hostile fixtures, junit" -j 2 -f junit "$root/fixtures/limits" /dev/null
vg "hostile fixtures" -j 2 "$root/fixtures/limits" "$root/fixtures/limits/empty.yaml" "$root/fixtures/limits/utf16-bom.yaml" /dev/null "$tmp/missing.yaml"
[ -d "$root/fixtures" ] && vg "all fixtures" -j 2 "$root/fixtures"
vg "fixes as a diff" --diff --unsafe-fixes "$root/fixtures/fix"
vg "a language server session" --lsp < "$root/fuzz/seeds-fuzz_lsp/session"
exit "$status"
