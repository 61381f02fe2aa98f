#!/bin/sh
# seed.sh: build a fuzzing seed corpus in DIR from the fixtures and the shared corpus (run time only, never committed).
#   fuzz/seed.sh DIR [CORPUS]      CORPUS defaults to ../shared/corpus; skipped when absent
set -eu

dir=${1:?usage: seed.sh DIR [CORPUS]}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${2:-$root/../shared/corpus}

mkdir -p "$dir"
copy_from() {
    # Names are content hashes, so re-seeding and duplicates cost nothing.
    find "$1" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -size -256k |
    while IFS= read -r f; do
        sum=$(cksum < "$f" | tr ' ' '-')
        [ -e "$dir/$sum" ] || cp "$f" "$dir/$sum"
    done
}
copy_from "$root/fixtures"
if [ -d "$corpus" ]; then
    copy_from "$corpus"
else
    echo "seed.sh: $corpus absent: seeding from fixtures only" >&2
fi
count=$(find "$dir" -type f | wc -l)
echo "seed.sh: $count seeds in $dir"
