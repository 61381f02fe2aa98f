# Rule docs: --list-rules, --explain, the man pages and the README table, which must not be stale.

dd="$TMP/docs"
mkdir -p "$dd"

ids=$("$SAMLINT" --list-rules | awk '{print $1}')
n_ids=$(printf '%s\n' "$ids" | grep -c '^SL[0-9][0-9][0-9]$')
if [ "$n_ids" -ge 7 ] && printf '%s\n' "$ids" | grep -qx SL007; then ok "docs_list_rules_text ($n_ids rules)"; else not_ok docs_list_rules_text "$ids"; fi
json_ids=$("$SAMLINT" --list-rules --format json | python3 -c 'import json,sys
rules = json.load(sys.stdin)
assert all(r["id"] and r["name"] and r["severity"] in ("error","warning","info") and r["summary"] for r in rules)
print("\n".join(r["id"] for r in rules))')
if [ "$json_ids" = "$ids" ]; then ok docs_list_rules_json; else not_ok docs_list_rules_json "json ids differ from text ids"; fi

# --explain: the whole page, by id or name; an unknown rule is a usage error.
page=$("$SAMLINT" --explain SL007)
missing=""
for h in "# SL007 unused-suppression" "- severity: info" "- peers:" "## What it does" "## Why is this bad" "## How to fix" "## Example" "## Use instead"; do
    case "$page" in *"$h"*) ;; *) missing="$missing [$h]" ;; esac
done
if [ -z "$missing" ]; then ok docs_explain; else not_ok docs_explain "missing:$missing"; fi
if [ "$("$SAMLINT" --explain unused-suppression)" = "$page" ]; then ok docs_explain_by_name; else not_ok docs_explain_by_name "differs"; fi
"$SAMLINT" --explain SL999 > /dev/null 2> "$dd/err.txt"
rc=$?
if [ "$rc" -eq 2 ] && grep -q SL999 "$dd/err.txt"; then ok docs_explain_unknown; else not_ok docs_explain_unknown "rc=$rc"; fi

# Generated files are committed and current (`make docs` regenerates them).
"$SAMLINT" --list-rules --format man > "$dd/rules.7"
if cmp -s "$dd/rules.7" "$ROOT/man/samlint-rules.7"; then ok docs_man_rules_current; else not_ok docs_man_rules_current "man/samlint-rules.7 is stale: run make docs"; fi
"$SAMLINT" --list-rules --format markdown > "$dd/table.md"
awk '/^<!-- samlint-rules:end -->$/ {p = 0} p {print} /^<!-- samlint-rules:begin -->$/ {p = 1}' "$ROOT/README.md" > "$dd/readme-table.md"
if [ -s "$dd/readme-table.md" ] && cmp -s "$dd/table.md" "$dd/readme-table.md"; then ok docs_readme_table_current; else not_ok docs_readme_table_current "README rule table is stale: run make docs"; fi
if grep -c '^\.SS SL' "$ROOT/man/samlint-rules.7" | grep -qx "$n_ids"; then ok docs_man_rules_complete; else not_ok docs_man_rules_complete "not every rule has a section"; fi

# Both man pages are clean roff.
if command -v groff > /dev/null; then
    for page in samlint.1 samlint-rules.7; do
        warn=$(groff -man -Tutf8 -ww -z "$ROOT/man/$page" 2>&1)
        if [ -z "$warn" ]; then ok "docs_groff_$page"; else not_ok "docs_groff_$page" "$warn"; fi
    done
else
    skip docs_groff "groff is not installed (Debian groff-base)"
fi

# Every option of --help is in the hand-written man page.
undocumented=""
for opt in $("$SAMLINT" --help 2>&1 | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" "$ROOT/man/samlint.1" || undocumented="$undocumented $opt"
done
if [ -z "$undocumented" ]; then ok docs_man_options; else not_ok docs_man_options "not in man/samlint.1:$undocumented"; fi
missing=""
for section in SYNOPSIS OPTIONS CONFIGURATION SUPPRESSIONS "EXIT STATUS" EXAMPLES; do
    grep -q "^\.SH $section" "$ROOT/man/samlint.1" || missing="$missing [$section]"
done
if [ -z "$missing" ]; then ok docs_man_sections; else not_ok docs_man_sections "missing:$missing"; fi
