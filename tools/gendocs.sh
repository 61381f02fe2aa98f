#!/usr/bin/env bash
# Regenerate the docs made from the rule pages: man/samlint-rules.7 and the
# README's rule table (between the samlint-rules markers). `make docs` runs it;
# tests/t_docs.sh fails when the committed copies are stale.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
samlint="${1:-$root/samlint}"
"$samlint" --list-rules --format man > "$root/man/samlint-rules.7"
table=$(mktemp)
trap 'rm -f "$table"' EXIT
"$samlint" --list-rules --format markdown > "$table"
readme="$root/README.md"
grep -q '^<!-- samlint-rules:begin -->$' "$readme" || { echo "gendocs: no rule table markers in README.md" >&2; exit 1; }
awk -v table="$table" '
    /^<!-- samlint-rules:end -->$/ { skipping = 0 }
    !skipping { print }
    /^<!-- samlint-rules:begin -->$/ { while ((getline line < table) > 0) print line; skipping = 1 }
' "$readme" > "$readme.tmp"
mv "$readme.tmp" "$readme"
