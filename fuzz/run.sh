#!/bin/sh
# run.sh: run each libFuzzer target for SECONDS on a corpus seeded from the fixtures and the shared corpus.
#   fuzz/run.sh SECONDS TARGET...     (make fuzz FUZZ_SECONDS=N builds the targets and calls this)
# A crash leaves its input in build/fuzz/artifacts/; copy it to fixtures/limits/fuzz-<what>.yaml.
set -eu

seconds=${1:?usage: run.sh SECONDS TARGET...}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/build/fuzz
mkdir -p "$work/artifacts"
"$root/fuzz/seed.sh" "$work/seeds" > /dev/null
status=0
for target in "$@"; do
    name=$(basename "$target")
    mkdir -p "$work/corpus-$name"
    # A target may have seeds of its own (fuzz/seeds-fuzz_lsp: LSP sessions).
    own=""
    [ -d "$root/fuzz/seeds-$name" ] && own="$root/fuzz/seeds-$name"
    echo "fuzz: $name for ${seconds}s"
    # Inputs over 64 KiB add time, not coverage; the seeds above are cut to it.
    if ! "$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict="$root/fuzz/samlint.dict" -artifact_prefix="$work/artifacts/$name-" \
        -print_final_stats=1 "$work/corpus-$name" "$work/seeds" $own > "$work/$name.log" 2>&1; then
        status=1
        echo "fuzz: $name FAILED; input kept in $work/artifacts/ (see $work/$name.log):"
        grep -E '^==[0-9]+==ERROR|runtime error|SUMMARY|Test unit written' "$work/$name.log" | head -n 8
    fi
    grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' "$work/$name.log" | tr '\n' ' '
    echo
done
exit "$status"
