#!/usr/bin/env bash
# bench.sh: `make bench`: samlint's speed and memory on the shared corpus next to a libyaml parse-only baseline.
# Prints figures; never fails on time. Usage: tools/bench.sh [SAMLINT] [BENCH_PARSE] [CORPUS]
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
samlint=${1:-$root/samlint}
parse=${2:-$root/build/bench_parse}
corpus=${3:-$root/../shared/corpus}
runs=${BENCH_RUNS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samlint-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for tool in "$samlint" "$parse"; do
    [ -x "$tool" ] || { echo "bench: $tool not built" >&2; exit 2; }
done

now_us() { local t=${EPOCHREALTIME/./}; echo "${t#0}"; }

# best_of N CMD...: the fastest of N runs, in microseconds (the least disturbed by other load).
best_of() {
    local n=$1 best= t0 t1 i
    shift
    for ((i = 0; i < n; i++)); do
        t0=$(now_us)
        "$@" > /dev/null 2>&1
        t1=$(now_us)
        if [ -z "$best" ] || (( t1 - t0 < best )); then best=$((t1 - t0)); fi
    done
    echo "$best"
}

# peak_kb CMD...: peak resident set size in KiB.
peak_kb() {
    /usr/bin/time -f '%M' -o "$tmp/rss" "$@" > /dev/null 2>&1
    tail -n 1 "$tmp/rss"
}

# instructions CMD...: instructions executed (valgrind callgrind), or "n/a".
# PCRE2's JIT is off (SAMLINT_NO_JIT=1): the interpreter's count is the
# one the commit messages quote, and it does not depend on JIT warm-up.
instructions() {
    if ! command -v valgrind > /dev/null; then echo n/a; return; fi
    SAMLINT_NO_JIT=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" > /dev/null 2> "$tmp/cg"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg" | head -n 1 | grep . || echo n/a
}

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
per_s() { awk -v n="$1" -v us="$2" 'BEGIN { if (us > 0) printf "%.0f", n * 1e6 / us; else print "n/a" }'; }
mb_s() { awk -v b="$1" -v us="$2" 'BEGIN { if (us > 0) printf "%.1f", b / 1048576 * 1e6 / us; else print "n/a" }'; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

cores=$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo 1)
echo "samlint benchmark: $(uname -m), $cores cores, best of $runs runs"

if [ -d "$corpus" ]; then
    read -r _ files _ bytes _ < <("$parse" "$corpus")
    echo
    echo "== whole shared corpus: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB, one process"
    # The four runs take turns, round after round, so that a burst of load
    # on a shared machine falls on all of them alike; each keeps its best.
    declare -A best=()
    for ((round = 0; round < runs; round++)); do
        for what in base 1 2 default; do
            case $what in
                base) cmd=("$parse" "$corpus") ;;
                default) cmd=("$samlint" "$corpus") ;;
                *) cmd=("$samlint" -j "$what" "$corpus") ;;
            esac
            t0=$(now_us)
            "${cmd[@]}" > /dev/null 2>&1
            t1=$(now_us)
            if [ -z "${best[$what]:-}" ] || ((t1 - t0 < best[$what])); then best[$what]=$((t1 - t0)); fi
        done
    done
    base=${best[base]}
    printf '%-28s %9s %7s %9s %8s %10s\n' "" "time ms" "ratio" "files/s" "MB/s" "peak MiB"
    printf '%-28s %9s %7s %9s %8s %10s\n' "libyaml parse only" "$(ms "$base")" "1.00" \
        "$(per_s "$files" "$base")" "$(mb_s "$bytes" "$base")" "$(mib "$(peak_kb "$parse" "$corpus")")"
    for jobs in 1 2 default; do
        if [ "$jobs" = default ]; then args=(); label="samlint -j default ($cores)"; else args=(-j "$jobs"); label="samlint -j $jobs"; fi
        t=${best[$jobs]}
        printf '%-28s %9s %7s %9s %8s %10s\n' "$label" "$(ms "$t")" "$(ratio "$t" "$base")" \
            "$(per_s "$files" "$t")" "$(mb_s "$bytes" "$t")" "$(mib "$(peak_kb "$samlint" "${args[@]}" "$corpus")")"
    done
    t=$(best_of "$runs" "$samlint" -j 1 --format json "$corpus")
    printf '%-28s %9s %7s\n' "samlint -j 1 --format json" "$(ms "$t")" "$(ratio "$t" "$base")"
    if [ "${BENCH_INSTRUCTIONS:-1}" = 1 ]; then
        pi=$(instructions "$parse" "$corpus")
        si=$(instructions "$samlint" -j 1 "$corpus")
        echo "instructions (callgrind): parse only $pi, samlint -j 1 $si, ratio $(ratio "$si" "$pi")"
        # The schema rules (SL6xx) walk every resource against the compiled
        # registry and SAM schemas: their cost, next to the same floor.
        sj=$(instructions "$samlint" -j 1 --format json --fail-on never "$corpus")
        sn=$(instructions "$samlint" -j 1 --format json --fail-on never --ignore SL6 "$corpus")
        echo "instructions (callgrind), --format json: with the SL6xx rules $sj ($(ratio "$sj" "$pi")x the parse-only floor), without them $sn ($(ratio "$sn" "$pi")x); target: at or under 1.00x"
        ss=$(instructions "$samlint" -j 1 --format sarif --fail-on never "$corpus")
        echo "instructions (callgrind), --format sarif: $ss ($(ratio "$ss" "$pi")x the parse-only floor)"
    fi
    echo "targets: -j 1 under 1.50x the baseline, -j 2 under 1.00x, peak under 20 MiB"
else
    echo "== shared corpus: skipped ($corpus absent)"
fi

echo
bin_bytes=$(wc -c < "$samlint")
tables=$(size "$root/build/src/schema_data.o" 2> /dev/null | awk 'NR == 2 { print $1 + $2 }')
echo "== binary: $bin_bytes bytes (${tables:-n/a} bytes of them the compiled schema tables, build/src/schema_data.o)"

echo
echo "== one small template (latency of a commit hook)"
small="$tmp/small.yaml"
"$root/tools/gen_template.sh" resources 4 > "$small"
t=$(best_of $((runs * 4)) "$samlint" "$small")
echo "$(wc -c < "$small") bytes: best $(ms "$t") ms, peak $(mib "$(peak_kb "$samlint" "$small")") MiB (target: under 5 ms)"
sam="$root/examples/template.yaml"
if [ -f "$sam" ]; then
    t=$(best_of $((runs * 4)) "$samlint" "$sam")
    echo "examples/template.yaml with schema validation: best $(ms "$t") ms (target: under 3 ms)"
fi

echo
echo "== generated templates (time should grow linearly)"
printf '%-16s %10s %9s %12s %10s %16s\n' "resources" "bytes" "time ms" "us/resource" "peak MiB" "instructions"
for n in 100 1000 10000; do
    f="$tmp/gen-$n.yaml"
    "$root/tools/gen_template.sh" resources "$n" > "$f"
    t=$(best_of "$runs" "$samlint" "$f")
    ins=n/a
    [ "${BENCH_INSTRUCTIONS:-1}" = 1 ] && ins=$(instructions "$samlint" "$f")
    printf '%-16s %10s %9s %12s %10s %16s\n' "$n" "$(wc -c < "$f")" "$(ms "$t")" \
        "$(awk -v us="$t" -v n="$n" 'BEGIN { printf "%.1f", us / n }')" "$(mib "$(peak_kb "$samlint" "$f")")" "$ins"
done

echo
echo "== a 50 MB template in SARIF (peak memory; target: at most 5 x the file size, 4 x the aim)"
"$root/tools/gen_template.sh" resources 165000 > "$tmp/big.yaml"
big_kb=$(peak_kb "$samlint" -f sarif --max-file-size 64M "$tmp/big.yaml")
echo "$(wc -c < "$tmp/big.yaml") bytes: peak $(mib "$big_kb") MiB, $(awk -v kb="$big_kb" -v b="$(wc -c < "$tmp/big.yaml")" 'BEGIN { printf "%.2f", kb * 1024 / b }') x the file"
rm -f "$tmp/big.yaml"

if [ "${BENCH_INSTRUCTIONS:-1}" = 1 ]; then
    echo
    echo "== shapes that were once quadratic (instructions at N and 4N: a ratio near 4 is linear)"
    printf '%-12s %8s %16s %16s %7s\n' "shape" "N" "at N" "at 4N" "ratio"
    for shape in "params 5000" "depends 5000" "aliasorder 5000" "mixed 250" "jsonline 2000" "ignorefile 2000" "globals 2000"; do
        set -- $shape
        "$root/tools/gen_template.sh" "$1" "$2" > "$tmp/a.yaml"
        "$root/tools/gen_template.sh" "$1" $(($2 * 4)) > "$tmp/b.yaml"
        a=$(instructions "$samlint" "$tmp/a.yaml")
        b=$(instructions "$samlint" "$tmp/b.yaml")
        printf '%-12s %8s %16s %16s %7s\n' "$1" "$2" "$a" "$b" "$(ratio "$b" "$a")"
    done
fi
exit 0
