# t_cli.sh: command-line behaviour: formats, select/ignore, fail-on, exit
# codes, unreadable and missing files, stdin, directories.
FX="$ROOT/fixtures"

"$SAMLINT" --version > out.txt; check "--version exits 0" 0 $?
check_contains "--version names samlint" "samlint " "$(cat out.txt)"
"$SAMLINT" --help > out.txt; check "--help exits 0" 0 $?
check "--help fits a screen (<= 40 lines)" yes "$( [ "$(wc -l < out.txt)" -le 40 ] && echo yes || echo no)"
"$SAMLINT" --bogus 2> err.txt; check "unknown option exits 2" 2 $?
mkdir -p nopath && cp "$FX/SL006/bad.yaml" nopath/t.yaml
out=$(cd nopath && "$SAMLINT" --no-excerpt --select SL006 2>&1); check "no path lints ." "t.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter]
1 finding (0 errors, 1 warning, 0 info) in 1 file." "$out"
"$SAMLINT" --select NOPE "$FX/SL006/bad.yaml" 2> err.txt >/dev/null; check "bad rule id exits 2" 2 $?
"$SAMLINT" --format xml "$FX/SL006/bad.yaml" 2> err.txt >/dev/null; check "bad format exits 2" 2 $?

# Exit status and --fail-on.
"$SAMLINT" "$FX/SL006/good.yaml" > /dev/null; check "clean template exits 0" 0 $?
"$SAMLINT" --select SL006 "$FX/SL006/bad.yaml" > /dev/null; check "warning exits 1 (default fail-on warning)" 1 $?
"$SAMLINT" --select SL006 --fail-on error "$FX/SL006/bad.yaml" > /dev/null; check "warning with --fail-on error exits 0" 0 $?
"$SAMLINT" --select SL006 --fail-on never "$FX/SL004/bad.yaml" > /dev/null; check "--fail-on never exits 0" 0 $?
"$SAMLINT" --select SL006 --severity SL006=error --fail-on error "$FX/SL006/bad.yaml" > out.txt; check "--severity raises a rule" 1 $?
check_contains "--severity shows the new level" ": error: parameter 'Stage'" "$(cat out.txt)"

# Text format contract: path:line:col: severity: message [SLnnn name]
out=$("$SAMLINT" --no-excerpt --select SL006 "$FX/SL006/bad.yaml")
check_contains "text line format" "$FX/SL006/bad.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter]" "$out"
check_contains "text summary line" "1 finding (0 errors, 1 warning, 0 info) in 1 file." "$out"
out=$("$SAMLINT" --select SL006 "$FX/SL006/bad.yaml")
check_contains "excerpt with caret" "    2 |   Stage:" "$out"
check_contains "caret under the column" "      |   ^" "$out"

# select / ignore, prefixes.
n=$("$SAMLINT" --no-excerpt --select SL004 "$FX/SL004/bad.yaml" | grep -c '\[SL004')
check "--select keeps the rule" 7 "$n"
n=$("$SAMLINT" --no-excerpt --ignore SL004 "$FX/SL004/bad.yaml" | grep -c '\[SL004')
check "--ignore drops the rule" 0 "$n"
n=$("$SAMLINT" --no-excerpt --ignore SL0 "$FX/SL004/bad.yaml" | grep -c '\[SL0')
check "--ignore by prefix" 0 "$n"

# JSON format.
"$SAMLINT" --format json --select SL006 "$FX/SL006/bad.yaml" > out.json
if command -v python3 >/dev/null; then
    r=$(python3 -c '
import json,sys
d=json.load(open("out.json"))
f=d["findings"][0]
print(sorted(d.keys()), f["rule"], f["name"], f["severity"], f["line"], f["column"], f["resource"], d["summary"]["warnings"])')
    check "json shape" "['files', 'findings', 'summary', 'version'] SL006 unused-parameter warning 2 3 Stage 1" "$r"
else
    skip "json shape" "no python3"
fi

# Unreadable and missing files: exit 2, message names the file, others still linted.
cp "$FX/SL006/bad.yaml" bad.yaml
cp "$FX/SL006/bad.yaml" locked.yaml; chmod 000 locked.yaml
"$SAMLINT" --no-excerpt --select SL006 missing.yaml bad.yaml > out.txt 2> err.txt; rc=$?
check "missing file exits 2" 2 $rc
check_contains "missing file is named" "samlint: missing.yaml: cannot open" "$(cat err.txt)"
check_contains "other files still linted" "bad.yaml:2:3: warning" "$(cat out.txt)"
# Root reads anything, so as root the unreadable case runs as nobody.
as_user=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    chmod 755 "$TMP" "$(dirname "$TMP")" 2>/dev/null
fi
$as_user "$SAMLINT" --select SL006 locked.yaml "$TMP/bad.yaml" > out.txt 2> err.txt; rc=$?
check "unreadable file exits 2" 2 $rc
check_contains "unreadable file is named" "locked.yaml: cannot open: Permission denied" "$(cat err.txt)"
check_contains "other files still linted after an unreadable one" "bad.yaml:2:3: warning" "$(cat out.txt)"

mkdir -p adir
"$SAMLINT" --select SL006 adir/ > out.txt 2> err.txt; check "empty directory exits 0" 0 $?
mkfifo fifo.yaml 2>/dev/null && {
    timeout 10 "$SAMLINT" fifo.yaml > /dev/null 2> err.txt; check "FIFO named as a file exits 2" 2 $?
    check_contains "FIFO message" "not a regular file" "$(cat err.txt)"
}

# Stdin.
out=$("$SAMLINT" --no-excerpt --select SL006 - < "$FX/SL006/bad.yaml")
check_contains "stdin is linted as <stdin>" "<stdin>:2:3: warning" "$out"

# Directories: templates found recursively, others skipped, skipped dirs.
mkdir -p tree/sub tree/node_modules/x tree/.aws-sam tree/docs
cp "$FX/SL006/bad.yaml" tree/sub/template.yaml
cp "$FX/SL006/bad.yaml" tree/node_modules/x/template.yaml
cp "$FX/SL006/bad.yaml" tree/.aws-sam/template.yaml
cp "$FX/SL006/bad.yaml" tree/notes.txt
printf 'name: ci\non: push\n' > tree/docs/workflow.yml
printf 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: x\n' > tree/docs/not-a-template.yaml
out=$("$SAMLINT" --no-excerpt --select SL0 tree)
check "directory scan finds one template" 1 "$(printf '%s\n' "$out" | grep -c '\[SL006')"
check_contains "directory scan path" "tree/sub/template.yaml:2:3" "$out"
check "directory scan skips non-templates silently" 0 "$(printf '%s\n' "$out" | grep -c 'SL002')"
ln -s .. tree/sub/loop
timeout 20 "$SAMLINT" --select SL0 tree > /dev/null; check "symlink loop under a directory" 1 $?

# Metadata suppressions, template and resource level.
cat > sup.yaml <<'T'
Metadata:
  samlint:
    ignore: [SL006]
Parameters:
  Unused: {Type: String}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Metadata:
      samlint:
        ignore:
          - id: SL004
            reason: generated elsewhere
    DependsOn: Nothing
T
out=$("$SAMLINT" --no-excerpt sup.yaml); rc=$?
check "metadata suppressions silence findings" 0 $rc
check_contains "suppressed count in summary" "2 suppressed" "$out"

# Habits from cfn-lint, Ruff and ShellCheck (issue 12).
mkdir -p habits/vendor habits/src
cp "$FX/SL006/bad.yaml" habits/t.yaml
cp "$FX/SL006/bad.yaml" habits/vendor/v.yaml
"$SAMLINT" -V > out.txt; check "-V exits 0" 0 $?
check_contains "-V names samlint" "samlint " "$(cat out.txt)"
out=$("$SAMLINT" -q --no-excerpt --select SL006 habits/t.yaml); check "-q prints the findings only" "habits/t.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter]" "$out"
"$SAMLINT" --quiet --select SL006 habits/t.yaml > /dev/null; check "--quiet keeps the exit status" 1 $?
"$SAMLINT" --exit-zero --select SL006 habits/t.yaml > /dev/null; check "--exit-zero exits 0 with findings" 0 $?
"$SAMLINT" --exit-zero --select SL006 habits/t.yaml missing.yaml > /dev/null 2>&1; check "--exit-zero keeps exit 2" 2 $?
"$SAMLINT" --fail-on none --select SL006 habits/t.yaml > /dev/null; check "--fail-on none exits 0" 0 $?
"$SAMLINT" --fail-on bogus habits/t.yaml 2> err.txt; check "--fail-on names none" 2 $?
check_contains "--fail-on message says none" "error, warning, info or none" "$(cat err.txt)"
rm -f report.json
"$SAMLINT" -o report.json -f json --select SL006 habits/t.yaml > out.txt; rc=$?
n=$(python3 -c 'import json; print(len(json.load(open("report.json"))["findings"]))' 2>&1)
check "-o writes the report to the file" "1 1 0" "$rc $n $(wc -c < out.txt)"
"$SAMLINT" --output-file /nonexistent/dir/r.txt habits/t.yaml 2> err.txt; check "-o to an unwritable place exits 2" 2 $?
out=$(FORCE_COLOR=1 "$SAMLINT" --no-excerpt --select SL006 habits/t.yaml | head -n 1)
case "$out" in *"$(printf '\033[')"*) ok "FORCE_COLOR colours a pipe" ;; *) not_ok "FORCE_COLOR colours a pipe" "$out" ;; esac
out=$(FORCE_COLOR=1 "$SAMLINT" --color never --no-excerpt --select SL006 habits/t.yaml | head -n 1)
case "$out" in *"$(printf '\033[')"*) not_ok "--color never beats FORCE_COLOR" "$out" ;; *) ok "--color never beats FORCE_COLOR" ;; esac
out=$("$SAMLINT" --no-excerpt --severity SL006=off --select SL0 habits/t.yaml); rc=$?
check "--severity ID=off on the command line" "0 No findings in 1 file." "$rc $out"
out=$("$SAMLINT" -q --no-excerpt --select sl006 --severity sl006=error habits/t.yaml)
check_contains "rule ids in any case" ": error: parameter 'Stage'" "$out"
"$SAMLINT" --explain sl006 > /dev/null; check "--explain in lower case" 0 $?
out=$("$SAMLINT" -q --no-excerpt --select SL006 --ignore sl0 habits/t.yaml); check "--ignore a group in lower case" "" "$out"
out=$("$SAMLINT" -q --no-excerpt --select SL006 habits); check "a scan finds both" 2 "$(printf '%s\n' "$out" | grep -c SL006)"
out=$("$SAMLINT" -q --no-excerpt --select SL006 --exclude 'vendor/*' --exclude '*.json' habits)
check "--exclude GLOB in a scan" "habits/t.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter]" "$out"
out=$("$SAMLINT" --statistics --select SL0 "$FX/SL004/bad.yaml" "$FX/SL006/bad.yaml")
check_contains "--statistics counts per rule" "    7  SL004  unresolved-reference  (error)" "$out"
check_contains "--statistics then the summary" "    1  SL006  unused-parameter  (warning)" "$out"
check "--statistics lists no finding" 0 "$(printf '%s\n' "$out" | grep -c ':[0-9]*:[0-9]*: ')"
"$SAMLINT" --statistics -f json habits/t.yaml > /dev/null 2>&1; check "--statistics with -f json is a usage error" 2 $?
out=$("$SAMLINT" -q --no-excerpt --select SL006 --stdin-filename infra/template.yaml - < habits/t.yaml)
check "--stdin-filename names standard input" "infra/template.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter]" "$out"
# Rule ids in any case: the config file, suppression comments and --rule-option too.
mkdir -p hcase
cp habits/t.yaml hcase/t.yaml
printf 'select: [sl0]\nignore: [sl006]\nseverity:\n  sl004: info\n' > hcase/.samlint.yaml
out=$(cd hcase && "$SAMLINT" -q --no-excerpt t.yaml); check "config ids in lower case" "" "$out"
rm -f hcase/.samlint.yaml
sed 's/^  Stage:$/  Stage:  # samlint: ignore sl006 -- lower case/' habits/t.yaml > hcase/s.yaml
out=$("$SAMLINT" -q --no-excerpt --no-config --select SL006,SL007 hcase/s.yaml); check "suppression ids in lower case" "" "$out"
"$SAMLINT" --no-config --rule-option sl304.factor=4 habits/t.yaml > /dev/null 2>&1; check "--rule-option id in lower case" 1 $?
# Baseline paths are relative to the baseline file: the same from any folder.
mkdir -p hbl/sub
cp habits/t.yaml hbl/t.yaml
(cd hbl && "$SAMLINT" --no-config --select SL006 --write-baseline base.json t.yaml > /dev/null 2>&1)
out=$("$SAMLINT" --no-config -q --no-excerpt --select SL006 --baseline hbl/base.json hbl/t.yaml); check "baseline from the folder above" "0 " "$? $out"
out=$(cd hbl/sub && "$SAMLINT" --no-config -q --no-excerpt --select SL006 --baseline ../base.json ../t.yaml); check "baseline from a subfolder" "0 " "$? $out"
hb="$(pwd)/hbl"
out=$(cd / && "$SAMLINT" --no-config -q --no-excerpt --select SL006 --baseline "$hb/base.json" "$hb/t.yaml"); check "baseline from /" "0 " "$? $out"
("$SAMLINT" --no-config --select SL006 --write-baseline hbl/other.json hbl/t.yaml > /dev/null 2>&1)
out=$(cd hbl && "$SAMLINT" --no-config -q --no-excerpt --select SL006 --baseline other.json t.yaml); check "baseline written from elsewhere, used from its folder" "0 " "$? $out"
# --stdin-filename: the handler code is found from the named file's folder.
printf 'exports.handler = async () => { return 1; };\n' > habits/src/app.js
printf 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n      CodeUri: src/\n      Handler: app.handler\n' > habits/fn.yaml
out=$("$SAMLINT" -q --no-excerpt --select SL401,SL407 --stdin-filename habits/fn.yaml - < habits/fn.yaml)
check "--stdin-filename resolves CodeUri from its folder" "habits/src/app.js" "$(printf '%s' "$out" | cut -d: -f1)"
# One path style: a scan of "." and "./t.yaml" print "t.yaml".
out=$(cd habits && "$SAMLINT" -q --no-excerpt --select SL006 . ./t.yaml | sort -u)
check "no ./ in front of some paths" "t.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter]
vendor/v.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter]" "$out"
# -- ends the options: a file named like an option is linted, never obeyed.
cp habits/t.yaml habits/--write-baseline=pwn.yaml
out=$(cd habits && "$SAMLINT" -q --no-excerpt --select SL006 -- --write-baseline=pwn.yaml); rc=$?
check "-- before a file named like an option" "1 --write-baseline=pwn.yaml:2:3: warning: parameter 'Stage' is never referenced [SL006 unused-parameter] no" \
    "$rc $out $([ -e habits/pwn.yaml ] && echo yes || echo no)"
# The summary counts templates and handler files.
printf 'const AWS = require("aws-sdk");\nexports.handler = async () => 1;\n' > habits/src/app.js
out=$("$SAMLINT" --no-excerpt --select SL006,SL401 habits/fn.yaml habits/t.yaml | tail -n 1)
check "summary counts templates and handler files" "2 findings (0 errors, 2 warnings, 0 info) in 3 files: 2 templates, 1 handler file." "$out"
