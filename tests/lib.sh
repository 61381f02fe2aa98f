# lib.sh: what every tests/t_*.sh can use. Loaded by tests/run.
# ok NAME / not_ok NAME DETAIL / skip NAME WHY record one result each.
# $ROOT repo root, $SAMLINT binary, $SHARED the ../shared folder (may be
# absent), $CORPUS its corpus ("" if absent),
# $TMP a scratch directory of this script's own.

ok() { echo "ok $1" >> "$RESULTS"; [ -n "${VERBOSE:-}" ] && echo "ok $1"; return 0; }
not_ok() { echo "not ok $1: ${2:-}" >> "$RESULTS"; echo "not ok $1: ${2:-}"; return 0; }
skip() { echo "skip $1: ${2:-}" >> "$RESULTS"; echo "skipped $1: ${2:-}"; return 0; }

# check NAME EXPECTED ACTUAL: ok when equal, else not_ok with both.
check() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected [$2] got [$3]"; fi
}

# check_contains NAME NEEDLE HAYSTACK
check_contains() {
    case "$3" in *"$2"*) ok "$1" ;; *) not_ok "$1" "[$2] not in output: $(printf '%s' "$3" | head -c 400)" ;; esac
}

# findings_of FILE [ARGS...]: "LINE:COL SEVERITY RULE" per finding in the
# template itself, "PATH:LINE:COL SEVERITY RULE" for other files (PATH
# relative to the template's folder), in output order.
findings_of() {
    local file="$1"; shift
    local dir; dir=$(dirname "$file")
    "$SAMLINT" --no-excerpt --color=never "$@" "$file" 2>/dev/null |
        awk -v f="$file" -v d="$dir/" '
        match($0, /^.*:[0-9]+:[0-9]+: (error|warning|info): .* \[SL[0-9]+ [a-z0-9-]+\]$/) {
            line = $0
            rule = line; sub(/.*\[/, "", rule); sub(/ .*/, "", rule)
            head = line; sub(/: (error|warning|info): .*/, "", head)
            sev = line; sub(/^.*:[0-9]+:[0-9]+: /, "", sev); sub(/:.*/, "", sev)
            n = split(head, parts, ":"); col = parts[n]; ln = parts[n-1]
            path = substr(head, 1, length(head) - length(ln) - length(col) - 2)
            if (path == f) print ln ":" col " " sev " " rule
            else { if (index(path, d) == 1) path = substr(path, length(d) + 1); print path ":" ln ":" col " " sev " " rule }
        }'
}
