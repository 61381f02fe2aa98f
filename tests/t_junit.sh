# JUnit lists templates only, handler findings under their template; the
# summary counts the handler files read, not only those with findings.

ju="$TMP/junit"
mkdir -p "$ju/src"
cat > "$ju/template.yaml" <<'YAML'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: nodejs22.x
      MemorySize: 512
      Timeout: 10
YAML
printf 'exports.handler = async () => { try { return 1; } catch (e) { throw e; } };\n' > "$ju/src/app.js"
printf '{"name": "app", "version": "1.0.0"}\n' > "$ju/package.json"
printf 'services:\n  web:\n    image: nginx\n' > "$ju/compose.yaml"

# A handler file read and clean still counts as a file of the lint.
out=$(cd "$ju" && "$SAMLINT" --select SL202,SL401 . | tail -n 1)
check junit_summary_counts_clean_handler "No findings in 2 files: 1 template, 1 handler file." "$out"
# Rules that read no handler code: the template alone.
out=$(cd "$ju" && "$SAMLINT" --select SL202 . | tail -n 1)
check junit_summary_no_code_rules "No findings in 1 file." "$out"
# A handler file shared by two templates is one file.
mkdir -p "$TMP/two"
cp "$ju/template.yaml" "$TMP/two/a.yaml"
mkdir -p "$TMP/two/src"
cp "$ju/src/app.js" "$TMP/two/src/app.js"
sed 's#CodeUri: src/#CodeUri: ./src#' "$TMP/two/a.yaml" > "$TMP/two/c.yaml"
out=$(cd "$TMP/two" && "$SAMLINT" --select SL401 a.yaml c.yaml | tail -n 1)
check junit_summary_shared_handler_once "No findings in 3 files: 2 templates, 1 handler file." "$out"
# With a finding in the handler file it is still counted once.
printf 'exports.handler = async () => 1;\n' > "$TMP/two/src/app.js"
out=$(cd "$TMP/two" && "$SAMLINT" --select SL401 a.yaml c.yaml | tail -n 1)
check junit_summary_handler_with_findings "2 findings (0 errors, 2 warnings, 0 info) in 3 files: 2 templates, 1 handler file." "$out"

# JUnit: one suite a template; package.json and compose.yaml (no templates)
# are not listed; a handler file's finding is a test case of its template's
# suite, with the handler file as its classname.
printf 'exports.handler = async () => 1;\n' > "$ju/src/app.js"
(cd "$ju" && "$SAMLINT" --select SL401 --format junit . > "$TMP/j.xml")
got=$(python3 - "$TMP/j.xml" <<'P'
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
print(root.get("tests"), root.get("failures"))
for s in root.findall("testsuite"):
    print("suite", s.get("name"), s.get("tests"), s.get("failures"))
    for c in s.findall("testcase"):
        print(" case", c.get("classname"), c.get("name"), len(c.findall("failure")))
P
)
want="1 1
suite template.yaml 1 1
 case src/app.js SL401 handler-without-error-handling in Fn at 1:9 1"
check junit_templates_only "$want" "$got"
