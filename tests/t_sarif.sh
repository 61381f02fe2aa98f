# SARIF output: schema-valid, complete rule metadata, relative URIs, stable fingerprints.

# A python3 that has jsonschema (Debian's python3-jsonschema), or empty.
sarif_python=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jsonschema' 2>/dev/null; then
        sarif_python=$p
        break
    fi
done
SARIF_SCHEMA_FILE="$SHARED/schemas/sarif-schema-2.1.0.json"

# sarif_validate FILE: schema errors on stdout, exit 1 when there are any.
sarif_validate() {
    "$sarif_python" - "$SARIF_SCHEMA_FILE" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
for e in errors[:5]:
    print("/".join(str(p) for p in e.absolute_path), e.message[:300])
sys.exit(1 if errors else 0)
PY
}

# sarif_query FILE EXPR: print a Python expression over the log `s`.
sarif_query() {
    "$sarif_python" -c 'import json,sys; s=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

sd="$TMP/sarif"
mkdir -p "$sd/sub dir"

# GitHub code scanning's needs (RULES.md's output contract), without the schema:
# every fixture in one log, linted from another working directory.
if command -v python3 > /dev/null; then
    fixtures_rel=$(python3 -c 'import os,sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))' "$ROOT/fixtures" "$TMP")
    (cd "$TMP" && "$SAMLINT" --format sarif "$fixtures_rel" > "$TMP/contract.sarif" 2>/dev/null)
    if msg=$(python3 "$ROOT/tests/sarif_contract.py" "$TMP/contract.sarif" "$(dirname "$ROOT")"); then
        ok "sarif_contract_fixtures ($(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$TMP/contract.sarif") results)"
    else
        not_ok sarif_contract_fixtures "$msg"
    fi
    # URIs are relative to the git work tree's root, whatever the working directory.
    if command -v git > /dev/null; then
        rp="$TMP/repo"
        mkdir -p "$rp/infra/deep" "$rp/other"
        git -C "$rp" init -q
        printf 'Parameters:\n  A:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n' > "$rp/infra/t.yaml"
        u() { python3 -c 'import json,sys; print(sorted({l["physicalLocation"]["artifactLocation"]["uri"] for r in json.load(sys.stdin)["runs"][0]["results"] for l in r["locations"]}))'; }
        a=$(cd "$rp" && "$SAMLINT" --select SL006 -f sarif infra/t.yaml | u)
        b=$(cd "$rp/infra/deep" && "$SAMLINT" --select SL006 -f sarif ../t.yaml | u)
        c=$(cd "$rp/other" && "$SAMLINT" --select SL006 -f sarif ../infra | u)
        d=$(cd "$TMP" && "$SAMLINT" --select SL006 -f sarif "$rp/infra/t.yaml" | u)
        if [ "$a" = "['infra/t.yaml']" ] && [ "$b" = "$a" ] && [ "$c" = "$a" ] && [ "$d" = "$a" ]; then
            ok sarif_uri_repo_root
        else
            not_ok sarif_uri_repo_root "from root: $a, below: $b, beside: $c, outside: $d"
        fi
        # Outside any work tree: relative to the working directory, never absolute.
        mkdir -p "$TMP/plain/x"
        cp "$rp/infra/t.yaml" "$TMP/plain/t.yaml"
        e=$(cd "$TMP/plain/x" && GIT_CEILING_DIRECTORIES="$TMP" "$SAMLINT" --select SL006 -f sarif ../t.yaml | u)
        case "$TMP" in
            */.git/*) skip sarif_uri_no_repo "the scratch folder is inside a .git" ;;
            *) if [ "$e" = "['../t.yaml']" ]; then ok sarif_uri_no_repo; else not_ok sarif_uri_no_repo "$e"; fi ;;
        esac
    else
        skip sarif_uri_repo_root "git is missing"
    fi
else
    skip sarif_contract_fixtures "python3 is missing"
fi
cat > "$sd/sub dir/bad.yaml" <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Unused:
    Type: String
  Kept:  # samlint: ignore SL006 -- kept for the next release
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Missing
YAML

if [ -z "$sarif_python" ] || [ ! -f "$SARIF_SCHEMA_FILE" ]; then
    skip sarif_schema "python3-jsonschema or ../shared/schemas missing (the OASIS schema is not shipped: see README, Development)"
else
    (cd "$sd" && "$SAMLINT" --select SL0 --format sarif "sub dir/bad.yaml" > out.sarif)
    rc=$?
    if [ "$rc" -ne 1 ]; then
        not_ok sarif_exit "expected exit 1 for error findings, got $rc"
    else
        ok sarif_exit
    fi
    if msg=$(sarif_validate "$sd/out.sarif"); then ok sarif_schema_valid; else not_ok sarif_schema_valid "$msg"; fi

    # One run, and the driver lists every rule of --list-rules with its metadata.
    n_rules=$("$SAMLINT" --list-rules --format json | "$sarif_python" -c 'import json,sys; print(len(json.load(sys.stdin)))')
    got=$(sarif_query "$sd/out.sarif" 'len(s["runs"]), len(s["runs"][0]["tool"]["driver"]["rules"])')
    if [ "$got" = "(1, $n_rules)" ]; then ok sarif_one_run_all_rules; else not_ok sarif_one_run_all_rules "runs, rules = $got; want 1, $n_rules"; fi
    check=$(sarif_query "$sd/out.sarif" '[r["id"] for r in s["runs"][0]["tool"]["driver"]["rules"]
        if not (r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
                and r["help"]["text"] and r["help"]["markdown"].startswith("# " + r["id"])
                and r["helpUri"].endswith(r["id"] + ".md") and r["defaultConfiguration"]["level"] in ("error","warning","note")
                and r["properties"]["tags"]
                and (("security-severity" in r["properties"]) == ("security" in r["properties"]["tags"])))]')
    if [ "$check" = "[]" ]; then ok sarif_rule_metadata; else not_ok sarif_rule_metadata "incomplete: $check"; fi
    driver=$(sarif_query "$sd/out.sarif" 'sorted(k for k in s["runs"][0]["tool"]["driver"] if k in ("name","version","informationUri"))')
    if [ "$driver" = "['informationUri', 'name', 'version']" ]; then ok sarif_driver; else not_ok sarif_driver "$driver"; fi
    sec=$(sarif_query "$sd/out.sarif" '[r["id"] for r in s["runs"][0]["tool"]["driver"]["rules"] if r["id"].startswith("SL1") and "security-severity" not in r["properties"]]')
    if [ "$sec" = "[]" ]; then ok sarif_security_severity; else not_ok sarif_security_severity "no security-severity: $sec"; fi

    # Results: rule index, level, relative URI with %SRCROOT%, region, logical location, fingerprint.
    res=$(sarif_query "$sd/out.sarif" '[(r["ruleId"], s["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"], r["level"],
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId"),
        r["locations"][0]["physicalLocation"]["region"]["startLine"], r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        r["locations"][0]["physicalLocation"]["region"]["endLine"] >= r["locations"][0]["physicalLocation"]["region"]["startLine"],
        [l["name"] for l in r["locations"][0].get("logicalLocations", [])], bool(r["partialFingerprints"]), "suppressions" in r)
        for r in s["runs"][0]["results"]]')
    want="[('SL006', True, 'warning', 'sub%20dir/bad.yaml', '%SRCROOT%', 3, 3, True, ['Unused'], True, False), ('SL006', True, 'warning', 'sub%20dir/bad.yaml', '%SRCROOT%', 5, 3, True, ['Kept'], True, True), ('SL004', True, 'error', 'sub%20dir/bad.yaml', '%SRCROOT%', 11, 23, True, ['Queue'], True, False)]"
    if [ "$res" = "$want" ]; then ok sarif_results; else not_ok sarif_results "got $res"; fi

    # A suppressed finding is kept, with its reason.
    sup=$(sarif_query "$sd/out.sarif" '[r["suppressions"] for r in s["runs"][0]["results"] if "suppressions" in r]')
    if [ "$sup" = "[[{'kind': 'inSource', 'justification': 'kept for the next release'}]]" ]; then ok sarif_suppression_reason; else not_ok sarif_suppression_reason "$sup"; fi

    # Absolute and ./ paths become the same relative URI.
    (cd "$sd" && "$SAMLINT" --select SL0 --format sarif "$sd/sub dir/bad.yaml" > abs.sarif; "$SAMLINT" --select SL0 --format sarif "./sub dir/bad.yaml" > dot.sarif)
    u1=$(sarif_query "$sd/abs.sarif" 'sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in s["runs"][0]["results"]})')
    u2=$(sarif_query "$sd/dot.sarif" 'sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in s["runs"][0]["results"]})')
    if [ "$u1" = "['sub%20dir/bad.yaml']" ] && [ "$u2" = "$u1" ]; then ok sarif_relative_uri; else not_ok sarif_relative_uri "absolute: $u1, dot: $u2"; fi

    # Fingerprints survive lines moving above, and change when the offending line does.
    fps() { sarif_query "$1" '[r["partialFingerprints"]["samlintFingerprint/v1"] for r in s["runs"][0]["results"] if r["partialFingerprints"]["primaryLocationLineHash"] == r["partialFingerprints"]["samlintFingerprint/v1"]]'; }
    { printf '# a comment that moves everything down\n\n'; cat "$sd/sub dir/bad.yaml"; } > "$sd/sub dir/moved.yaml"
    sed 's/!Ref Missing/!Ref Absent/' "$sd/sub dir/bad.yaml" > "$sd/sub dir/changed.yaml"
    (cd "$sd/sub dir" && cp bad.yaml t.yaml && "$SAMLINT" --select SL0 --format sarif t.yaml > ../fp1.sarif
     cp moved.yaml t.yaml && "$SAMLINT" --select SL0 --format sarif t.yaml > ../fp2.sarif
     cp changed.yaml t.yaml && "$SAMLINT" --select SL0 --format sarif t.yaml > ../fp3.sarif)
    f1=$(fps "$sd/fp1.sarif"); f2=$(fps "$sd/fp2.sarif"); f3=$(fps "$sd/fp3.sarif")
    if [ "$f1" = "$f2" ] && [ "$f1" != "$f3" ] && [ "$f1" != "[]" ]; then ok sarif_fingerprint_stable; else not_ok sarif_fingerprint_stable "base $f1 moved $f2 changed $f3"; fi

    # Two findings on identical lines differ by their occurrence count.
    printf 'Parameters:\n  A:\n    Type: String\n  B:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref X\n      DelaySeconds: !Ref X\n' > "$sd/dup.yaml"
    dupfp=$(cd "$sd" && "$SAMLINT" --select SL004 --format sarif dup.yaml > dup.sarif; fps "$sd/dup.sarif")
    if [ "$(sarif_query "$sd/dup.sarif" 'len({r["partialFingerprints"]["samlintFingerprint/v1"] for r in s["runs"][0]["results"]}) == len(s["runs"][0]["results"]) >= 2')" = True ]; then
        ok sarif_fingerprint_unique
    else
        not_ok sarif_fingerprint_unique "$dupfp"
    fi

    # info is "note"; an unreadable file is a tool notification, and the log stays valid.
    printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      samlint:\n        ignore: [SL006]\n' > "$sd/unused.yaml"
    (cd "$sd" && "$SAMLINT" --select SL0 --format sarif unused.yaml does-not-exist.yaml > note.sarif)
    lv=$(sarif_query "$sd/note.sarif" '([r["level"] for r in s["runs"][0]["results"] if r["ruleId"] == "SL007"], s["runs"][0]["invocations"][0]["executionSuccessful"])')
    if [ "$lv" = "(['note'], False)" ] && sarif_validate "$sd/note.sarif" >/dev/null; then ok sarif_note_and_error; else not_ok sarif_note_and_error "$lv"; fi

    # Every fixture in one run, then a sample of the shared corpus: all schema-valid.
    (cd "$ROOT" && "$SAMLINT" --format sarif fixtures > "$sd/fixtures.sarif" 2>/dev/null)
    if msg=$(sarif_validate "$sd/fixtures.sarif"); then
        ok "sarif_schema_fixtures ($(sarif_query "$sd/fixtures.sarif" 'len(s["runs"][0]["results"])') results)"
    else
        not_ok sarif_schema_fixtures "$msg"
    fi
    if [ -n "$CORPUS" ]; then
        find "$CORPUS" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) | sort | awk 'NR % 10 == 1' > "$sd/sample.txt"
        (cd "$ROOT/.." && xargs -d '\n' "$SAMLINT" --format sarif < "$sd/sample.txt" > "$sd/corpus.sarif" 2>/dev/null)
        if msg=$(sarif_validate "$sd/corpus.sarif"); then
            ok "sarif_schema_corpus_sample ($(wc -l < "$sd/sample.txt") files, $(sarif_query "$sd/corpus.sarif" 'len(s["runs"][0]["results"])') results)"
        else
            not_ok sarif_schema_corpus_sample "$msg"
        fi
    else
        skip sarif_schema_corpus_sample "no shared corpus"
    fi
fi

# --format github: workflow commands with escaped properties, notice for info, none for suppressed.
gd="$TMP/github"
mkdir -p "$gd"
printf 'Parameters:\n  A:\n    Type: String\n  B:  # samlint: ignore SL006 -- kept\n    Type: String\nResources:\n  Q:  # samlint: ignore SL004 -- stale\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Missing\n' > "$gd/we,ird:50%.yaml"
(cd "$gd" && "$SAMLINT" --select SL0 --format github . > gh.txt)
# Errors first, then warnings, then notices (GitHub shows the first 10 of each kind a step).
want='::error file=we%2Cird%3A50%25.yaml,line=10,endLine=10,col=23,endColumn=30,title=SL004 unresolved-reference::Ref target '"'"'Missing'"'"' is not defined in this template (Q)
::warning file=we%2Cird%3A50%25.yaml,line=2,endLine=2,col=3,endColumn=4,title=SL006 unused-parameter::parameter '"'"'A'"'"' is never referenced (A)
::notice file=we%2Cird%3A50%25.yaml,line=7,endLine=7,col=7,endColumn=39,title=SL007 unused-suppression::unused suppression: no SL004 finding on the line it covers; remove it (Q)
samlint: 3 findings (1 error, 1 warning, 1 info) in 1 file, 1 suppressed.'
if [ "$(cat "$gd/gh.txt")" = "$want" ]; then ok github_annotations; else not_ok github_annotations "$(cat "$gd/gh.txt")"; fi
# Past 10 of a kind, findings are plain log lines, and a last line says how many.
{ printf 'Parameters:\n'; for i in $(seq 1 12); do printf '  P%s:\n    Type: String\n' "$i"; done; printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Missing\n'; } > "$TMP/many.yaml"
(cd "$TMP" && "$SAMLINT" --select SL004,SL006 --format github many.yaml > "$gd/many.txt")
got="$(grep -c '^::warning' "$gd/many.txt") $(grep -c '^::error' "$gd/many.txt") $(head -n 1 "$gd/many.txt" | cut -c1-8) $(grep -c '^samlint: many.yaml:[0-9]*:[0-9]*: warning: ' "$gd/many.txt") $(tail -n 2 "$gd/many.txt" | head -n 1 | cut -d' ' -f1-3)"
check github_annotations_capped "10 1 ::error  2 samlint: 2 more" "$got"
# The last line is the summary, as in text output; -q leaves it out.
check github_summary_line "samlint: 13 findings (1 error, 12 warnings, 0 info) in 1 file." "$(tail -n 1 "$gd/many.txt")"
check github_quiet "0" "$(cd "$TMP" && "$SAMLINT" -q --select SL004,SL006 --format github many.yaml | grep -c 'findings (')"

# --format junit: well-formed XML, one failing test case a finding, read errors as errors.
(cd "$gd" && "$SAMLINT" --select SL0 --format junit . missing.yaml > junit.xml 2>/dev/null)
ju=$(python3 -c 'import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.tag, root.get("tests"), root.get("failures"), root.get("errors"), len(root.findall(".//failure")), len(root.findall(".//error")))' "$gd/junit.xml" 2>&1)
if [ "$ju" = "testsuites 4 3 1 3 1" ]; then ok junit_xml; else not_ok junit_xml "$ju"; fi

# A file name that is not UTF-8 still gives valid JSON, SARIF and XML.
bad_name=$(printf 'bad\377name.yaml')
cp "$gd/we,ird:50%.yaml" "$gd/$bad_name"
(cd "$gd" && "$SAMLINT" --select SL0 --format sarif "$bad_name" > bad.sarif; "$SAMLINT" --select SL0 --format junit "$bad_name" > bad.xml)
if python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$gd/bad.sarif" 2>/dev/null &&
   python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$gd/bad.xml" 2>/dev/null; then
    ok formats_non_utf8_path
else
    not_ok formats_non_utf8_path "invalid JSON or XML for a non-UTF-8 file name"
fi

# --sarif-file: the same SARIF log as --format sarif, beside the chosen report, in one run.
sf="$TMP/sarif-file"
mkdir -p "$sf"
cp "$TMP/many.yaml" "$sf/t.yaml"
(cd "$sf" && "$SAMLINT" --select SL004,SL006 --format sarif t.yaml > direct.sarif
 "$SAMLINT" --select SL004,SL006 --format github --sarif-file side.sarif t.yaml > gh.txt; echo "rc=$?" >> gh.txt)
if cmp -s "$sf/direct.sarif" "$sf/side.sarif" && grep -q '^::error file=t.yaml' "$sf/gh.txt" && grep -qx 'rc=1' "$sf/gh.txt"; then
    ok sarif_file_beside_report
else
    not_ok sarif_file_beside_report "$(cmp "$sf/direct.sarif" "$sf/side.sarif" 2>&1; tail -n 2 "$sf/gh.txt")"
fi
# With --baseline, the SARIF log keeps the known findings (baselineState) and the report drops them.
(cd "$sf" && "$SAMLINT" --select SL004,SL006 --write-baseline base.json t.yaml > /dev/null
 printf '  Extra:\n    Type: String\n' > extra.txt
 awk 'NR == 2 {while ((getline l < "extra.txt") > 0) print l} {print}' t.yaml > t2.yaml && mv t2.yaml t.yaml
 "$SAMLINT" --select SL004,SL006 --baseline base.json --no-excerpt --sarif-file b.sarif t.yaml > b.txt)
got=$(python3 -c 'import json,sys
rs = json.load(open(sys.argv[1]))["runs"][0]["results"]
print(len(rs), sum(r.get("baselineState") == "unchanged" for r in rs), sum(r.get("baselineState") == "new" for r in rs))' "$sf/b.sarif" 2>&1)
check sarif_file_baseline "14 13 1 $(printf '1 finding')" "$got $(tail -n 1 "$sf/b.txt" | cut -d' ' -f1-2)"
# A SARIF file that cannot be written is an error (exit 2, named), and no report is printed.
(cd "$sf" && "$SAMLINT" --select SL004 --sarif-file no/such/dir.sarif t.yaml > nf.out 2> nf.err; echo $? > nf.rc)
if [ "$(cat "$sf/nf.rc")" = 2 ] && grep -q 'no/such/dir.sarif' "$sf/nf.err" && [ ! -s "$sf/nf.out" ]; then
    ok sarif_file_unwritable
else
    not_ok sarif_file_unwritable "rc=$(cat "$sf/nf.rc") $(cat "$sf/nf.err" "$sf/nf.out" | head -n 3)"
fi
