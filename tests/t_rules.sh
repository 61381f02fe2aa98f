# t_rules.sh: every rule has docs and fixtures; fixtures give exactly the
# expected findings; documented examples raise the rule and fixes do not.
# UPDATE=1 rewrites the .expect files from the current output.

# The code block under a "## HEADING" of a rule page.
doc_block() {
    awk -v h="## $2" '$0 == h { f = 1; next } f && /^## / { exit } f && /^```/ { if (p) exit; p = 1; next } p' "$1"
}

for c in "$ROOT"/rules/SL*.c; do
    id=$(basename "$c" .c)
    md="$ROOT/rules/$id.md"
    fx="$ROOT/fixtures/$id"
    [ -f "$md" ] && ok "$id has rules/$id.md" || not_ok "$id has rules/$id.md" "missing"
    if [ -f "$fx/bad.yaml" ] && [ -s "$fx/bad.expect" ] && [ -f "$fx/good.yaml" ]; then
        ok "$id has bad and good fixtures"
    else
        not_ok "$id has bad and good fixtures" "need fixtures/$id/bad.yaml, bad.expect (not empty) and good.yaml"
    fi
    [ -f "$md" ] || continue
    for section in "Example" "Use instead"; do
        ext=yaml
        grep -A1 "^## $section" "$md" | grep -q '^```json' && ext=json
        doc_block "$md" "$section" > "$TMP/$id-doc.$ext"
        if [ ! -s "$TMP/$id-doc.$ext" ]; then
            not_ok "$id doc has a '$section' block" "no code block under '## $section'"
            continue
        fi
        got=$(findings_of "$TMP/$id-doc.$ext" --select "$id" | grep -c " $id\$")
        if [ "$section" = "Example" ]; then
            [ "$got" -gt 0 ] && ok "$id doc example raises $id" || not_ok "$id doc example raises $id" "no finding"
        else
            [ "$got" -eq 0 ] && ok "$id doc fix does not raise $id" || not_ok "$id doc fix does not raise $id" "$got findings"
        fi
    done
done

# Fixtures: every template directly in fixtures/SLnnn/ or one level down
# as <case>/template.yaml.
for dir in "$ROOT"/fixtures/SL*/; do
    id=$(basename "$dir")
    [ -f "$ROOT/rules/$id.c" ] || { not_ok "fixtures/$id belongs to a rule" "no rules/$id.c"; continue; }
    for f in "$dir"*.yaml "$dir"*.yml "$dir"*.json "$dir"*/template.yaml "$dir"*/template.yml "$dir"*/template.json; do
        [ -f "$f" ] || continue
        expect="${f%.*}.expect"
        rel=${f#"$ROOT"/}
        actual=$(cd "$(dirname "$f")" && findings_of "$(basename "$f")" --select "$id" | sed 's/ [^ ]*$//' | sort)
        if [ -n "${UPDATE:-}" ]; then
            if [ -n "$actual" ]; then printf '%s\n' "$actual" > "$expect"; else rm -f "$expect"; fi
        fi
        wanted=""
        [ -f "$expect" ] && wanted=$(grep -v '^#' "$expect" | grep -v '^$' | sort)
        if [ "$actual" = "$wanted" ]; then
            ok "$rel"
        else
            not_ok "$rel" "expected [$(echo $wanted)] got [$(echo $actual)]"
        fi
    done
done

# The registry lists every rule once, sorted, and nothing else.
listed=$(grep -o '{"SL[0-9]*"' "$ROOT/build/registry.c" | tr -d '{"' | tr '\n' ' ')
files=$(ls "$ROOT"/rules/SL*.c | xargs -n1 basename | sed 's/\.c$//' | sort | tr '\n' ' ')
check "registry lists every rule file, sorted" "$files" "$listed"
